"""The session log every timer app carries, and the brief they share."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    DataField,
    Entity,
    FormComponent,
    KeyPath,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
)
from generator.planner.patterns.base import (
    Context,
    date_field,
)
from generator.planner.patterns.records import save_path

__all__ = ["timer_log", "timer_spec"]


def timer_log(
    ctx: Context, minutes: float, activity_en: str, activity_zh: str
) -> tuple[Entity, list[Metric], Screen, KeyPath]:
    t = ctx.t
    entity = Entity(
        name="session",
        label=t("Session", "时段"),
        fields=[
            DataField(name="task", label=t(activity_en, activity_zh)),
            DataField(
                name="minutes", label=t("Minutes", "分钟"), type="int", min=1, max=600, default=max(1, round(minutes))
            ),
            date_field(t),
        ],
    )
    metrics = [
        Metric(
            name="sessions_today",
            label=t("Sessions today", "今日次数"),
            entity="session",
            agg="count",
            period="today",
            date_field="day",
        ),
        Metric(
            name="minutes_today",
            label=t("Minutes today", "今日分钟"),
            entity="session",
            field="minutes",
            agg="sum",
            period="today",
            date_field="day",
            unit=t("min", "分钟"),
        ),
    ]
    screen = Screen(
        name="log",
        title=t("Log", "记录"),
        icon="📒",
        components=[
            FormComponent(id="add", entity="session", submit_label=t("Log this session", "记录本次")),
            MetricComponent(id="sessions_today", metric="sessions_today"),
            MetricComponent(id="minutes_today", metric="minutes_today"),
            ChartComponent(id="trend", entity="session", chart="bar", group_by="day", x="day", y="minutes", agg="sum"),
            TableComponent(id="log", entity="session"),
        ],
    )
    saved = save_path(
        "log_a_session",
        t("I log a finished session and see today's count.", "我记录一次完成的时段，看到今天的次数。"),
        {"task": t("Reading", "阅读"), "minutes": max(1, round(minutes))},
        [("sessions_today.value", 1), ("minutes_today.value", max(1, round(minutes))), ("log.rows", 1)],
    )
    return entity, metrics, screen, saved


def timer_spec(
    ctx: Context,
    title: str,
    value: str,
    icon: str,
    theme: str,
    entities: list[Entity],
    metrics: list[Metric],
    screens: list[Screen],
    paths: list[KeyPath],
) -> AppSpec:
    t = ctx.t
    brief = Brief(
        title=title,
        value=value,
        audience=t("Anyone who wants to use their time well", "想把时间用好的每一个人"),
        language=ctx.language,
        icon=icon,
        category="timer",
        metrics=metrics,
        inputs=[t("minutes", "分钟"), t("what the session was for", "本次用途")],
        feedback=[t("time left, phase and sessions finished today", "剩余时间、当前阶段和今日完成次数")],
        theme=ctx.theme(theme),
    )
    return AppSpec(brief=brief, entities=entities, screens=screens, key_paths=paths)
