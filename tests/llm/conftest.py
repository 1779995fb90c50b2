"""Fixtures of the model-provider tests: a scripted OpenAI-compatible server on 127.0.0.1,
settings pointing at it, and an environment free of the caller's model settings."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from scripted_server import TEST_KEY, ScriptedServer

from generator.llm_settings import LLMSettings
from generator.providers.openai_provider import OpenAIProvider

_ENV_PREFIXES = ("FLASHAPPS_LLM_", "OPENAI_")
_ENV_NAMES = {"DASHSCOPE_API_KEY", "DEEPSEEK_API_KEY"}


@pytest.fixture(autouse=True)
def clean_model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No model setting of the machine running the tests leaks into them."""
    for name in list(os.environ):
        if name.startswith(_ENV_PREFIXES) or name in _ENV_NAMES:
            monkeypatch.delenv(name)


@pytest.fixture
def scripted_server() -> Iterator[ScriptedServer]:
    server = ScriptedServer().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def make_provider(scripted_server: ScriptedServer) -> Iterator[Callable[..., OpenAIProvider]]:
    """Providers talking to the scripted server (fast settings; closed after the test)."""
    made: list[OpenAIProvider] = []

    def _make(**overrides: Any) -> OpenAIProvider:
        values: dict[str, Any] = {
            "base_url": scripted_server.url,
            "api_key": TEST_KEY,
            "model": "test-model",
            "timeout_s": 5,
            "max_retries": 2,
        }
        values.update(overrides)
        provider = OpenAIProvider(LLMSettings(_env_file=None, **values))
        made.append(provider)
        return provider

    yield _make
    for provider in made:
        provider.close()
