"""What an app collects: entities with typed fields and seed rows, and the metrics over them."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from flashapps.spec.base import Ident, Scalar, ShortText, SpecModel, Text

_Choices = Annotated[list[Annotated[str, StringConstraints(max_length=80)]], Field(max_length=30)]
"""A multi_choice value in a seed row: some of the field's options."""
_Row = Annotated[dict[str, Scalar | _Choices], Field(max_length=12)]
"""A seed row: a value for some of an entity's (at most 12) fields."""

__all__ = ["FIELD_WIDGETS", "DataField", "Entity", "FieldType", "Metric", "check_value"]

FieldType = Literal["text", "long_text", "int", "float", "bool", "date", "choice", "multi_choice", "rating"]

FIELD_WIDGETS = {
    "text": "text_input",
    "long_text": "text_area",
    "int": "number_input",
    "float": "number_input",
    "bool": "checkbox",
    "date": "date_input",
    "choice": "selectbox",
    "multi_choice": "multiselect",
    "rating": "slider",
}
"""The widget a form draws for each field type (and the one a key path drives)."""


class DataField(SpecModel):
    name: Ident
    label: ShortText
    type: FieldType = "text"
    required: bool = True
    options: list[ShortText] = Field(default_factory=list, max_length=30)
    unit: Text = ""
    min: float | None = None
    max: float | None = None
    default: Scalar = None
    help: Text = ""

    @model_validator(mode="after")
    def _options_fit_type(self) -> DataField:
        if self.type in ("choice", "multi_choice") and not self.options:
            raise ValueError(f"field {self.name!r} is a {self.type} and needs options")
        if self.type not in ("choice", "multi_choice") and self.options:
            raise ValueError(f"field {self.name!r} is a {self.type}; only choice fields take options")
        if len(set(self.options)) != len(self.options):
            raise ValueError(f"field {self.name!r} repeats an option: {self.options}")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"field {self.name!r} has min {self.min} above max {self.max}")
        if self.default is not None:
            problem = check_value(self, self.default)
            if problem:
                raise ValueError(f"field {self.name!r} default: {problem}")
        return self

    @property
    def numeric(self) -> bool:
        return self.type in ("int", "float", "rating")


def check_value(field: DataField, value: Scalar | list[str]) -> str | None:
    """Why ``value`` cannot be stored in ``field``, or None when it can."""
    if value is None:
        return "is empty but the field is required" if field.required else None
    kind = field.type
    if kind in ("int", "rating"):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif kind == "float":
        ok = isinstance(value, int | float) and not isinstance(value, bool)
    elif kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "date":
        ok = isinstance(value, str) and _is_iso_date(value)
    elif kind == "choice":
        ok = value in field.options
    elif kind == "multi_choice":
        ok = isinstance(value, list) and all(v in field.options for v in value)
    else:
        ok = isinstance(value, str)
    if not ok:
        return f"{value!r} is not a valid {kind}" + (f" (one of {field.options})" if field.options else "")
    if field.numeric and isinstance(value, int | float):
        if field.min is not None and value < field.min:
            return f"{value!r} is below the minimum {field.min}"
        if field.max is not None and value > field.max:
            return f"{value!r} is above the maximum {field.max}"
    return None


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


Scope = Literal["personal", "shared", "submissions"]
"""Whose records they are, once the app is shared: ``personal``, each visitor their own, never seen by
others (a diary, a tracker); ``shared``, one set everyone sees and changes (a points board, a poll, a
sign-up sheet); ``submissions``, each visitor adds and sees their own, and only the app's owner sees
them all (exit tickets, homework, votes). A visitor is a browser, known by the cookie the studio gives it."""


class Entity(SpecModel):
    """A kind of record the app keeps in its own SQLite file (a meal, an expense, a habit)."""

    name: Ident
    label: ShortText
    fields: list[DataField] = Field(min_length=1, max_length=12)
    seed: list[_Row] = Field(default_factory=list, max_length=50)
    scope: Scope = Field(default="shared", description="whose records: personal, shared or submissions")

    @model_validator(mode="after")
    def _fields_and_seed(self) -> Entity:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"entity {self.name!r} repeats a field name: {names}")
        reserved = {"id", "created_at"} & set(names)
        if reserved:
            raise ValueError(f"entity {self.name!r} uses reserved field names {sorted(reserved)}")
        by_name = {f.name: f for f in self.fields}
        for i, row in enumerate(self.seed):
            unknown = set(row) - set(by_name)
            if unknown:
                raise ValueError(f"entity {self.name!r} seed row {i} has unknown fields {sorted(unknown)}")
            for name, field in by_name.items():
                problem = check_value(field, row.get(name))
                if problem:
                    raise ValueError(f"entity {self.name!r} seed row {i} field {name!r}: {problem}")
        return self

    def field(self, name: str) -> DataField | None:
        return next((f for f in self.fields if f.name == name), None)


class Metric(SpecModel):
    """A core metric: an aggregate of one entity's records over a period, maybe with a goal."""

    name: Ident
    label: ShortText
    entity: Ident
    field: Ident | None = Field(default=None, description="a number field; none counts records")
    agg: Literal["sum", "count", "avg", "min", "max", "latest", "streak"] = "sum"
    period: Literal["all", "today", "week", "month"] = "all"
    date_field: Ident | None = Field(default=None, description="the date the period and streak use")
    goal: float | None = Field(default=None, gt=0)
    goal_kind: Literal["reach", "stay_under"] = "reach"
    unit: Text = ""
    decimals: int = Field(default=0, ge=0, le=6)

    @model_validator(mode="after")
    def _shape(self) -> Metric:
        if self.agg in ("sum", "avg", "min", "max", "latest") and self.field is None:
            raise ValueError(f"metric {self.name!r}: agg {self.agg!r} needs a field")
        return self
