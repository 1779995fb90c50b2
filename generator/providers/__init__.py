"""LLM providers behind one interface, chosen by settings."""

from __future__ import annotations

from generator.errors import UserError
from generator.providers.base import Provider, StageRequest
from generator.settings import Settings

__all__ = ["Provider", "StageRequest", "get_provider"]


def get_provider(name: str | None = None, settings: Settings | None = None) -> Provider:
    """The provider called ``name`` (default: the one the settings choose)."""
    settings = settings or Settings()
    name = name or settings.provider
    if name == "offline":
        from generator.providers.offline import OfflineProvider

        return OfflineProvider()
    raise UserError(
        f"Unknown provider {name!r}. Use 'offline' (no key needed).",
        f"未知的生成方式 {name!r}。请使用 'offline'（无需密钥）。",
    )
