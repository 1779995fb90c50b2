"""Curation: maintainers act (each action audited); makers cannot; visibility by link."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import VerifyReport
from gallery import Forbidden, Gallery, NotFound, UserView


@pytest.fixture
def review_first(gallery: Gallery) -> Gallery:
    """The same database, with publishing set to wait for review."""
    settings = gallery.settings.model_copy(update={"review_first": True})
    reviewing = Gallery(settings, engine=gallery.engine)
    return reviewing


def test_review_first_queues_until_approved(
    review_first: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = review_first.apps.publish(maker, water_bundle, passed)
    assert app.state == "pending"
    assert review_first.browse().total == 0
    [item] = review_first.curation.queue(maintainer)
    assert item.app.slug == app.slug and item.privacy_findings == [] and item.open_reports == 0
    approved = review_first.curation.approve(maintainer, app.slug, "checked")
    assert approved.state == "published"
    assert review_first.curation.queue(maintainer) == []
    assert [a.slug for a in review_first.browse().items] == [app.slug]
    # a new version of a listed app waits for review again
    again = review_first.apps.publish(maker, water_bundle, passed, app=app.slug)
    assert again.state == "pending" and review_first.browse().total == 0
    # a maintainer's own apps need no review
    assert review_first.apps.publish(maintainer, water_bundle, passed).state == "published"


def test_curation_actions_are_audited(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    assert gallery.curation.feature(maintainer, app.slug, "good_example").state == "featured"
    assert gallery.curation.unfeature(maintainer, app.slug, "other", "time to rotate").state == "published"
    assert gallery.curation.hide(maintainer, app.slug, "off topic").state == "hidden"
    rejected = gallery.curation.reject(maintainer, app.slug, "collects names without need")
    assert (rejected.state, rejected.reject_reason) == ("rejected", "collects names without need")
    assert gallery.curation.approve(maintainer, app.slug, "checked").reject_reason == ""
    entries = gallery.curation.audit_log(maintainer, target=app.slug)
    assert [e.action for e in reversed(entries)] == [
        "app.publish",
        "app.feature",
        "app.unfeature",
        "app.hide",
        "app.reject",
        "app.approve",
    ]
    reject = next(e for e in entries if e.action == "app.reject")
    assert reject.actor == "boss" and reject.target_type == "app"
    assert reject.details == {"from": "hidden", "to": "rejected", "reason": "other",
                              "note": "collects names without need", "title": app.title}  # fmt: skip
    assert reject.reason("en") == "Other — collects names without need" and reject.title == app.title
    assert all(e.created_at.tzinfo is not None for e in entries)


def test_reject_needs_a_reason(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    with pytest.raises(UserError):
        gallery.curation.reject(maintainer, app.slug, "  ")
    assert gallery.apps.get_by_slug(app.slug).state == "published"


def test_a_rejected_app_goes_back_to_review_with_a_new_version(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    gallery.curation.reject(maintainer, app.slug, "broken")
    assert gallery.apps.publish(maker, water_bundle, passed, app=app.slug).state == "pending"
    assert [i.app.slug for i in gallery.curation.queue(maintainer)] == [app.slug]


def test_a_maker_cannot_curate(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    actions: list[Callable[[], object]] = [
        lambda: gallery.curation.approve(maker, app.slug),
        lambda: gallery.curation.feature(maker, app.slug),
        lambda: gallery.curation.unfeature(maker, app.slug),
        lambda: gallery.curation.hide(maker, app.slug),
        lambda: gallery.curation.reject(maker, app.slug, "no"),
        lambda: gallery.curation.delete(maker, app.slug),
        lambda: gallery.curation.queue(maker),
        lambda: gallery.curation.reports(maker),
        lambda: gallery.curation.close_report(maker, 1),
        lambda: gallery.curation.inspect(maker, app.slug),
        lambda: gallery.curation.audit_log(maker),
        lambda: gallery.accounts.set_role(maker, "maker", "maintainer"),
        lambda: gallery.accounts.register("sneaky", "sneaky-password", role="maintainer", actor=maker),
    ]
    for action in actions:
        with pytest.raises(Forbidden) as refused:
            action()
        assert isinstance(refused.value, PermissionError) and isinstance(refused.value, UserError)
        assert "维护者" in refused.value.message("zh")
    assert gallery.apps.get_by_slug(app.slug).state == "published"
    assert gallery.accounts.get("maker").role == "maker"


def test_a_promoted_maker_can_curate_at_once(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    gallery.accounts.set_role(maintainer, "maker", "maintainer")
    assert (
        gallery.curation.feature(maker, app.slug, "good_example").state == "featured"
    )  # the stale view's role is re-read
    gallery.accounts.set_role(maintainer, "maker", "maker")
    with pytest.raises(Forbidden):
        gallery.curation.hide(maker, app.slug)
    actions = [e.action for e in gallery.curation.audit_log(maintainer, target="maker")]
    assert actions.count("account.set_role") == 2


@pytest.mark.parametrize("state", ["hidden", "pending", "rejected"])
def test_unlisted_apps_are_unreachable_by_link_for_others(
    review_first: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport,
    state: str,
) -> None:  # fmt: skip
    gallery = review_first
    app = gallery.apps.publish(maker, water_bundle, passed)
    if state == "hidden":
        gallery.curation.hide(maintainer, app.slug, "spam")
    elif state == "rejected":
        gallery.curation.reject(maintainer, app.slug, "no")
    stranger = gallery.accounts.register("stranger", "stranger-password")
    for viewer in (None, stranger):
        attempts: list[Callable[[UserView | None], object]] = [
            lambda who: gallery.apps.get_by_slug(app.slug, who),
            lambda who: gallery.apps.get_version(app.slug, 1, who),
            lambda who: gallery.apps.versions(app.slug, who),
            lambda who: gallery.apps.download_zip(app.slug, 1, who),
            lambda who: gallery.apps.qr_png(app.slug, who),
            lambda who: gallery.apps.remix(app.slug, 1, who),
            lambda who: gallery.apps.like(who, app.slug),
        ]
        for attempt in attempts:
            with pytest.raises(UserError):
                attempt(viewer)
    for viewer in (maker, maintainer):
        assert gallery.apps.get_by_slug(app.slug, viewer).state == state
        assert gallery.apps.download_zip(app.slug, 1, viewer)
    assert [a.slug for a in gallery.apps.my_apps(maker)] == [app.slug]
    with pytest.raises(NotFound) as missing:
        gallery.apps.get_by_slug(app.slug, None)
    assert "not available" in str(missing.value) and "暂时无法使用" in missing.value.message("zh")  # not "no such app"
    assert str(missing.value) != str(NotFound("app", app.slug))


def test_inspect_shows_spec_code_report_and_privacy(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    seen = gallery.curation.inspect(maintainer, app.slug)
    assert seen.version.spec.brief.title == "Water Tracker"
    assert seen.code["app.py"] == (water_bundle.path / "app.py").read_text(encoding="utf-8")
    assert set(seen.code) == set(water_bundle.files)
    assert seen.version.verify_report == passed
    assert seen.version.privacy_findings == []


def test_delete_removes_rows_and_files_but_keeps_the_audit(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle,
    variant: Callable[..., AppBundle], passed: VerifyReport,
) -> None:  # fmt: skip
    app = gallery.apps.publish(maker, water_bundle, passed)
    gallery.apps.publish(maker, variant(title="Other"), passed, app=app.slug)
    gallery.apps.like(maker, app.slug)
    report = gallery.apps.report(None, app.slug, "spam")
    gallery.curation.delete(maintainer, app.slug, "spam")
    with pytest.raises(NotFound):
        gallery.apps.get_by_slug(app.slug, maintainer)
    assert list(gallery.files.files_dir.iterdir()) == []
    assert gallery.curation.reports(maintainer) == []
    with pytest.raises(NotFound):
        gallery.curation.close_report(maintainer, report)
    [entry] = [e for e in gallery.curation.audit_log(maintainer, target=app.slug) if e.action == "app.delete"]
    assert entry.actor == "boss" and entry.details["title"] == "Other" and entry.details["versions"] == 2


def test_reports_are_closed_with_an_audit_entry(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    report = gallery.apps.report(None, app.slug, "wrong answers in the quiz")
    [item] = gallery.curation.reports(maintainer)
    assert (item.slug, item.title, item.reason, item.state) == (
        app.slug,
        app.title,
        "wrong answers in the quiz",
        "open",
    )
    gallery.curation.close_report(maintainer, report, "fixed by the author")
    assert gallery.curation.reports(maintainer) == []
    [closed] = gallery.curation.reports(maintainer, state="closed")
    assert closed.resolution == "fixed by the author"
    [entry] = gallery.curation.audit_log(maintainer, target=str(report))
    assert (entry.action, entry.details) == ("report.close", {"resolution": "fixed by the author"})
