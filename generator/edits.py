"""Follow-up sentences as changes to an existing spec, recognised offline.

The offline planner understands the simple edits a person makes most often and says so plainly
when it does not: a new goal ("make the goal 3 litres", "目标改成3升"), a new title ("call it
Hydro", "改名为喝水打卡"), a colour ("make it green", "换成紫色"), a chart ("add a weekly chart",
"加一个按周的图表"), the language ("改成英文", "in Chinese"; the app is planned again from its
idea in that language), and a game's settings ("make it harder", "faster", "use animals instead", "two players",
"against the computer", "a 10x10 board", "bigger board", "three lives"; read as the planner reads a new idea).
Every change is validated as a whole spec before it is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict

from flashapps.spec import AppSpec, ChartComponent, Theme
from generator.planner.patterns.game_edit import follow_up

__all__ = ["EditResult", "apply_edit"]


class EditResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    spec: AppSpec
    understood: bool
    changes: list[str]
    replan_language: str | None = None


_NUMBER = r"(\d+(?:[.,]\d+)?)"
_UNIT_SCALE = {"l": 1000, "litre": 1000, "liter": 1000, "litres": 1000, "liters": 1000, "升": 1000, "公升": 1000}
_COLOURS = {
    ("green", "绿", "綠"): ("#16a34a", "#f0fdf4"),
    ("blue", "蓝", "藍"): ("#2563eb", "#eff6ff"),
    ("red", "红", "紅"): ("#dc2626", "#fef2f2"),
    ("purple", "紫"): ("#7c3aed", "#f5f3ff"),
    ("orange", "橙", "橘"): ("#ea580c", "#fff7ed"),
    ("pink", "粉"): ("#db2777", "#fdf2f8"),
    ("teal", "青"): ("#0d9488", "#f0fdfa"),
    ("black", "dark", "黑", "深色"): ("#0f172a", "#e2e8f0"),
}


def _zh(spec: AppSpec) -> bool:
    return spec.brief.language.startswith("zh")


def _goal(spec: AppSpec, text: str) -> list[str]:
    match = re.search(
        r"(?:goal|target|目标|目標)\D{0,12}?" + _NUMBER + r"\s*([a-zA-Z]+|升|公升|毫升|小时|小時|步|分钟|分鐘)?",
        text,
        re.I,
    )
    if not match or not spec.brief.metrics:
        return []
    value = float(match.group(1).replace(",", "."))
    unit = (match.group(2) or "").lower()
    with_goal = [m for m in spec.brief.metrics if m.goal is not None] or spec.brief.metrics[:1]
    metric = with_goal[0]
    if unit in _UNIT_SCALE and metric.unit.lower() in ("ml", "毫升"):
        value *= _UNIT_SCALE[unit]
    metric.goal = value
    shown = f"{value:g} {metric.unit}".strip()
    return [f"目标改为 {shown}（{metric.label}）" if _zh(spec) else f"goal of {metric.label} set to {shown}"]


def _title(spec: AppSpec, text: str) -> list[str]:
    match = re.search(r"(?:call it|rename (?:it )?to|name it)\s+[\"“']?([^\"”']{1,60})", text, re.I) or re.search(
        r"(?:改名为|改名為|改名叫|名字改成|叫做)\s*[“\"「]?([^”\"」。，,]{1,30})", text
    )
    if not match:
        return []
    spec.brief.title = match.group(1).strip().rstrip(".")
    return [f"标题改为 {spec.brief.title}" if _zh(spec) else f"title set to {spec.brief.title}"]


def _colour(spec: AppSpec, text: str) -> list[str]:
    lowered = text.lower()
    if not re.search(r"colou?r|theme|make it|颜色|顏色|主题|主題|换成|換成|改成", lowered):
        return []
    for words, (primary, surface) in _COLOURS.items():
        if any(w in lowered for w in words):
            spec.brief.theme = Theme(primary=primary, surface=surface, font=spec.brief.theme.font)
            return [f"主题颜色改为 {primary}" if _zh(spec) else f"theme colour set to {primary}"]
    return []


def _chart(spec: AppSpec, text: str) -> list[str]:
    lowered = text.lower()
    if not re.search(r"chart|graph|图表|圖表|统计图|統計圖", lowered):
        return []
    group = "week" if re.search(r"week|周|週", lowered) else "month" if re.search(r"month|月", lowered) else "day"
    kind = (
        "pie" if re.search(r"pie|饼|餅", lowered) else "line" if re.search(r"line|折线|折線|trend", lowered) else "bar"
    )
    for entity in spec.entities:
        date_field = next((f.name for f in entity.fields if f.type == "date"), None)
        number = next((f.name for f in entity.fields if f.numeric), None)
        if date_field is None:
            continue
        ids = {c.id for c in spec.components()}
        cid = next(f"chart_{group}{n or ''}" for n in range(100) if f"chart_{group}{n or ''}" not in ids)
        chart = ChartComponent(
            id=cid,
            entity=entity.name,
            chart=kind,
            group_by=group,
            x=date_field,
            y=number,
            agg="sum" if number else "count",
        )
        screen = next((s for s in spec.screens if len(s.components) < 12), None)
        if screen is None:
            return []
        screen.components.append(chart)
        label = {"week": ("weekly", "按周"), "month": ("monthly", "按月"), "day": ("daily", "按天")}[group]
        return [f"添加了{label[1]}图表" if _zh(spec) else f"added a {label[0]} {kind} chart"]
    return []


def _language(spec: AppSpec, text: str) -> str | None:
    lowered = text.lower()
    if re.search(r"英文|英语|英語|in english|to english", lowered):
        return "en"
    if re.search(r"繁体|繁體|traditional chinese", lowered):
        return "zh-Hant"
    if re.search(r"中文|简体|簡體|in chinese|to chinese", lowered):
        return "zh-Hans"
    return None


_RULES: list[Callable[[AppSpec, str], list[str]]] = [_goal, _title, _colour, _chart, follow_up]


def apply_edit(spec: AppSpec, sentence: str) -> EditResult:
    """The spec after ``sentence``, what changed, and whether anything was understood at all."""
    text = " ".join(sentence.split())
    language = _language(spec, text)
    if language == spec.brief.language:
        same = f"应用已经是 {language}" if _zh(spec) else f"the app is already in {language}"
        return EditResult(spec=spec, understood=True, changes=[same])
    if language:
        what = f"语言改为 {language}" if language.startswith("zh") else f"language set to {language}"
        return EditResult(spec=spec, understood=True, changes=[what], replan_language=language)
    draft = spec.model_copy(deep=True)
    changes: list[str] = []
    for rule in _RULES:
        changes += rule(draft, text)
    if not changes:
        return EditResult(spec=spec, understood=False, changes=[])
    return EditResult(spec=AppSpec.model_validate(draft.model_dump()), understood=True, changes=changes)
