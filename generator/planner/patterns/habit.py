"""Habit streaks: tick today's habits, check in, and watch the streak grow."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChecklistComponent,
    DataField,
    Entity,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, note_field, path, step
from generator.planner.patterns.records import choice_options, history_screen, save_path

__all__ = ["PATTERN"]

KEYWORDS = {
    "habit": 10,
    "streak": 8,
    "check in": 5,
    "check-in": 5,
    "check them off": 5,
    "every day": 2,
    "daily goal": 3,
    "consisten": 3,
    "习惯": 10,
    "打卡": 8,
    "连续": 5,
    "坚持": 5,
    "每天": 1,
}
_HABITS = (
    ["Drink water", "Exercise", "Read 20 minutes", "Meditate", "Sleep before 11 pm"],
    ["喝够水", "运动", "阅读 20 分钟", "冥想", "11 点前睡觉"],
)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    habits = choice_options(ctx.items, t.items(*_HABITS), limit=12)
    entity = Entity(
        name="checkin",
        label=t("Check-in", "打卡"),
        fields=[
            DataField(name="habit", label=t("Habit", "习惯"), type="choice", options=habits, default=habits[0]),
            DataField(name="feeling", label=t("How did it go?", "感觉如何"), type="rating", min=1, max=5, default=4),
            date_field(t),
            note_field(t),
        ],
    )
    metrics = [
        Metric(
            name="streak",
            label=t("Current streak", "连续打卡"),
            entity="checkin",
            agg="streak",
            date_field="day",
            unit=t("days", "天"),
        ),
        Metric(
            name="today",
            label=t("Check-ins today", "今日打卡"),
            entity="checkin",
            agg="count",
            period="today",
            date_field="day",
            goal=len(habits),
        ),
        Metric(
            name="week",
            label=t("Check-ins this week", "本周打卡"),
            entity="checkin",
            agg="count",
            period="week",
            date_field="day",
        ),
    ]
    today = Screen(
        name="today",
        title=t("Today", "今天"),
        icon="✅",
        components=[
            ChecklistComponent(id="list", title=t("Today's habits", "今天的习惯"), items=habits, daily=True),
            FormComponent(id="add", title=t("Check in", "打卡"), entity="checkin", submit_label=t("Check in", "打卡")),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            TextComponent(
                id="tip",
                body=t(
                    "Tick habits as you do them and check in to grow your streak. "
                    "A day without a check-in resets the streak — keep the chain going! 🔥",
                    "做完就勾选，并打卡让连续天数增长。某天没有打卡，连续天数会清零——别让链条断掉！🔥",
                ),
            ),
        ],
    )
    history = history_screen(ctx, entity, category="habit", y=None, en="Streaks", zh="记录", icon="🔥")
    paths = [
        path(
            "tick_a_habit",
            t("I tick a habit on today's list.", "我勾选今天清单上的一个习惯。"),
            [step("check", "list__item0")],
            [expect("list.done", 1), expect("list.total", len(habits))],
        ),
        save_path(
            "check_in",
            t("I check in and my streak starts at one day.", "我打卡后，连续天数从 1 天开始。"),
            {"habit": habits[0]},
            [("streak.value", 1), ("today.value", 1), ("log.rows", 1)],
        ),
        save_path(
            "two_habits",
            t("Two check-ins today count toward today's goal.", "今天打卡两次，今日目标进度随之增加。"),
            {"habit": habits[1]},
            [("today.value", 2), ("streak.value", 1)],
            times=2,
        ),
    ]
    brief = Brief(
        title=t("Habit Streaks", "习惯打卡"),
        value=t(
            "Build good habits one day at a time: tick them off, check in and keep your streak alive.",
            "一天一天养成好习惯：勾选、打卡，让连续天数不断增长。",
        ),
        audience=t("Anyone building better habits", "想养成好习惯的人"),
        language=ctx.language,
        icon="🔥",
        category="tracker",
        metrics=metrics,
        inputs=[t("habit", "习惯"), t("date", "日期")],
        feedback=[
            t("current streak and today's check-ins", "连续天数和今日打卡数"),
            t("check-ins by day and by habit", "按天和按习惯的打卡分布"),
        ],
        theme=ctx.theme("orange"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[today, history], key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="habit",
    label_en="habit streak",
    label_zh="习惯打卡",
    score=score,
    build=build,
    hint_en="habit",
    hint_zh="打卡",
)
