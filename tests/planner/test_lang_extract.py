"""Language detection, script conversion and the facts read from an idea's words."""

from __future__ import annotations

import pytest

from generator.planner import detect_language
from generator.planner.extract import chinese_number, find_goal, find_list, find_quantities, find_topic, unit_of
from generator.planner.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, to_simplified, to_traditional
from generator.planner.lang import Tr, normalize_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("an app to track my daily water intake", "en"),
        ("", "en"),
        ("BMI calculator 2024", "en"),
        ("帮我做一个背单词的小游戏", "zh-Hans"),
        ("帮我设计一个记账本", "zh-Hans"),
        ("幫我設計一個日常監督飲食攝入的應用", "zh-Hant"),
        ("我想要一個記錄喝水的應用", "zh-Hant"),
        ("番茄钟 timer", "zh-Hans"),
        ("計時器 for my class", "zh-Hant"),
        ("学习", "zh-Hans"),
        ("學習", "zh-Hant"),
        ("水分補給を記録するアプリ", "en"),
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_language_names_are_normalised() -> None:
    assert normalize_language(None) is None
    assert normalize_language("zh-TW") == "zh-Hant"
    assert normalize_language("zh") == "zh-Hans"
    assert normalize_language("en") == "en"
    with pytest.raises(ValueError, match="unknown language"):
        normalize_language("klingon")


def test_traditional_conversion_uses_phrases_and_characters() -> None:
    assert to_traditional("帮我设计一个日常监督饮食摄入的应用") == "幫我設計一個日常監督飲食攝入的應用"
    assert to_traditional("复习单词") == "複習單詞"
    assert to_traditional("每周吃面包") == "每週吃麵包"
    assert to_traditional("公里") == "公里"
    assert to_simplified("幫我設計一個應用") == "帮我设计一个应用"


def test_script_tables_are_disjoint_and_large_enough() -> None:
    assert len(SIMPLIFIED_ONLY) >= 150 and len(TRADITIONAL_ONLY) >= 150
    assert not SIMPLIFIED_ONLY & TRADITIONAL_ONLY


def test_tr_picks_the_language() -> None:
    assert Tr("en")("Water", "喝水") == "Water"
    assert Tr("zh-Hans")("Water", "喝水记录") == "喝水记录"
    assert Tr("zh-Hant")("Water", "喝水记录") == "喝水記錄"
    assert Tr("en").join(["a", "b", "c"]) == "“a”, “b” and “c”"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("drink 2000ml", 2000, "ml"),
        ("2 litres", 2, "l"),
        ("walk 10000 steps", 10000, "steps"),
        ("每天睡8小时", 8, "h"),
        ("每天睡八个小时", 8, "h"),
        ("跑5公里", 5, "km"),
        ("30 minutes of reading", 30, "min"),
        ("学习45分钟", 45, "min"),
        ("spend $500", 500, "usd"),
        ("花了200元", 200, "cny"),
        ("lose 3 kg", 3, "kg"),
        ("一万步", 10000, "steps"),
    ],
)
def test_quantities_with_units(text: str, value: float, unit: str) -> None:
    found = find_quantities(text)
    assert found and found[0].value == value and found[0].unit == unit


def test_units_and_chinese_numbers() -> None:
    assert unit_of("Litres") == "l"
    assert unit_of("分钟") == "min"
    assert unit_of("bananas") is None
    assert chinese_number("两千") == 2000
    assert chinese_number("三十五") == 35
    assert chinese_number("十") == 10
    assert chinese_number("一万二千") == 12000


@pytest.mark.parametrize(
    ("text", "value", "unit", "period"),
    [
        ("an app to track my water, 2 litres a day", 2, "l", "day"),
        ("每天睡8小时", 8, "h", "day"),
        ("I want to walk 10000 steps every day", 10000, "steps", "day"),
        ("spend under $500 a month", 500, "usd", "month"),
        ("run 20 km per week", 20, "km", "week"),
        ("goal of 20 pages", 20, "pages", "day"),
    ],
)
def test_goals(text: str, value: float, unit: str, period: str) -> None:
    goal = find_goal(text)
    assert goal is not None and (goal.value, goal.unit, goal.period) == (value, unit, period)


def test_no_goal_without_a_period_or_goal_word() -> None:
    assert find_goal("I ran 5 km yesterday") is None
    assert find_goal("a todo app") is None


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("pick between pizza, sushi and tacos", ["pizza", "sushi", "tacos"]),
        ("Random student picker for Alice, Bob, Carol and Dan", ["Alice", "Bob", "Carol", "Dan"]),
        ("帮我在火锅、烧烤和寿司之间选一个", ["火锅", "烧烤", "寿司"]),
        ("choose lunch: pizza / salad / ramen.", ["pizza", "salad", "ramen"]),
        ("columns for To Do, In Progress, and Done. Let users", ["To Do", "In Progress", "Done"]),
        (
            "log sleep, work hours, social time, screen time, and emotional energy.",
            ["sleep", "work hours", "social time", "screen time", "emotional energy"],
        ),
        ("a todo app", []),
    ],
)
def test_listed_items(text: str, items: list[str]) -> None:
    assert find_list(text) == items


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Make me a quiz app about American history. Make sure", "American history"),
        ("a quiz on photosynthesis for my class", "photosynthesis"),
        ("Build me a flashcard app about llamas.", "llamas"),
        ("关于光合作用的测验", "光合作用"),
        ("Test your knowledge by answering questions", ""),
    ],
)
def test_topics(text: str, topic: str) -> None:
    assert find_topic(text) == topic
