"""Trackers and diaries: one number logged per entry (subject-aware), metrics toward a goal, history."""

from __future__ import annotations

from flashapps.spec import AppSpec, Brief, DataField, Entity, Metric
from generator.planner.lexicon import SUBJECTS, Subject, convert_unit
from generator.planner.patterns.base import Context, Match, Pattern, date_field, note_field
from generator.planner.patterns.records import history_screen, log_screen, save_path
from generator.planner.patterns.tracker_entries import entry_fields, entry_log
from generator.planner.patterns.tracker_generic import (
    generic_subject,
)
from generator.planner.patterns.wellness import daily_log_fields, multi_tracker

__all__ = ["PATTERN", "pick_subject"]

KEYWORDS = {
    "track": 3,
    "log$": 2,
    "logger": 2,
    "diary": 2,
    "journal": 1,
    "monitor": 2,
    "record": 1.5,
    "daily": 1,
    "every day": 1,
    "intake": 2,
    "habit": 0.5,
    "dashboard": 1,
    "history": 0.5,
    "over time": 1,
    "记录": 3,
    "追踪": 3,
    "跟踪": 3,
    "打卡": 1,
    "日记": 2,
    "日志": 2,
    "监测": 2,
    "监督": 2,
    "每天": 1,
    "每日": 1,
    "日常": 1,
}


def pick_subject(ctx: Context) -> tuple[Subject | None, Match]:
    """The subject with the most (and earliest) matching words, if any."""
    best: tuple[Subject | None, Match] = (None, Match())
    first = len(ctx.text) + 1
    for subject in SUBJECTS:
        found = ctx.match(dict.fromkeys(subject.words, 3.0))
        if not found.score:
            continue
        where = min(ctx.position(w) for w in subject.words)
        if found.score > best[1].score or (found.score == best[1].score and where < first):
            best, first = (subject, found), where
    return best


def score(ctx: Context) -> Match:
    base = ctx.match(KEYWORDS)
    if ctx.goal is not None:  # “2000 ml a day”: an amount per day is something to track
        base += Match(3.0, ())
    if entry_fields(ctx):  # a log whose fields are listed: name a thing and its numbers
        base += Match(14.0, ())
    subject, found = pick_subject(ctx)
    if subject is None:
        return base
    return base + found if base.score else Match(found.score * 0.8, found.words)


def _goal_for(ctx: Context, subject: Subject) -> float | None:
    goal = ctx.goal
    if goal is not None and subject.unit_key:
        converted = convert_unit(goal.value, goal.unit, subject.unit_key)
        days = {"today": 1, "day": 1, "week": 7, "month": 30}
        if converted is not None and converted > 0:
            scale = days[subject.period] / days[goal.period] if subject.period in days else 1
            return round(converted * scale, 2)
    return subject.goal


def _subject_spec(ctx: Context, subject: Subject) -> AppSpec:
    t = ctx.t
    unit = t(*subject.unit)
    goal = _goal_for(ctx, subject)
    numeric = subject.type != "rating"
    value_field = DataField(
        name="amount",
        label=t(*subject.value),
        type=subject.type,
        unit=unit,
        min=1 if subject.type == "rating" else 0,
        max=subject.high,
        default=int(subject.default) if subject.type != "float" else float(subject.default),
    )
    fields = [value_field]
    kinds = t.items(*subject.kinds) if subject.kinds[0] else []
    if kinds:
        fields.append(
            DataField(name="kind", label=t(*subject.kind_label), type="choice", options=kinds, default=kinds[0])
        )
    if subject.extra:
        fields.append(DataField(name="what", label=t(*subject.extra), required=False))
    fields += [date_field(t), note_field(t)]
    entity = Entity(name=subject.entity, label=t(*subject.title), fields=fields)
    decimals = 1 if subject.type in ("float", "rating") or subject.agg == "avg" else 0
    period_word = {
        "today": ("Today", "今天"),
        "week": ("This week", "本周"),
        "month": ("This month", "本月"),
        "all": ("Latest", "最新"),
    }[subject.period if subject.agg != "latest" else "all"]
    headline = Metric(
        name="headline",
        label=t(f"{period_word[0]} · {subject.value[0].lower()}", f"{period_word[1]}{subject.value[1]}"),
        entity=entity.name,
        field="amount",
        agg=subject.agg,
        period=subject.period if subject.agg != "latest" else "all",
        date_field="day",
        goal=goal,
        goal_kind=subject.goal_kind,
        unit=unit,
        decimals=decimals,
    )
    week = Metric(
        name="week",
        label=t("Average this week", "本周平均") if subject.agg != "sum" else t("This week", "本周合计"),
        entity=entity.name,
        field="amount",
        agg="avg" if subject.agg != "sum" else "sum",
        period="week",
        date_field="day",
        unit=unit,
        decimals=1 if subject.agg != "sum" or subject.type == "float" else 0,
    )
    streak = Metric(
        name="streak",
        label=t("Streak", "连续天数"),
        entity=entity.name,
        agg="streak",
        date_field="day",
        unit=t("days", "天"),
    )
    metrics = [headline, week, streak] if subject.period != "week" else [headline, streak]
    sample = _sample(subject)
    paths = [
        save_path(
            "log_an_entry",
            t(
                f"I log {f'{sample} {unit}' if unit else f'a {sample} out of 5'} and see it in the headline number "
                "and the history.",
                f"我记录 {f'{sample}{unit}' if unit else f'{sample} 分'}，马上在核心指标和历史中看到它。",
            ),
            {"amount": sample},
            [("headline.value", sample), ("log.rows", 1), ("streak.value", 1)],
        )
    ]
    if subject.agg == "sum":
        total = round(sample * 2, 1) if isinstance(sample, float) else sample * 2
        paths.append(
            save_path(
                "totals_add_up",
                t("Two entries today add up in today's total.", "今天记两次，今天的总量会累加。"),
                {"amount": sample},
                [("headline.value", total), ("log.rows", 2)],
                times=2,
            )
        )
    feedback = [headline.label + (t(f" against a goal of {goal:g} {unit}", f"对比目标 {goal:g}{unit}") if goal else "")]
    brief = Brief(
        title=t(*subject.title),
        value=t(subject.value_en, subject.value_zh),
        audience=t("Anyone building a daily routine", "想养成好习惯的每一个人"),
        language=ctx.language,
        icon=subject.icon,
        category="tracker",
        metrics=metrics,
        inputs=[f.label for f in fields[:4]],
        feedback=[*feedback, t("a chart by day and the full history", "按天的图表和完整历史")],
        theme=ctx.theme(subject.theme),
    )
    screens = [
        log_screen(ctx, entity, [m.name for m in metrics], subject.icon),
        history_screen(
            ctx,
            entity,
            category="kind" if kinds else None,
            y="amount" if numeric else "amount",
            agg="sum" if subject.agg == "sum" else "avg",
            line=subject.agg != "sum",
        ),
    ]
    return AppSpec(brief=brief, entities=[entity], screens=screens, key_paths=paths)


def _sample(subject: Subject) -> int | float:
    if subject.type == "rating":
        return 4
    if subject.type == "float":
        return round(float(subject.default) * 0.9 + 0.5, 1)
    return int(subject.default) + (50 if subject.default >= 100 else 5)


def build(ctx: Context) -> AppSpec:
    entries = entry_fields(ctx)
    if entries:  # a log of named things with their numbers: typed fields and a summary per thing
        return entry_log(ctx, entries)
    fields = daily_log_fields(ctx)
    if len(fields) >= 3:
        return multi_tracker(ctx, fields)
    subject, _ = pick_subject(ctx)
    return _subject_spec(ctx, subject or generic_subject(ctx))


PATTERN = Pattern(
    name="tracker",
    label_en="tracker",
    label_zh="记录追踪",
    score=score,
    build=build,
    hint_en="track",
    hint_zh="记录",
)
