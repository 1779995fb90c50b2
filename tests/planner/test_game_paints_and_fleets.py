"""What a sentence says about a game's look and its board reaches the page's params: the colours a page paints
with (breakout's bricks, the snake) beside what they paint, in the three languages; battleship's board size and
number of ships, clamped to what the page allows, with a note when they were out of it; pong's players from
the keys of a left and a right player."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec, GameComponent
from generator.planner import plan
from generator.planner.patterns.game_catalogue import catalogue
from generator.planner.patterns.game_edit import follow_up

RAINBOW = next(p.colors for p in catalogue().palettes if p.name == "rainbow")
HEX = {c.name: c.hex for c in catalogue().colours}


def _game(spec: AppSpec) -> GameComponent:
    return next(c for c in spec.components() if isinstance(c, GameComponent))


@pytest.mark.parametrize(
    ("idea", "game", "colours"),
    [
        ("breakout with rainbow bricks", "breakout", RAINBOW),
        ("a brick breaker with red and blue bricks", "breakout", [HEX["red"], HEX["blue"]]),
        ("打砖块游戏，彩虹色的砖块", "breakout", RAINBOW),
        ("打磚塊，紅色和黃色的磚", "breakout", [HEX["red"], HEX["yellow"]]),
        ("a green snake game", "snake", [HEX["green"]]),
        ("貪食蛇遊戲，彩虹蛇", "snake", RAINBOW),
        ("a snake game where you eat red apples", "snake", []),  # the apples are red, not the snake
        ("打砖块，蓝色主题，球是红色的", "breakout", []),  # the theme and the ball, not the bricks
        ("俄罗斯方块，彩虹色的方块", "tetris", RAINBOW),
        ("a tetris game with red and blue pieces", "tetris", [HEX["red"], HEX["blue"]]),
        ("a memory game with red cards", "memory", []),  # memory paints with no colours
    ],
)
def test_colours_beside_what_a_page_paints_reach_it(idea: str, game: str, colours: list[str]) -> None:
    spec = plan(idea).spec
    component = _game(spec)
    assert component.game == game
    assert component.params.colors == colours
    body = next(c.body for c in spec.components() if c.kind == "text")  # type: ignore[union-attr]
    said = {"en": "Colours:", "zh-Hans": "颜色：", "zh-Hant": "顏色："}[spec.brief.language]
    assert (said in body) == bool(colours)


@pytest.mark.parametrize(
    ("idea", "size", "ships", "notes"),
    [
        ("battleship with 3 ships on an 8x8 grid", 8, 3, 0),
        ("battleship, 7x7 board, five ships, hard", 7, 5, 0),
        ("海战棋，6乘6的海域，两艘战舰", 6, 2, 0),
        ("海戰棋遊戲，8x8，三艘戰艦", 8, 3, 0),
        ("a battleship game on a 12x12 board with 10 ships", 10, 8, 2),
        ("battleship", 10, None, 0),
    ],
)
def test_battleship_reads_its_board_and_fleet(idea: str, size: int, ships: int | None, notes: int) -> None:
    spec = plan(idea).spec
    params = _game(spec).params
    assert (_game(spec).game, params.size, params.ships) == ("battleship", size, ships)
    assert len(spec.brief.left_out) == notes
    if notes:
        assert any("1 to 8" in item.reason for item in spec.brief.left_out)


@pytest.mark.parametrize(
    ("idea", "players"),
    [
        ("pong where the left player uses W and S and the right player uses the arrow keys", 2),
        ("乒乓球游戏，左边的玩家用W和S，右边的玩家用方向键", 2),
        ("乒乓遊戲，左邊玩家用W S鍵，右邊玩家用方向鍵", 2),
        ("classic pong with W/S and arrow keys", 1),  # against the computer, both sets move your paddle
        ("pong against the computer", 1),
    ],
)
def test_pong_keys_for_a_left_and_a_right_player_mean_two_players(idea: str, players: int) -> None:
    component = _game(plan(idea).spec)
    assert (component.game, component.params.players) == ("pong", players)


def test_a_follow_up_recolours_and_refits_the_fleet() -> None:
    spec = plan("breakout").spec
    notes = follow_up(spec, "make the bricks rainbow")
    assert _game(spec).params.colors == RAINBOW and notes == ["Breakout: Colours: rainbow colours"]
    spec = plan("海战棋").spec
    follow_up(spec, "改成8x8的海域，3艘战舰")
    assert (_game(spec).params.size, _game(spec).params.ships) == (8, 3)
