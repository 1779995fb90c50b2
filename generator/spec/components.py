"""The component vocabulary: each component is one template and one model here.

A component names the widgets it draws (``widgets``) and the values it shows (``outputs``);
key paths refer to both, so a spec whose test steps name a widget that no component draws
is rejected before anything is rendered. Widget keys are ``<component id>__<part>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.spec.base import Color, Ident, LongText, Scalar, ShortText, SpecModel, Text
from generator.spec.data import FIELD_WIDGETS, Entity

__all__ = [
    "CANVAS_GAMES",
    "COMPONENT_KINDS",
    "CalcInput",
    "CalcOutput",
    "CalculatorComponent",
    "Card",
    "ChartComponent",
    "ChecklistComponent",
    "Component",
    "ConverterComponent",
    "CounterComponent",
    "CsvComponent",
    "FilterComponent",
    "FlashcardsComponent",
    "FormComponent",
    "GameComponent",
    "GameParams",
    "MetricComponent",
    "PickerComponent",
    "Question",
    "QuizComponent",
    "TableComponent",
    "TextComponent",
    "TimerComponent",
    "Unit",
    "WidgetKind",
]

WidgetKind = Literal[
    "text_input",
    "text_area",
    "number_input",
    "selectbox",
    "multiselect",
    "radio",
    "checkbox",
    "toggle",
    "date_input",
    "slider",
    "button",
    "form_submit_button",
]


class _Component(SpecModel):
    id: Ident
    title: Text = ""

    def key(self, part: str) -> str:
        return f"{self.id}__{part}"

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        """Widget keys this component may draw (some only once records exist), with their kind."""
        return {}

    def outputs(self) -> set[str]:
        """Names of the values it publishes for key paths to check (``<id>.<name>``)."""
        return set()


class FormComponent(_Component):
    """Adds a record to an entity; its widgets follow the entity's field types.

    Widgets: ``<id>__<field>`` per field (in a form: set them, then click ``<id>__submit``).
    Outputs: ``saved`` = records saved through this form in this session.
    """

    kind: Literal["form"] = "form"
    entity: Ident
    fields: list[Ident] = Field(default_factory=list, max_length=12)
    submit_label: Text = ""

    def shown_fields(self, entity: Entity) -> list[str]:
        return self.fields or [f.name for f in entity.fields]

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        entity = entities.get(self.entity)
        if entity is None:
            return {}
        found: dict[str, WidgetKind] = {}
        for name in self.shown_fields(entity):
            field = entity.field(name)
            if field is not None:
                found[self.key(name)] = FIELD_WIDGETS[field.type]  # type: ignore[assignment]
        found[self.key("submit")] = "form_submit_button"
        return found

    def outputs(self) -> set[str]:
        return {"saved"}


class TableComponent(_Component):
    """Lists an entity's records, newest first, with edit and delete.

    Widgets (once records exist): ``<id>__row`` picks a record (value: its integer id, 1 for the
    first record ever saved), ``<id>__edit_<field>`` + ``<id>__save`` edit it, ``<id>__delete``.
    Outputs: ``rows`` = records shown (after filters).
    """

    kind: Literal["table"] = "table"
    entity: Ident
    columns: list[Ident] = Field(default_factory=list, max_length=12)
    editable: bool = True
    deletable: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {}
        if self.editable or self.deletable:
            found[self.key("row")] = "selectbox"
        if self.deletable:
            found[self.key("delete")] = "button"
        entity = entities.get(self.entity)
        if self.editable and entity is not None:
            for field in entity.fields:
                found[self.key(f"edit_{field.name}")] = FIELD_WIDGETS[field.type]  # type: ignore[assignment]
            found[self.key("save")] = "form_submit_button"
        return found

    def outputs(self) -> set[str]:
        return {"rows"}


class MetricComponent(_Component):
    """Shows one core metric, with progress toward its goal when it has one.

    Outputs: ``value`` = the metric (rounded to its decimals; an int when decimals is 0),
    ``progress`` = value / goal capped at 1.0 (3 decimals), None without a goal.
    """

    kind: Literal["metric"] = "metric"
    metric: Ident

    def outputs(self) -> set[str]:
        return {"value", "progress"}


class ChartComponent(_Component):
    """A line, bar or pie chart of an entity, grouped by day, week, month or a category.

    Outputs: ``points`` = number of groups drawn.
    """

    kind: Literal["chart"] = "chart"
    entity: Ident
    chart: Literal["line", "bar", "pie"] = "bar"
    group_by: Literal["day", "week", "month", "category"] = "day"
    x: Ident = Field(description="a date field for day/week/month, a choice or text field for category")
    y: Ident | None = Field(default=None, description="a number field; none counts records")
    agg: Literal["sum", "count", "avg", "max", "min"] = "sum"

    def outputs(self) -> set[str]:
        return {"points"}


class FilterComponent(_Component):
    """Narrows the tables, charts and exports after it on the same screen.

    Widgets: ``<id>__category`` (multiselect), ``<id>__period`` (all, today, last7, week, last30,
    month), ``<id>__search`` (text). Outputs: ``rows`` = records left.
    """

    kind: Literal["filter"] = "filter"
    entity: Ident
    date_field: Ident | None = None
    category_field: Ident | None = None
    search: bool = False

    @model_validator(mode="after")
    def _something_to_filter(self) -> FilterComponent:
        if not (self.date_field or self.category_field or self.search):
            raise ValueError("a filter needs a date_field, a category_field or search")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {}
        if self.category_field:
            found[self.key("category")] = "multiselect"
        if self.search:
            found[self.key("search")] = "text_input"
        if self.date_field:
            found[self.key("period")] = "selectbox"
        return found

    def outputs(self) -> set[str]:
        return {"rows"}


class CalcInput(SpecModel):
    name: Ident
    label: ShortText
    type: Literal["number", "int", "text", "choice", "bool"] = "number"
    default: Scalar = None
    min: float | None = None
    max: float | None = None
    step: float | None = None
    options: list[ShortText] = Field(default_factory=list, max_length=30)
    unit: Text = ""


class CalcOutput(SpecModel):
    function: Ident
    label: ShortText
    unit: Text = ""
    decimals: int = Field(default=2, ge=0, le=8)


class CalculatorComponent(_Component):
    """Inputs flow through logic functions to outputs; every function takes the inputs by name.

    Widgets: ``<id>__<input>`` per input; ``<id>__go`` saves the result to the history.
    Outputs: ``<function>`` = its result for the current inputs (floats rounded to the result's
    decimals; None while an input is empty or the function raised), ``error`` = the message of
    the ValueError/ArithmeticError a function raised ("" when none; a fill-in hint when empty).
    """

    kind: Literal["calculator"] = "calculator"
    inputs: list[CalcInput] = Field(min_length=1, max_length=10)
    results: list[CalcOutput] = Field(min_length=1, max_length=8)
    history: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        kinds: dict[str, WidgetKind] = {
            "number": "number_input",
            "int": "number_input",
            "text": "text_input",
            "choice": "selectbox",
            "bool": "checkbox",
        }
        found = {self.key(i.name): kinds[i.type] for i in self.inputs}
        found[self.key("go")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {o.function for o in self.results} | {"error"}


class Unit(SpecModel):
    name: Ident
    label: ShortText
    factor: float = Field(gt=0, description="one of this unit in the base unit")
    offset: float = Field(default=0.0, description="added before scaling (temperatures)")


class ConverterComponent(_Component):
    """Converts a value between linear units: base = (value + offset) * factor.

    Widgets: ``<id>__value``, ``<id>__from`` and ``<id>__to`` (unit names), ``<id>__swap``.
    Outputs: ``result`` = the value in the target unit, rounded to ``decimals``.
    """

    kind: Literal["converter"] = "converter"
    units: list[Unit] = Field(min_length=2, max_length=20)
    default_value: float = 1.0
    decimals: int = Field(default=4, ge=0, le=10)

    @model_validator(mode="after")
    def _unique_units(self) -> ConverterComponent:
        names = [u.name for u in self.units]
        if len(set(names)) != len(names):
            raise ValueError(f"converter {self.id!r} repeats a unit name: {names}")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        return {
            self.key("value"): "number_input",
            self.key("from"): "selectbox",
            self.key("to"): "selectbox",
            self.key("swap"): "button",
        }

    def outputs(self) -> set[str]:
        return {"result"}


class TimerComponent(_Component):
    """Countdown, pomodoro (work/break cycles, counted) or stopwatch (with laps).

    Widgets: ``<id>__start``, ``<id>__pause``, ``<id>__reset``; countdown ``<id>__minutes``;
    pomodoro ``<id>__work``, ``<id>__break`` (minutes) and ``<id>__skip`` (ends the phase now);
    stopwatch ``<id>__lap``. Outputs: ``state`` (idle, running, paused, done), ``remaining``
    (whole seconds left in the countdown or pomodoro phase), ``elapsed`` (whole seconds, stopwatch),
    ``laps`` (number of laps), ``cycles`` (work phases completed today, kept across restarts),
    ``phase`` (work, break or long_break; the mode name otherwise).
    """

    kind: Literal["timer"] = "timer"
    mode: Literal["countdown", "pomodoro", "stopwatch"] = "countdown"
    minutes: float = Field(default=5, gt=0, le=600)
    work_minutes: float = Field(default=25, gt=0, le=180)
    break_minutes: float = Field(default=5, gt=0, le=60)
    long_break_minutes: float = Field(default=15, gt=0, le=120)
    cycles_before_long_break: int = Field(default=4, ge=1, le=12)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {
            self.key("start"): "button",
            self.key("pause"): "button",
            self.key("reset"): "button",
        }
        if self.mode == "stopwatch":
            found[self.key("lap")] = "button"
        if self.mode == "countdown":
            found[self.key("minutes")] = "number_input"
        if self.mode == "pomodoro":
            found[self.key("work")] = "number_input"
            found[self.key("break")] = "number_input"
            found[self.key("skip")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"state", "remaining", "elapsed", "laps", "cycles", "phase"}


class Question(SpecModel):
    prompt: Text = Field(min_length=1)
    choices: list[ShortText] = Field(min_length=2, max_length=6)
    answer: int = Field(ge=0, description="index of the right choice")
    explanation: Text = ""

    @model_validator(mode="after")
    def _answer_in_range(self) -> Question:
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.choices)} choices")
        if len(set(self.choices)) != len(self.choices):
            raise ValueError(f"choices repeat: {self.choices}")
        return self


class QuizComponent(_Component):
    """Questions with choices; explanation after each answer; score; retry.

    Widgets: ``<id>__q<n>`` (a radio per question, set to the choice's text), ``<id>__submit``
    grades, ``<id>__retry`` starts over. Outputs: ``score`` (right answers graded), ``answered``,
    ``total``, ``finished`` (graded), ``passed`` (score / total >= pass_mark, after grading).
    """

    kind: Literal["quiz"] = "quiz"
    questions: list[Question] = Field(min_length=1, max_length=40)
    shuffle: bool = False
    pass_mark: float = Field(default=0.6, ge=0, le=1)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("submit"): "button", self.key("retry"): "button"}
        found.update({self.key(f"q{i}"): "radio" for i in range(len(self.questions))})
        return found

    def outputs(self) -> set[str]:
        return {"score", "answered", "total", "finished", "passed"}


class Card(SpecModel):
    front: ShortText
    back: Text = Field(min_length=1)
    hint: Text = ""


class FlashcardsComponent(_Component):
    """A deck to flip, shuffle and sort into known and unknown; extendable by the user.

    Widgets: ``<id>__flip``, ``<id>__known``, ``<id>__unknown`` (both move to the next card),
    ``<id>__next``, ``<id>__shuffle``, ``<id>__restart``. Cards start in spec order.
    Outputs: ``index`` (0-based position of the current card), ``side`` (front or back),
    ``known``, ``unknown``, ``remaining`` (not yet sorted), ``total``.
    """

    kind: Literal["flashcards"] = "flashcards"
    cards: list[Card] = Field(min_length=1, max_length=200)
    editable: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        names = ["flip", "known", "unknown", "next", "shuffle", "restart"]
        return {self.key(n): "button" for n in names}

    def outputs(self) -> set[str]:
        return {"index", "side", "known", "unknown", "remaining", "total"}


class ChecklistComponent(_Component):
    """Items to tick off, kept across restarts; optionally starting fresh each day.

    Widgets: ``<id>__item<n>`` (a checkbox per spec item), ``<id>__new`` + ``<id>__add``.
    Outputs: ``done``, ``total``, ``progress`` (done / total, 3 decimals).
    """

    kind: Literal["checklist"] = "checklist"
    items: list[ShortText] = Field(min_length=1, max_length=60)
    daily: bool = False
    editable: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(f"item{i}"): "checkbox" for i in range(len(self.items))}
        if self.editable:
            found[self.key("new")] = "text_input"
            found[self.key("add")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"done", "total", "progress"}


class PickerComponent(_Component):
    """Random choice from a list, with no repeats until everything has been picked.

    Widgets: ``<id>__pick``, ``<id>__reset``, ``<id>__items`` (one item a line, when editable).
    Outputs: ``picked`` (list of the items of the last pick), ``remaining`` (items left before
    any repeat), ``history`` (number of picks so far).
    """

    kind: Literal["picker"] = "picker"
    items: list[ShortText] = Field(min_length=1, max_length=200)
    count: int = Field(default=1, ge=1, le=20)
    no_repeat: bool = True
    editable: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("pick"): "button", self.key("reset"): "button"}
        if self.editable:
            found[self.key("items")] = "text_area"
        return found

    def outputs(self) -> set[str]:
        return {"picked", "remaining", "history"}


class CounterComponent(_Component):
    """A persistent tally with plus, minus and reset (beers, laps, points).

    Widgets: ``<id>__plus``, ``<id>__minus``, ``<id>__reset``. Outputs: ``value``.
    """

    kind: Literal["counter"] = "counter"
    label: ShortText
    step: int = Field(default=1, ge=1, le=1000)
    goal: int | None = Field(default=None, ge=1)
    allow_negative: bool = False

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        return {self.key(n): "button" for n in ("plus", "minus", "reset")}

    def outputs(self) -> set[str]:
        return {"value"}


CANVAS_GAMES = ("snake", "memory", "g2048", "whack", "typing", "breakout")
"""Games drawn on a canvas in an HTML component; the others are plain Streamlit."""


class GameParams(SpecModel):
    """Parameters every game reads the ones it needs from."""

    theme: Color | None = None
    items: list[ShortText] = Field(default_factory=list, max_length=40, description="emoji or words the game shows")
    speed: Literal["slow", "normal", "fast"] = "normal"
    size: int = Field(default=4, ge=2, le=20, description="board size or pairs")
    max_number: int = Field(default=100, ge=2, le=1_000_000)
    max_attempts: int = Field(default=10, ge=1, le=100)
    duration_s: int = Field(default=30, ge=5, le=600)
    target: int = Field(default=2048, ge=4, le=1_000_000)


class GameComponent(_Component):
    """A game. guess_number: ``<id>__guess`` + ``<id>__try``, ``<id>__new``; outputs ``status``
    (playing, won, lost), ``attempts``, ``hint`` (higher, lower, or ""), ``left``.
    tic_tac_toe: the player is X, the app answers as O at once with a deterministic strategy;
    ``<id>__cell0`` … ``<id>__cell8`` (row by row), ``<id>__new``; outputs ``status`` (playing, x,
    o, draw), ``moves``, ``board`` (9 characters of X, O and .). Canvas games: the game runs in
    the page; ``<id>__player`` + ``<id>__score`` + ``<id>__save`` record a score; outputs
    ``best`` (best recorded score, 0 before any) and ``plays`` (scores recorded).
    """

    kind: Literal["game"] = "game"
    game: Literal["guess_number", "tic_tac_toe", "snake", "memory", "g2048", "whack", "typing", "breakout"]
    params: GameParams = Field(default_factory=GameParams)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        if self.game == "guess_number":
            return {self.key("guess"): "number_input", self.key("try"): "button", self.key("new"): "button"}
        if self.game == "tic_tac_toe":
            cells: dict[str, WidgetKind] = {self.key(f"cell{i}"): "button" for i in range(9)}
            cells[self.key("new")] = "button"
            return cells
        return {self.key("player"): "text_input", self.key("score"): "number_input", self.key("save"): "button"}

    def outputs(self) -> set[str]:
        if self.game == "guess_number":
            return {"status", "attempts", "hint", "left"}
        if self.game == "tic_tac_toe":
            return {"status", "moves", "board"}
        return {"best", "plays"}


class TextComponent(_Component):
    """A block of text (Markdown, no HTML): instructions, tips, a value statement."""

    kind: Literal["text"] = "text"
    body: LongText = Field(min_length=1)


class CsvComponent(_Component):
    """Exports an entity's records to CSV and imports them back (checked row by row)."""

    kind: Literal["csv"] = "csv"
    entity: Ident
    allow_import: bool = True

    def outputs(self) -> set[str]:
        return {"rows"}


Component = Annotated[
    FormComponent
    | TableComponent
    | MetricComponent
    | ChartComponent
    | FilterComponent
    | CalculatorComponent
    | ConverterComponent
    | TimerComponent
    | QuizComponent
    | FlashcardsComponent
    | ChecklistComponent
    | PickerComponent
    | CounterComponent
    | GameComponent
    | TextComponent
    | CsvComponent,
    Field(discriminator="kind"),
]

COMPONENT_KINDS = (
    "form",
    "table",
    "metric",
    "chart",
    "filter",
    "calculator",
    "converter",
    "timer",
    "quiz",
    "flashcards",
    "checklist",
    "picker",
    "counter",
    "game",
    "text",
    "csv",
)
