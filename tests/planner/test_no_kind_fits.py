"""An idea no kind of app fits gets the generic list, and is told so first, in its own language and script."""

from __future__ import annotations

import pytest

from generator.planner.core import plan
from generator.planner.honesty import capabilities
from generator.planner.lang import detect_language

STAND_INS = [
    "a buzzer app for the classroom",
    "an app that shows the phases of the moon",
    "一个电子木鱼",
    "一個電子木魚",
]


@pytest.mark.parametrize("idea", STAND_INS)
def test_a_stand_in_says_it_is_one_before_anything_else(idea: str) -> None:
    made = plan(idea)
    assert made.pattern == "collection"
    first = made.spec.brief.left_out[0]
    title = made.spec.brief.title
    assert title in first.reason
    language = detect_language(idea)
    if language == "en":
        assert first.part == "The app as described" and "No kind of app made here" in first.reason
    else:
        assert "没有一种" in first.reason or "沒有一種" in first.reason
        assert ("记录" in first.reason) == (language == "zh-Hans")  # the script of the idea, never mixed
        assert ("記錄" in first.reason) == (language == "zh-Hant")


@pytest.mark.parametrize(
    "idea",
    ["a list of my books with author and rating", "我的书单：书名、作者、评分", "記錄我看過的電影和評分"],
)
def test_a_list_that_was_asked_for_is_not_called_a_stand_in(idea: str) -> None:
    made = plan(idea)
    assert made.pattern in ("collection", "tracker", "notes")
    assert all("No kind of app" not in x.reason and "没有一种" not in x.reason and "沒有一種" not in x.reason
               for x in made.spec.brief.left_out)  # fmt: skip


def test_no_reason_promises_what_the_app_may_not_have() -> None:
    """A reason says what cannot be done and what the person does instead, never a feature of the app that a
    given app may lack (a list of what is due, a download, one shared screen)."""
    promises = ["shows what is due", "download", "shared screen", "会显示", "可以下载", "同一块屏幕", "同一個螢幕"]
    for capability in capabilities():
        for reason in capability.reason.values():
            assert not any(p in reason for p in promises), (capability.key, reason)
