"""An idea no kind of app fits gets the generic list, and is told so first, in its own language and script."""

from __future__ import annotations

import pytest

from generator.planner.core import plan
from generator.planner.honesty import NO_KIND_PART, capabilities
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
        assert first.part == "The app as described" and "no kind of app yet" in first.reason
    else:
        assert "还没有" in first.reason or "還沒有" in first.reason
        assert ("记录" in first.reason) == (language == "zh-Hans")  # the script of the idea, never mixed
        assert ("記錄" in first.reason) == (language == "zh-Hant")


@pytest.mark.parametrize(
    "idea",
    ["a list of my books with author and rating", "我的书单：书名、作者、评分", "記錄我看過的電影和評分"],
)
def test_a_list_that_was_asked_for_is_not_called_a_stand_in(idea: str) -> None:
    made = plan(idea)
    assert made.pattern in ("collection", "tracker", "notes")
    assert all(x.part not in NO_KIND_PART.values() for x in made.spec.brief.left_out)


def test_no_reason_promises_what_the_app_may_not_have() -> None:
    """A reason says what cannot be done and what the person does instead, never a feature of the app that a
    given app may lack (a list of what is due, a download, one shared screen)."""
    promises = [
        "shows what is due",
        "download",
        "shared screen",
        "会显示",
        "可以下载",
        "同一块屏幕",
        "同一個螢幕",
        "heart rate",
    ]
    for capability in capabilities():
        for reason in capability.reason.values():
            assert not any(p in reason for p in promises), (capability.key, reason)


@pytest.mark.parametrize(
    "idea", [*STAND_INS, "a list of my books with author and rating", "我的书单：书名、作者、评分"]
)
def test_a_list_says_it_rates_only_when_it_has_a_rating(idea: str) -> None:
    spec = plan(idea).spec
    rated = any(f.type == "rating" for e in spec.entities for f in e.fields)
    said = "rate" in spec.brief.value or "评分" in spec.brief.value or "評分" in spec.brief.value
    assert said == rated, (spec.brief.value, rated)
