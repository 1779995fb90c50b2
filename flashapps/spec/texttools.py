"""Text and file tools: a text that is counted and changed as it is typed, and a CSV file cleaned into a table.

Their words (labels, hints) travel in the spec, in the app's language, so they need no shared string table.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BeforeValidator, Field, model_validator

from flashapps.spec.base import Ident, ShortText
from flashapps.spec.component_base import ComponentBase, WidgetKind
from flashapps.spec.records import from_pairs

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["COUNTS", "TEXT_CASES", "TEXT_OPS", "DataFileComponent", "TextToolComponent"]

TextOp = Literal[
    "trim",
    "squeeze",
    "drop_blank",
    "dedupe",
    "sort",
    "sort_desc",
    "reverse",
    "replace",
    "split",
    "join",
    "emails",
    "numbers",
    "links",
    "number_lines",
]
TextCase = Literal["upper", "lower", "title", "sentence", "swap"]
Count = Literal[
    "chars", "chars_no_spaces", "words", "sentences", "paragraphs", "lines", "minutes", "cjk", "latin", "punct"
]
TEXT_OPS: tuple[str, ...] = TextOp.__args__  # type: ignore[attr-defined]
TEXT_CASES: tuple[str, ...] = TextCase.__args__  # type: ignore[attr-defined]
COUNTS: tuple[str, ...] = Count.__args__  # type: ignore[attr-defined]


Labels = Annotated[dict[Ident, ShortText], BeforeValidator(from_pairs)]
"""Labels by name; a model under a strict schema writes them as ``[{"key": name, "value": label}]``."""
_LABELS: Any = Field(default_factory=dict, max_length=60, json_schema_extra={"x-pairs": True})


class TextToolComponent(ComponentBase):
    """A text box whose counts and changed text show at once, to copy or download.

    ``ops`` run in order on the text (the user can switch each off); ``cases`` offers a change of
    case to choose from; ``counts`` are shown as numbers; ``top`` most frequent words (0: none);
    ``limit`` words (or ``limit_on`` characters) at most (0: none; the count turns red past it).
    Chinese characters count one word each. ``words`` holds the labels, by name, in the app's language.

    Widgets: ``<id>__text`` (text area), ``<id>__ops`` (multiselect of op labels) when there are
    ops, ``<id>__case`` (selectbox) when there are cases, ``<id>__find``/``<id>__with`` for
    replace, ``<id>__sep`` for split and join.
    Outputs: every count by name, ``result`` = the changed text, ``top`` = the most frequent words,
    ``top_counts`` = how often each occurs,
    ``over`` = whether the limited count is past the limit.
    """

    kind: Literal["texttool"] = "texttool"
    ops: list[TextOp] = Field(default_factory=list, max_length=12)
    cases: list[TextCase] = Field(default_factory=list, max_length=5)
    counts: list[Count] = Field(default_factory=list, max_length=10)
    top: int = Field(default=0, ge=0, le=50)
    limit: int = Field(default=0, ge=0, le=100000)
    limit_on: Literal["words", "chars", "chars_no_spaces"] = "words"
    wpm: int = Field(default=200, ge=50, le=1000, description="reading speed, words (or Chinese characters) a minute")
    sample: str = Field(default="", max_length=2000)
    separator: str = Field(default=",", max_length=10)
    words: Labels = _LABELS

    @model_validator(mode="after")
    def _something_to_do(self) -> TextToolComponent:
        if not (self.ops or self.cases or self.counts or self.top):
            raise ValueError("a text tool needs ops, cases, counts or top words")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("text"): "text_area"}
        if self.ops:
            found[self.key("ops")] = "multiselect"
        if self.cases:
            found[self.key("case")] = "selectbox"
        if "replace" in self.ops:
            found[self.key("find")] = "text_input"
            found[self.key("with")] = "text_input"
        if "split" in self.ops or "join" in self.ops:
            found[self.key("sep")] = "text_input"
        return found

    def outputs(self) -> set[str]:
        return {*self.counts, "result", "top", "top_counts", "over"}


FileStep = Literal["trim", "dedupe", "blanks", "columns", "rename", "filter", "sort", "chart"]


class DataFileComponent(ComponentBase):
    """A CSV file (uploaded, or pasted as text) cleaned step by step into a table, charted, and downloaded.

    ``steps`` are the cleaning steps offered, in order; ``blanks`` how empty cells are treated at
    first (keep, drop rows all empty, drop rows with one, fill with ``fill``). ``words`` holds the
    labels in the app's language.

    Widgets: ``<id>__paste`` (text area); per step: ``<id>__dedupe``, ``<id>__trim`` (checkboxes),
    ``<id>__blanks`` (selectbox of keep/drop/fill labels) and ``<id>__fill``, ``<id>__columns``
    (multiselect), ``<id>__rename`` (text: old=new, ...), ``<id>__sort`` (selectbox) and
    ``<id>__desc`` (checkbox), ``<id>__where`` (selectbox) and ``<id>__has`` (text),
    ``<id>__chart`` (selectbox).
    Outputs: ``rows`` (rows after cleaning), ``read`` (rows read), ``removed`` (rows dropped),
    ``columns`` (column names shown), ``first`` (the first row, as a dict).
    """

    kind: Literal["datafile"] = "datafile"
    steps: list[FileStep] = Field(default_factory=list, max_length=8)
    merge: bool = Field(default=False, description="several files may be uploaded; their rows are put together")
    blanks: Literal["keep", "drop_empty", "drop", "fill"] = "keep"
    fill: str = Field(default="", max_length=80)
    sample: str = Field(default="", max_length=2000)
    words: Labels = _LABELS

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("paste"): "text_area"}
        parts: dict[str, dict[str, WidgetKind]] = {
            "dedupe": {"dedupe": "checkbox"},
            "trim": {"trim": "checkbox"},
            "blanks": {"blanks": "selectbox", "fill": "text_input"},
            "columns": {"columns": "multiselect"},
            "rename": {"rename": "text_input"},
            "sort": {"sort": "selectbox", "desc": "checkbox"},
            "filter": {"where": "selectbox", "has": "text_input"},
            "chart": {"chart": "selectbox"},
        }
        for name in self.steps:
            found.update({self.key(part): kind for part, kind in parts[name].items()})
        return found

    def outputs(self) -> set[str]:
        return {"rows", "read", "removed", "columns", "first"}
