"""Puzzle games in a real browser (desktop and phone): sudoku, minesweeper, the sliding puzzle, Lights Out, Simon and
the picture puzzle. Each is loaded with a fixed seed, played through real key presses, taps and swipes (helped by the
exposed hooks where a whole game would take too long), brought to a win or a loss, and photographed."""

from __future__ import annotations

import pytest
from game_support import config

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
