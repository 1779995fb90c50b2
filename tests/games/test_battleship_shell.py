"""Battleship and the shell game in a real browser, desktop and phone.

Each loads with a fixed seed, answers real taps and key presses (the exposed hooks say where the enemy ships and the
pea are, and hurry the computer or the shuffle where a whole game would take too long), reaches a win and a loss,
shows its score on the end card, and is photographed (bench/results/game-shots/<game>-<viewport>.png)."""

from __future__ import annotations

import time

import pytest
from conftest import GamePage
from game_support import config

VIEWPORTS = ["desktop", "phone"]


def ended(page: GamePage, status: str, timeout: float = 15) -> str:
    page.wait_status(status, timeout=timeout)
    page.wait(lambda: page.overlay(), 3, "no end card")
    card = page.overlay()
    assert str(page.state()["score"]) in card, card
    return card


# ---------------------------------------------------------------- battleship


def big_cell(page: GamePage, i: int) -> None:
    page.tap(f".fg-board > .grid [data-i='{i}']")


def place_by_taps(page: GamePage) -> None:
    """The first ship by a tap, the second turned down by Rotate (button or key R), the rest by Random."""
    n = page.state()["size"]
    assert page.call("phase") == "place"
    big_cell(page, 0)  # a ship of 5 across the top row
    assert page.call("myShips") == [[0, 1, 2, 3, 4]]
    big_cell(page, 2)  # tapping it picks it up again
    assert page.call("myShips") == []
    big_cell(page, n - 2)  # too close to the edge: pulled back inside the grid
    assert page.call("myShips") == [list(range(n - 5, n))]
    if page.touch:
        page.tap("[data-key=r]")
    else:
        page.press("r")
    assert page.call("vertical") is True
    big_cell(page, n + 1)  # a ship of 4 down from row 1
    assert page.call("myShips")[1] == [n + 1 + k * n for k in range(4)]
    big_cell(page, 1)  # a ship of 3 down from row 0 would cross the second: refused
    assert len(page.call("myShips")) == 2
    assert page.find("[data-key=s]").get_attribute("disabled") is not None, "no start before the whole fleet"
    if page.touch:
        page.tap("[data-key=g]")
    else:
        page.press("g")
    assert len(page.call("myShips")) == len(page.state()["fleetLens"])
    if page.touch:
        page.tap("[data-key=s]")
    else:
        page.press("s")
    assert page.call("phase") == "battle"


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_battleship_win_by_taps(open_game, viewport: str) -> None:
    page = open_game("battleship", viewport, cfg=config(seed=11, speed="fast"))
    assert page.state()["size"] == 10 and page.state()["fleetLens"] == [5, 4, 3, 3, 2]
    place_by_taps(page)
    targets = [i for ship in page.call("enemyShips") for i in ship]
    for fired, i in enumerate(targets, 1):
        page.wait(lambda: page.call("turn") == "you" or page.call("phase") != "battle", 5, "no answer")
        if page.call("phase") != "battle":
            break
        big_cell(page, i)
        if fired > 3 and page.call("turn") == "computer":
            page.call("computerNow")  # the computer's pause, skipped once it has been seen to answer by itself
        if fired == 3:
            time.sleep(0.2)
            page.shot("battleship")
    assert page.call("shots") == len(targets)
    card = ended(page, "won")
    assert f"{len(targets)} shots" in card
    assert int(page.state()["score"]) == len(targets) * 10 + 5 * 20 + 2 * (100 - len(targets))
    mine = page.call("mine")
    assert sum(row.count("X") + row.count("S") + row.count("o") for row in mine) == len(targets) - 1


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_battleship_loss_the_computer_never_repeats(open_game, viewport: str) -> None:
    page = open_game("battleship", viewport, cfg=config(seed=5, size=7, difficulty="hard", lang="zh-Hant"))
    assert page.state()["fleetLens"] == [4, 3, 2, 2]
    page.tap("[data-key=g]")
    page.tap("[data-key=s]")
    ships = {i for ship in page.call("enemyShips") for i in ship}
    water = [i for i in range(49) if i not in ships]
    page.call("fire", water.pop())
    big_cell(page, water.pop())  # refused: it is the computer's turn
    assert page.call("shots") == 1
    seen = []
    for _ in range(49):
        result = page.call("computerNow")  # False when its own short pause already ran out and it fired
        assert result in ("miss", "hit", "sunk", False)
        page.wait(lambda: page.call("turn") == "you" or page.call("phase") != "battle", 5, "no answer")
        if page.call("phase") != "battle":
            break
        big_cell(page, water.pop())
        seen = page.call("mine")
    text = ended(page, "lost")
    assert "你輸了" in text
    total = sum(len(s) for s in page.call("myShips"))
    assert sum(row.count("S") for row in page.call("mine")) == total
    assert len(seen) == 7


def test_battleship_keys_and_hostile_params(open_game) -> None:
    page = open_game("battleship", "desktop", cfg=config(size=99, difficulty="x", speed=None, items=[], lang="zh-Hans"))
    assert page.state()["size"] == 10
    page.press("ArrowDown")  # the cursor shows at the top left
    page.press("Enter")
    assert page.call("myShips") == [[0, 1, 2, 3, 4]]
    page.press("ArrowDown")
    page.press("r")
    page.press("Enter")
    assert page.call("myShips")[1] == [10, 20, 30, 40]
    page.press("g")
    page.press("s")
    assert page.call("phase") == "battle"
    page.press(" ")
    assert page.call("shots") == 1
    page.find("[data-fg=pause]").click()
    assert page.state()["status"] == "paused"
    page.find("[data-fg=restart]").click()
    assert page.call("phase") == "place" and page.call("myShips") == []
    small = open_game("battleship", "phone", cfg=config(size=2, title="</script><b>x"))
    assert small.state()["size"] == 6 and small.state()["fleetLens"] == [3, 3, 2]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_battleship_board_size_and_number_of_ships_from_the_params(open_game, viewport: str) -> None:
    page = open_game("battleship", viewport, size=8, ships=3)
    st = page.state()
    assert st["size"] == 8 and st["fleetLens"] == [4, 3, 2]
    assert len(page.call("mine")) == 8
    if page.touch:
        page.tap("[data-key=g]")
    else:
        page.press("g")
    assert len(page.call("myShips")) == 3
    many = open_game("battleship", viewport, size=6, ships=40)  # more than fit: eight ships, a third of the sea at most
    lens = many.state()["fleetLens"]
    assert len(lens) == 8 and sum(lens) * 3 <= 36


# ---------------------------------------------------------------- shell game


def wait_guess(page: GamePage, hurry: bool) -> None:
    if hurry:
        page.call("skip")
    page.wait(lambda: page.call("phase") == "guess", 20, "the shuffle never ended")


def shell(page: GamePage, slot: int) -> None:
    if page.touch:
        page.tap(f".cup[data-slot='{slot}']")
    else:
        page.press(str(slot + 1))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_shell_game_watch_and_win(open_game, viewport: str) -> None:
    page = open_game("shell", viewport, cfg=config(seed=4, rounds=3, speed="fast", difficulty="easy"))
    assert page.state()["shells"] == 3 and page.state()["rounds"] == 3
    start = page.call("pea")
    page.wait(lambda: page.call("phase") == "shuffle", 5, "the pea was never covered")
    swaps = page.call("swapCount")
    assert swaps == 4
    page.wait(lambda: page.call("swapsLeft") <= 2, 5)
    page.shot("shell")  # the shells mid-swap
    wait_guess(page, hurry=False)
    assert page.call("pea") in (0, 1, 2) and isinstance(start, int)
    for r in range(3):
        page.wait(lambda r=r: page.call("round") == r + 1, 5, "no next round")
        wait_guess(page, hurry=r > 0)
        assert page.find(".pea").value_of_css_property("visibility") == "hidden", "the pea is hidden while you guess"
        shell(page, page.call("pea"))
        page.wait(lambda r=r: page.call("phase") == "reveal" and page.call("right") == r + 1, 5,
                  "the right guess was not counted")  # fmt: skip
        assert page.hud("score") == str(r + 1)
    card = ended(page, "won")
    assert "3 of 3 right" in card


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_shell_game_wrong_guesses_lose(open_game, viewport: str) -> None:
    page = open_game("shell", viewport, cfg=config(seed=9, rounds=4, size=5, difficulty="hard", lang="zh-Hans"))
    assert page.state()["shells"] == 5 and page.call("swapCount") == 11
    for r in range(4):
        wait_guess(page, hurry=True)
        pea = page.call("pea")
        if r == 0:
            shell(page, pea)  # one right out of four: less than half
        else:
            shell(page, (pea + 1) % 5)
        page.wait(lambda: page.call("phase") != "reveal", 5)
    card = ended(page, "lost")
    assert "只猜对 1 / 4" in card
    page.shot("shell-zh")


def test_shell_game_lives_keys_and_hostile_params(open_game) -> None:
    page = open_game("shell", "desktop", cfg=config(seed=2, rounds=9, lives=1, size=40, speed="slow"))
    assert page.state()["shells"] == 5 and page.hud("lives") == "♥"
    wait_guess(page, hurry=True)
    pea = page.call("pea")
    page.press("ArrowRight")  # the choice appears on the first shell
    page.press("ArrowRight", (pea - 0 + 1) % 5)
    page.press("Enter")
    ended(page, "lost")
    assert page.call("lives") == 0 and page.call("round") == 1
    page.press("Enter")  # restart
    assert page.state()["status"] == "playing" and page.call("round") == 1 and page.call("lives") == 1
    odd = open_game("shell", "phone", cfg=config(size=-3, rounds=0, items=["🍒"], difficulty=7, title="</script>"))
    assert odd.state()["shells"] == 3 and odd.state()["rounds"] == 1
    assert odd.text(".pea") == "🍒"
