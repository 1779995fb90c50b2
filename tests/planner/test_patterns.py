"""Varied ideas (English, simplified and traditional Chinese) choose the expected pattern and fill key facts."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashapps.spec import AppSpec
from generator.planner import Plan, plan
from generator.planner.hanzi import SIMPLIFIED_ONLY


def _component(spec: AppSpec, kind: str, game: str | None = None):  # type: ignore[no-untyped-def]
    found = [c for c in spec.components() if c.kind == kind and (game is None or c.game == game)]
    assert found, f"no {kind} in {spec.kinds()}"
    return found[0]


def _metric(spec: AppSpec, name: str):  # type: ignore[no-untyped-def]
    return next(m for m in spec.brief.metrics if m.name == name)


def _field(spec: AppSpec, name: str):  # type: ignore[no-untyped-def]
    return next(f for e in spec.entities for f in e.fields if f.name == name)


def _logic(spec: AppSpec) -> set[str]:
    return {f.name for f in spec.logic}


Check = Callable[[AppSpec], object]

CASES: list[tuple[str, str, str, Check]] = [
    (
        "an app to track my daily water intake",
        "tracker",
        "en",
        lambda s: (
            _metric(s, "headline").goal == 2000
            and _metric(s, "headline").unit == "ml"
            and _field(s, "amount").unit == "ml"
        ),
    ),
    ("water tracker, 3 litres a day", "tracker", "en", lambda s: _metric(s, "headline").goal == 3000),
    (
        "每天睡8小时，帮我记录睡眠",
        "tracker",
        "zh-Hans",
        lambda s: _metric(s, "headline").goal == 8 and _metric(s, "headline").unit == "小时",
    ),
    ("每天喝2000毫升水", "tracker", "zh-Hans", lambda s: _metric(s, "headline").goal == 2000),
    (
        "每天跑5公里",
        "tracker",
        "zh-Hans",
        lambda s: _metric(s, "headline").goal == 35 and _metric(s, "headline").period == "week",
    ),
    ("我要减肥，目标体重60公斤", "tracker", "zh-Hans", lambda s: _metric(s, "headline").goal == 60),
    ("记录每天走了多少步", "tracker", "zh-Hans", lambda s: _metric(s, "headline").goal == 10000),
    (
        "log my weight every morning",
        "tracker",
        "en",
        lambda s: _metric(s, "headline").agg == "latest" and _field(s, "amount").unit == "kg",
    ),
    ("a mood diary", "tracker", "en", lambda s: _field(s, "amount").type == "rating" and _field(s, "amount").max == 5),
    ("我想記錄每天的閱讀頁數", "tracker", "zh-Hant", lambda s: _field(s, "amount").unit == "頁"),
    ("track my guitar practice", "tracker", "en", lambda s: _field(s, "amount").unit == "minutes"),
    ("track my daily meditation minutes", "tracker", "en", lambda s: _metric(s, "headline").goal == 10),
    ("track my tomato harvest in kg", "tracker", "en", lambda s: _field(s, "amount").unit == "kg"),
    (
        "幫我設計一個日常監督飲食攝入的應用",
        "diet",
        "zh-Hant",
        lambda s: (
            _field(s, "meal").type == "choice"
            and _field(s, "food").type == "choice"
            and _metric(s, "today_kcal").unit == "千卡"
        ),
    ),
    ("a calorie counter for my meals", "diet", "en", lambda s: {"kcal", "protein", "carbs", "fat"} <= _logic(s)),
    ("BMI calculator", "calculator", "en", lambda s: {"bmi", "category"} <= _logic(s)),
    ("帮我算一下房贷月供", "calculator", "zh-Hans", lambda s: "monthly" in _logic(s)),
    ("tip calculator to split the bill with friends", "calculator", "en", lambda s: "per_person" in _logic(s)),
    ("convert roman numerals", "calculator", "en", lambda s: "value" in _logic(s)),
    ("a scientific calculator with parentheses and square roots", "calculator", "en", lambda s: "result" in _logic(s)),
    ("學生成績平均分計算器", "calculator", "zh-Hant", lambda s: "average" in _logic(s)),
    (
        "convert km to miles",
        "converter",
        "en",
        lambda s: {"km", "mi"} <= {u.name for u in _component(s, "converter").units},
    ),
    (
        "摄氏度华氏度转换",
        "converter",
        "zh-Hans",
        lambda s: {"c", "f"} <= {u.name for u in _component(s, "converter").units},
    ),
    (
        "currency converter",
        "calculator",
        "en",
        lambda s: "rate" in {i.name for i in _component(s, "calculator").inputs},
    ),
    ("a quiz on photosynthesis for my class", "quiz", "en", lambda s: "chlorophyll" in s.to_json().lower()),
    ("Make me a quiz app about American history", "quiz", "en", lambda s: "Washington" in s.to_json()),
    ("出一套关于太阳系的测验", "quiz", "zh-Hans", lambda s: "木星" in s.to_json()),
    ("a quiz about medieval poetry", "quiz", "en", lambda s: "no built-in question set" in s.to_json()),
    (
        "帮我做一个背单词的小游戏",
        "flashcards",
        "zh-Hans",
        lambda s: _component(s, "flashcards").cards[0].back == "丰富的；大量的",
    ),
    ("kanji flashcards for JLPT", "flashcards", "en", lambda s: _component(s, "flashcards").cards[0].front == "日"),
    (
        "a pomodoro timer",
        "timer",
        "en",
        lambda s: _component(s, "timer").mode == "pomodoro" and _component(s, "timer").work_minutes == 25,
    ),
    ("a 10 minute countdown timer for tests", "timer", "en", lambda s: _component(s, "timer").minutes == 10),
    ("秒表计时", "timer", "zh-Hans", lambda s: _component(s, "timer").mode == "stopwatch"),
    (
        "HIIT interval timer, 40 seconds work and 20 seconds rest",
        "timer",
        "en",
        lambda s: (
            abs(_component(s, "timer").work_minutes - 40 / 60) < 0.01
            and abs(_component(s, "timer").break_minutes - 20 / 60) < 0.01
        ),
    ),
    (
        "pick between pizza, sushi and tacos",
        "picker",
        "en",
        lambda s: _component(s, "picker").items == ["Pizza", "Sushi", "Tacos"],
    ),
    (
        "random student picker for Alice, Bob, Carol and Dan",
        "picker",
        "en",
        lambda s: _component(s, "picker").items == ["Alice", "Bob", "Carol", "Dan"],
    ),
    ("帮我随机点名", "picker", "zh-Hans", lambda s: len(_component(s, "picker").items) == 10),
    (
        "a to-do list with priorities",
        "todo",
        "en",
        lambda s: _field(s, "priority").type == "choice" and _field(s, "done").type == "bool",
    ),
    (
        "kanban board with columns Backlog, Doing and Shipped",
        "todo",
        "en",
        lambda s: _field(s, "status").options == ["Backlog", "Doing", "Shipped"],
    ),
    ("packing list for my trip", "todo", "en", lambda s: len(_component(s, "checklist").items) >= 5),
    (
        "personal expense tracker with a monthly budget of $800 a month",
        "budget",
        "en",
        lambda s: _metric(s, "month_total").goal == 800 and _metric(s, "month_total").goal_kind == "stay_under",
    ),
    ("记账本", "budget", "zh-Hans", lambda s: _field(s, "amount").unit == "元"),
    ("a habit tracker with streaks", "habit", "en", lambda s: _metric(s, "streak").agg == "streak"),
    (
        "count beers with plus and minus buttons",
        "scoreboard",
        "en",
        lambda s: _component(s, "counter").label == "Beers",
    ),
    (
        "scoreboard for Red, Blue and Green teams",
        "scoreboard",
        "en",
        lambda s: _field(s, "player").options == ["Red", "Blue", "Green"],
    ),
    (
        "a poll to vote between Tokyo, Paris and Rome",
        "poll",
        "en",
        lambda s: _field(s, "choice").options == ["Tokyo", "Paris", "Rome"],
    ),
    (
        "snake game with fruit",
        "game",
        "en",
        lambda s: _component(s, "game").game == "snake" and "🍎" in _component(s, "game").params.items,
    ),
    (
        "水果翻牌记忆小游戏",
        "game",
        "zh-Hans",
        lambda s: _component(s, "game").game == "memory" and "🍌" in _component(s, "game").params.items,
    ),
    ("guess the number game", "game", "en", lambda s: _component(s, "game").game == "guess_number"),
    ("tic tac toe", "game", "en", lambda s: _component(s, "game").game == "tic_tac_toe"),
    ("a notes app with tags and search", "notes", "en", lambda s: _component(s, "filter").search),
    ("pantry inventory with expiry dates", "inventory", "en", lambda s: _field(s, "expires").type == "date"),
    ("a birthday countdown and event calendar", "events", "en", lambda s: "days" in _logic(s)),
    (
        "my book library with authors and reading status",
        "collection",
        "en",
        lambda s: _field(s, "author").type == "text",
    ),
    (
        "a landing page for my coffee shop",
        "website",
        "en",
        lambda s: (
            _component(s, "site").contact and [x.id for x in _component(s, "site").sections][:2] == ["about", "offer"]
        ),
    ),
]


@pytest.mark.parametrize(("idea", "pattern", "language", "check"), CASES, ids=[c[0][:40] for c in CASES])
def test_idea_chooses_pattern_and_fills_facts(idea: str, pattern: str, language: str, check: Check) -> None:
    result = plan(idea)
    assert (result.pattern, result.language) == (pattern, language), result.reason
    assert result.spec.brief.language == language
    assert check(result.spec), result.spec.to_json()[:3000]


def test_language_can_be_forced() -> None:
    assert plan("track my water", "zh-Hant").spec.brief.title == "喝水記錄"
    assert plan("帮我记录喝水", "en").spec.brief.title == "Water Tracker"


@pytest.mark.parametrize(
    ("idea", "pattern", "title"),
    [
        (
            "Buatkan aplikasi manajemen inventaris (stok barang) dalam Bahasa Indonesia.",
            "inventory",
            "Inventory Manager",
        ),
        ("una app para registrar mi consumo de agua", "tracker", "Water Tracker"),
        ("une application pour suivre mes dépenses", "budget", "Expense Tracker"),
        ("水分補給を記録するアプリ", "tracker", "Water Tracker"),
    ],
)
def test_other_languages_fall_back_to_english_but_keep_the_app(idea: str, pattern: str, title: str) -> None:
    result = plan(idea)
    assert (result.language, result.pattern, result.spec.brief.title) == ("en", pattern, title)


@pytest.mark.parametrize("idea", ["", "   ", "\n\t"])
def test_empty_ideas_are_refused(idea: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        plan(idea)


def test_unknown_ideas_fall_back_to_a_named_collection() -> None:
    result = plan("Display Current GitHub Status")
    assert result.pattern == "collection"
    assert "Github" in result.spec.brief.title
    assert "calculator" in result.reason


def test_traditional_apps_hold_no_simplified_characters() -> None:
    for idea in (
        "幫我設計一個日常監督飲食攝入的應用",
        "幫我做一個背單詞的小遊戲",
        "番茄鐘計時器",
        "記帳本",
        "隨機點名",
        "習慣打卡",
        "關於光合作用的測驗",
        "溫度換算",
        "房貸計算器",
        "待辦清單",
        "投票選出午餐",
        "筆記本",
        "庫存管理",
        "記錄每天喝水",
    ):
        result: Plan = plan(idea)
        assert result.language == "zh-Hant", idea
        text = result.spec.to_json() + result.reason
        leftovers = sorted({ch for ch in text if ch in SIMPLIFIED_ONLY})
        assert not leftovers, f"{idea}: {leftovers}"


def test_plan_model_is_strict_and_round_trips() -> None:
    result = plan("BMI calculator")
    again = Plan.model_validate_json(result.model_dump_json())
    assert again == result
    with pytest.raises(ValueError):
        Plan.model_validate({**result.model_dump(), "extra": 1})


@pytest.mark.parametrize(
    "idea",
    [
        "12345",
        "🍎🍎",
        "???",
        "a" * 5000,
        "track my " + "b" * 200,
        "a quiz about " + "c" * 300,
        "pick between " + ", ".join(["x" * 30] * 50),
        "log " + ", ".join(f"thing{i}" for i in range(20)),
        "记录" + "字" * 100,
        "pick between a, a and a",
        '<script>alert(1)</script> "quotes" {braces} \\ backslashes',
    ],
)
def test_odd_ideas_still_make_an_app(idea: str) -> None:
    spec = plan(idea).spec
    assert len(spec.components()) >= 2 and spec.key_paths
