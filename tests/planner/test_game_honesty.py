"""A sentence that asks for a game the library does not have is never given another game, or another kind of app,
in silence: brief.left_out names the game it asked for, says it is not here and names what was built instead, in
the sentence's language. Read from the sentence's structure (the word game heads it, a game is called or played by
name), so the names below are made up for these tests and appear nowhere in the catalogue."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec, GameComponent
from generator.planner import plan
from generator.planner.lang import detect_language
from generator.planner.patterns.base import Context
from generator.planner.patterns.game_catalogue import catalogue
from generator.planner.patterns.game_reading import game_subject, name_hits

# (sentence, the name it gives the game)
UNKNOWN: list[tuple[str, str]] = [
    ("a logic gate puzzle game called Boole-Bot", "Boole-Bot"),
    ("This or That Game", "This or That"),
    ("a trivia game called Brain Blast", "Brain Blast"),
    ("I want to play Zorblax with my brother", "Zorblax"),
    ("Let's play a round of Kubb tonight", "Kubb"),
    ("a space game named Moon Miners where you dig for gems", "Moon Miners"),
    ('make a "Star Hopper" game for my son', "Star Hopper"),
    ("a word game called Lexicon Rush", "Lexicon Rush"),
    ("a this-or-that game where you pick your favourite of two pictures", "this-or-that"),
    ("a drawing game called Doodle Duel", "Doodle Duel"),
    ("一个叫“方块大战”的射击游戏", "方块大战"),
    ("做一个名叫星际跳跳的小游戏", "星际跳跳"),
    ("来玩猫咪大作战", "猫咪大作战"),
    ("帮我做一个叫《脑力大爆炸》的问答游戏", "脑力大爆炸"),
    ("一個叫「喵喵大作戰」的遊戲", "喵喵大作戰"),
    ("來玩「泡泡大亂鬥」吧", "泡泡大亂鬥"),
    ("幫我做一個名為星空採礦的小遊戲", "星空採礦"),
    ("一個叫做字母探險隊的文字遊戲", "字母探險隊"),
]


def _told(spec: AppSpec, name: str) -> str:
    """The reason brief.left_out gives for ``name`` (the test fails when it gives none)."""
    found = [item.reason for item in spec.brief.left_out if item.part == name]
    assert found, (name, spec.brief.left_out)
    return found[0]


@pytest.mark.parametrize(("idea", "name"), UNKNOWN, ids=[u[1] for u in UNKNOWN])
def test_a_game_that_is_not_here_is_named_with_what_was_built(idea: str, name: str) -> None:
    spec = plan(idea).spec
    language = spec.brief.language
    assert language == detect_language(idea)
    assert not any(name.casefold() in g.names.forms() for g in catalogue().games)  # truly not in the catalogue
    reason = _told(spec, name)
    assert name in reason and spec.brief.title in reason, reason
    assert "{" not in reason
    if language == "en":
        assert "no “" in reason or "There is no" in reason
    else:
        assert ("还没有" if language == "zh-Hans" else "還沒有") in reason
    games = [c for c in spec.components() if isinstance(c, GameComponent)]
    assert (spec.brief.kind == "game") == bool(games)


def test_a_game_built_as_another_app_says_which_app() -> None:
    spec = plan("This or That Game").spec
    assert spec.brief.kind != "game"
    assert _told(spec, "This or That").endswith(f"{spec.brief.title} is the closest app made here.")
    spec = plan("a trivia game called Brain Blast", language="zh-Hant").spec
    reason = _told(spec, "Brain Blast")
    assert f"「{spec.brief.title}」" in reason and "應用程式" in reason and "应用" not in reason


@pytest.mark.parametrize(
    "idea",
    [
        "a game where you guess the flag of a country",
        "Battling bots driven by Boolean algebra, a game",
        "Battling Bots driven by Boolean algebra",  # no game word: a game's verb and a name
    ],
)
def test_a_described_game_that_is_not_here_is_said(idea: str) -> None:
    spec = plan(idea).spec
    part = catalogue().messages["described_part"]("en")
    assert spec.brief.kind == "game"
    assert spec.brief.title in _told(spec, part)


@pytest.mark.parametrize(
    "idea",
    [
        "a quiz game about fractions",  # a quiz app is the quiz game asked for
        "a flashcard game for spanish verbs",
        "a score keeper for our card games",
        "a gamified habit tracker",
        "games library for my collection",
        "a poll about which game to play tonight",
        "游戏时间记录",
        "let's make a game for kids",
        "breakout with rainbow bricks",
        "battleship with 3 ships on an 8x8 grid",
    ],
)
def test_what_asks_for_no_missing_game_is_told_nothing_about_one(idea: str) -> None:
    spec = plan(idea).spec
    reasons = " ".join(item.reason for item in spec.brief.left_out)
    assert "There is no" not in reasons and "closest app" not in reasons, spec.brief.left_out


@pytest.mark.parametrize(
    ("idea", "subject"),
    [
        ("a this-or-that game where you pick", True),
        ("Battling Bots driven by Boolean algebra, a game", True),
        ("I want to play Zorblax", True),
        ("来玩斗地主", True),
        ("做個麻將遊戲", True),
        ("a game of Ludo for four", True),
        ("Battling Bots driven by Boolean algebra", True),
        ("Racing Snails across the garden", True),
        ("Flying Tiger store inventory tracker", False),
        ("a score keeper for our card games", False),
        ("a game night planner for my friends", False),
        ("track my chess games and ratings", False),
        ("an app to log the board games I own", False),
        ("一个记录孩子玩游戏时间的应用", False),
        ("遊戲化的背單字工具", False),
    ],
)
def test_the_subject_of_the_sentence_is_read_from_its_structure(idea: str, subject: bool) -> None:
    assert game_subject(Context(idea, detect_language(idea))) is subject


def test_a_known_game_named_in_a_sentence_built_as_an_app_is_told() -> None:
    ctx = Context("a trivia game called Brain Blast", "en")
    assert not name_hits(ctx)  # the name is not the catalogue's: the note names it as not here
    for idea, game in [("a snake game", "snake"), ("一个数独游戏", "sudoku"), ("做個五子棋遊戲", "gomoku")]:
        spec = plan(idea).spec
        assert [c.game for c in spec.components() if isinstance(c, GameComponent)] == [game]
        assert spec.brief.left_out == []
