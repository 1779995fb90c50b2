"""The AppSpec: the one contract that is stored, diffed, remixed, edited and rendered.

Stages of the flow fill it in order: ``brief`` (value), ``entities`` and metrics (data),
feedback lives in the brief, ``screens`` (interaction and structure), ``logic`` (pure
functions with example cases) and ``key_paths`` (user steps that become tests).
"""

from __future__ import annotations

import json
from typing import Annotated, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import Color, Ident, Language, Scalar, ShortText, SpecModel, Text
from flashapps.spec.components import Component, WidgetKind
from flashapps.spec.data import Entity, Metric, Scope

__all__ = [
    "SPEC_VERSION",
    "AppSpec",
    "Brief",
    "Example",
    "Expect",
    "KeyPath",
    "LeftOut",
    "LogicFunction",
    "Param",
    "Screen",
    "Step",
    "Theme",
]

SPEC_VERSION = 1

JsonValue = Scalar | Annotated[list[Scalar], Field(max_length=50)] | Annotated[dict[str, Scalar], Field(max_length=20)]
"""An example's argument or result, or a key-path value: a scalar, or a short list or map of them."""


class Theme(SpecModel):
    """A coherent colour theme: one accent, its background, a surface and the text colour."""

    primary: Color = "#2563eb"
    background: Color = "#ffffff"
    surface: Color = "#f1f5f9"
    text: Color = "#0f172a"
    font: Literal["sans serif", "serif", "monospace"] = "sans serif"


class LeftOut(SpecModel):
    """A part of the request this app does not do, and why, in the app's language."""

    part: ShortText
    reason: Text = Field(min_length=1)


class Brief(SpecModel):
    """Stage 1 (value) and 3 (feedback): what the app is for and what it tells its user."""

    title: ShortText
    value: Text = Field(min_length=1, description="what it is for, in one sentence")
    audience: Text = ""
    language: Language = "en"
    icon: str = Field(default="✨", min_length=1, max_length=8)
    kind: Literal["app", "game"] = "app"
    category: Literal[
        "tracker", "calculator", "converter", "learning", "timer", "planner", "picker", "finance", "game", "other"
    ] = "other"
    metrics: list[Metric] = Field(default_factory=list, max_length=8)
    inputs: list[ShortText] = Field(default_factory=list, max_length=12, description="data it collects")
    feedback: list[Text] = Field(default_factory=list, max_length=8, description="what the user sees back")
    theme: Theme = Field(default_factory=Theme)
    left_out: list[LeftOut] = Field(
        default_factory=list, max_length=8, description="what was asked for but cannot be built here, and why"
    )
    scope: Scope = Field(
        default="shared", description="whose the app's other state is (counters, progress): personal or shared"
    )


class Screen(SpecModel):
    """Stage 4: one screen (a tab when there are several) of components, drawn in order."""

    name: Ident
    title: ShortText
    icon: str = Field(default="", max_length=8)
    components: list[Component] = Field(min_length=1, max_length=12)


class Param(SpecModel):
    name: Ident
    type: Literal["int", "float", "str", "bool", "list"] = "float"


class Example(SpecModel):
    """One example case: arguments by name and the value the function must return."""

    args: dict[str, JsonValue] = Field(max_length=10)
    expected: JsonValue


class LogicFunction(SpecModel):
    """Stage 5: a named pure function; its body is Python checked by the sandbox policy."""

    name: Ident
    doc: Text = Field(min_length=1)
    params: list[Param] = Field(default_factory=list, max_length=10)
    returns: Literal["int", "float", "str", "bool", "list", "dict"] = "float"
    body: str = Field(min_length=1, max_length=4000, description="statements of the function body")
    examples: list[Example] = Field(min_length=1, max_length=10)

    @model_validator(mode="after")
    def _examples_match_params(self) -> LogicFunction:
        names = [p.name for p in self.params]
        if len(set(names)) != len(names):
            raise ValueError(f"function {self.name!r} repeats a parameter: {names}")
        for i, example in enumerate(self.examples):
            if set(example.args) != set(names):
                raise ValueError(
                    f"function {self.name!r} example {i} gives arguments {sorted(example.args)}, "
                    f"the function takes {names}"
                )
        return self


class Step(SpecModel):
    """One user action on a widget found by its key."""

    action: Literal["set", "click", "check", "uncheck"]
    key: str = Field(min_length=1, max_length=80)
    value: JsonValue = None


class Expect(SpecModel):
    """What the user must see afterwards: ``<component id>.<output>`` compared with a value."""

    output: str = Field(pattern=r"^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$", max_length=65)
    op: Literal["eq", "ne", "gt", "gte", "lt", "lte", "approx", "contains", "in", "len_eq", "truthy"] = "eq"
    value: JsonValue = None

    @model_validator(mode="after")
    def _value_fits_op(self) -> Expect:
        """A value the comparison can use: otherwise the app's test fails however the app behaves
        (``in None`` is a TypeError), and the stage must be asked again instead."""
        value, op = self.value, self.op
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if op == "approx" and not number:
            raise ValueError(f"{self.output}: op 'approx' compares with a number, not {value!r}")
        if op in ("gt", "gte", "lt", "lte") and not (number or isinstance(value, str)):
            raise ValueError(f"{self.output}: op {op!r} compares with a number or a text, not {value!r}")
        if op == "in" and not isinstance(value, list | str):
            raise ValueError(f"{self.output}: op 'in' needs a list of allowed values, not {value!r}")
        if op == "contains" and value is None:
            raise ValueError(f"{self.output}: op 'contains' needs the value that must be contained")
        if op == "len_eq" and not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            raise ValueError(f"{self.output}: op 'len_eq' needs a count (an integer from 0), not {value!r}")
        return self


class KeyPath(SpecModel):
    """Stage 6: a path a user must be able to walk; it becomes an AppTest test."""

    name: Ident
    story: Text = Field(min_length=1)
    steps: list[Step] = Field(default_factory=list, max_length=20)
    expect: list[Expect] = Field(min_length=1, max_length=10)


ACTIONS_FOR: dict[str, set[str]] = {
    "set": {"text_input", "text_area", "number_input", "selectbox", "multiselect", "radio", "date_input", "slider"},
    "click": {"button", "form_submit_button"},
    "check": {"checkbox", "toggle"},
    "uncheck": {"checkbox", "toggle"},
}


class AppSpec(SpecModel):
    spec_version: Literal[1] = 1
    brief: Brief
    entities: list[Entity] = Field(default_factory=list, max_length=8)
    screens: list[Screen] = Field(min_length=1, max_length=6)
    logic: list[LogicFunction] = Field(default_factory=list, max_length=12)
    key_paths: list[KeyPath] = Field(min_length=1, max_length=10)

    # -- derived views -------------------------------------------------------------------
    def entity_map(self) -> dict[str, Entity]:
        return {e.name: e for e in self.entities}

    def components(self) -> list[Component]:
        return [c for s in self.screens for c in s.components]

    def widgets(self) -> dict[str, WidgetKind]:
        entities = self.entity_map()
        found: dict[str, WidgetKind] = {}
        for component in self.components():
            found.update(component.widgets(entities))
        return found

    def outputs(self) -> set[str]:
        return {f"{c.id}.{name}" for c in self.components() for name in c.outputs()}

    def kinds(self) -> list[str]:
        """Component kinds used, in first-use order (games by their game)."""
        seen: list[str] = []
        for c in self.components():
            kind = f"game:{c.game}" if c.kind == "game" else c.kind
            if kind not in seen:
                seen.append(kind)
        return seen

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"

    @classmethod
    def from_json(cls, text: str) -> AppSpec:
        return cls.model_validate_json(text)

    # -- cross references ----------------------------------------------------------------
    @model_validator(mode="after")
    def _references(self) -> AppSpec:
        from flashapps.spec.references import check_references

        problems = check_references(self)
        if problems:
            raise ValueError("; ".join(problems))
        return self
