"""Bookings and sign-ups: time slots with a capacity per resource, a day/week calendar, a seat map.

Bookings are records of an entity, so they persist, export and count like any other record.
Each component names the fields it writes; ``widgets`` refuses an entity that lacks one, so a
spec whose booking entity cannot hold a booking is rejected before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field, model_validator

from flashapps.spec.base import Ident, ShortText, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind
from flashapps.spec.data import FIELD_WIDGETS, Entity

__all__ = ["BookingComponent", "CalendarComponent", "SeatsComponent", "slot_times"]

_CLOCK = r"^([01]\d|2[0-3]):[0-5]\d$"


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def slot_times(opens: str, closes: str, minutes: int) -> list[str]:
    """Start times ("HH:MM") of the slots that fit whole between ``opens`` and ``closes``."""
    start, end = _minutes(opens), _minutes(closes)
    return [f"{m // 60:02d}:{m % 60:02d}" for m in range(start, end - minutes + 1, minutes)]


def _require(entities: Mapping[str, Entity], entity: str, where: str, fields: dict[str, set[str]]) -> Entity | None:
    """The entity, after checking it has each field (name: allowed types); None when it does not exist."""
    found = entities.get(entity)
    if found is None:
        return None
    for name, types in fields.items():
        field = found.field(name)
        if field is None or field.type not in types:
            have = [f"{f.name}:{f.type}" for f in found.fields]
            raise ValueError(
                f"{where}: entity {entity!r} needs a field {name!r} of type {sorted(types)} (it has {have})"
            )
    return found


def _extra_widgets(component: ComponentBase, entity: Entity | None, names: list[str]) -> dict[str, WidgetKind]:
    if entity is None:
        return {}
    found: dict[str, WidgetKind] = {}
    for name in names:
        field = entity.field(name)
        if field is None:
            raise ValueError(f"{component.id!r}: field {name!r} is not in entity {entity.name!r}")
        found[component.key(f"x_{name}")] = FIELD_WIDGETS[field.type]  # type: ignore[assignment]
    return found


_TEXT = {"text", "choice"}


class BookingComponent(ComponentBase):
    """A visitor picks a resource, a day and a free slot, gives a name and books; double bookings
    (a full slot, a closed day, more than ``per_person_day`` slots a day for one name) are refused
    with a message. Below: the day's bookings, with cancel.

    Records go to ``entity``, which has the fields ``name`` (text), ``slot`` (text or choice: the
    slot's start "HH:MM" or the session's name), ``day`` (date, when dated) and, with ``resources``,
    ``resource`` (text or choice); ``fields`` are further fields of the entity the visitor fills in.
    Slots: ``sessions`` when given (named sessions), else every ``slot_minutes`` from ``opens`` to
    ``closes``. Days: from today to ``days_ahead`` days on, on ``weekdays`` (0 = Monday); with
    ``dated`` off the sign-up has no day (a one-off event).
    Widgets: ``<id>__resource`` (selectbox, with two resources or more), ``<id>__day`` (date_input,
    when dated), ``<id>__slot`` (selectbox, set to the slot's start or name), ``<id>__name``,
    ``<id>__length`` (selectbox: how many slots in a row, 1 to ``max_length``, when above 1),
    ``<id>__x_<field>`` per further field, ``<id>__book``; ``<id>__which`` (selectbox, a booking's
    integer id) + ``<id>__cancel``. Outputs: ``booked`` (bookings kept), ``day_booked`` (bookings of
    the chosen day and resource), ``free`` (places left in the chosen slot), ``full`` (the chosen
    day's full slots), ``slots`` (slots a day), ``refused`` (bookings refused in this session),
    ``cancelled`` (cancelled in this session).
    """

    kind: Literal["booking"] = "booking"
    entity: Ident
    resources: list[ShortText] = Field(default_factory=list, max_length=30)
    resource_label: Text = ""
    opens: str = Field(default="09:00", pattern=_CLOCK)
    closes: str = Field(default="17:00", pattern=_CLOCK)
    slot_minutes: int = Field(default=60, ge=5, le=720)
    sessions: list[ShortText] = Field(default_factory=list, max_length=40)
    capacity: int = Field(default=1, ge=1, le=1000)
    per_person_day: int | None = Field(default=None, ge=1, le=48)
    weekdays: list[int] = Field(default_factory=lambda: list(range(7)), min_length=1, max_length=7)
    days_ahead: int = Field(default=14, ge=0, le=366)
    dated: bool = True
    fields: list[Ident] = Field(default_factory=list, max_length=6)
    book_label: Text = ""
    max_length: int = Field(default=1, ge=1, le=16)

    @model_validator(mode="after")
    def _slots(self) -> BookingComponent:
        if not self.sessions and not slot_times(self.opens, self.closes, self.slot_minutes):
            raise ValueError(
                f"booking {self.id!r}: no {self.slot_minutes}-minute slot fits between {self.opens} and {self.closes}"
            )
        if len(self.slots()) > 96:
            raise ValueError(f"booking {self.id!r}: {len(self.slots())} slots a day is too many (96 at most)")
        if any(not 0 <= d <= 6 for d in self.weekdays) or len(set(self.weekdays)) != len(self.weekdays):
            raise ValueError(f"booking {self.id!r}: weekdays are distinct numbers from 0 (Monday) to 6 (Sunday)")
        if self.sessions and self.max_length > 1:
            raise ValueError(f"booking {self.id!r}: named sessions are booked one at a time (max_length 1)")
        if len(set(self.resources)) != len(self.resources) or len(set(self.sessions)) != len(self.sessions):
            raise ValueError(f"booking {self.id!r}: resources and sessions must not repeat")
        return self

    def slots(self) -> list[str]:
        return list(self.sessions) or slot_times(self.opens, self.closes, self.slot_minutes)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        needed = {"name": {"text"}, "slot": _TEXT} | ({"day": {"date"}} if self.dated else {})
        needed |= {"resource": _TEXT} if self.resources else {}
        entity = _require(entities, self.entity, f"booking {self.id!r}", needed)
        found: dict[str, WidgetKind] = {}
        if len(self.resources) > 1:
            found[self.key("resource")] = "selectbox"
        if self.dated:
            found[self.key("day")] = "date_input"
        found |= {self.key("slot"): "selectbox", self.key("name"): "text_input"}
        if self.max_length > 1:
            found[self.key("length")] = "selectbox"
        found |= _extra_widgets(self, entity, self.fields)
        found |= {self.key("book"): "button", self.key("which"): "selectbox", self.key("cancel"): "button"}
        return found

    def outputs(self) -> set[str]:
        return {"booked", "day_booked", "free", "full", "slots", "refused", "cancelled"}


class CalendarComponent(ComponentBase):
    """What is booked, as a day or week grid: rows are times, columns days (week) or groups (day).

    Reads ``entity``'s records by ``date_field``; ``time_field`` places them in rows (``times``
    lists rows to show even when empty), ``label_field`` is what a cell says, ``group_field`` (a
    resource) splits the day view into columns (``groups`` lists those to show even when empty)
    and is added to cells of the week view. ``weekdays`` are the days of a week shown (0 = Monday).
    Widgets: ``<id>__view`` (radio: day or week), ``<id>__day`` (date_input: the day, or a day of
    the week, shown). Outputs: ``shown`` (records in the day or week shown), ``days`` (days shown).
    """

    kind: Literal["calendar"] = "calendar"
    entity: Ident
    date_field: Ident = "day"
    time_field: Ident | None = None
    label_field: Ident = "name"
    group_field: Ident | None = None
    times: list[ShortText] = Field(default_factory=list, max_length=96)
    groups: list[ShortText] = Field(default_factory=list, max_length=30)
    view: Literal["day", "week"] = "week"
    weekdays: list[int] = Field(default_factory=lambda: list(range(7)), min_length=1, max_length=7)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        needed = {self.date_field: {"date"}, self.label_field: _TEXT}
        needed |= {name: _TEXT for name in (self.time_field, self.group_field) if name}
        _require(entities, self.entity, f"calendar {self.id!r}", needed)
        return {self.key("view"): "radio", self.key("day"): "date_input"}

    def outputs(self) -> set[str]:
        return {"shown", "days"}


class SeatsComponent(ComponentBase):
    """A seat map, ``rows`` × ``columns`` (rows lettered A, B…, seats numbered from 1): taken seats
    are greyed out; a visitor picks a free seat, gives a name and reserves it; a taken seat is
    refused with a message. With ``dated``, each day (from today to ``days_ahead`` on) has its own map.

    Records go to ``entity``, with the fields ``name`` (text), ``seat`` (text: "A1") and, when dated,
    ``day`` (date); ``fields`` are further fields the visitor fills in.
    Widgets: ``<id>__day`` (when dated), ``<id>__s_<row letter><number>`` (a button per seat, e.g.
    ``<id>__s_A1``), ``<id>__seat`` (selectbox of every seat: "A1"), ``<id>__name``,
    ``<id>__x_<field>``, ``<id>__book``, ``<id>__which`` + ``<id>__cancel``. Outputs: ``selected``
    (the seat picked, "" for none), ``taken`` (seats taken on the map shown), ``free``, ``booked``
    (reservations kept), ``refused``, ``cancelled``.
    """

    kind: Literal["seats"] = "seats"
    entity: Ident
    rows: int = Field(default=5, ge=1, le=26)
    columns: int = Field(default=8, ge=1, le=30)
    dated: bool = False
    days_ahead: int = Field(default=14, ge=0, le=366)
    per_person: int | None = Field(default=None, ge=1, le=50)
    fields: list[Ident] = Field(default_factory=list, max_length=6)
    stage_label: Text = ""

    def seat_names(self) -> list[str]:
        return [f"{chr(65 + r)}{c + 1}" for r in range(self.rows) for c in range(self.columns)]

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        needed = {"name": {"text"}, "seat": _TEXT} | ({"day": {"date"}} if self.dated else {})
        entity = _require(entities, self.entity, f"seats {self.id!r}", needed)
        found: dict[str, WidgetKind] = {self.key("day"): "date_input"} if self.dated else {}
        found |= {self.key(f"s_{seat}"): "button" for seat in self.seat_names()}
        found |= {self.key("seat"): "selectbox", self.key("name"): "text_input"}
        found |= _extra_widgets(self, entity, self.fields)
        found |= {self.key("book"): "button", self.key("which"): "selectbox", self.key("cancel"): "button"}
        return found

    def outputs(self) -> set[str]:
        return {"selected", "taken", "free", "booked", "refused", "cancelled"}
