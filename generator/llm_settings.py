"""Settings of the model behind the ``openai`` provider: any OpenAI-compatible chat endpoint.

Read from ``FLASHAPPS_LLM_*`` environment variables (and ``.env``). ``FLASHAPPS_LLM_PRESET``
picks a known endpoint (see ``PRESETS``); explicit settings win over the preset, and the
standard ``OPENAI_BASE_URL`` / ``OPENAI_API_KEY`` are used when neither gives a value.

Resolution order, first found wins:
    base_url   FLASHAPPS_LLM_BASE_URL > preset > OPENAI_BASE_URL > https://api.openai.com/v1
    api_key    FLASHAPPS_LLM_API_KEY > the preset's own variable (DASHSCOPE_API_KEY…) > OPENAI_API_KEY
    model      FLASHAPPS_LLM_MODEL > preset > gpt-4o-mini

The studio's settings page saves its choice to ``$FLASHAPPS_HOME/model.json`` (permissions 0600,
the key included); that file counts after the environment and ``.env``, so a variable still wins.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from flashapps.events import StageName
from flashapps.settings import home_folder

__all__ = [
    "PRESETS",
    "LLMSettings",
    "Preset",
    "PresetName",
    "SavedModel",
    "StructuredMode",
    "load_saved",
    "save_settings",
    "saved_path",
]

StructuredMode = Literal["auto", "json_schema", "json_object", "prompt"]
PresetName = Literal["openai", "qwen", "deepseek", "ollama", "vllm", "llamacpp"]


class Preset(BaseModel):
    """A known OpenAI-compatible endpoint: where it is, a default model, what it supports."""

    model_config = ConfigDict(frozen=True)

    base_url: str
    model: str
    json_schema: bool = Field(description="accepts response_format json_schema (else json_object is tried first)")
    key_env: str | None = Field(default=None, description="the endpoint's own API key variable, if any")
    needs_key: bool = Field(default=True, description="False for local servers that accept any key")


PRESETS: dict[PresetName, Preset] = {
    # OpenAI: strict structured outputs.
    "openai": Preset(base_url="https://api.openai.com/v1", model="gpt-4o-mini", json_schema=True),
    # Alibaba Cloud Model Studio (DashScope), OpenAI-compatible mode: JSON mode.
    "qwen": Preset(
        base_url="https://dashscope.aliyuncs.com/compatible-mode/v1",
        model="qwen-plus",
        json_schema=False,
        key_env="DASHSCOPE_API_KEY",
    ),
    # DeepSeek: JSON mode ({"type": "json_object"}), no json_schema.
    "deepseek": Preset(
        base_url="https://api.deepseek.com/v1", model="deepseek-chat", json_schema=False, key_env="DEEPSEEK_API_KEY"
    ),
    # Local servers: schema-guided decoding, any key accepted.
    "ollama": Preset(base_url="http://localhost:11434/v1", model="qwen2.5-coder:7b", json_schema=True, needs_key=False),
    "vllm": Preset(
        base_url="http://localhost:8000/v1", model="Qwen/Qwen2.5-Coder-7B-Instruct", json_schema=True, needs_key=False
    ),
    "llamacpp": Preset(base_url="http://localhost:8080/v1", model="local", json_schema=True, needs_key=False),
}
"""Known endpoints by ``FLASHAPPS_LLM_PRESET`` name: base URL, default model, json_schema support."""

_DEFAULT = PRESETS["openai"]


class SavedModel(BaseModel):
    """What the studio's settings page saves: the provider and the endpoint behind it."""

    model_config = ConfigDict(extra="ignore")

    provider: Literal["offline", "openai", "local"] = "offline"
    preset: PresetName | None = None
    base_url: str | None = None
    model: str | None = None
    api_key: SecretStr | None = Field(default=None, description="never shown back, stored with 0600 permissions")


def saved_path() -> Path:
    """``$FLASHAPPS_HOME/model.json``."""
    return home_folder() / "model.json"


def load_saved() -> SavedModel:
    """The saved choice (the defaults when nothing was saved or the file is unreadable)."""
    try:
        return SavedModel.model_validate_json(saved_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SavedModel()


def save_settings(saved: SavedModel) -> Path:
    """Writes ``saved`` readable by its owner only (the file is never group or world readable)."""
    path = saved_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = saved.model_dump(mode="json") | {"api_key": saved.api_key.get_secret_value() if saved.api_key else None}
    temporary = path.with_name(f".{path.name}.tmp")
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(handle, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    temporary.chmod(0o600)
    temporary.replace(path)
    return path


class _SavedSource(PydanticBaseSettingsSource):
    """The studio's saved endpoint, model and key, below the environment."""

    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        if not saved_path().is_file():
            return {}
        saved = load_saved()
        values = {"preset": saved.preset, "base_url": saved.base_url, "model": saved.model, "api_key": saved.api_key}
        return {name: value for name, value in values.items() if value}


class LLMSettings(BaseSettings):
    """Which endpoint and model, how long to wait, how often to retry, and how much to spend."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_LLM_", env_file=".env", extra="ignore")

    preset: PresetName | None = Field(default=None, description="a known endpoint from PRESETS")
    base_url: str | None = Field(default=None, description="OpenAI-compatible base URL, ending in /v1 usually")
    api_key: SecretStr | None = Field(default=None, description="never logged nor shown")
    model: str | None = Field(default=None, description="model for every stage without an override")
    stage_models: dict[StageName, str] = Field(
        default_factory=dict, description='per-stage model, e.g. {"logic": "gpt-4o"} (JSON in the environment)'
    )
    timeout_s: float = Field(default=120.0, gt=0, le=3600, description="one HTTP call, per try")
    max_tokens: int = Field(default=4096, ge=64, le=65536, description="completion tokens per call")
    max_retries: int = Field(default=2, ge=0, le=10, description="transport retries (429, 5xx, timeouts)")
    max_attempts: int = Field(default=3, ge=1, le=10, description="replies per stage, re-asks included")
    temperature: float | None = Field(default=0.2, ge=0, le=2, description="None leaves it to the endpoint")
    spend_cap_usd: float | None = Field(default=1.0, gt=0, description="per generation; None: no cap")
    price_input_per_1k: float = Field(default=0.0, ge=0, description="USD per 1,000 prompt tokens")
    price_output_per_1k: float = Field(default=0.0, ge=0, description="USD per 1,000 completion tokens")
    structured: StructuredMode = Field(default="auto", description="how replies are kept to the schema")

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, dotenv_settings, _SavedSource(settings_cls), file_secret_settings

    @model_validator(mode="after")
    def _resolve(self) -> LLMSettings:
        preset = PRESETS[self.preset] if self.preset else None
        if not self.base_url:
            self.base_url = preset.base_url if preset else os.environ.get("OPENAI_BASE_URL") or _DEFAULT.base_url
        self.base_url = self.base_url.rstrip("/")
        if not self.model:
            self.model = preset.model if preset else _DEFAULT.model
        if self.api_key is None or not self.api_key.get_secret_value():
            env = [preset.key_env] if preset and preset.key_env else []
            found = next((os.environ[name] for name in [*env, "OPENAI_API_KEY"] if os.environ.get(name)), None)
            self.api_key = SecretStr(found) if found else None
        return self

    def model_for(self, stage: str) -> str:
        """The model a stage uses: its override, else the common one."""
        override = next((m for name, m in self.stage_models.items() if name == stage), None)
        return override or self.model or _DEFAULT.model

    @property
    def first_mode(self) -> Literal["json_schema", "json_object", "prompt"]:
        """The structured mode tried first (``auto`` starts where the preset says it works)."""
        if self.structured != "auto":
            return self.structured
        preset = PRESETS[self.preset] if self.preset else None
        return "json_object" if preset is not None and not preset.json_schema else "json_schema"

    @property
    def needs_key(self) -> bool:
        """Whether the endpoint is a hosted one that refuses requests without a key."""
        host = urlsplit(self.base_url or "").hostname or ""
        return any(p.needs_key and urlsplit(p.base_url).hostname == host for p in PRESETS.values())

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float:
        """USD for one call at the configured prices."""
        return (prompt_tokens * self.price_input_per_1k + completion_tokens * self.price_output_per_1k) / 1000
