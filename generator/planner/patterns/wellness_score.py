"""The day's score of a daily log: good things up, bad things down, 0 to 100."""

from __future__ import annotations

import json
from dataclasses import dataclass

from flashapps.spec import (
    Example,
    LogicFunction,
    Param,
)
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import fitting

__all__ = ["LogField", "_normalised", "_score", "score_function"]


@dataclass(frozen=True)
class LogField:
    name: str
    label: str
    type: str
    unit: str
    high: float
    good: bool
    sample: int | float


def _normalised(f: LogField) -> str:
    part = f"({f.name} - 1) / 4" if f.type == "rating" else f"{f.name} / {f.high:g}"
    part = f"min(max({part}, 0), 1)"
    return part if f.good else f"1 - {part}"


def _score(fields: list[LogField], values: dict[str, float]) -> int:
    parts = []
    for f in fields:
        raw = (values[f.name] - 1) / 4 if f.type == "rating" else values[f.name] / f.high
        part = min(max(raw, 0), 1)
        parts.append(part if f.good else 1 - part)
    return round(100 * sum(parts) / len(parts))


def score_function(ctx: Context, fields: list[LogField]) -> LogicFunction:
    names = ", ".join(f.name for f in fields)
    message = json.dumps(ctx.t("Values cannot be negative.", "数值不能为负数。"), ensure_ascii=False)
    body = (
        f"if min({names}) < 0:\n    raise ValueError({message})\n"
        + "parts = [\n"
        + "".join(f"    {_normalised(f)},\n" for f in fields)
        + "]\nreturn round(100 * sum(parts) / len(parts))"
    )
    samples = {f.name: f.sample for f in fields}
    highs = {f.name: (5 if f.type == "rating" else f.high) if f.good else 1 for f in fields}
    return LogicFunction(
        name="daily_score",
        doc=ctx.t(
            "A 0–100 score for the day: good things up, bad things down.", "当天 0–100 分：好的加分，不好的减分。"
        ),
        params=[Param(name=f.name, type="int" if f.type != "float" else "float") for f in fields],
        returns="int",
        body=body,
        examples=fitting(
            [
                Example(args=samples, expected=_score(fields, samples)),
                Example(args=highs, expected=_score(fields, highs)),
            ]
        ),
    )
