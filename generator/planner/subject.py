"""A trackable subject: its words, the number logged and the goal that suits it."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Pair", "Subject"]

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
