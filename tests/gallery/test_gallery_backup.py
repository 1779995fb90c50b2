"""Backup and restore: rows and bundle files round-trip, search included, into an emptied gallery."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import VerifyReport
from gallery import Gallery, GallerySettings, NotFound, UserView, open_gallery
from gallery.backup import app_data_root


def _snapshot(gallery: Gallery, maintainer: UserView) -> dict[str, object]:
    apps = gallery.browse(page_size=100).items
    return {
        "apps": apps,
        "versions": {a.slug: gallery.apps.versions(a.slug) for a in apps},
        "zips": {a.slug: gallery.apps.download_zip(a.slug, 1) for a in apps},
        "search_zh": [a.slug for a in gallery.browse("单词").items],
        "search_en": [a.slug for a in gallery.browse("water").items],
        "audit": gallery.curation.audit_log(maintainer),
        "reports": gallery.curation.reports(maintainer),
        "files": sorted(p.name for p in gallery.files.files_dir.iterdir()),
    }


def test_backup_and_restore_round_trip(
    gallery: Gallery, reopen: Callable[[], Gallery], maker: UserView, maintainer: UserView,
    water_bundle: AppBundle, variant: Callable[..., AppBundle], passed: VerifyReport, tmp_path: Path,
) -> None:  # fmt: skip
    water = gallery.apps.publish(maker, water_bundle, passed, tags=["health"])
    gallery.apps.publish(maker, variant(title="Water Tracker Pro"), passed, app=water.slug)
    words = gallery.apps.publish(maker, variant(title="背单词小游戏", language="zh-Hans"), passed)
    gallery.apps.publish(maker, water_bundle, passed, remix_of=(words.slug, 1))
    gallery.apps.like(maker, words.slug)
    gallery.apps.report(None, water.slug, "typo in title")
    gallery.curation.feature(maintainer, words.slug, "good_example")
    before = _snapshot(gallery, maintainer)

    archive = gallery.backup(tmp_path / "backups" / "gallery.tar.gz")
    with tarfile.open(archive) as opened:
        names = opened.getnames()
    assert "manifest.json" in names and any(n.startswith("files/") for n in names)

    gallery.curation.delete(maintainer, water.slug, "broken")
    gallery.apps.publish(maker, variant(title="Later app"), passed)
    gallery.accounts.register("later", "later-password")

    counts = gallery.restore(archive)
    assert counts["apps"] == 3 and counts["versions"] == 4 and counts["users"] == 2
    restored = reopen()
    assert _snapshot(restored, maintainer) == before
    assert restored.browse("later").total == 0
    with pytest.raises(NotFound):
        restored.accounts.get("later")
    assert restored.accounts.login("maker", "maker-password")
    assert list(restored.files.staging_dir.iterdir()) == []
    # the restored gallery goes on working: new ids do not clash with restored ones
    newer = restored.apps.publish(maker, water_bundle, passed)
    assert restored.browse().total == 4 and newer.latest_version == 1
    assert restored.accounts.register("newcomer", "newcomer-password").id > maintainer.id


def test_a_sqlite_backup_restores_into_either_database(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path
) -> None:
    source = open_gallery(GallerySettings(database_url=f"sqlite:///{tmp_path / 'source.sqlite3'}",
                                          store_dir=tmp_path / "source-store"))  # fmt: skip
    author = source.accounts.register("teacher", "teacher-password")
    app = source.apps.publish(author, water_bundle, passed, title="英语单词闪卡")
    archive = source.backup(tmp_path / "source.tar.gz")
    source.close()

    gallery.restore(archive)
    assert [a.slug for a in gallery.browse("单词").items] == [app.slug]
    assert gallery.apps.download_zip(app.slug) and gallery.accounts.login("teacher", "teacher-password")


def test_restore_refuses_what_is_not_a_backup(gallery: Gallery, tmp_path: Path) -> None:
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(b"not a tarball")
    with pytest.raises(UserError):
        gallery.restore(junk)


def test_a_backup_from_a_newer_schema_is_refused_before_anything_changes(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path
) -> None:
    app = gallery.apps.publish(maker, water_bundle, passed)
    archive = gallery.backup(tmp_path / "gallery.tar.gz")
    future = tmp_path / "future.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(future, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member) if member.isfile() else None
            if member.name == "manifest.json" and data is not None:
                manifest = json.loads(data.read())
                manifest["revision"] = "0099_from_the_future"
                content = json.dumps(manifest).encode()
                member.size = len(content)
                target.addfile(member, io.BytesIO(content))
            else:
                target.addfile(member, data)
    with pytest.raises(UserError, match="newer"):
        gallery.restore(future)
    assert gallery.apps.get_by_slug(app.slug).slug == app.slug


def test_every_apps_records_and_their_visitors_survive_a_backup(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport, tmp_path: Path
) -> None:
    """Each app's data folder goes into the backup and comes back: every record with its visitor, so a
    personal record is still its visitor's alone and a submission still its sender's."""
    water = gallery.apps.publish(maker, water_bundle, passed)
    database = app_data_root() / water.slug / "app.sqlite3"
    database.parent.mkdir(parents=True)
    rows = [("a" * 32, "Ana's"), ("b" * 32, "Ben's"), (None, "everyone's")]
    with contextlib.closing(sqlite3.connect(database)) as db, db:
        db.execute("CREATE TABLE drink (id INTEGER PRIMARY KEY, created_at TEXT, _visitor TEXT, note TEXT)")
        db.executemany("INSERT INTO drink (_visitor, note) VALUES (?, ?)", rows)
        db.execute("CREATE TABLE _kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        db.execute("INSERT INTO _kv VALUES (?, '5')", (f"streak@{'a' * 32}",))
    archive = gallery.backup(tmp_path / "gallery.tar.gz")
    with tarfile.open(archive) as opened:
        assert f"appdata/{water.slug}/app.sqlite3" in opened.getnames()
        manifest = json.load(opened.extractfile("manifest.json"))  # type: ignore[arg-type]
    assert manifest["appdata"] == [water.slug]

    with contextlib.closing(sqlite3.connect(database)) as db, db:  # later changes, undone by the restore
        db.execute("DELETE FROM drink")
    gallery.restore(archive)
    with contextlib.closing(sqlite3.connect(database)) as db:
        kept = db.execute("SELECT _visitor, note FROM drink ORDER BY id").fetchall()
        streak = db.execute("SELECT key FROM _kv").fetchall()
    assert kept == rows and streak == [(f"streak@{'a' * 32}",)]
    assert not [p for p in app_data_root().iterdir() if p.name.startswith(".")], "no old copies left behind"
