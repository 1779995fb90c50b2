"""Zhuyin practice in rendered bundles: readings in zhuyin with tone marks (媽 ㄇㄚ, 好 ㄏㄠˇ, 的 ˙ㄉㄜ), typed
zhuyin graded with or without spaces and first-tone mark, choose-the-zhuyin and tone questions, initials and finals
in zhuyin, traditional characters; the bundles' own key-path tests pass and are ruff clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_under_test import open_app, shown
from support import ruff_problems, run_bundle_tests

from flashapps.policy import check_bundle
from generator.planner import plan
from generator.render import render


def test_typed_zhuyin_is_graded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("寫出注音的練習，這些字：媽、好、的、你好", tmp_path, monkeypatch)
    questions = at.session_state["pinyin__state"]["questions"]
    assert [q["task"] for q in questions] == ["type"] * 4
    assert [q["answer"] for q in questions] == ["ㄇㄚ", "ㄏㄠˇ", "˙ㄉㄜ", "ㄋㄧˇ ㄏㄠˇ"]
    for n, typed in enumerate(["ㄇㄚˉ", "ㄏㄠˇ", "ㄉㄜ˙", "ㄋㄧˇㄏㄠ"]):
        at.text_input(key=f"pinyin__t{n}").set_value(typed).run()
    at.button(key="pinyin__check").click().run()
    assert (shown(at, "pinyin.score"), shown(at, "pinyin.missed")) == (3, ["你好 ㄋㄧˇ ㄏㄠˇ"])
    at.button(key="pinyin__again").click().run()
    at.text_input(key="pinyin__t0").set_value("ㄋㄧˇ ㄏㄠˇ").run()
    at.button(key="pinyin__check").click().run()
    assert (shown(at, "pinyin.score"), shown(at, "pinyin.missed")) == (1, [])


def test_choose_the_zhuyin_and_the_tone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("注音和聲調練習：媽 好 的 山 水", tmp_path, monkeypatch)
    questions = at.session_state["pinyin__state"]["questions"]
    first = questions[0]
    assert first["task"] == "pinyin" and first["answer"] == "ㄇㄚ" and "選出「媽」的注音" in first["prompt"]
    assert len(set(first["choices"])) == 4 and "ㄇㄚ" in first["choices"]
    assert all(set(c) <= set("ㄅㄆㄇㄈㄉㄊㄋㄌㄍㄎㄏㄐㄑㄒㄓㄔㄕㄖㄗㄘㄙㄚㄛㄜㄝㄞㄟㄠㄡㄢㄣㄤㄥㄦㄧㄨㄩˊˇˋ˙ ")
               for c in first["choices"])  # fmt: skip
    tone = next(q for q in questions if q["task"] == "tone" and q["item"] == 1)
    assert tone["answer"] == "第三聲 ˇ" and "ㄏㄠ" in tone["prompt"]
    neutral = next(q for q in questions if q["item"] == 2)
    assert neutral["answer"] in ("˙ㄉㄜ", "輕聲")
    at.radio(key="pinyin__c0").set_value("ㄇㄚ").run()
    at.button(key="pinyin__check").click().run()
    assert shown(at, "pinyin.score") == 1
    assert "好 ㄏㄠˇ" in shown(at, "pinyin.missed")


def test_initials_and_finals_in_zhuyin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("注音的聲母韻母練習：這些字：好 綠 吃 安", tmp_path, monkeypatch)
    asked = [(q["task"], q["answer"]) for q in at.session_state["pinyin__state"]["questions"]]
    assert asked[:4] == [("initial", "ㄏ"), ("final", "ㄩ"), ("initial", "ㄔ"), ("final", "ㄢ")]


@pytest.mark.parametrize("idea", ["a bopomofo practice app for kids in Taiwan", "國語聲調練習，台灣小學一年級用"])
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    assert check_bundle(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
