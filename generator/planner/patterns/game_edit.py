"""Follow-up sentences about a game (“make it harder”, “faster”, “use animals instead”, “two players”, “a 10x10
board”, “three lives”), read with the planner's own readers and applied to a spec's game components."""

from __future__ import annotations

from flashapps.spec import AppSpec, GameComponent, GameParams, KeyPath, TextComponent
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context
from generator.planner.patterns.game import game_paths, how_text
from generator.planner.patterns.game_catalogue import Game, Value, catalogue
from generator.planner.patterns.game_params import LEVELS, SPEEDS, fill, label, reads, shape, step_size
from generator.planner.patterns.game_reading import key, read_wishes

__all__ = ["follow_up"]


def _said(ctx: Context, option: str) -> bool:
    return ctx.has(*(key(w) for w in catalogue().options[option].forms()))


def _level(game: Game, values: dict[str, Value]) -> str:
    """The game's level now: its difficulty, else the level whose values it has (normal when none fits)."""
    if reads(game, "difficulty"):
        return str(values.get("difficulty") or "normal")
    for level in LEVELS:
        if game.by_difficulty and all(values.get(n) == by.get(level) for n, by in game.by_difficulty.items()):
            return level
    return "normal"


def _step(options: tuple[str, ...], now: str, up: bool) -> str:
    at = options.index(now) if now in options else 1
    return options[max(0, min(len(options) - 1, at + (1 if up else -1)))]


def _changes(ctx: Context, game: Game, values: dict[str, Value]) -> tuple[dict[str, Value], list[str]]:
    """The parameter values the sentence asks for (by name, the unchanged ones too) and notes on what it asked
    beyond the game."""
    wish = read_wishes(ctx, game)
    level = wish.difficulty
    if _said(ctx, "harder") or _said(ctx, "easier"):
        level = _step(LEVELS, _level(game, values), _said(ctx, "harder"))
    speed = wish.speed
    if _said(ctx, "faster") or _said(ctx, "slower"):
        speed = _step(SPEEDS, str(values.get("speed") or "normal"), _said(ctx, "faster"))
    size, bigger = wish.size, wish.bigger
    wish.difficulty, wish.kids, wish.speed, wish.size, wish.bigger = None, False, None, None, None
    shaped = shape(ctx, ctx, game, wish)
    changed = dict(shaped.asked)
    if level is not None:
        if reads(game, "difficulty"):
            changed["difficulty"] = level
        changed.update({n: by[level] for n, by in game.by_difficulty.items() if by.get(level) is not None})
    if speed is not None and reads(game, "speed"):
        changed["speed"] = speed
    current = values.get("size")
    notes = [f"{n.part}: {n.reason}" for n in shaped.notes]
    if reads(game, "size") and (size is not None or (bigger is not None and isinstance(current, int) and current)):
        low, high = game.limits.get("size", (2, 20))
        wanted = size if size is not None else step_size(game, int(current), bool(bigger))  # type: ignore[arg-type]
        changed["size"] = max(low, min(high, wanted))
        if changed["size"] != wanted:
            text = fill(catalogue().messages["clamped"](ctx.language), {"title": game.title(ctx.language)})
            limits = {"low": low, "high": high, "used": changed["size"]}
            notes.append(f"{label(game, 'size', wanted, ctx.language)}: {fill(text, limits)}")
    return changed, notes


def _replace_paths(spec: AppSpec, cid: str, paths: list[KeyPath]) -> None:
    """The component's key paths replaced by ``paths`` (others kept)."""
    mine = [
        p
        for p in spec.key_paths
        if any(s.key.startswith(f"{cid}__") for s in p.steps) or any(e.output.startswith(f"{cid}.") for e in p.expect)
    ]
    spec.key_paths = [p for p in spec.key_paths if p not in mine] + paths


def _how(spec: AppSpec, component: GameComponent, before: tuple[Game, GameParams], game: Game) -> None:
    """The how-to text beside the game, told again for the new values (when it is still the one the planner wrote)."""
    language = spec.brief.language
    old_game, old_params = before
    was = fill(old_game.how(language), old_params.model_dump())
    values = component.params.model_dump()
    chosen = {
        n: values[n] for n in game.params if n in values and game.params[n] is not None and values[n] != game.params[n]
    }
    for screen in spec.screens:
        if component in screen.components:
            for text in screen.components:
                if isinstance(text, TextComponent) and text.body.split("\n\n")[0] == was:
                    text.body = how_text(game, values, chosen, language)


def follow_up(spec: AppSpec, sentence: str) -> list[str]:
    """Changes ``sentence`` asks of the spec's games, made in place; what changed, in the app's language."""
    cat = catalogue()
    language = spec.brief.language
    ctx = Context(" ".join(sentence.split()), language)
    said: list[str] = []
    for component in [c for c in spec.components() if isinstance(c, GameComponent)]:
        game = cat.game(component.game)
        values: dict[str, Value] = component.params.model_dump()
        asked, notes = _changes(ctx, game, values)
        changed = {k: v for k, v in asked.items() if values.get(k) != v}
        before = (game, component.params)
        if game.variant is not None:
            other = cat.game(game.variant.game)
            if set(changed) & set(game.variant.when) or not changed:
                other_asked, other_notes = _changes(ctx, other, values)
                other_changed = {k: v for k, v in other_asked.items() if values.get(k) != v}
                if set(other_changed) & set(game.variant.when):
                    game, changed, notes = other, other_changed, other_notes
        title = component.title or game.title(language)
        if not changed:
            for name, value in asked.items():
                what = label(game, name, value, language)
                said.append(fill(cat.messages["already"](language), {"title": title, "what": what}))
            said += notes
            continue
        if game is not before[0]:
            values.update({n: v for n, v in game.params.items() if v is not None})
            component.game = game.name  # type: ignore[assignment]
            said.append(fill(cat.messages["switched"](language), {"title": title}))
        component.params = GameParams.model_validate({**values, **changed})
        if game is not before[0] or game.name == "guess_number":  # its paths guess inside the range
            _replace_paths(spec, component.id, game_paths(Tr(language), game.name, component.id, component.params))
        _how(spec, component, before, game)
        for name, value in changed.items():
            what = label(game, name, value, language)
            said.append(fill(cat.messages["changed"](language), {"title": title, "what": what}))
        said += notes
    return said
