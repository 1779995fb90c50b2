"""Small tools for a group or an event: a tournament bracket, a gift-exchange draw, shared costs split among people
or households, and a classroom seating chart made from a student list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = [
    "BracketComponent",
    "CostSplitComponent",
    "GiftDrawComponent",
    "HousePointsComponent",
    "HouseTeam",
    "PairRateComponent",
    "Payer",
    "SeatingComponent",
]


def _distinct(values: list[str], what: str) -> None:
    if len(set(values)) != len(values):
        raise ValueError(f"{what} repeat: {values}")


class BracketComponent(ComponentBase):
    """A tournament of ``teams`` (editable in the app): single elimination with byes for the top seeds when the
    count is not a power of two, or a round robin (every pairing once, 3 points a win and 1 a draw). The user
    picks each match's winner; the bracket advances and the champion (or the standings' leader) is shown.

    Widgets: ``<id>__r<round>m<match>`` (selectbox of the two teams; round robin: ``<id>__m<n>`` with a draw too),
    ``<id>__teams`` (text_area, one team a line), ``<id>__save``, ``<id>__reset``. Outputs: ``teams``, ``byes``,
    ``first_round`` (“A – B”, “A – bye”), ``champion`` ('' until decided), ``matches`` (how many), ``standings``
    (names, leader first), ``warning`` ('' or the warning shown)."""

    kind: Literal["bracket"] = "bracket"
    teams: list[ShortText] = Field(default_factory=list, max_length=64)
    mode: Literal["knockout", "roundrobin"] = "knockout"
    event: str = Field(default="", max_length=80)
    date: str = Field(default="", max_length=40)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("teams"): "text_area", self.key("save"): "button"}
        found[self.key("reset")] = "button"
        found |= {self.key(f"r{r}m{m}"): "selectbox" for r in range(6) for m in range(32)}
        found |= {self.key(f"m{n}"): "selectbox" for n in range(120)}
        return found

    def outputs(self) -> set[str]:
        return {"teams", "byes", "first_round", "champion", "matches", "standings", "warning"}


class GiftDrawComponent(ComponentBase):
    """A gift-exchange draw: everyone gives to one other person, never to themselves nor to anyone of the same
    pair or household in ``apart`` (each a list of names). The draw always keeps these rules or says plainly it
    cannot; each person reveals only their own match; a redraw starts over.

    Widgets: ``<id>__names`` (text_area), ``<id>__apart`` (text_area, one group a line), ``<id>__save``,
    ``<id>__draw``, ``<id>__me`` (selectbox), ``<id>__reveal``. Outputs: ``names``, ``drawn`` (bool),
    ``impossible`` (bool), ``revealed`` (the receiver shown, '' when hidden), ``pairs`` (giver→receiver, for the
    app's tests only: never shown)."""

    kind: Literal["giftdraw"] = "giftdraw"
    names: list[ShortText] = Field(default_factory=list, max_length=60)
    apart: list[list[ShortText]] = Field(default_factory=list, max_length=30)
    budget: str = Field(default="", max_length=40)

    @model_validator(mode="after")
    def _check(self) -> GiftDrawComponent:
        _distinct(self.names, "names")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("names"): "text_area", self.key("apart"): "text_area"}
        found |= {self.key("save"): "button", self.key("draw"): "button", self.key("reveal"): "button"}
        found[self.key("me")] = "selectbox"
        return found

    def outputs(self) -> set[str]:
        return {"names", "drawn", "impossible", "revealed", "pairs"}


class Payer(SpecModel):
    name: ShortText
    share: float = Field(default=1, gt=0, le=100, description="people in the household, or shares")


class CostSplitComponent(ComponentBase):
    """Shared costs: who paid what, split among ``people`` by their shares (1 each: equally; a household's
    headcount), each one's balance and the fewest transfers that settle them (“A pays B ¥x”).

    Widgets: ``<id>__who`` (selectbox), ``<id>__what`` (text_input), ``<id>__amount`` (number_input),
    ``<id>__add``, ``<id>__undo``, ``<id>__clear``, ``<id>__people`` (text_area: “name share” a line),
    ``<id>__save``. Outputs: ``total``, ``balances`` (name → balance, 2 decimals), ``transfers`` (“A → B 12.5”),
    ``payments`` (how many)."""

    kind: Literal["costsplit"] = "costsplit"
    people: list[Payer] = Field(default_factory=list, max_length=40)
    currency: str = Field(default="$", max_length=4)
    by_household: bool = False

    @model_validator(mode="after")
    def _check(self) -> CostSplitComponent:
        _distinct([p.name for p in self.people], "people")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("who"): "selectbox", self.key("what"): "text_input"}
        found |= {self.key("amount"): "number_input", self.key("people"): "text_area"}
        found |= {self.key(k): "button" for k in ("add", "undo", "clear", "save")}
        return found

    def outputs(self) -> set[str]:
        return {"total", "balances", "transfers", "payments"}


SeatRule = Literal["height", "eyesight", "mixed", "random"]


class SeatingComponent(ComponentBase):
    """A seating chart of ``rows`` × ``cols`` made from a student list (one a line: name, height, eyesight,
    gender), by ``rules`` in order (shortest in front, poorest eyesight in front, boys and girls alternating),
    ties drawn at random; regenerated, two seats swapped by hand, downloaded as CSV or text.

    Widgets: ``<id>__students`` (text_area), ``<id>__make``, ``<id>__a`` / ``<id>__b`` (selectbox of seats),
    ``<id>__swap``. Outputs: ``grid`` (rows of names, '' for an empty seat), ``front`` (row 1), ``seated``,
    ``left`` (students without a seat), ``students`` (how many read)."""

    kind: Literal["seating"] = "seating"
    rows: int = Field(default=5, ge=1, le=15)
    cols: int = Field(default=8, ge=1, le=15)
    rules: list[SeatRule] = Field(default_factory=lambda: list[SeatRule](["height"]), min_length=1, max_length=3)
    note: Text = ""

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("students"): "text_area", self.key("make"): "button"}
        found |= {self.key("a"): "selectbox", self.key("b"): "selectbox", self.key("swap"): "button"}
        return found

    def outputs(self) -> set[str]:
        return {"grid", "front", "seated", "left", "students"}


class PairRateComponent(ComponentBase):
    """Two people rate the same list (baby names, holiday places) each on their own, 1 to ``scale``; the items
    both rate ``like`` or more make the shortlist, best first. Items are added in the app too.

    Widgets: ``<id>__who`` (radio of the two raters), ``<id>__i<n>`` (selectbox of the n-th item's rating by the
    one rating, None for not yet), ``<id>__item`` (text_input), ``<id>__add``. Outputs: ``items``, ``shortlist``
    (items both like, best first), ``rated`` ({rater: how many rated})."""

    kind: Literal["pairrate"] = "pairrate"
    raters: list[ShortText] = Field(min_length=2, max_length=2)
    items: list[ShortText] = Field(default_factory=list, max_length=100)
    scale: int = Field(default=5, ge=3, le=10)
    like: int = Field(default=4, ge=1, le=10)

    @model_validator(mode="after")
    def _check(self) -> PairRateComponent:
        _distinct(self.raters, "raters")
        _distinct(self.items, "items")
        if self.like > self.scale:
            raise ValueError("like above the scale")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("who"): "radio", self.key("item"): "text_input"}
        found[self.key("add")] = "button"
        found |= {self.key(f"i{n}"): "selectbox" for n in range(150)}
        return found

    def outputs(self) -> set[str]:
        return {"items", "shortlist", "rated"}


class HouseTeam(SpecModel):
    name: ShortText
    colour: str = Field(default="#2563eb", pattern=r"^#[0-9a-fA-F]{6}$")


class HousePointsComponent(ComponentBase):
    """Points for named teams in their own colours (school houses, camp teams): plus and minus buttons per team, a
    big bar chart of the totals in the teams' colours, the leader, undo of the last change and a reset.

    Widgets: ``<id>__t<n>p<k>`` (button adding ``steps[k]`` to team n), ``<id>__t<n>m`` (button taking
    ``steps[0]`` away), ``<id>__undo``, ``<id>__reset``. Outputs: ``scores`` ({team: points}), ``leader`` (''
    on a tie or before any point)."""

    kind: Literal["housepoints"] = "housepoints"
    teams: list[HouseTeam] = Field(min_length=2, max_length=12)
    steps: list[int] = Field(default_factory=lambda: [1, 5], min_length=1, max_length=3)
    allow_negative: bool = False

    @model_validator(mode="after")
    def _check(self) -> HousePointsComponent:
        _distinct([team.name for team in self.teams], "teams")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("undo"): "button", self.key("reset"): "button"}
        for n in range(len(self.teams)):
            found |= {self.key(f"t{n}p{k}"): "button" for k in range(len(self.steps))}
            found[self.key(f"t{n}m")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"scores", "leader"}
