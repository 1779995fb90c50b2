"""Publishing: only verified bundles, versions, share slugs, QR codes and self-contained zips."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import TestResult, VerifyReport
from flashapps.spec import AppSpec
from gallery import Gallery, NotFound, UserView


def test_publish_lists_the_app_with_a_short_slug(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed, tags=["water", "health"])
    assert len(app.slug) == 8 and app.slug.isalnum() and app.slug == app.slug.lower()
    assert (app.title, app.state, app.author, app.latest_version) == ("Water Tracker", "published", "maker", 1)
    assert app.share_url.endswith(app.slug)
    assert gallery.apps.get_by_slug(app.slug, None) == app
    assert [a.slug for a in gallery.browse().items] == [app.slug]


def test_slugs_are_unique(gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport) -> None:
    slugs = {gallery.apps.publish(maker, water_bundle, passed).slug for _ in range(12)}
    assert len(slugs) == 12
    assert gallery.browse(page_size=100).total == 12


@pytest.mark.parametrize(
    "report",
    [
        VerifyReport(backend="docker", isolated=True, passed=False,
                     tests=[TestResult(name="t", outcome="failed", output="boom")]),
        VerifyReport(backend="docker", isolated=True, passed=False, timed_out=True),
    ],
)  # fmt: skip
def test_an_unverified_bundle_is_refused_in_both_languages(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, report: VerifyReport
) -> None:
    with pytest.raises(UserError) as refused:
        gallery.apps.publish(maker, water_bundle, report)
    assert "verify again" in refused.value.message("en")
    assert "重新检查" in refused.value.message("zh")
    assert gallery.browse().total == 0
    assert list(gallery.files.files_dir.iterdir()) == []
    assert list(gallery.files.staging_dir.iterdir()) == []


def test_anonymous_users_cannot_publish(gallery: Gallery, water_bundle: AppBundle, passed: VerifyReport) -> None:
    with pytest.raises(UserError):
        gallery.apps.publish(None, water_bundle, passed)


def test_a_folder_without_spec_is_refused(
    gallery: Gallery, maker: UserView, tmp_path: Path, passed: VerifyReport
) -> None:
    (tmp_path / "app.py").write_text("print('hi')\n")
    with pytest.raises(UserError, match="missing"):
        gallery.apps.publish(maker, tmp_path, passed)


def test_every_version_stays_reachable(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, variant: Callable[..., AppBundle], passed: VerifyReport
) -> None:
    first = gallery.apps.publish(maker, water_bundle, passed, description="For my class", tags=["water"])
    second = gallery.apps.publish(maker, variant(title="Water Tracker Pro"), passed, app=first.slug)
    assert second.slug == first.slug and second.latest_version == 2 and second.title == "Water Tracker Pro"
    assert (second.description, second.tags) == ("For my class", ["water"])  # kept unless given
    assert gallery.apps.publish(maker, water_bundle, passed, app=first.slug, tags=[]).tags == []
    assert [v.number for v in gallery.apps.versions(first.slug)] == [1, 2, 3]
    assert gallery.apps.get_version(first.slug, 1).spec.brief.title == "Water Tracker"
    assert gallery.apps.get_version(first.slug, 2).spec.brief.title == "Water Tracker Pro"
    assert gallery.apps.get_version(first.slug, 1).digest != gallery.apps.get_version(first.slug, 2).digest
    assert gallery.apps.get_version(first.slug).number == 3
    with pytest.raises(NotFound):
        gallery.apps.get_version(first.slug, 4)


def test_only_the_author_adds_versions(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    other = gallery.accounts.register("other", "other-password")
    with pytest.raises(PermissionError):
        gallery.apps.publish(other, water_bundle, passed, app=app.slug)
    assert gallery.apps.get_by_slug(app.slug).latest_version == 1


def test_identical_files_are_stored_once(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    a = gallery.apps.publish(maker, water_bundle, passed)
    b = gallery.apps.publish(maker, water_bundle, passed)
    assert gallery.apps.get_version(a.slug).digest == gallery.apps.get_version(b.slug).digest
    assert len(list(gallery.files.files_dir.iterdir())) == 1


def test_download_zip_is_the_runnable_bundle(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    data = gallery.apps.download_zip(app.slug, 1)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        archive.extractall(tmp_path / "out")
        names = archive.namelist()
    root = tmp_path / "out" / f"{app.slug}-v1"
    assert all(name.startswith(f"{app.slug}-v1/") for name in names)
    for name in ("app.py", "requirements.txt", "spec.json", "tests/test_app.py", "storage.py"):
        assert (root / name).read_bytes() == (water_bundle.path / name).read_bytes(), name
    readme = (root / "README.md").read_text(encoding="utf-8")
    assert readme.startswith((water_bundle.path / "README.md").read_text(encoding="utf-8").rstrip("\n"))
    assert readme.rstrip().endswith(gallery.apps.share_url(app.slug)), "the README ends with where the app is shared"
    assert sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file()) == sorted(water_bundle.files)
    assert AppSpec.from_json((root / "spec.json").read_text(encoding="utf-8")) == water_tracker()
    assert gallery.apps.download_zip(app.slug, 1) == data  # reproducible


def test_qr_code_is_a_png_of_the_share_link(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    from PIL import Image

    app = gallery.apps.publish(maker, water_bundle, passed)
    png = gallery.apps.qr_png(app.slug)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    image = Image.open(io.BytesIO(png))
    assert image.size[0] == image.size[1] > 100
    assert gallery.apps.share_url(app.slug) == app.share_url


@pytest.mark.parametrize(
    "title", ["<script>alert('x')</script>", "'); DROP TABLE apps;--", 'Tom "the" <b>bold</b> & co', "标题 %s %% {0}"]
)
def test_hostile_titles_are_stored_verbatim(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, title: str
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed, title=title, description=title, tags=[title])
    again = gallery.apps.get_by_slug(app.slug)
    assert (again.title, again.description, again.tags) == (title, title, [title[:30]])
    assert gallery.browse().total == 1
    assert gallery.browse(title).total in (0, 1)


def test_the_zip_readme_links_to_the_public_address(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://apps.example.org/")
    app = gallery.apps.publish(maker, water_bundle, passed)
    with zipfile.ZipFile(io.BytesIO(gallery.apps.download_zip(app.slug, 1))) as archive:
        readme = archive.read(f"{app.slug}-v1/README.md").decode("utf-8")
    assert f"https://apps.example.org/s/{app.slug}" in readme and "127.0.0.1" not in readme
