"""Browse and search: English and Chinese full text, filters, sorts, pages, hostile input."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, UserView
from gallery.search import fts5_query, tsquery
from gallery.tokens import index_text, query_terms

T0 = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


@pytest.fixture
def shelf(gallery: Gallery, maker: UserView, variant: Callable[..., AppBundle], passed: VerifyReport) -> dict[str, str]:
    """Five apps in two languages, three categories and both kinds; slugs by short name."""
    apps = {
        "vocab": (dict(title="背单词小游戏", language="zh-Hans", category="learning", kind="game"),
                  "每天背十个英语单词", ["英语", "单词"]),
        "water": (dict(title="Water Tracker", category="tracker"), "Drink enough water every day.", ["health"]),
        "photo": (dict(title="Photosynthesis quiz", category="learning"), "A quiz for grade 7 biology.", ["science"]),
        "timer": (dict(title="Pomodoro timer", category="timer"), "Focus for 25 minutes, then rest.", ["focus"]),
        "diet": (dict(title="饮食记录", language="zh-Hans", category="tracker"), "记录每天吃了什么，控制热量", ["健康"]),
    }  # fmt: skip
    slugs = {}
    for i, (name, (brief, description, tags)) in enumerate(apps.items()):
        bundle = variant(**brief)
        app = gallery.apps.publish(maker, bundle, passed, description=description, tags=tags,
                                   now=T0 + dt.timedelta(days=i))  # fmt: skip
        slugs[name] = app.slug
    return slugs


def _found(gallery: Gallery, query: str = "", **filters: object) -> list[str]:
    return [app.slug for app in gallery.browse(query, page_size=100, **filters).items]  # type: ignore[arg-type]


def test_chinese_is_found_by_words_inside_a_title(gallery: Gallery, shelf: dict[str, str]) -> None:
    assert _found(gallery, "背单词") == [shelf["vocab"]]
    assert _found(gallery, "单词") == [shelf["vocab"]]
    assert _found(gallery, "游戏") == [shelf["vocab"]]
    assert _found(gallery, "英语") == [shelf["vocab"]]
    assert _found(gallery, "记录") == [shelf["diet"]]
    assert _found(gallery, "热量 饮食") == [shelf["diet"]]
    assert _found(gallery, "单") == [shelf["vocab"]]
    assert _found(gallery, "词单") == []


def test_english_words_prefixes_and_case(gallery: Gallery, shelf: dict[str, str]) -> None:
    assert _found(gallery, "water") == [shelf["water"]]
    assert _found(gallery, "WATER tracker") == [shelf["water"]]
    assert _found(gallery, "photo") == [shelf["photo"]]
    assert _found(gallery, "quiz biology") == [shelf["photo"]]
    assert _found(gallery, "science") == [shelf["photo"]]
    assert _found(gallery, "water quiz") == []
    assert set(_found(gallery, "every")) == {shelf["water"]}


def test_mixed_language_query(gallery: Gallery, shelf: dict[str, str]) -> None:
    assert _found(gallery, "health") == [shelf["water"]]
    assert _found(gallery, "健康") == [shelf["diet"]]


@pytest.mark.parametrize(
    "query",
    ['"', "'", "')--", "' OR 1=1 --", "water OR timer", "wat*", "NEAR(water timer)", "title:water", "^water",
     "water AND", "(((", "\\", "%", "_", "'; DROP TABLE apps; --", "a\x00b", "背单词\" OR \"1", "-water", "*"],
)  # fmt: skip
def test_hostile_search_input_is_harmless(gallery: Gallery, shelf: dict[str, str], query: str) -> None:
    page = gallery.browse(query)
    assert page.total == len(page.items) <= 5
    assert gallery.browse().total == 5  # nothing was dropped
    if "water" in query.lower():
        assert all(item.slug == shelf["water"] for item in page.items)


def test_or_is_a_plain_word(gallery: Gallery, shelf: dict[str, str]) -> None:
    assert _found(gallery, "water OR timer") == []


def test_filters(gallery: Gallery, shelf: dict[str, str]) -> None:
    assert set(_found(gallery, category="learning")) == {shelf["vocab"], shelf["photo"]}
    assert set(_found(gallery, language="zh-Hans")) == {shelf["vocab"], shelf["diet"]}
    assert _found(gallery, kind="game") == [shelf["vocab"]]
    assert _found(gallery, category="tracker", language="en") == [shelf["water"]]
    assert _found(gallery, "quiz", category="learning") == [shelf["photo"]]
    assert _found(gallery, "quiz", category="timer") == []


def test_sorts(gallery: Gallery, shelf: dict[str, str], maintainer: UserView) -> None:
    assert _found(gallery) == [shelf[n] for n in ("diet", "timer", "photo", "water", "vocab")]  # newest first
    for i, username in enumerate(("ann", "bob", "cyd")):
        user = gallery.accounts.register(username, "a-password")
        gallery.apps.like(user, shelf["photo"])
        if i < 2:
            gallery.apps.like(user, shelf["water"])
    assert _found(gallery, sort="popular")[:2] == [shelf["photo"], shelf["water"]]
    gallery.curation.feature(maintainer, shelf["vocab"], "good_example")
    assert _found(gallery, sort="featured")[0] == shelf["vocab"]
    assert gallery.browse(sort="featured").items[0].state == "featured"


def test_pagination(gallery: Gallery, shelf: dict[str, str]) -> None:
    pages = [gallery.browse(page=n, page_size=2) for n in (1, 2, 3, 4)]
    assert [p.total for p in pages] == [5, 5, 5, 5]
    assert [len(p.items) for p in pages] == [2, 2, 1, 0]
    assert pages[0].pages == 3
    seen = [app.slug for p in pages for app in p.items]
    assert sorted(seen) == sorted(shelf.values())
    assert gallery.browse(page=0, page_size=1000).page_size == 100


def test_only_listed_apps_are_found(gallery: Gallery, shelf: dict[str, str], maintainer: UserView) -> None:
    gallery.curation.hide(maintainer, shelf["water"], "broken")
    assert _found(gallery, "water") == []
    assert gallery.browse().total == 4
    gallery.curation.approve(maintainer, shelf["water"], "checked")
    assert _found(gallery, "water") == [shelf["water"]]


def test_search_follows_a_new_version(
    gallery: Gallery, shelf: dict[str, str], maker: UserView, variant: Callable[..., AppBundle], passed: VerifyReport
) -> None:
    gallery.apps.publish(maker, variant(title="Hydration log"), passed, app=shelf["water"])
    assert _found(gallery, "hydration") == [shelf["water"]]
    assert _found(gallery, "tracker") == []


def test_deleted_apps_leave_the_index(gallery: Gallery, shelf: dict[str, str], maintainer: UserView) -> None:
    gallery.curation.delete(maintainer, shelf["vocab"], "spam")
    assert _found(gallery, "单词") == []


def test_tokens() -> None:
    assert index_text("背单词") == "背 单 词 背单 单词"
    assert [t.text for t in query_terms("背单词 Quiz")] == ["背单", "单词", "quiz"]
    assert query_terms("')-- * OR") == [query_terms("or")[0]]
    assert fts5_query(query_terms('a"b')) == '"a"* "b"*'
    assert tsquery(query_terms("it's")) == "'it':* & 's':*"
