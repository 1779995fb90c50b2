"""Practice components: arithmetic drills generated in the app, and ordering exercises."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import ShortText, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["UNIT_PAIRS", "DrillComponent", "OrderComponent"]

Operation = Literal["+", "-", "×", "÷"]
UnitPair = Literal["km-m", "m-cm", "cm-mm", "m-mm", "kg-g", "t-kg", "l-ml", "h-min", "min-s", "day-h"]
UNIT_PAIRS: dict[str, int] = {
    "km-m": 1000, "m-cm": 100, "cm-mm": 10, "m-mm": 1000, "kg-g": 1000, "t-kg": 1000, "l-ml": 1000, "h-min": 60,
    "min-s": 60, "day-h": 24,
}  # fmt: skip
"""Unit pairs for conversion drills: how many of the second make one of the first."""


class DrillComponent(ComponentBase):
    """Arithmetic practice: rounds of ``count`` questions made up in the app, new ones every round.

    Every number in a question and in its answer lies between ``low`` and ``high`` (no negative results,
    division always exact); with ``tables``, × and ÷ questions use one of those numbers and a factor from 1 to
    ``up_to``. ``seconds`` > 0: a countdown, and the round is checked when it ends.
    Widgets: ``<id>__a<n>`` (a text input per question, n < count), ``<id>__check`` grades,
    ``<id>__new`` starts a round of new questions, ``<id>__again`` a round of the questions missed;
    ``<id>__tables`` (multiselect, with more than one table) narrows the tables, starting a new round.
    Outputs: ``round`` (1 first), ``total``, ``answered``, ``score``, ``finished``, ``missed`` (after
    checking, each missed question with its answer, as “7 × 8 = 56”), ``questions`` (as shown, “7 × 8”),
    ``best``.
    """

    kind: Literal["drill"] = "drill"
    topic: Literal["arithmetic", "fractions", "equations", "units"] = Field(
        default="arithmetic",
        description="arithmetic: whole numbers; fractions: proper fractions with denominators up to min(high, 12), "
        "answers in any equal form; equations: ax + b = c solved for a whole x between low and high (at most 20); "
        "units: converting a whole number of one unit of ``units`` (1 to high) into the other, either way",
    )
    units: list[UnitPair] = Field(default_factory=list, max_length=len(UNIT_PAIRS))
    ops: list[Operation] = Field(min_length=1, max_length=4)
    low: int = Field(default=0, ge=0, le=10000)
    high: int = Field(default=20, ge=1, le=10000)
    tables: list[int] = Field(default_factory=list, max_length=20)
    up_to: int = Field(default=10, ge=1, le=100)
    count: int = Field(default=10, ge=1, le=40)
    seconds: int = Field(default=0, ge=0, le=3600)

    @model_validator(mode="after")
    def _range(self) -> DrillComponent:
        if self.high <= self.low:
            raise ValueError("high must be above low")
        if any(n < 1 or n > 100 for n in self.tables):
            raise ValueError("times tables run from 1 to 100")
        if self.topic == "units" and not self.units:
            raise ValueError("a units drill names its unit pairs")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(n): "button" for n in ("check", "new", "again")}
        found.update({self.key(f"a{n}"): "text_input" for n in range(self.count)})
        if len(self.tables) > 1:
            found[self.key("tables")] = "multiselect"
        return found

    def outputs(self) -> set[str]:
        return {"round", "total", "answered", "score", "finished", "missed", "questions", "best"}


class OrderComponent(ComponentBase):
    """Put items in order: ``items`` in the right order, shown shuffled; one choice box per place (choosing
    an item there swaps it with the place that held it). ``prompt`` says which order is meant.
    Widgets: ``<id>__p<n>`` (selectbox, n < len(items)), ``<id>__check``, ``<id>__shuffle`` (a new mix).
    Outputs: ``score`` (places right, after checking), ``total``, ``finished``, ``solved``, ``wrong``
    (1-based places wrong, after checking), ``order`` (the items as now arranged).
    """

    kind: Literal["order"] = "order"
    items: list[ShortText] = Field(min_length=2, max_length=20)
    prompt: Text = ""
    editable: bool = Field(
        default=False,
        description="the items can be replaced in the app, in their right order (``<id>__items``, one a line, "
        "then ``<id>__save_items``; kept in the app's store)",
    )

    @model_validator(mode="after")
    def _distinct(self) -> OrderComponent:
        if len(set(self.items)) != len(self.items):
            raise ValueError("items to order must differ")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("check"): "button", self.key("shuffle"): "button"}
        found.update({self.key(f"p{n}"): "selectbox" for n in range(len(self.items))})
        if self.editable:
            found.update({self.key("items"): "text_area", self.key("save_items"): "button"})
            found.update({self.key(f"p{n}"): "selectbox" for n in range(20)})
        return found

    def outputs(self) -> set[str]:
        return {"score", "total", "finished", "solved", "wrong", "order"}
