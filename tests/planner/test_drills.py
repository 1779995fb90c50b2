"""Practice drills read from the sentence: operations, ranges, times tables, counts and time limits; ordering
exercises from the sentence's items or a known sequence; the chemical equations, checked atom by atom."""

from __future__ import annotations

import json
import re
from collections import Counter
from math import gcd
from pathlib import Path

import pytest

from flashapps.spec import DrillComponent, OrderComponent, QuizComponent
from generator.planner import plan
from generator.planner.patterns.drills import equation_answers

DATA = Path(__file__).resolve().parents[2] / "generator" / "planner" / "data"


def _only(idea: str, kind: str) -> object:
    planned = plan(idea)
    assert planned.pattern == "drill", (idea, planned.pattern)
    found = [c for c in planned.spec.components() if c.kind == kind]
    assert len(found) == 1, (idea, [c.kind for c in planned.spec.components()])
    return found[0]


@pytest.mark.parametrize(
    ("idea", "ops", "low", "high", "count", "seconds"),
    [
        ("An addition and subtraction drill with numbers from 1 to 50, 20 questions, 2 minute timer", "+-", 1, 50, 20,
         120),
        ("Mental maths practice: multiplication and division up to 100", "×÷", 0, 100, 10, 0),
        ("100以内加减法练习，每轮15道题，限时3分钟", "+-", 0, 100, 15, 180),
        ("口算练习，20以内加减法，一次12道题", "+-", 0, 20, 12, 0),
        ("加減乘除練習，數字1到30，一次8題", "+-×÷", 1, 30, 8, 0),
        ("quick subtraction worksheet between 10 and 99, timed", "-", 10, 99, 10, 60),
    ],
)  # fmt: skip
def test_arithmetic_drill_takes_the_sentence_s_numbers(
    idea: str, ops: str, low: int, high: int, count: int, seconds: int
) -> None:
    drill = _only(idea, "drill")
    assert isinstance(drill, DrillComponent)
    assert ("".join(drill.ops), drill.low, drill.high, drill.count, drill.seconds) == (ops, low, high, count, seconds)
    assert drill.tables == []


@pytest.mark.parametrize(
    ("idea", "tables", "up_to", "count", "seconds"),
    [
        ("Times tables practice for 3, 4 and 7, 15 questions per round", [3, 4, 7], 10, 15, 0),
        ("Quiz my class on the 8 and 9 times tables with a 45 second countdown", [8, 9], 10, 20, 45),
        ("times tables drill, tables 2-12, 25 questions", list(range(2, 13)), 12, 25, 0),
        ("九九乘法表背诵测试，随机出题，做错的题再练一遍", list(range(1, 10)), 9, 20, 0),
        ("6的乘法表練習，隨機出10題", [6], 10, 10, 0),
    ],
)
def test_times_tables_are_the_ones_named(idea: str, tables: list[int], up_to: int, count: int, seconds: int) -> None:
    drill = _only(idea, "drill")
    assert isinstance(drill, DrillComponent)
    assert "×" in drill.ops
    assert (drill.tables, drill.up_to, drill.count, drill.seconds) == (tables, up_to, count, seconds)


def test_a_drill_speaks_the_idea_s_language() -> None:
    for idea, language in (("乘法口诀练习，随机出20道题", "zh-Hans"), ("乘法口訣練習，隨機出20題", "zh-Hant")):
        planned = plan(idea)
        assert planned.spec.brief.language == language
        assert re.search(r"[\u4e00-\u9fff]", planned.spec.brief.title)
        text = planned.spec.components()[0]
        assert text.kind == "text" and "20" in text.body


@pytest.mark.parametrize(
    ("idea", "items"),
    [
        ("Put the planets in order from the sun", ["Mercury", "Venus", "Earth", "Mars", "Jupiter", "Saturn", "Uranus",
                                                   "Neptune"]),
        ("Ordering exercise: put these in order: pupa, egg, butterfly, caterpillar",
         ["egg", "caterpillar", "pupa", "butterfly"]),
        ("Order the fractions from smallest to largest: 1/2, 1/3, 3/4, 1/8", ["1/8", "1/3", "1/2", "3/4"]),
        ("Sort the numbers from largest to smallest: 0.5, 2, 1/4, 75%", ["2", "75%", "0.5", "1/4"]),
        ("把下面的历史朝代按顺序排列：唐、秦、汉、宋、明、清", ["秦", "汉", "唐", "宋", "明", "清"]),
        ("行星排序练习，从离太阳最近到最远", ["水星", "金星", "地球", "火星", "木星", "土星", "天王星", "海王星"]),
        ("把這些步驟排好順序：洗米、煮飯、盛飯、吃飯", ["洗米", "煮飯", "盛飯", "吃飯"]),
        ("彩虹顏色排序練習", ["紅", "橙", "黃", "綠", "藍", "靛", "紫"]),
        ("把四季按顺序排好：秋、春、冬、夏", ["春", "夏", "秋", "冬"]),
    ],
)  # fmt: skip
def test_ordering_exercise_has_the_right_order(idea: str, items: list[str]) -> None:
    order = _only(idea, "order")
    assert isinstance(order, OrderComponent)
    assert order.items == items
    assert order.prompt and order.editable


@pytest.mark.parametrize(
    "idea",
    [
        "Put my tasks in order of priority: laundry, dishes, homework",
        "an app to track my daily water",
        "Spelling practice with these words: because, friend, believe",
        "A calculator for multiplication and division",
        "记录孩子每天的口算练习时间",
    ],
)
def test_other_ideas_are_not_drills(idea: str) -> None:
    assert plan(idea).pattern != "drill"


def _atoms(formula: str) -> Counter[str]:
    """Atoms in a formula such as Cu(OH)2 or C2H5OH."""
    inner = re.sub(r"\(([^()]*)\)(\d*)", lambda m: m[1] * int(m[2] or 1), formula)
    found: Counter[str] = Counter()
    for symbol, count in re.findall(r"([A-Z][a-z]?)(\d*)", inner):
        found[symbol] += int(count or 1)
    return found


def test_every_equation_in_the_data_file_balances_with_the_smallest_coefficients() -> None:
    equations = json.loads((DATA / "equations.json").read_text(encoding="utf-8"))["equations"]
    assert len(equations) >= 10
    assert _atoms("Cu(OH)2") == Counter({"Cu": 1, "O": 2, "H": 2})
    for eq in equations:
        coefficients = eq["coefficients"]
        assert len(coefficients) == len(eq["left"]) + len(eq["right"]), eq
        left, right = Counter[str](), Counter[str]()
        for c, s in zip(coefficients, eq["left"], strict=False):
            left.update({k: v * c for k, v in _atoms(s).items()})
        for c, s in zip(coefficients[len(eq["left"]) :], eq["right"], strict=True):
            right.update({k: v * c for k, v in _atoms(s).items()})
        assert left == right, eq
        divisor = 0
        for c in coefficients:
            divisor = gcd(divisor, c)
        assert divisor == 1, eq


def test_balancing_quiz_accepts_the_coefficients_typed_several_ways() -> None:
    quiz = _only("化学方程式配平练习，要有初中常见的方程式", "quiz")
    assert isinstance(quiz, QuizComponent) and quiz.mode == "typed"
    first = quiz.questions[0]
    assert first.prompt == "__ H₂ + __ O₂ → __ H₂O"
    assert {"2 1 2", "2,1,2", "2、1、2", "2，1，2"} <= set(first.choices)
    assert "1 2" not in first.choices
    assert equation_answers([1, 3, 2])[0] == "1 3 2"
    assert len(_only("Balance chemical equations practice, 5 questions", "quiz").questions) == 5  # type: ignore[attr-defined]


def test_sequences_data_has_every_language_in_step() -> None:
    data = json.loads((DATA / "sequences.json").read_text(encoding="utf-8"))["sequences"]
    for seq in data:
        lengths = {len(seq[lang]) for lang in ("en", "zh-Hans", "zh-Hant")}
        assert len(lengths) == 1 and lengths.pop() >= 3, seq["name"]
        assert all(len(set(seq[lang])) == len(seq[lang]) for lang in ("en", "zh-Hans", "zh-Hant")), seq["name"]
        assert set(seq["title"]) == set(seq["prompt"]) == {"en", "zh-Hans", "zh-Hant"}


@pytest.mark.parametrize(
    ("idea", "spoken"),
    [
        ("Spelling test with these words: because, friend, believe. It reads each word out loud and he types it", True),
        ("用这些词做听写练习，读出每个词：苹果、香蕉、葡萄", True),
        ("聽寫練習，播放讀音，詞語：蘋果、香蕉", True),
        ("Spelling practice with these words: because, friend, believe", False),
    ],
)
def test_a_spelling_test_asked_to_speak_says_it_has_no_voice(idea: str, spoken: bool) -> None:
    planned = plan(idea)
    assert planned.pattern == "quiz"
    left_out = planned.spec.brief.left_out
    assert bool(left_out) is spoken
    if spoken:
        assert re.search(r"voice|声音|聲音", left_out[0].reason)
        words = [q.choices[0] for q in planned.spec.components()[-1].questions]  # type: ignore[union-attr]
        assert len(words) >= 2


@pytest.mark.parametrize(
    ("idea", "topic", "ops", "low", "high"),
    [
        ("Fraction practice: add and subtract simple fractions, 12 questions", "fractions", "+-", 0, 10),
        ("分数乘除法练习，随机出题", "fractions", "×÷", 0, 10),
        ("國中數學一元一次方程式練習，隨機出題，x 在 1 到 15 之間", "equations", "+-", 1, 15),
        ("Solve for x practice: linear equations, 8 problems", "equations", "+-", 1, 10),
    ],
)
def test_fraction_and_equation_drills(idea: str, topic: str, ops: str, low: int, high: int) -> None:
    drill = _only(idea, "drill")
    assert isinstance(drill, DrillComponent)
    assert (drill.topic, "".join(drill.ops), drill.low, drill.high) == (topic, ops, low, high)


def test_a_chemical_equation_is_not_solved_for_x() -> None:
    assert plan("Balance chemical equations practice").spec.components()[-1].kind == "quiz"


def test_random_words_plus_a_number_is_no_sum() -> None:
    assert plan("A generator that picks 4 random words plus a number, like lamp-river-7").pattern != "drill"


@pytest.mark.parametrize(
    ("idea", "units", "count"),
    [
        ("Unit conversion practice quiz: km to m, kg to g", ["km-m", "kg-g"], 10),
        ("单位换算练习：千米和米、千克和克，每次12题", ["km-m", "kg-g"], 12),
        ("長度單位換算練習，公分和毫米", ["cm-mm"], 10),
        ("單位換算練習：公里和公尺、公斤和公克，每次8題", ["km-m", "kg-g"], 8),
        ("Time conversion worksheet: hours to minutes and minutes to seconds, 15 questions", ["h-min", "min-s"], 15),
    ],
)
def test_unit_conversion_practice_uses_the_units_named(idea: str, units: list[str], count: int) -> None:
    drill = _only(idea, "drill")
    assert isinstance(drill, DrillComponent)
    assert (drill.topic, drill.units, drill.count) == ("units", units, count)


@pytest.mark.parametrize("idea", ["convert km to miles", "a converter for cooking units", "长度单位换算器"])
def test_a_converter_is_no_conversion_drill(idea: str) -> None:
    assert plan(idea).pattern != "drill"


@pytest.mark.parametrize(
    ("idea", "first", "answers"),
    [
        ("英文單字配對：apple - 蘋果, banana - 香蕉, grape - 葡萄, orange - 柳橙", "apple", {"蘋果", "香蕉", "葡萄", "柳橙"}),
        ("Matching quiz: match each word to its meaning: cat - gato, dog - perro, house - casa", "cat", {"gato", "perro", "casa"}),
        ("单词连线练习：sun - 太阳, moon - 月亮, star - 星星", "sun", {"太阳", "月亮", "星星"}),
    ],
)  # fmt: skip
def test_matching_builds_a_quiz_of_the_sentence_s_own_pairs(idea: str, first: str, answers: set[str]) -> None:
    planned = plan(idea)
    assert planned.pattern == "quiz"
    quiz = next(c for c in planned.spec.components() if isinstance(c, QuizComponent))
    assert quiz.mode == "choice" and first in quiz.questions[0].prompt
    assert {q.choices[q.answer] for q in quiz.questions} == answers
    assert "測驗測驗" not in planned.spec.brief.title and "测验测验" not in planned.spec.brief.title


def test_a_drill_keeps_each_visitor_s_own_best_and_lists() -> None:
    assert plan("Times tables practice for 3 and 4").spec.brief.scope == "personal"
    assert plan("行星排序练习").spec.brief.scope == "personal"


@pytest.mark.parametrize(
    ("idea", "mode", "first"),
    [
        ("Periodic table quiz: show the symbol, I type the element name", "typed", "Hydrogen"),
        ("元素週期表小測驗，輸入元素名稱", "typed", "氫"),
        ("periodic table quiz, 10 questions", "choice", "Hydrogen"),
    ],
)
def test_elements_are_asked_by_their_symbol(idea: str, mode: str, first: str) -> None:
    quiz = next(c for c in plan(idea).spec.components() if isinstance(c, QuizComponent))
    assert quiz.mode == mode and "H" in quiz.questions[0].prompt
    assert quiz.questions[0].choices[quiz.questions[0].answer] == first
    assert len(quiz.questions) == (10 if mode == "choice" else 25)
    if mode == "typed" and first == "Hydrogen":
        aluminium = next(q for q in quiz.questions if "Al?" in q.prompt)
        assert aluminium.choices == ["Aluminium", "Aluminum"]


@pytest.mark.parametrize(
    "idea",
    ["排队叫号，按顺序：A1、A2、A3", "order status board for my print shop: received, printing, ready, collected",
     "a recipe app with steps in order", "按顺序记录每天的步数"],
)  # fmt: skip
def test_an_order_that_is_no_exercise_is_not_one(idea: str) -> None:
    assert plan(idea).pattern != "drill"
