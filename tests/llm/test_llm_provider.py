"""The openai provider through the real openai client against the scripted server: the six
stages, structured-output modes and their fallback, re-asks, truncation, refusals, accounting."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from sample_specs import water_tracker
from scripted_server import ScriptedServer, error, ok, refusal, truncated

from flashapps.errors import GenerationError, UserError
from flashapps.events import STAGES
from flashapps.settings import Settings
from generator.generate import generate
from generator.providers import StageRequest, get_provider
from generator.providers.openai_provider import OpenAIProvider
from generator.stages import STAGE_OUTPUTS, FeedbackOut, ScreensOut, ValueOut, split

IDEA = "an app to track my daily water intake"
Make = Callable[..., OpenAIProvider]


def _request(stage: str = "value", **kwargs: Any) -> StageRequest:
    return StageRequest(idea=IDEA, stage=stage, **kwargs)


def _value() -> ValueOut:
    return split(water_tracker())["value"]  # type: ignore[return-value]


def _user(body: dict[str, Any]) -> str:
    return str(body["messages"][1]["content"])


def test_six_stages_through_the_pipeline_make_the_spec(scripted_server: ScriptedServer, make_provider: Make) -> None:
    spec = water_tracker()
    parts = split(spec)
    scripted_server.script(*(ok(parts[stage]) for stage in STAGES))
    provider = make_provider()

    generation = generate(IDEA, provider=provider)

    assert generation.spec == spec
    assert [e.stage for e in generation.events] == list(STAGES)
    bodies = scripted_server.bodies
    assert len(bodies) == 6
    for stage, body in zip(STAGES, bodies, strict=True):
        assert body["model"] == "test-model"
        assert body["temperature"] == 0.2
        assert body["max_tokens"] == 4096
        schema = body["response_format"]["json_schema"]
        assert body["response_format"]["type"] == "json_schema"
        assert schema["name"] == STAGE_OUTPUTS[stage].__name__
        assert body["messages"][0]["role"] == "system" and body["messages"][1]["role"] == "user"
    # later stages see the earlier ones as JSON context
    assert '"title":"Water Tracker"' in _user(bodies[5])
    assert "add__submit (form_submit_button)" in _user(bodies[5])  # key_paths are told the widget keys
    assert "Functions to write: daily_need(weight)" in _user(bodies[4])
    assert generation.note == f"model test-model via {scripted_server.url} (json_schema)"
    assert [c.stage for c in provider.calls] == list(STAGES)
    assert all(c.outcome == "ok" and c.prompt_tokens > 0 and c.completion_tokens > 0 for c in provider.calls)


def test_strict_schema_is_closed_where_it_can_be(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok(split(water_tracker())["screens"]), ok({"logic": []}))
    provider = make_provider()
    provider.produce(_request("screens"), ScreensOut)
    provider.produce(_request("logic"), STAGE_OUTPUTS["logic"])
    screens, logic = (b["response_format"]["json_schema"] for b in scripted_server.bodies)
    assert screens["strict"] is True
    assert logic["strict"] is False  # example args are an open map: not expressible strictly

    def schemas(node: Any) -> list[dict[str, Any]]:
        """Every sub-schema (property names are not keywords)."""
        found = [node]
        for key, value in node.items():
            if key in ("properties", "$defs"):
                value = list(value.values())
            if isinstance(value, dict):
                found += schemas(value)
            elif isinstance(value, list):
                found += [s for item in value if isinstance(item, dict) for s in schemas(item)]
        return found

    every = schemas(screens["schema"])
    closed = [s for s in every if s.get("type") == "object"]
    assert closed and all(o["additionalProperties"] is False and o["required"] == list(o["properties"]) for o in closed)
    for keyword in ("default", "oneOf", "const", "discriminator", "maxLength", "title"):
        assert not [s for s in every if keyword in s], keyword
    assert all(list(s) == ["$ref"] for s in every if "$ref" in s)


def test_429_is_retried_with_backoff(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(error(429, "slow down", retry_after="0"), ok(_value()))
    provider = make_provider()
    assert provider.produce(_request(), ValueOut) == _value()
    assert len(scripted_server.bodies) == 2
    assert len(provider.calls) == 1  # one call for the account: the client retried inside it


def test_500_is_retried(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(error(500, "boom", retry_after="0.01"), error(503, retry_after="0.01"), ok(_value()))
    assert make_provider().produce(_request(), ValueOut) == _value()
    assert len(scripted_server.bodies) == 3


def test_429_beyond_the_retries_is_a_clear_error(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(*[error(429, retry_after="0.01")] * 2)
    with pytest.raises(GenerationError) as caught:
        make_provider(max_retries=1).produce(_request(), ValueOut)
    assert "rate limiting" in str(caught.value) and "限流" in caught.value.messages["zh"]
    assert len(scripted_server.bodies) == 2


def test_malformed_json_is_sent_back_with_the_error(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok('{"title": "Water", "value": '), ok(_value()))
    provider = make_provider()
    assert provider.produce(_request(), ValueOut) == _value()
    first, second = scripted_server.bodies
    assert second["messages"][:2] == first["messages"]
    assert second["messages"][2] == {"role": "assistant", "content": '{"title": "Water", "value": '}
    assert "not valid JSON" in second["messages"][3]["content"]
    assert [c.outcome for c in provider.calls] == ["invalid", "ok"]
    assert [c.attempt for c in provider.calls] == [1, 2]


def test_truncated_reply_asks_for_a_shorter_one(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(truncated('{"title": "Water Tracker", "value": "Drink'), ok(_value()))
    provider = make_provider(max_tokens=256)
    assert provider.produce(_request(), ValueOut) == _value()
    reask = scripted_server.bodies[1]["messages"][3]["content"]
    assert "cut off at the 256-token limit" in reask and "SHORTER" in reask
    assert scripted_server.bodies[0]["max_tokens"] == 256
    assert [c.outcome for c in provider.calls] == ["truncated", "ok"]


def test_a_complete_object_at_the_limit_is_used(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(truncated(_value().model_dump_json()))
    assert make_provider().produce(_request(), ValueOut) == _value()
    assert len(scripted_server.bodies) == 1


def test_truncated_every_time_fails_after_max_attempts(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(*[truncated('{"feedback": ["a')] * 3)
    with pytest.raises(GenerationError) as caught:
        make_provider().produce(_request("feedback"), FeedbackOut)
    assert caught.value.attempts == 3 and "cut off" in str(caught.value)


def test_schema_violations_three_times(scripted_server: ScriptedServer, make_provider: Make) -> None:
    bad = {"title": "", "value": "x", "colour": "blue"}
    scripted_server.script(*[ok(bad)] * 3)
    with pytest.raises(GenerationError) as caught:
        make_provider().produce(_request(), ValueOut)
    exc = caught.value
    assert exc.stage == "value" and exc.attempts == 3
    assert json.loads(exc.last_output) == bad
    assert "value stage in 3 attempt(s)" in str(exc) and "3 次尝试" in exc.messages["zh"]
    assert len(scripted_server.bodies) == 3
    reask = scripted_server.bodies[2]["messages"][-1]["content"]
    assert "title: String should have at least 1 character" in reask
    assert "colour: Extra inputs are not permitted" in reask


def test_structured_refusal(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(refusal("I can't help with that request."))
    with pytest.raises(GenerationError) as caught:
        make_provider().produce(_request(), ValueOut)
    assert "refused" in str(caught.value) and "拒绝" in caught.value.messages["zh"]
    assert len(scripted_server.bodies) == 1  # a refusal is not re-asked


def test_prose_refusal(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok("I'm sorry, but I can't help with building that."))
    with pytest.raises(GenerationError, match="refused"):
        make_provider().produce(_request(), ValueOut)


def test_json_schema_unsupported_falls_back_and_is_remembered(
    scripted_server: ScriptedServer, make_provider: Make
) -> None:
    scripted_server.script(
        error(400, "response_format json_schema is not supported by this model"),
        ok(_value()),
        ok({"feedback": ["today's total"]}),
    )
    provider = make_provider()
    assert provider.produce(_request(), ValueOut) == _value()
    provider.produce(_request("feedback"), FeedbackOut)
    formats = [b["response_format"]["type"] for b in scripted_server.bodies]
    assert formats == ["json_schema", "json_object", "json_object"]
    assert provider.mode == "json_object" and provider.note(IDEA, None).endswith("(json_object)")
    assert [c.attempt for c in provider.calls] == [1, 1, 1]  # the fallback costs no attempt


def test_json_object_unsupported_falls_back_to_prompted_json(
    scripted_server: ScriptedServer, make_provider: Make
) -> None:
    fenced = "Here it is:\n```json\n" + _value().model_dump_json(indent=2) + "\n```"
    scripted_server.script(
        error(400, "Unknown parameter: response_format.json_schema"),
        error(400, "'response_format' of type 'json_object' is not supported"),
        ok(fenced),
    )
    provider = make_provider()
    assert provider.produce(_request(), ValueOut) == _value()
    assert "response_format" not in scripted_server.bodies[2]
    assert "ValueOut = {title: text(1-80)" in _user(scripted_server.bodies[2])  # the shape is in the prompt
    assert provider.mode == "prompt"


def test_fixed_mode_does_not_fall_back(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(error(400, "response_format json_schema is not supported"))
    with pytest.raises(UserError, match="FLASHAPPS_LLM_STRUCTURED=auto"):
        make_provider(structured="json_schema").produce(_request(), ValueOut)
    assert len(scripted_server.bodies) == 1


def test_max_completion_tokens_is_used_when_asked(scripted_server: ScriptedServer, make_provider: Make) -> None:
    message = "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens'."
    scripted_server.script(error(400, message), ok(_value()))
    make_provider().produce(_request(), ValueOut)
    first, second = scripted_server.bodies
    assert "max_tokens" in first and second["max_completion_tokens"] == 4096 and "max_tokens" not in second


def test_small_model_ignoring_the_format_fails_within_bounds(
    scripted_server: ScriptedServer, make_provider: Make
) -> None:
    prose = "Sure! Your app will be called Water Tracker and it helps you drink more water every day."
    scripted_server.script(*[ok(prose)] * 5)
    with pytest.raises(GenerationError) as caught:
        make_provider(max_tokens=512).produce(_request(), ValueOut)
    assert caught.value.attempts == 3 and "holds no JSON object" in str(caught.value)
    assert len(scripted_server.bodies) == 3
    assert all(b["max_tokens"] == 512 for b in scripted_server.bodies)


def test_per_stage_model_override_and_settings_pass_through(
    scripted_server: ScriptedServer, make_provider: Make
) -> None:
    scripted_server.script(ok(_value()), ok({"feedback": ["today's total"]}))
    provider = make_provider(stage_models={"feedback": "big-model"}, temperature=0.7, max_tokens=1000)
    provider.produce(_request(), ValueOut)
    provider.produce(_request("feedback"), FeedbackOut)
    value, feedback = scripted_server.bodies
    assert value["model"] == "test-model" and feedback["model"] == "big-model"
    assert value["temperature"] == 0.7 and value["max_tokens"] == 1000
    assert [c.model for c in provider.calls] == ["test-model", "big-model"]
    assert "feedback: big-model" in provider.note(IDEA, None)


def test_temperature_none_is_left_out(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok(_value()))
    make_provider(temperature=None).produce(_request(), ValueOut)
    assert "temperature" not in scripted_server.bodies[0]


def test_usage_and_cost_are_recorded(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok(_value(), usage=(1000, 500)), ok({"feedback": ["x"]}, usage=(-1, -1)))
    provider = make_provider(price_input_per_1k=0.01, price_output_per_1k=0.03)
    provider.produce(_request(), ValueOut)
    provider.produce(_request("feedback"), FeedbackOut)
    first, second = provider.calls
    assert (first.prompt_tokens, first.completion_tokens, first.estimated) == (1000, 500, False)
    assert first.cost_usd == pytest.approx(0.01 + 0.015)
    assert first.duration_ms > 0 and first.stage == "value" and first.mode == "json_schema"
    assert second.estimated and second.prompt_tokens > 0  # no usage sent: estimated from the text
    assert provider.spent_usd == pytest.approx(first.cost_usd + second.cost_usd)
    provider.reset_usage()
    assert provider.calls == [] and provider.spent_usd == 0


def test_spend_cap_stops_before_the_next_call(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok(_value(), usage=(1000, 1000)), ok({"feedback": ["x"]}))
    provider = make_provider(price_input_per_1k=0.5, price_output_per_1k=0.5, spend_cap_usd=0.75)
    provider.produce(_request(), ValueOut)  # costs $1.00, over the $0.75 cap
    with pytest.raises(GenerationError) as caught:
        provider.produce(_request("feedback"), FeedbackOut)
    assert "Spend cap reached" in str(caught.value) and "花费上限" in caught.value.messages["zh"]
    assert caught.value.stage == "feedback" and caught.value.attempts == 0
    assert len(scripted_server.bodies) == 1  # nothing more was sent
    provider.reset_usage()  # a new generation
    assert provider.produce(_request("feedback"), FeedbackOut) == FeedbackOut(feedback=["x"])


def test_repair_requests_carry_the_previous_output_and_findings(
    scripted_server: ScriptedServer, make_provider: Make
) -> None:
    scripted_server.script(ok(_value()))
    previous = _value().model_dump(mode="json")
    request = _request(previous=previous, feedback=["the title is too long"])
    make_provider().produce(request, ValueOut)
    user = _user(scripted_server.bodies[0])
    assert "<previous>" in user and '"title":"Water Tracker"' in user and "- the title is too long" in user


def test_forced_language_is_stated(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(ok(_value()))
    make_provider().produce(_request(language="zh-Hans"), ValueOut)
    assert "App language: Simplified Chinese (zh-Hans)." in _user(scripted_server.bodies[0])


def test_get_provider_builds_the_openai_provider(
    scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHAPPS_LLM_BASE_URL", scripted_server.url)
    monkeypatch.setenv("FLASHAPPS_LLM_API_KEY", "sk-local")
    monkeypatch.setenv("FLASHAPPS_PROVIDER", "openai")
    provider = get_provider(settings=Settings(_env_file=None))
    assert isinstance(provider, OpenAIProvider)
    try:
        assert provider.name == "openai"
        scripted_server.script(ok(_value()))
        assert provider.produce(_request(), ValueOut) == _value()
        assert scripted_server.requests[0].headers["authorization"] == "Bearer sk-local"
    finally:
        provider.close()
