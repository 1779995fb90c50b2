"""One typed settings object; ``FLASHAPPS_HOME`` moves every piece of state."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings", "get_settings", "home_folder"]


def home_folder() -> Path:
    """The one folder that moves all state: ``FLASHAPPS_HOME``, default ``~/.flashapps``."""
    return Path(os.environ.get("FLASHAPPS_HOME") or Path.home() / ".flashapps").expanduser()


class Settings(BaseSettings):
    """Read from ``FLASHAPPS_*`` environment variables (and a ``.env`` file in the working folder)."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_", env_file=".env", extra="ignore")

    home: Path = Field(default_factory=home_folder, description="all state lives below this folder")
    drafts_per_hour: int = Field(
        default=30, ge=0, description="new apps one maker (an account, else an address) may make an hour; 0: none"
    )
    runs_per_hour: int = Field(
        default=120, ge=0, description="jobs (new app, change, undo, upload) one maker may start an hour; 0: none"
    )
    forwarded_hops: int = Field(
        default=0, ge=0, description="reverse proxies in front of the studio whose X-Forwarded-For is trusted"
    )
    prune_jobs_days: float = Field(default=30, gt=0, description="jobs older than this are removed by the sweep")
    prune_drafts_days: float = Field(
        default=30, gt=0, description="anonymous drafts never published nor changed for this long are removed"
    )
    provider: Literal["offline", "openai", "local"] = Field(
        default="offline", description="offline: the pattern planner; local: an installed local model"
    )
    language: Literal["auto", "en", "zh-Hans", "zh-Hant"] = Field(
        default="auto", description="language of generated apps; auto follows the idea"
    )
    max_idea_chars: int = Field(default=2000, ge=20, description="longer ideas are refused with a message")
    data_quota_mb: int = Field(
        default=50, ge=1, description="most an app's data folder may hold; the sandbox backend enforces it"
    )
    public_url: str = Field(
        default="", description="the address students open (share links, QR codes); empty: the address in use"
    )
    apps_url: str = Field(
        default="",
        description="the apps' own origin: https://{key}.apps.example.org (one origin per app), or one address "
        "such as http://host:8502; empty: the studio's host on the next port (studio port + 1)",
    )

    @property
    def bundles_dir(self) -> Path:
        return self.home / "bundles"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"


def get_settings() -> Settings:
    """Fresh settings from the environment (cheap; tests change the environment between calls)."""
    return Settings()
