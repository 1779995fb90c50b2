"""A request that falls to the generic list is named after its subject, never after a clause of it: a verb first,
a 把/将 construction, a question word or a word cut in two becomes the thing the sentence is about, in the idea's
language and script; record names and field labels too."""

from __future__ import annotations

import pytest

from generator.planner import plan
from generator.planner.labels import is_clause
from generator.planner.subject_title import is_clause_title, subject_name

SUBJECTS = [
    ("Check whether a year is a leap year", "en", "Year"),
    ("compare two lists of names and show who is missing", "en", "Names"),
    ("Detect whether a sentence is a palindrome", "en", "Sentence"),
    ("Estimate how long my phone battery will last", "en", "Phone Battery"),
    ("Translate my restaurant menu for tourists", "en", "Restaurant Menu"),
    ("将图片压缩到100kb以下", "zh-Hans", "图片"),
    ("判断一个年份是不是闰年", "zh-Hans", "年份"),
    ("把一段中文转成繁体字", "zh-Hans", "繁体字"),
    ("检查快递单号有没有写错", "zh-Hans", "快递单号"),
    ("对比两份合同找出不同的地方", "zh-Hans", "合同"),
    ("估算装修一套房子要花多少钱", "zh-Hans", "装修房子"),
    ("把英文句子翻成中文", "zh-Hans", "中文"),
    ("將一段文字翻成摩斯密碼", "zh-Hant", "摩斯密碼"),
    ("檢查身分證字號是否正確", "zh-Hant", "身分證字號"),
    ("檢查信用卡號碼是否有效", "zh-Hant", "信用卡號碼"),
    ("將照片壓縮到兩百KB", "zh-Hant", "照片"),
]


@pytest.mark.parametrize(("idea", "language", "subject"), SUBJECTS)
def test_the_subject_a_request_names(idea: str, language: str, subject: str) -> None:
    assert subject_name(idea, language) == subject


@pytest.mark.parametrize(
    "title",
    ["Compare Two", "Whether Year", "Detect Whether", "将图片压缩到10记录", "將一段文字翻成摩記錄",
     "檢查身分證字號是記錄", "对比两份合同找出记录", "判断记录", "把英文句子翻成中记录"],
)  # fmt: skip
def test_clause_titles_are_seen(title: str) -> None:
    assert is_clause_title(title)


@pytest.mark.parametrize(
    "title",
    ["喝水记录", "读书记录", "学习记录", "跑步記錄", "Book Log", "Water Tracker", "计算器", "转盘抽奖", "Recipes"],
)
def test_names_are_kept(title: str) -> None:
    assert not is_clause_title(title)


GENERIC = [idea for idea, _, _ in SUBJECTS] + ["判斷一句話是不是回文", "Decode a secret message written in pig latin"]


@pytest.mark.parametrize("idea", GENERIC)
def test_a_generic_list_never_has_a_clause_title_or_label(idea: str) -> None:
    made = plan(idea)
    if made.pattern != "collection":
        return  # another kind of app fits now: its title is its own
    spec = made.spec
    names = [spec.brief.title, *(e.label for e in spec.entities), *(f.label for e in spec.entities for f in e.fields)]
    for name in names:
        assert not is_clause_title(name) and not is_clause(name), (idea, name)
    core = spec.brief.title.removesuffix("记录").removesuffix("記錄")
    assert core in ("我的", "My Records") or _told_in(core, idea), (idea, spec.brief.title)


def _told_in(name: str, idea: str) -> bool:
    """Every word (or character, in order) of ``name`` is in ``idea``: the subject, not made up."""
    if name.isascii():
        return all(word.lower() in idea.lower() for word in name.split())
    rest = iter(idea)
    return all(ch in rest for ch in name)


def test_most_of_these_fall_to_the_generic_list() -> None:
    """The check above is about the generic list: most of these sentences must still reach it."""
    assert sum(plan(idea).pattern == "collection" for idea in GENERIC) >= 12
