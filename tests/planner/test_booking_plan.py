"""Bookings and sign-ups: the planner reads slots, hours, days, capacity, resources and seat grids
from sentences in English, simplified and traditional Chinese; "book" the thing to read is no booking."""

from __future__ import annotations

import time

import pytest

from flashapps.spec import AppSpec, BookingComponent, CalendarComponent, SeatsComponent
from generator.planner import plan
from generator.planner.hanzi import SIMPLIFIED_ONLY


def _one(spec: AppSpec, kind: type) -> object:
    found = [c for c in spec.components() if isinstance(c, kind)]
    assert len(found) == 1, spec.kinds()
    return found[0]


def _booking(idea: str) -> BookingComponent:
    done = plan(idea)
    assert done.pattern == "booking", (done.pattern, idea)
    found = _one(done.spec, BookingComponent)
    assert isinstance(found, BookingComponent)
    return found


SLOTS = [
    # idea, slot minutes, first and last slot, slots a day, open weekdays
    ("tutoring sign-up, 20-minute slots from 1pm to 3pm on tuesdays and thursdays", 20, "13:00", "14:40", 6, [1, 3]),
    ("let clients book a massage: 90 minute sessions from 10:00 to 19:00", 90, "10:00", "17:30", 6, list(range(7))),
    (
        "a booking page for driving lessons, 2-hour lessons from 8 to 6 on weekdays",
        120,
        "08:00",
        "16:00",
        5,
        [0, 1, 2, 3, 4],
    ),
    ("吉他课预约：每节课40分钟，周二到周六下午1点到5点", 40, "13:00", "16:20", 6, [1, 2, 3, 4, 5]),
    ("游泳池泳道預約，早上6點到晚上9點，每小時一段", 60, "06:00", "20:00", 15, list(range(7))),
    (
        "office hours appointments with the professor, 15 minutes each, 9:30-11:30 on mondays",
        15,
        "09:30",
        "11:15",
        8,
        [0],
    ),
]


@pytest.mark.parametrize(("idea", "minutes", "first", "last", "count", "days"), SLOTS)
def test_slots_hours_and_days_come_from_the_sentence(
    idea: str, minutes: int, first: str, last: str, count: int, days: list[int]
) -> None:
    booking = _booking(idea)
    slots = booking.slots()
    assert (booking.slot_minutes, slots[0], slots[-1], len(slots)) == (minutes, first, last, count)
    assert sorted(booking.weekdays) == days


CAPACITY = [
    ("yoga class booking, max 12 people per session, 7am to 9am", 12, None),
    ("book the climbing wall: up to 6 climbers per slot, 30-minute slots", 6, None),
    ("篮球场预约，每个时段最多10人，每人每天最多约1次", 10, 1),
    ("讀書會報名，每場限20人", 20, None),
    ("reserve a squash court; each slot can only be taken once; max 2 bookings per person per day", 1, 2),
]


@pytest.mark.parametrize(("idea", "capacity", "per_person"), CAPACITY)
def test_capacity_and_the_limit_per_person(idea: str, capacity: int, per_person: int | None) -> None:
    booking = _booking(idea)
    assert (booking.capacity, booking.per_person_day) == (capacity, per_person)


def test_hours_a_person_may_book_become_slots() -> None:
    booking = _booking("网球场预约，每半小时一个时段，每人一天最多订2小时")
    assert (booking.slot_minutes, booking.per_person_day) == (30, 4)


RESOURCES = [
    ("book one of our 5 tennis courts, 8am to 8pm", ["Court 1", "Court 2", "Court 3", "Court 4", "Court 5"]),
    ("meeting room booking for three meeting rooms", ["Meeting room 1", "Meeting room 2", "Meeting room 3"]),
    ("2个会议室的预约系统，9点到18点", ["1号会议室", "2号会议室"]),
    ("桌球館球桌預約，共4張桌", ["1號桌", "2號桌", "3號桌", "4號桌"]),
]


@pytest.mark.parametrize(("idea", "resources"), RESOURCES)
def test_resources_are_counted_and_named_in_the_apps_language(idea: str, resources: list[str]) -> None:
    done = plan(idea)
    booking = _booking(idea)
    assert booking.resources == resources
    calendar = _one(done.spec, CalendarComponent)
    assert isinstance(calendar, CalendarComponent)
    assert calendar.groups == resources and calendar.times == booking.slots()


def test_a_person_to_see_is_a_choice_only_when_the_sentence_says_so() -> None:
    assert _booking("sign up for a parent-teacher meeting, 10-minute slots from 4 to 6pm").resources == []
    assert len(_booking("book a tutoring session: choose a tutor, 1-hour slots").resources) == 3


def test_what_else_a_visitor_gives_becomes_fields() -> None:
    done = plan("dentist appointments: patients leave their phone number, 30-minute slots from 9 to 12")
    entity = done.spec.entity_map()["booking"]
    booking = _one(done.spec, BookingComponent)
    assert isinstance(booking, BookingComponent)
    assert booking.fields == ["phone"] and entity.field("phone") is not None
    assert "book__x_phone" in done.spec.widgets()


def test_sessions_without_times_are_a_sign_up_sheet() -> None:
    done = plan("coding workshop sign-up: pick a session, 15 places each")
    booking = _one(done.spec, BookingComponent)
    assert isinstance(booking, BookingComponent)
    assert len(booking.sessions) == 3 and not booking.dated and booking.capacity == 15
    assert "list" in {c.id for c in done.spec.components()}  # the organiser sees every name


SEATS = [
    ("pick your seat for the concert: 8 rows of 14 seats", 8, 14, False),
    ("cinema seat booking, 6 x 10, choose the date", 6, 10, True),
    ("图书馆座位预约，4排每排6个座位，按日期预约", 4, 6, True),
    ("班級音樂會選座，共30個座位", 5, 6, False),
]


@pytest.mark.parametrize(("idea", "rows", "columns", "dated"), SEATS)
def test_seat_maps_take_their_grid_from_the_sentence(idea: str, rows: int, columns: int, dated: bool) -> None:
    done = plan(idea)
    assert done.pattern == "booking"
    seats = _one(done.spec, SeatsComponent)
    assert isinstance(seats, SeatsComponent)
    assert (seats.rows, seats.columns, seats.dated) == (rows, columns, dated)
    assert f"seat__s_A{columns}" in done.spec.widgets()
    assert f"seat__s_A{columns + 1}" not in done.spec.widgets()


@pytest.mark.parametrize(
    "idea",
    [
        "a bookshelf app",
        "my reading log of books",
        "a book club reading list with ratings",
        "记录我读过的书和读书笔记",
        "track the novels I read and their authors",
        "a budget with an emergency reserve fund",
        "track my doctor appointments and medications",
    ],
)
def test_books_to_read_and_a_reserve_fund_are_no_booking(idea: str) -> None:
    assert plan(idea).pattern != "booking"


def test_every_booking_key_path_names_real_widgets_and_checks_a_refusal() -> None:
    for idea in [row[0] for row in SLOTS] + [row[0] for row in SEATS]:
        spec = plan(idea).spec
        names = {p.name for p in spec.key_paths}
        assert {"double_booking_refused", "taken_seat_refused"} & names, names
        refused = [e for p in spec.key_paths for e in p.expect if e.output.endswith(".refused")]
        assert refused and all(e.value == 1 for e in refused)


def test_traditional_booking_apps_hold_no_simplified_characters() -> None:
    for idea in (
        "游泳池泳道預約，早上6點到晚上9點，每小時一段",
        "讀書會報名，每場限20人",
        "班級音樂會選座，共30個座位",
    ):
        text = plan(idea).spec.to_json()
        assert not [ch for ch in text if ch in SIMPLIFIED_ONLY], idea


def test_planning_a_booking_stays_fast() -> None:
    ideas = [row[0] for row in SLOTS + RESOURCES] + [row[0] for row in SEATS]
    plan(ideas[0])
    took = []
    for idea in ideas:
        start = time.perf_counter()
        plan(idea)
        took.append(time.perf_counter() - start)
    assert sorted(took)[len(took) // 2] < 0.2
