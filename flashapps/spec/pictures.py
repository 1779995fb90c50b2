"""Practice with a picture: reading and setting an analogue clock, counting and making amounts of money."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["CLOCK_LEVELS", "CURRENCY_PIECES", "PicturesComponent"]

ClockLevel = Literal["hour", "half", "quarter", "five", "minute"]
CLOCK_LEVELS: tuple[ClockLevel, ...] = ("hour", "half", "quarter", "five", "minute")
"""From easiest to hardest: o'clock, half past, quarters, 5 minutes, any minute."""
Currency = Literal["CNY", "TWD", "USD", "EUR", "GBP", "JPY"]
CURRENCY_PIECES: dict[str, list[int]] = {
    "CNY": [10, 50, 100, 500, 1000, 2000, 5000, 10000],
    "TWD": [1, 5, 10, 50, 100, 500, 1000],
    "USD": [1, 5, 10, 25, 100, 500, 1000, 2000],
    "EUR": [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
    "GBP": [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000],
    "JPY": [1, 5, 10, 50, 100, 500, 1000, 5000, 10000],
}
"""The coins and notes of each currency, in its smallest unit (分, cents, pence; whole 元 and 円)."""
_CLOCK_MODES = {"read", "set", "elapsed"}
_MONEY_MODES = {"count", "make", "change"}


class PicturesComponent(ComponentBase):
    """A round of ``count`` questions, one at a time, each with a drawn picture, new ones every round.

    clock: ``read`` a drawn clock (the time it shows), ``set`` its hands to a time (hour and minute
    boxes, the clock drawn as set), ``elapsed`` (the time a number of minutes after the one shown); times at
    ``level`` or an easier one (chosen again in the app), answers on a 12- or 24-hour clock.
    money: ``count`` the coins and notes drawn, ``make`` a price by tapping any coins and notes (an exact
    total; with ``fewest``, also with the fewest pieces), ``change`` from a payment; amounts from ``low``
    to ``high`` in the currency's smallest unit, with the pieces of ``pieces`` no bigger than ``high``.
    Widgets: ``<id>__level`` (clock), ``<id>__choice`` (radio, with ``answer`` choice), ``<id>__typed``
    (with ``answer`` typed), ``<id>__hour`` and ``<id>__minute`` (set), ``<id>__add<n>`` (make: one more
    of the n-th of ``pieces``), ``<id>__undo``, ``<id>__clear``, ``<id>__check``, ``<id>__next``, ``<id>__new``.
    Outputs: ``round``, ``total``, ``asked`` (1-based number of the question shown), ``answered``, ``score``,
    ``last`` (right, wrong or empty), ``finished``, ``missed`` (each missed question with its answer), ``made``
    (the amount tapped, in the smallest unit), ``level``.
    """

    kind: Literal["pictures"] = "pictures"
    topic: Literal["clock", "money"]
    modes: list[Literal["read", "set", "elapsed", "count", "make", "change"]] = Field(min_length=1, max_length=3)
    answer: Literal["choice", "typed"] = "choice"
    count: int = Field(default=10, ge=1, le=40)
    level: ClockLevel = "quarter"
    hours24: bool = False
    currency: Currency = "USD"
    style: Literal["symbol", "words"] = Field(
        default="symbol", description="symbol: $7.50, ¥7.50, NT$75; words: 7元5角, 75元 (for Chinese apps)"
    )
    pieces: list[int] = Field(default_factory=list, max_length=12)
    low: int = Field(default=1, ge=1, le=1_000_000)
    high: int = Field(default=1000, ge=2, le=1_000_000)
    fewest: bool = False

    @model_validator(mode="after")
    def _fits(self) -> PicturesComponent:
        allowed = _CLOCK_MODES if self.topic == "clock" else _MONEY_MODES
        if not set(self.modes) <= allowed:
            raise ValueError(f"a {self.topic} practice asks only {sorted(allowed)}")
        if len(set(self.modes)) != len(self.modes):
            raise ValueError("modes are named once each")
        if self.high <= self.low:
            raise ValueError("high must be above low")
        if self.topic == "money":
            if self.pieces != sorted(set(self.pieces)) or not self.pieces or self.pieces[0] < 1:
                raise ValueError("money practice names its pieces, smallest first, each once")
            if self.pieces[0] > self.high:
                raise ValueError("the smallest piece is bigger than the largest amount")
        return self

    def used(self) -> list[int]:
        """The pieces drawn and tapped: those no bigger than ``high``."""
        return [p for p in self.pieces if p <= self.high]

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(n): "button" for n in ("check", "next", "new")}
        if self.answer == "choice":
            found[self.key("choice")] = "radio"
        else:
            found[self.key("typed")] = "text_input"
        if self.topic == "clock":
            found[self.key("level")] = "selectbox"
        if "set" in self.modes:
            found.update({self.key("hour"): "selectbox", self.key("minute"): "selectbox"})
        if "make" in self.modes:
            found.update({self.key(f"add{n}"): "button" for n in range(len(self.pieces))})
            found.update({self.key("undo"): "button", self.key("clear"): "button"})
        return found

    def outputs(self) -> set[str]:
        return {"round", "total", "asked", "answered", "score", "last", "finished", "missed", "made", "level"}
