"""Events and bookings: a calendar-like list of dated events (with a days-until counter) or class bookings."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    CalculatorComponent,
    DataField,
    Entity,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, date_field
from generator.planner.patterns.calc_dates import dates_parts
from generator.planner.patterns.records import choice_options, history_screen, save_path

__all__ = ["PATTERN"]

KEYWORDS = {
    "event": 8,
    "calendar": 8,
    "schedule": 5,
    "appointment": 2,
    "booking": 2,
    "book spots": 2,
    "reservation": 2,
    "birthday": 3,
    "anniversary": 5,
    "countdown": 3,
    "deadline": 4,
    "meeting": 4,
    "class schedule": 6,
    "活动": 6,
    "日历": 8,
    "日程": 6,
    "预约": 2,
    "预订": 2,
    "纪念日": 6,
    "生日": 3,
    "会议": 4,
    "课程表": 6,
}


def _bookings(ctx: Context) -> AppSpec:
    t = ctx.t
    classes = choice_options(
        ctx.items,
        t.items(
            ["Yoga", "Spin", "HIIT", "Pilates", "Boxing", "Strength"],
            ["瑜伽", "动感单车", "HIIT", "普拉提", "拳击", "力量"],
        ),
    )
    slots = t.items(["07:00", "12:00", "18:00", "20:00"], ["07:00", "12:00", "18:00", "20:00"])
    entity = Entity(
        name="booking",
        label=t("Booking", "预约"),
        fields=[
            DataField(name="member", label=t("Member", "会员")),
            DataField(name="session", label=t("Class", "课程"), type="choice", options=classes, default=classes[0]),
            date_field(t),
            DataField(name="slot", label=t("Time", "时间"), type="choice", options=slots, default=slots[2]),
            DataField(name="attended", label=t("Attended", "已到场"), type="bool", default=False),
        ],
    )
    metrics = [
        Metric(
            name="today",
            label=t("Bookings today", "今日预约"),
            entity="booking",
            agg="count",
            period="today",
            date_field="day",
        ),
        Metric(
            name="week",
            label=t("This week", "本周预约"),
            entity="booking",
            agg="count",
            period="week",
            date_field="day",
        ),
    ]
    book = Screen(
        name="book",
        title=t("Book", "预约"),
        icon="📅",
        components=[
            FormComponent(id="add", entity="booking", submit_label=t("Book my spot", "预约名额")),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            TextComponent(
                id="tip",
                body=t(
                    "Staff: tick **Attended** in the schedule's edit panel when a member shows up.",
                    "工作人员：会员到场后，在课表的编辑面板勾选 **已到场**。",
                ),
            ),
        ],
    )
    schedule = history_screen(ctx, entity, category="session", en="Schedule", zh="课表", icon="🗓️")
    paths = [
        save_path(
            "book_a_class",
            t("A member books a class today and it shows in the schedule.", "会员预约今天的课程，并出现在课表中。"),
            {"member": "Ana", "session": classes[1]},
            [("today.value", 1), ("week.value", 1), ("log.rows", 1)],
        )
    ]
    brief = Brief(
        title=t("Class Bookings", "课程预约"),
        value=t(
            "Members book classes; staff see the schedule and attendance.", "会员预约课程，工作人员查看课表和到场情况。"
        ),
        audience=t("Gyms, studios and their members", "健身房、工作室及其会员"),
        language=ctx.language,
        icon="🏋️",
        category="planner",
        metrics=metrics,
        inputs=[t("member, class, date and time", "会员、课程、日期和时间")],
        feedback=[t("bookings today and this week by class", "今日和本周按课程的预约")],
        theme=ctx.theme("red"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[book, schedule], key_paths=paths)


def _events(ctx: Context) -> AppSpec:
    t = ctx.t
    kinds = choice_options(
        ctx.items,
        t.items(
            ["Birthday", "Holiday", "Meeting", "Trip", "Deadline", "Other"],
            ["生日", "节日", "会议", "旅行", "截止日", "其他"],
        ),
    )
    entity = Entity(
        name="event",
        label=t("Event", "事件"),
        fields=[
            DataField(name="title", label=t("Title", "标题")),
            date_field(t, "day", "Date", "日期"),
            DataField(name="kind", label=t("Type", "类型"), type="choice", options=kinds, default=kinds[0]),
            DataField(name="place", label=t("Where", "地点"), required=False),
            DataField(name="description", label=t("Description", "描述"), type="long_text", required=False),
        ],
    )
    metrics = [
        Metric(name="week", label=t("This week", "本周"), entity="event", agg="count", period="week", date_field="day"),
        Metric(
            name="month", label=t("This month", "本月"), entity="event", agg="count", period="month", date_field="day"
        ),
        Metric(name="total", label=t("All events", "全部"), entity="event", agg="count"),
    ]
    add = Screen(
        name="add",
        title=t("Add", "添加"),
        icon="➕",
        components=[
            FormComponent(id="add", entity="event", submit_label=t("Add event", "添加事件")),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
        ],
    )
    calendar = history_screen(ctx, entity, category="kind", en="Calendar", zh="日历", icon="🗓️")
    parts = dates_parts(t, "days")
    countdown = Screen(
        name="countdown",
        title=t("Countdown", "倒数"),
        icon="⏳",
        components=[
            CalculatorComponent(
                id="calc", title=t("Days until…", "距离某天还有…"), inputs=parts.inputs, results=parts.results
            ),
            TextComponent(
                id="tip",
                body=t(
                    "Type an event's date to see how many days are left (from today, or from any date).",
                    "输入事件日期，看看从今天（或任意日期）起还剩几天。",
                ),
            ),
        ],
    )
    paths = [
        save_path(
            "add_an_event",
            t(
                "I add an event today and see it in this week's count and the calendar.",
                "我添加今天的事件，本周计数和日历随之更新。",
            ),
            {"title": t("Team lunch", "团队午餐")},
            [("week.value", 1), ("total.value", 1), ("log.rows", 1)],
        ),
        *parts.paths,
    ]
    brief = Brief(
        title=t("Events & Countdowns", "事件与倒数日"),
        value=t(
            "Keep your events in one place and count down the days to each.", "把所有事件放在一起，并倒数每个日子。"
        ),
        audience=t("Anyone with dates to remember", "有重要日子要记的人"),
        language=ctx.language,
        icon="🗓️",
        category="planner",
        metrics=metrics,
        inputs=[t("title, date and type", "标题、日期和类型")],
        feedback=[t("events this week and month, days left", "本周/本月事件和剩余天数")],
        theme=ctx.theme("purple"),
    )
    return AppSpec(
        brief=brief, entities=[entity], screens=[add, calendar, countdown], logic=parts.logic, key_paths=paths
    )


def build(ctx: Context) -> AppSpec:
    if ctx.has(
        "booking", "book a ", "book spot", "reservation", "appointment", "class schedule", "预约", "预订", "约课"
    ):
        return _bookings(ctx)
    return _events(ctx)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="events",
    label_en="events & bookings",
    label_zh="事件预约",
    score=score,
    build=build,
    hint_en="events",
    hint_zh="日程",
)
