"""Components people play with: timer, quiz, flashcards, checklist, picker, counter and games."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

from pydantic import Field, model_validator

from flashapps.spec.base import Color, ShortText, SpecModel, Text
from flashapps.spec.component_base import ComponentBase, WidgetKind
from flashapps.spec.data import Entity

__all__ = [
    "CANVAS_GAMES",
    "PAGE_DEFAULTS",
    "STREAMLIT_GAMES",
    "Card",
    "ChecklistComponent",
    "CounterComponent",
    "FlashcardsComponent",
    "GameComponent",
    "GameName",
    "GameParams",
    "PickerComponent",
    "Question",
    "QuizComponent",
    "TimerComponent",
]


class TimerComponent(ComponentBase):
    """Countdown, pomodoro (work/break cycles, counted) or stopwatch (with laps).

    Widgets: ``<id>__start``, ``<id>__pause``, ``<id>__reset``; countdown ``<id>__minutes``;
    pomodoro ``<id>__work``, ``<id>__break`` (minutes) and ``<id>__skip`` (ends the phase now);
    stopwatch ``<id>__lap``. Outputs: ``state`` (idle, running, paused, done), ``remaining``
    (whole seconds left in the countdown or pomodoro phase), ``elapsed`` (whole seconds, stopwatch),
    ``laps`` (number of laps), ``cycles`` (work phases completed today, kept across restarts),
    ``phase`` (work, break or long_break; the mode name otherwise).
    """

    kind: Literal["timer"] = "timer"
    mode: Literal["countdown", "pomodoro", "stopwatch"] = "countdown"
    minutes: float = Field(default=5, gt=0, le=600)
    work_minutes: float = Field(default=25, gt=0, le=180)
    break_minutes: float = Field(default=5, gt=0, le=60)
    long_break_minutes: float = Field(default=15, gt=0, le=120)
    cycles_before_long_break: int = Field(default=4, ge=1, le=12)

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {
            self.key("start"): "button",
            self.key("pause"): "button",
            self.key("reset"): "button",
        }
        if self.mode == "stopwatch":
            found[self.key("lap")] = "button"
        if self.mode == "countdown":
            found[self.key("minutes")] = "number_input"
        if self.mode == "pomodoro":
            found[self.key("work")] = "number_input"
            found[self.key("break")] = "number_input"
            found[self.key("skip")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"state", "remaining", "elapsed", "laps", "cycles", "phase"}


class Question(SpecModel):
    prompt: Text = Field(min_length=1)
    choices: list[ShortText] = Field(
        min_length=1, max_length=6, description="the choices; in a typed quiz, the accepted answers"
    )
    answer: int = Field(ge=0, description="index of the right choice")
    explanation: Text = ""

    @model_validator(mode="after")
    def _answer_in_range(self) -> Question:
        if self.answer >= len(self.choices):
            raise ValueError(f"answer {self.answer} is not one of the {len(self.choices)} choices")
        if len(set(self.choices)) != len(self.choices):
            raise ValueError(f"choices repeat: {self.choices}")
        return self


class QuizComponent(ComponentBase):
    """Questions with choices; explanation after each answer; score; retry.

    Widgets: ``<id>__q<n>`` (a radio per question, set to the choice's text; in ``typed`` mode a text
    input, right when it matches any of the question's choices, ignoring case and spacing), ``<id>__submit``
    grades, ``<id>__retry`` starts over. Outputs: ``score`` (right answers graded), ``answered``,
    ``total``, ``finished`` (graded), ``passed`` (score / total >= pass_mark, after grading),
    ``missed`` (after grading, the right answers of the questions missed, in spec order).
    """

    kind: Literal["quiz"] = "quiz"
    questions: list[Question] = Field(min_length=1, max_length=40)
    shuffle: bool = False
    pass_mark: float = Field(default=0.6, ge=0, le=1)
    mode: Literal["choice", "typed"] = Field(
        default="choice", description="choice: pick one of the choices; typed: type the answer (spelling tests)"
    )
    editable: bool = Field(
        default=False,
        description="typed mode: the words can be replaced in the app (``<id>__words``, one a line, then "
        "``<id>__save_words``; kept in the app's store); each is then asked with some of its letters shown",
    )

    @model_validator(mode="after")
    def _choices_to_pick(self) -> QuizComponent:
        few = [n for n, q in enumerate(self.questions) if len(q.choices) < 2]
        if self.mode == "choice" and few:
            raise ValueError(f"questions {few} have fewer than 2 choices; a typed quiz may have one")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("submit"): "button", self.key("retry"): "button"}
        kind: WidgetKind = "text_input" if self.mode == "typed" else "radio"
        found.update({self.key(f"q{i}"): kind for i in range(len(self.questions))})
        if self.editable and self.mode == "typed":
            found.update({self.key("words"): "text_area", self.key("save_words"): "button"})
            found.update({self.key(f"q{i}"): kind for i in range(40)})
        return found

    def outputs(self) -> set[str]:
        return {"score", "answered", "total", "finished", "passed", "missed"}


class Card(SpecModel):
    front: ShortText
    back: Text = Field(min_length=1)
    hint: Text = ""


class FlashcardsComponent(ComponentBase):
    """A deck to flip, shuffle and sort into known and unknown; extendable by the user.

    Widgets: ``<id>__flip``, ``<id>__known``, ``<id>__unknown`` (both move to the next card),
    ``<id>__next``, ``<id>__shuffle``, ``<id>__restart``. Cards start in spec order.
    Outputs: ``index`` (0-based position of the current card), ``side`` (front or back),
    ``known``, ``unknown``, ``remaining`` (not yet sorted), ``total``.
    """

    kind: Literal["flashcards"] = "flashcards"
    cards: list[Card] = Field(min_length=1, max_length=200)
    editable: bool = True

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        names = ["flip", "known", "unknown", "next", "shuffle", "restart"]
        return {self.key(n): "button" for n in names}

    def outputs(self) -> set[str]:
        return {"index", "side", "known", "unknown", "remaining", "total"}


class ChecklistComponent(ComponentBase):
    """Items to tick off, kept across restarts; optionally starting fresh each day.

    Widgets: ``<id>__item<n>`` (a checkbox per spec item), ``<id>__new`` + ``<id>__add``, ``<id>__reset``.
    Outputs: ``done``, ``total``, ``progress`` (done / total, 3 decimals).
    """

    kind: Literal["checklist"] = "checklist"
    items: list[ShortText] = Field(default_factory=list, max_length=60)
    daily: bool = False
    editable: bool = True
    reset: bool = Field(default=False, description="a button that unticks every item (``<id>__reset``)")

    @model_validator(mode="after")
    def _items_or_editable(self) -> ChecklistComponent:
        if not self.items and not self.editable:
            raise ValueError("a checklist without items must be editable (its items are added in the app)")
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key(f"item{i}"): "checkbox" for i in range(len(self.items))}
        if self.editable:
            found[self.key("new")] = "text_input"
            found[self.key("add")] = "button"
        if self.reset:
            found[self.key("reset")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"done", "total", "progress"}


class PickerComponent(ComponentBase):
    """Random choice from a list, with no repeats until everything has been picked.

    Widgets: ``<id>__pick``, ``<id>__reset``, ``<id>__items`` (one item a line, when editable);
    with ``groups`` or ``group_size``, ``<id>__split`` deals every item into groups at random.
    Outputs: ``picked`` (list of the items of the last pick), ``remaining`` (items left before
    any repeat), ``history`` (number of picks so far); ``groups`` (the groups made, lists of items).
    """

    kind: Literal["picker"] = "picker"
    items: list[ShortText] = Field(min_length=1, max_length=200)
    count: int = Field(default=1, ge=1, le=20)
    no_repeat: bool = True
    editable: bool = True
    groups: int = Field(default=0, ge=0, le=50, description="split the list into this many groups (0: no groups)")
    group_size: int = Field(default=0, ge=0, le=50, description="or into groups of this size (0: by groups)")

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        found: dict[str, WidgetKind] = {self.key("pick"): "button", self.key("reset"): "button"}
        if self.editable:
            found[self.key("items")] = "text_area"
        if self.groups or self.group_size:
            found[self.key("split")] = "button"
        return found

    def outputs(self) -> set[str]:
        return {"picked", "remaining", "history"} | ({"groups"} if self.groups or self.group_size else set())


class CounterComponent(ComponentBase):
    """A persistent tally with plus, minus and reset (beers, laps, points).

    Widgets: ``<id>__plus``, ``<id>__minus``, ``<id>__reset``. Outputs: ``value``.
    """

    kind: Literal["counter"] = "counter"
    label: ShortText
    step: int = Field(default=1, ge=1, le=1000)
    goal: int | None = Field(default=None, ge=1)
    allow_negative: bool = False

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        return {self.key(n): "button" for n in ("plus", "minus", "reset")}

    def outputs(self) -> set[str]:
        return {"value"}


GameName = Literal[
    "guess_number",
    "tic_tac_toe",
    "battleship",
    "bigtwo",
    "bingo",
    "blackjack",
    "breakout",
    "bugrace",
    "catch",
    "checkers",
    "chess",
    "colormatch",
    "connect4",
    "counting",
    "fallingletters",
    "fifteen",
    "flappy",
    "g2048",
    "gomoku",
    "hangman",
    "highstriker",
    "idioms",
    "jumpjump",
    "lightsout",
    "match3",
    "memory",
    "minesweeper",
    "phonics",
    "picture",
    "pig",
    "pong",
    "reversi",
    "runner",
    "shell",
    "shooter",
    "simon",
    "snake",
    "sorting",
    "spellingbee",
    "sudoku",
    "tetris",
    "tictactoe",
    "typing",
    "war",
    "whack",
    "wordle",
    "wordsearch",
    "xiangqi",
]

STREAMLIT_GAMES = ("guess_number", "tic_tac_toe")
"""Games drawn with Streamlit widgets, whose moves key paths can drive."""
CANVAS_GAMES: tuple[str, ...] = tuple(name for name in get_args(GameName) if name not in STREAMLIT_GAMES)
"""Games drawn by a page of templates/games (``<name>.html``) in an HTML component; the others are plain Streamlit."""

_ORIGINAL_GAMES = ("guess_number", "tic_tac_toe", "snake", "memory", "g2048", "whack", "typing", "breakout")
"""The first games: their specs keep the plain GameParams defaults below."""

PAGE_DEFAULTS: dict[str, dict[str, int | None | dict[str, int]]] = {
    "battleship": {"size": 10},
    "bingo": {"size": None, "target": 3},
    "bugrace": {"size": 4},
    "blackjack": {"target": 250},
    "catch": {"target": 0, "duration_s": 0},
    "connect4": {"size": 7},
    "fallingletters": {"target": 0, "duration_s": 0},
    "flappy": {"target": 0},
    "gomoku": {"size": 15},
    "highstriker": {"target": 1},
    "idioms": {"duration_s": {"easy": 30, "normal": 20, "hard": 12}},
    "jumpjump": {"target": 0},
    "lightsout": {"size": 5},
    "match3": {"size": 8, "duration_s": 0, "target": None},
    "minesweeper": {"size": 9},
    "picture": {"size": {"easy": 3, "normal": 4, "hard": 5}},
    "pig": {"target": 100},
    "pong": {"target": 7},
    "reversi": {"size": 8},
    "runner": {"target": 0},
    "shell": {"size": 3},
    "shooter": {"target": 5},
    "simon": {"target": 20},
    "sudoku": {"size": 9},
    "tetris": {"target": 0},
    "wordsearch": {"size": 0, "duration_s": 0},
}
"""What a page's own default is for size, target and duration_s where the GameParams default (4, 2048, 30) would
change the game (a 4x4 sudoku, a 30-second word search): used when a spec leaves the value out. A mapping by
difficulty where the page's default follows it; None where the page works it out (bingo's card, match-3's goal)."""


class GameParams(SpecModel):
    """Parameters every game reads the ones it needs from (templates/games/README.md). Left out (None), a
    parameter takes the page's own default."""

    theme: Color | None = None
    items: list[ShortText] = Field(default_factory=list, max_length=40, description="emoji or words the game shows")
    speed: Literal["slow", "normal", "fast"] = "normal"
    size: int | None = Field(
        default=4, ge=0, le=20, description="board size or pairs (0 or null: the game fits it to its items or range)"
    )
    max_number: int = Field(default=100, ge=2, le=1_000_000)
    max_attempts: int = Field(default=10, ge=1, le=100)
    duration_s: int = Field(default=30, ge=0, le=3600, description="seconds of play (0: no time limit)")
    target: int | None = Field(
        default=2048, ge=0, le=1_000_000, description="goal to reach to win (0: none, play on; null: the game's own)"
    )
    difficulty: Literal["easy", "normal", "hard"] | None = None
    players: int | None = Field(default=None, ge=1, le=2, description="1: against the computer; 2: on one screen")
    lives: int | None = Field(default=None, ge=1, le=30)
    rounds: int | None = Field(default=None, ge=1, le=2000)
    min: int | None = Field(default=None, ge=0, le=1_000_000, description="smallest number used (counting)")
    max: int | None = Field(default=None, ge=0, le=1_000_000, description="largest number used (counting)")
    sound: bool = Field(default=False, description="sound effects from the start")
    colors: list[Color] = Field(
        default_factory=list, max_length=12, description="colours a page paints with, in order (brick rows…)"
    )
    ships: int | None = Field(default=None, ge=1, le=10, description="ships in each fleet (battleship)")

    @model_validator(mode="after")
    def _range_in_order(self) -> GameParams:
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min {self.min} is above max {self.max}")
        return self


class GameComponent(ComponentBase):
    """A game. guess_number: ``<id>__guess`` + ``<id>__try``, ``<id>__new``; outputs ``status``
    (playing, won, lost), ``attempts``, ``hint`` (higher, lower, or ""), ``left``.
    tic_tac_toe: the player is X, the app answers as O at once with a deterministic strategy;
    ``<id>__cell0`` … ``<id>__cell8`` (row by row), ``<id>__new``; outputs ``status`` (playing, x,
    o, draw), ``moves``, ``board`` (9 characters of X, O and .). Canvas games (CANVAS_GAMES, one page each in
    templates/games): the game runs in the page with ``params``, and each finished game is posted back to
    the app, which keeps the visitor's best and a leaderboard; ``<id>__player`` is the visitor's name on it.
    Outputs ``best`` (this visitor's best, 0 before any), ``plays`` (games finished in the app) and ``player``
    (the visitor's leaderboard name). ``title`` is the game's name as the player reads it.
    """

    kind: Literal["game"] = "game"
    game: GameName
    params: GameParams = Field(default_factory=GameParams)

    @model_validator(mode="after")
    def _page_defaults(self) -> GameComponent:
        """Values the spec left out take the page's own default (PAGE_DEFAULTS), not the shared one."""
        if self.game in _ORIGINAL_GAMES:
            return self
        for name, value in PAGE_DEFAULTS.get(self.game, {}).items():
            if name not in self.params.model_fields_set:
                chosen = value[self.params.difficulty or "normal"] if isinstance(value, dict) else value
                setattr(self.params, name, chosen)
        return self

    def widgets(self, entities: Mapping[str, Entity]) -> dict[str, WidgetKind]:
        if self.game == "guess_number":
            return {self.key("guess"): "number_input", self.key("try"): "button", self.key("new"): "button"}
        if self.game == "tic_tac_toe":
            cells: dict[str, WidgetKind] = {self.key(f"cell{i}"): "button" for i in range(9)}
            cells[self.key("new")] = "button"
            return cells
        return {self.key("player"): "text_input"}

    def outputs(self) -> set[str]:
        if self.game == "guess_number":
            return {"status", "attempts", "hint", "left"}
        if self.game == "tic_tac_toe":
            return {"status", "moves", "board"}
        return {"best", "plays", "player"}
