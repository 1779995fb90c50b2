"""The scripted server itself speaks the protocol the real openai client expects."""

from __future__ import annotations

import time
from collections.abc import Iterator

import openai
import pytest
from scripted_server import ScriptedServer, error, ok, slow


@pytest.fixture
def client(scripted_server: ScriptedServer) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=scripted_server.url, api_key="sk-x", max_retries=0, timeout=5) as made:
        yield made


def test_models_are_listed(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["scripted"]


def test_requests_are_recorded_and_answered_in_order(scripted_server: ScriptedServer, client: openai.OpenAI) -> None:
    scripted_server.script(ok("one"), ok("two", usage=(7, 3)))
    first = client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    second = client.chat.completions.create(model="m2", messages=[{"role": "user", "content": "again"}])
    assert first.choices[0].message.content == "one" and first.choices[0].finish_reason == "stop"
    assert second.usage is not None and (second.usage.prompt_tokens, second.usage.completion_tokens) == (7, 3)
    assert [b["model"] for b in scripted_server.bodies] == ["m", "m2"]
    assert scripted_server.bodies[1]["messages"] == [{"role": "user", "content": "again"}]


def test_an_exhausted_script_is_an_error_not_a_hang(client: openai.OpenAI) -> None:
    with pytest.raises(openai.BadRequestError, match="no reply left"):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])


def test_errors_carry_their_status(scripted_server: ScriptedServer, client: openai.OpenAI) -> None:
    scripted_server.script(error(429, "slow down", retry_after="0"), error(500, "boom"))
    with pytest.raises(openai.RateLimitError):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    with pytest.raises(openai.InternalServerError, match="boom"):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])


def test_streaming_with_simulated_speed() -> None:
    with ScriptedServer(ttft_s=0.1, tokens_per_s=400) as server:
        server.script(ok('{"answer": "forty-two, and a little more text"}'))
        with openai.OpenAI(base_url=server.url, api_key="sk-x", max_retries=0, timeout=5) as client:
            began = time.perf_counter()
            stream = client.chat.completions.create(
                model="m",
                messages=[{"role": "user", "content": "hi"}],
                stream=True,
                stream_options={"include_usage": True},
            )
            pieces, first_at, usage = [], None, None
            for chunk in stream:
                if chunk.choices and chunk.choices[0].delta.content:
                    first_at = first_at or time.perf_counter() - began
                    pieces.append(chunk.choices[0].delta.content)
                usage = chunk.usage or usage
    assert "".join(pieces) == '{"answer": "forty-two, and a little more text"}'
    assert first_at is not None and first_at >= 0.1
    assert usage is not None and usage.completion_tokens > 0


def test_a_delayed_reply_does_not_hold_up_teardown() -> None:
    server = ScriptedServer().start()
    server.script(slow(30))
    with (
        openai.OpenAI(base_url=server.url, api_key="sk-x", max_retries=0, timeout=0.2) as client,
        pytest.raises(openai.APITimeoutError),
    ):
        client.chat.completions.create(model="m", messages=[{"role": "user", "content": "hi"}])
    began = time.perf_counter()
    server.stop()
    assert time.perf_counter() - began < 15  # did not wait out the 30 s reply (a wide margin, not a speed)
