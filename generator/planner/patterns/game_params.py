"""A game's parameters shaped by the idea: the catalogue's defaults, then what the sentence asks for, within
what the game allows (and a note in the app's language where it asks for more)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from string import Formatter
from typing import Any

from flashapps.spec import CANVAS_GAMES, GameParams, LeftOut
from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.game_catalogue import Game, Value, catalogue
from generator.planner.patterns.game_reading import Wish, theme_items

__all__ = ["Shaped", "colours_asked", "fill", "label", "reads", "shape", "step_size"]

LEVELS = ("easy", "normal", "hard")
SPEEDS = ("slow", "normal", "fast")


class _Blank(dict[str, Any]):
    def __missing__(self, name: str) -> str:
        return "{" + name + "}"


def fill(text: str, values: dict[str, Any]) -> str:
    """``text`` with its {placeholders} filled from ``values`` (unknown ones stay as they are)."""
    return Formatter().vformat(text, (), _Blank(values))


def reads(game: Game, param: str) -> bool:
    """Whether the game uses ``param`` (every page plays sound when asked)."""
    return game.reads(param) or (param == "sound" and game.name in CANVAS_GAMES)


@dataclass
class Shaped:
    """The game's parameter values, what the idea set (in order, for the summary) and notes for brief.left_out."""

    values: dict[str, Value]
    asked: dict[str, Value] = field(default_factory=dict)
    notes: list[LeftOut] = field(default_factory=list)

    def params(self) -> GameParams:
        return GameParams.model_validate(self.values)


def label(game: Game, name: str, value: Value, language: Language) -> str:
    """How a parameter reads in the summary (“3 lives”, “双人同屏对战”, “a 10×10 board”)."""
    labels = catalogue().labels
    if name == "players":
        return labels.players[str(value)](language)
    if name == "difficulty":
        return labels.difficulty[str(value)](language)
    if name == "speed":
        return labels.speed[str(value)](language)
    if name == "sound":
        return labels.sound[str(value).lower()](language)
    if name == "colors" and isinstance(value, list):
        return _colours_label(value, language)
    if name == "items" and isinstance(value, list):
        shown = ("、" if language != "en" else ", ").join(value[:6]) + ("…" if len(value) > 6 else "")
        return fill(labels.items(language), {"items": shown})
    texts = game.labels.get(name) or getattr(labels, name, None)
    return fill(texts(language), {"n": value}) if texts is not None else f"{name} {value}"


def _colours_label(value: list[str], language: Language) -> str:
    """How painted colours read: the palette's name (“rainbow colours”), else the colours' names (“red, blue”)."""
    cat = catalogue()
    palette = next((p for p in cat.palettes if p.colors == value), None)
    if palette is not None:
        shown = palette.label(language)
    else:
        names = {c.hex: c.words(language)[0] for c in cat.colours}
        shown = ("、" if language != "en" else ", ").join(names.get(v, v) for v in value)
    return fill(cat.labels.colors(language), {"colors": shown})


_PAINTED = ("colours", "colors", "colour", "color", "coloured", "colored", "颜色")
_CLAUSE_END = re.compile(r"[,.;:!?，。；：！？、]|(?<![a-z])(?:but|while|where|and the)(?![a-z])")


def _beside(ctx: Context, words: tuple[str, ...], game: Game) -> bool:
    """Whether one of ``words`` (a colour) stands beside what ``game`` paints, its name or the word colours: in
    the same clause, a few words apart (“red and blue bricks”, “bricks in rainbow colours”, “彩虹色的砖块”)."""
    things = (*game.paints.forms(), *game.names.forms(), *game.context_names.forms(), *_PAINTED)
    text = ctx.text
    spans = [m.span() for w in words for m in re.finditer(re.escape(w), text)]
    near = [m.span() for t in things for m in re.finditer(re.escape(t), text)]
    for start, end in spans:
        for at, stop in near:
            gap = text[end:at] if at >= end else text[stop:start] if start >= stop else ""
            reach = 25 if gap.isascii() else 6
            if len(gap) <= reach and not _CLAUSE_END.search(gap):
                return True
    return False


def colours_asked(ctx: Context, game: Game, wish: Wish) -> list[str]:
    """The colours a page that paints with them (``colors``) takes from the idea: a palette, else the named
    colours, as #hex, when they stand beside what it paints; none for pages that do not paint with them."""
    if not reads(game, "colors"):
        return []
    cat = catalogue()
    for palette in cat.palettes:
        if palette.colors == wish.palette and _beside(ctx, palette.words.forms(), game):
            return list(palette.colors)
    named = {c.name: c for c in cat.colours}
    return [named[n].hex for n in wish.colours if _beside(ctx, named[n].words.forms(), game)][:12]


def step_size(game: Game, current: int, bigger: bool) -> int:
    """A bigger (or smaller) size: about a third of the way to the game's largest (or smallest)."""
    low, high = game.limits.get("size", (2, 20))
    target = high if bigger else low
    step = max(1, round(abs(target - current) / 3)) if target != current else 0
    return current + step if bigger else current - step


def shape(ctx: Context, rest: Context, game: Game, wish: Wish, hit_word: str | None = None) -> Shaped:
    """``game``'s parameters for the idea: ``rest`` is the idea without the game's own name (so that “fruit” in
    “Fruit Ninja” or “黑白” in 黑白棋 theme nothing)."""
    shaped = Shaped(values={k: v for k, v in game.params.items() if v is not None})
    asked = shaped.asked
    if hit_word is not None:
        named = {to_simplified(k).lower(): v for k, v in game.name_params.items()}
        asked.update(named.get(hit_word, {}))
    if wish.players is not None:
        if reads(game, "players"):
            asked["players"] = wish.players
        elif wish.players == 2:
            _note(shaped, ctx, game, label(game, "players", 2, ctx.language), "one_player", {})
    level = wish.difficulty or ("easy" if wish.kids else None)
    if level is not None:
        if reads(game, "difficulty"):
            asked["difficulty"] = level
        for name, by_level in game.by_difficulty.items():
            if level in by_level and by_level[level] is not None:
                shaped.values[name] = by_level[level]
    if wish.speed is not None and reads(game, "speed"):
        asked["speed"] = wish.speed
    for name in ("lives", "rounds", "duration_s", "target", "ships"):
        value = getattr(wish, name)
        if value is not None and reads(game, name):
            asked[name] = value
    if wish.lives is not None and not reads(game, "lives") and reads(game, "max_attempts"):
        asked["max_attempts"] = wish.lives
    if wish.range is not None:
        low, high = wish.range
        if reads(game, "min") and reads(game, "max"):
            asked["min"], asked["max"] = low, high
        elif reads(game, "max_number"):
            asked["max_number"] = high
    if reads(game, "size"):
        current = shaped.values.get("size")
        if wish.size is not None:
            asked["size"] = wish.size
        elif wish.bigger is not None and isinstance(current, int) and current > 0:
            asked["size"] = step_size(game, current, wish.bigger)
    if wish.sound is not None and reads(game, "sound"):
        asked["sound"] = wish.sound
    items = _items(rest, game, wish)
    if items:
        asked["items"] = items
    colours = colours_asked(ctx, game, wish)
    if colours:
        asked["colors"] = colours
    _clamp(shaped, ctx, game)
    shaped.values.update(asked)
    return shaped


def _items(rest: Context, game: Game, wish: Wish) -> list[str]:
    if game.items == "none":
        return []
    colours = {c.name: c for c in catalogue().colours}
    if game.items == "pair":
        if len(wish.colours) >= 2:
            return [colours[name].emoji for name in wish.colours[:2]]
        if len(wish.items) >= 2:
            return wish.items[:2]
        return theme_items(rest, game)
    if game.items == "colours":
        return [colours[name].words(rest.language)[0] for name in wish.colours] if len(wish.colours) >= 2 else []
    if game.items == "groups":
        return wish.items
    return wish.items or theme_items(rest, game)


def _clamp(shaped: Shaped, ctx: Context, game: Game) -> None:
    """Asked numbers within the game's limits; a note says where one was out of them."""
    for name, value in list(shaped.asked.items()):
        if not isinstance(value, int) or isinstance(value, bool) or name not in game.limits:
            continue
        low, high = game.limits[name]
        used = max(low, min(high, value))
        if used != value:
            shaped.asked[name] = used
            part = label(game, name, value, ctx.language)
            _note(shaped, ctx, game, part, "clamped", {"low": low, "high": high, "used": used})
    low_high = (shaped.asked.get("min"), shaped.asked.get("max"))
    if isinstance(low_high[0], int) and isinstance(low_high[1], int) and low_high[0] > low_high[1]:
        shaped.asked["min"] = low_high[1]


def _note(shaped: Shaped, ctx: Context, game: Game, part: str, message: str, values: dict[str, Any]) -> None:
    text = catalogue().messages[message](ctx.language)
    reason = fill(text, {"title": game.title(ctx.language), **values})
    shaped.notes.append(LeftOut(part=part[:80], reason=reason[:300]))
