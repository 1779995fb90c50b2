"""A rule over an entity's records, computed where the records are shown: a yearly allowance with its balance,
loans with a due date and a fine, who has no record in a month, and readings flagged above or below limits."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from pydantic import Field, model_validator

from flashapps.spec.base import Ident, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind
from flashapps.spec.data import FIELD_WIDGETS, Entity

__all__ = ["Limit", "RuleComponent"]


class Limit(SpecModel):
    """A number field's safe range: a record above ``above`` or below ``below`` is flagged."""

    field: Ident
    above: float | None = None
    below: float | None = None
    when: Text = Field(default="", description="only records whose choice field holds this value")


class RuleComponent(ComponentBase):
    """A rule over the records of ``entity``, linked to people (``people``, through the int field ``person``).

    - ``allowance``: requests from ``start`` to ``end`` (days counted inclusive); each person has ``amount`` days a
      year; days of requests at status ``approved`` are used, those not yet closed are pending; a request over
      what is left (less pending) is refused. Widgets: ``<id>__person``, ``<id>__start``, ``<id>__end``,
      ``<id>__<field>`` for the entity's other fields but ``status``, ``<id>__submit``. Outputs: ``saved``,
      ``refused``, ``days`` (of the last request tried), ``left`` (the picked person's days left).
    - ``loan``: lending an ``item`` (int field linked to ``items``) to a person on ``<id>__day`` sets ``end`` (the
      due date) ``amount`` days later; ``<id>__back`` returns the loan picked in ``<id>__open`` on that day
      (``returned`` field). Days late (as of ``<id>__asof``) cost ``fine`` each. Widgets: ``<id>__item``,
      ``<id>__person``, ``<id>__day``, ``<id>__lend``, ``<id>__open``, ``<id>__back``, ``<id>__asof``. Outputs:
      ``due`` (ISO date of the last loan made), ``open``, ``overdue``, ``fines`` (owed as of the day).
    - ``unpaid``: the people with no record (dated ``start``) in the month picked in ``<id>__month`` (YYYY-MM).
      Outputs: ``unpaid`` (their names), ``paid`` (how many have one).
    - ``threshold``: records with a value beyond a ``limits`` entry are flagged. Widget ``<id>__only`` shows
      only those. Outputs: ``flagged`` (how many), ``rows``.
    - ``age``: records whose date ``start`` is more than ``amount`` days ago, or with ``soon`` (an expiry date)
      at most ``amount`` days ahead or past, are flagged; widgets and outputs as ``threshold``.
    """

    kind: Literal["rule"] = "rule"
    rule: Literal["allowance", "loan", "unpaid", "threshold", "age"]
    entity: Ident
    people: Ident | None = None
    person: Ident | None = None
    items: Ident | None = None
    item: Ident | None = None
    start: Ident | None = None
    end: Ident | None = None
    returned: Ident | None = None
    status: Ident | None = None
    approved: Text = ""
    amount: float = Field(default=0, ge=0, le=3660)
    fine: float = Field(default=0, ge=0)
    unit: Text = ""
    limits: list[Limit] = Field(default_factory=list, max_length=8)
    note: Text = ""
    soon: bool = Field(default=False, description="age: ``start`` is an expiry date, flagged when near or past")

    @model_validator(mode="after")
    def _has_what_it_needs(self) -> RuleComponent:
        needs = {
            "allowance": ("people", "person", "start", "end", "status"),
            "loan": ("people", "person", "items", "item", "start", "end", "returned"),
            "unpaid": ("people", "person", "start"),
            "threshold": (),
            "age": ("start",),
        }[self.rule]
        missing = [n for n in needs if getattr(self, n) is None]
        if missing or (self.rule == "threshold" and not self.limits):
            raise ValueError(f"rule {self.id!r} ({self.rule}) needs {missing or ['limits']}")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        if self.rule == "allowance":
            found: dict[str, WidgetKind] = {self.key("person"): "selectbox"}
            found |= {self.key("start"): "date_input", self.key("end"): "date_input"}
            entity = entities.get(self.entity)
            taken = {self.person, self.start, self.end, self.status}
            for field in entity.fields if entity else []:
                if field.name not in taken:
                    found[self.key(field.name)] = FIELD_WIDGETS[field.type]  # type: ignore[assignment]
            return found | {self.key("submit"): "button"}
        if self.rule == "loan":
            found = {self.key("item"): "selectbox", self.key("person"): "selectbox"}
            found |= {self.key("day"): "date_input", self.key("lend"): "button", self.key("open"): "selectbox"}
            return found | {self.key("back"): "button", self.key("asof"): "date_input"}
        if self.rule == "unpaid":
            return {self.key("month"): "selectbox"}
        return {self.key("only"): "checkbox"}

    def outputs(self) -> set[str]:
        return {
            "allowance": {"saved", "refused", "days", "left"},
            "loan": {"due", "open", "overdue", "fines"},
            "unpaid": {"unpaid", "paid"},
            "threshold": {"flagged", "rows"},
            "age": {"flagged", "rows"},
        }[self.rule]
