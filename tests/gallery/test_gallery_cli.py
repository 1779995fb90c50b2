"""``gallery.cli.main``: create the first maintainer, back up, restore."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, GallerySettings, UserView
from gallery.cli import main


@pytest.fixture
def env(gallery_settings: GallerySettings, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI reads its settings from the environment, as it would on a server."""
    monkeypatch.setenv("FLASHAPPS_GALLERY_DATABASE_URL", gallery_settings.database_url)
    monkeypatch.setenv("FLASHAPPS_GALLERY_STORE_DIR", str(gallery_settings.store))


def test_create_maintainer_reads_the_password_from_stdin(
    env: None, gallery: Gallery, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert main(["create-maintainer", "--username", "root", "--password-stdin"]) == 0
    assert "root" in capsys.readouterr().out
    assert gallery.accounts.get("root").role == "maintainer"
    assert gallery.accounts.login("root", "a long secret")

    monkeypatch.setattr("sys.stdin", io.StringIO("a long secret\n"))
    assert main(["--lang", "zh", "create-maintainer", "--username", "root", "--password-stdin"]) == 1
    assert "已被使用" in capsys.readouterr().err


def test_create_maintainer_refuses_a_short_password(
    env: None, gallery: Gallery, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["--lang", "en", "create-maintainer", "--username", "root", "--password-stdin"]) == 1
    assert "at least 8" in capsys.readouterr().err


def test_backup_and_restore_commands(
    env: None, gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    app = gallery.apps.publish(maker, water_bundle, passed)
    archive = tmp_path / "nightly.tar.gz"
    assert main(["backup", str(archive)]) == 0 and archive.is_file()
    gallery.apps.publish(maker, water_bundle, passed)
    assert main(["restore", str(archive)]) == 0
    assert "apps 1" in capsys.readouterr().out
    assert [a.slug for a in gallery.browse().items] == [app.slug]
    assert main(["--lang", "en", "restore", str(tmp_path / "missing.tar.gz")]) == 1
    assert "No backup" in capsys.readouterr().err
