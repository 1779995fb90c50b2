"""One typed settings object; ``FLASHAPPS_HOME`` moves every piece of state."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Read from ``FLASHAPPS_*`` environment variables (and a ``.env`` file in the working folder)."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_", env_file=".env", extra="ignore")

    home: Path = Field(default=Path.home() / ".flashapps", description="all state lives below this folder")
    provider: Literal["offline", "openai", "local"] = Field(
        default="offline", description="offline: the pattern planner; local: an installed local model"
    )
    language: Literal["auto", "en", "zh-Hans", "zh-Hant"] = Field(
        default="auto", description="language of generated apps; auto follows the idea"
    )
    max_idea_chars: int = Field(default=2000, ge=20, description="longer ideas are refused with a message")

    @property
    def bundles_dir(self) -> Path:
        return self.home / "bundles"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"


def get_settings() -> Settings:
    """Fresh settings from the environment (cheap; tests change the environment between calls)."""
    return Settings()
