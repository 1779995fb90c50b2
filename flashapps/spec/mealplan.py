"""A week plan that rolls up into a list: meals picked per day from a dish list, the ingredients summed into a
grocery list."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["Dish", "Ingredient", "MealPlanComponent"]


class Ingredient(SpecModel):
    name: ShortText
    amount: float = Field(default=0, ge=0, le=100000, description="0 when the dish names no amount")
    unit: str = Field(default="", max_length=20)


class Dish(SpecModel):
    name: ShortText
    ingredients: list[Ingredient] = Field(default_factory=list, max_length=30)


class MealPlanComponent(ComponentBase):
    """A week of meals: a grid of ``days`` × ``meals`` whose cells each pick a dish from ``dishes`` (which the
    user can extend: a name and one ingredient a line, “name amount unit”); the grocery list sums the picked
    dishes' ingredients (same name and unit added up), can be ticked off while shopping and downloaded as CSV
    or text. The week, the user's dishes and the ticks are kept in the app.

    Widgets: ``<id>__d<day>m<meal>`` (selectbox of dish names, None for nothing), ``<id>__clear``,
    ``<id>__dish_name``, ``<id>__dish_ingredients`` (text_area), ``<id>__dish_add``, ``<id>__got<n>``
    (checkbox of the n-th grocery line). Outputs: ``picked`` (cells filled), ``grocery`` (lines “name amount
    unit” in first-use order), ``items`` (how many lines), ``got`` (lines ticked), ``dishes`` (names offered).
    """

    kind: Literal["mealplan"] = "mealplan"
    days: list[ShortText] = Field(min_length=1, max_length=14)
    meals: list[ShortText] = Field(min_length=1, max_length=5)
    dishes: list[Dish] = Field(min_length=1, max_length=80)
    note: Text = ""

    @model_validator(mode="after")
    def _distinct(self) -> MealPlanComponent:
        for name, values in (("days", self.days), ("meals", self.meals), ("dishes", [d.name for d in self.dishes])):
            if len(set(values)) != len(values):
                raise ValueError(f"{name} repeat: {values}")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {
            self.key(f"d{d}m{m}"): "selectbox" for d in range(len(self.days)) for m in range(len(self.meals))
        }
        found |= {self.key("clear"): "button", self.key("dish_name"): "text_input"}
        found |= {self.key("dish_ingredients"): "text_area", self.key("dish_add"): "button"}
        found |= {self.key(f"got{n}"): "checkbox" for n in range(120)}
        return found

    def outputs(self) -> set[str]:
        return {"picked", "grocery", "items", "got", "dishes"}
