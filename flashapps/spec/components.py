"""The component vocabulary: each component is one template and one model here.

A component names the widgets it draws (``widgets``) and the values it shows (``outputs``);
key paths refer to both, so a spec whose test steps name a widget that no component draws
is rejected before anything is rendered. Widget keys are ``<component id>__<part>``.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from flashapps.spec.booking import BookingComponent, CalendarComponent, SeatsComponent
from flashapps.spec.checkform import CheckField, CheckFormComponent, FieldRule
from flashapps.spec.component_base import WidgetKind
from flashapps.spec.group import (
    BracketComponent,
    CostSplitComponent,
    GiftDrawComponent,
    HousePointsComponent,
    HouseTeam,
    PairRateComponent,
    Payer,
    SeatingComponent,
)
from flashapps.spec.interactive import (
    CANVAS_GAMES,
    STREAMLIT_GAMES,
    Card,
    ChecklistComponent,
    CounterComponent,
    FlashcardsComponent,
    GameComponent,
    GameParams,
    PickerComponent,
    Question,
    QuizComponent,
    TimerComponent,
)
from flashapps.spec.learning import DrillComponent, OrderComponent
from flashapps.spec.mealplan import Dish, Ingredient, MealPlanComponent
from flashapps.spec.pictures import PicturesComponent
from flashapps.spec.records import (
    BoardComponent,
    CalcInput,
    CalcOutput,
    CalculatorComponent,
    ChartComponent,
    ChildList,
    ConverterComponent,
    CsvComponent,
    FilterComponent,
    FormComponent,
    MetricComponent,
    TableComponent,
    TextComponent,
    Unit,
)
from flashapps.spec.rules import Limit, RuleComponent
from flashapps.spec.site import SiteComponent, SiteItem, SiteSection, SiteTile
from flashapps.spec.study import GpaComponent, GradeStep, PinyinComponent, PinyinItem
from flashapps.spec.texttools import DataFileComponent, TextToolComponent

__all__ = [
    "CANVAS_GAMES",
    "BookingComponent",
    "CalendarComponent",
    "SeatsComponent",
    "COMPONENT_KINDS",
    "STREAMLIT_GAMES",
    "BoardComponent",
    "CalcInput",
    "CalcOutput",
    "CalculatorComponent",
    "Card",
    "ChartComponent",
    "ChecklistComponent",
    "ChildList",
    "Component",
    "ConverterComponent",
    "CounterComponent",
    "CsvComponent",
    "DataFileComponent",
    "FilterComponent",
    "FlashcardsComponent",
    "FormComponent",
    "GameComponent",
    "GameParams",
    "MetricComponent",
    "PickerComponent",
    "PicturesComponent",
    "Question",
    "QuizComponent",
    "SiteComponent",
    "SiteItem",
    "SiteSection",
    "SiteTile",
    "TableComponent",
    "TextComponent",
    "TextToolComponent",
    "TimerComponent",
    "Unit",
    "WidgetKind",
    "DrillComponent",
    "OrderComponent",
    "GpaComponent",
    "GradeStep",
    "PinyinComponent",
    "PinyinItem",
    "Dish",
    "Ingredient",
    "MealPlanComponent",
    "BracketComponent",
    "CostSplitComponent",
    "GiftDrawComponent",
    "Payer",
    "SeatingComponent",
    "PairRateComponent",
    "HousePointsComponent",
    "HouseTeam",
    "CheckField",
    "CheckFormComponent",
    "FieldRule",
    "Limit",
    "RuleComponent",
]

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
    | PicturesComponent
    | CounterComponent
    | GameComponent
    | TextComponent
    | CsvComponent
    | SiteComponent
    | BoardComponent
    | BookingComponent
    | CalendarComponent
    | SeatsComponent
    | TextToolComponent
    | DataFileComponent
    | DrillComponent
    | OrderComponent
    | PinyinComponent
    | GpaComponent
    | MealPlanComponent
    | BracketComponent
    | GiftDrawComponent
    | CostSplitComponent
    | SeatingComponent
    | PairRateComponent
    | HousePointsComponent
    | CheckFormComponent
    | RuleComponent,
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
    "pictures",
    "counter",
    "game",
    "text",
    "csv",
    "site",
    "board",
    "booking",
    "calendar",
    "seats",
    "texttool",
    "datafile",
    "drill",
    "order",
    "pinyin",
    "gpa",
    "mealplan",
    "bracket",
    "giftdraw",
    "costsplit",
    "seating",
    "pairrate",
    "housepoints",
    "checkform",
    "rule",
)
