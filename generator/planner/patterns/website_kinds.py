"""What the website planner knows, read from data/websites.json: kinds of business and event, the
sections a sentence may name, the words for each form, and believable example rows (marked as
examples on the page).

Text pairs are (English, simplified Chinese); traditional Chinese is made from the simplified.
Prices are written as people write them, in each language's usual currency.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["FORMS", "KINDS", "ROWS", "SECTIONS", "Kind", "SectionWord"]

Pair = tuple[str, str]
Item = tuple[str, str, str, str]
"""label (en), value (en), label (zh), value (zh)."""

_DATA = Path(__file__).resolve().parents[1] / "data" / "websites.json"


@dataclass(frozen=True)
class Kind:
    """A kind of business or event: the words that name it and what its site shows by default."""

    name: str
    words: tuple[str, ...]
    label: Pair
    icon: str
    colour: str
    form: str
    offer: Pair = ("Menu", "菜单")
    items: tuple[Item, ...] = ()
    tiles: tuple[str, ...] = ("✨", "😊", "🌟", "🎉", "💡", "📍")
    hours: bool = True
    about: Pair = (
        "We are a small, local {kind} run by people who care. Come and say hello!",
        "我们是一家用心经营的本地{kind}，欢迎来坐坐、打个招呼！",
    )
    extra: tuple[str, ...] = field(default_factory=tuple)
    place: bool = True
    """Whether visitors come to a place (a location section by default)."""
    pick: Pair | None = None
    """What a visitor picks from the offer in the form (a room, a class), when not a service or an item."""
    personal: bool = False
    """A site about one person (a résumé, a portfolio): "my", "about me"."""


@dataclass(frozen=True)
class SectionWord:
    """A section a sentence can name: the words for it, its kind on the page, its title and icon."""

    name: str
    words: tuple[str, ...]
    kind: str
    title: Pair
    icon: str


def _tuples(value: Any) -> Any:
    """JSON lists as the tuples the dataclasses hold (nested lists too)."""
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


_Data = tuple[tuple[Kind, ...], tuple[SectionWord, ...], dict[str, tuple[str, ...]], dict[str, tuple[Item, ...]]]


def _load() -> _Data:
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    kinds = tuple(Kind(**{k: _tuples(v) for k, v in entry.items()}) for entry in data["kinds"])
    sections = tuple(SectionWord(**{k: _tuples(v) for k, v in entry.items()}) for entry in data["sections"])
    forms = {name: tuple(words) for name, words in data["forms"].items()}
    rows = {name: _tuples(entries) for name, entries in data["rows"].items()}
    return kinds, sections, forms, rows


KINDS, SECTIONS, FORMS, ROWS = _load()
"""KINDS: most specific first on a tie. FORMS: which form a site ends with, by the words a sentence uses
for it (else the kind's own). ROWS: example rows by section name (schedule_band, schedule_meetings:
a band's gigs, a club's meetings)."""
