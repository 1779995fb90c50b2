"""Puzzle games in a real browser (desktop and phone): sudoku, minesweeper, the sliding puzzle, Lights Out, Simon and
the picture puzzle. Each is loaded with a fixed seed, played through real key presses, taps and swipes (helped by the
exposed hooks where a whole game would take too long), brought to a win or a loss, and photographed."""

from __future__ import annotations

import heapq
import re
import time

import pytest
from game_support import GAMES_DIR, config

VIEWPORTS = ["desktop", "phone"]


def cells_with(page, cls: str) -> list[int]:
    return [int(i) for i in page.js(f"return [...document.querySelectorAll('.{cls}')].map((e) => e.dataset.i);")]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_sudoku_is_solved_with_taps_keys_and_notes(open_game, viewport: str) -> None:
    page = open_game("sudoku", viewport, difficulty="easy")
    st = page.state()
    assert st["status"] == "ready" and st["size"] == 9 and st["difficulty"] == "easy"
    grid, solution, given = page.call("grid"), page.call("solution"), page.call("given")
    assert [v for v in grid if v] and all(not v or v == solution[i] for i, v in enumerate(grid))
    empty = [i for i in range(81) if not given[i]]
    assert len(empty) == 81 - page.call("clues")

    # A wrong digit that repeats one in its row is marked as a conflict (both cells).
    first = empty[0]
    row = first // 9
    clash = next(grid[row * 9 + c] for c in range(9) if grid[row * 9 + c])
    page.tap(f'[data-i="{first}"]')
    assert page.call("selected") == first and page.state()["status"] == "playing"
    if page.touch:
        page.tap(f'.fg-ctl [data-key="{clash}"]')
    else:
        page.press(str(clash))
    assert first in page.call("conflicts") and first in cells_with(page, "bad")
    page.press("Backspace") if not page.touch else page.tap('.fg-ctl [data-key="Backspace"]')
    assert page.call("grid")[first] == 0 and not page.call("conflicts")

    # Notes: pencil marks go in and come out; undo brings back the last state.
    page.tap('.fg-ctl [data-key="n"]')
    assert page.call("notesMode") is True
    for d in (1, 2):
        page.tap(f'.fg-ctl [data-key="{d}"]')
    assert page.call("notes")[first] == [1, 2]
    page.tap('.fg-ctl [data-key="z"]')
    assert page.call("notes")[first] == [1]
    page.tap('.fg-ctl [data-key="n"]')
    assert page.call("notesMode") is False

    # Fill all but the last two cells through the hook, then finish with real input.
    for i in empty[:-2]:
        assert page.call("place", i, solution[i])
    for i in empty[-2:]:
        page.tap(f'[data-i="{i}"]')
        if page.touch:
            page.tap(f'.fg-ctl [data-key="{solution[i]}"]')
        else:
            page.press(str(solution[i]))
    assert page.wait_status("won") == "won"
    assert page.call("grid") == solution
    assert "Solved" in page.overlay() and ":" in page.hud("score")
    page.shot()


def test_sudoku_keyboard_moves_the_selection_and_sizes_clamp(open_game) -> None:
    page = open_game("sudoku", "desktop", size=6, difficulty="hard")
    assert page.state()["size"] == 6 and len(page.call("grid")) == 36
    page.press("ArrowRight")
    assert page.call("selected") == 0
    page.press("ArrowDown")
    page.press("ArrowLeft")
    assert page.call("selected") == 11
    page = open_game("sudoku", "desktop", cfg=config(lang="zh-Hant", size=10**9, difficulty="impossible"))
    assert page.state()["size"] == 9 and page.state()["difficulty"] == "normal"
    assert "筆記" in page.text(".fg-ctl") and "用時" in page.text("header")


def long_press(page, target: str, seconds: float = 0.6) -> None:
    """Holds a finger (phone) or the right mouse button (desktop) on the target."""
    x, y = page.point(target)
    cdp = page.driver.execute_cdp_cmd
    if page.touch:
        cdp("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": x, "y": y, "id": 0}]})
        time.sleep(seconds)
        cdp("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        for kind in ("mousePressed", "mouseReleased"):
            cdp("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "right", "clickCount": 1})


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_minesweeper_first_tap_is_safe_flags_then_a_loss_and_a_win(open_game, viewport: str) -> None:
    page = open_game("minesweeper", viewport, size=9, difficulty="normal")
    st = page.state()
    assert st["size"] == 9 and st["mines"] == 12 and page.hud("mines") == "12"
    assert page.call("board")["placed"] is False
    centre = 40
    page.tap(f'[data-i="{centre}"]')
    board = page.call("board")
    assert page.state()["status"] == "playing" and board["placed"] and board["open"][centre]
    assert board["count"][centre] == 0 and sum(board["open"]) > 1 and sum(board["mine"]) == 12
    mines = [i for i, m in enumerate(board["mine"]) if m]

    # Flag a mine by long press (phone) or right click (desktop), then by the flag-mode toggle.
    long_press(page, f'[data-i="{mines[0]}"]')
    assert page.call("board")["flag"][mines[0]] and page.hud("mines") == "11"
    page.tap('.fg-ctl [data-key="m"]')
    assert page.call("flagMode") is True and "Flag" in page.text(".fg-ctl")
    page.tap(f'[data-i="{mines[1]}"]')
    assert page.call("board")["flag"][mines[1]] and page.hud("mines") == "10"
    page.tap(f'[data-i="{mines[1]}"]')
    assert not page.call("board")["flag"][mines[1]]
    page.tap('.fg-ctl [data-key="m"]')
    page.tap(f'[data-i="{mines[0]}"]')
    assert page.state()["status"] == "playing", "a flagged cell does not open"

    # Opening a mine loses and shows the mines.
    page.tap(f'[data-i="{mines[1]}"]')
    assert page.wait_status("lost") == "lost" and "Boom" in page.overlay()
    assert len(cells_with(page, "boom")) == 1
    if page.touch:
        page.shot()

    # Restart: a new field; open every safe cell (the last one by a real tap) to win.
    page.tap("[data-fg=ov-button]")
    assert page.state()["status"] == "playing" and page.call("board")["placed"] is False
    page.tap('[data-i="0"]')
    board = page.call("board")

    def neighbours(i: int) -> list[int]:
        r, c = divmod(i, 9)
        return [rr * 9 + cc for rr in range(r - 1, r + 2) for cc in range(c - 1, c + 2) if 0 <= rr < 9 and 0 <= cc < 9]

    # The last cell is a number with no zero beside it, so no flood fill can open it before the real tap.
    safe = [i for i in range(81) if not board["mine"][i] and not board["open"][i]]
    last = next(i for i in safe if all(board["mine"][j] or board["count"][j] for j in neighbours(i)))
    for i in safe:
        if i != last and not page.call("board")["open"][i]:
            page.call("dig", i)
    assert page.state()["status"] == "playing" and not page.call("board")["open"][last]
    page.tap(f'[data-i="{last}"]')
    assert page.wait_status("won") == "won" and "cleared" in page.overlay()
    assert all(page.call("board")["flag"][i] for i in range(81) if page.call("board")["mine"][i])
    if not page.touch:
        page.shot()


def test_minesweeper_keyboard_flood_and_clamped_sizes(open_game) -> None:
    page = open_game("minesweeper", "desktop", size=3, difficulty="hard")
    assert page.state()["size"] == 8 and page.state()["mines"] == 13
    page.press("ArrowUp")
    assert page.call("cursor") == 4 * 8 + 4
    page.press(" ")
    board = page.call("board")
    assert board["open"][36] and board["count"][36] == 0
    # Every opened zero has all its neighbours open (the flood fill reached the rim).
    for i in range(64):
        if board["open"][i] and board["count"][i] == 0:
            r, c = divmod(i, 8)
            for rr in range(max(0, r - 1), min(8, r + 2)):
                for cc in range(max(0, c - 1), min(8, c + 2)):
                    assert board["open"][rr * 8 + cc]
    hostile = config(lang="zh-Hans", size=10**6, difficulty=["x"])
    hostile["title"] = "</script><b>x"
    page = open_game("minesweeper", "desktop", cfg=hostile)
    assert page.state()["size"] == 16 and page.state()["difficulty"] == "normal" and "插旗" in page.text("body")
    assert page.text("h1") == "</script><b>x"


def solve_sliding(tiles: list[int], n: int) -> list[int]:
    """The indices to tap, one tile at a time, that solve a sliding puzzle (A* with Manhattan distance)."""
    goal = tuple([*range(1, n * n), 0])

    def h(state: tuple[int, ...]) -> int:
        return sum(abs(i // n - (k - 1) // n) + abs(i % n - (k - 1) % n) for i, k in enumerate(state) if k)

    start = tuple(tiles)
    frontier = [(h(start), 0, start, [])]
    seen = {start: 0}
    while frontier:
        _, g, state, path = heapq.heappop(frontier)
        if state == goal:
            return path
        gap = state.index(0)
        r, c = divmod(gap, n)
        for j in (
            gap - n if r else -1,
            gap + n if r < n - 1 else -1,
            gap - 1 if c else -1,
            gap + 1 if c < n - 1 else -1,
        ):
            if j < 0:
                continue
            nxt = list(state)
            nxt[gap], nxt[j] = nxt[j], 0
            key = tuple(nxt)
            if seen.get(key, 1 << 30) > g + 1:
                seen[key] = g + 1
                heapq.heappush(frontier, (g + 1 + h(key), g + 1, key, [*path, j]))
    raise AssertionError("unsolvable deal")


def direction(gap: int, tile: int, n: int) -> str:
    """The arrow that moves the tile at index tile into the gap."""
    return {1: "left", -1: "right", n: "up", -n: "down"}[tile - gap]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_fifteen_is_solved_by_taps_swipes_and_arrows(open_game, viewport: str) -> None:
    page = open_game("fifteen", viewport, size=4)
    tiles = page.call("tiles")
    assert page.state()["size"] == 4 and sorted(tiles) == list(range(16)) and page.call("solvable")
    # A tile not next to the gap does not move; one next to it does (a tap), and an arrow or a swipe moves another.
    gap = tiles.index(0)
    far = next(i for i in range(16) if i // 4 != gap // 4 and i % 4 != gap % 4)
    page.tap(f'[data-i="{far}"]')
    assert page.call("tiles") == tiles and page.call("moves") == 0
    near = gap + 1 if gap % 4 < 3 else gap - 1
    page.tap(f'[data-i="{near}"]')
    assert page.call("tiles")[gap] == tiles[near] and page.call("moves") == 1 and page.hud("score") == "1"
    gap = near
    dirs = [d for d, ok in (("left", gap % 4 < 3), ("right", gap % 4), ("up", gap < 12), ("down", gap >= 4)) if ok]
    if page.touch:
        page.swipe(dirs[0], ".fg-board")
    else:
        page.press({"left": "ArrowLeft", "right": "ArrowRight", "up": "ArrowUp", "down": "ArrowDown"}[dirs[0]])
    assert page.call("moves") == 2

    # A 3x3 board is solved through real input, move by move, from an A* solution.
    page = open_game("fifteen", viewport, size=3, difficulty="easy")
    tiles = page.call("tiles")
    assert page.call("solvable") and tiles != [*range(1, 9), 0]
    path = solve_sliding(tiles, 3)
    for k, j in enumerate(path):
        gap = page.call("tiles").index(0)
        if page.touch:
            page.swipe(direction(gap, j, 3), ".fg-board") if k % 4 == 0 else page.tap(f'[data-i="{j}"]')
        else:
            page.press(
                {"left": "ArrowLeft", "right": "ArrowRight", "up": "ArrowUp", "down": "ArrowDown"}[direction(gap, j, 3)]
            )
    assert page.wait_status("won") == "won" and "Solved" in page.overlay()
    assert page.call("moves") == len(path) and page.hud("score") == str(len(path))
    page.shot()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_lightsout_hint_keys_and_taps_turn_every_light_off(open_game, viewport: str) -> None:
    page = open_game("lightsout", viewport, difficulty="normal")
    lights = page.call("lights")
    assert page.state()["size"] == 5 and any(lights) and page.hud("lit") == str(sum(lights))
    solution = page.call("solution")
    assert sum(solution) == page.call("fewest") and f"{page.call('fewest')}" in page.text(".fg-msg")
    # The hint marks one press of the fewest-press solution.
    page.tap('.fg-ctl [data-key="h"]')
    hint = page.call("hintAt")
    assert solution[hint] == 1 and cells_with(page, "hint") == [hint]
    if page.touch:
        page.tap(f'[data-i="{hint}"]')
    else:
        # Keyboard: the first arrow shows the cursor in the middle; walk it to the hinted cell and press Space.
        page.press("ArrowUp")
        assert page.call("cursor") == 12
        r, c = divmod(hint, 5)
        page.press("ArrowDown" if r > 2 else "ArrowUp", abs(r - 2))
        page.press("ArrowRight" if c > 2 else "ArrowLeft", abs(c - 2))
        assert page.call("cursor") == hint
        page.press(" ")
    assert page.call("lights") != lights and page.hud("score") == "1"
    page.shot()
    for i, p in enumerate(page.call("solution")):
        if p:
            page.tap(f'[data-i="{i}"]')
    assert page.wait_status("won") == "won" and "dark" in page.overlay()
    assert not any(page.call("lights")) and page.hud("score") == str(page.call("fewest"))


def play_simon_round(page) -> None:
    """Waits for the player's turn and repeats the shown sequence (keys 1-4 on the desktop, pad taps on the phone)."""
    page.wait(lambda: page.call("phase") == "input", 15, "Simon never handed over")
    for p in page.call("sequence"):
        if page.touch:
            page.tap(f'.sm-pad[data-p="{p}"]')
        else:
            page.press(str(p + 1))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_simon_repeats_to_the_target_then_loses_on_a_wrong_pad(open_game, viewport: str) -> None:
    page = open_game("simon", viewport, target=3, speed="fast")
    assert page.state()["status"] == "ready" and page.call("target") == 3
    page.tap("[data-fg=ov-button]")
    assert page.state()["status"] == "playing"
    # While the sequence plays, the pad lights up and presses are ignored.
    page.wait(lambda: page.call("phase") == "show", 5)
    assert page.js("return document.querySelectorAll('.sm-pad.lit').length;") == 1
    for rnd in (1, 2, 3):
        assert page.call("round") == rnd
        if rnd == 3:
            page.wait(lambda: page.call("phase") == "input", 15)
            page.shot()
        play_simon_round(page)
        if rnd < 3:
            assert page.state()["score"] == rnd and page.hud("score") == str(rnd)
    assert page.wait_status("won") == "won" and "3 rounds" in page.overlay() and page.state()["score"] == 3
    # Restart: a wrong pad on the first turn loses, and the right pad is shown.
    page.tap("[data-fg=ov-button]")
    page.wait(lambda: page.call("phase") == "input", 10)
    wrong = (page.call("sequence")[0] + 1) % 4
    page.tap(f'.sm-pad[data-p="{wrong}"]') if page.touch else page.press(str(wrong + 1))
    assert page.wait_status("lost") == "lost" and "Wrong" in page.overlay() and page.state()["score"] == 0
    assert page.js("return document.querySelector('.sm-pad.miss').dataset.p;") == str(page.call("sequence")[0])


def drag(page, start: tuple[float, float], end: tuple[float, float]) -> None:
    """A real drag: a finger on the phone, the left mouse button on the desktop."""
    cdp = page.driver.execute_cdp_cmd
    steps = [(start[0] + (end[0] - start[0]) * k / 8, start[1] + (end[1] - start[1]) * k / 8) for k in range(1, 9)]
    if page.touch:
        cdp(
            "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": start[0], "y": start[1], "id": 0}]}
        )
        for x, y in steps:
            cdp("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y, "id": 0}]})
        cdp("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        mouse = {"button": "left", "clickCount": 1}
        cdp("Input.dispatchMouseEvent", {"type": "mousePressed", "x": start[0], "y": start[1], **mouse})
        for x, y in steps:
            cdp("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y, "button": "left", "buttons": 1})
        cdp("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": end[0], "y": end[1], **mouse})


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_picture_pieces_swap_by_tap_drag_and_keys_until_complete(open_game, viewport: str) -> None:
    page = open_game("picture", viewport, size=3, items=["🐢", "🌈"])
    n = 3
    perm = page.call("perm")
    assert page.state()["size"] == 3 and sorted(perm) == list(range(9)) and all(t != p for p, t in enumerate(perm))
    assert page.call("subject") in ("🐢", "🌈")

    def centre(p: int) -> tuple[float, float]:
        return page.at("canvas", (p % n + 0.5) / n, (p // n + 0.5) / n)

    # Two taps swap two pieces; tapping a piece twice only selects and unselects it.
    page.tap(centre(4))
    assert page.call("selected") == 4 and page.state()["status"] == "playing"
    page.tap(centre(4))
    assert page.call("selected") == -1
    page.tap(centre(0))
    page.tap(centre(8))
    after = page.call("perm")
    assert (after[0], after[8]) == (perm[8], perm[0]) and page.call("moves") == 1 and page.hud("score") == "1"
    # A drag swaps too.
    drag(page, centre(1), centre(3))
    assert page.call("perm")[1] == after[3] and page.call("perm")[3] == after[1] and page.call("moves") == 2
    # Peek shows the whole picture and hides it again.
    page.tap('.fg-ctl [data-key="p"]')
    assert page.call("peek") is True
    page.tap('.fg-ctl [data-key="p"]')
    assert page.call("peek") is False
    if not page.touch:
        page.press("ArrowRight")  # the cursor appears on the first piece
        page.press(" ")
        page.press("ArrowDown")
        page.press(" ")
        assert page.call("moves") == 3 and page.call("cursor") == 3
    time.sleep(0.3)  # let the swap's slide finish before the picture
    page.shot()

    # Put every piece home; the last swap by two real taps completes the picture.
    perm = page.call("perm")
    swaps = []
    for p in range(9):
        if perm[p] != p:
            q = perm.index(p)
            perm[p], perm[q] = perm[q], perm[p]
            swaps.append((p, q))
    for a, b in swaps[:-1]:
        page.call("swap", a, b)
    page.tap(centre(swaps[-1][0]))
    page.tap(centre(swaps[-1][1]))
    assert page.wait_status("won") == "won" and "complete" in page.overlay()
    assert page.call("perm") == list(range(9)) and page.hud("score") == str(page.call("moves"))


GAMES = ["sudoku", "minesweeper", "fifteen", "lightsout", "simon", "picture"]
HOSTILE = {
    "items": ["</script><script>window.__pwned = 1</script>", None, {"x": 1}, "", "🐉" * 200],
    "size": 10**9,
    "target": -5,
    "speed": "warp",
    "difficulty": 12,
    "players": 7,
    "sound": "yes",
}


@pytest.mark.parametrize("name", GAMES)
def test_puzzles_survive_hostile_params_in_traditional_chinese(open_game, name: str) -> None:
    cfg = config(lang="zh-Hant", **HOSTILE)
    cfg["title"] = "</script><b>x</b>"
    cfg["seed"] = "not a number"
    cfg["theme"] = {"primary": "red; }", "background": 3, "surface": None, "text": "#zzz"}
    page = open_game(name, "phone", cfg)
    assert page.js("return window.__pwned === undefined;") and page.text("h1") == "</script><b>x</b>"
    assert page.state()["status"] == "ready"
    assert page.js("return document.documentElement.scrollWidth;") <= 392
    assert "重新開始" in page.text("footer")
    if name == "simon":
        assert page.call("target") == 1 and "開始" in page.overlay()
        page.tap("[data-fg=ov-button]")
    else:
        page.tap('[data-i="0"]' if name in ("sudoku", "minesweeper", "lightsout") else ".fg-stage")
    assert page.wait_status("playing") == "playing"
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "paused" and "已暫停" in page.overlay()
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "playing"


@pytest.mark.parametrize("name", GAMES)
def test_every_string_in_three_languages_and_the_page_rules(name: str) -> None:
    page = (GAMES_DIR / f"{name}.html").read_text(encoding="utf-8")
    table = page[page.index("FG.strings({") : page.index("});", page.index("FG.strings({"))]
    keys = {}
    for lang in ("en", "'zh-Hans'", "'zh-Hant'"):
        block = table[table.index(f"{lang}: {{") :]
        block = block[: block.index("}")]
        keys[lang] = set(re.findall(r"(\w+): '", block))
    assert keys["en"] and keys["en"] == keys["'zh-Hans'"] == keys["'zh-Hant'"]
    assert "Math.random" not in page and '"""' not in page and "\\\n" not in page
    assert not re.search(r"(src|href)=['\"]?https?:|fetch\(|import\(", page)
    assert page.count("__FLASH_CONFIG__") == 1 and page.count("/*__FLASH_RUNTIME__*/") == 1
