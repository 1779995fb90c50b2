"""Study helpers: pinyin and tone practice with the readings embedded, and a GPA calculator on a named scale."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Literal

from pydantic import Field, model_validator

from flashapps.spec.base import ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind

if TYPE_CHECKING:
    from flashapps.spec.data import Entity

__all__ = ["GpaComponent", "GradeStep", "PinyinComponent", "PinyinItem", "PinyinTask"]

PinyinTask = Literal["pinyin", "tone", "type", "character", "initial", "final"]
_SYLLABLE = re.compile(r"^[a-zü]{1,6}[1-5]$")


class PinyinItem(SpecModel):
    text: ShortText = Field(description="a character or a word, as shown")
    pinyin: ShortText = Field(description="its reading with tone marks, syllables written together (“chūntiān”)")
    syllables: list[str] = Field(
        min_length=1, max_length=8, description="the reading a syllable at a time with tone numbers, 5 neutral"
    )
    zhuyin: list[str] = Field(
        default_factory=list,
        max_length=8,
        description="zhuyin practice: the reading a syllable at a time in zhuyin with its tone mark (“ㄏㄠˇ”, “˙ㄉㄜ”)",
    )

    @model_validator(mode="after")
    def _syllables(self) -> PinyinItem:
        bad = [s for s in self.syllables if not _SYLLABLE.match(s)]
        if bad:
            raise ValueError(f"syllables {bad} are not pinyin with a tone number (“ma3”, “lü4”)")
        return self


class PinyinComponent(ComponentBase):
    """Pinyin and tone practice: rounds of ``count`` questions on ``items``, checked together.

    ``tasks``: pinyin (choose the reading of a character or word), tone (which tone a character has),
    type (type the reading: tone marks or numbers, ü as v), character (choose the character for a reading),
    initial / final (the 声母 or 韵母 of a character). The first round asks the items in order, the tasks in
    turn; later rounds are drawn at random. Widgets: ``<id>__c<n>`` (a radio, choice questions) and
    ``<id>__t<n>`` (a text input, typed ones), n < count; ``<id>__check`` grades, ``<id>__new`` starts a round of
    new questions, ``<id>__again`` a round of the ones missed. Outputs: ``round`` (1 first), ``total``,
    ``answered``, ``score``, ``finished``, ``missed`` (after checking, each missed item with its right answer,
    as “春 chūn”), ``questions`` (the items asked, in order), ``best``.
    """

    kind: Literal["pinyin"] = "pinyin"
    items: list[PinyinItem] = Field(min_length=2, max_length=200)
    tasks: list[PinyinTask] = Field(min_length=1, max_length=6)
    count: int = Field(default=10, ge=1, le=40)
    notation: Literal["pinyin", "zhuyin"] = Field(
        default="pinyin", description="zhuyin: readings shown, chosen and typed in zhuyin (each item's ``zhuyin``)"
    )

    @model_validator(mode="after")
    def _tasks_fit(self) -> PinyinComponent:
        if len(set(self.tasks)) != len(self.tasks):
            raise ValueError(f"tasks repeat: {self.tasks}")
        if self.notation == "zhuyin" and any(len(i.zhuyin) != len(i.syllables) for i in self.items):
            raise ValueError("zhuyin practice needs each item's zhuyin, a syllable at a time")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(n): "button" for n in ("check", "new", "again")}
        found.update({self.key(f"c{n}"): "radio" for n in range(self.count)})
        found.update({self.key(f"t{n}"): "text_input" for n in range(self.count)})
        return found

    def outputs(self) -> set[str]:
        return {"round", "total", "answered", "score", "finished", "missed", "questions", "best"}


class GradeStep(SpecModel):
    grade: ShortText = Field(description="the grade as chosen (“A-”, “优”), or a score range as shown (“85–89”)")
    points: float = Field(ge=0, le=20)
    low: float | None = Field(default=None, description="scores: the lowest score of the step")


class GpaComponent(ComponentBase):
    """A GPA calculator: courses the user adds (name, credits, grade), each turned into grade points on
    ``scale`` and weighted by its credits; the GPA and the credits counted update at once.

    ``by``: letter (the grade is chosen from the scale's grades), score (a score typed, 0 to 100, looked up by
    the steps' ``low``, highest first) or linear (a score typed; points = (score − ``base``) / ``divisor``
    from ``pass_mark`` up, 0 below). ``scale_note`` says which table is used. Courses are kept in the app.
    Widgets: ``<id>__name``, ``<id>__credits``, ``<id>__grade`` (selectbox) or ``<id>__score``, ``<id>__add``;
    ``<id>__drop`` (selectbox of the courses) and ``<id>__remove``. Outputs: ``gpa`` (None without courses),
    ``credits``, ``courses`` (how many), ``points`` (each course's grade points, in the order added).
    """

    kind: Literal["gpa"] = "gpa"
    by: Literal["letter", "score", "linear"] = "letter"
    scale: list[GradeStep] = Field(default_factory=list, max_length=30)
    top: float = Field(default=4.0, gt=0, le=20)
    base: float = 50
    divisor: float = Field(default=10, gt=0)
    pass_mark: float = Field(default=60, ge=0, le=100)
    scale_note: Text = ""
    decimals: int = Field(default=2, ge=1, le=4)

    @model_validator(mode="after")
    def _scale_fits(self) -> GpaComponent:
        if self.by != "linear" and len(self.scale) < 2:
            raise ValueError("a letter or score scale has at least two steps")
        if self.by == "score" and any(s.low is None for s in self.scale):
            raise ValueError("every step of a score scale has its lowest score")
        grades = [s.grade for s in self.scale]
        if len(set(grades)) != len(grades):
            raise ValueError(f"grades repeat: {grades}")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("name"): "text_input", self.key("credits"): "number_input"}
        if self.by == "letter":
            found[self.key("grade")] = "selectbox"
        else:
            found[self.key("score")] = "number_input"
        found |= {self.key("add"): "button", self.key("drop"): "selectbox", self.key("remove"): "button"}
        return found

    def outputs(self) -> set[str]:
        return {"gpa", "credits", "courses", "points"}
