"""The classic games (snake, memory, 2048, whack-a-mole, typing, breakout, tic-tac-toe) in a real browser.

Each loads with a fixed seed on a desktop and on a 390x844 touch screen, answers real key presses, taps and
swipes, reaches a win, a loss or a draw, and shows its score; a screenshot of each is kept in
bench/results/game-shots/.
"""

from __future__ import annotations

import time

import pytest
from conftest import GamePage
from game_support import config

VIEWPORTS = ["desktop", "phone"]
FOOD_AHEAD = "const g = window.__game, h = g.snake()[0], d = g.dir(); g.setFood(h[0] + d[0], h[1] + d[1]);"
LINES = ((0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6))


def begin(page: GamePage) -> None:
    """Starts a game that shows its start card: a tap on Start (phone) or a key (desktop)."""
    assert page.state()["status"] == "ready"
    assert page.overlay(), "the start card is missing"
    if page.touch:
        page.tap("[data-fg=ov-button]")
    else:
        page.press("Enter")
    page.wait_status("playing")


def ended_with_score(page: GamePage, *statuses: str, timeout: float = 20) -> str:
    status = page.wait_status(*statuses, timeout=timeout)
    page.wait(lambda: page.overlay(), 3, "no end card")
    card = page.overlay()
    assert str(page.state()["score"]) in card, card
    return status


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_snake(open_game, viewport: str) -> None:
    page = open_game("snake", viewport, size=16, speed="slow", target=2, items=["🍓"])
    assert page.call("size") == 16
    if page.touch:  # a swipe up on the start card starts the game going up; the snake runs into the top wall
        assert page.state()["status"] == "ready" and page.overlay()
        page.swipe("up")
        page.wait(lambda: page.call("dir") == [0, -1], 3, "the swipe did not turn the snake")
        ended_with_score(page, "lost")
        assert "Game over" in page.overlay()
    else:  # a turn with the arrow keys, then two foods put in the snake's way: the target is reached
        begin(page)
        page.press("ArrowDown")
        page.wait(lambda: page.call("dir") == [0, 1], 3, "the key did not turn the snake")
        for eaten in (1, 2):
            # read the head and put the food on the next cell in one call, so no step of a slow page comes between
            page.js(FOOD_AHEAD)
            page.wait(lambda n=eaten: page.call("eaten") >= n, 5, "the snake did not eat")
        ended_with_score(page, "won")
        assert page.hud("score") == "2" and page.call("eaten") == 2
        assert page.hud("best") == "2"
    page.shot()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_memory(open_game, viewport: str) -> None:
    page = open_game("memory", viewport, size=3, items=["cat", "🐶", "dog"])
    cards = page.call("cards")
    assert sorted(card["face"] for card in cards) == ["cat", "cat", "dog", "dog", "🐶", "🐶"]
    # one wrong pair first: both turn back
    first = cards[0]["id"]
    wrong = next(i for i, card in enumerate(cards) if card["id"] != first)
    page.tap("[data-i='0']")
    page.tap(f"[data-i='{wrong}']")
    page.wait(lambda: not page.call("locked"), 5, "a wrong pair never turned back")
    for pair in sorted({card["id"] for card in cards}):
        for i in [i for i, card in enumerate(cards) if card["id"] == pair]:
            page.tap(f"[data-i='{i}']")
    ended_with_score(page, "won")
    assert page.state()["score"] == 4 and page.hud("moves") == "4"
    assert page.hud("pairs") == "3/3" and page.hud("best") == "4"
    page.shot()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_2048(open_game, viewport: str) -> None:
    page = open_game("g2048", viewport, size=4, target=16)
    assert page.call("target") == 16 and sum(v > 0 for row in page.call("board") for v in row) == 2
    page.call("set", [[2, 2, 0, 0], [4, 0, 4, 0], [0, 0, 0, 8], [0, 0, 0, 0]])
    if page.touch:
        page.swipe("left")
    else:
        page.press("ArrowLeft")
    page.wait(lambda: page.state()["score"] == 12, 3, "the move did not merge")
    assert page.call("board")[0][0] == 4 and page.call("board")[1][0] == 8
    page.call("set", [[8, 8, 2, 4], [2, 4, 8, 2], [4, 2, 4, 8], [2, 8, 2, 4]])
    if page.touch:
        page.swipe("right")
    else:
        page.press("d")
    ended_with_score(page, "won")
    assert page.state()["score"] == 28 and page.hud("score") == "28"
    page.shot()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_whack(open_game, viewport: str) -> None:
    page = open_game("whack", viewport, size=3, duration_s=5, speed="slow", target=2, items=["🐰"])
    begin(page)
    hits = 0
    deadline = time.monotonic() + 8
    while page.state()["status"] == "playing" and time.monotonic() < deadline:
        up = [i for i, shown in enumerate(page.call("holes")) if shown]
        if up and hits < 3:
            if page.touch:
                page.tap(f".hole[data-i='{up[0]}']")
            else:
                page.press(str(up[0] + 1))
            page.wait(lambda n=hits: page.state()["score"] > n, 2, "the hit did not count")
            hits += 1
            if hits == 2:
                page.shot()
        time.sleep(0.05)
    ended_with_score(page, "won")
    assert page.state()["score"] == 3 and page.hud("time") == "0"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_typing(open_game, viewport: str) -> None:
    page = open_game("typing", viewport, duration_s=6, items=["cat", "sun"])
    begin(page)
    page.tap("#inp")
    for _ in range(3):
        page.type_text(page.call("word") + " ")
    page.type_text("xyz\n")  # a wrong word
    page.wait(lambda: page.call("words") == 3, 3, "the typed words did not count")
    assert page.hud("score") == "3" and page.hud("accuracy") != "100%"
    page.shot()
    ended_with_score(page, "won", timeout=10)
    assert "WPM" in page.overlay()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_breakout(open_game, viewport: str) -> None:
    page = open_game("breakout", viewport, lives=1, size=3, speed="fast")
    begin(page)
    if page.touch:  # the paddle follows the finger to the far left; the launched ball falls past it
        page.tap(page.at("canvas", 0.5, 0.9))
        page.wait(lambda: page.call("ball")["served"], 3, "a tap did not launch")
        page.swipe("left", page.at("canvas", 0.3, 0.5), distance=200)
        page.wait(lambda: page.call("paddle") < 120, 3, "the paddle did not follow")
        page.shot()
        ended_with_score(page, "lost", timeout=15)
    else:  # Space launches, the arrows move; three cleared walls win
        page.hold("ArrowLeft", 0.3)
        assert page.call("paddle") < 200
        page.press(" ")
        page.wait(lambda: page.call("ball")["served"], 3, "Space did not launch")
        page.shot()
        for level in (2, 3):
            page.call("clear")
            page.wait(lambda: page.call("level") == level, 3, f"no level {level}")  # noqa: B023
            page.press(" ")
            page.wait(lambda: page.call("ball")["served"], 3, "Space did not launch")
        page.call("clear")
        ended_with_score(page, "won")


RAINBOW = ["#ef4444", "#f97316", "#facc15", "#22c55e", "#3b82f6", "#6366f1", "#a855f7"]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_breakout_paints_the_bricks_in_the_colours_asked(open_game, viewport: str) -> None:
    page = open_game("breakout", viewport, size=5, colors=RAINBOW)
    rows = ["#ef4444", "#facc15", "#22c55e", "#6366f1", "#a855f7"]  # seven colours spread over five rows
    assert page.call("rowColours") == rows
    page.wait(lambda: [page.call("painted", r) for r in range(5)] == rows, 10, "the rows are not drawn in the colours")
    page.shot("breakout-rainbow")
    two = open_game("breakout", viewport, size=6, colors=["#ef4444", "#3b82f6", "not a colour"])
    assert two.call("rowColours") == ["#ef4444", "#3b82f6"] * 3  # fewer colours than rows: they repeat
    plain = open_game("breakout", viewport, size=3)
    first = plain.call("rowColours")
    assert len(set(first)) == 3 and first[0] == plain.js("return FG.colors.primary")  # shades of the theme


def test_snake_wears_the_colours_asked(open_game) -> None:
    page = open_game("snake", "desktop", colors=["#ef4444", "#facc15"])
    colours = page.call("colours")
    assert len(colours) >= 2 and colours[:2] == ["#ef4444", "#facc15"]
    one = open_game("snake", "desktop", colors=["#22c55e"]).call("colours")
    assert one[0] == "#22c55e"


def pick(board: list[str], me: str) -> int:
    """A good human move: win, block, the centre, a corner, anything."""
    empty = [i for i in range(9) if not board[i]]
    for who in (me, "O" if me == "X" else "X"):
        for line in LINES:
            marks = [board[i] for i in line]
            if marks.count(who) == 2 and marks.count("") == 1:
                return line[marks.index("")]
    for i in (4, 0, 2, 6, 8):
        if i in empty:
            return i
    return empty[0]


def play_round(page: GamePage, use_keys: bool) -> str:
    while page.state()["status"] == "playing":
        if page.call("thinking"):
            time.sleep(0.05)
            continue
        board = page.call("board")
        if any(board[a] and board[a] == board[b] == board[c] for a, b, c in LINES) or all(board):
            time.sleep(0.05)
            continue
        cell = pick(board, page.call("turn"))
        if use_keys:
            page.press(str(cell + 1))
        else:
            page.tap(f".cell[data-i='{cell}']")
        page.wait(lambda: page.call("board")[cell], 2, "the move did not land")  # noqa: B023
    return page.wait_status("won", "lost", "draw")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tictactoe(open_game, viewport: str) -> None:
    if viewport == "desktop":  # against the perfect computer with the number keys: a draw, round after round
        page = open_game("tictactoe", viewport, difficulty="hard")
        assert page.state()["status"] == "playing"
        for round_ in range(2):  # the computer starts the second round
            assert play_round(page, use_keys=True) == "draw"
            assert page.call("run") == round_ + 1
            page.tap("[data-fg=ov-button]")
        assert play_round(page, use_keys=True) == "draw"
        ended_with_score(page, "draw")
        assert page.hud("best") == "3"
    else:  # the easy computer can be beaten with taps
        page = open_game("tictactoe", viewport, difficulty="easy", items=["🐱", "🐶"])
        for _ in range(6):
            if play_round(page, use_keys=False) == "won":
                break
            page.tap("[data-fg=restart]")
        ended_with_score(page, "won")
        assert "🐱" in page.text(".fg-board")
    page.shot()


def test_tictactoe_two_players(open_game) -> None:
    page = open_game("tictactoe", "phone", cfg=config(lang="zh-Hant", players=2))
    for cell in (0, 3, 1, 4, 2):  # X takes the top row
        page.tap(f".cell[data-i='{cell}']")
    page.wait_status("won")
    assert "玩家一" in page.overlay() and page.hud("player_1") == "1"
    page.tap("[data-fg=ov-button]")
    assert page.call("turn") == "O" and page.call("board") == [""] * 9  # the other player starts the next round
    time.sleep(0.3)  # the last round's colours fade out
    page.shot("tictactoe-2p")


def test_runtime_pause_sound_restart_and_best(open_game) -> None:
    page = open_game("g2048", "desktop", cfg=config(lang="zh-Hans", size=3, target=8))
    assert page.text("[data-fg=pause]") == "暂停" and page.text("[data-fg=restart]") == "重新开始"
    assert page.find("[data-fg=sound]").get_attribute("aria-pressed") == "false"  # sound is off unless asked for
    page.tap("[data-fg=sound]")
    assert page.find("[data-fg=sound]").get_attribute("aria-pressed") == "true"
    page.call("set", [[4, 4, 0], [0, 0, 0], [0, 0, 2]])
    page.press("ArrowLeft")
    assert page.state()["status"] == "won" and page.hud("best") == "8"
    page.tap(page.at(".fg-stage", 0.05, 0.05))  # a tap beside the end card uncovers the board, another brings it back
    assert "peek" in page.find("[data-fg=overlay]").get_attribute("class")
    page.tap(page.at(".fg-stage", 0.05, 0.05))
    assert "peek" not in page.find("[data-fg=overlay]").get_attribute("class")
    page.tap("[data-fg=ov-button]")
    assert page.state()["status"] == "playing" and page.state()["score"] == 0
    board = page.call("board")
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "paused" and page.text("[data-fg=pause]") == "继续"
    page.press("ArrowRight")
    page.press("ArrowDown")
    assert page.call("board") == board, "a paused game must not move"
    page.press("Escape")
    assert page.state()["status"] == "playing"
    page.driver.refresh()  # the best score outlives the page
    page.wait(lambda: page.js("return !!window.__game;"), 10)
    assert page.hud("best") == "8" and page.state()["best"] == 8
