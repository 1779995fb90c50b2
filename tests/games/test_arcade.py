"""Arcade games in a real browser (desktop and phone): Tetris, Pong, Flappy, the space shooter and the runner. Each is
loaded with a fixed seed, played through real key presses, taps and swipes, driven by the exposed hooks where real
time would be slow or chancy (stepping the fixed-step loop, placing a piece, a ball or an obstacle), brought to a win
or a loss, and photographed."""

from __future__ import annotations

import re

import pytest
from game_support import GAMES_DIR, config, page_html

VIEWPORTS = ["desktop", "phone"]
FULL_BUT_ONE = "IIIIIIIII."
MIDGAME = [
    "......Z...",
    "L....ZZ...",
    "LLL.OOZ.JJ",
    "SS..OOTTJI",
    ".SSIIIITJI",
    "ZZ.LLLTJJI",
    "OZZLJJJSSI",
    "OOIIIIOOSS",
]


def ended(page, status: str) -> str:
    """Waits for the end card and returns its text."""
    page.wait_status(status)
    page.wait(lambda: page.overlay() != "")
    return page.overlay()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_tetris_moves_clears_lines_and_tops_out(open_game, viewport: str) -> None:
    page = open_game("tetris", viewport)
    st = page.state()
    assert st["status"] == "ready" and st["lines"] == 0 and st["level"] == 1
    assert len(st["next"]) == 3 and len(page.call("board")) == 20

    piece = st["current"]
    if page.touch:
        page.tap("[data-fg=ov-button]")  # the start card's button
        assert page.state()["status"] == "playing"
        page.swipe("left", distance=90)  # a drag of a few cells moves the piece that many columns
        moved = page.state()["current"]
        assert moved["x"] < piece["x"]
        page.tap(page.at("canvas", 0.6, 0.5))  # a tap rotates
        assert page.state()["current"]["rot"] == (moved["rot"] + 1) % 4 or piece["type"] == "O"
        turned = page.state()["current"]
        page.tap('.fg-ctl [data-key="ArrowRight"]')
        assert page.state()["current"]["x"] == turned["x"] + 1
        count = page.state()["pieces"]
        page.swipe("down", distance=400)  # a flick down drops it (a slow drag would soft-drop it to the floor)
        page.wait(lambda: page.state()["pieces"] == count + 1, 5)
    else:
        page.press("ArrowLeft")
        st = page.state()
        assert st["status"] == "playing" and st["current"]["x"] == piece["x"] - 1
        page.press("ArrowUp")
        assert page.state()["current"]["rot"] == (1 if piece["type"] != "O" else 0)
        page.press("c")
        assert page.state()["held"] == piece["type"]
        page.press(" ")
        assert page.state()["pieces"] == 1

    # Four rows full but one column: a vertical I dropped into the gap is a Tetris (800 points at level 1).
    page.call("setRows", [FULL_BUT_ONE] * 4)
    page.call("place", "I", 1, 7, 0)
    before = page.state()["score"]
    if page.touch:
        page.tap('.fg-ctl [data-key=" "]')
    else:
        page.press(" ")
    st = page.state()
    assert st["lines"] == 4 and st["score"] == before + 800 + 2 * 16
    assert page.call("board")[-1] == ".........."
    assert page.hud("lines") == "4" and page.hud("score") == str(st["score"])

    # A game in progress, for the picture.
    page.call("setRows", MIDGAME)
    page.call("place", "T", 0, 3, 2)
    page.shot()

    # A stack up to the top with no full row: the next piece cannot enter and the game is over.
    page.call("setRows", ["IIII.IIIII" if i % 2 else "IIIII.IIII" for i in range(18)])
    page.call("place", "O", 0, 4, 0)
    if page.touch:
        page.tap('.fg-ctl [data-key=" "]')
    else:
        page.press(" ")
    text = ended(page, "lost")
    assert "Game over" in text and str(st["score"]) in text
    page.tap("[data-fg=ov-button]")
    st = page.state()
    assert st["status"] == "playing" and st["score"] == 0 and st["lines"] == 0


def test_tetris_paints_its_pieces_in_the_colours_asked(open_game) -> None:
    pastel = ["#fca5a5", "#fdba74", "#fde68a", "#86efac", "#93c5fd", "#c4b5fd"]
    looks = open_game("tetris", "desktop", colors=pastel).call("looks")
    colours = [look["color"] for look in looks.values()]
    assert sorted(colours) == sorted(pastel[i % 6] for i in range(7))  # in turn, over the seven pieces
    own = open_game("tetris", "desktop", colors=pastel, items=["#000000"]).call("looks")
    assert all(look["color"] == "#000000" for look in own.values())  # a teacher's own colours come first
    plain = [look["color"] for look in open_game("tetris", "desktop").call("looks").values()]
    assert len(set(plain)) == 7 and not set(plain) & set(pastel)


def test_tetris_wins_at_the_target_lines_in_chinese(open_game) -> None:
    fruit = ["🍎", "🍌", "#22c55e", "🍊", "🍓", "🍐", "🥝"]
    page = open_game("tetris", "desktop", config(lang="zh-Hant", target=2, speed="fast", items=fruit))
    assert page.hud("lines") == "0/2" and "消除 2 行即獲勝" in page.overlay()
    looks = page.call("looks")
    assert looks["I"] == {"color": "#22b8d8", "glyph": "🍎"} and looks["T"] == {"color": "#22c55e", "glyph": ""}
    page.press("ArrowDown")
    page.call("setRows", [FULL_BUT_ONE] * 2)
    page.call("place", "I", 1, 7, 0)
    page.press(" ")
    text = ended(page, "won")
    assert "2" in text and "行" in text
    # Gravity: the fast speed drops a new piece a row in 0.55 s (normal: 1 s).
    page.tap("[data-fg=ov-button]")
    y = page.state()["current"]["y"]
    page.call("step", 600)
    assert page.state()["current"]["y"] > y


def score_point(page, winner: str) -> None:
    """Sends the ball past the losing paddle (moved out of the way) and steps until the point is scored."""
    before = page.state()["points"][winner]
    if winner == "bottom":
        page.call("setPaddle", "top", 330)
        page.call("setBall", 40, 120, 0, -700)
    else:
        page.call("setPaddle", "bottom", 330)
        page.call("setBall", 40, 480, 0, 700)
    page.call("step", 400)
    assert page.state()["points"][winner] == before + 1


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pong_against_the_computer(open_game, viewport: str) -> None:
    page = open_game("pong", viewport, target=2)
    st = page.state()
    assert st["status"] == "ready" and st["players"] == 1 and st["target"] == 2
    assert "First to 2 points" in page.overlay()
    x0 = st["paddles"]["bottom"]
    if page.touch:  # a phone held upright: the court runs up and down, a finger drags the bottom paddle
        assert st["court"] == "upright"
        page.tap("[data-fg=ov-button]")
        page.tap(page.at("canvas", 0.12, 0.85))  # a touch on the left pulls the paddle there
        page.call("step", 300)
        page.wait(lambda: page.state()["paddles"]["bottom"] < x0 - 30)
    else:  # a computer: the classic court across, your paddle on the left, ↑ ↓ and W S both move it
        assert st["court"] == "across" and "W S" in page.overlay()
        width, height = page.js(
            "const r = document.querySelector('canvas').getBoundingClientRect(); return [r.width, r.height];"
        )
        assert width > height
        for key, sign in (("ArrowUp", -1), ("s", 1), ("w", -1), ("ArrowDown", 1)):  # up the screen: towards x 0
            before = page.state()["paddles"]["bottom"]
            page.press(key, times=3)
            page.wait(lambda: sign * (page.state()["paddles"]["bottom"] - before) > 30, 20, key)  # noqa: B023
        page.call("setPaddle", "bottom", 180)
        page.tap(page.at("canvas", 0.15, 0.12))  # a click near the top of the left half pulls the paddle up there
        page.wait(lambda: page.state()["paddles"]["bottom"] < 100)
    assert page.state()["status"] == "playing"
    page.call("manual", True)  # from here the test runs the clock

    # A ball at the paddle comes back up; the computer returns a plain ball.
    page.call("setPaddle", "bottom", 180)
    page.call("setBall", 180, 480, 0, 420)
    page.call("step", 250)
    assert page.state()["ball"]["vy"] < 0
    page.call("step", 1500)
    st = page.state()
    assert st["points"] == {"bottom": 0, "top": 0}

    if viewport == "desktop":
        page.call("freeze", True)
        score_point(page, "bottom")
        assert page.hud("score") == "1"
        score_point(page, "bottom")
        text = ended(page, "won")
        assert "You win!" in text and "2 : 0" in text
    else:
        score_point(page, "top")
        assert page.hud("cpu") == "1"
        page.shot()
        score_point(page, "top")
        text = ended(page, "lost")
        assert "You lose" in text and "0 : 2" in text
    if viewport == "desktop":
        page.shot()


def test_pong_a_quick_press_the_other_way_steers_at_once(open_game) -> None:
    """A tap of S still drifts the paddle a moment; a W pressed within that moment steers up at once (the latest
    key wins) instead of the two cancelling until both tails run out."""
    page = open_game("pong", "desktop")
    page.press("ArrowUp")  # starts the game
    page.call("manual", True)  # from here the test runs the clock: no frame passes between the two presses
    page.call("setPaddle", "bottom", 180)
    page.press("s")
    page.press("w")
    page.call("step", 60)
    assert page.state()["paddles"]["bottom"] < 180 - 20


def test_pong_two_players_on_one_screen(open_game) -> None:
    page = open_game("pong", "desktop", players=2, target=1, difficulty="hard")
    assert page.state()["players"] == 2 and page.hud("p2") == "0"
    assert "Left: W S" in page.overlay() and "Right: ↑ ↓" in page.overlay()
    x0 = page.state()["paddles"]["top"]
    page.press("ArrowDown", times=3)  # the right player's keys
    page.wait(lambda: page.state()["paddles"]["top"] > x0 + 30)
    assert page.state()["paddles"]["bottom"] == x0
    page.press("w", times=3)  # the left player's keys
    page.wait(lambda: page.state()["paddles"]["bottom"] < x0 - 30)
    top = page.state()["paddles"]["top"]
    assert top > x0 + 30
    page.shot("pong-two")
    page.call("manual", True)
    score_point(page, "top")
    text = ended(page, "won")
    assert "Player 2 wins!" in text and "0 : 1" in text


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_flappy_flaps_scores_and_crashes(open_game, viewport: str) -> None:
    page = open_game("flappy", viewport)
    st = page.state()
    assert st["status"] == "ready" and st["phase"] == "wait" and st["pipes"] == []
    if page.touch:
        page.tap("canvas")  # the first tap starts the game and flaps
    else:
        page.press(" ")
    page.call("manual", True)  # from here the test runs the clock
    st = page.state()
    assert st["status"] == "playing" and st["phase"] == "fly" and st["bird"]["vy"] < 0 and len(st["pipes"]) == 1
    # Gravity pulls the bird down; another flap lifts it again.
    page.call("step", 400)
    assert page.state()["bird"]["vy"] > 0
    if page.touch:
        page.tap(page.at("canvas", 0.5, 0.5))
    else:
        page.press("ArrowUp")
    assert page.state()["bird"]["vy"] < 0

    # The autopilot flaps through the gaps: pipes are passed and scored.
    page.call("autopilot", True)
    page.call("step", 6000)
    st = page.state()
    assert st["status"] == "playing" and st["score"] >= 2, st
    assert page.hud("score") == str(st["score"])
    page.shot()

    # Without flapping the bird falls into a pipe or the ground: a loss, and the score is shown.
    page.call("autopilot", False)
    page.call("step", 4000)
    text = ended(page, "lost")
    final = page.state()["score"]
    assert "Crashed!" in text and f"Score {final}" in text and final >= st["score"]


def test_flappy_wins_at_the_target_with_an_emoji_bird(open_game) -> None:
    page = open_game("flappy", "desktop", config(lang="zh-Hans", target=3, difficulty="easy", items=["🐝"]))
    assert page.state()["gap"] > 160 and "穿过 3 根管子即获胜" in page.text(".fg-msg")
    page.call("manual", True)
    page.call("flap")
    page.call("autopilot", True)
    page.call("step", 12000)
    text = ended(page, "won")
    assert "你穿过了 3 根管子！" in text


def test_shooter_a_quick_press_the_other_way_steers_at_once(open_game) -> None:
    page = open_game("shooter", "desktop")
    page.press(" ")  # starts the game
    page.call("manual", True)
    x0 = page.state()["ship"]["x"]
    page.press("ArrowRight")
    page.press("ArrowLeft")  # within the right tap's short tail: left steers now
    page.call("step", 60)
    assert page.state()["ship"]["x"] < x0 - 5


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_shooter_flies_fires_and_clears_the_waves_or_is_shot_down(open_game, viewport: str) -> None:
    page = open_game("shooter", viewport, target=2, lives=2)
    st = page.state()
    assert st["status"] == "ready" and st["wave"] == 1 and st["lives"] == 2 and st["waves"] == 2
    assert page.hud("wave") == "1/2" and page.hud("lives") == "2" and len(st["enemies"]) == 8
    x0 = st["ship"]["x"]
    if page.touch:
        page.tap("[data-fg=ov-button]")
        page.swipe("left", distance=100)  # dragging flies the ship and fires while the finger is down
    else:
        page.press(" ")
        page.press("ArrowLeft", times=4)
    page.wait(lambda: page.state()["ship"]["x"] < x0 - 20)
    page.call("manual", True)  # from here the test runs the clock
    st = page.state()
    assert st["status"] == "playing" and st["fired"] >= 1

    # Shots hit: a drone in front of the ship goes down and scores.
    page.call("step", 1500)  # the wave flies into formation
    target = page.state()["enemies"][0]
    page.call("placeShip", target["x"])
    page.call("autofire", True)
    page.call("step", 1200)
    page.call("autofire", False)
    st = page.state()
    assert st["score"] >= 100 and len(st["enemies"]) < 8 and page.hud("score") == str(st["score"])
    if page.touch:
        page.shot()
        # Two enemy bullets at the ship (the second after the blinking grace time): shot down, a loss.
        page.call("shootAtShip")
        page.call("step", 300)
        assert page.state()["lives"] == 1 and page.hud("lives") == "1"
        page.call("step", 2100)
        page.call("shootAtShip")
        page.call("step", 1500)
        text = ended(page, "lost")
        assert "Shot down" in text and "Score" in text
    else:
        score = page.call("killWave")
        assert score >= 800 and page.state()["enemies"] == []
        page.call("step", 3200)  # wave bonus, then the boss wave
        st = page.state()
        assert st["wave"] == 2 and any(e["kind"] == "boss" for e in st["enemies"])
        page.call("step", 800)
        page.shot()
        page.call("killWave")
        page.call("step", 1500)
        text = ended(page, "won")
        assert "All 2 waves cleared!" in text and str(page.state()["score"]) in text


def passed(page, x: float) -> bool:
    return all(o["x"] + o["w"] < x for o in page.state()["obstacles"])


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_runner_jumps_slides_and_runs_into_a_cactus_or_to_the_goal(open_game, viewport: str) -> None:
    phone = viewport == "phone"
    page = open_game("runner", viewport, target=120 if phone else 0)
    st = page.state()
    assert st["status"] == "ready" and st["distance"] == 0 and not st["hero"]["air"]
    if phone:
        page.tap("[data-fg=ov-button]")
        page.tap("canvas")  # a tap jumps
    else:
        page.press(" ")  # the first key starts the run and jumps
    page.call("manual", True)  # from here the test runs the clock
    st = page.state()
    assert st["status"] == "playing" and st["hero"]["air"] and st["hero"]["vy"] < 0
    if phone:
        page.tap("canvas")  # a second tap in the air: a double jump
    else:
        page.press("ArrowUp")
    assert page.state()["hero"]["jumps"] == 2
    page.call("step", 1200)
    st = page.state()
    assert not st["hero"]["air"] and st["distance"] > 10 and page.hud("distance") == str(int(st["distance"]))

    # A cactus ahead is cleared by a jump at the right moment; a bird at head height by a slide.
    x = page.state()["runnerX"]
    speed = page.state()["speed"]
    page.call("clear")
    page.call("place", "cactus", x + speed * 0.33 - 9)
    page.tap('.fg-ctl [data-key=" "]') if phone else page.press(" ")
    page.call("step", 900)
    assert page.state()["status"] == "playing" and passed(page, x)
    page.call("clear")
    page.call("place", "bird_mid", x + speed * 0.2)
    if phone:
        page.swipe("down", distance=80)
    else:
        page.press("ArrowDown")
    assert page.state()["hero"]["sliding"]
    page.call("step", 900)
    assert page.state()["status"] == "playing" and passed(page, x)

    if phone:
        # With obstacles coming at growing speed, the autopilot's jumps and slides carry it to the goal.
        page.call("spawning", True)
        page.call("autopilot", True)
        cleared = page.state()["cleared"]
        page.call("step", 2500)
        assert page.state()["cleared"] > cleared and page.state()["status"] == "playing"
        page.shot()
        page.call("step", 6000)
        text = ended(page, "won")
        assert "You ran 120 m!" in text
    else:
        page.call("spawning", True)
        page.call("autopilot", True)
        page.call("step", 1500)
        page.shot()
        page.call("autopilot", False)
        page.call("clear")
        page.call("place", "big", x + 40)
        page.call("step", 1000)
        text = ended(page, "lost")
        assert "Ouch!" in text and f"Distance {page.state()['score']} m" in text


ARCADE = ["tetris", "pong", "flappy", "shooter", "runner"]


@pytest.mark.parametrize("name", ARCADE)
def test_arcade_page_is_offline_and_embeddable(name: str) -> None:
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
    "speed": "warp",
    "difficulty": 12,
    "players": 7,
    "min": "nope",
    "sound": "yes",
}


@pytest.mark.parametrize("name", ARCADE)
def test_arcade_games_survive_hostile_params_and_pause(open_game, name: str) -> None:
    cfg = config(lang="zh-Hant", **HOSTILE)
    cfg["title"] = "</script><b>bold</b> " + "長" * 300
    cfg["seed"] = "not a number"
    page = open_game(name, "phone", cfg)
    assert page.js("return window.__pwned === undefined && document.querySelectorAll('b').length > 0")
    assert page.state()["status"] == "ready"
    if name == "flappy":  # its own get-ready screen: the first tap flies
        page.tap("canvas")
    else:
        assert "開始" in page.overlay()
        page.tap("[data-fg=ov-button]")
    assert page.wait_status("playing")
    page.tap("[data-fg=pause]")
    assert page.state()["status"] == "paused" and "已暫停" in page.overlay()
    page.tap("[data-fg=pause]")
    page.call("manual", True)
    assert page.call("step", 1500) in ("playing", "lost")
