"""Practice with pictures from a sentence: telling the time and counting money are recognised by what they are
about (in English, simplified and traditional Chinese), with the level, kinds of question, currency, amounts and
number of questions the sentence names; a tracker of time spent, a budget, a world clock or a coin collection is
never turned into such practice."""

from __future__ import annotations

import pytest

from flashapps.spec import PicturesComponent
from generator.planner import plan


def _practice(idea: str) -> PicturesComponent:
    result = plan(idea)
    assert result.pattern == "pictures", (idea, result.pattern)
    found = [c for s in result.spec.screens for c in s.components if isinstance(c, PicturesComponent)]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    "idea",
    [
        "help my daughter learn to tell the time",
        "a clock reading game for year 2: o'clock and half past",
        "practice reading an analogue clock face",
        "練習看時鐘，說出是幾點",
        "一年级认识时钟小练习",
        "小学生认读钟表的练习题，12道",
        "幫孩子認識鐘錶的遊戲",
    ],
)
def test_clock_practice_is_recognised(idea: str) -> None:
    assert _practice(idea).topic == "clock"


@pytest.mark.parametrize(
    "idea",
    [
        "counting coins game for my 6 year old",
        "practice making change when a customer pays with a $20 bill",
        "學習認識新台幣硬幣和紙鈔",
        "小朋友认识人民币，算一算一共多少钱",
        "money maths quiz for kids with pounds and pence",
        "a pretend shop where kids practise paying with coins",
        "coins quiz: which coins make 50 cents",
    ],
)
def test_money_practice_is_recognised(idea: str) -> None:
    assert _practice(idea).topic == "money"


@pytest.mark.parametrize(
    "idea",
    [
        "track how many hours I spend on each project",
        "a log of the time my kids spend on screens",
        "a monthly budget for household money",
        "记录每天的开销，看看钱花在哪里",
        "每週記錄花在運動上的時間",
        "a world clock for my team in three time zones",
        "my coin collection catalogue with year and country",
        "an alarm clock reminder list",
        "a savings tracker for my piggy bank money",
        "coin flip game for kids",
        "抛硬币小游戏，猜正反面",
        "Monopoly money tracker for our board game night",
        "a quiz about the history of clocks and watches",
        "kids chore chart that pays pocket money",
    ],
)
def test_trackers_budgets_and_clocks_that_are_no_practice_stay_out(idea: str) -> None:
    assert plan(idea).pattern != "pictures", idea


def test_first_graders_get_whole_and_half_hours() -> None:
    assert _practice("telling the time app for first graders").level == "half"
    assert _practice("一年级认识钟表练习").level == "half"


def test_the_hardest_level_named_wins() -> None:
    assert _practice("clock practice: o'clock, half past and quarter past").level == "quarter"
    assert _practice("read the clock to the nearest 5 minutes").level == "five"
    assert _practice("認讀時間，精確到分鐘").level == "minute"
    assert _practice("看钟表说整点的练习").level == "hour"


def test_clock_kinds_of_question_follow_the_sentence() -> None:
    typed = _practice("tell the time quiz: kids type the time they see, 12 questions")
    assert (typed.answer, typed.count, typed.modes) == ("typed", 12, ["read"])
    assert _practice("practice setting the hands of a clock").modes == ["set"]
    assert _practice("钟表练习：拨一拨，把时针分针拨到指定时间").modes == ["set"]
    assert _practice("read the clock and set the hands too").modes == ["read", "set"]
    elapsed = _practice("telling the time with elapsed time: what time will it be in 25 minutes")
    assert "elapsed" in elapsed.modes
    assert _practice("认识钟表练习，再过30分钟是几点").modes[-1] == "elapsed"
    assert _practice("reading clocks with 24-hour answers").hours24
    assert not _practice("reading clocks with answers like 3:15").hours24


@pytest.mark.parametrize(
    ("idea", "currency", "style"),
    [
        ("counting money practice for kids", "USD", "symbol"),
        ("count euro coins: how much is it", "EUR", "symbol"),
        ("giving change practice in pounds", "GBP", "symbol"),
        ("yen coin counting game", "JPY", "symbol"),
        ("认识人民币练习", "CNY", "words"),
        ("數錢練習，硬幣加起來多少", "TWD", "words"),
        ("認識人民幣的練習", "CNY", "words"),
        ("小朋友认识新台币", "TWD", "words"),
    ],
)
def test_currency_from_the_words_or_the_script(idea: str, currency: str, style: str) -> None:
    money = _practice(idea)
    assert (money.currency, money.style) == (currency, style)


def test_amounts_from_the_sentence_in_the_smallest_unit() -> None:
    assert _practice("counting coins practice up to $5").high == 500
    assert _practice("认识人民币，10元以内的数钱练习").high == 1000
    assert _practice("練習數錢，100元以內").high == 100
    between = _practice("counting money between $2 and $20")
    assert (between.low, between.high) == (200, 2000)
    assert _practice("count coins under 50 cents").high == 50


def test_money_kinds_of_question_follow_the_sentence() -> None:
    change = _practice("找零练习：买东西付钱，算出应该找回多少钱")
    assert change.modes == ["change"]
    fewest = _practice("a coins game: make the price with the fewest coins")
    assert "make" in fewest.modes and fewest.fewest
    counted = _practice("数一数一共多少钱，硬币和纸币")
    assert counted.modes == ["count"]
    assert _practice("认识人民币练习").modes == ["count", "make"]


def test_the_app_speaks_the_idea_s_script() -> None:
    hant = plan("練習看時鐘，說出是幾點")
    assert hant.spec.brief.language == "zh-Hant"
    assert "鐘" in hant.spec.brief.title
    intro = hant.spec.screens[0].components[0]
    assert "题" not in intro.model_dump_json() and "題" in intro.model_dump_json()
    hans = plan("认识人民币练习")
    assert hans.spec.brief.title == "认识人民币"


def test_plans_carry_their_own_walkable_paths() -> None:
    short = plan("telling the time practice, 5 questions")
    names = [p.name for p in short.spec.key_paths]
    assert {"check_blank", "new_round", "whole_round", "change_level"} <= set(names)
    long = plan("telling the time practice, 30 questions")
    assert "whole_round" not in [p.name for p in long.spec.key_paths]  # too many steps to walk
    make = plan("认识人民币，凑钱练习")
    assert "tap_and_undo" in [p.name for p in make.spec.key_paths]


def test_the_coins_and_notes_named_are_the_ones_used() -> None:
    assert _practice("一年級數錢遊戲，硬幣1元5元10元50元").pieces == [1, 5, 10, 50]
    assert _practice("counting pennies, nickels and dimes up to $1").pieces == [1, 5, 10]
    assert _practice("count euro coins: 1c, 2c, 5c, 10c, 20c, 50c").pieces == [1, 2, 5, 10, 20, 50]
    assert _practice("认识人民币练习").pieces == [10, 50, 100, 500, 1000, 2000, 5000, 10000]


def test_counting_back_change_is_change_not_counting() -> None:
    shop = _practice("shopkeeper game for kids: a customer pays and you count back the change, euros")
    assert (shop.modes, shop.currency) == (["change"], "EUR")


def test_a_spoken_voice_is_told_as_left_out() -> None:
    spoken = plan("a telling the time app that says the time out loud").spec.brief.left_out
    assert [item.part for item in spoken] == ["A spoken voice"]
    assert plan("認識鐘錶練習，用語音讀出時間").spec.brief.left_out[0].part == "語音播報"
    assert plan("telling the time practice").spec.brief.left_out == []
