"""The game catalogue (generator/planner/data/games.json) as typed, checked data.

The file is the planner's knowledge of games: each game's titles, how-to line and icon in the three languages,
the words that name it, its family and the defaults of every parameter its page reads; the games people ask
for that are not here (with the nearest one); what no game here can do (with the reason); item themes, colours
and the words for options. This module only reads and checks it.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from flashapps.spec import GameParams
from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified

__all__ = ["DATA", "Catalogue", "Game", "Palette", "Texts", "Words", "catalogue"]

DATA = Path(__file__).resolve().parents[1] / "data" / "games.json"

Family = Literal["board", "arcade", "word", "puzzle", "cards", "kids"]
ItemsKind = Literal["none", "emoji", "pictures", "words", "pair", "colours", "groups"]
"""What a game's items are: emoji only, emoji or short words (pictures), words, two marks, colours, groups."""
Value = int | str | bool | list[str] | None


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Texts(_Data):
    """One text in English, simplified and traditional Chinese."""

    en: str
    zh_hans: str = Field(alias="zh-Hans")
    zh_hant: str = Field(alias="zh-Hant")

    def __call__(self, language: Language) -> str:
        return {"en": self.en, "zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant}[language]


class Words(_Data):
    """Words (or phrases) in English, simplified and traditional Chinese."""

    en: list[str] = Field(default_factory=list)
    zh_hans: list[str] = Field(default_factory=list, alias="zh-Hans")
    zh_hant: list[str] = Field(default_factory=list, alias="zh-Hant")

    def forms(self) -> tuple[str, ...]:
        """Every word as an idea is read (lower case, simplified script), each once."""
        found = [to_simplified(w).lower().strip() for w in (*self.en, *self.zh_hans, *self.zh_hant)]
        return tuple(dict.fromkeys(w for w in found if w))

    def __call__(self, language: Language) -> list[str]:
        return {"en": self.en, "zh-Hans": self.zh_hans, "zh-Hant": self.zh_hant}[language]


class Variant(_Data):
    """Another game to build instead when the sentence asks for one of these parameters."""

    game: str
    when: list[str]


class Game(_Data):
    name: str
    family: Family
    icon: str
    title: Texts
    how: Texts
    names: Words
    context_names: Words = Field(default_factory=Words)
    hints: dict[str, float] = Field(default_factory=dict)
    mechanics: dict[str, float] = Field(default_factory=dict)
    items: ItemsKind = "none"
    params: dict[str, Value] = Field(default_factory=dict)
    limits: dict[str, tuple[int, int]] = Field(default_factory=dict)
    by_difficulty: dict[str, dict[str, Value]] = Field(default_factory=dict)
    labels: dict[str, Texts] = Field(default_factory=dict)
    """How a parameter reads for this game (“{n} pairs”), where the shared labels do not fit."""
    size_words: Words = Field(default_factory=Words)
    word_length: int | None = None
    variant: Variant | None = None
    related: list[str] = Field(default_factory=list)
    """Games whose names may describe this one (“a typing game where letters fall” is falling letters)."""
    name_params: dict[str, dict[str, Value]] = Field(default_factory=dict)
    paints: Words = Field(default_factory=Words)
    """What the page paints in the colours asked (“bricks”, “蛇”): a colour counts only beside one of these words,
    the game's name or the word colours (“a snake game where you eat red apples” keeps its green snake)."""

    def reads(self, param: str) -> bool:
        """Whether the game's page (or widgets) use ``param``."""
        return param in self.params


class Near(_Data):
    """A game people ask for that is not here, and the nearest one that is."""

    label: Texts
    names: Words
    nearest: str
    params: dict[str, Value] = Field(default_factory=dict)


class Cannot(_Data):
    """Something no game here can do: the words that ask for it, what it is, why not, and the nearest game."""

    name: str
    words: Words
    part: Texts
    reason: Texts
    nearest: str
    nearest_by_word: dict[str, str] = Field(default_factory=dict)
    params: dict[str, Value] = Field(default_factory=dict)


class FamilyEntry(_Data):
    label: Texts
    words: Words
    default: str


class Theme(_Data):
    name: str
    words: Words
    emoji: list[str]
    vocab: Words


class Colour(_Data):
    name: str
    words: Words
    emoji: str
    hex: str = Field(pattern=r"^#[0-9a-f]{6}$")


class Palette(_Data):
    """Colours asked for by one word (“rainbow bricks”, “彩虹色”), for pages that paint with several."""

    name: str
    label: Texts
    words: Words
    colors: list[str] = Field(min_length=2, max_length=12)


class Labels(_Data):
    difficulty: dict[str, Texts]
    speed: dict[str, Texts]
    players: dict[str, Texts]
    lives: Texts
    rounds: Texts
    duration_s: Texts
    range: Texts
    max_number: Texts
    max_attempts: Texts
    size: Texts
    target: Texts
    items: Texts
    colors: Texts
    sound: dict[str, Texts]
    separator: Texts
    play: Texts
    audience: Texts
    audience_kids: Texts
    inputs: Texts
    feedback: Texts


class Naming(_Data):
    """Words around a game's name that are not the name (“a fun bingo card game” → bingo)."""

    filler: list[str]
    between: list[str]
    zh_generic: list[str]
    zh_cut: list[str]


class Catalogue(_Data):
    about: str = ""
    games: list[Game]
    near: list[Near]
    cannot: list[Cannot]
    families: dict[Family, FamilyEntry]
    game_words: Words
    not_play: Words
    themes: list[Theme]
    colours: list[Colour]
    palettes: list[Palette] = Field(default_factory=list)
    options: dict[str, Words]
    units: dict[str, Words]
    labels: Labels
    messages: dict[str, Texts]
    naming: Naming

    @model_validator(mode="after")
    def _consistent(self) -> Catalogue:
        names = [g.name for g in self.games]
        if len(set(names)) != len(names):
            raise ValueError("a game is listed twice")
        known = set(names)
        fields = set(GameParams.model_fields)
        for game in self.games:
            unknown = (set(game.params) | set(game.limits) | set(game.by_difficulty)) - fields
            if unknown:
                raise ValueError(f"{game.name}: no such parameters {sorted(unknown)}")
            if game.variant is not None and game.variant.game not in known:
                raise ValueError(f"{game.name}: variant {game.variant.game} is not a game")
            if set(game.related) - known:
                raise ValueError(f"{game.name}: related games that are not games: {set(game.related) - known}")
        nearest = [n.nearest for n in self.near] + [c.nearest for c in self.cannot]
        nearest += [g for c in self.cannot for g in c.nearest_by_word.values()]
        nearest += [f.default for f in self.families.values()]
        missing = set(nearest) - known
        if missing:
            raise ValueError(f"nearest games that are not games: {sorted(missing)}")
        needed = {"players_1", "players_2", "easy", "normal", "hard", "kids", "fast", "slow", "sound_on", "sound_off"}
        needed |= {"bigger", "smaller"}
        if needed - set(self.options) or {"lives", "rounds"} - set(self.units):
            raise ValueError("options or units are missing")
        return self

    def game(self, name: str) -> Game:
        return next(g for g in self.games if g.name == name)


@cache
def catalogue() -> Catalogue:
    """The catalogue, read and checked once."""
    return Catalogue.model_validate(json.loads(DATA.read_text(encoding="utf-8")))
