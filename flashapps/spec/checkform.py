"""A form that checks what is typed against the rules a sentence states (a sign-up or registration form)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import Ident, ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["CheckField", "CheckFormComponent", "CheckRule", "FieldRule"]

CheckRule = Literal[
    "required", "min_len", "max_len", "digit", "upper", "lower", "symbol", "letters", "digits",
    "email", "phone", "url", "date", "match", "min_value", "max_value",
]  # fmt: skip


class FieldRule(SpecModel):
    rule: CheckRule
    value: int | None = Field(default=None, ge=0, le=10000, description="min_len / max_len / min_value / max_value")
    other: Ident | None = Field(default=None, description="match: the field this one must equal")

    @model_validator(mode="after")
    def _complete(self) -> FieldRule:
        if self.rule in ("min_len", "max_len", "min_value", "max_value") and self.value is None:
            raise ValueError(f"{self.rule} needs a value")
        if self.rule == "match" and self.other is None:
            raise ValueError("match needs the other field")
        return self


class CheckField(SpecModel):
    name: Ident
    label: ShortText
    secret: bool = Field(default=False, description="a password: typed hidden, checked, never stored")
    rules: list[FieldRule] = Field(default_factory=list, max_length=10)


class CheckFormComponent(ComponentBase):
    """Fields with rules (length, required, a digit / capital / symbol, letters or digits only, email / phone /
    URL / date format, equal to another field, a number range), each rule shown ✓/✗ as the field is typed;
    submitting is refused with every failed rule listed, else the record is kept without its secret fields.

    Widgets: ``<id>__<field>`` (text_input each), ``<id>__submit`` (button). Outputs: ``valid`` (every rule
    passes now), ``failed`` (the failed rules, as listed), ``saved`` (records kept), ``last`` (the last record
    kept, secret fields left out)."""

    kind: Literal["checkform"] = "checkform"
    fields: list[CheckField] = Field(min_length=1, max_length=10)
    submit_label: Text = ""

    @model_validator(mode="after")
    def _fields(self) -> CheckFormComponent:
        names = [f.name for f in self.fields]
        if len(set(names)) != len(names):
            raise ValueError(f"fields repeat: {names}")
        for f in self.fields:
            for r in f.rules:
                if r.rule == "match" and (r.other not in names or r.other == f.name):
                    raise ValueError(f"{f.name} must match an other field of the form, not {r.other}")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(f.name): "text_input" for f in self.fields}
        found[self.key("submit")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"valid", "failed", "saved", "last"}
