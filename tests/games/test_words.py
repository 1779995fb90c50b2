"""Word and dice games in a real browser (desktop and phone): hangman, Wordle, word search, 成语接龙, the spelling bee
and Pig. Each is loaded with a fixed seed, played through real key presses and taps (helped by the exposed hooks
where a whole game would take too long: the hidden word, the placements, the valid idiom), brought to a win or a
loss, and photographed."""

from __future__ import annotations

import time

import pytest
from game_support import config

VIEWPORTS = ["desktop", "phone"]


def key_or_tap(page, key: str) -> None:
    """A letter (or Enter / Backspace) from the keyboard on the desktop, from the on-screen keyboard on the phone."""
    if page.touch:
        page.tap(f'.fg-ctl [data-key="{key}"]')
    else:
        page.press(key)


def wordle_guess(page, word: str) -> None:
    page.wait(lambda: not page.call("busy"), 5, "the last guess never finished turning")
    if not page.touch:
        page.type_text(word + "\n")  # real key presses, sent in one go
        return
    for ch in word:
        key_or_tap(page, ch)
    key_or_tap(page, "Enter")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_wordle_colours_guesses_and_is_won(open_game, viewport: str) -> None:
    page = open_game("wordle", viewport, items=["Plant", "tiger", "elephant"], rounds=2, speed="fast")
    st = page.state()
    assert st["status"] == "ready" and st["rounds"] == 2
    answer = page.call("answer")
    assert answer in ("plant", "tiger"), "the teacher's words come first"
    # Too short: refused, nothing scored.
    for ch in "ab":
        key_or_tap(page, ch)
    key_or_tap(page, "Enter")
    assert page.call("rows") == [] and page.state()["status"] == "playing"
    key_or_tap(page, "Backspace")
    key_or_tap(page, "Backspace")
    assert page.call("current") == ""
    wrong = "eerie" if "e" not in answer else "abbey"
    wordle_guess(page, wrong)
    page.wait(lambda: len(page.call("rows")) == 1)
    row = page.call("rows")[0]
    assert row["guess"] == wrong and len(row["result"]) == 5
    page.wait(lambda: not page.call("busy"))
    keys = page.call("keys")
    assert all(keys[ch] in ("correct", "present", "absent") for ch in wrong)
    assert page.js("return document.querySelectorAll('.wd-t.correct, .wd-t.present, .wd-t.absent').length") == 5
    page.shot()
    wordle_guess(page, answer)
    page.wait(lambda: page.call("waiting"), 5, "solved word never offered the next one")
    assert page.state()["score"] == 50
    page.tap("[data-fg=ov-button]")
    assert page.call("round") == 1 and page.call("rows") == []
    second = page.call("answer")
    assert second in ("plant", "tiger") and second != answer
    wordle_guess(page, second)
    assert page.wait_status("won") == "won"
    assert page.state()["score"] == 110 and "110" in page.overlay()


def test_wordle_lost_after_six_tries_shows_the_word_and_hard_mode(open_game) -> None:
    page = open_game("wordle", "desktop", cfg=config(lang="zh-Hans", difficulty="hard", rounds=1, speed="fast"))
    assert page.state()["hard"] is True and "英文" in page.text(".wd-note")
    answer = page.call("answer")
    assert len(answer) == 5
    first = "".join(ch for ch in "qxzjvkwbfmpy" if ch not in answer)[:5]
    wordle_guess(page, first)
    page.wait(lambda: len(page.call("rows")) == 1)
    # Hard mode lets a guess leave out grey letters: everything grey so far, anything goes.
    for _ in range(5):
        wordle_guess(page, first)
    assert page.wait_status("lost") == "lost"
    assert answer.upper() in page.overlay()
    # Hard mode refuses a guess that drops a green letter.
    page = open_game("wordle", "desktop", difficulty="hard", rounds=1, items=["crane"], speed="fast")
    wordle_guess(page, "crony")
    page.wait(lambda: len(page.call("rows")) == 1 and not page.call("busy"))
    wordle_guess(page, "bxxxx")
    assert len(page.call("rows")) == 1 and page.call("current") == "bxxxx"
    assert "C" in str(page.js("return document.querySelector('.wd-toast').textContent"))


def play_pig(page, hold_at: int, limit: float = 90, shot: bool = False) -> str:
    """Plays the human side(s) of Pig with real input: roll until the turn holds hold_at points (or wins), then hold.
    With shot, photographs the first turn that has two rolls in it."""
    deadline = time.monotonic() + limit
    humans = (0, 1) if page.state()["players"] == 2 else (0,)
    while time.monotonic() < deadline:
        st = page.state()
        if st["status"] in ("won", "lost"):
            return st["status"]
        game = page.call("game")
        if game["turn"] in humans and not page.call("busy") and game["winner"] is None:
            if shot and len(game["rolls"]) >= 2:
                page.shot()
                shot = False
            banks = game["turnTotal"] >= hold_at or game["scores"][game["turn"]] + game["turnTotal"] >= game["target"]
            key = "h" if banks and game["turnTotal"] > 0 else "r"
            if page.touch:
                page.tap(f'.fg-ctl [data-key="{key}"]')
            else:
                page.press(key)
            page.wait(lambda g=game: page.call("game") != g or page.state()["status"] != "playing", 5)
        time.sleep(0.05)
    raise AssertionError("Pig never ended")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pig_against_the_computer_ends_in_a_win_or_loss(open_game, viewport: str) -> None:
    page = open_game("pig", viewport, target=20, speed="fast")
    st = page.state()
    assert st["players"] == 1 and st["target"] == 20 and st["strategy"] == "normal"
    assert page.hud("cpu") == "0" and "20" in page.text(".pg-goal")
    key_or_tap(page, "r")
    page.wait(lambda: not page.call("busy"))
    game = page.call("game")
    assert game["rolls"] or game["turn"] == 1, "a roll either adds or (a 1) passes the turn"
    end = play_pig(page, hold_at=8, shot=True)
    game = page.call("game")
    winner = game["winner"]
    assert game["scores"][winner] >= 20 and game["scores"][1 - winner] < 20
    assert end == ("won" if winner == 0 else "lost")
    assert page.hud("score") == str(game["scores"][0]) and page.hud("cpu") == str(game["scores"][1])
    assert str(game["scores"][winner]) in page.overlay()


def test_pig_two_players_and_params(open_game) -> None:
    page = open_game("pig", "phone", cfg=config(lang="zh-Hant", players=2, target=10**9, speed="fast"))
    st = page.state()
    assert st["players"] == 2 and st["target"] == 1000 and "擲骰" in page.text(".fg-ctl")
    page = open_game("pig", "desktop", players=2, target=12, speed="fast", difficulty="hard")
    assert page.state()["target"] == 12 and "Player 1" in page.text(".pg-players")
    assert play_pig(page, hold_at=6) == "won"
    assert "wins" in page.overlay()


def hangman_solve(page, wrong: int = 0, hold: int = 0) -> None:
    """Guesses the current hangman word with real keys (or taps), after `wrong` letters or characters it lacks;
    `hold` leaves that many of the word's letters unguessed."""
    word, mode = page.call("word"), page.call("mode")
    if mode == "letters":
        needed = sorted({ch for ch in word if ch.isalpha() and ch.isascii()})
        misses = [ch for ch in "QZXJKVWYFBGPMUHCDLNROTSIEA" if ch not in word][:wrong]
        for ch in (misses + needed)[: len(misses + needed) - hold]:
            if page.touch:
                page.tap(f'.fg-ctl [data-key="{ch}"]')
            else:
                page.press(ch.lower())
    else:
        needed = sorted({ch for ch in word if "\u4e00" <= ch <= "\u9fff"})
        misses = [ch for ch in page.call("candidates") if ch not in word][:wrong]
        for ch in (misses + needed)[: len(misses + needed) - hold]:
            page.tap(f'.fg-ctl [data-key="{ch}"]')


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_hangman_teacher_words_are_guessed_to_a_win(open_game, viewport: str) -> None:
    page = open_game("hangman", viewport, items=["giraffe", "ice cream", "x", "</script>"], lives=5)
    st = page.state()
    assert st["lives"] == 5 and st["rounds"] == 3, "too-short items are dropped"
    word = page.call("word")
    assert word in ("GIRAFFE", "ICE CREAM", "</SCRIPT>")
    hangman_solve(page, wrong=2, hold=1)
    assert len(page.call("misses")) == 2 and page.state()["status"] == "playing"
    page.shot()
    hangman_solve(page)
    page.wait(lambda: page.call("waiting"))
    assert page.state()["score"] == 10 + 2 * 3
    for _ in range(2):
        page.tap("[data-fg=ov-button]")
        assert not page.call("waiting") and not page.call("guessed")
        hangman_solve(page)
        page.wait(lambda: page.call("waiting") or page.state()["status"] == "won")
    assert page.wait_status("won") == "won"
    assert page.state()["score"] > 16


def test_hangman_runs_out_of_lives_and_plays_in_chinese(open_game) -> None:
    page = open_game("hangman", "desktop", lives=3, difficulty="hard")
    word = page.call("word")
    assert page.call("mode") == "letters" and len(word) >= 8
    for ch in [c for c in "QZXJKVWYFBGPMUHCDLNROTSIEA" if c not in word][:3]:
        page.press(ch.lower())
    assert page.wait_status("lost") == "lost"
    assert word in page.overlay()
    # Chinese: the word is guessed character by character from a small set of candidates.
    page = open_game("hangman", "phone", cfg=config(lang="zh-Hant", rounds=1))
    assert page.call("mode") == "chars"
    word, cands = page.call("word"), page.call("candidates")
    assert len(cands) == 12 and all(ch in cands for ch in word)
    assert "提示" in page.text(".hm-hint")
    hangman_solve(page, wrong=1)
    assert page.wait_status("won") == "won"


def spell(page, text: str) -> None:
    """Types a word into the spelling bee (keys on the desktop, the on-screen keys on the phone), then checks it."""
    if page.call("mode") == "chars":
        tiles, used = page.call("tiles"), set()
        for ch in text:
            i = next(i for i, t in enumerate(tiles) if t == ch and i not in used)
            used.add(i)
            page.tap(f'.fg-ctl [data-key="t{i}"]')
    else:
        for ch in text:
            if ch.isalpha():
                key_or_tap(page, ch)
    key_or_tap(page, "Enter")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_spellingbee_teacher_list_with_a_mistake_is_won(open_game, viewport: str) -> None:
    page = open_game("spellingbee", viewport, items=["cat", "ice cream = a cold sweet", "Elephant", "q"], lives=2)
    st = page.state()
    assert st["rounds"] == 3 and st["lives"] == 2
    seen = []
    for n in range(3):
        word = page.call("word")
        seen.append(word)
        clue = page.call("clue")
        if word == "ice cream":
            assert clue["gloss"] == "a cold sweet" and "a cold sweet" in page.text(".sb-gloss")
        if word == "cat":
            assert clue["emoji"] == "🐱"
        if n == 0:
            key_or_tap(page, "x")
            key_or_tap(page, "x")
            assert page.call("typed") == "xx"
            page.shot()
            spell(page, "x" * (len(word.replace(" ", "")) - 2))
            assert page.call("phase") == "wrong" and page.call("livesLeft") == 1
            assert word in page.text(".sb-fb")
            key_or_tap(page, "Enter")
            page.wait(lambda w=word: page.call("round") == 1)
            continue
        spell(page, word)
        if n < 2:
            page.wait(lambda r=n: page.call("round") == r + 1, 5)
    assert page.wait_status("won") == "won"
    assert sorted(seen) == ["cat", "elephant", "ice cream"]
    assert page.state()["score"] == 20 and "20" in page.overlay()


def test_spellingbee_loses_lives_and_spells_chinese_with_tiles(open_game) -> None:
    page = open_game("spellingbee", "desktop", lives=1, difficulty="easy")
    word = page.call("word")
    assert len(word) <= 4 and page.call("clue")["scrambled"] and sorted(page.call("scramble")) == sorted(word)
    page.find(".sb-tools button:nth-child(2)").click()  # peek: the word shows for a moment and halves the points
    assert page.call("peeked") is True
    spell(page, "zz" + "q" * (len(word) - 2))
    assert page.wait_status("lost") == "lost" and word in page.overlay()
    # Chinese UI without a list: English words with the Chinese word as the clue.
    page = open_game("spellingbee", "phone", cfg=config(lang="zh-Hans", rounds=1))
    clue = page.call("clue")
    assert clue["emoji"] and clue["gloss"] and page.call("mode") == "letters"
    spell(page, page.call("word"))
    assert page.wait_status("won") == "won"
    # A teacher's Chinese words: rebuilt from shuffled character tiles.
    page = open_game("spellingbee", "phone", cfg=config(lang="zh-Hant", items=["熊貓", "長頸鹿", "蘋果"]))
    for _ in range(3):
        word = page.call("word")
        assert page.call("mode") == "chars" and all(ch in page.call("tiles") for ch in word)
        assert page.call("clue")["emoji"] == {"蘋果": "🍎", "長頸鹿": "🦒", "熊貓": ""}[word], (
            "emoji from the built-in list"
        )
        spell(page, word)
        page.wait(lambda w=word: page.state()["status"] == "won" or page.call("word") != w, 5)
    assert page.wait_status("won") == "won"


def ws_cell(r: int, c: int) -> str:
    return f'.ws-c[data-r="{r}"][data-c="{c}"]'


def ws_drag(page, a: list[int], b: list[int]) -> None:
    """A real drag (mouse on the desktop, a finger on the phone) from one grid cell to another."""
    (x0, y0), (x1, y1) = page.point(ws_cell(*a)), page.point(ws_cell(*b))
    steps = [(x0 + (x1 - x0) * i / 8, y0 + (y1 - y0) * i / 8) for i in range(1, 9)]
    if page.touch:
        page._touch("touchStart", [(x0, y0)])
        for point in steps:
            page._touch("touchMove", [point])
        page._touch("touchEnd", [])
    else:
        page._mouse("mouseMoved", x0, y0)
        page._mouse("mousePressed", x0, y0)
        for x, y in steps:
            page._mouse("mouseMoved", x, y, pressed=True)
        page._mouse("mouseReleased", x1, y1)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_wordsearch_found_by_dragging_and_tapping(open_game, viewport: str) -> None:
    page = open_game("wordsearch", viewport)
    st = page.state()
    assert st["status"] == "ready" and st["difficulty"] == "normal"
    placed, n = page.call("placed"), page.call("size")
    grid = page.call("grid")
    assert 8 <= n <= 14 and len(placed) == 8 and not page.call("skipped")
    for p in placed:
        assert "".join(grid[r][c] for r, c in p["cells"]) == p["word"].upper()
    # Two cells in a line that spell no word find nothing.
    p0 = placed[0]["cells"]
    page.tap(ws_cell(*p0[0]))
    assert page.call("pending") == p0[0]
    page.tap(ws_cell(*p0[1]))
    assert not any(page.call("found"))
    # Drag the first half (backwards for one of them), tap first and last letters for the rest.
    for i, p in enumerate(placed):
        first, last = p["cells"][0], p["cells"][-1]
        if i < 4:
            ws_drag(page, last if i == 1 else first, first if i == 1 else last)
        else:
            page.tap(ws_cell(*first))
            page.tap(ws_cell(*last))
        page.wait(lambda k=i: page.call("found")[k], 3, f"{p['word']} was not found")
        if i == 5:
            page.shot()
    assert page.wait_status("won") == "won"
    assert page.hud("found") == "8/8" and ":" in page.hud("score")
    assert len(page.js("return document.querySelectorAll('.ws-w.done')")) == 8


def test_wordsearch_teacher_words_chinese_and_the_time_limit(open_game) -> None:
    page = open_game("wordsearch", "desktop", items=["Elephant", "ant", "ANT", "a", "extraordinarily", "owl"], size=99)
    assert page.call("size") == 14
    words = sorted(page.call("words"))
    assert words == sorted(["Elephant", "ant", "owl"]), "a one-letter word, a repeat and a 15-letter word are dropped"
    page = open_game("wordsearch", "phone", cfg=config(lang="zh-Hant", difficulty="easy", duration_s=600))
    placed = page.call("placed")
    assert len(placed) == 6 and page.state()["limit"] == 600
    assert all("\u4e00" <= ch <= "\u9fff" for row in page.call("grid") for ch in row)
    for p in placed:
        (r0, c0), (r1, c1) = p["cells"][0], p["cells"][-1]
        k = len(p["cells"]) - 1
        assert ((r1 - r0) // k, (c1 - c0) // k) in {(0, 1), (1, 0), (1, 1), (-1, 1)}, "easy: the four forward lines"
        page.tap(ws_cell(r0, c0))
        page.tap(ws_cell(r1, c1))
    assert page.wait_status("won") == "won" and page.state()["score"] >= 600
    # A short time limit runs out.
    page = open_game("wordsearch", "desktop", duration_s=1)
    page.tap(ws_cell(0, 0))
    assert page.wait_status("lost", timeout=6) == "lost"
    assert "Time" in page.overlay()


def idiom_turn(page) -> None:
    page.wait(lambda: page.call("turn") in ("you", "over"), 5, "the computer never answered")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_idioms_chain_is_won_by_picking_the_valid_idiom(open_game, viewport: str) -> None:
    page = open_game("idioms", viewport, cfg=config(lang="zh-Hans", rounds=3, speed="fast"))
    st = page.state()
    assert st["rounds"] == 3 and st["count"] >= 300 and st["turnSeconds"] == 20
    for n in range(3):
        idiom_turn(page)
        if page.state()["status"] == "won":
            break
        cur, options, k = page.call("current"), page.call("options"), page.call("answer")
        assert len(options) == 4 and len(set(options)) == 4
        assert [o for o in options if o[0] == cur[-1]] == [options[k]], "exactly one option continues the chain"
        assert f"「{cur[-1]}」" in page.text(".id-ask")
        if n == 1:
            page.shot()
        if page.touch:
            page.tap(f'.id-opts [data-opt="{k}"]')
        else:
            page.press(str(k + 1))
        page.wait(lambda c=cur: page.call("current") != c or page.state()["status"] == "won", 5)
        chain = page.call("chain")
        assert chain[-1] == options[k] or chain[-2] == options[k]
    assert page.wait_status("won") == "won"
    assert page.state()["score"] >= 30
    chain = page.call("chain")
    assert all(a[-1] == b[0] for a, b in zip(chain, chain[1:], strict=False)), chain


def test_idioms_wrong_pick_typing_and_timeout(open_game) -> None:
    page = open_game("idioms", "desktop", cfg=config(lang="zh-Hant", speed="fast"))
    cur = page.call("current")
    assert cur in page.text(".id-now")
    # Typing: an unknown idiom is refused with a word, so is one that does not chain; a valid one is taken.
    page.find(".id-type input").click()
    page.type_text("天天向上")
    page.find(".id-type button").click()
    assert "天天向上" in page.text(".id-say") and page.call("links") == 0
    page.find(".id-type input").clear()
    stranger = next(o for o in page.call("options") if o[0] != cur[-1])
    page.find(".id-type input").click()
    page.type_text(stranger + "\n")
    assert f"「{cur[-1]}」" in page.text(".id-say") and page.call("links") == 0
    page.find(".id-type input").clear()
    follower = page.call("options")[page.call("answer")]
    assert follower in page.call("valid")
    page.find(".id-type input").click()
    page.type_text(follower + "\n")
    page.wait(lambda: page.call("links") == 1)
    assert follower in page.call("chain")
    idiom_turn(page)
    # A wrong pick loses, and the right one is shown.
    k = page.call("answer")
    right = page.call("options")[k]
    page.find(f'.id-opts [data-opt="{(k + 1) % 4}"]').click()
    assert page.wait_status("lost") == "lost"
    assert right in page.overlay() and "right" in page.find(f'.id-opts [data-opt="{k}"]').get_attribute("class")
    # Waiting past the turn's time loses too (5 s, the shortest).
    page = open_game("idioms", "phone", duration_s=1)
    assert page.state()["turnSeconds"] == 5 and "idiom" in page.text(".id-rule")
    page.tap(".id-type input")
    assert page.wait_status("lost", timeout=9) == "lost"


HOSTILE = {
    "items": ["</script><script>alert(1)</script>", "", None, 7, "x" * 500, "ok", "\u2028", "<b>bold</b>"] * 80,
    "size": 10**9,
    "lives": -5,
    "rounds": 10**6,
    "target": "lots",
    "duration_s": -1,
    "players": 99,
    "speed": "warp",
    "difficulty": "nightmare",
}


@pytest.mark.parametrize("game", ["hangman", "wordle", "wordsearch", "idioms", "spellingbee", "pig"])
def test_words_games_survive_hostile_params(open_game, game: str) -> None:
    cfg = config(lang="xx-YY", seed=None, **HOSTILE)
    cfg["title"] = '</script><!-- """ -->'
    cfg["theme"] = {"primary": "red; }", "background": None, "surface": 12, "text": "#zzz"}
    page = open_game(game, "phone", cfg)
    assert page.state()["status"] == "ready"
    assert "</script>" in page.text("header h1")
    page.tap("[data-fg=restart]")
    assert page.state()["status"] == "playing"
    assert not page.js("return [...document.querySelectorAll('b')].some((b) => b.textContent === 'bold')"), (
        "markup stays text"
    )
    if game in ("hangman", "spellingbee"):
        assert page.state()["rounds"] == 2, "repeated words count once: 'ok' and '<b>bold</b>'"
