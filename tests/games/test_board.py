"""The board games (chess, checkers, connect four, gomoku, reversi) in a real browser.

Each loads with a fixed seed on a desktop and on a 390x844 touch screen, answers real taps and key presses
(helped by the exposed hooks to set up a position where a whole game would take too long), reaches a win, a loss
or a draw, and shows its score; a screenshot of each is kept in bench/results/game-shots/.
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


# ---------- chess


def chess_tap(page: GamePage, *squares: str) -> None:
    for square in squares:
        page.tap(f".sq[data-sq='{square}']")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_chess_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("chess", viewport, difficulty="normal")
    assert page.state()["status"] == "playing" and page.call("turn") == "w"
    assert len(page.call("moves")) == 20
    if page.touch:  # e2-e4 with two taps; the legal targets show while the pawn is held
        chess_tap(page, "e2")
        assert page.call("selected") == "e2"
        targets = page.driver.find_elements("css selector", ".sq.tgt")
        assert sorted(e.get_attribute("data-sq") for e in targets) == ["e3", "e4"]
        chess_tap(page, "e4")
    else:  # the same with the keyboard: the cursor starts on e2
        page.press("Enter")
        assert page.call("selected") == "e2"
        page.press("ArrowUp", 2)
        page.press("Enter")
    page.wait(lambda: page.call("last") != "e2e4" and page.call("turn") == "w", 20, "the computer did not answer e4")
    assert "e2e4" not in page.call("moves")
    # a back-rank mate in one for White: the person wins
    assert page.call("setup", "6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1")
    chess_tap(page, "a1", "a8")
    ended_with_score(page, "won")
    assert page.call("result") == {"over": "checkmate", "winner": 0}
    assert page.state()["score"] == 3 and page.hud("best") == "3"
    assert "Checkmate" in page.overlay()
    page.shot("chess")
    # next game: a blunder lets the computer mate on the back rank
    page.tap("[data-fg=ov-button]")
    assert page.state()["status"] == "playing" and page.call("fen").startswith("rnbqkbnr/pppppppp")
    assert page.call("setup", "r5k1/5ppp/8/8/8/1P6/5PPP/6K1 w - - 0 1")
    chess_tap(page, "b3", "b4")
    ended_with_score(page, "lost")
    assert page.call("last") == "a8a1" and page.call("run") == 0
    page.tap("[data-fg=ov-button]")
    assert page.state()["score"] == 0 and page.hud("best") == "3"


def test_chess_fools_mate_two_players(open_game) -> None:
    page = open_game("chess", "phone", cfg=config(lang="zh-Hans", players=2))
    for move in ("f2", "f3", "e7", "e5", "g2", "g4", "d8", "h4"):
        chess_tap(page, move)
    page.wait_status("won", timeout=10)
    assert "黑方获胜" in page.overlay() and "将死" in page.overlay()
    assert page.hud("black") == "1" and page.hud("white") == "0"
    page.shot("chess-2p")


def test_chess_promotion_choice_and_stalemate(open_game) -> None:
    page = open_game("chess", "phone", cfg=config(lang="zh-Hant", players=2))
    assert page.call("setup", "8/4P3/8/8/8/k7/8/K7 w - - 0 1")
    chess_tap(page, "e7", "e8")
    assert page.call("promoting")
    page.tap("[data-promo='n']")
    assert page.call("fen").startswith("4N3/")
    # a stalemate is a draw
    assert page.call("setup", "k7/8/1Q6/8/8/8/8/7K w - - 0 1")
    chess_tap(page, "h1", "g2")
    page.wait_status("draw", timeout=10)
    assert "逼和" in page.overlay()


# ---------- checkers


def cell(page: GamePage, i: int) -> None:
    page.tap(f".sq[data-i='{i}']")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_checkers_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("checkers", viewport, difficulty="easy", items=["⭐"])
    assert page.state()["status"] == "playing" and len(page.call("moves")) == 7
    if page.touch:  # a man from a3 (row 5, column 0) to b4
        cell(page, 40)
        assert page.call("path") == [40]
        cell(page, 33)
    else:  # the same with the keyboard: the cursor starts there
        page.press("Enter")
        assert page.call("path") == [40]
        page.press("ArrowUp")
        page.press("ArrowRight")
        page.press("Enter")
    page.wait(lambda: page.call("turn") == 0 and page.call("last") and page.call("last")[0] < 24, 20, "no answer")
    assert page.call("board")[4][1] == "b"
    # a double jump, hop by hop, that takes the computer's last two men and crowns the jumper: a win
    assert page.call("setup", ["........", "....w...", "........", "..w.....", ".b......", *["........"] * 3])
    cell(page, 33)
    cell(page, 19)
    assert page.call("path") == [33, 19] and page.call("hint") == "Keep jumping"
    cell(page, 5)
    ended_with_score(page, "won")
    assert page.call("board")[0][5] == "B" and page.state()["score"] == 3
    page.shot("checkers")
    # a lost game: the only move walks into a capture of the last man
    page.tap("[data-fg=ov-button]")
    assert page.call("setup", [*["........"] * 3, "..w.....", "........", "b.......", *["........"] * 2])
    cell(page, 40)
    cell(page, 33)
    ended_with_score(page, "lost")
    assert page.call("run") == 0


def test_checkers_two_players_forced_capture(open_game) -> None:
    page = open_game("checkers", "phone", cfg=config(lang="zh-Hant", players=2))
    for i in (42, 35, 21, 28):  # player one's man to row 4, player two's next to it
        cell(page, i)
    assert page.call("turn") == 0
    # player one must now take: a man that cannot capture is refused with a hint
    cell(page, 44)
    assert page.call("path") == [] and page.call("hint") == "有子可吃時必須吃"
    assert page.call("moves") == [[35, 21]]
    cell(page, 35)
    cell(page, 21)
    assert page.call("turn") == 1 and page.call("board")[3][4] == "."
    page.shot("checkers-2p")


# ---------- connect four


def column(page: GamePage, c: int) -> None:
    page.tap(f".hole[data-r='0'][data-c='{c}']")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_connect4_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("connect4", viewport, difficulty="hard", items=["🐱", "🐶"])
    assert page.call("cols") == 7 and page.call("rows") == 6 and page.call("turn") == 1
    if page.touch:
        column(page, 3)
    else:
        page.press("ArrowLeft")
        page.press("Enter")
    idle(page)
    board = page.call("board")
    assert board[5][3 if page.touch else 2] == "1" and "".join(board).count("2") == 1
    assert "🐱" in page.text(".fg-board")
    # three in the bottom row with the fourth cell free: the person completes it
    page.call("setup", [".......", ".......", ".......", ".......", "....2..", "111.22."], 1)
    if page.touch:
        page.tap(".hole[data-r='2'][data-c='3']")  # any cell of a column drops into it
    else:
        page.press("4")
    ended_with_score(page, "won")
    assert page.call("result")["line"] == [[5, 0], [5, 1], [5, 2], [5, 3]]
    page.shot("connect4")
    # the next round the computer starts; it takes the four it is given
    page.tap("[data-fg=ov-button]")
    idle(page)
    assert "".join(page.call("board")).count("2") == 1
    page.call("setup", [".......", ".......", ".......", ".......", ".......", "222.11."], 1)
    if page.touch:
        column(page, 6)
    else:
        page.press("7")
    ended_with_score(page, "lost")
    assert page.call("board")[5][:4] == "2222"


def test_connect4_two_players_fill_a_column(open_game) -> None:
    page = open_game("connect4", "phone", cfg=config(lang="zh-Hans", players=2, size=9))
    assert page.call("cols") == 9 and page.call("rows") == 8
    for c in (0, 1, 0, 1, 0, 1, 0):
        column(page, c)
    page.wait_status("won", timeout=10)
    assert "玩家一获胜" in page.overlay() and page.hud("player_1") == "1"
    assert [row[0] for row in page.call("board")][-4:] == ["1", "1", "1", "1"]
    page.shot("connect4-2p")


# ---------- gomoku


def point(page: GamePage, x: int, y: int, n: int, twice: bool) -> None:
    """A tap on a point of the board (twice on a phone-sized board: aim, then place)."""
    spot = page.at("canvas", (x + 0.5) / n, (y + 0.5) / n)
    page.tap(spot)
    if twice:
        assert page.call("ghost") == [x, y]
        page.tap(spot)


def rows_with(n: int, stones: dict[tuple[int, int], str]) -> list[str]:
    return ["".join(stones.get((x, y), ".") for x in range(n)) for y in range(n)]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_gomoku_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("gomoku", viewport, difficulty="normal")
    n = page.call("size")
    assert n == 15 and page.call("mine") == 1
    if page.touch:
        point(page, 7, 7, n, twice=True)
    else:
        page.press("Enter")  # the cursor starts in the middle
    idle(page)
    board = page.call("board")
    assert board[7][7] == "X" and "".join(board).count("O") == 1
    # four black stones with an open end: the fifth wins
    stones = {(x, 7): "X" for x in range(3, 7)} | {(3, 3): "O", (4, 4): "O", (10, 10): "O", (11, 3): "O"}
    page.call("setup", rows_with(n, stones), 1)
    point(page, 7, 7, n, twice=page.touch)
    ended_with_score(page, "won")
    assert len(page.call("result")["line"]) == 5
    page.shot("gomoku")
    # the next round the computer has black and moves first; given an open four, it wins
    page.tap("[data-fg=ov-button]")
    idle(page)
    assert page.call("mine") == 2 and "".join(page.call("board")).count("X") == 1
    stones = {(7, y): "X" for y in range(4, 8)} | {(1, 1): "O", (2, 2): "O", (13, 13): "O"}
    page.call("setup", rows_with(n, stones), 2)
    point(page, 0, 14, n, twice=page.touch)
    ended_with_score(page, "lost")
    assert page.call("run") == 0


def test_gomoku_two_players_small_board(open_game) -> None:
    page = open_game("gomoku", "phone", cfg=config(lang="zh-Hant", players=2, size=9, items=["🐼", "🐯"]))
    n = page.call("size")
    assert n == 9
    # with nine lines the points are big enough for one tap each
    for x in range(4):
        point(page, x, 2, n, twice=False)
        point(page, x, 6, n, twice=False)
    assert page.call("result") is None
    point(page, 4, 2, n, twice=False)
    page.wait_status("won", timeout=10)
    assert "玩家一獲勝" in page.overlay() and page.hud("player_1") == "1"
    page.shot("gomoku-2p")


# ---------- reversi


def square(page: GamePage, x: int, y: int) -> None:
    page.tap(f".sq[data-x='{x}'][data-y='{y}']")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_reversi_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("reversi", viewport, difficulty="normal")
    assert page.call("size") == 8 and page.call("mine") == 1
    assert sorted(page.call("moves")) == [[2, 3], [3, 2], [4, 5], [5, 4]]
    if page.touch:
        square(page, 2, 3)
    else:
        page.press("Enter")  # the cursor starts on d3
    idle(page)
    assert page.call("counts")["empty"] == 58 and page.call("turn") == 1
    # a move after which white has none: white passes and black plays again, then takes the last white disc
    page.call("setup", ["XO.O....", *["........"] * 7], 1)
    square(page, 2, 0)
    assert page.call("turn") == 1 and page.call("note") == "Computer has no move and passes"
    assert page.call("board")[0] == "XXXO...."
    square(page, 4, 0)
    ended_with_score(page, "won")
    assert page.call("result")["count"] == {"1": 5, "2": 0, "empty": 59}
    page.shot("reversi")
    # the next round the computer has black; its last move of a full board wins
    page.tap("[data-fg=ov-button]")
    idle(page)
    assert page.call("mine") == 2
    page.call("setup", ["XXXXXXXX"] * 3 + ["OOOOOOOO"] * 4 + ["XXXXXXX."], 1)
    ended_with_score(page, "lost")
    # four flips up the column and four on the diagonal
    assert page.call("result")["count"] == {"1": 40, "2": 24, "empty": 0}
    assert "24 : 40" in page.overlay()


def test_reversi_two_players_a_whole_game_by_taps(open_game) -> None:
    page = open_game("reversi", "phone", cfg=config(lang="zh-Hans", players=2, size=6))
    assert page.call("size") == 6
    for _ in range(40):
        if page.state()["status"] != "playing" or page.call("result"):
            break
        x, y = sorted(page.call("moves"))[0]
        square(page, x, y)
    status = page.wait_status("won", "draw", timeout=10)
    counts = page.call("result")["count"]
    assert counts["1"] + counts["2"] + counts["empty"] == 36
    assert ("获胜" in page.overlay()) == (status == "won")
    page.shot("reversi-2p")


# ---------- every board game


HOSTILE = {
    "items": ["</script><script>window.__pwned = 1</script>", None, {"x": 1}, "", "🐉" * 200],
    "size": 10**9,
    "players": 7,
    "difficulty": ["x"],
    "speed": "warp",
    "sound": "yes",
}
SIZES = {"chess": None, "checkers": None, "connect4": ("cols", 10), "gomoku": ("size", 19), "reversi": ("size", 10)}


@pytest.mark.parametrize("name", list(SIZES))
def test_board_games_survive_hostile_params_and_pause(open_game, name: str) -> None:
    cfg = config(lang="zh-Hant", **HOSTILE)
    cfg["title"] = "</script><b>bold</b> " + "長" * 300
    cfg["seed"] = "not a number"
    cfg["theme"] = {"primary": "red; }", "background": 3, "surface": None, "text": "#zzz"}
    page = open_game(name, "phone", cfg)
    assert page.js("return window.__pwned === undefined && document.querySelectorAll('b').length > 0")
    assert page.text("h1").startswith("</script><b>bold</b>")
    assert page.state()["status"] == "playing"
    assert page.call("players") == 2 and page.call("difficulty") == "normal"  # seven players: the most there can be
    if SIZES[name]:
        hook, size = SIZES[name]
        assert page.call(hook) == size
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
    assert page.text("[data-fg=status]") and page.hud("player_1" if name != "chess" else "white") == "0"
