"""A small website for a named business or event: sections with a menu bar that jumps to each.

The site draws what visitors read (about, menu or services with prices, hours, location, a
gallery of emoji tiles, pricing, sayings of customers, a schedule, any list); a form after it
on the same screen takes bookings or messages, and its section in the menu bar is ``contact``.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from flashapps.spec.base import Color, Ident, LongText, ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase

__all__ = ["SiteComponent", "SiteItem", "SiteSection", "SiteTile"]

SectionKind = Literal["about", "menu", "pricing", "hours", "location", "gallery", "reviews", "schedule", "list"]


class SiteItem(SpecModel):
    """One line of a section: a dish and its price, a day and its hours, a gig and its venue."""

    label: ShortText
    value: Text = Field(default="", description="the price, the hours, a date or a place, as written")
    note: Text = Field(default="", description="a short description under the label")
    group: Text = Field(default="", description="a heading the item is listed under (cakes, drinks)")
    days: list[int] = Field(
        default_factory=list, max_length=7, description="opening hours: the weekdays (0 Monday ... 6 Sunday)"
    )

    @model_validator(mode="after")
    def _weekdays(self) -> SiteItem:
        if any(not 0 <= d <= 6 for d in self.days):
            raise ValueError("days are weekdays from 0 (Monday) to 6 (Sunday)")
        return self


class SiteTile(SpecModel):
    """A gallery picture drawn as a coloured tile with an emoji (no outside images)."""

    emoji: ShortText
    caption: Text = ""
    color: Color = "#e0e7ff"


class SiteSection(SpecModel):
    """One section of the page, reached from the menu bar by its id."""

    id: Ident
    kind: SectionKind = "list"
    title: ShortText
    icon: Text = ""
    body: LongText = Field(default="", description="plain text paragraphs (not Markdown)")
    items: list[SiteItem] = Field(default_factory=list, max_length=40)
    tiles: list[SiteTile] = Field(default_factory=list, max_length=24)
    sample: bool = Field(default=False, description="true: example content the owner should replace")


class SiteComponent(ComponentBase):
    """A website's sections with a menu bar; ``contact`` names the form that follows it, if any.

    Outputs: ``sections`` = the titles of the sections drawn, in order (the contact section last),
    ``items`` = the number of items listed with a price, ``open`` = whether the opening hours (rows
    with ``days`` and a value such as ``8:00-18:00``) say it is open now, None without such rows.
    """

    kind: Literal["site"] = "site"
    tagline: Text = ""
    town: Text = ""
    sections: list[SiteSection] = Field(min_length=1, max_length=12)
    contact: Text = Field(default="", description="the menu bar's name for the form below the site")

    @model_validator(mode="after")
    def _unique_sections(self) -> SiteComponent:
        ids = [s.id for s in self.sections]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"section ids must be unique: {', '.join(repeated)}")
        if "contact" in ids:
            raise ValueError("'contact' is the form's section: give the other section another id")
        return self

    def outputs(self) -> set[str]:
        return {"sections", "items", "open"}
