"""High Striker and Bug Race in a real browser (desktop and phone). Each is loaded with a fixed seed and played
through real key presses and taps; the exposed hooks run the clock (the fixed-step loop), put the power meter where
a strike should land, and tell which bug will win the coming race, so that a win and a loss are both reached."""

from __future__ import annotations

import pytest
from game_support import config

VIEWPORTS = ["desktop", "phone"]
HOSTILE = {"rounds": 10**9, "target": -5, "size": 10**6, "speed": "warp", "difficulty": [1], "items": [None, {}, ""]}


def ended(page, status: str) -> str:
    """Waits for the end card and returns its text."""
    page.wait_status(status)
    page.wait(lambda: page.overlay() != "")
    return page.overlay()


def strike(page, power: int) -> dict:
    """Puts the meter at a power and strikes with a real key press or tap; waits out the puck's flight."""
    page.call("setMeter", power)
    if page.touch:
        page.tap(page.at("canvas", 0.5, 0.4))
    else:
        page.press(" ")
    st = page.state()
    assert st["phase"] == "fly" and st["power"] == power, st
    page.call("step", 800)
    return page.state()


def next_strike(page) -> None:
    page.call("step", 1400)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_highstriker_rings_the_bell_to_win_and_loses_without_it(open_game, viewport: str) -> None:
    page = open_game("highstriker", viewport)
    st = page.state()
    assert st["status"] == "ready" and st["phase"] == "aim" and st["rounds"] == 5 and st["target"] == 1
    assert page.hud("round") == "1/5" and page.hud("bells") == "0/1" and "Ring the bell 1×" in page.text(".fg-msg")
    if page.touch:
        page.tap(".fg-ctl button")  # the Strike! button starts the game (the first press is no strike)
    else:
        page.press(" ")
    page.call("manual", True)  # from here the test runs the clock
    st = page.state()
    assert st["status"] == "playing" and st["phase"] == "aim" and st["results"] == []
    page.call("step", 300)
    assert 0 < page.state()["meter"] < 100  # the meter swings up

    # A full-power strike rings the bell: 100 points.
    st = strike(page, 100)
    assert st["phase"] == "show" and st["bells"] == 1 and st["score"] == 100
    assert page.hud("bells") == "1/1" and page.hud("score") == "100"
    page.shot()
    next_strike(page)
    assert page.state()["round"] == 2 and page.hud("round") == "2/5"
    for _ in range(4):  # four weak strikes: their power in points
        st = strike(page, 30)
        assert st["results"][-1] == {"power": 30, "points": 30, "bell": False}
        next_strike(page)
    text = ended(page, "won")
    assert "The bell rang 1×" in text and "Score 220" in text

    # Again, never reaching the bell: a loss.
    page.tap("[data-fg=ov-button]")
    st = page.state()
    assert st["status"] == "playing" and st["score"] == 0 and st["round"] == 1 and st["bells"] == 0
    page.call("step", 300)
    for _ in range(5):
        strike(page, 40)
        next_strike(page)
    text = ended(page, "lost")
    assert "No bell this time" in text and "Score 200" in text


def test_highstriker_wins_on_points_in_chinese(open_game) -> None:
    page = open_game(
        "highstriker", "desktop", config(lang="zh-Hans", rounds=3, target=3, difficulty="hard", speed="fast")
    )
    st = page.state()
    assert st["goal"] == 240 and st["bellAt"] == 97 and "敲响铃铛 3 次或得到 240 分即获胜" in page.text(".fg-msg")
    page.tap("canvas")
    page.call("manual", True)
    for _ in range(3):
        assert strike(page, 90)["bells"] == 0
        next_strike(page)
    assert "全场最强：270 分！" in ended(page, "won")


def pick_and_race(page, lane: int) -> dict:
    """Picks a lane and starts the race with real input, then runs the clock to the finish."""
    if page.touch:
        page.tap(f"[data-lane='{lane}']")
    else:
        page.press(str(lane + 1))
    assert page.state()["picked"] == lane
    assert page.find(f"[data-lane='{lane}']").get_attribute("aria-checked") == "true"
    if page.touch:
        page.tap("[data-br=start]")
    else:
        page.press("Enter")
    st = page.state()
    assert st["phase"] == "race" and not page.find("[data-br=start]").is_enabled()
    assert not page.find("[data-lane='0']").is_enabled()
    page.call("step", 1500)
    mid = page.state()["positions"]
    assert all(0 < p < 1 for p in mid), mid  # all running, nobody home yet
    page.call("step", 15000)
    return page.state()


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_bugrace_picks_races_and_counts_right_picks(open_game, viewport: str) -> None:
    page = open_game("bugrace", viewport, rounds=2)
    st = page.state()
    assert st["status"] == "ready" and st["lanes"] == 4 and st["rounds"] == 2
    assert [b["emoji"] for b in st["bugs"]] == ["🐞", "🐜", "🐝", "🐛"] and st["bugs"][3]["name"] == "Caterpillar"
    # Start with no bug picked: an error, no race.
    if page.touch:
        page.tap("[data-br=start]")
    else:
        page.press("Enter")
    st = page.state()
    assert st["status"] == "playing" and st["phase"] == "pick" and st["error"]
    assert "Pick a bug first!" in page.text(".br-say")
    page.call("manual", True)  # from here the test runs the clock

    # Two right picks (the test knows the coming winner): 2 of 2, a win.
    for n in (1, 2):
        winner = page.call("forecast")
        st = pick_and_race(page, winner)
        assert st["winner"] == winner and st["score"] == n and st["right"] == n
        assert max(st["positions"]) >= 1 and sum(p >= 1 for p in st["positions"]) >= 1
        assert page.hud("race") == f"{n}/2"
        if n == 1:
            assert (
                st["phase"] == "done" and "wins!" in page.text(".br-say") and "Right pick! +1" in page.text(".br-say")
            )
            assert page.find("[data-br=start]").text == "Next race"
            page.shot()
    text = ended(page, "won")
    assert "2 of 2 picks right!" in text and "Score 2" in text

    # Again, always picking a loser: 0 of 2, a loss.
    page.tap("[data-fg=ov-button]")
    st = page.state()
    assert st["status"] == "playing" and st["score"] == 0 and st["history"] == [] and st["picked"] == -1
    for _ in (1, 2):
        loser = (page.call("forecast") + 1) % 4
        st = pick_and_race(page, loser)
        assert st["winner"] != loser and st["score"] == 0
        assert "Not this time" in page.text(".br-say") or st["status"] == "lost"
    text = ended(page, "lost")
    assert "Only 0 of 2 picks right" in text


def test_bugrace_takes_named_bugs_and_six_lanes_in_traditional_chinese(open_game) -> None:
    items = ["🦋 Flutter", "Speedy", "🐌", "🐜"]
    page = open_game("bugrace", "desktop", config(lang="zh-Hant", size=9, items=items, speed="fast", rounds=1))
    st = page.state()
    assert st["lanes"] == 6 and len(page.driver.find_elements("css selector", ".br-lane")) == 6
    names = [(b["emoji"], b["name"]) for b in st["bugs"]]
    assert names[:5] == [("🦋", "Flutter"), ("🐜", "Speedy"), ("🐌", "蟲子 3"), ("🐜", "螞蟻"), ("🪲", "甲蟲")]
    page.press("ArrowDown")  # the arrows move the pick
    assert page.state()["picked"] == 0
    page.tap("[data-br=start]")  # the real clock runs this race: fast, under 5 s
    page.wait(lambda: page.state()["phase"] == "done", 12, "the race never finished")
    st = page.state()
    text = ended(page, "won" if st["winner"] == 0 else "lost")
    assert "猜中" in text


@pytest.mark.parametrize("game", ["highstriker", "bugrace"])
def test_hostile_params_do_not_break_the_page(open_game, game: str) -> None:
    cfg = config(**HOSTILE)
    cfg["title"] = "</script><b>x</b>"
    page = open_game(game, "phone", cfg)
    assert page.text("h1") == "</script><b>x</b>" and page.state()["status"] == "ready"
    assert page.state()["rounds"] == 20
