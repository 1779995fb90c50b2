"""A publish killed at any step leaves no half entry and no orphan files once the gallery restarts."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ROOT

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, GallerySettings
from gallery.files import CRASH_ENV, CRASH_STEPS

_PUBLISH = """
import sys
from flashapps.report import VerifyReport
from gallery import open_gallery
from gallery.views import UserView
gallery = open_gallery()
maker = gallery.accounts.get("maker")
gallery.apps.publish(maker, sys.argv[1], VerifyReport.model_validate(sys.argv[2]), tags=["x"])
print("PUBLISHED", flush=True)
"""


def _start(settings: GallerySettings, bundle: Path, report: VerifyReport, crash: str) -> subprocess.Popen[str]:
    env = dict(
        os.environ,
        PYTHONPATH=str(ROOT),
        FLASHAPPS_GALLERY_DATABASE_URL=settings.database_url,
        FLASHAPPS_GALLERY_STORE_DIR=str(settings.store),
        **{CRASH_ENV: crash},
    )
    script = _PUBLISH.replace("sys.argv[2]", repr(report.model_dump(mode="json")))
    return subprocess.Popen(
        [sys.executable, "-c", script, str(bundle)], stdout=subprocess.PIPE, text=True, env=env, cwd=ROOT
    )


def _assert_consistent(gallery: Gallery) -> None:
    """Every version's files are in place; nothing else is in the store."""
    with gallery.sessions() as session:
        from sqlalchemy import select

        from gallery.models import AppVersion

        versions = session.execute(select(AppVersion.digest, AppVersion.files)).all()
    for digest, files in versions:
        assert all((gallery.files.path(digest) / name).is_file() for name in files)
    assert {p.name for p in gallery.files.files_dir.iterdir()} == {digest for digest, _ in versions}
    assert list(gallery.files.staging_dir.iterdir()) == []


@pytest.mark.parametrize("how", ["sigkill", "exit"])
@pytest.mark.parametrize("step", CRASH_STEPS)
def test_a_killed_publish_is_all_or_nothing(
    gallery: Gallery, reopen: Callable[[], Gallery], gallery_settings: GallerySettings,
    water_bundle: AppBundle, passed: VerifyReport, step: str, how: str,
) -> None:  # fmt: skip
    gallery.accounts.register("maker", "maker-password")
    crash = f"{step}:wait" if how == "sigkill" else step
    with _start(gallery_settings, water_bundle.path, passed, crash) as child:
        assert child.stdout is not None
        if how == "sigkill":
            assert child.stdout.readline().strip() == f"CRASH-POINT {step}"
            os.kill(child.pid, signal.SIGKILL)
            assert child.wait(timeout=30) == -signal.SIGKILL
        else:
            assert child.wait(timeout=60) == 137
    restarted = reopen()
    _assert_consistent(restarted)
    committed = step in ("committed", "renamed")
    page = restarted.browse()
    assert page.total == (1 if committed else 0)
    if committed:
        slug = page.items[0].slug
        assert len(restarted.apps.download_zip(slug)) > 1000
        assert restarted.apps.get_version(slug).files == sorted(water_bundle.files)
    recovery = restarted.last_recovery
    assert recovery is not None
    assert bool(recovery.completed) == (step == "committed")
    assert bool(recovery.removed_staging) == (step in ("staging", "staged", "rows"))


def test_recovery_leaves_a_live_publish_alone(
    gallery: Gallery, reopen: Callable[[], Gallery], gallery_settings: GallerySettings,
    water_bundle: AppBundle, passed: VerifyReport,
) -> None:  # fmt: skip
    gallery.accounts.register("maker", "maker-password")
    with _start(gallery_settings, water_bundle.path, passed, "staged:wait") as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "CRASH-POINT staged"
        try:
            meanwhile = reopen()
            assert meanwhile.last_recovery is not None and len(meanwhile.last_recovery.busy) == 1
            assert len([p for p in gallery.files.staging_dir.iterdir() if p.is_dir()]) == 1
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
    _assert_consistent(reopen())


def test_a_publish_that_runs_through_leaves_no_staging(
    gallery: Gallery, gallery_settings: GallerySettings, water_bundle: AppBundle, passed: VerifyReport
) -> None:
    gallery.accounts.register("maker", "maker-password")
    with _start(gallery_settings, water_bundle.path, passed, "") as child:
        out, _ = child.communicate(timeout=60)
    assert child.returncode == 0 and "PUBLISHED" in out
    _assert_consistent(gallery)
    assert gallery.browse().total == 1


def test_recovery_removes_file_folders_without_rows(gallery: Gallery, reopen: Callable[[], Gallery]) -> None:
    orphan = gallery.files.files_dir / ("ab" * 32)
    orphan.mkdir()
    (orphan / "app.py").write_text("x = 1\n")
    stray = gallery.files.staging_dir / f"{'cd' * 32}.123456"
    stray.mkdir()
    restarted = reopen()
    assert not orphan.exists() and not stray.exists()
    assert restarted.last_recovery is not None and restarted.last_recovery.removed_orphans == ["ab" * 32]
    _assert_consistent(restarted)


def test_a_failing_transaction_leaves_no_files(gallery: Gallery, water_bundle: AppBundle, passed: VerifyReport) -> None:
    maker = gallery.accounts.register("maker", "maker-password")
    with pytest.raises(LookupError):
        gallery.apps.publish(maker, water_bundle, passed, remix_of=("nosuchap", 1))
    _assert_consistent(gallery)
    assert gallery.browse().total == 0
