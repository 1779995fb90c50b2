"""``--provider local``: the openai provider pointed at a model served on this machine.

The model (``FLASHAPPS_LOCAL_MODEL``: ``local-small`` by default, or ``local``) is installed
and checked on first use, its server started on demand in a child process on 127.0.0.1 and
stopped when idle or at exit (``generator.localmodel``). Calls run at temperature 0 with a
token cap per stage.

A model of 0.5B parameters cannot be trusted to keep names straight or to stop on its own, so
its replies are held to a grammar (llguidance, compact JSON: no indentation tokens) built from
the stage's JSON schema and tightened for it (``local_schema``, in ``generator.providers.local_schema``):

- every list and string bounded, most a little tighter than the spec (few items, short texts);
- optional keys stay optional (fewer tokens), discriminator tags come first;
- keys a small model gets wrong and the app does without are left out (seed rows, help texts);
- rules pydantic checks after the fact become alternatives (a choice field has options, other
  fields have none; sum/avg/min/max metrics name a field);
- names fixed by earlier stages become enums: the entities, fields and metrics a screen's
  components use, the functions and parameters the logic writes, the widget keys, their values
  and the outputs a key path uses.

What the grammar cannot say, ``tidy`` puts right before validation (repeated names renamed,
references to fields of the wrong type repaired or dropped, a quiz answer kept among its choices).
Everything is still validated against the stage's pydantic model.

The prompt is the openai provider's without the reply's shape (the grammar holds the reply to
it; a 0.5B model copies its notation instead), and each stage runs in its own server slot, whose
prompt cache then serves the same stage of the next idea: only the idea and the earlier stages'
output are read again (measured: 4,300 prompt tokens read for the first idea, 1,800 for the next).
"""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel, SecretStr

from flashapps.events import STAGES
from flashapps.spec.base import Language
from generator.llm_settings import LLMSettings
from generator.localmodel import MODELS, LocalModelSettings, LocalServer, shared_server
from generator.providers.base import StageRequest
from generator.providers.local_schema import BY_OUTPUT, local_schema, local_shape, tidy
from generator.providers.openai_provider import OpenAIProvider, Reply

__all__ = ["STAGE_MAX_TOKENS", "LocalProvider", "local_schema", "local_shape", "tidy"]

T = TypeVar("T", bound=BaseModel)

STAGE_MAX_TOKENS: dict[str, int] = {
    "value": 200,
    "data": 700,
    "feedback": 200,
    "screens": 1200,
    "logic": 900,
    "key_paths": 1000,
}
"""Completion tokens per stage (compact JSON): room for the longest reply the grammar allows in
practice (its lists and texts are bounded), so that a reply is cut off only by a runaway loop."""

SHAPE_IN_PROMPT = False
"""Whether the prompt shows the reply's shape (measured: without it, shorter prompts and better replies)."""

_SHAPE_HEAD = "Reply with one JSON object of this shape ("


class LocalProvider(OpenAIProvider):
    """The openai provider on a ``LocalServer``; the server is shared by every provider of the process."""

    name = "local"

    def __init__(self, local: LocalModelSettings | None = None, server: LocalServer | None = None) -> None:
        self.local = local = local or LocalModelSettings()
        self.server = server or shared_server(local)
        model = local.local_model if server is None else server.model.stem
        settings = LLMSettings(
            _env_file=None,
            preset=None,
            base_url=self.server.url or "http://127.0.0.1:9/v1",  # the real port is set on each call
            api_key=SecretStr("local"),  # never a real key: nothing leaves this machine
            model=model,
            stage_models={},
            timeout_s=local.local_timeout_s,
            max_tokens=max(STAGE_MAX_TOKENS.values()),
            max_retries=0,
            max_attempts=local.local_max_attempts,
            temperature=0.0,
            spend_cap_usd=None,
            structured="json_schema",
        )
        super().__init__(settings)
        self._request: StageRequest | None = None
        self._stage = ""
        self.timings: list[dict[str, Any]] = []
        """llama.cpp's own figures per call: prompt tokens read (``prompt_n``, ``prompt_ms``; the
        cached prefix, ``cache_n``, is not read again) and tokens written (``predicted_n``, ``predicted_ms``)."""
        create = self._client.chat.completions.create

        def timed(**arguments: Any) -> Any:
            completion = create(**arguments)
            figures = (getattr(completion, "model_extra", None) or {}).get("timings")
            if isinstance(figures, dict):
                keys = ("prompt_n", "prompt_ms", "predicted_n", "predicted_ms", "cache_n")
                self.timings.append({"stage": self._stage, **{k: figures.get(k) for k in keys}})
            return completion

        setattr(self._client.chat.completions, "create", timed)  # noqa: B010 (an instance attribute, on purpose)

    def __repr__(self) -> str:
        return f"LocalProvider(model={self.settings.model!r}, server={self.server!r})"

    def note(self, idea: str, language: Language | None) -> str:
        info = MODELS.get(self.settings.model or "")
        title = info.title if info else self.server.model.name
        return (
            f"local model {self.settings.model} ({title}) on 127.0.0.1 "
            f"(llama.cpp, {self.server.threads_used} thread{'s' if self.server.threads_used != 1 else ''})"
        )

    def produce(self, request: StageRequest, output: type[T]) -> T:
        if _only_answer(request, output):  # the grammar admits one reply: reading the prompt would be waste
            return output.model_validate({"logic": []})
        with self.server.use() as url:
            if str(self._client.base_url).rstrip("/") != url:
                self._client.base_url = url
            self._request = request
            return super().produce(request, output)

    def _complete(
        self, stage: str, model: str, messages: list[dict[str, str]], output: type[BaseModel], attempt: int
    ) -> Reply:
        self._stage = stage
        reply = super()._complete(stage, model, messages, output, attempt)
        try:
            data = json.loads(reply.content)
        except ValueError:
            return reply
        if isinstance(data, dict):
            reply.content = json.dumps(tidy(stage, data), ensure_ascii=False)
        return reply

    def _arguments(self, model: str, messages: list[dict[str, str]], output: type[BaseModel]) -> dict[str, Any]:
        arguments = super()._arguments(model, _without_shape(messages, output), output)
        stage = BY_OUTPUT.get(output, "")
        arguments[self._tokens_param] = STAGE_MAX_TOKENS.get(stage, self.settings.max_tokens)
        if self.mode == "json_schema":  # the grammar itself: compact JSON, no whitespace to generate
            schema = {**local_schema(output, self._request), "x-guidance": {"whitespace_flexible": False}}
            arguments.pop("response_format", None)
            arguments["extra_body"] = {"grammar": "%llguidance {}\nstart: %json " + json.dumps(schema)}
        if stage in STAGES and self.server.slots >= len(STAGES):  # each stage in its own slot: its cached prompt
            arguments.setdefault("extra_body", {})["id_slot"] = STAGES.index(stage)
        return arguments


def _only_answer(request: StageRequest, output: type[BaseModel]) -> bool:
    """Whether the logic stage can only answer ``{"logic": []}`` (no calculator names a function):
    measured, that call read 460-880 prompt tokens (8-16 s here) to write 5."""
    if request.stage != "logic" or BY_OUTPUT.get(output) != "logic" or request.feedback:
        return False
    logic = local_schema(output, request)["properties"]["logic"]
    return bool(logic.get("maxItems") == 0)


def _without_shape(messages: list[dict[str, str]], output: type[BaseModel]) -> list[dict[str, str]]:
    """The messages without the reply's shape at the end of the user message: the grammar holds the
    reply to it, and a 0.5B model copies its notation (``"title": "text(1-80)"``) instead of
    following it. The stage's instructions in the system message still say what each key is for."""
    if len(messages) < 2 or messages[0]["role"] != "system":
        return messages
    user = messages[1]["content"]
    cut = user.rfind("\n\n" + _SHAPE_HEAD)
    if cut < 0:
        return messages
    if SHAPE_IN_PROMPT:  # then at the end of the system message, the same for every idea (cached)
        legend = user[cut + 2 :].split("\n", 1)[0]
        system = f"{messages[0]['content']}\n\n{legend}\n{local_shape(output)}"
        return [{"role": "system", "content": system}, {**messages[1], "content": user[:cut]}, *messages[2:]]
    return [messages[0], {**messages[1], "content": user[:cut]}, *messages[2:]]
