"""What every component shares: an id, a title, the widgets it draws and the values it shows.

Widget keys are ``<component id>__<part>``; outputs are read by key paths as ``<id>.<name>``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from flashapps.spec.base import Ident, SpecModel, Text

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["WidgetKind"]

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


class ComponentBase(SpecModel):
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
