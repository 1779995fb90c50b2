"""LLMSettings: presets, the standard OPENAI_* variables, and what wins over what."""

from __future__ import annotations

import pytest
from scripted_server import ScriptedServer, ok

from generator.llm_settings import PRESETS, LLMSettings, PresetName
from generator.providers import StageRequest
from generator.providers.openai_provider import OpenAIProvider
from generator.stages import FeedbackOut

REQUEST = StageRequest(idea="a tip calculator", stage="feedback")


def _settings(**values: object) -> LLMSettings:
    return LLMSettings(_env_file=None, **values)  # type: ignore[arg-type]


def test_defaults_are_openai() -> None:
    settings = _settings()
    assert settings.base_url == "https://api.openai.com/v1" and settings.model == "gpt-4o-mini"
    assert settings.api_key is None and settings.first_mode == "json_schema" and settings.needs_key
    assert settings.max_attempts == 3 and settings.structured == "auto"


@pytest.mark.parametrize("name", list(PRESETS))
def test_each_preset_resolves_and_is_used(name: PresetName, scripted_server: ScriptedServer) -> None:
    preset = PRESETS[name]
    resolved = _settings(preset=name)
    assert (resolved.base_url, resolved.model) == (preset.base_url, preset.model)
    assert resolved.first_mode == ("json_schema" if preset.json_schema else "json_object")
    assert resolved.needs_key == preset.needs_key

    # the preset's base URL overridden to point at the scripted server; everything else from the preset
    settings = _settings(preset=name, base_url=scripted_server.url, api_key="sk-preset")
    scripted_server.script(ok({"feedback": ["a total"]}))
    with OpenAIProvider(settings) as provider:
        assert provider.produce(REQUEST, FeedbackOut) == FeedbackOut(feedback=["a total"])
        assert provider.note("x", None) == f"model {preset.model} via {scripted_server.url} ({resolved.first_mode})"
    body = scripted_server.bodies[0]
    assert body["model"] == preset.model
    assert body["response_format"]["type"] == resolved.first_mode
    assert scripted_server.requests[0].headers["authorization"] == "Bearer sk-preset"


def test_preset_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHAPPS_LLM_PRESET", "ollama")
    settings = _settings()
    assert settings.base_url == "http://localhost:11434/v1" and settings.model == PRESETS["ollama"].model


def test_openai_variables_are_honoured(scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", scripted_server.url)
    monkeypatch.setenv("OPENAI_API_KEY", "sk-from-openai-env")
    settings = _settings()
    assert settings.base_url == scripted_server.url
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-from-openai-env"
    scripted_server.script(ok({"feedback": ["a total"]}))
    with OpenAIProvider(settings) as provider:
        provider.produce(REQUEST, FeedbackOut)
    assert scripted_server.requests[0].headers["authorization"] == "Bearer sk-from-openai-env"


def test_flashapps_variables_win(scripted_server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("FLASHAPPS_LLM_BASE_URL", scripted_server.url + "/")
    monkeypatch.setenv("FLASHAPPS_LLM_API_KEY", "sk-flashapps")
    monkeypatch.setenv("FLASHAPPS_LLM_MODEL", "m1")
    monkeypatch.setenv("FLASHAPPS_LLM_STAGE_MODELS", '{"logic": "m2"}')
    monkeypatch.setenv("FLASHAPPS_LLM_STRUCTURED", "json_object")
    settings = _settings()
    assert settings.base_url == scripted_server.url  # trailing slash dropped
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-flashapps"
    assert settings.model_for("value") == "m1" and settings.model_for("logic") == "m2"
    scripted_server.script(ok({"feedback": ["a total"]}))
    with OpenAIProvider(settings) as provider:
        provider.produce(REQUEST, FeedbackOut)
    assert scripted_server.requests[0].headers["authorization"] == "Bearer sk-flashapps"
    assert scripted_server.bodies[0]["response_format"] == {"type": "json_object"}


def test_preset_beats_openai_base_url_but_its_key_variable_comes_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_BASE_URL", "http://elsewhere.invalid/v1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-openai")
    monkeypatch.setenv("DEEPSEEK_API_KEY", "sk-deepseek")
    settings = _settings(preset="deepseek")
    assert settings.base_url == PRESETS["deepseek"].base_url
    assert settings.api_key is not None and settings.api_key.get_secret_value() == "sk-deepseek"
    assert _settings(preset="qwen").api_key.get_secret_value() == "sk-openai"  # type: ignore[union-attr]


def test_bounds_are_enforced() -> None:
    with pytest.raises(ValueError):
        _settings(max_attempts=0)
    with pytest.raises(ValueError):
        _settings(stage_models={"nonsense": "m"})
    with pytest.raises(ValueError):
        _settings(structured="xml")


def test_cost_uses_both_prices() -> None:
    settings = _settings(price_input_per_1k=0.002, price_output_per_1k=0.006)
    assert settings.cost(1500, 500) == pytest.approx(0.003 + 0.003)
