"""A trackable subject: its words, the number logged and the goal that suits it."""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Pair", "Subject", "without_ask"]

Pair = tuple[str, str]


@dataclass(frozen=True)
class Subject:
    """One trackable subject: its words, the number logged and the goal that suits it."""

    key: str
    words: tuple[str, ...]
    title: Pair
    entity: str
    value: Pair
    unit: Pair
    unit_key: str = ""
    type: str = "int"
    default: float = 1
    high: float = 1000
    goal: float | None = None
    goal_kind: str = "reach"
    agg: str = "sum"
    period: str = "today"
    kinds: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    kind_label: Pair = ("Kind", "类型")
    extra: Pair | None = None
    icon: str = "📈"
    theme: str = "blue"
    value_en: str = "track it every day"
    value_zh: str = "每天记录"


_ASK_EN = re.compile(
    r"^(?:(?:please|pls|hi|hello|hey|so|ok|okay)[\s,!]+)*"
    r"(?:(?:can|could|would|will)\s+you\s+|i\s+(?:want|need|would\s+like|'d\s+like|am\s+looking\s+for)\s+(?:to\s+)?|"
    r"i'?m\s+looking\s+for\s+|help\s+me\s+(?:to\s+)?|let'?s\s+|we\s+(?:want|need)\s+(?:to\s+)?)*"
    r"(?:help\s+me\s+(?:to\s+)?)?(?:make|build|create|design|develop|write|code|set\s+up|get)?\s*(?:me\s+|us\s+)?"
    r"(?:an?\s+|the\s+|some\s+)?(?:(?:simple|small|little|basic|quick|tiny|easy)\s+)*"
    r"(?:(?:web\s+)?(?:app|application|tool|program|website|site|system)\s+(?:for|to|that|which)\s+)?",
    re.IGNORECASE,
)
_ASK_ZH = re.compile(
    r"^(?:请(?=帮|你|您|给|替|做|设计|开发|写|建|弄|搞|创建|制作|生成)|麻烦|能不能|可以|可不可以|你好|您好|帮忙|帮我|给我|替我|我想要|我想|我要|我需要|想要|需要|希望|[，,\s])*"
    r"(?:做|设计|开发|写|建|弄|搞|创建|制作|生成)?(?:一个|一款|一套|个|一下)?"
)


def without_ask(text: str) -> str:
    """The idea less the request around it: “Please help me build an app for my shop” → “my shop”,
    “帮我做一个客户管理系统” → “客户管理系统”."""
    stripped = text.strip()
    for _ in range(2):
        stripped = _ASK_ZH.sub("", _ASK_EN.sub("", stripped, count=1), count=1).strip()
    return stripped or text.strip()
