"""The booking, calendar and seats components, driven in-process with AppTest: a visitor books a
free slot, a taken slot (or seat) is refused with a message, a closed day and a person's daily limit
are refused, cancelling frees the slot, the calendar shows what is booked; bundles lint clean and
pass their own key-path tests in English, simplified and traditional Chinese."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import ROOT, ruff_problems, run_bundle_tests

from flashapps.spec import (
    AppSpec,
    BookingComponent,
    Brief,
    CalendarComponent,
    DataField,
    Entity,
    Screen,
    SeatsComponent,
    TextComponent,
)
from generator.planner import plan
from generator.render import render

BUNDLE_MODULES = ("components", "games", "logic", "storage")


def _booking_app(language: str = "en", **settings: object) -> AppSpec:
    resources = settings.pop("resources", ["Court 1", "Court 2"])
    fields = [
        DataField(name="name", label="Name"),
        DataField(name="day", label="Day", type="date"),
        DataField(name="slot", label="Time"),
        DataField(name="resource", label="Court"),
        DataField(name="phone", label="Phone"),
    ]
    booking = BookingComponent(
        id="book",
        entity="booking",
        resources=resources,
        opens="09:00",
        closes="12:00",
        slot_minutes=60,
        fields=["phone"],
        **settings,
    )
    calendar = CalendarComponent(
        id="cal",
        entity="booking",
        time_field="slot",
        group_field="resource",
        times=booking.slots(),
        groups=resources,
        weekdays=booking.weekdays,
    )
    return AppSpec.model_validate(
        {
            "brief": Brief(title="Courts", value="Book a court.", language=language),
            "entities": [Entity(name="booking", label="Booking", fields=fields)],
            "screens": [
                Screen(name="book", title="Book", components=[booking]),
                Screen(name="cal", title="Calendar", components=[calendar, TextComponent(id="tip", body="Tip")]),
            ],
            "key_paths": [
                {
                    "name": "opens",
                    "story": "The page opens.",
                    "steps": [],
                    "expect": [{"output": "book.slots", "value": 3}],
                }
            ],
        }
    )


def _seats_app(dated: bool = False) -> AppSpec:
    fields = [DataField(name="name", label="Name"), DataField(name="seat", label="Seat")]
    fields += [DataField(name="day", label="Day", type="date")] if dated else []
    return AppSpec.model_validate(
        {
            "brief": Brief(title="Play", value="Pick a seat."),
            "entities": [Entity(name="seat_booking", label="Seat", fields=fields)],
            "screens": [
                Screen(
                    name="seats",
                    title="Seats",
                    components=[
                        SeatsComponent(id="seat", entity="seat_booking", rows=3, columns=4, dated=dated, per_person=2)
                    ],
                )
            ],
            "key_paths": [
                {"name": "opens", "story": "It opens.", "steps": [], "expect": [{"output": "seat.free", "value": 12}]}
            ],
        }
    )


@pytest.fixture
def bundle_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


def _open(spec: AppSpec, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    bundle = render(spec, tmp_path / "bundle")
    monkeypatch.syspath_prepend(str(bundle.path))
    at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    return at


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def _book(at: AppTest, name: str, slot: str | None = None, phone: str = "555 0100") -> None:
    if slot is not None:
        at.selectbox(key="book__slot").set_value(slot)
    at.text_input(key="book__name").set_value(name)
    at.text_input(key="book__x_phone").set_value(phone)
    at.button(key="book__book").click().run()


def _chips(at: AppTest) -> str:
    """The strip of the day's slots, each marked free or full."""
    return "".join(m.value for m in at.markdown if "flash-slots" in m.value)


def _errors(at: AppTest) -> list[str]:
    return [e.value for e in at.error]


@pytest.mark.usefixtures("bundle_imports")
def test_a_taken_slot_is_refused_with_a_message_and_cancel_frees_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _open(_booking_app(), tmp_path, monkeypatch)
    assert at.selectbox(key="book__slot").options == ["09:00", "10:00", "11:00"]
    assert "09:00 · free" in _chips(at)
    _book(at, "Ann", "10:00")
    assert (_out(at, "book.booked"), _out(at, "book.full"), _out(at, "book.free")) == (1, ["10:00"], 0)
    assert not _errors(at) and any("Ann" in s.value for s in at.success)
    listed = at.dataframe[0].value
    assert listed.values.tolist() == [["10:00", "Ann"]]  # the phone stays off the list everyone sees
    _book(at, "Ben", "10:00")
    assert _out(at, "book.refused") == 1 and _out(at, "book.booked") == 1
    assert _errors(at) == ["Sorry, 10:00 is already taken — please pick another time."]
    # the other court is free at the same time
    at.selectbox(key="book__resource").set_value("Court 2").run()
    assert _out(at, "book.full") == [] and _out(at, "book.day_booked") == 0
    _book(at, "Ben", "10:00")
    assert _out(at, "book.booked") == 2 and _out(at, "book.refused") == 1
    # the calendar's day grid shows both courts at 10:00
    at.radio(key="cal__view").set_value("day").run()
    grid = at.dataframe[-1].value
    assert list(grid.columns) == ["Court 1", "Court 2"]
    assert grid.loc["10:00"].tolist() == ["Ann", "Ben"] and grid.loc["09:00"].tolist() == ["", ""]
    assert _out(at, "cal.shown") == 2
    at.button(key="book__cancel").click().run()
    assert _out(at, "book.cancelled") == 1 and _out(at, "book.booked") == 1 and _out(at, "book.full") == []


@pytest.mark.usefixtures("bundle_imports")
def test_names_are_required_and_a_person_has_a_daily_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_booking_app(resources=[], capacity=3, per_person_day=2), tmp_path, monkeypatch)
    _book(at, "", "09:00")
    assert _errors(at) == ["Please fill in: Your name"] and _out(at, "book.booked") == 0
    _book(at, "Ann", "09:00")
    assert _out(at, "book.free") == 2
    _book(at, "ann", "09:00")
    assert _errors(at) == ["ann has already booked 09:00."]
    _book(at, "Ann", "10:00")
    _book(at, "ANN", "11:00")
    assert _out(at, "book.booked") == 2 and _out(at, "book.refused") == 3  # no name, twice, over the limit
    assert "the most one person may have" in _errors(at)[0]
    _book(at, "Cleo", "11:00")
    assert _out(at, "book.booked") == 3


@pytest.mark.usefixtures("bundle_imports")
def test_closed_days_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    today = dt.date.today()
    open_day = (today.weekday() + 1) % 7
    at = _open(_booking_app(resources=[], weekdays=[open_day]), tmp_path, monkeypatch)
    first = at.date_input(key="book__day").value
    assert first == today + dt.timedelta(days=1)  # the first open day is picked
    _book(at, "Ann", "09:00")
    assert _out(at, "book.booked") == 1 and _out(at, "cal.shown") == 1  # the calendar opens on that day too
    at.date_input(key="book__day").set_value(today).run()
    assert at.info and at.info[0].value.startswith("Closed that day")
    _book(at, "Ben", "09:00")
    assert _out(at, "book.booked") == 1 and _errors(at)[0].startswith("Closed that day")


@pytest.mark.usefixtures("bundle_imports")
def test_the_week_calendar_puts_a_booking_on_its_day(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_booking_app("zh-Hans"), tmp_path, monkeypatch)
    _book(at, "小安", "11:00")
    grid = at.dataframe[-1].value
    day = dt.date.today()
    column = [c for c in grid.columns if c.endswith(f"{day.month}/{day.day}")]
    assert len(grid.columns) == 7 and column and grid.loc["11:00", column[0]] == "小安 (Court 1)"
    assert 'class="full">11:00 · 已满' in _chips(at) and 'class="free">09:00 · 可约' in _chips(at)


@pytest.mark.usefixtures("bundle_imports")
def test_taken_seats_are_greyed_out_and_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_seats_app(), tmp_path, monkeypatch)
    assert at.button(key="seat__s_C4") and not at.button(key="seat__s_B2").disabled
    at.button(key="seat__book").click().run()
    assert _errors(at) == ["Tap a free seat first"]
    at.button(key="seat__s_B2").click().run()
    assert _out(at, "seat.selected") == "B2" and at.selectbox(key="seat__seat").value == "B2"
    at.text_input(key="seat__name").set_value("Ann")
    at.button(key="seat__book").click().run()
    assert at.button(key="seat__s_B2").disabled and (_out(at, "seat.taken"), _out(at, "seat.free")) == (1, 11)
    at.selectbox(key="seat__seat").set_value("B2")
    at.text_input(key="seat__name").set_value("Ben")
    at.button(key="seat__book").click().run()
    assert _errors(at) == ["Seat B2 is already taken — please pick another."]
    assert _out(at, "seat.refused") == 2  # no seat picked, then a taken one
    at.button(key="seat__cancel").click().run()
    assert not at.button(key="seat__s_B2").disabled and _out(at, "seat.booked") == 0


@pytest.mark.usefixtures("bundle_imports")
def test_each_day_has_its_own_seat_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_seats_app(dated=True), tmp_path, monkeypatch)
    at.button(key="seat__s_A1").click().run()
    at.text_input(key="seat__name").set_value("Ann")
    at.button(key="seat__book").click().run()
    assert at.button(key="seat__s_A1").disabled
    at.date_input(key="seat__day").set_value(dt.date.today() + dt.timedelta(days=1)).run()
    assert not at.button(key="seat__s_A1").disabled and _out(at, "seat.taken") == 0


def test_a_booking_entity_must_hold_what_a_booking_writes() -> None:
    spec = _booking_app().model_dump(mode="json")
    spec["entities"][0]["fields"] = [f for f in spec["entities"][0]["fields"] if f["name"] != "slot"]
    with pytest.raises(ValueError, match="needs a field 'slot'"):
        AppSpec.model_validate(spec)


def test_every_booking_string_exists_in_every_language() -> None:
    table = json.loads((ROOT / "templates" / "app_strings.json").read_text(encoding="utf-8"))
    keys = {k for k in table["en"] if k.startswith(("booking_", "calendar_", "seats_")) or k == "weekdays"}
    assert len(keys) > 30
    for language in ("zh-Hans", "zh-Hant"):
        assert keys <= set(table[language]), keys - set(table[language])
        assert all(table[language][k] != table["en"][k] for k in keys - {"booking_done"}), language
    assert len(table["zh-Hant"]["weekdays"].split(",")) == 7


@pytest.mark.slow
@pytest.mark.parametrize(
    "idea",
    [
        "squash court booking: 2 courts, 45-minute slots from 7am to 10am, max 2 bookings per person per day",
        "家长会预约：每位家长选一个时间段，每段15分钟，下午3点到5点，需要留手机号",
        "話劇選座：8排每排10個座位，已選的座位顯示灰色",
    ],
)
def test_planned_booking_bundles_lint_and_pass_their_own_tests(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "bundle")
    assert ruff_problems(bundle.path) == []
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


@pytest.mark.usefixtures("bundle_imports")
def test_one_booking_can_take_slots_in_a_row(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    at = _open(_booking_app(resources=[], max_length=3, per_person_day=2), tmp_path, monkeypatch)
    assert at.selectbox(key="book__length").options == ["60 min", "120 min", "180 min"]
    at.selectbox(key="book__length").set_value(2)
    _book(at, "Ann", "11:00")
    assert _out(at, "book.booked") == 0 and _errors(at)[0].startswith("That runs past closing time (12:00)")
    _book(at, "Ann", "10:00")
    assert _out(at, "book.booked") == 2 and _out(at, "book.full") == ["10:00", "11:00"]
    assert any("10:00–12:00" in s.value for s in at.success)
    _book(at, "Ben", "09:00")  # 09:00 is free, 10:00 is not
    assert _errors(at) == ["Sorry, 10:00 is already taken — please pick another time."]
    at.selectbox(key="book__length").set_value(1)
    _book(at, "Ann", "09:00")  # a third hour for Ann is over her limit of two
    assert _out(at, "book.booked") == 2 and "the most one person may have" in _errors(at)[0]
