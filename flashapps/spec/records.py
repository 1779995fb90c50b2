"""Components over records and numbers: form, table, metric, chart, filter, calculator,
converter, text and CSV import/export."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from flashapps.spec.base import Ident, LongText, Scalar, ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind
from flashapps.spec.data import FIELD_WIDGETS, Entity

__all__ = [
    "from_pairs",
    "BoardComponent",
    "CalcInput",
    "CalcOutput",
    "CalculatorComponent",
    "ChartComponent",
    "ConverterComponent",
    "ChildList",
    "CsvComponent",
    "FilterComponent",
    "FormComponent",
    "MetricComponent",
    "TableComponent",
    "TextComponent",
    "Unit",
]


class ChildList(SpecModel):
    """Records of another entity linked to the picked record through their field ``field``."""

    entity: Ident
    field: Ident
    columns: list[Ident] = Field(default_factory=list, max_length=12)


def from_pairs(value: object) -> object:
    """A map given as a list of ``{"key", "value"}`` pairs (how a strict JSON schema writes a map), as a map."""
    if isinstance(value, list):
        return {str(pair.get("key")): pair.get("value") for pair in value if isinstance(pair, dict)}
    return value


Links = Annotated[dict[Ident, Ident], BeforeValidator(from_pairs)]
"""Field → parent entity. A model under a strict schema writes it as ``[{"key": field, "value": entity}]``."""
_LINKS: Any = Field(default_factory=dict, description="field -> parent entity", json_schema_extra={"x-pairs": True})


class FormComponent(ComponentBase):
    """Adds a record to an entity; its widgets follow the entity's field types.

    Widgets: ``<id>__<field>`` per field (in a form: set them, then click ``<id>__submit``); a linked
    field (``links``: field → parent entity, an int field holding the parent's record id) is a
    selectbox of the parent's records, its value the record's id.
    ``once_per``: a record whose values of these fields match a saved one's (text ignoring case) is refused.
    Outputs: ``saved`` = records saved through this form in this session.
    """

    kind: Literal["form"] = "form"
    entity: Ident
    fields: list[Ident] = Field(default_factory=list, max_length=12)
    submit_label: Text = ""
    links: Links = _LINKS
    once_per: list[Ident] = Field(
        default_factory=list,
        max_length=3,
        description="fields whose values may be saved only once together (one vote per name, one a day each)",
    )

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
                found[self.key(name)] = "selectbox" if name in self.links else FIELD_WIDGETS[field.type]  # type: ignore[assignment]
        found[self.key("submit")] = "form_submit_button"
        return found

    def outputs(self) -> set[str]:
        return {"saved"}


class TableComponent(ComponentBase):
    """Lists an entity's records, newest first, with edit and delete.

    Widgets (once records exist): ``<id>__row`` picks a record (value: its integer id, 1 for the
    first record ever saved), ``<id>__edit_<field>`` + ``<id>__save`` edit it, ``<id>__delete``.
    A linked field (``links``) shows its parent record's name and is edited with a selectbox.
    ``children``: the picked record's linked records of other entities, listed under it (its detail).
    Outputs: ``rows`` = records shown (after filters), ``children`` = linked records of the picked one.
    """

    kind: Literal["table"] = "table"
    entity: Ident
    columns: list[Ident] = Field(default_factory=list, max_length=12)
    editable: bool = True
    deletable: bool = True
    links: Links = _LINKS
    children: list[ChildList] = Field(default_factory=list, max_length=6)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {}
        if self.editable or self.deletable or self.children:
            found[self.key("row")] = "selectbox"
        if self.deletable:
            found[self.key("delete")] = "button"
        entity = entities.get(self.entity)
        if self.editable and entity is not None:
            for field in entity.fields:
                kind = "selectbox" if field.name in self.links else FIELD_WIDGETS[field.type]
                found[self.key(f"edit_{field.name}")] = kind  # type: ignore[assignment]
            found[self.key("save")] = "form_submit_button"
        return found

    def outputs(self) -> set[str]:
        return {"rows", "children"} if self.children else {"rows"}


class BoardComponent(ComponentBase):
    """A board by status: a column per option of a choice field, in order; a record moves on to the next.

    The field's options are the flow in order, less ``ends``: statuses off the flow that close a
    record from any step (rejected, cancelled).
    Widgets (while a record is open): ``<id>__pick`` picks a record not yet closed (value: its id),
    ``<id>__next`` moves it to the next status, ``<id>__end<i>`` closes it with ``ends[i]``. Cards
    have their own → buttons too.
    Outputs: ``moved`` = moves made this session, ``open`` = records not yet closed, ``done`` =
    records at the last status of the flow or at an end. With ``amount_field``, each column shows
    its total.
    """

    kind: Literal["board"] = "board"
    entity: Ident
    status_field: Ident
    amount_field: Ident | None = None
    ends: list[ShortText] = Field(default_factory=list, max_length=4)
    links: Links = _LINKS

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("pick"): "selectbox", self.key("next"): "button"}
        found.update({self.key(f"end{i}"): "button" for i in range(len(self.ends))})
        return found

    def outputs(self) -> set[str]:
        return {"moved", "open", "done"}


class MetricComponent(ComponentBase):
    """Shows one core metric, with progress toward its goal when it has one.

    Outputs: ``value`` = the metric (rounded to its decimals; an int when decimals is 0),
    ``progress`` = value / goal capped at 1.0 (3 decimals), None without a goal.
    """

    kind: Literal["metric"] = "metric"
    metric: Ident

    def outputs(self) -> set[str]:
        return {"value", "progress"}


class ChartComponent(ComponentBase):
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


class FilterComponent(ComponentBase):
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
    type: Literal["number", "int", "text", "choice", "bool", "draw"] = Field(
        default="number", description="draw: a secret random seed the app makes, with a button for a new one"
    )
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


class CalculatorComponent(ComponentBase):
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
        found: dict[str, WidgetKind] = {self.key(i.name): kinds[i.type] for i in self.inputs if i.type != "draw"}
        found |= {f"{self.key(i.name)}__new": "button" for i in self.inputs if i.type == "draw"}  # a new secret draw
        found[self.key("go")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {o.function for o in self.results} | {"error"}


class Unit(SpecModel):
    name: Ident
    label: ShortText
    factor: float = Field(gt=0, description="one of this unit in the base unit")
    offset: float = Field(default=0.0, description="added before scaling (temperatures)")


class ConverterComponent(ComponentBase):
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


class TextComponent(ComponentBase):
    """A block of text (Markdown, no HTML): instructions, tips, a value statement."""

    kind: Literal["text"] = "text"
    body: LongText = Field(min_length=1)


class CsvComponent(ComponentBase):
    """Exports an entity's records to CSV and imports them back (checked row by row)."""

    kind: Literal["csv"] = "csv"
    entity: Ident
    allow_import: bool = True

    def outputs(self) -> set[str]:
        return {"rows"}
