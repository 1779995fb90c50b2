"""The pictures component in rendered bundles: clocks drawn at the time asked, questions kept to the level, right
answers (picked, typed or set with the hands) score and wrong ones are listed with their answers at the end of a
round; coins and notes add up to the amount asked, a price is made by tapping pieces (too much, too little, not
the fewest), change is the payment less the price. The bundles' own tests pass in English and Chinese."""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from types import ModuleType

import pytest
from app_under_test import open_app
from app_under_test import shown as _out
from support import ruff_problems, run_bundle_tests

from generator.planner import plan
from generator.render import TEMPLATES_DIR, render


def _components(bundle: Path) -> ModuleType:
    """The bundle's components.py, loaded as a module of its own."""
    name = f"pictures_components_{abs(hash(bundle))}"
    found = importlib.util.spec_from_file_location(name, bundle / "components.py")
    assert found is not None and found.loader is not None
    module = importlib.util.module_from_spec(found)
    found.loader.exec_module(module)
    return module


def _cfg(bundle: Path, cid: str) -> dict:
    spec = json.loads((bundle / "spec.json").read_text(encoding="utf-8"))
    return next(c for s in spec["screens"] for c in s["components"] if c["id"] == cid)


def _rendered(idea: str, tmp_path: Path) -> tuple[ModuleType, Path]:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    return _components(bundle), bundle


def test_reading_the_clock_scores_right_answers_and_lists_the_missed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle, at = open_app("tell the time quiz, pick the time shown, 4 questions", tmp_path, monkeypatch)
    ui = _components(bundle)
    cfg = _cfg(bundle, "clock")
    questions = at.session_state["clock__state"]["questions"]
    assert [q["kind"] for q in questions] == ["read"] * 4
    for n, question in enumerate(questions):
        choices = at.radio(key="clock__choice").options
        right = ui.clock_text(cfg, question["answer"])
        assert len(choices) == 4 and right in choices
        picked = right if n != 2 else next(c for c in choices if c != right)
        at.radio(key="clock__choice").set_value(picked).run()
        at.button(key="clock__check").click().run()
        assert _out(at, "last") == ("wrong" if n == 2 else "right")
        if n < 3:
            at.button(key="clock__next").click().run()
            assert at.radio(key="clock__choice").value is None  # the answer is cleared for the next one
    assert _out(at, "finished") is True
    assert _out(at, "score") == 3
    assert _out(at, "missed") == [ui.clock_text(cfg, questions[2]["answer"])]
    at.button(key="clock__new").click().run()
    assert (_out(at, "round"), _out(at, "answered"), _out(at, "finished")) == (2, 0, False)


def test_setting_the_hands_and_typing_the_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, at = open_app("read the clock and set its hands, 6 questions", tmp_path, monkeypatch)
    ui = _components(bundle)
    questions = at.session_state["clock__state"]["questions"]
    assert [q["kind"] for q in questions[:2]] == ["read", "set"]
    at.button(key="clock__check").click().run()
    at.button(key="clock__next").click().run()
    goal = questions[1]["answer"]
    hour = goal // 60 or 12
    at.selectbox(key="clock__hour").set_value(hour).run()
    at.selectbox(key="clock__minute").set_value(goal % 60).run()
    at.button(key="clock__check").click().run()
    assert _out(at, "last") == "right" and _out(at, "score") == 1

    cfg = {"hours24": False}
    assert ui.clock_typed(cfg, "3:45") == 3 * 60 + 45
    assert ui.clock_typed(cfg, " 15.45 ") == 15 * 60 + 45
    assert ui.clock_typed(cfg, "3点半") == 3 * 60 + 30
    assert ui.clock_typed(cfg, "3點一刻") == 3 * 60 + 15
    assert ui.clock_typed(cfg, "7 o'clock") == 7 * 60
    assert ui.clock_typed(cfg, "3:45 pm") == ui.clock_typed(cfg, "下午3点45分") == 15 * 60 + 45
    assert ui.clock_typed(cfg, "12:10 a.m.") == 10 and ui.clock_typed(cfg, "15:00 pm") is None
    assert ui.clock_typed(cfg, "half") is None and ui.clock_typed(cfg, "3:75") is None
    assert ui.clock_same(cfg, 15 * 60 + 45, 3 * 60 + 45)  # a 12-hour clock cannot tell the afternoon
    assert not ui.clock_same({"hours24": True}, 3 * 60 + 45, 15 * 60 + 45)


@pytest.mark.parametrize("level", ["hour", "half", "quarter", "five", "minute"])
def test_clock_questions_keep_to_the_level(level: str, tmp_path: Path) -> None:
    ui, bundle = _rendered("telling the time with elapsed time questions, 24-hour clock", tmp_path)
    cfg = _cfg(bundle, "clock")
    assert cfg["hours24"] and "elapsed" in cfg["modes"]
    allowed = ui.PICTURES_MINUTES[level]
    for seed in range(15):
        for question in ui.pictures_questions(cfg, level, seed):
            assert question["shown"] % 60 in allowed
            assert 0 <= question["answer"] < 24 * 60
            assert question["answer"] in question["choices"] and len(set(question["choices"])) == 4
            if question["kind"] == "elapsed":
                assert question["answer"] == (question["shown"] + question["add"]) % (24 * 60)
                assert 0 < question["add"] <= 180


def _hands(svg: str) -> list[tuple[float, float]]:
    """Where the clock's hands end (the lines drawn with round ends), hour hand first."""
    lines = ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}line")
    return [(float(e.get("x2", "nan")), float(e.get("y2", "nan"))) for e in lines if e.get("stroke-linecap") == "round"]


def test_the_clock_face_is_drawn_with_the_hands_at_the_time(tmp_path: Path) -> None:
    ui, _ = _rendered("read the clock practice", tmp_path)
    face = ET.fromstring(ui.clock_svg(3 * 60, 200))
    texts = [e.text for e in face.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == [str(n) for n in range(1, 13)]
    hour, minute = _hands(ui.clock_svg(3 * 60, 200))
    assert hour[0] > 140 and abs(hour[1] - 100) < 0.5  # three o'clock: the hour hand points right
    assert abs(minute[0] - 100) < 0.5 and minute[1] < 40  # the minute hand: up
    hour = _hands(ui.clock_svg(2 * 60 + 30, 200))[0]
    assert hour[1] < 100 < hour[0]  # half past two: between the 2 and the 3
    assert abs(hour[0] - 100) > abs(hour[1] - 100)
    assert _hands(ui.clock_svg(None, 200)) == []


def test_making_a_price_by_tapping_coins_and_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, at = open_app("认识人民币：凑钱练习，用最少的张数，5道题", tmp_path, monkeypatch)
    ui = _components(bundle)
    cfg = _cfg(bundle, "money")
    assert cfg["modes"] == ["make"] and cfg["fewest"] and cfg["currency"] == "CNY"
    used = ui.money_used(cfg)
    questions = at.session_state["money__state"]["questions"]
    price = questions[0]["answer"]
    at.button(key="money__add0").click().run()
    at.button(key="money__add0").click().run()
    assert _out(at, "made") == 2 * used[0]
    at.button(key="money__undo").click().run()
    assert _out(at, "made") == used[0]
    at.button(key="money__clear").click().run()
    assert _out(at, "made") == 0
    for _ in range(price // used[-1] + 1):  # more than the price: marked wrong, saying by how much
        at.button(key=f"money__add{len(used) - 1}").click().run()
    assert _out(at, "made") > price
    at.button(key="money__check").click().run()
    assert _out(at, "last") == "wrong"
    assert any("多了" in e.value for e in at.error)
    at.button(key="money__next").click().run()
    price = questions[1]["answer"]
    left = price
    for piece in sorted(used, reverse=True):  # the fewest pieces, largest first
        while left >= piece:
            at.button(key=f"money__add{used.index(piece)}").click().run()
            left -= piece
    assert _out(at, "made") == price
    at.button(key="money__check").click().run()
    assert _out(at, "last") == "right"
    at.button(key="money__next").click().run()
    price = questions[2]["answer"]
    for _ in range(price // used[0]):  # the right amount in the smallest coins only
        at.button(key="money__add0").click().run()
    at.button(key="money__check").click().run()
    fewest = ui.money_fewest(used, price)
    assert _out(at, "last") == ("right" if fewest == price // used[0] else "wrong")


def test_counting_and_change_add_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, at = open_app("counting money and giving change practice, up to $20", tmp_path, monkeypatch)
    ui = _components(bundle)
    cfg = _cfg(bundle, "money")
    assert cfg["currency"] == "USD" and cfg["high"] == 2000
    assert set(cfg["modes"]) == {"count", "change"}
    for seed in range(20):
        for question in ui.pictures_questions(cfg, "", seed):
            assert question["answer"] in question["choices"]
            if question["kind"] == "count":
                assert sum(question["pieces"]) == question["answer"]
                assert cfg["low"] <= question["answer"] <= cfg["high"]
            else:
                assert question["paid"] > question["price"] and sum(question["pieces"]) == question["paid"]
                assert question["answer"] == question["paid"] - question["price"]
    question = at.session_state["money__state"]["questions"][0]
    right = ui.money_text(cfg, question["answer"])
    at.radio(key="money__choice").set_value(right).run()
    at.button(key="money__check").click().run()
    assert _out(at, "last") == "right"
    svg = ET.fromstring(ui.money_svg(cfg, [2000, 100, 25, 1]))
    labels = [e.text for e in svg.iter("{http://www.w3.org/2000/svg}text")]
    assert labels == ["$20", "$1", "25¢", "1¢"]


def test_amounts_are_written_and_read_the_way_the_currency_is(tmp_path: Path) -> None:
    ui, _ = _rendered("counting money practice", tmp_path)
    text, typed = ui.money_text, ui.money_typed
    assert ui.money_fewest([1, 10, 25], 30) == 3  # three dimes, not a quarter and five pennies
    assert ui.money_fewest([1, 5, 10, 25], 99) == 9 and ui.money_fewest([10, 50, 100], 75) == -1
    cny = {"currency": "CNY", "style": "words"}
    assert [text(cny, n) for n in (750, 50, 1000, 1205)] == ["7元5角", "5角", "10元", "12元5分"]
    assert [typed(cny, s) for s in ("7元5角", "7.5", "7块5毛", "5角", "¥7.50", "abc", "")] == [
        750, 750, 750, 50, 750, None, None,
    ]  # fmt: skip
    twd = {"currency": "TWD", "style": "words"}
    assert text(twd, 75) == "75元" and typed(twd, "NT$75") == 75 and typed(twd, "75元") == 75
    usd = {"currency": "USD", "style": "symbol"}
    assert [text(usd, n) for n in (750, 25, 2000)] == ["$7.50", "25¢", "$20"]
    assert [typed(usd, s) for s in ("$7.50", "7.5", "25c", "25 cents", "0.255")] == [750, 750, 25, 25, None]
    assert text({"currency": "GBP", "style": "symbol"}, 5) == "5p"
    assert text({"currency": "EUR", "style": "symbol"}, 250) == "€2.50"
    assert text({"currency": "JPY", "style": "symbol"}, 1500) == "¥1,500"


def test_every_text_is_in_each_language() -> None:
    table = json.loads((TEMPLATES_DIR / "app_strings.json").read_text(encoding="utf-8"))
    source = (TEMPLATES_DIR / "components" / "pictures.py.j2").read_text(encoding="utf-8")
    keys = set(re.findall(r"t\(\"(pictures_\w+)\"\)", source)) | {f"pictures_level_{lv}" for lv in ("hour", "minute")}
    assert len(keys) > 30
    for language in ("en", "zh-Hans", "zh-Hant"):
        assert keys <= set(table[language]), sorted(keys - set(table[language]))
    assert all("题" not in table["zh-Hant"][k] and "钟" not in table["zh-Hant"][k] for k in keys)


@pytest.mark.parametrize(
    "idea",
    [
        "telling the time practice for first graders, 5 questions",
        "认识人民币：数钱和凑钱，20元以内，6道题",
        "新台幣找零練習，500元以內，輸入答案",
    ],
)
def test_the_bundles_own_tests_pass(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
