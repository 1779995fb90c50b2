"""Transport failures become clear en+zh errors, and the API key appears in none of them."""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import Callable

import pytest
from scripted_server import TEST_KEY as KEY
from scripted_server import Reply, ScriptedServer, error, ok, refusal, slow

from flashapps.errors import GenerationError, UserError
from generator.llm_settings import LLMSettings
from generator.providers import StageRequest
from generator.providers.openai_provider import OpenAIProvider
from generator.stages import ValueOut

Make = Callable[..., OpenAIProvider]
REQUEST = StageRequest(idea="an app to track my daily water intake", stage="value")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_timeout_is_a_clear_generation_error(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(slow(30))
    began = time.perf_counter()
    with pytest.raises(GenerationError) as caught:
        make_provider(timeout_s=0.3, max_retries=0).produce(REQUEST, ValueOut)
    assert time.perf_counter() - began < 15  # it gave up, not waited for the reply (a wide margin, not a speed)
    exc = caught.value
    assert "did not answer within 0.3 s" in str(exc) and "0.3 秒内没有回应" in exc.messages["zh"]
    assert exc.stage == "value" and exc.attempts == 1
    assert exc.__cause__ is None and exc.__suppress_context__


def test_unreachable_base_url_says_what_to_check(make_provider: Make) -> None:
    url = f"http://127.0.0.1:{_free_port()}/v1"
    with pytest.raises(UserError) as caught:
        make_provider(base_url=url, max_retries=0).produce(REQUEST, ValueOut)
    exc = caught.value
    assert not isinstance(exc, GenerationError)
    assert f"Cannot reach the model server at {url}" in str(exc) and "FLASHAPPS_LLM_BASE_URL" in str(exc)
    assert "无法连接" in exc.messages["zh"]


def test_rejected_key_and_unknown_model(scripted_server: ScriptedServer, make_provider: Make) -> None:
    scripted_server.script(error(401, "Incorrect API key provided"), error(404, "model 'nope' not found"))
    provider = make_provider(model="nope")
    with pytest.raises(UserError, match="refused the API key"):
        provider.produce(REQUEST, ValueOut)
    with pytest.raises(UserError, match="no model 'nope'"):
        provider.produce(REQUEST, ValueOut)


def test_hosted_endpoint_without_a_key_is_refused_before_any_call() -> None:
    with pytest.raises(UserError, match="No API key") as caught:
        OpenAIProvider(LLMSettings(_env_file=None, preset="openai"))
    assert "FLASHAPPS_LLM_PRESET=ollama" in str(caught.value)


def test_local_endpoint_needs_no_key(scripted_server: ScriptedServer) -> None:
    settings = LLMSettings(_env_file=None, preset="ollama", base_url=scripted_server.url)
    scripted_server.script(ok({"title": "Water", "value": "Drink."}))
    with OpenAIProvider(settings) as provider:
        assert provider.produce(REQUEST, ValueOut).title == "Water"


# -- the key never leaks ----------------------------------------------------------------------
_ECHO = f"Incorrect API key provided: {KEY}. You can find your API key at https://example.invalid"

LEAKS: dict[str, list[Reply]] = {
    "401 echoing the key": [error(401, _ECHO)],
    "400 echoing the key": [error(400, _ECHO)],
    "500 echoing the key": [error(500, _ECHO, retry_after="0.01")] * 3,
    "429 echoing the key": [error(429, _ECHO, retry_after="0.01")] * 3,
    "fallback echoing the key": [error(400, f"response_format unsupported for {KEY}")] * 2 + [ok(f"{KEY}")] * 3,
    "invalid replies echoing the key": [ok({"title": KEY, "value": "", "extra": KEY})] * 3,
    "refusal echoing the key": [refusal(f"I can't share {KEY}")],
    "prose refusal echoing the key": [ok(f"I'm sorry, I cannot reveal {KEY}.")],
    "timeout": [slow(3.0)],
}


@pytest.mark.parametrize("replies", LEAKS.values(), ids=LEAKS.keys())
def test_the_api_key_never_leaks(
    replies: list[Reply], scripted_server: ScriptedServer, make_provider: Make, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    scripted_server.script(*replies)
    provider = make_provider(timeout_s=0.3)
    with pytest.raises(UserError) as caught:
        provider.produce(REQUEST, ValueOut)
    exc = caught.value
    texts = [str(exc), repr(exc), *exc.messages.values(), caplog.text, repr(provider), repr(provider.settings)]
    texts += [
        provider.note("x", None),
        str(provider.settings.model_dump()),
        *(c.model_dump_json() for c in provider.calls),
    ]
    if isinstance(exc, GenerationError):
        texts.append(exc.last_output)
    assert exc.__cause__ is None
    for text in texts:
        assert KEY not in text
    assert scripted_server.requests[0].headers["authorization"] == f"Bearer {KEY}"  # it was used, though


def test_connection_refused_does_not_leak_the_key(make_provider: Make, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    provider = make_provider(base_url=f"http://127.0.0.1:{_free_port()}/v1", max_retries=0)
    with pytest.raises(UserError) as caught:
        provider.produce(REQUEST, ValueOut)
    for text in [str(caught.value), *caught.value.messages.values(), caplog.text, repr(provider)]:
        assert KEY not in text


def test_credentials_in_the_base_url_are_not_shown(scripted_server: ScriptedServer, make_provider: Make) -> None:
    url = scripted_server.url.replace("http://", "http://user:hunter2@") + "?token=abc"
    provider = make_provider(base_url=url)
    note = provider.note("x", None)
    assert "hunter2" not in note and "token" not in note and "hunter2" not in repr(provider)
