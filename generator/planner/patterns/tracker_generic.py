"""Trackers for subjects the lexicon does not know: named after the idea, measured by its unit or a rating."""

from __future__ import annotations

import re

from generator.planner.extract import Quantity, unit_of
from generator.planner.lexicon import Subject
from generator.planner.patterns.base import Context
from generator.planner.patterns.records import title_case

__all__ = ["_GENERIC_EN", "_GENERIC_ZH", "_STOP", "_generic_name", "_UNIT_WORD", "_unit_word", "generic_subject"]


_GENERIC_EN = re.compile(
    r"\b(?:track|log|record|monitor)(?:s|er|ing)?\s+(?:of\s+)?(?:my\s+|your\s+|the\s+|our\s+)?"
    r"([a-z][a-z-]+(?:\s[a-z][a-z-]+)?)"
)


_GENERIC_ZH = re.compile(
    r"(?:记录|追踪|跟踪|监测)(?:我的|我们的|我|每天的|每天|每日的|每日|日常的|一下|做的|做了|做|的)*"
    r"([\u4e00-\u9fff]{1,4}?)(?=个数|次数|数量|的|，|。|,|$|[^\u4e00-\u9fff])"
)


_STOP = {
    "daily",
    "what",
    "how",
    "their",
    "all",
    "everything",
    "things",
    "when",
    "and",
    "progress",
    "it",
    "them",
    "every",
    "each",
    "per",
    "today",
    "weekly",
    "day",
}
_COUNTED = re.compile(
    r"\b(?:how many|number of|count|total|best day|most|reps?)\b|多少|几个|几次|次数|个数|数量|总数|总共|一共|最多"
)


def _generic_name(ctx: Context) -> str:
    match = _GENERIC_EN.search(ctx.text) if not ctx.zh else None
    if match:
        words = [w for w in match.group(1).split() if w not in _STOP]
        if words:
            return title_case(" ".join(words))[:40]
    zh = _GENERIC_ZH.search(ctx.text)
    if zh and ctx.zh:
        return ctx.t("", zh.group(1).rstrip("的了"))
    return ""


_UNIT_WORD = re.compile(r"(?:\bin|\bas|按|用|以)\s*([a-z]+|[\u4e00-\u9fff]{1,3})")


def _unit_word(ctx: Context) -> Quantity | None:
    """A unit named without a number (“my harvest in kg”, “按公斤记录”)."""
    for match in _UNIT_WORD.finditer(ctx.text):
        unit = unit_of(match.group(1))
        if unit is not None:
            return Quantity(1, unit, match.start(), match.end())
    return None


def generic_subject(ctx: Context) -> Subject:
    """A subject made from the idea: its own name, and a unit from the sentence or a 1–5 rating."""
    name = _generic_name(ctx) or ctx.t("Daily", "日常")
    quantity = ctx.quantities[0] if ctx.quantities else _unit_word(ctx)
    units = {
        "ml": ("ml", "毫升"),
        "l": ("l", "升"),
        "kg": ("kg", "公斤"),
        "km": ("km", "公里"),
        "min": ("minutes", "分钟"),
        "h": ("hours", "小时"),
        "pages": ("pages", "页"),
        "kcal": ("kcal", "千卡"),
        "usd": ("$", "元"),
        "cny": ("yuan", "元"),
        "times": ("times", "次"),
        "c": ("°C", "°C"),
        "steps": ("steps", "步"),
        "cup": ("cups", "杯"),
        "g": ("g", "克"),
        "m": ("m", "米"),
        "words": ("words", "个"),
    }
    title = (f"{name} Tracker" if not ctx.zh else name, f"{name}记录")
    if quantity is not None and quantity.unit in units:
        goal = ctx.goal.value if ctx.goal and ctx.goal.unit == quantity.unit else None
        kind = "float" if quantity.unit in ("l", "kg", "km", "h", "usd", "c") else "int"
        return Subject(
            "generic",
            (),
            title,
            "entry",
            ("Amount", "数量"),
            units[quantity.unit],
            quantity.unit,
            kind,
            max(1, round(quantity.value)),
            max(1000.0, quantity.value * 10),
            goal,
            icon="📈",
            theme="blue",
            value_en=f"Log {name.lower()} every day and see how it adds up.",
            value_zh=f"每天记录{name}，看看一共积累了多少。",
        )
    if _COUNTED.search(ctx.text) or re.fullmatch(r"[a-z-]+s", name.lower().split()[-1]):
        return Subject(
            "generic",
            (),
            title,
            "entry",
            ("How many", "数量"),
            ("", ""),
            "",
            "int",
            10,
            100_000.0,
            None,
            icon="📈",
            theme="blue",
            value_en=f"Log how many {name.lower()} each day and see your total and best day.",
            value_zh=f"每天记录{name}的数量，看总数和最好的一天。",
        )
    return Subject(
        "generic",
        (),
        title,
        "entry",
        ("Rating", "评分"),
        ("", ""),
        "",
        "rating",
        3,
        5,
        agg="avg",
        extra=("What happened", "发生了什么"),
        icon="📝",
        theme="teal",
        value_en=f"Rate and note {name.lower()} each day and spot the trend.",
        value_zh=f"每天为{name}打分并记一笔，看清变化趋势。",
    )
