"""Which language an idea is written in, and text in the app's language."""

from __future__ import annotations

import re
from typing import cast

from flashapps.spec.base import Language
from generator.planner.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, to_traditional

__all__ = ["LANGUAGES", "Tr", "detect_language", "has_cjk", "normalize_language"]

LANGUAGES: tuple[Language, ...] = ("en", "zh-Hans", "zh-Hant")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_KANA = re.compile(r"[\u3040-\u30ff]")
_ALIASES = {
    "zh": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-sg": "zh-Hans",
    "cn": "zh-Hans",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "zh-hant": "zh-Hant",
    "zh-mo": "zh-Hant",
    "en": "en",
    "en-us": "en",
    "en-gb": "en",
}


def has_cjk(text: str) -> bool:
    """Whether ``text`` holds Chinese characters."""
    return bool(_CJK.search(text))


def detect_language(text: str) -> Language:
    """zh-Hant or zh-Hans when the text holds Chinese characters (the script with more
    characters of its own wins; simplified on a tie), otherwise English."""
    chinese = _CJK.findall(text)
    if not chinese:
        return "en"
    if len(_KANA.findall(text)) >= 2:
        return "en"  # Japanese (Chinese never uses kana): the UI falls back to English
    simplified = sum(1 for ch in chinese if ch in SIMPLIFIED_ONLY)
    traditional = sum(1 for ch in chinese if ch in TRADITIONAL_ONLY)
    return "zh-Hant" if traditional > simplified else "zh-Hans"


def normalize_language(value: str | None) -> Language | None:
    """A language name as the spec spells it, or None; unknown names raise ValueError."""
    if value is None or not value.strip():
        return None
    if value in LANGUAGES:
        return cast(Language, value)
    found = _ALIASES.get(value.strip().lower().replace("_", "-"))
    if found is None:
        raise ValueError(f"unknown language {value!r}: use one of {', '.join(LANGUAGES)}")
    return cast(Language, found)


class Tr:
    """Picks the English or Chinese text for one language (traditional made from simplified)."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self.zh = language != "en"

    def __call__(self, en: str, zh: str) -> str:
        if not self.zh:
            return en
        return to_traditional(zh) if self.language == "zh-Hant" else zh

    def items(self, en: list[str] | tuple[str, ...], zh: list[str] | tuple[str, ...]) -> list[str]:
        """A list in the app's language (both lists in the same order)."""
        return [self(e, z) for e, z in zip(en, zh, strict=True)]

    def join(self, words: list[str]) -> str:
        """Words as a readable list: “a”, “b” and “c” / “a”“b”和“c”."""
        if not words:
            return ""
        if self.zh:
            quoted = [f"“{w}”" for w in words]
            return quoted[0] if len(quoted) == 1 else "、".join(quoted[:-1]) + self("", "和") + quoted[-1]
        quoted = [f"“{w}”" for w in words]
        return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]
