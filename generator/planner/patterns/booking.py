"""Bookings and sign-ups: time slots (hours, slot length, days, capacity, resources) or a seat map,
read from the sentence, with a double-booking check, cancel and a day/week calendar."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    BookingComponent,
    Brief,
    CalendarComponent,
    Component,
    DataField,
    Entity,
    Expect,
    Metric,
    MetricComponent,
    Screen,
    SeatsComponent,
    Step,
    TableComponent,
    TextComponent,
)
from flashapps.spec.booking import slot_times
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.booking_reading import (
    Resource,
    extra_fields,
    find_capacity,
    find_hours,
    find_per_person,
    find_resource,
    find_seat_grid,
    find_slot_minutes,
    find_weekdays,
)

__all__ = ["PATTERN"]

KEYWORDS = {
    "booking": 9,
    "book a": 8,
    "book an": 8,
    "book the": 8,
    "book my": 7,
    "book your": 7,
    "book time": 8,
    "book spot": 9,
    "book one": 8,
    "book our": 8,
    "booking page": 8,
    "booking system": 8,
    "bookable": 8,
    "reservation": 9,
    "reserve a": 8,
    "reserve an": 8,
    "reserve the": 8,
    "reserve my": 7,
    "reserve your": 7,
    "reserve one": 8,
    "reserve seat": 10,
    "appointment": 9,
    "sign-up": 1,
    "sign up": 1,
    "signup": 1,
    "slot": 8,
    "a session": 4,
    "a time slot": 6,
    "places each": 4,
    "spots each": 4,
    "spots left": 6,
    "places left": 6,
    "double book": 10,
    "seat selection": 12,
    "seat map": 12,
    "seat$": 5,
    "预约": 10,
    "预订": 9,
    "订场": 10,
    "约课": 10,
    "报名": 4,
    "会议室": 5,
    "场地": 4,
    "court$": 3,
    "meeting room": 4,
    "挂号": 10,
    "时段": 8,
    "时间段": 8,
    "场次": 8,
    "座位": 9,
    "选座": 12,
    "订座": 10,
    "名额": 6,
    "额满": 8,
    # "book" the thing to read is not a booking
    "bookshelf": -12,
    "reading": -8,
    "read ": -6,
    "library": -6,
    "author": -8,
    "novel": -8,
    "书架": -8,
    "log in": -4,
    "login": -4,
    "track my": -10,
    "log my": -8,
    "medication": -6,
}

_SEAT_WORDS = ("seat$", "座位", "选座", "位子")
_DATED_SEATS = ("date", "day", "daily", "tomorrow", "tonight", "日期", "每天", "明天", "哪天", "几号", "场次")
_SIGNUP_WORDS = ("sign up", "sign-up", "signup", "报名", "register", "registration")
_SESSION_WORDS = ("session", "场次", "workshop", "event", "活动", "class", "课", "tour", "讲座", "shift")
_LENGTH_WORDS = ("start and end", "end time", "how long", "duration", "开始和结束", "开始、结束", "结束时间", "时长")
"""Words that let one booking take several slots in a row (a meeting from 10:00 to 11:30)."""
_APPOINTMENT_WORDS = ("appointment", "clinic", "salon", "consult", "挂号", "门诊", "诊所", "面谈", "咨询")
_PRIVATE = {"phone", "email", "sid"}
"""Fields kept off the lists every visitor of the app sees."""
_HOURS = {"court": ("08:00", "22:00"), "table": ("11:00", "22:00"), "lane": ("06:00", "22:00")}
"""Opening hours where the sentence gives none, by what is booked (else 9 to 5)."""
_PEOPLE_NAMES = {
    "teacher": (["Ms. Lee", "Mr. Brown", "Ms. Garcia"], ["王老师", "李老师", "张老师"]),
    "doctor": (["Dr. Chen", "Dr. Patel", "Dr. Smith"], ["王医生", "李医生", "张医生"]),
    "stylist": (["Amy", "Bella", "Chris"], ["小美", "小雅", "小琳"]),
}


def _plain(ctx: Context) -> str:
    """The idea's own words (lower case, simplified), without the English hints the context adds."""
    return ctx.text.split(" | ", 1)[0]


def _resources(ctx: Context, resource: Resource | None) -> list[str]:
    if resource is None or not resource.chosen:
        return []
    count = resource.count or (3 if resource.key not in ("court",) else 4)
    if resource.key in _PEOPLE_NAMES and not resource.count:
        en, zh = _PEOPLE_NAMES[resource.key]
        return ctx.t.items(en, zh)
    return [ctx.t(f"{resource.en} {n}", f"{n}号{resource.zh}") for n in range(1, count + 1)]


def _words(topic: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in topic.split())


def _title(ctx: Context, resource: Resource | None, signup: bool, seats: bool) -> str:
    topic = "" if ctx.zh else re.sub(r"^(?:my|our|the|a|an|your)\s+", "", ctx.topic)
    if len(topic) < 4 or re.search(r"\d|day\b|slot|sign|book|seat|^(?:our|my|your|their)$", topic):
        topic = ""  # "thursday", "10-minute slots": not what the app is about
    if seats:
        return ctx.t(f"{_words(topic)} Seats" if topic else "Seat Booking", "座位预约")
    if topic:
        return f"{_words(topic)} {'Sign-up' if signup else 'Booking'}"
    if resource is not None and resource.chosen:
        return ctx.t(f"{_words(resource.en)} Booking", f"{resource.zh}预约")
    if signup:
        return ctx.t("Sign-up Sheet", "活动报名" if ctx.has("活动") else "报名表")
    return ctx.t("Bookings", "预约")


def _brief(ctx: Context, title: str, value: str, icon: str, metrics: list[Metric]) -> Brief:
    t = ctx.t
    return Brief(
        title=title,
        value=value,
        audience=t("Whoever takes bookings, and the people who book", "接受预约的人和来预约的人"),
        language=ctx.language,
        icon=icon,
        category="planner",
        metrics=metrics,
        inputs=[t("name, day and time", "姓名、日期和时间")],
        feedback=[t("free and taken slots, the bookings and a calendar", "空闲和已约时段、预约名单和日历")],
        theme=ctx.theme("teal"),
    )


def _fill(cid: str, fields: list[DataField]) -> list[Step]:
    """Steps that fill the further fields a visitor must give (choices start filled)."""
    return [step("set", f"{cid}__x_{f.name}", "0123 456") for f in fields if f.required and f.type == "text"]


def _book(cid: str, name: str, fields: list[DataField], slot: str | None = None) -> list[Step]:
    chosen = [step("set", f"{cid}__slot", slot)] if slot is not None else []
    return [*chosen, step("set", f"{cid}__name", name), *_fill(cid, fields), step("click", f"{cid}__book")]


def _slot_paths(ctx: Context, booking: BookingComponent, fields: list[DataField], calendar: bool) -> list:
    t, slots, cap = ctx.t, booking.slots(), booking.capacity
    ann, ben = t("Ann", "小安"), t("Ben", "小本")
    first: list[Expect] = [expect("book.booked", 1), expect("book.day_booked", 1)]
    first += [expect("book.free", cap - 1)] + ([expect("cal.shown", 1)] if calendar else [])
    again = ben if cap == 1 else ann
    paths = [
        path(
            "book_a_slot",
            t("I book the first free slot with my name.", "我用姓名预约第一个空闲时段。"),
            _book("book", ann, fields),
            first,
        ),
        path(
            "double_booking_refused",
            t("A taken slot cannot be booked again: the app says so.", "已被约的时段不能再约，应用会说明原因。"),
            _book("book", ann, fields) + _book("book", again, fields, slots[0]),
            [expect("book.refused", 1), expect("book.booked", 1)]
            + ([expect("book.full", slots[0], "contains")] if cap == 1 else []),
        ),
        path(
            "cancel_a_booking",
            t("I cancel a booking and the slot is free again.", "我取消预约，时段重新空出。"),
            [*_book("book", ann, fields), step("click", "book__cancel")],
            [expect("book.booked", 0), expect("book.cancelled", 1), expect("book.free", cap)],
        ),
    ]
    if booking.max_length > 1 and len(slots) >= 3:
        paths.append(
            path(
                "book_several_slots",
                t("I book three slots in a row at once.", "我一次预约连续三个时段。"),
                [step("set", "book__length", 3), *_book("book", ann, fields)],
                [expect("book.booked", 3), expect("book.full", slots[:3])] if cap == 1 else [expect("book.booked", 3)],
            )
        )
    limit = booking.per_person_day
    if limit and limit < len(slots) and 3 * (limit + 1) + len(_fill("book", fields)) * (limit + 1) <= 20:
        steps = [s for n in range(limit + 1) for s in _book("book", ann, fields, slots[n])]
        paths.append(
            path(
                "one_person_limit",
                t(f"One person can book at most {limit} a day.", f"每人每天最多预约 {limit} 个时段。"),
                steps,
                [expect("book.booked", limit), expect("book.refused", 1)],
            )
        )
    return paths


def _slots_app(ctx: Context) -> AppSpec:
    t, text = ctx.t, _plain(ctx)
    appointment = ctx.has(*_APPOINTMENT_WORDS)
    minutes = find_slot_minutes(text)
    hours = find_hours(text)
    signup = ctx.has(*_SIGNUP_WORDS)
    sessions: list[str] = []
    if minutes is None and hours is None and ctx.has(*_SESSION_WORDS) and (signup or ctx.has("场次", "session")):
        sessions = t.items(["Session 1", "Session 2", "Session 3"], ["第一场", "第二场", "第三场"])
    resource = find_resource(text)
    lasting = not sessions and (ctx.has(*_LENGTH_WORDS) or (resource is not None and resource.en == "Meeting room"))
    minutes = minutes or (30 if appointment or lasting else 60)
    opens, closes = hours or _HOURS.get(resource.key if resource else "", ("09:00", "17:00"))
    while len(slot_times(opens, closes, minutes)) > 96:
        minutes *= 2
    if not slot_times(opens, closes, minutes):
        opens, closes = "09:00", "17:00"
        minutes = min(minutes, 480)
    resources = _resources(ctx, resource)
    weekdays = find_weekdays(text) or list(range(7))
    extras = extra_fields(ctx)
    fields = [
        DataField(name="name", label=t("Name", "姓名")),
        *([DataField(name="day", label=t("Day", "日期"), type="date")] if not sessions else []),
        DataField(name="slot", label=t("Session", "场次") if sessions else t("Time", "时间")),
        *([DataField(name="resource", label=t(resource.en, resource.zh))] if resources and resource else []),
        *extras,
    ]
    entity = Entity(name="booking", label=t("Booking", "预约"), fields=fields)
    booking = BookingComponent(
        id="book",
        entity="booking",
        resources=resources,
        resource_label=t(resource.en, resource.zh) if resources and resource else "",
        opens=opens,
        closes=closes,
        slot_minutes=minutes,
        sessions=sessions,
        capacity=find_capacity(text) or 1,
        per_person_day=find_per_person(text, minutes),
        weekdays=weekdays,
        dated=not sessions,
        fields=[f.name for f in extras],
        book_label=t("Sign up", "报名") if sessions else "",
        max_length=min(8, len(slot_times(opens, closes, minutes))) if lasting else 1,
    )
    slots = booking.slots()
    if sessions:
        places = (
            t(f", {booking.capacity} places each", f"，每场 {booking.capacity} 个名额") if booking.capacity > 1 else ""
        )
        tip = t(
            f"{len(slots)} sessions{places}. Pick a session, type your name and press **Sign up**; a full session "
            "is refused. Cancel under the list of names.",
            f"共 {len(slots)} 场{places}。选择场次，填写姓名后点 **报名**；额满的场次会被拒绝。可在报名名单下取消。",
        )
    else:
        places = (
            t(f", {booking.capacity} places each", f"，每段 {booking.capacity} 个名额") if booking.capacity > 1 else ""
        )
        tip = t(
            f"{len(slots)} {minutes}-minute slots from {opens} to {closes}{places}. Pick a day and a free time, "
            "type your name and press **Book**; a taken time is refused. Cancel under the day's bookings.",
            f"共 {len(slots)} 个时段（{opens}–{closes}，每段 {minutes} 分钟）{places}。选择日期和空闲时段，"
            "填写姓名后点 **预约**；已约满的时段会被拒绝。可在当天预约名单下取消。",
        )
    metric = Metric(
        name="booked",
        label=t("Sign-ups", "报名人数") if sessions else t("Bookings", "预约数"),
        entity="booking",
        agg="count",
    )
    book_screen = Screen(
        name="book",
        title=t("Sign up", "报名") if sessions else t("Book", "预约"),
        icon="📝" if sessions else "📅",
        components=[booking, TextComponent(id="tip", body=tip)],
    )
    second: list[Component] = [MetricComponent(id="count", metric="booked")]
    listing = t("Sign-ups", "报名名单") if sessions else t("Schedule", "日程")
    if sessions:
        columns = ["slot", "name", *(f.name for f in extras if f.name not in _PRIVATE)]
        second.append(TableComponent(id="list", entity="booking", columns=columns, editable=False))
    else:
        second.insert(
            0,
            CalendarComponent(
                id="cal",
                entity="booking",
                time_field="slot",
                group_field="resource" if resources else None,
                times=slots,
                groups=resources,
                weekdays=weekdays,
            ),
        )
    screens = [book_screen, Screen(name="schedule", title=listing, icon="📋" if sessions else "🗓️", components=second)]
    value = (
        t(
            "Sign up for a session in a few taps; a full session closes by itself and the list of names is kept.",
            "几步就能报名；场次额满自动关闭，报名名单随时可看。",
        )
        if sessions
        else t(
            "Book a free time in a few taps; double bookings are refused and everyone sees the schedule.",
            "几步就能预约空闲时段；重复预约会被拒绝，大家都能看到日程。",
        )
    )
    brief = _brief(ctx, _title(ctx, resource, signup and not appointment, False), value, "📅", [metric])
    return AppSpec(
        brief=brief, entities=[entity], screens=screens, key_paths=_slot_paths(ctx, booking, extras, not sessions)
    )


def _seats_app(ctx: Context) -> AppSpec:
    t, text = ctx.t, _plain(ctx)
    rows, columns = find_seat_grid(text) or (6, 8)
    dated = ctx.has(*_DATED_SEATS)
    extras = extra_fields(ctx)
    fields = [
        DataField(name="name", label=t("Name", "姓名")),
        DataField(name="seat", label=t("Seat", "座位")),
        *([DataField(name="day", label=t("Day", "日期"), type="date")] if dated else []),
        *extras,
    ]
    entity = Entity(name="reservation", label=t("Reservation", "座位预约"), fields=fields)
    stage = t("SCREEN", "银幕") if ctx.has("cinema", "movie", "film", "电影") else ""
    stage = stage or (
        t("FRONT", "讲台") if ctx.has("study", "class", "exam", "library", "自习", "教室", "考试", "图书馆") else ""
    )
    seats = SeatsComponent(
        id="seat",
        entity="reservation",
        rows=rows,
        columns=columns,
        dated=dated,
        per_person=find_per_person(text, 60),
        fields=[f.name for f in extras],
        stage_label=stage,
    )
    tip = t(
        f"{rows} rows × {columns} seats. Tap a free seat (grey ones are taken), type your name and press "
        "**Reserve this seat**; a taken seat is refused.",
        f"{rows} 排 × 每排 {columns} 个座位。点一个空座位（灰色为已被预约），"
        "填写姓名后点 **预约这个座位**；已被预约的座位会被拒绝。",
    )
    metric = Metric(name="reserved", label=t("Seats reserved", "已预约座位"), entity="reservation", agg="count")
    listed = ["seat", "name", *(["day"] if dated else []), *(f.name for f in extras if f.name not in _PRIVATE)]
    screens = [
        Screen(
            name="seats", title=t("Seats", "座位"), icon="💺", components=[seats, TextComponent(id="tip", body=tip)]
        ),
        Screen(
            name="list",
            title=t("Reservations", "预约名单"),
            icon="📋",
            components=[
                MetricComponent(id="count", metric="reserved"),
                TableComponent(id="list", entity="reservation", columns=listed, editable=False),
            ],
        ),
    ]
    ann, ben = t("Ann", "小安"), t("Ben", "小本")
    fill = _fill("seat", extras)
    reserve = [step("click", "seat__s_A1"), step("set", "seat__name", ann), *fill, step("click", "seat__book")]
    paths = [
        path(
            "reserve_a_seat",
            t("I tap seat A1, give my name and reserve it.", "我点 A1 座位，填写姓名后预约。"),
            reserve,
            [expect("seat.booked", 1), expect("seat.taken", 1), expect("seat.free", rows * columns - 1)],
        ),
        path(
            "taken_seat_refused",
            t("A taken seat cannot be reserved again: the app says so.", "已被预约的座位不能再约，应用会说明原因。"),
            [
                *reserve,
                step("set", "seat__seat", "A1"),
                step("set", "seat__name", ben),
                *fill,
                step("click", "seat__book"),
            ],
            [expect("seat.refused", 1), expect("seat.booked", 1)],
        ),
        path(
            "cancel_a_seat",
            t("I cancel a reservation and the seat is free again.", "我取消预约，座位重新空出。"),
            [*reserve, step("click", "seat__cancel")],
            [expect("seat.booked", 0), expect("seat.cancelled", 1), expect("seat.taken", 0)],
        ),
    ]
    value = t(
        "Pick a seat on the map; taken seats are greyed out and can't be reserved twice.",
        "在座位图上选座；已被预约的座位显示灰色，不能重复预约。",
    )
    brief = _brief(ctx, _title(ctx, None, False, True), value, "💺", [metric])
    return AppSpec(brief=brief, entities=[entity], screens=screens, key_paths=paths)


def build(ctx: Context) -> AppSpec:
    return _seats_app(ctx) if ctx.has(*_SEAT_WORDS) else _slots_app(ctx)


def score(ctx: Context) -> Match:
    """The booking words, and more for each fact of a booking the sentence gives (slot length,
    hours, places a slot, a limit a person, a seat grid): those are what makes it a booking app."""
    found = ctx.match(KEYWORDS)
    if found.score <= 0:
        return Match()
    text = _plain(ctx)
    minutes = find_slot_minutes(text)
    facts = [minutes, find_hours(text), find_capacity(text), find_per_person(text, minutes or 60), find_seat_grid(text)]
    return found + Match(4.0 * sum(1 for fact in facts if fact is not None))


PATTERN = Pattern(
    name="booking",
    label_en="bookings & sign-ups",
    label_zh="预约报名",
    score=score,
    build=build,
    hint_en="booking",
    hint_zh="预约",
)
