"""Zhuyin practice is planned when a sentence asks for 注音 / ㄅㄆㄇ / zhuyin / bopomofo, or is traditional Chinese
about pinyin or tones in Taiwan's terms; readings are zhuyin with tone marks, in traditional characters; pinyin
practice elsewhere stays pinyin."""

from __future__ import annotations

import pytest

from flashapps.spec import PinyinComponent
from generator.planner import plan
from generator.planner.hanzi import simplified_forms
from generator.planner.patterns.zhuyin import zhuyin_of


def _practice(idea: str) -> tuple[str, PinyinComponent]:
    made = plan(idea)
    return made.pattern, next(x for x in made.spec.components() if isinstance(x, PinyinComponent))


@pytest.mark.parametrize(("syllable", "symbols"), [("ma1", "ㄇㄚ"), ("hao3", "ㄏㄠˇ"), ("de5", "˙ㄉㄜ"),
                                                    ("lv4", "ㄌㄩˋ"), ("xue2", "ㄒㄩㄝˊ"), ("zhi1", "ㄓ")])  # fmt: skip
def test_zhuyin_of_a_syllable(syllable: str, symbols: str) -> None:
    assert zhuyin_of(syllable) == symbols


@pytest.mark.parametrize(
    "idea",
    [
        "注音符號練習：媽、好、的、你、我",
        "ㄅㄆㄇ 拼讀小測驗，每輪8題",
        "a zhuyin practice app for my daughter",
        "bopomofo quiz with tones for kids",
        "注音练习：春 夏 秋 冬",
        "看注音選字的練習：天、地、人、山、水",
        "台灣小朋友的國語拼音練習，練習一聲二聲三聲四聲",
    ],
)
def test_zhuyin_is_planned(idea: str) -> None:
    pattern, practice = _practice(idea)
    assert pattern == "zhuyin" and practice.notation == "zhuyin"
    assert all(len(i.zhuyin) == len(i.syllables) for i in practice.items)
    made = plan(idea).spec
    assert simplified_forms(made.to_json()) == []  # traditional characters, whatever the idea's script
    if made.brief.language != "en":
        assert made.brief.language == "zh-Hant"


def test_named_items_read_in_zhuyin() -> None:
    _, practice = _practice("注音符號練習：媽、好、的")
    assert [(i.text, i.zhuyin) for i in practice.items] == [("媽", ["ㄇㄚ"]), ("好", ["ㄏㄠˇ"]), ("的", ["˙ㄉㄜ"])]


@pytest.mark.parametrize(
    "idea", ["拼音练习：妈 好 的", "Hanyu pinyin tone practice for beginners", "給一年級孩子的拼音練習"]
)
def test_pinyin_stays_pinyin(idea: str) -> None:
    pattern, practice = _practice(idea)
    assert pattern == "pinyin" and practice.notation == "pinyin"
