"""The model-backed provider: any OpenAI-compatible chat endpoint through the ``openai`` client.

The only module that imports ``openai``. Per stage: ask for JSON (structured outputs,
JSON mode or a prompted shape, whichever the endpoint takes), validate it into the stage's
model, and re-ask with the errors until it fits or ``max_attempts`` replies are spent.
Transport retries (429, 5xx, timeouts) are the client's own, honouring ``Retry-After``.
The API key reaches the client and nothing else: every text that leaves this module is
scrubbed of it, and exceptions are raised without the client's (request-carrying) cause.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

import openai
from pydantic import BaseModel, ConfigDict, ValidationError

from flashapps.errors import GenerationError, UserError
from flashapps.spec.base import Language
from generator.llm_settings import LLMSettings
from generator.providers.base import StageRequest
from generator.providers.openai_schema import strict_schema
from generator.providers.openai_text import (
    build_messages,
    clip,
    describe_errors,
    looks_refused,
    parse_json,
    policy_findings,
    redact_url,
    scrub,
)

__all__ = ["CallRecord", "OpenAIProvider"]

T = TypeVar("T", bound=BaseModel)
Mode = Literal["json_schema", "json_object", "prompt"]
_NEXT_MODE: dict[str, Mode] = {"json_schema": "json_object", "json_object": "prompt"}

log = logging.getLogger("generator.providers.openai")


class CallRecord(BaseModel):
    """One call to the model: what it cost and how it ended."""

    model_config = ConfigDict(extra="forbid")

    stage: str
    model: str
    mode: Mode
    attempt: int
    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False
    cost_usd: float = 0.0
    duration_ms: float = 0.0
    outcome: Literal["ok", "invalid", "truncated", "refused", "error"] = "ok"


@dataclass
class Reply:
    content: str
    finish: str
    refusal: str | None
    record: CallRecord


class OpenAIProvider:
    """Fills in a stage by asking a chat model; ``calls`` and ``spent_usd`` account for it."""

    name = "openai"

    def __init__(self, settings: LLMSettings | None = None) -> None:
        self.settings = settings = settings or LLMSettings()
        key = settings.api_key.get_secret_value() if settings.api_key else ""
        self._url = redact_url(settings.base_url or "")
        if not key and settings.needs_key:
            raise UserError(
                f"No API key for {self._url}. Set FLASHAPPS_LLM_API_KEY (or OPENAI_API_KEY), "
                "or use a local model, e.g. FLASHAPPS_LLM_PRESET=ollama.",
                f"没有 {self._url} 的 API 密钥。请设置 FLASHAPPS_LLM_API_KEY（或 OPENAI_API_KEY），"
                "或使用本地模型，例如 FLASHAPPS_LLM_PRESET=ollama。",
            )
        self._secrets = [key] if key else []
        self._client = openai.OpenAI(
            api_key=key or "no-key",  # local servers accept any key; the client insists on one
            base_url=settings.base_url,
            timeout=settings.timeout_s,
            max_retries=settings.max_retries,
        )
        self.mode: Mode = settings.first_mode
        self._tokens_param = "max_tokens"
        self.calls: list[CallRecord] = []

    def __repr__(self) -> str:
        return f"OpenAIProvider(model={self.settings.model!r}, base_url={self._url!r}, mode={self.mode!r})"

    # -- lifecycle and accounting ------------------------------------------------------------
    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> OpenAIProvider:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def spent_usd(self) -> float:
        return sum(call.cost_usd for call in self.calls)

    def reset_usage(self) -> None:
        """Starts a new generation: the spend cap counts from zero again."""
        self.calls = []

    def note(self, idea: str, language: Language | None) -> str:
        overrides = "".join(f", {stage}: {model}" for stage, model in self.settings.stage_models.items())
        return f"model {self.settings.model}{overrides} via {self._url} ({self.mode})"

    # -- the stage -------------------------------------------------------------------------
    def produce(self, request: StageRequest, output: type[T]) -> T:
        stage, model = request.stage, self.settings.model_for(request.stage)
        messages = build_messages(request, output)
        problems: list[str] = []
        last = ""
        attempts = self.settings.max_attempts
        for attempt in range(1, attempts + 1):
            reply = self._complete(stage, model, messages, output, attempt)
            last = reply.content
            if reply.refusal is not None or (reply.finish != "length" and looks_refused(reply.content)):
                reply.record.outcome = "refused"
                raise self._refused(stage, attempt, reply.refusal or reply.content)
            result, problems = _check(reply.content, output, stage)
            if result is not None:  # a complete, valid object is usable even if the limit was hit
                return result
            if reply.finish == "length":
                reply.record.outcome = "truncated"
                limit = self.settings.max_tokens
                problems = [f"the reply was cut off at the {limit}-token limit; reply with a shorter JSON object"]
                ask = (
                    f"Your reply was cut off at the {limit}-token limit. "
                    "Reply again with a SHORTER JSON object: fewer items, shorter texts."
                )
            else:
                reply.record.outcome = "invalid"
                ask = (
                    "Your reply does not fit. Fix these problems and reply with the whole corrected JSON object only:\n"
                    + "\n".join(f"- {p}" for p in problems)
                )
            log.warning("stage %s attempt %d/%d rejected: %s", stage, attempt, attempts, self._clean(problems[0]))
            messages = [
                *messages,
                {"role": "assistant", "content": clip(reply.content, 4000)},
                {"role": "user", "content": ask},
            ]
        first = self._clean(clip(problems[0], 200)) if problems else "no reply"
        raise GenerationError(
            f"The model gave no valid result for the {stage} stage in {attempts} attempt(s): {first}. "
            "Try again, rephrase the idea, or use a larger model.",
            f"模型在 {attempts} 次尝试内没有为“{stage}”阶段给出有效结果：{first}。请重试、换个说法，或换用更大的模型。",
            stage=stage,
            attempts=attempts,
            last_output=self._clean(clip(last, 2000)),
        )

    # -- one call, with format fallback and error translation ------------------------------
    def _complete(
        self, stage: str, model: str, messages: list[dict[str, str]], output: type[BaseModel], attempt: int
    ) -> Reply:
        while True:
            self._check_cap(stage, attempt)
            record = CallRecord(stage=stage, model=model, mode=self.mode, attempt=attempt)
            began = time.perf_counter()
            try:
                completion = self._client.chat.completions.create(**self._arguments(model, messages, output))
            except openai.BadRequestError as exc:
                self._finish(record, began, "error")
                if self._adapt(exc):
                    continue
                raise self._status_error(stage, attempt, exc) from None
            except openai.APIError as exc:
                self._finish(record, began, "error")
                raise self._transport_error(stage, attempt, model, exc) from None
            usage = completion.usage
            choice = completion.choices[0] if completion.choices else None
            content = (choice.message.content or "") if choice else ""
            if usage is not None:
                record.prompt_tokens, record.completion_tokens = usage.prompt_tokens, usage.completion_tokens
            else:  # some local servers send no usage: estimate, about 4 characters a token
                record.prompt_tokens = sum(len(m["content"]) for m in messages) // 4
                record.completion_tokens, record.estimated = len(content) // 4, True
            self._finish(record, began, "ok")
            finish = choice.finish_reason if choice else "stop"
            refusal = choice.message.refusal if choice else None
            if finish == "content_filter":
                refusal = refusal or "the endpoint's content filter stopped the reply"
            return Reply(content=content, finish=finish, refusal=refusal, record=record)

    def _arguments(self, model: str, messages: list[dict[str, str]], output: type[BaseModel]) -> dict[str, Any]:
        arguments: dict[str, Any] = {"model": model, "messages": messages, self._tokens_param: self.settings.max_tokens}
        if self.settings.temperature is not None:
            arguments["temperature"] = self.settings.temperature
        if self.mode == "json_schema":
            schema, strict = strict_schema(output)
            arguments["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": output.__name__, "schema": schema, "strict": strict},
            }
        elif self.mode == "json_object":
            arguments["response_format"] = {"type": "json_object"}
        return arguments

    def _finish(self, record: CallRecord, began: float, outcome: Literal["ok", "error"]) -> None:
        record.duration_ms = (time.perf_counter() - began) * 1000
        record.cost_usd = self.settings.cost(record.prompt_tokens, record.completion_tokens)
        record.outcome = outcome
        self.calls.append(record)
        log.info(
            "stage=%s model=%s mode=%s attempt=%d tokens=%d+%d cost=$%.5f %.0fms %s",
            record.stage,
            record.model,
            record.mode,
            record.attempt,
            record.prompt_tokens,
            record.completion_tokens,
            record.cost_usd,
            record.duration_ms,
            outcome,
        )

    def _adapt(self, exc: openai.BadRequestError) -> bool:
        """Whether the request can be sent again in a form this endpoint takes (remembered)."""
        detail = _detail(exc).lower()
        if self._tokens_param == "max_tokens" and "max_completion_tokens" in detail:
            self._tokens_param = "max_completion_tokens"
            return True
        unsupported = any(
            word in detail for word in ("response_format", "response format", "json_schema", "json_object")
        )
        if unsupported and self.settings.structured == "auto" and self.mode in _NEXT_MODE:
            log.warning("%s refused response_format %s; trying %s", self._url, self.mode, _NEXT_MODE[self.mode])
            self.mode = _NEXT_MODE[self.mode]
            return True
        return False

    def _check_cap(self, stage: str, attempt: int) -> None:
        cap, spent = self.settings.spend_cap_usd, self.spent_usd
        if cap is not None and spent >= cap:
            raise GenerationError(
                f"Spend cap reached: ${spent:.4f} of ${cap:.2f} spent on this generation, so the {stage} stage "
                "was not sent. Raise FLASHAPPS_LLM_SPEND_CAP_USD or start a new generation.",
                f"已达到花费上限：本次生成已花费 ${spent:.4f}（上限 ${cap:.2f}），“{stage}”阶段未发送。"
                "请提高 FLASHAPPS_LLM_SPEND_CAP_USD 或重新开始生成。",
                stage=stage,
                attempts=attempt - 1,
            )

    # -- errors ------------------------------------------------------------------------------
    def _clean(self, text: str) -> str:
        return scrub(text, self._secrets)

    def _refused(self, stage: str, attempt: int, text: str) -> GenerationError:
        said = self._clean(clip(" ".join(text.split()), 200))
        return GenerationError(
            f"The model refused the {stage} stage: “{said}”. Rephrase the idea as an app to build.",
            f"模型拒绝了“{stage}”阶段：“{said}”。请把想法改写成一个要做的应用。",
            stage=stage,
            attempts=attempt,
            last_output=self._clean(clip(text, 2000)),
        )

    def _status_error(self, stage: str, attempt: int, exc: openai.APIStatusError) -> UserError:
        detail = self._clean(clip(_detail(exc), 300))
        status = exc.status_code
        if status in (400, 422) and self.settings.structured != "auto" and "response_format" in detail.lower():
            return UserError(
                f"The model server at {self._url} does not take structured mode {self.mode!r} ({detail}). "
                "Set FLASHAPPS_LLM_STRUCTURED=auto to fall back to what it supports.",
                f"{self._url} 的模型服务不支持结构化模式 {self.mode!r}（{detail}）。"
                "请设置 FLASHAPPS_LLM_STRUCTURED=auto，自动改用它支持的方式。",
            )
        return GenerationError(
            f"The model server rejected the {stage} request (HTTP {status}): {detail}",
            f"模型服务拒绝了“{stage}”阶段的请求（HTTP {status}）：{detail}",
            stage=stage,
            attempts=attempt,
        )

    def _transport_error(self, stage: str, attempt: int, model: str, exc: openai.APIError) -> UserError:
        url, retries = self._url, self.settings.max_retries
        if isinstance(exc, openai.APITimeoutError):
            seconds = f"{self.settings.timeout_s:g}"
            return GenerationError(
                f"The model did not answer within {seconds} s (stage {stage}, {retries} retries). "
                "A local model may need a longer FLASHAPPS_LLM_TIMEOUT_S, a smaller model "
                "or a smaller FLASHAPPS_LLM_MAX_TOKENS.",
                f"模型在 {seconds} 秒内没有回应（“{stage}”阶段，已重试 {retries} 次）。"
                "本地模型可能需要更长的 FLASHAPPS_LLM_TIMEOUT_S、更小的模型或更小的 FLASHAPPS_LLM_MAX_TOKENS。",
                stage=stage,
                attempts=attempt,
            )
        if isinstance(exc, openai.APIConnectionError):
            return UserError(
                f"Cannot reach the model server at {url}. Check that it is running (for example `ollama serve`) "
                "and that FLASHAPPS_LLM_BASE_URL (or OPENAI_BASE_URL) is right, /v1 included.",
                f"无法连接 {url} 的模型服务。请确认它正在运行（例如 `ollama serve`），"
                "并检查 FLASHAPPS_LLM_BASE_URL（或 OPENAI_BASE_URL）是否正确，包括 /v1 部分。",
            )
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return UserError(
                f"The model server at {url} refused the API key (HTTP {exc.status_code}). "
                "Check FLASHAPPS_LLM_API_KEY (or OPENAI_API_KEY).",
                f"{url} 的模型服务拒绝了 API 密钥（HTTP {exc.status_code}）。"
                "请检查 FLASHAPPS_LLM_API_KEY（或 OPENAI_API_KEY）。",
            )
        if isinstance(exc, openai.NotFoundError):
            return UserError(
                f"The model server at {url} has no model {model!r} or no chat endpoint (HTTP 404). "
                "Check FLASHAPPS_LLM_MODEL and that the base URL ends in /v1.",
                f"{url} 的模型服务没有模型 {model!r} 或聊天接口（HTTP 404）。"
                "请检查 FLASHAPPS_LLM_MODEL，以及基础地址是否以 /v1 结尾。",
            )
        if isinstance(exc, openai.RateLimitError):
            return GenerationError(
                f"The model server is still rate limiting after {retries} retries (HTTP 429, stage {stage}). "
                "Wait a minute and try again, or check the account's quota.",
                f"重试 {retries} 次后模型服务仍在限流（HTTP 429，“{stage}”阶段）。请稍等一分钟再试，或检查账户额度。",
                stage=stage,
                attempts=attempt,
            )
        if isinstance(exc, openai.APIStatusError):
            return self._status_error(stage, attempt, exc)
        detail = self._clean(clip(str(exc), 300))
        return GenerationError(
            f"The model server gave an unusable answer (stage {stage}): {detail}",
            f"模型服务的回应无法使用（“{stage}”阶段）：{detail}",
            stage=stage,
            attempts=attempt,
        )


def _check(content: str, output: type[T], stage: str) -> tuple[T | None, list[str]]:
    """The reply as the stage's model, or what is wrong with it (JSON, schema, sandbox policy)."""
    try:
        result = output.model_validate(parse_json(content, output))
    except ValidationError as exc:
        return None, describe_errors(exc)
    except ValueError as exc:
        return None, [str(exc)]
    problems = policy_findings(result) if stage == "logic" else []
    return (None if problems else result), problems


def _detail(exc: openai.APIStatusError) -> str:
    """The server's own error message, without the client's framing."""
    body = exc.body
    if isinstance(body, dict) and isinstance(body.get("message"), str):
        return str(body["message"])
    return str(exc.message)
