"""Casual games in a real browser (desktop and phone): match-3, catch the falling fruit, jump jump and falling letters.
Each is loaded with a fixed seed, played through real key presses, taps, swipes and held presses, driven by the
exposed hooks where real time would be slow or chancy (stepping the fixed-step loop, placing a falling item, aiming a
jump), brought to a win or a loss, and photographed (bench/results/game-shots/<game>-<viewport>.png)."""

from __future__ import annotations

import re

import pytest
from game_support import GAMES_DIR, config, page_html
from selenium.webdriver.common.action_chains import ActionChains

VIEWPORTS = ["desktop", "phone"]
CASUAL = ["match3", "catch", "jumpjump", "fallingletters"]


def ended(page, status: str) -> str:
    """Waits for the end card and returns its text."""
    page.wait_status(status)
    page.wait(lambda: page.overlay() != "")
    return page.overlay()


def start(page) -> None:
    """The start card's button (a tap on the phone, a click on the desktop)."""
    page.tap("[data-fg=ov-button]")
    assert page.wait_status("playing")


# ---------------------------------------------------------------- match-3


def lines(rows: list[str]) -> list[str]:
    """Every run of three or more equal tiles (letters; specials marked after them are ignored)."""
    grid = [re.sub(r"[-|@]", "", row) for row in rows]
    found = []
    for name, lines_ in (("row", grid), ("col", ["".join(col) for col in zip(*grid, strict=True)])):
        for i, line in enumerate(lines_):
            found += [f"{name} {i}: {m.group()}" for m in re.finditer(r"([A-Z])\1\1+", line)]
    return found


def cell(page, r: int, c: int) -> tuple[float, float]:
    x, y = page.call("cell", r, c)
    return float(x), float(y)


def no_line_pair(page) -> tuple[int, int, int, int]:
    """Two neighbours whose swap makes no line."""
    size = page.state()["size"]
    for r in range(size):
        for c in range(size - 1):
            if not page.call("valid", r, c, r, c + 1):
                return r, c, r, c + 1
    raise AssertionError("every swap makes a line")


def swipe_cell(page, r: int, c: int, direction: str) -> None:
    """A real swipe starting on a tile, most of a cell long."""
    x, y = cell(page, r, c)
    d = page.call("cellSize") * 0.8
    dx, dy = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[direction]
    page.swipe(direction, (x + dx * d / 2, y + dy * d / 2), distance=d)


def direction(a: list[int], b: list[int]) -> str:
    return {(0, 1): "right", (0, -1): "left", (1, 0): "down", (-1, 0): "up"}[(b[0] - a[0], b[1] - a[1])]


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_match3_swaps_clear_lines_and_the_game_ends_at_the_goal_or_out_of_moves(open_game, viewport: str) -> None:
    phone = viewport == "phone"
    # the desktop game is won (two moves reach 60 points); the phone's goal is out of reach in five moves
    page = open_game("match3", viewport, target=99999 if phone else 60, rounds=5)
    st = page.state()
    assert st["status"] == "ready" and st["size"] == 8 and st["kinds"] == 6 and st["movesLeft"] == 5
    assert st["items"] == ["🍎", "🍊", "🍋", "🍇", "🍉", "🍓"]
    assert len(st["board"]) == 8 and lines(st["board"]) == [], "a fresh board has no line"
    assert page.call("findMove") is not None, "and a move"
    assert page.hud("moves") == "5" and page.hud("target") == str(st["target"])
    assert "in 5 moves" in page.overlay()
    start(page)
    page.call("manual", True)  # from here the test runs the clock

    # a swap that makes no line goes back and costs no move
    board = page.state()["board"]
    r1, c1, r2, c2 = no_line_pair(page)
    page.tap(cell(page, r1, c1))
    assert page.state()["selected"] == [r1, c1]
    page.tap(cell(page, r2, c2))
    page.call("settle")
    st = page.state()
    assert st["board"] == board and st["movesLeft"] == 5 and st["score"] == 0 and st["selected"] is None

    # a good swap by tap-tap (phone) or by the keyboard (desktop): the line clears, tiles fall, a move is spent
    a, b = page.call("findMove")
    if phone:
        page.tap(cell(page, *a))
        page.tap(cell(page, *b))
    else:
        page.press("ArrowRight")  # shows the keyboard cursor, in the middle of the board
        cur = page.state()["cursor"]
        page.press("ArrowDown" if a[0] > cur[0] else "ArrowUp", abs(a[0] - cur[0]))
        page.press("ArrowRight" if a[1] > cur[1] else "ArrowLeft", abs(a[1] - cur[1]))
        assert page.state()["cursor"] == a
        page.press(" ")
        assert page.state()["selected"] == a
        page.press({"right": "ArrowRight", "left": "ArrowLeft", "down": "ArrowDown", "up": "ArrowUp"}[direction(a, b)])
    assert page.state()["busy"]
    assert page.call("settle") == "playing"
    st = page.state()
    assert st["movesLeft"] == 4 and st["score"] >= 30 and st["board"] != board and lines(st["board"]) == []
    assert page.hud("score") == str(st["score"]) and page.hud("moves") == "4"

    # a swipe from a tile toward its neighbour swaps them
    a, b = page.call("findMove")
    if not phone:
        page.call("step", 5500)  # five idle seconds: a move is hinted
        assert page.state()["hint"] == [a, b]
        page.shot()
    swipe_cell(page, a[0], a[1], direction(a, b))
    page.call("settle")
    st = page.state()
    if not phone:
        text = ended(page, "won")
        assert "Target reached!" in text and f"Score {st['score']} of 60" in text and "3 moves to spare" in text
        return
    assert st["movesLeft"] == 3 and lines(st["board"]) == []

    # special tiles on the board (a colour bomb, a striped tile, a bomb) for the picture; the colour bomb's swap
    # clears every tile of the other's kind
    rows = [list(row) for row in st["board"]]
    rows[0][0] = "*"
    rows[2][3] += "-"
    rows[5][5] += "@"
    page.call("setBoard", ["".join(row) for row in rows])
    a, b = page.call("findMove")
    assert a == [0, 0]
    page.tap(cell(page, *a))
    page.shot()
    page.tap(cell(page, *b))
    page.call("settle")
    assert page.state()["movesLeft"] == 2 and page.state()["score"] > st["score"] + 50
    for _ in range(2):
        a, b = page.call("findMove")
        swipe_cell(page, a[0], a[1], direction(a, b))
        page.call("settle")
    text = ended(page, "lost")
    assert "Out of moves" in text and f"Score {page.state()['score']} of 99999" in text
    page.tap("[data-fg=ov-button]")
    st = page.state()
    assert st["status"] == "playing" and st["score"] == 0 and st["movesLeft"] == 5


# Five kinds, no line: the A at (1,2) moving up lines up four along the top row (a striped tile forms).
FOUR = ["AABAEC", "CDAEDB", "DEBCEA", "EBCDAB", "BCDABC", "CDABCD"]


def test_match3_against_the_clock_with_a_word_list_in_chinese(open_game) -> None:
    words = ["猫", "狗", "兔子", "熊猫", "老虎", "#22c55e", "猫"]
    page = open_game("match3", "desktop", config(lang="zh-Hans", duration_s=15, size=6, difficulty="easy", items=words))
    st = page.state()
    assert st["timed"] and st["size"] == 6 and st["kinds"] == 5 and st["timeLeft"] == 15
    assert st["items"] == ["猫", "狗", "兔子", "熊猫", "老虎"]
    assert page.hud("time") == "15" and "15 秒内得到" in page.overlay()
    page.press(" ")  # a key starts the game
    page.call("manual", True)
    assert page.state()["status"] == "playing"
    page.call("setBoard", FOUR)
    assert page.call("swap", 1, 2, 0, 2)
    page.call("settle")
    st = page.state()
    assert st["score"] >= 60 and st["lastMove"]["created"][0] == "v", "four in a row leave a striped tile"
    page.call("step", 8000)
    left = page.state()["timeLeft"]
    assert 5 <= left <= 7 and page.hud("time") == str(left), "the clock runs while the tiles fall, too"
    page.call("step", 7500)
    text = ended(page, "lost")
    assert "时间到！" in text and f"得分 {st['score']} / {st['target']}" in text


# ---------------------------------------------------------------- catch


def hold(page, control: str, key: str, ms: int) -> None:
    """Holds an on-screen button (phone, a touch) or a key (desktop) down while the game's clock runs ms."""
    if page.touch:
        x, y = page.point(control)
        point = [{"x": x, "y": y, "id": 0, "radiusX": 4, "radiusY": 4, "force": 1}]
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        page.call("step", ms)
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        ActionChains(page.driver).key_down(key).perform()
        page.call("step", ms)
        ActionChains(page.driver).key_up(key).perform()


def field(page, x: float, y: float) -> tuple[float, float]:
    px, py = page.call("at", x, y)
    return float(px), float(py)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_catch_moves_the_basket_catches_fruit_and_loses_lives(open_game, viewport: str) -> None:
    phone = viewport == "phone"
    page = open_game("catch", viewport, target=0 if phone else 8, lives=3)
    st = page.state()
    assert st["status"] == "ready" and st["lives"] == 3 and st["items"] == [] and st["level"] == 1
    assert page.hud("lives") == "3" and page.hud("score") == "0"
    assert ("Catch 8 points to win" in page.overlay()) != phone
    start(page)
    page.call("manual", True)  # from here the test runs the clock
    page.call("spawning", False)
    x0 = page.state()["basket"]["x"]

    # the basket moves: a drag on the field (phone) or the mouse over it (desktop), then the arrows
    if phone:
        page.swipe("right", field(page, 250, 420), distance=100)
    else:
        ActionChains(page.driver).move_to_element_with_offset(page.find("canvas"), 90, 0).perform()
    page.call("step", 600)
    x1 = page.state()["basket"]["x"]
    assert x1 > x0 + 50
    hold(page, '.fg-ctl [data-key="ArrowLeft"]', "\ue012", 300)  # ◀ / the left arrow key
    x2 = page.state()["basket"]["x"]
    assert x1 - 150 < x2 < x1 - 100, (x1, x2)
    page.call("step", 300)
    assert page.state()["basket"]["x"] == x2, "the basket stops when the key is let go"

    # a fruit over the basket is caught; one far from it falls to the ground and costs a life; so does a bomb caught
    page.call("spawn", "fruit", x2, 200)
    page.call("step", 2500)
    st = page.state()
    assert st["score"] == 1 and st["caught"] == 1 and st["lives"] == 3 and st["items"] == []
    far = 30 if x2 > 180 else 330
    page.call("spawn", "fruit", far, 200)
    page.call("step", 2500)
    st = page.state()
    assert st["lives"] == 2 and st["missed"] == 1 and page.hud("lives") == "2"
    page.call("spawn", "bomb", x2, 200)
    page.call("step", 2500)
    st = page.state()
    assert st["lives"] == 1 and st["score"] == 1
    page.call("spawn", "bomb", far, 200)
    page.call("spawn", "heart", x2, 100)
    page.call("step", 2500)
    assert page.state()["lives"] == 2, "a bomb that falls to the ground does no harm; a heart gives a life back"

    # things fall at random now; the autopilot catches them
    page.call("spawning", True)
    page.call("autopilot", True)
    page.call("step", 6500)
    assert page.state()["score"] >= 3 and len(page.state()["items"]) >= 3
    page.shot()
    if not phone:
        page.call("step", 15000)
        text = ended(page, "won")
        assert "You caught 8!" in text and "Score 8" in text
        return
    page.call("autopilot", False)
    page.call("clear")
    page.call("spawning", False)
    for _ in range(2):
        page.call("spawn", "bomb", page.state()["basket"]["x"], 300)
        page.call("step", 2000)
    text = ended(page, "lost")
    assert "Out of lives" in text and f"Score {page.state()['score']}" in text


def test_catch_gets_faster_and_ends_when_the_time_is_up_in_traditional_chinese(open_game) -> None:
    page = open_game(
        "catch", "desktop", config(lang="zh-Hant", duration_s=30, speed="fast", items=["🪙"], difficulty="easy")
    )
    st = page.state()
    assert st["timed"] and st["fruit"] == ["🪙"] and st["basket"]["w"] == 92
    assert page.hud("time") == "30" and "30 秒內盡量多接" in page.overlay()
    page.press("ArrowRight")  # a key starts the game
    page.call("manual", True)
    fall = page.state()["fall"]
    page.call("autopilot", True)
    page.call("step", 21000)
    st = page.state()
    assert st["level"] == 2 and st["fall"] > fall and page.hud("time") == "9"
    assert any(it["glyph"] == "🪙" for it in st["items"]) or st["score"] > 0
    page.call("step", 9500)
    text = ended(page, "won")
    assert "時間到！" in text and f"你接到了 {page.state()['score']} 分！" in text


# ---------------------------------------------------------------- jump jump


def press_hold(page, ms: float) -> None:
    """Presses and holds (a finger on the field on the phone, Space on the desktop) while the clock runs ms."""
    if page.touch:
        x, y = page.at("canvas", 0.5, 0.7)
        point = [{"x": x, "y": y, "id": 0, "radiusX": 4, "radiusY": 4, "force": 1}]
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        assert page.state()["phase"] == "charge"
        page.call("step", ms)
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        ActionChains(page.driver).key_down(" ").perform()
        assert page.state()["phase"] == "charge"
        page.call("step", ms)
        ActionChains(page.driver).key_up(" ").perform()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_jumpjump_holds_to_jump_scores_centre_landings_double_and_falls(open_game, viewport: str) -> None:
    phone = viewport == "phone"
    page = open_game("jumpjump", viewport, target=3 if phone else 0)
    st = page.state()
    assert st["status"] == "ready" and st["phase"] == "stand" and st["score"] == 0
    assert st["piece"]["x"] == st["current"]["x"] == 0
    start(page)
    page.call("manual", True)  # from here the test runs the clock: the hold is measured on it

    # a hold just long enough for the distance lands in the centre of the next block: 2 points
    nxt = page.state()["next"]
    press_hold(page, page.call("aim"))
    assert page.state()["phase"] == "jump"
    page.call("step", 700)
    st = page.state()
    assert st["phase"] == "stand" and st["score"] == 2 and st["perfects"] == 1 and st["jumps"] == 1
    assert st["current"]["x"] == nxt["x"] and st["current"]["z"] == nxt["z"] and page.hud("score") == "2"
    assert st["next"] != nxt, "a new block waits further on"

    # a little too far, still on the block but off its centre: 1 point
    nxt = page.state()["next"]
    off = (page.call("perfectRadius") + nxt["s"]) / 2 / page.state()["rate"]
    if phone:  # held by hand, with a picture of the piece crouching while it charges
        x, y = page.at("canvas", 0.3, 0.4)
        point = [{"x": x, "y": y, "id": 0, "radiusX": 4, "radiusY": 4, "force": 1}]
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": point})
        aim = page.call("aim")
        page.call("step", aim * 0.7)
        page.shot()
        page.call("step", aim * 0.3 + off)
        page.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    else:
        press_hold(page, page.call("aim") + off)
    page.call("step", 700)
    st = page.state()
    if phone:
        text = ended(page, "won")
        assert "You scored 3!" in text and st["perfects"] == 1 and st["jumps"] == 2
        return
    assert st["score"] == 3 and st["perfects"] == 1 and st["jumps"] == 2 and st["phase"] == "stand"

    # a tiny hop stays on the same block and scores nothing
    here = page.state()["current"]
    press_hold(page, 40)
    page.call("step", 700)
    st = page.state()
    assert st["status"] == "playing" and st["current"] == here and st["score"] == 3
    page.call("step", 500)
    page.shot()

    # a hold far too long overshoots: the piece falls and the game is over
    press_hold(page, page.call("aim") * 2 + 300)
    page.call("step", 700)
    assert page.state()["phase"] == "fall"
    page.call("step", 1500)
    text = ended(page, "lost")
    assert "You fell!" in text and "Score 3" in text
    page.tap("[data-fg=ov-button]")
    st = page.state()
    assert st["status"] == "playing" and st["score"] == 0 and st["phase"] == "stand"


def test_jumpjump_one_perfect_jump_wins_a_goal_of_two_in_chinese(open_game) -> None:
    page = open_game(
        "jumpjump", "desktop", config(lang="zh-Hans", target=2, speed="slow", difficulty="hard", items=["🐰"])
    )
    st = page.state()
    assert st["rate"] == 0.17 and st["target"] == 2 and page.hud("target") == "2"
    assert "得到 2 分即获胜" in page.overlay() and "空格键" in page.overlay()
    assert 17 <= st["next"]["s"] <= 32, "hard: smaller blocks"
    page.press("ArrowRight")  # not a key of this game: nothing starts
    assert page.state()["status"] == "ready"
    page.call("manual", True)
    press_hold(page, page.call("aim"))  # Space starts the game and charges at once
    page.call("step", 700)
    text = ended(page, "won")
    assert "你得到了 2 分！" in text and page.state()["perfects"] == 1


# ---------------------------------------------------------------- falling letters


def type_key(page, ch: str) -> None:
    """A letter typed: its key on the on-screen keyboard (phone), a real key press (desktop)."""
    if page.touch:
        page.tap(f'.kb [data-ch="{ch.lower()}"]')
    else:
        page.press(ch.lower())


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_fallingletters_types_what_falls_before_it_lands(open_game, viewport: str) -> None:
    phone = viewport == "phone"
    page = open_game("fallingletters", viewport, target=12 if phone else 0, lives=3)
    st = page.state()
    assert st["status"] == "ready" and st["lives"] == 3 and st["drops"] == [] and len(st["items"]) == 26
    assert st["keyboard"] == phone
    if phone:
        assert st["keys"] == list("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        assert len(page.driver.find_elements("css selector", ".kb button")) == 26
        assert "Type 12 to win" in page.overlay()
    else:
        assert not page.find(".kb").is_displayed()
    start(page)
    page.call("manual", True)  # from here the test runs the clock
    page.call("spawning", False)

    # the letter typed pops the one falling; a letter that is not falling is a miss
    page.call("spawn", "K", 120, 100)
    page.call("spawn", "Q", 260, 300)
    type_key(page, "K")
    st = page.state()
    assert st["score"] == 1 and [d["text"] for d in st["drops"]] == ["Q"] and page.hud("score") == "1"
    type_key(page, "Z")
    assert page.state()["misses"] == 1 and page.state()["score"] == 1
    # Q reaches the ground: a life gone
    page.call("step", 6000)
    st = page.state()
    assert st["lives"] == 2 and st["drops"] == [] and page.hud("lives") == "2"

    # letters fall at random; typing each one as it comes keeps them off the ground
    page.call("spawning", True)
    for i in range(40):
        page.call("step", 1200)
        if i == 6:  # a busier sky for the picture
            page.call("spawn", "B", 70, 250)
            page.call("spawn", "M", 290, 340)
            page.shot()
        for drop in page.state()["drops"]:
            if drop["y"] > 60:
                type_key(page, drop["text"])
        st = page.state()
        if st["status"] != "playing" or (not phone and st["score"] >= 8):
            break
    if phone:
        text = ended(page, "won")
        assert "You typed 12!" in text and "Accuracy" in text
        return
    st = page.state()
    assert st["score"] >= 8 and st["lives"] == 2 and st["status"] == "playing"
    # hands off the keyboard: the letters land, one life after another
    page.call("step", 60000)
    text = ended(page, "lost")
    assert "Game over" in text and f"Score {page.state()['score']} · Accuracy" in text


def test_fallingletters_words_are_typed_letter_by_letter_and_chinese_gets_its_own_keyboard(open_game) -> None:
    page = open_game("fallingletters", "desktop", config(lang="zh-Hans", items=["cat", "car", "dog"], target=3))
    assert page.state()["keyboard"] is False and "打出 3 个即获胜" in page.overlay()
    start(page)
    page.call("manual", True)
    page.call("spawning", False)
    page.call("spawn", "cat", 100, 200)
    page.call("spawn", "car", 250, 100)
    page.call("spawn", "dog", 180, 50)
    page.press("c")
    page.press("a")
    st = page.state()
    assert st["target"] == "cat" and [d["typed"] for d in st["drops"]] == [2, 0, 0], "the lowest word with that letter"
    page.press("d")  # another word's first letter: it moves on to that one
    assert page.state()["target"] == "dog"
    page.press("o")
    page.press("g")
    st = page.state()
    assert st["score"] == 1 and st["target"] is None and [d["text"] for d in st["drops"]] == ["cat", "car"]
    for ch in "catcar":
        page.press(ch)
    text = ended(page, "won")
    assert "你打出了 3 个！" in text and "准确率 100%" in text

    # Chinese words cannot be typed on a keyboard here: the letters in play are on screen, on a computer too
    page = open_game("fallingletters", "desktop", config(lang="zh-Hant", items=["蘋果", "香蕉", "西瓜"], duration_s=20))
    st = page.state()
    assert st["keyboard"] is True and st["keys"] == ["果", "瓜", "蕉", "蘋", "西", "香"]
    assert "堅持 20 秒" in page.overlay()
    start(page)
    page.call("manual", True)
    page.call("spawning", False)
    page.call("spawn", "香蕉", 180, 120)
    page.tap('.kb [data-ch="香"]')
    page.tap('.kb [data-ch="蕉"]')
    assert page.state()["score"] == 1
    page.call("step", 20500)
    text = ended(page, "won")
    assert "時間到！" in text and "你打出了 1 個！" in text


# ---------------------------------------------------------------- all four


@pytest.mark.parametrize("name", CASUAL)
def test_casual_page_is_offline_and_embeddable(name: str) -> None:
    source = (GAMES_DIR / f"{name}.html").read_text(encoding="utf-8")
    page = page_html(name, config())
    assert '"""' not in page and "\\\n" not in page
    assert "Math.random" not in source and "localStorage" not in source  # the runtime's rng and best score
    assert not re.search(r"(src|href)\s*=\s*[\"']?https?:", page, re.I)
    assert not re.search(r"\bfetch\s*\(|\bimport\s*\(|XMLHttpRequest|WebSocket", source)


HOSTILE = {
    "items": ["</script><script>window.__pwned = 1</script>", None, {"x": 1}, "", "🐉" * 200],
    "size": 10**9,
    "lives": -5,
    "target": 10**9,
    "rounds": "many",
    "duration_s": -3,
    "speed": "warp",
    "difficulty": 12,
    "players": 7,
    "sound": "yes",
}


@pytest.mark.parametrize("name", CASUAL)
def test_casual_games_survive_hostile_params_and_pause(open_game, name: str) -> None:
    cfg = config(lang="zh-Hant", **HOSTILE)
    cfg["title"] = "</script><b>bold</b> " + "長" * 300
    cfg["seed"] = "not a number"
    page = open_game(name, "phone", cfg)
    assert page.js("return window.__pwned === undefined && document.querySelectorAll('b').length > 0")
    assert page.state()["status"] == "ready" and "開始" in page.overlay()
    page.tap("[data-fg=ov-button]")
    assert page.wait_status("playing")
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "paused" and "已暫停" in page.overlay()
    page.tap("[data-fg=pause]")
    page.call("manual", True)
    assert page.call("step", 1500) in ("playing", "lost")
    if name == "match3":
        st = page.state()
        assert st["size"] == 10 and st["movesLeft"] == 20 and not st["timed"] and st["target"] == 999999
        a, b = page.call("findMove")
        assert page.call("swap", *a, *b)
        assert page.call("settle") == "playing"
    if name == "catch":
        assert page.state()["lives"] == 1 and page.state()["target"] == 99999
    if name == "fallingletters":
        st = page.state()
        assert st["keyboard"] and st["lives"] == 1 and "🐉" in st["keys"]
