"""Apps built around one computation: the sentence read as what the app IS (an amount in capital numerals or
in words, days between dates, time and money since a date, random numbers in a range, names from letters, pay
per item and its total), and the rendered app's own logic computing right with real values."""

from __future__ import annotations

import datetime as dt
import importlib.util
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from generator.planner import plan
from generator.render import render
from tests.templates.app_under_test import open_app, shown

KINDS = {  # a function of the logic names the kind of app
    "capital": "capital",
    "words": "cheque",
    "between": "workdays",
    "since": "months",
    "age": "exact",
    "numbers": "numbers",
    "names": "names",
    "rates": "breakdown",
}
IDEAS = [
    ("capital", "Turn a sum of money into Chinese capital numerals so I can fill in a receipt"),
    ("capital", "报销单金额大写转换器，输入数字自动变成大写"),
    ("capital", "幫我做一個把發票金額轉成大寫的小工具"),
    ("words", "I need to spell out the amount on a cheque in words, e.g. 2,450.75"),
    ("capital", "print invoice totals as Chinese upper-case financial numbers"),
    ("words", "help me write checks: type 980.10 and show the words"),
    ("numbers", "lotto number picker: 7 numbers out of 1 to 35, no duplicates"),
    (
        "rates",
        "sticker-free reward calculator: feeding the fish is $0.25 and folding laundry is $1.50, add up the total",
    ),
    ("words", "convert numbers to words in English for writing checks"),
    ("words", "把支票上的金额写成英文大写"),
    ("between", "work out the number of days between two dates, with working days too"),
    ("between", "两个日期之间有多少个工作日？周末不算"),
    ("between", "日期差計算：輸入開始和結束日期，算出相差多少天"),
    (
        "since",
        "I quit smoking on 2026-02-01; show days since, cigarettes avoided at 15 a day and money saved at $9 a pack",
    ),
    ("since", "戒烟计时器：已经戒了多少天，每天一包烟，一包20元，省了多少钱"),
    ("since", "我們在一起多少天了？輸入在一起的日子就能看到"),
    ("age", "how old am I exactly? years, months and days from my birth date"),
    ("age", "輸入生日計算年齡，精確到幾歲幾個月幾天"),
    ("numbers", "random number picker where I choose the minimum and maximum and how many to draw"),
    ("numbers", "做一个随机数生成器，范围1到100，每次生成3个，不能重复"),
    ("numbers", "上課用的隨機數字產生器，可以設定最大值和最小值"),
    ("names", "a baby name generator: type the first letters and get names that start with them"),
    ("names", "给宝宝起名字，输入姓氏生成名字"),
    (
        "rates",
        "pocket money calculator: feeding the cat $1, mowing the lawn $5, each chore has a rate and we add up a monthly total",
    ),
    ("rates", "家务零花钱计算：扫地1元、洗衣服3元、做饭5元，每月合计"),
    ("rates", "小朋友做家事賺零用錢：每項家事有報酬，記錄次數，算本月總共多少"),
]


@pytest.mark.parametrize(("kind", "idea"), IDEAS)
def test_the_sentence_is_read_as_its_computation(kind: str, idea: str) -> None:
    result = plan(idea)
    assert result.pattern == "compute", (result.pattern, result.spec.brief.title)
    names = {f.name for f in result.spec.logic}
    assert KINDS[kind] in names, names
    assert result.spec.brief.language == result.language


@pytest.mark.parametrize(
    "idea",
    [
        "a monthly budget with rent 1200, food 400 and savings, showing money left",
        "a chore chart for my three kids: who did which chore each day, tick it off",
        "家务打卡表，孩子每天完成家务就打勾",
        "a list of my friends' birthdays with a reminder",
        "生日清单：记录家人朋友的生日",
        "a 25-minute focus timer with breaks",
        "番茄鐘計時器",
        "countdown to my exam on June 7",
        "pick a random student from my class list",
        "convert text to uppercase letters",
        "把英文字母转换成大写",
        "a number guessing game between 1 and 100",
        "leave request system: days between start and end date, manager approval",
        "a quit smoking log where I write down each cigarette I smoke",
        "team name generator for our trivia night",
        "how long since my last haircut tracker, log each haircut",
        "小卖部收银：可乐3元，薯片5元，算总价",
        "一个记录每天抽烟根数的app",
    ],
)
def test_other_kinds_of_app_are_not_taken(idea: str) -> None:
    assert plan(idea).pattern != "compute", plan(idea).spec.brief.title


def _logic(idea: str, tmp_path: Path) -> ModuleType:
    """The rendered bundle's own logic.py, imported under a name of its own."""
    bundle = render(plan(idea).spec, tmp_path / "app").path
    name = f"logic_{abs(hash((idea, str(tmp_path))))}"
    spec = importlib.util.spec_from_file_location(name, bundle / "logic.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def test_capital_numerals_of_real_amounts(tmp_path: Path) -> None:
    logic = _logic("金额数字转换成人民币大写，开收据用", tmp_path)
    assert logic.capital("10020.05") == "壹万零贰拾元零伍分"
    assert logic.capital("1,000,000") == "壹佰万元整"
    assert logic.capital("123.45") == "壹佰贰拾叁元肆角伍分"
    assert logic.capital("100000001") == "壹亿零壹元整"
    assert logic.capital("110000000") == "壹亿壹仟万元整"
    assert logic.capital("101000000") == "壹亿零壹佰万元整"
    assert logic.capital("1005.5") == "壹仟零伍元伍角整"
    assert logic.capital("10.05") == "壹拾元零伍分"
    assert logic.capital("0.08") == "捌分"
    assert logic.capital("0") == "零元整"
    assert logic.capital("¥ 3,000.60") == "叁仟元陆角整"
    with pytest.raises(ValueError):
        logic.capital("12.345")


def test_traditional_capitals_use_the_customary_characters(tmp_path: Path) -> None:
    logic = _logic("把金額轉成中文大寫，開支票用", tmp_path)
    assert logic.capital("10020.05") == "壹萬零貳拾圓零伍分"
    assert logic.capital("3600000000.3") == "參拾陸億圓參角整"


def test_english_cheque_words(tmp_path: Path) -> None:
    logic = _logic("write a cheque amount out in English words", tmp_path)
    assert logic.cheque("123.45", "dollars") == "One hundred twenty-three and 45/100 dollars"
    assert logic.cheque("1,000,000", "dollars") == "One million and 00/100 dollars"
    assert logic.cheque("2,019.07", "euros") == "Two thousand nineteen and 07/100 euros"
    assert logic.words("90210", "dollars") == "ninety thousand two hundred ten dollars"
    assert logic.words("15.5", "(no currency)") == "fifteen and fifty hundredths"
    assert logic.cheque("100", "(no currency)") == "One hundred and 00/100"
    for wrong in ("-5", "ten", "1.234"):
        with pytest.raises(ValueError):
            logic.cheque(wrong, "dollars")


def test_a_plain_number_is_written_without_a_currency() -> None:
    calc = next(
        c for c in plan("number to words: spell out any number in English").spec.components() if c.kind == "calculator"
    )
    assert [i.default for i in calc.inputs] == ["123.45", "(no currency)"] and calc.results[0].function == "words"
    cheque = next(c for c in plan("spell out a cheque amount in words").spec.components() if c.kind == "calculator")
    assert cheque.inputs[1].default == "dollars" and cheque.results[0].function == "cheque"


def test_days_and_workdays_between_dates(tmp_path: Path) -> None:
    logic = _logic("how many days between two dates, and how many workdays", tmp_path)
    assert logic.days("2026-01-01", "2026-03-01", False) == 59
    assert logic.weeks("2026-01-01", "2026-03-01", False) == "8 weeks 3 days"
    chance = random.Random(5)
    for _ in range(40):  # workdays agree with numpy's business-day count
        start = dt.date(2024, 1, 1) + dt.timedelta(days=chance.randrange(900))
        end = start + dt.timedelta(days=chance.randrange(400))
        expected = int(np.busday_count(start.isoformat(), end.isoformat()))
        assert logic.workdays(start.isoformat(), end.isoformat(), False) == expected
        assert logic.days(start.isoformat(), end.isoformat(), True) == (end - start).days + 1
    with pytest.raises(ValueError):
        logic.days("2026-03-01", "2026-01-01", False)


def test_quitting_counts_days_cigarettes_and_money(tmp_path: Path) -> None:
    result = plan("戒烟app：显示戒烟多少天、少抽多少支、省了多少钱，以前每天抽一包，一包25元")
    defaults = {i.name: i.default for c in result.spec.components() if c.kind == "calculator" for i in c.inputs}
    assert defaults["per_day"] == 20 and defaults["price"] == 25.0
    logic = _logic("I quit smoking: days since, cigarettes not smoked at 10 a day, money saved at $12 a pack", tmp_path)
    assert logic.days("2026-01-01", "2026-03-01") == 59
    assert logic.cigarettes("2026-01-01", "2026-03-01", 10) == 590
    assert logic.saved("2026-01-01", "2026-03-01", 10, 12.0) == 354.0
    assert logic.months("2025-11-20", "2026-03-01") == "3 months 9 days"


def test_exact_age_in_years_months_and_days(tmp_path: Path) -> None:
    logic = _logic("年龄计算器：输入出生日期，算出几岁几个月几天", tmp_path)
    assert logic.exact("2000-05-31", "2026-03-15") == "25 岁 9 个月 15 天"
    assert logic.exact("2012-02-29", "2026-02-27") == "13 岁 11 个月 29 天"
    assert logic.exact("2012-02-29", "2026-02-28") == "14 岁 0 个月 0 天"  # the missing 29th is the month's last day
    assert logic.exact("1990-07-04", "2026-07-04") == "36 岁 0 个月 0 天"
    assert logic.years("1990-07-04", "2026-07-03") == 35
    with pytest.raises(ValueError):
        logic.exact("2030-01-01", "2026-01-01")


def test_random_numbers_keep_to_the_range_and_never_repeat(tmp_path: Path) -> None:
    result = plan("隨機抽號碼，範圍1到50，一次抽5個不重複")
    defaults = {i.name: i.default for c in result.spec.components() if c.kind == "calculator" for i in c.inputs}
    assert (defaults["low"], defaults["high"], defaults["count"], defaults["unique"]) == (1, 50, 5, True)
    logic = _logic("random number generator with a min and max I can set", tmp_path)
    for seed in range(30):
        drawn = [int(n) for n in logic.numbers(10, 20, 11, True, f"seed{seed}").split(", ")]
        assert sorted(drawn) == list(range(10, 21))
        some = [int(n) for n in logic.numbers(-5, 5, 3, False, f"s{seed}").split(", ")]
        assert len(some) == 3 and all(-5 <= n <= 5 for n in some)
    assert logic.numbers(1, 1000, 4, True, "a") != logic.numbers(1, 1000, 4, True, "b")
    with pytest.raises(ValueError):
        logic.numbers(1, 5, 6, True, "x")


def test_names_start_with_the_letters_given(tmp_path: Path) -> None:
    logic = _logic("name generator from the first two or three letters", tmp_path)
    for letters in ("Ma", "jo", "Zyx", "el"):
        names = logic.names(letters, "Any", 10, "draw").split(", ")
        assert len(names) >= 5 and all(n.lower().startswith(letters.lower()) for n in names), names
    assert "Zoe" in logic.names("zo", "Girl", 3, "x")
    zh = _logic("起名字工具：输入姓氏，随机生成名字", tmp_path / "zh")
    names = zh.names("欧阳", "男孩", 2, 5, "draw").split("、")
    assert len(set(names)) == 5 and all(n.startswith("欧阳") and len(n) == 4 for n in names)


def test_rates_are_read_and_added_up(tmp_path: Path) -> None:
    idea = "家务零花钱计算：扫地1元、洗衣服3元、做饭5元，每月合计"
    inputs = [i for c in plan(idea).spec.components() if c.kind == "calculator" for i in c.inputs]
    rates = [(re.sub("：.*", "", i.label), i.default) for i in inputs if i.name.startswith("rate_")]
    assert rates == [("扫地", 1.0), ("洗衣服", 3.0), ("做饭", 5.0)]
    logic = _logic(idea, tmp_path)
    assert logic.total(1.0, 4, 3.0, 2, 5.0, 1) == 15.0
    assert "扫地：4 次 × 1 = 4" in logic.breakdown(1.0, 4, 3.0, 2, 5.0, 1)


def test_the_capital_app_answers_in_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    _, at = open_app("人民币大写金额转换", tmp_path, monkeypatch)
    at.text_input(key="calc__amount").set_value("10020.05").run()
    assert shown(at, "capital") == "壹万零贰拾元零伍分"


def test_the_days_app_answers_in_the_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    _, at = open_app("days between two dates calculator", tmp_path, monkeypatch)
    at.text_input(key="calc__start_date").set_value("2026-01-01")
    at.text_input(key="calc__end_date").set_value("2026-03-01").run()
    assert (shown(at, "days"), shown(at, "workdays")) == (59, 42)


def test_a_fixed_sum_each_week_or_month_is_added_to_the_items(tmp_path: Path) -> None:
    idea = "零用钱计算器：每月固定50元，另外擦窗户一次2元、遛狗一次5毛，合计本月多少"
    inputs = [i for c in plan(idea).spec.components() if c.kind == "calculator" for i in c.inputs]
    assert [(i.name, i.default) for i in inputs if i.name in ("base", "periods", "rate_1", "rate_2")] == [
        ("rate_1", 2.0),
        ("rate_2", 0.5),
        ("base", 50.0),
        ("periods", 1),
    ]
    logic = _logic(idea, tmp_path)
    assert logic.total(50.0, 1, 2.0, 3, 0.5, 4) == 58.0
    weekly = plan(
        "allowance calculator: a base $5 a week plus $1 per chore for dishes, $2 for vacuuming, monthly total"
    )
    labels = [i.label for c in weekly.spec.components() if c.kind == "calculator" for i in c.inputs]
    assert labels[0].startswith("Dishes") and "Fixed pay per week" in labels
