"""Word and dice games in a real browser (desktop and phone): hangman, Wordle, word search, 成语接龙, the spelling bee
and Pig. Each is loaded with a fixed seed, played through real key presses and taps (helped by the exposed hooks
where a whole game would take too long: the hidden word, the placements, the valid idiom), brought to a win or a
loss, and photographed."""

from __future__ import annotations

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
    for ch in word:
        key_or_tap(page, ch)
    key_or_tap(page, "Enter")


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_wordle_colours_guesses_and_is_won(open_game, viewport: str) -> None:
    page = open_game("wordle", viewport, items=["Plant", "tiger", "elephant"], rounds=2)
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
    page = open_game("wordle", "desktop", cfg=config(lang="zh-Hans", difficulty="hard", rounds=1))
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
    page = open_game("wordle", "desktop", difficulty="hard", rounds=1, items=["crane"])
    wordle_guess(page, "crony")
    page.wait(lambda: len(page.call("rows")) == 1 and not page.call("busy"))
    wordle_guess(page, "bxxxx")
    assert len(page.call("rows")) == 1 and page.call("current") == "bxxxx"
    assert "C" in str(page.js("return document.querySelector('.wd-toast').textContent"))
