"""A zh-Hant idea makes an app written all in traditional characters: titles, labels, options, built-in content
and the app's own strings, whatever pattern made it.

Simplified forms are found with OpenCC itself (a character that simplified → traditional conversion changes in
its context and that traditional → simplified conversion leaves alone), not with a hand list.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from functools import cache

import opencc
import pytest

from generator.planner.core import plan
from generator.planner.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, to_simplified, to_traditional
from generator.planner.lang import detect_language
from generator.render import render_files

IDEAS = {
    "quiz": "一個小測驗：台灣的縣市首府，十題，答完顯示分數",
    "tracker": "記錄每天喝了幾杯水，目標八杯，每週出一個長條圖",
    "booking": "預約理髮：選日期、時間和服務項目（剪髮、染髮、燙髮）",
    "records": "班級圖書借閱登記，記錄書名、借閱人和歸還日期",
    "calculator": "一個計算機，算房貸每月還款多少",
    "website": "我的個人網站，介紹我的作品、聯絡方式和履歷",
    "game": "做一個小遊戲：貪食蛇，吃到食物變長",
    "budget": "幫我做一個記帳工具，分類有餐飲、交通、購物，每週顯示一個圓餅圖",
    "poll": "一個投票應用：週末去哪裡玩？選項包括動物園、海邊、爬山",
    "timer": "番茄鐘計時器，專注二十五分鐘，休息五分鐘",
    "subscriptions": "一個訂閱管理工具，記錄每個訂閱的名稱、價格和續訂日期，訂閱到期前提醒",
    "photos": "做一個相冊分類的清單：旅行、家人、寵物、美食",
}

_RUN = re.compile(r"[\u3400-\u9fff][\u3400-\u9fff，。、：；？！「」（）·\s]*")


@cache
def _opencc(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)


def simplified_in(text: str) -> list[str]:
    """The characters of ``text`` that conversion to traditional (Taiwan standard) changes in context and that are no traditional
    form themselves (t2s leaves them as they are)."""
    found = []
    for run in _RUN.findall(text):
        converted = _opencc("s2tw").convert(run)
        if len(converted) != len(run):
            continue
        found += [a for a, b in zip(run, converted, strict=True) if a != b and _opencc("t2s").convert(a) == a]
    return found


def _hant_tables(text: str) -> Iterator[str]:
    """The zh-Hant string tables of a game page (its other languages are chosen at run time)."""
    for match in re.finditer(r"""['"]zh-Hant['"]\s*:\s*([\[{])""", text):
        depth = 0
        for end in range(match.start(1), len(text)):
            depth += text[end] in "{[" or -(text[end] in "}]")
            if depth == 0:
                yield text[match.start(1) : end + 1]
                break


def _visible(files: dict[str, str]) -> Iterator[tuple[str, str]]:
    for name, text in files.items():
        if name.endswith("games.py"):
            yield from ((name, table) for table in _hant_tables(text))
        else:
            yield name, text


@pytest.mark.parametrize("kind", list(IDEAS))
def test_a_traditional_idea_makes_an_app_without_simplified_characters(kind: str) -> None:
    result = plan(IDEAS[kind])
    assert result.language == "zh-Hant"
    spec = result.spec
    assert simplified_in(spec.to_json()) == [], spec.brief.title
    found = {name: "".join(sorted(set(simplified_in(text)))) for name, text in _visible(render_files(spec))}
    assert {name: chars for name, chars in found.items() if chars} == {}


def test_the_apps_are_of_different_kinds() -> None:
    kinds = {plan(idea).spec.kinds()[0] for idea in IDEAS.values()}
    assert len(kinds) >= 6


def test_the_detector_sees_the_simplified_forms_reviewers_found() -> None:
    assert simplified_in("訂閱管理") == []
    assert set(simplified_in("订阅相册")) == {"订", "阅", "册"}
    assert simplified_in("公里") == [] and simplified_in("皇后") == []


def test_conversion_follows_taiwan_usage_and_keeps_traditional_text() -> None:
    assert to_traditional("这里的面包和头发") == "這裡的麵包和頭髮"
    assert to_traditional("每周复习单词，一公里") == "每週複習單詞，一公里"
    assert to_traditional("訂閱相簿") == "訂閱相簿"
    assert to_traditional("Water tracker") == "Water tracker"
    assert to_simplified("記帳本，臺灣，乾淨的頭髮") == "记账本，台湾，干净的头发"


def test_language_detection_uses_the_library_tables() -> None:
    assert {"订", "册", "这"} <= SIMPLIFIED_ONLY and {"訂", "冊", "這"} <= TRADITIONAL_ONLY
    assert detect_language("訂閱管理工具") == "zh-Hant"
    assert detect_language("订阅管理工具") == "zh-Hans"


def test_conversion_stays_fast() -> None:
    plan(IDEAS["subscriptions"])  # the converters load once
    start = time.perf_counter()
    for idea in IDEAS.values():
        plan(idea)
    assert (time.perf_counter() - start) / len(IDEAS) < 0.5
