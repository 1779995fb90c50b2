"""LLM providers behind one interface, chosen by settings."""

from __future__ import annotations

from flashapps.errors import UserError
from flashapps.settings import Settings
from generator.providers.base import Provider, StageRequest

__all__ = ["Provider", "StageRequest", "get_provider"]


def get_provider(name: str | None = None, settings: Settings | None = None) -> Provider:
    """The provider called ``name`` (default: the one the settings choose)."""
    settings = settings or Settings()
    name = name or settings.provider
    if name == "offline":
        from generator.providers.offline import OfflineProvider

        return OfflineProvider()
    if name == "openai":
        from generator.providers.openai_provider import OpenAIProvider

        return OpenAIProvider()
    if name == "local":
        from generator.localmodel import local_settings
        from generator.providers.local_provider import LocalProvider

        return LocalProvider(local_settings())
    raise UserError(
        f"Unknown provider {name!r}. Use 'offline' (no key needed), 'openai' (any OpenAI-compatible endpoint:"
        " set FLASHAPPS_LLM_BASE_URL, FLASHAPPS_LLM_API_KEY and FLASHAPPS_LLM_MODEL, or FLASHAPPS_LLM_PRESET)"
        " or 'local' (a model on this machine: `flashapps models install local-small`).",
        f"未知的生成方式 {name!r}。请使用 'offline'（无需密钥）、'openai'（任何兼容 OpenAI 的接口："
        "设置 FLASHAPPS_LLM_BASE_URL、FLASHAPPS_LLM_API_KEY、FLASHAPPS_LLM_MODEL，或 FLASHAPPS_LLM_PRESET）"
        "或 'local'（本机模型：`flashapps models install local-small`）。",
    )
