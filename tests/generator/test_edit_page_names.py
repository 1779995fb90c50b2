"""A follow-up that adds a page takes the page's name from the sentence, wherever the sentence puts it."""

from __future__ import annotations

import pytest

from generator.edits import apply_edit
from generator.planner.core import plan


@pytest.mark.parametrize(
    ("idea", "sentence", "title"),
    [
        ("track my daily water", "add a page: settings", "Settings"),
        ("track my daily water", "add a tab for recipes", "Recipes"),
        ("track my daily water", "add a stats page", "Stats"),
        ("记录每天喝水", "加一个页面：设置", "设置"),
        ("记录每天喝水", "再加一个页面叫设置", "设置"),
        ("记录每天喝水", "加一个统计页面", "统计"),
        ("记录每天喝水", "添加一个“菜谱”页面", "菜谱"),
        ("記錄每天喝水", "加一個頁面：設定", "設定"),
        ("記錄每天喝水", "加一個說明頁", "說明"),
    ],
)
def test_the_new_page_is_named_as_the_sentence_says(idea: str, sentence: str, title: str) -> None:
    result = apply_edit(plan(idea).spec, sentence)
    assert result.spec.screens[-1].title == title
    assert not any(word in result.spec.screens[-1].title for word in ("一个", "一個", "About"))
