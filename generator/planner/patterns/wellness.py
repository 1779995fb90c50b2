"""Daily logs of several numbers at once (“log sleep, work hours and energy”), with an optional score."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    CalcInput,
    CalcOutput,
    CalculatorComponent,
    ChartComponent,
    DataField,
    Entity,
    Metric,
    Screen,
    TextComponent,
)
from generator.planner.hanzi import to_simplified
from generator.planner.lexicon import SUBJECTS
from generator.planner.patterns.base import Context, date_field, expect, note_field, path, step
from generator.planner.patterns.records import history_screen, log_screen, save_path, title_case
from generator.planner.patterns.wellness_score import LogField, score_function

__all__ = ["LogField", "daily_log_fields", "multi_tracker"]

_BAD = (
    "stress",
    "caffeine",
    "alcohol",
    "screen",
    "smok",
    "sugar",
    "junk",
    "anxiety",
    "work",
    "压力",
    "咖啡",
    "酒",
    "屏幕",
    "手机",
    "吸烟",
    "焦虑",
    "加班",
    "工作",
)
_RATING = (
    "level",
    "energy",
    "stress",
    "mood",
    "quality",
    "rating",
    "score",
    "feeling",
    "focus",
    "anxiety",
    "压力",
    "精力",
    "能量",
    "心情",
    "质量",
    "状态",
    "专注",
    "焦虑",
)
_HOURS = ("hour", "time", "sleep", "小时", "时间", "时长", "睡眠")
_SCORE_WORDS = ("score", "level", "index", "wellness", "评分", "分数", "指数", "等级", "得分")


_FILLER_WORDS = {"hours", "hour", "of", "level", "levels", "time", "intake", "amount", "daily", "number", "the", "my"}


def _slug(text: str, index: int, taken: set[str]) -> str:
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in _FILLER_WORDS] or re.findall(r"[a-z]+", text)
    name = words[0][:16] if words else f"value{index + 1}"
    if not name[0].isalpha():
        name = f"v_{name}"[:24]
    while name in taken or name in ("id", "created_at", "day", "note"):
        name = f"{name[:20]}_{index + 1}"
    taken.add(name)
    return name


def daily_log_fields(ctx: Context) -> list[LogField]:
    """One number field per listed thing to log (at least three are needed to make this a daily log)."""
    items = [i for i in ctx.items if 1 <= len(i) <= 40][:6]
    if len(items) < 3:
        return []
    taken: set[str] = set()
    found = []
    for index, item in enumerate(items):
        simple = to_simplified(item).lower()
        label = title_case(item)
        good = not any(w in simple for w in _BAD)
        subject = next((s for s in SUBJECTS if any(w.rstrip("$ ") in simple for w in s.words)), None)
        name = _slug(subject.key if subject and subject.key not in taken else item, index, taken)
        if any(w in simple for w in _RATING):
            found.append(LogField(name, label, "rating", "", 5, good, 4 if good else 2))
        elif subject is not None and subject.type != "rating":
            unit = ctx.t(*subject.unit)
            high = subject.goal or subject.default * 2
            sample = float(subject.default) if subject.type == "float" else int(subject.default)
            found.append(LogField(name, label, subject.type, unit, high, good and subject.goal_kind == "reach", sample))
        elif any(w in simple for w in _HOURS):
            found.append(LogField(name, label, "float", ctx.t("hours", "小时"), 8 if good else 6, good, 2.5))
        else:
            found.append(LogField(name, label, "int", "", 5, good, 2))
    return found


def multi_tracker(ctx: Context, fields: list[LogField]) -> AppSpec:
    t = ctx.t
    data = [
        DataField(
            name=f.name,
            label=f.label,
            type=f.type,
            unit=f.unit,
            min=1 if f.type == "rating" else 0,
            max=5 if f.type == "rating" else f.high * 4,
            default=f.sample,
        )
        for f in fields
    ]
    entity = Entity(name="day_log", label=t("Daily log", "每日记录"), fields=[*data, date_field(t), note_field(t)])
    metrics = [
        Metric(
            name=f"avg_{f.name}"[:32],
            label=t(f"{f.label} · week avg", f"{f.label}·本周平均"),
            entity=entity.name,
            field=f.name,
            agg="avg",
            period="week",
            date_field="day",
            unit=f.unit,
            decimals=1,
        )
        for f in fields[:5]
    ]
    metrics.append(
        Metric(
            name="streak",
            label=t("Days logged in a row", "连续记录天数"),
            entity=entity.name,
            agg="streak",
            date_field="day",
            unit=t("days", "天"),
        )
    )
    samples = {f.name: f.sample for f in fields}
    paths = [
        save_path(
            "log_a_day",
            t("I log today's numbers and see this week's averages.", "我记下今天的各项数据，马上看到本周平均。"),
            samples,
            [(f"avg_{f.name}"[:32] + ".value", float(f.sample)) for f in fields[:3]] + [("log.rows", 1)],
        )
    ]
    trends = [
        ChartComponent(
            id=f"c_{f.name}"[:32],
            title=f.label,
            entity=entity.name,
            chart="line",
            group_by="day",
            x="day",
            y=f.name,
            agg="avg",
        )
        for f in fields[:3]
    ]
    history = history_screen(ctx, entity, y=fields[0].name, agg="avg", line=True)
    history.components[2:2] = trends
    screens = [log_screen(ctx, entity, [m.name for m in metrics], "📝"), history]
    logic = []
    if ctx.has(*_SCORE_WORDS):
        function = score_function(ctx, fields)
        inputs = [
            CalcInput(
                name=f.name, label=f.label, type="int" if f.type != "float" else "number", default=f.sample, unit=f.unit
            )
            for f in fields
        ]
        screens.append(
            Screen(
                name="score",
                title=t("Score", "评分"),
                icon="🏅",
                components=[
                    CalculatorComponent(
                        id="calc",
                        inputs=inputs,
                        results=[
                            CalcOutput(
                                function="daily_score",
                                label=t("Score of the day", "今日得分"),
                                unit="/ 100",
                                decimals=0,
                            )
                        ],
                    ),
                    TextComponent(
                        id="how",
                        body=t(
                            "Good things (sleep, exercise…) raise the score; stress, caffeine "
                            "and screen time lower it. 100 is a perfect day.",
                            "睡眠、运动等好习惯会加分；压力、咖啡因、屏幕时间会减分。100 分代表完美的一天。",
                        ),
                    ),
                ],
            )
        )
        logic.append(function)
        example = function.examples[0]
        paths.append(
            path(
                "score_my_day",
                t("I enter my day and get a score out of 100.", "输入今天的数据，得到 100 分制的评分。"),
                [step("set", f"calc__{name}", value) for name, value in example.args.items()],
                [expect("calc.daily_score", example.expected)],
            )
        )
        paths.append(
            path(
                "negative_is_refused",
                t("A negative value is refused with a message.", "负数会被拒绝并给出提示。"),
                [step("set", f"calc__{fields[0].name}", -1 if fields[0].type != "float" else -1.0)],
                [expect("calc.error", None, "truthy")],
            )
        )
    names = [f.label for f in fields]
    brief = Brief(
        title=t("Daily Check-in", "每日状态记录"),
        value=t(
            f"Log {', '.join(n.lower() for n in names[:4])} each day and see the patterns.",
            f"每天记录{'、'.join(names[:4])}，看清自己的规律。",
        ),
        audience=t("Anyone who wants to understand their days", "想更了解自己每一天的人"),
        language=ctx.language,
        icon="📊",
        category="tracker",
        metrics=metrics,
        inputs=names,
        feedback=[t("weekly averages and trends per item", "每一项的本周平均与趋势")],
        theme=ctx.theme("teal"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=screens, logic=logic, key_paths=paths)
