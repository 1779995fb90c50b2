"""No clause of the sentence becomes a label: options, listed items, field labels and titles are names.

Sentences of our own that list things in many ways (、，/ and or, such as, 包括, 比如, with numbers and with
trailing clauses), in English, simplified and traditional Chinese.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flashapps.spec import AppSpec
from generator.planner.core import plan
from generator.planner.extract import find_list
from generator.planner.labels import clean_label, clean_option, clean_title, is_clause, noun_phrase

SENTENCES = [
    "记账本：记录每天去哪儿花了多少钱，分类包括餐饮、交通、购物、娱乐，每月预算多少",
    "一个记录孩子成绩的应用，按语文、数学、英语三科记录分数，每周出一个柱状图",
    "给一年级孩子做拼音练习，每天10道题",
    "A poll where the class votes for the trip destination: museum, zoo, or beach, and we can view live voting results",
    "Random picker between the minimum and maximum values I type",
    "Expense tracker with categories such as food, rent, transport and fun; show a monthly chart",
    "Track my workouts: running / cycling / swimming, with minutes and how tired I felt",
    "帮我做一个投票：午饭吃什么？选项有火锅、披萨、寿司",
    "记录家里每个人的家务：洗碗、拖地、倒垃圾，谁做了多少次",
    "一个读书记录，记下书名、作者、读了多少页，每周显示一个统计图",
    "A habit tracker for drink water, read 20 pages, and meditate, showing my streak each week",
    "Inventory list for my pantry including rice, pasta, canned beans and flour; warn me when something runs low",
    "A budget app, categories: groceries, bills, eating out, and savings, and tell me how much I can still spend",
    "幫我做一個記帳工具，分類有餐飲、交通、購物，每週顯示一個圓餅圖",
    "一個訂閱管理工具，記錄每個訂閱的名稱、價格和續訂日期",
    "做一個相冊分類的清單：旅行、家人、寵物、美食",
    "幫一年級孩子做注音練習，每天十題",
    "記錄每天喝了幾杯水，目標八杯，每週出一個長條圖",
    "一個投票應用：週末去哪裡玩？選項包括動物園、海邊、爬山",
    "幫我記錄孩子的成績，按國語、數學、英語三科，每次考試後輸入分數",
    "記錄我的訓練：跑步、游泳、重訓，各多少分鐘",
    "Track my reading: title, author, pages read, and which genre (fiction, history or science)",
    "一个抽签工具，从名单里随机抽一个人，比如小明、小红、小刚",
    "记录每天的心情（开心/一般/难过）和睡了几个小时",
    "Pick tonight's movie from Alien, Heat, Up or Jaws, and show which one won",
    "Chore chart for the kids: feed the cat, make the bed, take out trash — who did what each day",
    "团队午餐投票，候选有：麻辣烫、沙拉、便当，然后显示每个选项的票数",
    "幫我做個點名工具，比如小明、小華、阿美，每次抽兩個人",
]


def _options(spec: AppSpec) -> Iterator[str]:
    """Options and listed items: each must be a clean name."""
    for entity in spec.entities:
        for field in entity.fields:
            yield from field.options
    for component in spec.components():
        items = getattr(component, "items", None)
        if isinstance(items, list):
            yield from (i for i in items if isinstance(i, str))


def _field_labels(spec: AppSpec) -> Iterator[str]:
    """Field labels (a question put to the user is a prompt: checked for instructions, not questions)."""
    for entity in spec.entities:
        for field in entity.fields:
            yield field.label
    for component in spec.components():
        label = getattr(component, "label", None)
        if isinstance(label, str) and label:
            yield label


def clause_labels(spec: AppSpec) -> list[str]:
    """The labels of ``spec`` that read as a clause or a clipped piece of the sentence."""
    bad = [o for o in _options(spec) if clean_option(o) != o.strip()]
    bad += [label for label in _field_labels(spec) if is_clause(label, actions=True, questions=False)]
    titles = [spec.brief.title, *(e.label for e in spec.entities)]
    bad += [t for t in titles if noun_phrase(t) != t or clean_title(t, "") == ""]
    return bad


@pytest.mark.parametrize("idea", SENTENCES)
def test_no_label_is_a_clause(idea: str) -> None:
    spec = plan(idea).spec
    assert clause_labels(spec) == []


def _choice_options(idea: str) -> list[str]:
    spec = plan(idea).spec
    return [o for e in spec.entities for f in e.fields if f.type == "choice" for o in f.options]


def test_categories_are_the_listed_nouns_not_the_clauses_around_them() -> None:
    assert _choice_options(SENTENCES[0])[:4] == ["餐饮", "交通", "购物", "娱乐"]
    assert _choice_options(SENTENCES[13])[:3] == ["餐飲", "交通", "購物"]
    assert {"Food", "Rent", "Transport", "Fun"} <= set(_choice_options(SENTENCES[5]))
    assert not any("chart" in o.lower() for o in _choice_options(SENTENCES[5]))


def test_picker_items_never_hold_the_question_or_the_bounds() -> None:
    spec = plan(SENTENCES[7]).spec
    items = [i for c in spec.components() for i in (getattr(c, "items", None) or [])]
    assert items[:3] == ["火锅", "披萨", "寿司"]
    words = [i.lower() for c in plan(SENTENCES[4]).spec.components() for i in (getattr(c, "items", None) or [])]
    assert not any("minimum" in w or "maximum" in w or "values" in w for w in words)


def test_a_title_is_the_name_not_the_request() -> None:
    assert plan(SENTENCES[16]).spec.brief.title.startswith("注音練習")
    assert not plan(SENTENCES[9]).spec.brief.title.startswith("一个")
    assert not plan(SENTENCES[14]).spec.brief.title.startswith("一個")


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("分类包括餐饮、交通、购物、娱乐，每月预算多少", ["餐饮", "交通", "购物", "娱乐"]),
        ("按语文、数学、英语三科记录", ["语文", "数学", "英语"]),
        ("categories such as food, rent and fun; show a monthly chart", ["food", "rent", "fun"]),
        ("pick between the minimum and maximum values", []),
        ("選項包括動物園、海邊、爬山，每週出一個長條圖", ["動物園", "海邊", "爬山"]),
        ("habits: drink water, read 20 pages, make the bed", ["drink water", "read 20 pages", "make the bed"]),
    ],
)
def test_find_list_keeps_the_names_only(text: str, listed: list[str]) -> None:
    assert find_list(text) == listed


@pytest.mark.parametrize(
    ("label", "clean"),
    [
        ("每天去哪儿花了多少钱", None),
        ("每月预算多少", None),
        ("按语文", "语文"),
        ("英语三科", "英语"),
        ("每周出一个柱状图", None),
        ("每週顯示一個圓餅圖", None),
        ("分类包括餐饮", "餐饮"),
        ("比如小明", "小明"),
        ("給一年級孩子做拼音", "拼音"),
        ("View live voting results", None),
        ("show a monthly chart", None),
        ("how tired I felt", None),
        ("which genre (fiction", "genre"),
        ("science)", "science"),
        ("such as food", "food"),
        ("Maximum values", "Maximum values"),
        ("有氧运动", "有氧运动"),
        ("訓練記錄", "訓練記錄"),
        ("計算器", "計算器"),
        ("米飯（1碗）", "米飯（1碗）"),
        ("Other", "Other"),
        ("Team A", "Team A"),
        ("Among Us", "Among Us"),
        ("maximum values I type", None),
        ("take out a", None),
    ],
)
def test_clean_label(label: str, clean: str | None) -> None:
    assert clean_label(label) == clean


def test_counted_clauses_become_the_noun_they_count_only_for_fields() -> None:
    assert clean_label("读了多少页", counts=True) == "页数"
    assert clean_label("各多少分鐘", counts=True) == "分鐘數"
    assert clean_label("读了多少页") is None
    assert clean_option("谁做了多少次") is None


def test_options_never_stand_for_options() -> None:
    assert clean_option("Minimum") is None
    assert clean_option("选项") is None
    assert clean_option("make the bed") == "make the bed"
    assert clean_label("make the bed") is None  # as the name of a field it is an instruction
