"""Remix lineage and counts; likes once per user; reports from anyone."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import VerifyReport
from gallery import Gallery, NotFound, UserView
from generator.render import render


def test_remix_starts_from_a_version_and_keeps_lineage(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, variant: Callable[..., AppBundle],
    passed: VerifyReport, tmp_path: Path,
) -> None:  # fmt: skip
    source = gallery.apps.publish(maker, water_bundle, passed)
    gallery.apps.publish(maker, variant(title="Water Tracker 2"), passed, app=source.slug)
    teacher = gallery.accounts.register("teacher", "teacher-password")

    draft = gallery.apps.remix(source.slug, 1, viewer=teacher)
    assert (draft.source_slug, draft.source_version) == (source.slug, 1)
    assert draft.spec == water_tracker()
    assert gallery.apps.remix(source.slug).source_version == 2  # the latest by default

    spec = draft.spec.model_copy(deep=True)
    spec.brief.title = "Class water challenge"
    bundle = render(spec, tmp_path / "remix")
    remix = gallery.apps.publish(teacher, bundle, passed, remix_of=(draft.source_slug, draft.source_version))
    assert (remix.remixed_from, remix.remixed_from_version, remix.author) == (source.slug, 1, "teacher")
    assert remix.slug != source.slug and remix.remix_count == 0
    assert gallery.apps.get_by_slug(source.slug).remix_count == 1

    again = gallery.apps.publish(teacher, bundle, passed, remix_of=(remix.slug, 1))
    assert again.remixed_from == remix.slug
    assert gallery.apps.get_by_slug(remix.slug).remix_count == 1
    assert gallery.apps.get_by_slug(source.slug).remix_count == 1
    assert [
        e.action
        for e in gallery.curation.audit_log(
            gallery.accounts.create_maintainer("boss", "boss-password"), target=remix.slug
        )
    ] == ["app.publish"]


def test_remix_needs_a_visible_source_and_an_existing_version(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    source = gallery.apps.publish(maker, water_bundle, passed)
    other = gallery.accounts.register("other", "other-password")
    with pytest.raises(NotFound):
        gallery.apps.publish(other, water_bundle, passed, remix_of=(source.slug, 9))
    gallery.curation.hide(maintainer, source.slug, "copyright")
    with pytest.raises(NotFound):
        gallery.apps.remix(source.slug, viewer=other)
    with pytest.raises(NotFound):
        gallery.apps.publish(other, water_bundle, passed, remix_of=(source.slug, 1))
    assert gallery.apps.get_by_slug(source.slug, maker).remix_count == 0
    assert gallery.apps.remix(source.slug, viewer=maker).source_version == 1  # the author still can


def test_lineage_survives_the_source_being_deleted(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    source = gallery.apps.publish(maker, water_bundle, passed)
    remix = gallery.apps.publish(maker, water_bundle, passed, remix_of=(source.slug, 1))
    gallery.curation.delete(maintainer, source.slug, "copyright")
    after = gallery.apps.get_by_slug(remix.slug)
    assert after.remixed_from is None and after.remixed_from_version == 1
    assert gallery.apps.download_zip(remix.slug)  # shared files stay for the remaining version


def test_likes_count_once_per_user(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    fan = gallery.accounts.register("fan", "fan-password")
    assert gallery.apps.like(fan, app.slug) == 1
    assert gallery.apps.like(fan, app.slug) == 1
    assert gallery.apps.like(maker, app.slug) == 2
    assert gallery.apps.unlike(fan, app.slug) == 1
    assert gallery.apps.unlike(fan, app.slug) == 1
    with pytest.raises(UserError):
        gallery.apps.like(None, app.slug)
    assert gallery.apps.get_by_slug(app.slug).like_count == 1


def test_anyone_can_report_with_a_reason(
    gallery: Gallery, maker: UserView, maintainer: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    first = gallery.apps.report(None, app.slug, "  shows <b>rude</b> words  ")
    second = gallery.apps.report(maker, app.slug, "duplicate of another app")
    with pytest.raises(UserError):
        gallery.apps.report(None, app.slug, "   ")
    reports = gallery.curation.reports(maintainer)
    assert [(r.id, r.reason, r.reporter) for r in reports] == [
        (second, "duplicate of another app", "maker"),
        (first, "shows <b>rude</b> words", None),
    ]
    with pytest.raises(NotFound):
        gallery.apps.report(None, "nosuchap", "x")
