"""Xiangqi and bingo in a real browser.

Each loads with a fixed seed on a desktop and on a 390x844 touch screen, answers real taps and key presses (helped
by the exposed hooks to set up a position where a whole game would take too long), reaches a win, a loss or a
draw, and shows its score; a screenshot of each is kept in bench/results/game-shots/.
"""

from __future__ import annotations

import pytest
from conftest import GamePage
from game_support import config

VIEWPORTS = ["desktop", "phone"]


def ended_with_score(page: GamePage, *statuses: str, timeout: float = 20) -> str:
    status = page.wait_status(*statuses, timeout=timeout)
    page.wait(lambda: page.overlay(), 3, "no end card")
    card = page.overlay()
    assert str(page.state()["score"]) in card, card
    return status


def idle(page: GamePage, timeout: float = 20) -> None:
    """Waits until the computer has answered."""
    page.wait(lambda: not page.call("thinking"), timeout, "the computer never moved")


# ---------- xiangqi


def point(page: GamePage, *squares: str) -> None:
    for square in squares:
        page.tap(f".pt[data-sq='{square}']")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_xiangqi_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("xiangqi", viewport, difficulty="normal")
    assert page.state()["status"] == "playing" and page.call("turn") == "r" and page.call("human") == "r"
    assert len(page.call("moves")) == 44
    assert page.js("return document.querySelectorAll('.pt .pc').length") == 32
    if page.touch:  # 炮二平五 with two taps; the cannon's points show while it is held
        point(page, "h2")
        assert page.call("selected") == "h2"
        targets = page.driver.find_elements("css selector", ".pt.tgt")
        assert {e.get_attribute("data-sq") for e in targets} >= {"e2", "h9", "h3", "h6"}
        assert "h7" not in {e.get_attribute("data-sq") for e in targets}, "the cannon needs a screen to take"
        assert page.driver.find_elements("css selector", ".pt.tgt.cap")[0].get_attribute("data-sq") == "h9"
        point(page, "e2")
        played = "h2e2"
    else:  # 炮八平五 with the keyboard: the cursor starts on the cannon at b2
        page.press("Enter")
        assert page.call("selected") == "b2"
        page.press("ArrowRight", 3)
        page.press("Enter")
        played = "b2e2"
    page.wait(lambda: page.call("turn") == "r" and page.call("last") != played, 20, "the computer did not answer")
    assert played not in page.call("moves") and page.call("board")[7][4] == "C"
    page.shot("xiangqi")
    if not page.touch:  # Undo takes back the answer and the move
        page.press("u")
        assert page.call("fen").startswith("rnbakabnr/9/1c5c1") and len(page.call("moves")) == 44
    # two chariots: the second closes the back rank, a mate
    assert page.call("setup", "4k4/R8/1R7/9/9/9/9/9/9/3K5 w")
    point(page, "b7", "b9")
    ended_with_score(page, "won")
    assert page.call("result") == {"over": "checkmate", "winner": 0}
    assert page.state()["score"] == 3 and page.hud("best") == "3"
    assert "Checkmate" in page.overlay()
    # next game the computer has Red and moves first; the board turns so Black is at the bottom
    page.tap("[data-fg=ov-button]")
    assert page.call("human") == "b" and page.call("flipped")
    idle(page)
    assert page.call("turn") == "b" and page.call("last")
    bottom = page.js("return document.querySelector(\".pt[data-sq='e9']\").getBoundingClientRect().top")
    top = page.js("return document.querySelector(\".pt[data-sq='e0']\").getBoundingClientRect().top")
    assert bottom > top, "Black's back rank is at the bottom"
    # the general's only move walks into the chariots' mate
    assert page.call("setup", "4k4/R8/1R7/9/9/9/9/9/9/3K5 b")
    assert page.call("moves") == ["e9f9"]
    point(page, "e9", "f9")
    ended_with_score(page, "lost")
    assert page.call("result")["winner"] == 0 and page.call("run") == 0
    page.tap("[data-fg=ov-button]")
    assert page.state()["score"] == 0 and page.hud("best") == "3" and page.call("human") == "r"


def test_xiangqi_two_players(open_game) -> None:
    page = open_game("xiangqi", "phone", cfg=config(lang="zh-Hant", players=2))
    assert page.call("players") == 2 and not page.call("flipped")
    point(page, "h2", "h9")  # the cannon jumps the black cannon and takes the horse
    assert page.call("board")[0] == "rnbakabCr" and page.call("lastText") == "炮二進七"
    point(page, "i9", "h9")  # the chariot takes it back
    assert page.call("board")[0] == "rnbakabr." and page.call("turn") == "r"
    assert "紅方走棋" in page.text("[data-fg=status]")
    # Red leaves Black's general no move at all (困斃): that is a loss for Black
    assert page.call("setup", "4k4/R8/9/9/9/9/9/9/6R2/3K5 w")
    point(page, "g1", "f1")
    page.wait_status("won", timeout=10)
    assert "紅方獲勝" in page.overlay() and "困斃" in page.overlay()
    assert page.hud("red") == "1" and page.hud("black") == "0"
    # the next game Black mates with two chariots
    page.tap("[data-fg=ov-button]")
    assert page.call("setup", "3k5/9/9/9/9/9/9/1r7/r8/5K3 b")
    point(page, "b2", "b0")
    page.wait_status("won", timeout=10)
    assert "黑方獲勝" in page.overlay() and "將死" in page.overlay() and page.hud("black") == "1"
    page.shot("xiangqi-2p")


def test_xiangqi_flying_general_and_check_on_the_page(open_game) -> None:
    page = open_game("xiangqi", "desktop", cfg=config(lang="zh-Hans", players=2))
    # the cannon between the generals may not leave the file
    assert page.call("setup", "4k4/9/9/9/4C4/9/9/9/9/4K4 w")
    point(page, "e5")
    targets = {e.get_attribute("data-sq") for e in page.driver.find_elements("css selector", ".pt.tgt")}
    assert targets == {"e1", "e2", "e3", "e4", "e6", "e7", "e8"}
    point(page, "d5")  # not a legal point: nothing moves
    assert page.call("board")[4] == "....C...." and page.call("turn") == "r"
    # a check is shown on the general and in the status line
    assert page.call("setup", "4k4/9/9/9/9/9/9/9/9/R2K5 w")
    point(page, "a0", "a9")
    assert page.driver.find_elements("css selector", ".pt.chk[data-sq='e9']")
    assert "将军" in page.text("[data-fg=status]") and page.call("lastText") == "俥九进九"


# ---------- bingo

PLAIN = list(range(1, 26))
# the same numbers spread so that BEFORE makes no line on it, with 13 or without
SCRAMBLED = [1, 19, 12, 5, 23, 16, 9, 2, 20, 13, 6, 24, 17, 10, 3, 21, 14, 7, 25, 18, 11, 4, 22, 15, 8]
BEFORE = [*range(1, 13), 14, 15]  # the top two rows and four of the middle row of PLAIN


def square(page: GamePage, i: int) -> None:
    page.tap(f".cl[data-i='{i}']")


def fill_and_start(page: GamePage) -> None:
    """Places the first numbers by hand (taps on the phone, keys on the desktop), shuffles the rest, starts."""
    if page.touch:
        for i in (0, 1, 2):
            square(page, i)
        square(page, 1)  # a second tap takes 2 off again; the next tap puts it back
        assert page.call("card")[:3] == [1, None, 3]
        square(page, 1)
        page.tap("button[data-key=s]")
        assert page.find("button[data-key=g]").is_enabled()
        page.tap("button[data-key=g]")
    else:
        page.press("Enter")
        page.press("ArrowRight")
        page.press("Enter")
        page.press("s")
        page.press("g")
    assert page.call("phase") == "play"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_bingo_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("bingo", viewport, speed="fast" if viewport == "phone" else "normal")
    assert page.call("phase") == "setup" and page.call("size") == 5 and page.call("target") == 3
    assert page.call("numbers") == PLAIN and page.call("card") == [None] * 25
    assert "1" in page.text("[data-fg=status]") and not page.find("button[data-key=g]").is_enabled()
    fill_and_start(page)
    card = page.call("card")
    assert sorted(card) == PLAIN and card[:2] == [1, 2]
    assert page.call("turn") == 0 and "call" in page.text("[data-fg=status]").lower()
    square(page, 12)  # the person calls the middle number; the computer answers with one of its own
    page.wait(lambda: len(page.call("called")) == 2, 10, "the computer did not call")
    first, answer = page.call("called")
    assert first == card[12] and answer != first and answer in PLAIN and page.call("callers") == [0, 1]
    assert page.js("return document.querySelectorAll('.cl.hit').length") == 2
    page.shot("bingo")
    # two lines and four of a third: the middle number finishes it (and none of the computer's)
    assert page.call("setup", PLAIN, SCRAMBLED, BEFORE, 0)
    assert page.call("lines") == [2, 0]
    square(page, 12)
    ended_with_score(page, "won")
    assert page.call("result")["lines"] == [3, 0] and page.state()["score"] == 3 and page.hud("best") == "3"
    assert "3 lines" in page.overlay()
    assert page.js("return document.querySelectorAll('.fg-board svg line').length") == 3
    # the next round the computer calls first; then it finishes its own third line before the person does
    page.tap("[data-fg=ov-button]")
    assert page.call("phase") == "setup" and page.call("called") == []
    fill_and_start(page)
    page.wait(lambda: len(page.call("called")) == 1 and page.call("turn") == 0, 10, "the computer did not call first")
    assert page.call("callers") == [1]
    assert page.call("setup", SCRAMBLED, PLAIN, BEFORE, 0)
    square(page, SCRAMBLED.index(20))
    ended_with_score(page, "lost")
    assert page.call("called")[-2:] == [20, 13] and page.call("run") == 0
    assert page.js("return document.querySelectorAll('.mini i').length") == 25
    page.tap("[data-fg=ov-button]")
    assert page.state()["score"] == 0 and page.hud("best") == "3"


def test_bingo_two_players_by_taps(open_game) -> None:
    page = open_game("bingo", "phone", cfg=config(lang="zh-Hans", players=2, min=1, max=9, target=1))
    assert page.call("size") == 3 and page.call("numbers") == list(range(1, 10))
    page.tap("button[data-key=s]")  # player one shuffles
    page.tap("button[data-key=g]")
    assert page.call("covered") and "交给玩家二" in page.text("[data-fg=cover]")
    page.tap("[data-fg=cover]")
    for i in range(9):  # player two places 1..9 in reading order
        square(page, i)
    assert page.call("card") == list(range(1, 10))
    page.tap("button[data-key=g]")
    for _ in range(9):
        if page.state()["status"] != "playing":
            break
        page.wait(lambda: page.call("covered") or page.state()["status"] != "playing", 5, "no cover")
        if page.state()["status"] != "playing":
            break
        who = page.call("turn")
        page.tap("[data-fg=cover]")
        assert page.call("viewer") == who and not page.call("covered")
        called = page.call("called")
        card = page.call("card")
        square(page, next(i for i, x in enumerate(card) if x not in called))
        assert len(page.call("called")) == len(called) + 1
        page.wait(lambda: not page.call("thinking") or page.state()["status"] != "playing", 5, "no pass")
    status = page.wait_status("won", "draw", timeout=10)
    result = page.call("result")
    assert max(result["lines"]) >= 1
    assert ("获胜" in page.overlay()) == (status == "won")
    assert page.hud("player_1") == str(int(result["winner"] == 0))
    page.shot("bingo-2p")


def test_bingo_typed_calls_and_a_tie(open_game) -> None:
    page = open_game("bingo", "desktop", cfg=config(lang="zh-Hant", target=5, difficulty="hard", items=["⭐"]))
    assert page.call("target") == 5 and page.text(".pips").replace("\n", "") == "BINGO"
    # both cards the same: every line comes to both at once
    assert page.call("setup", PLAIN, PLAIN, list(range(1, 21)), 0)
    assert page.call("lines") == [4, 4]
    page.press("2")
    page.press("1")
    assert "叫 21" in page.text("[data-fg=status]")
    page.press("Enter")
    page.wait_status("draw", timeout=10)
    assert "同時連成 5 條線" in page.overlay() and page.state()["score"] == 1
    assert page.call("result")["lines"] == [6, 6]
    assert page.js("return getComputedStyle(document.querySelector('.cl.hit'), '::after').content") == '"⭐"'


# ---------- every game here


HOSTILE = {
    "items": ["</script><script>window.__pwned = 1</script>", None, {"x": 1}, "", "🐉" * 200],
    "size": 10**9,
    "min": -(10**12),
    "max": "x",
    "target": 10**6,
    "players": 7,
    "difficulty": ["x"],
    "speed": "warp",
    "sound": "yes",
}


@pytest.mark.parametrize("name", ["xiangqi", "bingo"])
def test_games_survive_hostile_params_and_pause(open_game, name: str) -> None:
    cfg = config(lang="zh-Hant", **HOSTILE)
    cfg["title"] = "</script><b>bold</b> " + "長" * 300
    cfg["seed"] = "not a number"
    cfg["theme"] = {"primary": "red; }", "background": 3, "surface": None, "text": "#zzz"}
    page = open_game(name, "phone", cfg)
    assert page.js("return window.__pwned === undefined && document.querySelectorAll('b').length > 0")
    assert page.text("h1").startswith("</script><b>bold</b>")
    assert page.state()["status"] == "playing"
    assert page.call("players") == 2 and page.call("difficulty") == "normal"
    assert page.js("return document.documentElement.scrollWidth;") <= 392
    assert page.find("[data-fg=sound]").get_attribute("aria-pressed") == "false"
    board = page.call("board")
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "paused" and "已暫停" in page.overlay()
    page.press("Enter")
    page.tap(page.at(".fg-stage", 0.3, 0.9))
    assert page.call("board") == board, "a paused game must not move"
    page.press("Escape")
    assert page.state()["status"] == "playing"
    assert page.text("[data-fg=status]")
