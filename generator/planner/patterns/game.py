"""Games: the game the idea names, from the catalogue (generator/planner/data/games.json), shaped by the
sentence (players, level, speed, lives, rounds, time, range, size, goal, items, colours, sound).

When the idea names a game that is not here, or only asks for “a game”, the nearest game by the words it uses
is built and brief.left_out says so; what no game here can do (online play across phones, 3D, licensed
characters, real money, the camera) is left out the same way, never replaced in silence."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flashapps.spec import AppSpec, Brief, GameComponent, GameParams, KeyPath, LeftOut, Screen, TextComponent
from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.game_catalogue import Cannot, Game, Value, catalogue
from generator.planner.patterns.game_params import fill, label, shape
from generator.planner.patterns.game_reading import (
    Hit,
    Wish,
    about_game,
    cannot_hits,
    content_words,
    game_subject,
    given_name,
    keeps_records,
    name_hits,
    read_wishes,
    specificity,
    theme_items,
    unknown_name,
)

__all__ = ["PATTERN", "Choice", "choose", "game_paths", "how_text"]

KEYWORDS = {
    "game": 6,
    "play": 3,
    "puzzle": 4,
    "arcade": 6,
    "high score": 5,
    "level": 1,
    "player": 2,
    "游戏": 8,
    "小游戏": 6,
    "玩": 3,
    "闯关": 6,
    "消除": 6,
}
_DESCRIBED = 12
"""Words from which an idea that names no game describes one (and the nearest game says it is not that one)."""
_SUBJECT = 5.0
"""The score of an idea about a game only by its structure (a game's verb and a name), with no game word."""
_NAMED = 30.0
"""What naming a game adds to the pattern's score in an idea about a game (less in one that is not)."""


@dataclass
class Choice:
    """The game to build for an idea, the name that chose it and what brief.left_out must say."""

    game: Game
    hit: Hit | None = None
    notes: list[LeftOut] = field(default_factory=list)
    params: dict[str, Value] = field(default_factory=dict)


def _unknown(ctx: Context, name: str, game: Game) -> LeftOut:
    cat = catalogue()
    text = cat.messages["unknown"](ctx.language)
    family = cat.families[game.family].label(ctx.language)
    reason = fill(text, {"name": name, "title": game.title(ctx.language), "family": family})
    return LeftOut(part=name[:80], reason=reason[:300])


def _closest(ctx: Context, cannot: list[tuple[Cannot, str]]) -> tuple[Game, bool]:
    """The game an idea that names none comes closest to: by the words of how it is played, then by what it asked
    for that cannot be built, then by family words (board, cards, kids…); memory match for “a game” and nothing
    more. True when two or more words of how it is played agree (the idea describes that very game)."""
    cat = catalogue()
    scored = [(ctx.match({**g.mechanics, **g.hints}), -i, g) for i, g in enumerate(cat.games)]
    best, _, game = max(scored, key=lambda s: (s[0].score, s[1]))
    if best.score > 0:
        return game, len(best.words) >= 2
    if cannot:
        return cat.game(cannot[0][0].nearest), False
    families = [(ctx.match({w: 1 for w in f.words.forms()}).score, -i, f) for i, f in enumerate(cat.families.values())]
    count, _, family = max(families, key=lambda s: s[:2])
    return cat.game(family.default if count > 0 else "memory"), False


def choose(ctx: Context) -> Choice:
    """The game for ``ctx``: the most specific name it holds, else the closest one, with the notes for left_out."""
    cat = catalogue()
    hits = name_hits(ctx)
    cannot = cannot_hits(ctx)
    closest, sure = _closest(ctx, cannot) if not hits else (cat.game(hits[0].game), True)
    choice = Choice(game=closest, hit=hits[0] if hits else None)
    game, language = choice.game, ctx.language
    if choice.hit is None:
        name = unknown_name(ctx)
        if name:
            choice.notes.append(_unknown(ctx, name, game))
        elif _described(ctx, game) and not sure:
            family = cat.families[game.family].label(language)
            reason = fill(cat.messages["described"](language), {"title": game.title(language), "family": family})
            choice.notes.append(LeftOut(part=cat.messages["described_part"](language), reason=reason))
    elif (given := given_name(ctx)) and not _named_by(given, hits):  # “a shooter game called Block Wars”
        choice.notes.append(_unknown(ctx, given, game))
    for hit in hits:
        if hit.near is not None:
            choice.notes.append(_unknown(ctx, hit.near.label(language), game))
            choice.params.update(hit.near.params)
        elif hit.cannot is None and hit.game not in (game.name, *game.related) and not _beside(ctx, hit, choice.hit):
            text = fill(cat.messages["one_game"](language), {"title": game.title(language), "name": hit.shown})
            choice.notes.append(LeftOut(part=hit.shown[:80], reason=text))
    for entry, shown in cannot:
        part = fill(entry.part(language), {"name": shown})
        choice.notes.append(LeftOut(part=part[:80], reason=entry.reason(language)))
        choice.params.update(entry.params)
    return choice


def _described(ctx: Context, game: Game) -> bool:
    """Whether the idea describes a game of its own (a sentence of a dozen words or more, or two words that say
    more than “a game” and than ``game``'s own words: “flag” and “country” in “a game where you guess the flag of
    a country”) rather than asking for “a game” in a few words."""
    words = len(re.findall(r"[a-z0-9']+", ctx.head)) + len(re.findall(r"[\u4e00-\u9fff]", ctx.head)) // 2
    own = {
        w for k in (*game.names.forms(), *game.context_names.forms(), *game.hints, *game.mechanics) for w in k.split()
    }
    other = [w for w in content_words(ctx) if w not in own and w.rstrip("s") not in own]
    return words >= _DESCRIBED or (len(other) >= 2 and game_subject(ctx))


def _named_by(name: str, hits: list[Hit]) -> bool:
    """Whether the name the idea gives is (or holds) the name of a game found in it."""
    low = to_simplified(name).lower()
    return any(hit.word in low or low in hit.word for hit in hits)


def _beside(ctx: Context, hit: Hit, main: Hit | None) -> bool:
    """Whether ``hit`` stands right beside the chosen name and describes it (“simon says memory game”)."""
    if main is None:
        return False
    gap = ctx.text[min(hit.end, main.end) : max(hit.start, main.start)]
    return not gap.strip(" -–,")


def _rest(ctx: Context, hit: Hit | None) -> Context:
    """The idea without the game's name, read as the game's details."""
    if hit is None:
        return ctx
    return Context(f"{ctx.idea[: hit.start]} {ctx.idea[hit.end :]}".strip(), ctx.language)


def how_text(game: Game, values: dict[str, object], asked: dict[str, Value], language: Language) -> str:
    """How to play, with the game's values, and a line on what the idea chose (“Level: easy · 3 lives”)."""
    cat = catalogue()
    how = fill(game.how(language), values)
    parts = []
    for name, value in asked.items():
        if name == "max":
            continue
        if name == "min":
            parts.append(fill(cat.labels.range(language), {"min": value, "max": asked.get("max")}))
        else:
            parts.append(label(game, name, value, language))
    summary = cat.labels.separator(language).join(parts)
    return f"{how}\n\n{summary}" if summary else how


def _asks(wish: Wish, name: str) -> bool:
    """Whether the idea sets ``name`` (a level counts when it speaks of children)."""
    if name == "difficulty":
        return wish.difficulty is not None or wish.kids
    if name == "items":
        return bool(wish.items or wish.colours)
    return getattr(wish, name, None) is not None


def build(ctx: Context) -> AppSpec:
    cat = catalogue()
    choice = choose(ctx)
    game, language = choice.game, ctx.language
    rest = _rest(ctx, choice.hit)
    wish = read_wishes(rest, game)
    if game.variant is not None:
        other = cat.game(game.variant.game)
        if any(_asks(wish, name) for name in game.variant.when) or theme_items(rest, other):
            game, wish = other, read_wishes(rest, other)
    shaped = shape(ctx, rest, game, wish, choice.hit.word if choice.hit else None)
    for name, value in choice.params.items():  # what stands in for a request that cannot be built
        if game.reads(name) and name not in shaped.asked:
            shaped.asked[name] = shaped.values[name] = value
    params = shaped.params()
    title = game.title(language)
    component = GameComponent(id="game", title=title, game=game.name, params=params)
    body = how_text(game, params.model_dump(), shaped.asked, language)
    screen = Screen(
        name="play",
        title=cat.labels.play(language),
        icon=game.icon,
        components=[component, TextComponent(id="how", body=body)],
    )
    first = body.split("\n")[0].split(";")[0].split("；")[0].split(":")[0].split("：")[0].rstrip("。.!！")
    brief = Brief(
        title=title,
        value=(first + ("." if language == "en" else "。"))[:300],
        audience=(cat.labels.audience_kids if wish.kids else cat.labels.audience)(language),
        language=language,
        icon=game.icon,
        kind="game",
        category="game",
        inputs=[cat.labels.inputs(language)],
        feedback=[cat.labels.feedback(language)],
        theme=ctx.theme("purple"),
        left_out=(choice.notes + shaped.notes)[:8],
    )
    return AppSpec(brief=brief, screens=[screen], key_paths=game_paths(ctx.t, game.name, params=params))


def game_paths(t: Tr, game: str, cid: str = "game", params: GameParams | None = None) -> list[KeyPath]:
    """The key paths of a game component: moves for the Streamlit games, a recorded score for the pages."""
    if game == "guess_number":
        params = params or GameParams()
        guess = max(1, params.max_number // 2)
        outcomes = ["playing", "won"] if params.max_attempts > 1 else ["won", "lost"]
        return [
            path(
                "first_guess",
                t("I make a guess and it counts as an attempt.", "我猜一次，次数加一。"),
                [step("set", f"{cid}__guess", guess), step("click", f"{cid}__try")],
                [expect(f"{cid}.attempts", 1), expect(f"{cid}.status", outcomes, "in")],
            ),
            path(
                "new_round",
                t("A new round starts with no attempts.", "新一局从零次开始。"),
                [step("click", f"{cid}__new")],
                [expect(f"{cid}.attempts", 0), expect(f"{cid}.status", "playing")],
            ),
        ]
    if game == "tic_tac_toe":
        return [
            path(
                "centre_move",
                t("I take the centre and the app answers in a corner.", "我下在中间，应用下在角上。"),
                [step("click", f"{cid}__cell4")],
                [expect(f"{cid}.moves", 2), expect(f"{cid}.board", "O...X...."), expect(f"{cid}.status", "playing")],
            ),
            path(
                "new_game",
                t("New game clears the board.", "新游戏清空棋盘。"),
                [step("click", f"{cid}__cell0"), step("click", f"{cid}__new")],
                [expect(f"{cid}.moves", 0)],
            ),
        ]
    return [
        path(
            "fresh_visitor",
            t("A new visitor has no best score yet.", "新来的玩家还没有最佳成绩。"),
            [],
            [expect(f"{cid}.best", 0), expect(f"{cid}.plays", 0)],
        ),
        path(
            "leaderboard_name",
            t("I type my name for the leaderboard and it is kept.", "我输入在排行榜上显示的名字，它被保存下来。"),
            [step("set", f"{cid}__player", "Ana")],
            [expect(f"{cid}.player", "Ana")],
        ),
    ]


_LEAD = re.compile(
    r"^(?:(?:please|can you|could you|make|build|create|design|give|i want|i'd like|i need|let's|me|us|a|an|the|my"
    r"|our|simple|little|small|quick|fun|new|classic|kids'?|children's|online|mini)\s+)*$"
    r"|^(?:请|請|帮我|幫我|给我|給我|做|做个|做個|做一个|做一個|来个|來個|来一个|來一個|一个|一個|一款|想要|我想要|我要"
    r"|简单的|簡單的|小)*$"
)
"""What may stand before a game's name when the name is what the sentence is about (“a hangman with…”)."""


def _named_first(ctx: Context, hit_start: int) -> bool:
    """Whether the sentence opens with the game's name: it is the app asked for, not a detail of another."""
    return bool(_LEAD.match(ctx.text[:hit_start].strip().lower()))


def score(ctx: Context) -> Match:
    base = ctx.match(KEYWORDS)
    hits = name_hits(ctx)
    if hits:
        talk = about_game(ctx) or _named_first(ctx, hits[0].start)
        named = (_NAMED if talk else _NAMED / 2) / (2 if keeps_records(ctx) else 1)
        named += specificity(hits[0].word)
        return base + Match(named, (hits[0].shown,))
    scored = [ctx.match(g.hints) for g in catalogue().games if g.hints]
    hinted = max(scored, key=lambda m: m.score)
    if base.score == 0 and hinted.score == 0 and game_subject(ctx):  # “Battling Bots driven by…”: a game, unnamed
        return Match(_SUBJECT, ())
    return base + Match(hinted.score * 0.8, hinted.words)


PATTERN = Pattern(
    name="game", label_en="game", label_zh="小游戏", score=score, build=build, hint_en="game", hint_zh="游戏"
)
