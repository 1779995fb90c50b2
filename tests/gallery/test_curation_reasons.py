"""Curation for maintainers and fair to authors: a list of every app, a reason for every action, the author sees
it, a hidden app's link says it is unavailable, and the audit log reads as sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import VerifyReport
from gallery import Forbidden, Gallery, NotFound, UserView
from gallery.errors import Unavailable
from gallery.views import REASONS, reason_label


@pytest.mark.parametrize("action", ["approve", "feature", "unfeature", "hide", "unhide", "reject", "delete"])
def test_every_action_is_refused_without_a_reason(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport,
    action: str,
) -> None:  # fmt: skip
    app = gallery.apps.publish(maker, water_bundle, passed)
    for reason, note in (("", ""), ("  ", "  "), ("other", ""), ("other", "   ")):
        with pytest.raises(UserError) as refused:
            getattr(gallery.curation, action)(maintainer, app.slug, reason, note)
        assert refused.value.message("en") and refused.value.message("zh") != refused.value.message("en")
        assert "reason" in refused.value.message("en").lower() or "Other" in refused.value.message("en")
    assert gallery.apps.get_by_slug(app.slug).state == "published"
    assert [e.action for e in gallery.curation.audit_log(maintainer, target=app.slug)] == ["app.publish"]
    getattr(gallery.curation, action)(maintainer, app.slug, "other", "a test of the list")
    [entry] = [e for e in gallery.curation.audit_log(maintainer, target=app.slug) if e.action == f"app.{action}"]
    assert (entry.reason_code, entry.note) == ("other", "a test of the list")


def test_a_reason_code_with_or_without_words_and_free_text_alone(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    hidden = gallery.curation.hide(maintainer, app.slug, "personal_data", "asks for home   addresses")
    assert (hidden.state, hidden.reason_code, hidden.reject_reason) == (
        "hidden",
        "personal_data",
        "asks for home addresses",
    )
    assert hidden.reason("en") == "Collects or shows personal data — asks for home addresses"
    assert hidden.reason("zh") == "收集或展示个人信息 — asks for home addresses"
    assert hidden.reason("zh-Hant").startswith("收集或展示個人資料")
    rejected = gallery.curation.reject(maintainer, app.slug, "broken")
    assert (rejected.reason_code, rejected.reject_reason, rejected.reason("en")) == ("broken", "", "Does not work")
    words = gallery.curation.reject(maintainer, app.slug, "the buttons do nothing")  # free text: "other"
    assert (words.reason_code, words.reject_reason) == ("other", "the buttons do nothing")
    back = gallery.curation.unhide(maintainer, app.slug, "checked", "fixed")
    assert (back.state, back.reason_code, back.reject_reason) == ("published", "", "")
    assert all(set(labels) == {"en", "zh-Hans", "zh-Hant"} for labels in REASONS.values())
    assert reason_label("spam", "zh") == "垃圾信息或广告" and reason_label("unknown", "en") == "unknown"


def test_the_author_sees_the_reason_and_others_see_unavailable(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    gallery.curation.hide(maintainer, app.slug, "copyright", "copied from a textbook")
    [mine] = gallery.apps.my_apps(maker)
    assert (mine.state, mine.reason_code, mine.reject_reason) == ("hidden", "copyright", "copied from a textbook")
    assert gallery.apps.get_by_slug(app.slug, maker).reason("zh") == "侵犯他人版权 — copied from a textbook"
    stranger = gallery.accounts.register("stranger", "stranger-password")
    for viewer in (None, stranger):
        with pytest.raises(Unavailable) as unavailable:
            gallery.apps.get_version(app.slug, None, viewer)
        assert isinstance(unavailable.value, NotFound) and isinstance(unavailable.value, LookupError)
        assert "not available" in unavailable.value.message("en") and "hidden" in unavailable.value.message("en")
        assert "暂时无法使用" in unavailable.value.message("zh") and "隐藏" in unavailable.value.message("zh")
        assert "copied from a textbook" not in unavailable.value.message("en")  # the reason is for its author
    with pytest.raises(NotFound) as missing:
        gallery.apps.get_by_slug("nosuchap")
    assert not isinstance(missing.value, Unavailable)
    again = gallery.apps.publish(maker, water_bundle, passed, app=app.slug)  # fixed: back to the maintainers
    assert again.state == "pending" and [i.app.slug for i in gallery.curation.queue(maintainer)] == [app.slug]


def _shelf(
    gallery: Gallery, maker: UserView, variant: Callable[..., AppBundle], passed: VerifyReport
) -> dict[str, str]:
    other = gallery.accounts.register("lin", "lin-password")
    made = {
        "water": gallery.apps.publish(maker, variant(title="Water tracker"), passed, tags=["health"]),
        "words": gallery.apps.publish(other, variant(title="背单词小游戏", language="zh-Hans", kind="game"), passed),
        "diet": gallery.apps.publish(other, variant(title="飲食紀錄", language="zh-Hant"), passed, tags=["營養"]),
        "quiz": gallery.apps.publish(maker, variant(title="Photosynthesis quiz"), passed, tags=["science"]),
    }
    return {key: app.slug for key, app in made.items()}


def test_maintainers_list_every_app_with_search_filters_and_pages(
    gallery: Gallery, maker: UserView, maintainer: UserView, variant: Callable[..., AppBundle], passed: VerifyReport
) -> None:
    shelf = _shelf(gallery, maker, variant, passed)
    curation = gallery.curation
    curation.hide(maintainer, shelf["water"], "broken", "does not save")
    curation.feature(maintainer, shelf["quiz"], "good_example")
    gallery.apps.report(None, shelf["words"], "rude words in the list")

    def slugs(query: str = "", **filters: object) -> set[str]:
        return {a.slug for a in curation.apps(maintainer, query, **filters).items}  # type: ignore[arg-type]

    assert slugs() == set(shelf.values())  # every state, the hidden one too
    assert slugs(state="hidden") == {shelf["water"]} and slugs(state="featured") == {shelf["quiz"]}
    assert slugs(state="published") == {shelf["words"], shelf["diet"]}
    assert slugs(state="pending") == set() and slugs(state="rejected") == set()
    assert slugs(reported=True) == {shelf["words"]} and shelf["words"] not in slugs(reported=False)
    assert slugs(language="zh-Hant") == {shelf["diet"]} and slugs(kind="game") == {shelf["words"]}
    assert shelf["water"] in slugs("water", state="hidden")  # title, whatever its state
    assert slugs("photosynth") == {shelf["quiz"]}
    assert slugs("单词") == {shelf["words"]}
    assert slugs("營養") == {shelf["diet"]} and slugs("science") == {shelf["quiz"]}  # tags
    assert slugs("lin") == {shelf["words"], shelf["diet"]}  # author
    assert slugs("lin", language="zh-Hans") == {shelf["words"]}
    assert slugs("nothing like this") == set() and slugs("!!!") == set()
    first = curation.apps(maintainer, page_size=3)
    second = curation.apps(maintainer, page=2, page_size=3)
    assert (first.total, first.pages, len(first.items), len(second.items)) == (4, 2, 3, 1)
    assert {a.slug for a in first.items + second.items} == set(shelf.values())
    assert curation.open_reports(maintainer, list(shelf.values())) == {shelf["words"]: 1}
    with pytest.raises(Forbidden):
        curation.apps(maker)


def test_the_audit_log_names_the_app_and_the_reason(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    gallery.curation.hide(maintainer, app.slug, "spam", "links to a shop")
    gallery.curation.delete(maintainer, app.slug, "spam")
    hidden, deleted = [
        e for e in gallery.curation.audit_log(maintainer, target=app.slug) if e.action in ("app.hide", "app.delete")
    ][::-1]
    assert (hidden.actor, hidden.title, hidden.reason("en")) == (
        "boss",
        app.title,
        "Spam or advertising — links to a shop",
    )
    assert hidden.reason("zh") == "垃圾信息或广告 — links to a shop"
    assert (deleted.title, deleted.reason_code) == (app.title, "spam")  # the title outlives the app
