"""Calculators, converters, countdowns and pickers read their numbers, presets, dates and families from the idea."""

from __future__ import annotations

import datetime
import math
from typing import Any

import pytest

from flashapps.spec import AppSpec
from generator.planner import plan
from generator.planner.patterns.calc_reading import count_of, event_name, month_day, percents, period_of, rounds_up
from generator.planner.patterns.calc_secret import EXAMPLE_DRAW
from tests.planner.test_logic import _compile


def _calc(spec: AppSpec) -> Any:
    found = [c for c in spec.components() if c.kind == "calculator"]
    assert found, spec.kinds()
    return found[0]


def _run(spec: AppSpec, name: str, **args: object) -> object:
    function = next(f for f in spec.logic if f.name == name)
    run, _ = _compile(function)
    return run(**args)


def test_percentages_lists_and_counts_are_read() -> None:
    assert percents("tip buttons for 15/18/20%") == [15, 18, 20]
    assert percents("10%, 15% and 20% choices") == [10, 15, 20]
    assert percents("小费有10%、12%、18%三个选项") == [10, 12, 18]
    assert percents("a 7.5 percent tax") == [7.5]
    assert count_of("split between 5 friends", "friends|people", "人") == 5
    assert count_of("三个人平摊", "people", "个人|人") == 3
    assert count_of("把三十个学生分组", "students", "个学生") == 30
    assert rounds_up("round each share up to the next euro") and not rounds_up("all year round")


@pytest.mark.parametrize(
    ("idea", "expected"),
    [
        ("days until March 14", (3, 14, None)),
        ("countdown to 21st of October 2027", (10, 21, 2027)),
        ("距离9月1号开学还有几天", (9, 1, None)),
        ("離2027年1月20日還有多久", (1, 20, 2027)),
        ("countdown to halloween", (10, 31, None)),
        ("a countdown timer for 10 minutes", None),
    ],
)
def test_calendar_dates_in_three_scripts(idea: str, expected: object) -> None:
    assert month_day(idea) == expected


def test_event_names_and_periods() -> None:
    assert event_name("Countdown to our beach holiday on July 20") == "beach holiday"
    assert event_name("距离开学还有几天（9月1日）") == "开学"
    assert event_name("days until May 2") == ""
    assert period_of("my yearly salary and the hours I work per day", r"salary") == "year"
    assert period_of("my yearly salary and the hours I work per day", r"hours") == "day"


def test_tip_uses_the_named_choices_shows_the_total_and_rounds_up() -> None:
    spec = plan("Tip helper with 12, 16 or 22 percent options, split among 3 people and round each share up").spec
    calc = _calc(spec)
    rate = next(i for i in calc.inputs if i.name == "percent")
    assert rate.type == "choice" and rate.options == ["12%", "16%", "22%"]
    assert {"tip", "total", "per_person", "rounded"} <= {r.function for r in calc.results}
    args = {"bill": 95.0, "percent": "22%", "people": 3}
    assert _run(spec, "total", **args) == pytest.approx(115.9)
    assert _run(spec, "rounded", **args) == 39  # 38.63 rounded up


def test_cost_per_person_and_hourly_pay_are_composed_from_the_sentence() -> None:
    split = plan("What does each person pay when 6 friends split the cost of a cabin").spec
    assert _run(split, "each", total=900.0, people=6) == 150
    hourly = plan("From my yearly salary of 52000 and the 8 hours I work per day, what do I earn per hour?").spec
    calc = _calc(hourly)
    defaults = {i.name: i.default for i in calc.inputs}
    assert defaults["pay"] == 52000 and defaults["hours"] == 8
    assert (
        _run(
            hourly,
            "hourly",
            pay=52000.0,
            pay_every=defaults["pay_every"],
            hours=8.0,
            hours_every=defaults["hours_every"],
        )
        == 25.0
    )  # 52000 / (8 × 260)


def test_tax_reads_its_rate_and_works_both_ways() -> None:
    spec = plan("A VAT calculator at 21% to add tax to a price or get the price back from a total").spec
    rate = next(i for i in _calc(spec).inputs if i.name == "rate")
    assert rate.default == 21
    modes = next(i for i in _calc(spec).inputs if i.name == "mode").options
    assert _run(spec, "total", amount=200.0, mode=modes[0], rate=21.0) == 242
    assert _run(spec, "before", amount=242.0, mode=modes[1], rate=21.0) == 200


def test_currency_takes_the_rate_the_user_types() -> None:
    spec = plan("把人民币换成日元的汇率换算").spec
    calc = _calc(spec)
    assert "rate" in {i.name for i in calc.inputs}
    assert "CNY" in spec.brief.title and "JPY" in spec.brief.title
    assert _run(spec, "converted", amount=10.0, rate=20.5) == 205


@pytest.mark.parametrize(
    ("idea", "families"),
    [
        ("Converter for length, weight and temperature", 3),
        ("單位換算：長度、重量、溫度、體積", 4),
        ("Unit converter", 4),
        ("Convert miles to kilometres", 1),
    ],
)
def test_the_converter_covers_every_named_family(idea: str, families: int) -> None:
    spec = plan(idea).spec
    assert len([c for c in spec.components() if c.kind == "converter"]) == families


@pytest.mark.parametrize(
    ("idea", "target"),
    [
        ("Countdown to my sister's wedding on September 12", "09-12"),
        ("距离国庆节还有多少天", "10-01"),
        ("離畢業典禮6月20日還有幾天", "06-20"),
    ],
)
def test_a_countdown_to_a_date_is_a_date_calculator(idea: str, target: str) -> None:
    result = plan(idea)
    assert result.pattern == "calculator"
    calc = _calc(result.spec)
    assert next(i for i in calc.inputs if i.name == "event").default == target
    assert _run(result.spec, "days", event=target, start_day=f"2025-{target}") == 0
    month, day = (int(p) for p in target.split("-"))
    expected = (datetime.date(2025, month, day) - datetime.date(2025, 1, 1)).days
    assert _run(result.spec, "days", event=target, start_day="2025-01-01") == expected


def test_a_minutes_countdown_stays_a_timer() -> None:
    assert plan("A 15 minute countdown timer for tea").pattern == "timer"


def test_weekday_and_a_span_across_midnight() -> None:
    weekday = plan("Which day of the week was July 4, 1976?").spec
    assert _run(weekday, "weekday", date="1976-07-04") == "Sunday"
    span = plan("How long is my shift from 22:00 to 06:30?").spec
    assert _run(span, "hours", start="22:00", end="06:30") == 8.5


def test_groups_and_draws_follow_the_counts() -> None:
    groups = plan("把二十个学生随机分成4组").spec
    picker = next(c for c in groups.components() if c.kind == "picker")
    assert (len(picker.items), picker.groups) == (20, 4)
    draw = plan("Draw 5 raffle numbers from 1 to 200 without repeats").spec
    picker = next(c for c in draw.components() if c.kind == "picker")
    assert (len(picker.items), picker.count, picker.no_repeat) == (200, 5, True)
    assert math.isclose(float(picker.items[-1]), 200)


def test_fractions_are_exact_and_reduced() -> None:
    spec = plan("分數計算機，可以加減乘除，答案要約分").spec
    ops = next(i for i in _calc(spec).inputs if i.name == "operation").options
    assert _run(spec, "result", first="2/3", operation=ops[1], second="1/6") == "1/2"
    assert _run(spec, "result", first="5/6", operation=ops[3], second="5/12") == "2"
    assert _run(spec, "mixed", first="2 3/4", operation=ops[2], second="2") == "5 1/2"
    with pytest.raises(ValueError):
        _run(spec, "result", first="1/0", operation=ops[0], second="1")


def test_passphrase_follows_the_count_and_separator() -> None:
    spec = plan("Make me passphrases of 6 words separated by underscores").spec
    inputs = {i.name: i for i in _calc(spec).inputs}
    assert inputs["words"].default == 6 and inputs["separator"].default.startswith("_")
    phrase = _run(
        spec, "phrase", words=6, separator=inputs["separator"].default, capital=False, digits=False, draw=EXAMPLE_DRAW
    )
    assert isinstance(phrase, str) and len(phrase.split("_")) == 6 and phrase.replace("_", "").isalpha()
    zh = plan("密碼短語產生器：3個單詞，用空格隔開，最後加數字").spec
    inputs = {i.name: i for i in _calc(zh).inputs}
    assert inputs["words"].default == 3 and inputs["digits"].default is True


def test_composed_rate_and_line_items() -> None:
    rate = plan("Work out the fuel cost per kilometre from what I paid and the distance").spec
    assert "per kilometre" in rate.brief.title.lower()
    assert _run(rate, "rate", total=90.0, count=600.0) == 0.15
    items = plan("婚禮花費計算：場地、餐飲、攝影，各自輸入數量和單價，算出總價").spec
    calc = _calc(items)
    assert [r.label for r in calc.results] == ["場地", "餐飲", "攝影", "總價"]
    args = {"qty_1": 1.0, "price_1": 30000.0, "qty_2": 20.0, "price_2": 8000.0, "qty_3": 1.0, "price_3": 25000.0}
    assert _run(items, "total", **args) == 215000


def test_chinese_discounts_count_in_zhe_and_percentages_are_read() -> None:
    zhe = plan("衣服打75折以后多少钱，折后价和省了多少").spec
    assert next(i for i in _calc(zhe).inputs if i.name == "zhe").default == 7.5
    assert _run(zhe, "sale_price", price=200.0, zhe=7.5) == 150
    off = plan("Discount calculator for 40% off sales").spec
    assert next(i for i in _calc(off).inputs if i.name == "off").default == 40


def test_bmi_uses_the_named_standard() -> None:
    china = plan("BMI 计算器，按照中国标准判断是否超重").spec
    assert _run(china, "category", weight=70.0, height=170.0) == "超重"  # 24.2 ≥ 24
    world = plan("BMI calculator").spec
    assert _run(world, "category", weight=70.0, height=170.0) == "Normal"


def test_the_converter_keeps_the_order_the_families_are_named_in() -> None:
    spec = plan("溫度、長度和重量的單位換算").spec
    titles = [c.title for c in spec.components() if c.kind == "converter"]
    assert titles == ["溫度換算", "長度換算", "重量換算"]


@pytest.mark.parametrize(
    ("idea", "kind"),
    [
        ("我们6个人吃饭花了$240，每人该付多少，向上取整", "split"),
        ("值班从21:45到隔天05:15，一共几个小时", "span"),
        ("我要算營業稅，稅率5%", "tax"),
        ("從1到80裡隨機抽5個不重複的數字", "numbers"),
    ],
)
def test_more_sentences_find_their_calculation(idea: str, kind: str) -> None:
    spec = plan(idea).spec
    if kind == "numbers":
        picker = next(c for c in spec.components() if c.kind == "picker")
        assert (len(picker.items), picker.count) == (80, 5)
        return
    names = {f.name for f in spec.logic}
    expected = {"split": "each", "span": "hours", "tax": "tax"}[kind]
    assert expected in names, names
    if kind == "split":
        defaults = {i.name: i.default for i in _calc(spec).inputs}
        assert (defaults["total"], defaults["people"]) == (240, 6)
        assert _run(spec, "rounded", total=240.0, people=7) == 35
    if kind == "span":
        assert _run(spec, "hours", start="21:45", end="05:15") == 7.5


def test_hours_take_the_period_of_their_own_clause() -> None:
    spec = plan("月薪9000，每天工作9小时，时薪是多少").spec
    inputs = {i.name: i for i in _calc(spec).inputs}
    assert inputs["hours"].default == 9 and inputs["hours_every"].default.startswith("每天")


def test_weighted_grade_solves_for_the_missing_part() -> None:
    spec = plan("Labs 25%, essays 25%, final exam 50%: what score do I need on the final exam to get 70?").spec
    calc = _calc(spec)
    assert [i.label for i in calc.inputs] == ["Labs", "Essays", "Target grade"]
    assert _run(spec, "needed", part_1=60.0, part_2=80.0, target=70.0) == 70
    with pytest.raises(ValueError):
        _run(spec, "needed", part_1=10.0, part_2=10.0, target=90.0)
    total = plan("学期总评：作业占30%，期中占30%，期末占40%").spec
    assert _run(total, "average", part_1=90.0, part_2=80.0, part_3=70.0) == 79


def test_retirement_and_break_even() -> None:
    retire = plan("退休存钱计算：现在40岁，想65岁退休，每月存3000").spec
    args = {"age": 40.0, "retire_age": 65.0, "monthly": 3000.0, "rate": 0.0, "saved": 0.0}
    assert _run(retire, "total", **args) == 900000
    with pytest.raises(ValueError):
        _run(retire, "total", **{**args, "retire_age": 30.0})
    even = plan("How many cupcakes must I sell to break even?").spec
    assert _run(even, "break_even", cost=1.5, price=4.0, fixed=200.0, units=0.0) == 80
    with pytest.raises(ValueError):
        _run(even, "profit", cost=4.0, price=4.0, fixed=200.0, units=10.0)


def test_a_countdown_asked_in_hours_and_minutes_shows_them() -> None:
    spec = plan("倒计时到10月1日国庆，显示还有几天几小时几分钟").spec
    assert _run(spec, "clock", event="10-01", start_day="2026-09-29") == "2 天 0 小时 0 分"
    assert "clock" not in {f.name for f in plan("Countdown to June 7").spec.logic}
