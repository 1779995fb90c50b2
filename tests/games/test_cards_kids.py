"""Card games (blackjack, war, Big Two) and children's games (counting, colour match, phonics, sorting) in a real
browser, desktop and phone. Each is loaded with a fixed seed, played through real key presses and taps (the exposed
hooks read the state and, where a whole game would take too long, finish it), brought to a win or a loss, and
photographed (bench/results/game-shots/<game>-<viewport>.png)."""

from __future__ import annotations

import time

import pytest
from game_support import config
from selenium.webdriver.common.action_chains import ActionChains

VIEWPORTS = ["desktop", "phone"]
ENDED = ("won", "lost", "draw")


def still(page) -> None:
    """The screenshot, once what was dealt or shown a moment ago has landed."""
    time.sleep(0.45)
    page.shot()


def act(page, selector: str, key: str) -> None:
    """A tap on the phone, the key on the desktop (both reach the same handler)."""
    if page.touch:
        page.tap(selector)
    else:
        page.press(key)


# ---------------------------------------------------------------- blackjack


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_blackjack_all_in_until_the_goal_or_broke(open_game, viewport: str) -> None:
    page = open_game("blackjack", viewport, cfg=config(seed=3, target=300, speed="fast"))
    table = page.call("table")
    assert table["chips"] == 100 and table["phase"] == "bet" and table["target"] == 300
    assert page.hud("score") == "100" and page.hud("target") == "300"
    # the bet: chips add up, Clear empties it, and it cannot pass the chips
    page.tap("[data-act=clear]")
    page.tap("[data-chip='25']")
    page.tap("[data-chip='5']")
    assert page.call("table")["bet"] == 30
    shot = False
    for _ in range(40):
        if page.state()["status"] in ENDED:
            break
        page.tap("[data-act=allin]")
        before = page.call("table")["chips"]
        assert page.call("table")["bet"] == before
        act(page, "[data-act=deal]", "Enter")
        table = page.call("table")
        assert table["phase"] in ("player", "done") and len(table["player"]) == 2
        if table["phase"] == "player":
            assert table["dealer"][1] == "?", "the hole card stays hidden while you play"
            if not shot:
                still(page)
                shot = True
            if table["playerValue"] < 12:
                act(page, "[data-act=hit]", "h")
            if page.call("table")["phase"] == "player":
                act(page, "[data-act=stand]", "s")
        page.wait(lambda: not page.call("table")["busy"], 8, "the dealer never finished")
        table = page.call("table")
        assert table["phase"] == "done" and table["result"] in (
            "blackjack",
            "win",
            "dealer_bust",
            "lose",
            "bust",
            "push",
        )
        assert "?" not in table["dealer"] or table["result"] == "bust"
        assert page.hud("score") == str(table["chips"])
        if table["result"] == "push":
            assert table["chips"] == before
        elif table["result"] == "blackjack":
            assert table["chips"] == before + before * 3 // 2
        elif table["result"] in ("win", "dealer_bust"):
            assert table["chips"] == before * 2
        else:
            assert table["chips"] == 0
    status = page.wait_status(*ENDED)
    chips = page.call("table")["chips"]
    assert (status == "won" and chips >= 300) or (status == "lost" and chips == 0)
    assert str(chips) in page.overlay()
    if not shot:
        still(page)


def test_blackjack_double_and_strings(open_game) -> None:
    page = open_game("blackjack", "desktop", cfg=config(lang="zh-Hant", seed=3, speed="fast"))
    assert "莊家" in page.text(".tbl") and "籌碼" in page.text("header")
    page.press("Enter")  # the standing bet of 10
    table = page.call("table")
    assert table["phase"] == "player" and table["bet"] == 10
    page.press("d")
    page.wait(lambda: not page.call("table")["busy"], 8)
    table = page.call("table")
    assert table["phase"] == "done" and len(table["player"]) == 3 and table["stake"] == 20 and table["doubled"]
    assert abs(table["chips"] - 100) in (0, 20)


# ---------------------------------------------------------------- war


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_war_plays_to_the_round_limit(open_game, viewport: str) -> None:
    page = open_game("war", viewport, rounds=12)
    table = page.call("table")
    assert table["piles"] == [26, 26] and table["rounds"] == 12
    for n in range(1, 13):
        act(page, "[data-flip='0']", " ")
        table = page.call("table")
        assert table["round"] == n or table["over"]
        assert sum(table["piles"]) == 52
        assert page.hud("score") == str(table["piles"][0])
        if n == 3:
            still(page)
        if table["over"]:
            break
    status = page.wait_status(*ENDED)
    a, b = page.call("table")["piles"]
    assert status == ("won" if a > b else "lost" if b > a else "draw")
    assert page.hud("round").startswith(str(page.call("table")["round"]))


def test_war_two_players_and_auto(open_game) -> None:
    page = open_game("war", "desktop", players=2, rounds=300, speed="fast")
    page.press("a")
    assert page.call("table")["round"] == 0, "one player's flip waits for the other"
    page.press("l")
    assert page.call("table")["round"] == 1
    page.tap("[data-act=auto]")
    page.wait(lambda: page.call("table")["round"] >= 3, 8, "auto never flipped")
    page.tap("[data-act=auto]")
    page.press("Escape")
    assert page.state()["status"] == "paused"
    held = page.call("table")["round"]
    page.press("a")
    page.press("l")
    assert page.call("table")["round"] == held, "nothing moves while paused"
    page.press("Escape")
    assert page.state()["status"] == "playing"
    page.tap("[data-fg=restart]")
    assert page.call("table")["round"] == 0 and page.call("table")["piles"] == [26, 26]
    page.call("fast", 1000)
    assert page.wait_status(*ENDED) in ("won", "draw")
    assert "Player" in page.overlay() or page.state()["status"] == "draw"


# ---------------------------------------------------------------- Big Two


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_bigtwo_hint_play_and_a_refused_hand(open_game, viewport: str) -> None:
    page = open_game("bigtwo", viewport, cfg=config(seed=8, speed="fast"))
    page.wait(lambda: page.call("table")["turn"] == 0, 10, "the computers never reached you")
    table = page.call("table")
    assert len(table["hand"]) == 13 and sum(table["counts"]) == 52 - sum(13 - n for n in table["counts"])
    # two cards of different ranks are never a play: refused, nothing leaves the hand
    hand = table["hand"]
    # overlapping cards: a finger taps the part of each card that shows
    page.tap(page.at(f"[data-card='{hand[0]}']", 0.15, 0.6))
    page.tap(page.at(f"[data-card='{hand[-1]}']", 0.15, 0.6))
    assert sorted(page.call("table")["selected"]) == sorted([hand[0], hand[-1]])
    act(page, "[data-act=play]", "Enter")
    table = page.call("table")
    assert len(table["hand"]) == 13 and table["turn"] == 0
    assert table["status"] and "Beat" not in table["status"]
    # the hint picks a legal play (or says to pass), and Play plays it
    act(page, "[data-act=hint]", "h")
    chosen = page.call("table")["selected"]
    still(page)
    if chosen:
        act(page, "[data-act=play]", "Enter")
        table = page.call("table")
        assert len(table["hand"]) == 13 - len(chosen) and table["lead"] and table["lead"]["by"] == 0
        assert page.hud("score") == str(len(chosen))
    else:
        act(page, "[data-act=pass]", "p")
        assert page.call("table")["turn"] != 0
    winner = page.call("finish")
    status = page.wait_status("won", "lost")
    table = page.call("table")
    assert table["counts"][winner] == 0 and status == ("won" if winner == 0 else "lost")
    assert "Score" in page.overlay()


def test_bigtwo_first_play_must_hold_the_three_of_diamonds(open_game) -> None:
    for seed in range(1, 30):
        page = open_game("bigtwo", "desktop", cfg=config(seed=seed, speed="fast"))
        if "3♦" in page.call("table")["hand"]:
            break
    table = page.call("table")
    assert table["turn"] == 0 and table["first"]
    assert "♦3" in table["status"]
    other = next(c for c in table["hand"] if c != "3♦")
    page.call("select", [other])
    page.press("Enter")
    assert "♦3" in page.call("table")["status"] and len(page.call("table")["hand"]) == 13
    page.call("select", ["3♦"])
    page.tap("[data-act=play]")
    assert page.call("table")["lead"]["cards"] == ["3♦"]
    page.wait(lambda: page.call("table")["turn"] == 0 or page.call("table")["winner"] is not None, 10)
    assert page.call("table")["plays"] >= 1


def test_bigtwo_two_players_share_the_screen(open_game) -> None:
    page = open_game("bigtwo", "phone", players=2, speed="fast")
    page.wait(lambda: page.call("table")["turn"] in (0, 2), 10, "the computers never reached a player")
    table = page.call("table")
    assert table["players"] == 2 and table["covered"] and table["me"] == table["turn"]
    assert not page.js("return document.querySelectorAll('.hand .cd').length;"), "a covered hand shows no cards"
    assert "tap" in page.text("[data-act=reveal]")
    page.tap("[data-act=reveal]")
    assert not page.call("table")["covered"]
    assert page.js("return document.querySelectorAll('.hand .cd').length;") == 13
    page.tap("[data-act=hint]")
    if page.call("table")["selected"]:
        page.tap("[data-act=play]")
    else:
        page.tap("[data-act=pass]")
    assert page.call("table")["covered"], "the hand is covered again once its player has moved"
    winner = page.call("finish")
    status = page.wait_status("won", "lost")
    assert status == ("won" if winner in (0, 2) else "lost")
    if winner in (0, 2):
        assert "Player" in page.overlay()


# ---------------------------------------------------------------- counting


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_counting_rounds_to_a_win(open_game, viewport: str) -> None:
    page = open_game("counting", viewport, rounds=3, min=2, max=7, speed="fast")
    for n in range(1, 4):
        page.wait(lambda n=n: page.call("question")["round"] == n and not page.call("question")["busy"], 8)
        q = page.call("question")
        assert 2 <= q["count"] <= 7 and q["count"] in q["choices"] and len(q["choices"]) == 4
        assert page.js("return document.querySelectorAll('.objs span').length;") == q["count"]
        if n == 1:
            wrong = next(v for v in q["choices"] if v != q["count"])
            page.tap(f".choices [data-value='{wrong}']")
            assert page.state()["status"] == "playing" and "Try" in page.text(".praise")
            still(page)
        if page.touch:
            page.tap(f".choices [data-value='{q['count']}']")
        else:
            page.press(str(q["choices"].index(q["count"]) + 1))
    assert page.wait_status(*ENDED) == "won"
    assert page.state()["score"] == 2  # the first round took two tries
    assert "2" in page.overlay()


def test_counting_lives_end_gently_and_buttons_are_big(open_game) -> None:
    page = open_game("counting", "phone", cfg=config(lang="zh-Hans", lives=1, difficulty="easy", items=["🦆"]))
    q = page.call("question")
    assert len(q["choices"]) == 3 and q["item"] == "🦆"
    height = page.js("return document.querySelector('.choices button').getBoundingClientRect().height;")
    assert height >= 56
    wrong = next(v for v in q["choices"] if v != q["count"])
    page.tap(f".choices [data-value='{wrong}']")
    assert page.wait_status(*ENDED) == "lost"
    assert "再玩一次" in page.overlay()


# ---------------------------------------------------------------- colour match


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_colormatch_rounds_to_a_win(open_game, viewport: str) -> None:
    page = open_game("colormatch", viewport, rounds=3, speed="fast")
    for n in range(1, 4):
        page.wait(lambda n=n: page.call("question")["round"] == n and not page.call("question")["busy"], 8)
        q = page.call("question")
        assert q["target"] in q["choices"] and len(set(q["choices"])) == len(q["choices"]) == 4
        if n == 2:
            still(page)
        if page.touch:
            page.tap(f".sw [data-color='{q['target']}']")
        else:
            page.press(str(q["choices"].index(q["target"]) + 1))
    assert page.wait_status(*ENDED) == "won"
    assert page.state()["score"] == 3


def test_colormatch_takes_named_colours_in_any_language(open_game) -> None:
    page = open_game(
        "colormatch", "desktop", cfg=config(lang="zh-Hant", items=["red", "蓝色", "sky: #87CEEB", "nonsense"])
    )
    palette = page.call("palette")
    assert "紅色 #ef3b3b" in palette and "藍色 #2f7cf6" in palette and "sky #87ceeb" in palette
    assert page.call("question")["target"] in ("紅色", "藍色", "sky")
    colour = page.js("return getComputedStyle(document.querySelector('.sw button')).backgroundColor;")
    assert colour.startswith("rgb")


# ---------------------------------------------------------------- phonics


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_phonics_rounds_to_a_win(open_game, viewport: str) -> None:
    page = open_game("phonics", viewport, rounds=4, speed="fast")
    kinds = set()
    for n in range(1, 5):
        page.wait(lambda n=n: page.call("question")["round"] == n and not page.call("question")["busy"], 8)
        q = page.call("question")
        kinds.add(q["kind"])
        assert q["target"] in q["choices"] and len(q["choices"]) == 3
        if q["kind"] == "letter":
            letter = q["text"].split()[-1].rstrip("?").lower()
            assert q["target"].startswith(letter)
            assert sum(c.startswith(letter) for c in q["choices"]) == 1
        if n == 1:
            still(page)
        if page.touch:
            page.tap(f".ch [data-word='{q['target']}']")
        else:
            page.press(str(q["choices"].index(q["target"]) + 1))
    assert page.wait_status(*ENDED) == "won"
    assert kinds >= {"letter", "picture"}


def test_phonics_chinese_and_a_teachers_list(open_game) -> None:
    page = open_game("phonics", "phone", cfg=config(lang="zh-Hant", difficulty="easy", rounds=2))
    q = page.call("question")
    assert q["kind"] == "word" and "哪個是" in q["text"]
    page.tap(f".ch [data-word='{q['target']}']")
    page.wait(lambda: page.call("question")["round"] == 2, 8)
    page = open_game("phonics", "desktop", items=["cat", "dog", "sun 🌞", "bed", "pen"], difficulty="hard")
    bank = {row[0]: row for row in page.call("bank")}
    assert set(bank) == {"cat", "dog", "sun", "bed", "pen"}
    assert bank["cat"][1] == "🐱" and bank["sun"][1] == "🌞" and bank["bed"][1] == ""
    q = page.call("question")
    assert set(q["choices"]) <= set(bank) and q["target"] in q["choices"]


# ---------------------------------------------------------------- sorting


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_sorting_taps_and_drags_to_a_win(open_game, viewport: str) -> None:
    page = open_game("sorting", viewport, speed="fast")
    board = page.call("board")
    assert board["groups"] == ["Fruit", "Animals"] and len(board["left"]) == 8 and board["lives"] == 5
    piece = board["left"][0]
    wrong = 1 - piece["group"]
    page.tap(f".tile[data-word='{piece['word']}']")
    assert page.call("board")["selected"] >= 0
    page.tap(f".bin[data-bin='{wrong}']")
    board = page.call("board")
    assert board["mistakes"] == 1 and board["lives"] == 4 and len(board["left"]) == 8
    still(page)
    done = 0
    while page.call("board")["left"]:
        piece = page.call("board")["left"][0]
        tile = f".tile[data-word='{piece['word']}']"
        target = f".bin[data-bin='{piece['group']}']"
        if page.touch:
            page.tap(tile)
            page.tap(target)
        else:
            source, bin_el = page.find(tile), page.find(target)
            ActionChains(page.driver, duration=30).click_and_hold(source).move_by_offset(12, 12).move_to_element(
                bin_el
            ).release().perform()
        done += 1
        assert sum(page.call("board")["sorted"]) == done
    assert page.wait_status(*ENDED) == "won"
    assert page.state()["score"] == 75  # seven first-try pieces and one after a mistake
    assert "75" in page.overlay()


def test_sorting_own_groups_and_a_loss(open_game) -> None:
    page = open_game(
        "sorting", "desktop", cfg=config(lang="zh-Hans", lives=1, items=["水果: 🍎, 香蕉", "动物: dog, 🐱", "车: 🚗"])
    )
    board = page.call("board")
    assert board["groups"] == ["水果", "动物", "车"] and board["lives"] == 1
    piece = board["left"][0]
    page.press("ArrowRight")
    page.press(str((piece["group"] + 1) % 3 + 1))
    assert page.wait_status(*ENDED) == "lost"
    assert "再玩一次" in page.overlay()


# ---------------------------------------------------------------- every page


@pytest.mark.parametrize("game", ["blackjack", "war", "bigtwo", "counting", "colormatch", "phonics", "sorting"])
def test_hostile_params_do_not_break_the_page(open_game, game: str) -> None:
    cfg = config(lang="zh-Hant", items=[], rounds=10**9, min=-5, max=10**9, lives=-3, target="huge", players=7,
                 speed="warp", difficulty=None, size=10**6)  # fmt: skip
    cfg["title"] = "</script><b>x</b>"
    cfg["theme"] = {"primary": "red; }", "background": 3, "surface": None, "text": "#zzz"}
    page = open_game(game, "phone", cfg=cfg)
    assert page.state()["status"] in ("ready", "playing")
    assert page.text("h1") == "</script><b>x</b>"
    assert page.js("return document.documentElement.scrollWidth;") <= 392
