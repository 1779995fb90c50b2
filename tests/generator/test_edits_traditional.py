"""Follow-ups on a traditional-Chinese app keep it in traditional characters, whatever script they are typed in:
fields added or renamed, titles, options, words and items, several in one sentence; a simplified app is never
converted, and a name typed in simplified characters finds the traditional item it names."""

from __future__ import annotations

from functools import cache

import pytest

from flashapps.spec import AppSpec, FlashcardsComponent, PickerComponent
from generator.edits import EditResult, apply_edit
from generator.planner import plan
from generator.planner.hanzi import simplified_forms, to_traditional

WATER = "記錄我每天喝水的量"
CLUB = "一個讀書會的簽到表"
DRAW = "一個隨機抽籤的應用：小明、小華、小美"
CARDS = "用閃卡背英文單字"
SIMPLE_WATER = "记录我每天喝水的量"


@cache
def _planned(idea: str) -> str:
    return plan(idea).spec.to_json()


def _edit(idea: str, sentence: str) -> EditResult:
    spec = AppSpec.from_json(_planned(idea))
    result = apply_edit(spec, sentence)
    AppSpec.model_validate(result.spec.model_dump())
    return result


def _strings(spec: AppSpec) -> str:
    return spec.to_json()


@pytest.mark.parametrize(
    ("idea", "sentence", "expected"),
    [
        (WATER, "加一個欄位：杯子颜色", "杯子顏色"),
        (CLUB, "加一個欄位：带来的书", "帶來的書"),
        (WATER, "加一个字段：体重", "體重"),
        (CLUB, "加一个字段：联系电话", "聯繫電話"),
        (WATER, "把标题改成 读书会", "讀書會"),
        (CLUB, "改名为 学习记录", "學習記錄"),
        (DRAW, "把標題改成 值日生抽签", "值日生抽籤"),
        (DRAW, "加上 小丽、小刚", "小麗"),
        (WATER, "添加选项：红茶、绿茶", "綠茶"),
        (WATER, "加一個欄位：饮料温度，然后把标题改成 喝水记录", "飲料溫度"),
    ],
)
def test_zh_hant_app_keeps_traditional_script(idea: str, sentence: str, expected: str) -> None:
    before = AppSpec.from_json(_planned(idea))
    assert plan(idea).language == "zh-Hant" and not simplified_forms(_strings(before))
    result = _edit(idea, sentence)
    assert result.understood, result.not_done
    text = _strings(result.spec)
    assert expected in text, (sentence, text[:400])
    assert simplified_forms(text) == [], (sentence, sorted(set(simplified_forms(text))))


def test_words_added_to_a_traditional_deck_are_traditional() -> None:
    result = _edit(CARDS, "加上單字：apple=苹果、banana=香蕉")
    deck = next(x for x in result.spec.components() if isinstance(x, FlashcardsComponent))
    if not result.understood:
        pytest.fail(f"not understood: {result.not_done}")
    written = " ".join(f"{c.front} {c.back}" for c in deck.cards)
    assert "蘋果" in written and "苹果" not in written


def test_an_item_typed_in_simplified_is_found_and_not_doubled() -> None:
    added = _edit(DRAW, "加上 小华、小丽")
    picker = next(x for x in added.spec.components() if isinstance(x, PickerComponent))
    assert picker.items.count("小華") == 1 and "小麗" in picker.items and "小华" not in picker.items
    removed = _edit(DRAW, "删除 小华")
    picker = next(x for x in removed.spec.components() if isinstance(x, PickerComponent))
    assert removed.understood and "小華" not in picker.items and picker.items == ["小明", "小美"]


@pytest.mark.parametrize("sentence", ["加一個欄位：備註", "把標題改成 讀書會", "添加選項：紅茶、綠茶"])
def test_simplified_app_is_never_converted(sentence: str) -> None:
    result = _edit(SIMPLE_WATER, sentence)
    assert result.understood
    text = _strings(result.spec)
    assert result.spec.brief.language == "zh-Hans"
    assert "记录" in text  # the simplified idea's own words stay simplified
    typed = sentence.split("：")[-1].split(" ")[-1].split("、")[0]
    assert typed in text and typed == to_traditional(typed)  # the traditional words stay as typed


def test_english_follow_up_on_traditional_app_keeps_english_words() -> None:
    result = _edit(WATER, "add a field for notes")
    assert result.understood
    assert "notes" in _strings(result.spec).lower() and not simplified_forms(_strings(result.spec))
