"""The drill and order components in rendered bundles: questions stay in the range asked for, right answers
score, missed ones come back, the countdown checks the round; items swap places and the order is checked. The
bundles' own key-path tests pass (a spelling test's words changed in the app too), in English and Chinese."""

from __future__ import annotations

import importlib
import time
from pathlib import Path

import pytest
from app_under_test import open_app, shown
from support import ruff_problems, run_bundle_tests

from generator.planner import plan
from generator.render import render


def test_drill_scores_typed_answers_and_drills_the_missed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Times tables practice for 3 and 7, 6 questions per round", tmp_path, monkeypatch)
    questions = at.session_state["drill__state"]["questions"]
    assert len(questions) == 6
    for left, op, right, answer in questions:
        assert op == "×" and (left in (3, 7) or right in (3, 7)) and left * right == answer
    for n, q in enumerate(questions):
        at.text_input(key=f"drill__a{n}").set_value(str(q[3] + (1 if n == 2 else 0))).run()
    at.button(key="drill__check").click().run()
    assert shown(at, "score") == 5
    missed = questions[2]
    assert shown(at, "missed") == [f"{missed[0]} × {missed[2]} = {missed[3]}"]
    assert shown(at, "best") == 5
    at.button(key="drill__again").click().run()
    assert (shown(at, "round"), shown(at, "total"), shown(at, "finished")) == (2, 1, False)
    assert shown(at, "questions") == [f"{missed[0]} × {missed[2]}"]
    at.text_input(key="drill__a0").set_value(f" {missed[3]} ").run()
    at.button(key="drill__check").click().run()
    assert (shown(at, "score"), shown(at, "missed")) == (1, [])
    at.button(key="drill__new").click().run()
    assert (shown(at, "round"), shown(at, "total"), shown(at, "answered")) == (3, 6, 0)
    at.multiselect(key="drill__tables").set_value([7]).run()
    assert shown(at, "round") == 4
    assert all("7" in q.split(" × ") for q in shown(at, "questions"))


def test_drill_questions_keep_to_the_range(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, _ = open_app("口算练习，20以内加减法，一次10道题", tmp_path, monkeypatch)
    components = importlib.import_module("components")
    cases = [
        ({"ops": ["+", "-"], "low": 0, "high": 20, "tables": []}, {"+", "-"}),
        ({"ops": ["×", "÷"], "low": 0, "high": 100, "tables": []}, {"×", "÷"}),
        ({"ops": ["+", "-", "×", "÷"], "low": 1, "high": 30, "tables": []}, {"+", "-", "×", "÷"}),
        ({"ops": ["÷"], "low": 0, "high": 100, "tables": [7]}, {"÷"}),
    ]
    for settings, ops in cases:
        cfg = {"id": "d", "count": 40, "up_to": 10, **settings}
        seen = set()
        for _ in range(10):
            for left, op, right, answer in components.drill_questions(cfg):
                seen.add(op)
                assert {"+": left + right, "-": left - right, "×": left * right}.get(op, answer) == answer
                if op == "÷":
                    assert right * answer == left
                if not settings["tables"]:
                    assert all(cfg["low"] <= n <= cfg["high"] for n in (left, right, answer)), (cfg, left, op, right)
                else:
                    assert right == 7 and 1 <= answer <= 10
        assert seen == ops
    assert bundle.exists()


def test_drill_countdown_checks_the_round_when_time_is_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("addition drill, 5 questions, 30 second timer", tmp_path, monkeypatch)
    assert shown(at, "finished") is False
    state = dict(at.session_state["drill__state"])
    state["started"] = time.time() - 31
    at.session_state["drill__state"] = state
    at.run()
    assert shown(at, "finished") is True
    assert shown(at, "score") == 0 and len(shown(at, "missed")) == 5


def test_order_swaps_and_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Put these in order: egg, caterpillar, pupa, butterfly", tmp_path, monkeypatch)
    items = ["egg", "caterpillar", "pupa", "butterfly"]
    start = shown(at, "order")
    assert sorted(start) == sorted(items) and start != items
    at.selectbox(key="order__p0").set_value("pupa").run()
    now = shown(at, "order")
    assert now[0] == "pupa" and sorted(now) == sorted(items)
    for n, item in enumerate(items):
        at.selectbox(key=f"order__p{n}").set_value(item).run()
    at.button(key="order__check").click().run()
    assert (shown(at, "solved"), shown(at, "score"), shown(at, "wrong")) == (True, 4, [])
    at.selectbox(key="order__p3").set_value("egg").run()
    assert shown(at, "finished") is False
    at.button(key="order__check").click().run()
    assert (shown(at, "solved"), shown(at, "wrong"), shown(at, "score")) == (False, [1, 4], 2)
    at.button(key="order__shuffle").click().run()
    assert shown(at, "order") != items and shown(at, "finished") is False


@pytest.mark.parametrize(
    "idea",
    [
        "九九乘法表測驗，隨機出10題，答錯的再練一次",
        "Mental math practice: multiplication and division up to 100, 60 second timer",
        "把下面的历史朝代按顺序排列：唐、秦、汉、宋、明、清",
        "Order the fractions from smallest to largest: 1/2, 1/3, 3/4, 1/8",
        "Balance chemical equations practice, 6 questions",
        "Spelling test with these words: because, friend, believe. Read each word out loud",
        "英文單字拼寫練習，單字：apple, banana, orange",
    ],
)
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_fraction_answers_count_in_any_equal_form(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Fraction practice: add and subtract fractions, 4 questions", tmp_path, monkeypatch)
    questions = at.session_state["drill__state"]["questions"]
    assert all(q[1] in "+-" and "/" in q[0] + q[2] for q in questions)
    top, _, bottom = str(questions[0][3]).partition("/")
    doubled = f"{int(top) * 2}/{int(bottom or 1) * 2}"
    typed = [doubled, *(q[3] for q in questions[1:3]), "1/0"]
    for n, answer in enumerate(typed):
        at.text_input(key=f"drill__a{n}").set_value(answer).run()
    at.button(key="drill__check").click().run()
    assert shown(at, "score") == 3
    assert shown(at, "missed") == [f"{questions[3][0]} {questions[3][1]} {questions[3][2]} = {questions[3][3]}"]


def test_equation_drill_shows_the_steps_of_a_wrong_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("一元一次方程练习，随机出3道题", tmp_path, monkeypatch)
    questions = at.session_state["drill__state"]["questions"]
    assert len(questions) == 3
    for left, _, right, x, _ in questions:
        a, b = int(left.split("x")[0]), int(left.split(" ")[-1])
        assert (a * x + b if "+" in left else a * x - b) == right
    at.text_input(key="drill__a0").set_value(f"x = {questions[0][3]}").run()
    at.text_input(key="drill__a1").set_value(str(questions[1][3] + 1)).run()
    at.button(key="drill__check").click().run()
    assert shown(at, "score") == 1
    assert shown(at, "missed")[0] == f"{questions[1][0]} = {questions[1][2]} → x = {questions[1][3]}"
    assert questions[1][4] in [c.value for c in at.caption]


def test_unit_conversion_answers_are_checked_exactly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Unit conversion practice: km to m and kg to g, 4 questions", tmp_path, monkeypatch)
    questions = at.session_state["drill__state"]["questions"]
    for amount, sign, unit, answer in questions:
        assert sign == "=" and unit.startswith("? ")
        number, given = int(amount.split()[0]), amount.split()[1]
        assert (number * 1000 if given in ("km", "kg") else number / 1000) == answer
    for n, q in enumerate(questions[:3]):
        at.text_input(key=f"drill__a{n}").set_value(str(q[3])).run()
    at.button(key="drill__check").click().run()
    last = questions[3]
    assert shown(at, "score") == 3
    assert shown(at, "missed") == [f"{last[0]} = {last[3]} {last[2][2:]}"]


def test_a_teacher_replaces_the_items_to_order(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("行星排序练习", tmp_path, monkeypatch)
    assert shown(at, "total") == 8
    at.text_area(key="order__items").set_value("唐\n\n宋\n元\n宋").run()
    at.button(key="order__save_items").click().run()
    assert shown(at, "total") == 3 and sorted(shown(at, "order")) == sorted(["唐", "宋", "元"])
    assert shown(at, "order") != ["唐", "宋", "元"]
    at.text_area(key="order__items").set_value("only one").run()
    at.button(key="order__save_items").click().run()
    assert shown(at, "total") == 3  # one item is nothing to order: the list stays
