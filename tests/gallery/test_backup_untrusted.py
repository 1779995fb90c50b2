"""Restore trusts nothing: a crafted backup (a wrong digest, an absolute path, ``..``, a link, a row pointing
outside the home folder) is refused with a clear message before anything is changed, and a stored digest or
file name that leads outside the file store is never read (the zip download) nor removed (an app delete)."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import tarfile
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import text

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.report import VerifyReport
from gallery import Gallery, UserView
from gallery.backup import app_data_root
from gallery.files import MisplacedFiles

Edit = Callable[[dict[str, bytes], dict[str, tarfile.TarInfo]], None]


@pytest.fixture
def host(tmp_path: Path) -> Path:
    """A folder of this machine outside the home folder and the file store, with a secret in it."""
    folder = tmp_path / "host" / "victim"
    folder.mkdir(parents=True)
    (folder / "secret.txt").write_text("host secret", encoding="utf-8")
    return folder


@pytest.fixture
def published(gallery: Gallery, maker: UserView, water_bundle: AppBundle, passed: VerifyReport) -> str:
    app = gallery.apps.publish(maker, water_bundle, passed)
    data = app_data_root() / app.slug
    data.mkdir(parents=True)
    (data / "notes.txt").write_text("kept", encoding="utf-8")
    return app.slug


def _entries(archive: Path) -> tuple[dict[str, bytes], dict[str, tarfile.TarInfo]]:
    contents: dict[str, bytes] = {}
    infos: dict[str, tarfile.TarInfo] = {}
    with tarfile.open(archive) as opened:
        for member in opened.getmembers():
            infos[member.name] = member
            if member.isfile():
                handle = opened.extractfile(member)
                assert handle is not None
                contents[member.name] = handle.read()
    return contents, infos


def _craft(source: Path, target: Path, edit: Edit) -> Path:
    """A copy of a real backup with ``edit`` applied to its entries (contents by name, and their headers)."""
    contents, infos = _entries(source)
    edit(contents, infos)
    with tarfile.open(target, "w:gz") as out:
        for name, info in infos.items():
            if info.isfile():
                info.size = len(contents[name])
                out.addfile(info, io.BytesIO(contents[name]))
            else:
                out.addfile(info)
    return target


def _state(gallery: Gallery, host: Path) -> object:
    """What a refused restore must leave exactly as it was."""
    store = sorted(str(p.relative_to(gallery.files.root)) for p in gallery.files.root.rglob("*"))
    data = sorted((str(p.relative_to(app_data_root())), p.read_bytes() if p.is_file() else b"")
                  for p in app_data_root().rglob("*"))  # fmt: skip
    apps = [(a.slug, a.title) for a in gallery.browse(page_size=100).items]
    return store, data, apps, sorted(p.name for p in host.iterdir())


def _bundle_names(contents: dict[str, bytes]) -> tuple[str, str]:
    """(the digest, one file path inside its folder) of the backup's bundle."""
    name = next(n for n in contents if n.startswith("files/") and n.endswith("/app.py"))
    return name.split("/")[1], name


def _wrong_digest(contents: dict[str, bytes], infos: dict[str, tarfile.TarInfo]) -> None:
    _, app = _bundle_names(contents)
    contents[app] += b"\nimport os  # changed after the backup\n"


def _absolute(contents: dict[str, bytes], infos: dict[str, tarfile.TarInfo]) -> None:
    infos["/tmp/flashapps-restore-absolute.txt"] = tarfile.TarInfo("/tmp/flashapps-restore-absolute.txt")
    contents["/tmp/flashapps-restore-absolute.txt"] = b"x"


def _dotdot(contents: dict[str, bytes], infos: dict[str, tarfile.TarInfo]) -> None:
    name = "appdata/../../escaped.txt"
    infos[name] = tarfile.TarInfo(name)
    contents[name] = b"x"


def _symlink_to(target: str) -> Edit:
    def edit(contents: dict[str, bytes], infos: dict[str, tarfile.TarInfo]) -> None:
        digest, _ = _bundle_names(contents)
        link = tarfile.TarInfo(f"files/{digest}/README.md.link")
        link.type, link.linkname = tarfile.SYMTYPE, target
        infos[link.name] = link

    return edit


def _database_edit(statement: str) -> Callable[[Path], Edit]:
    """Rewrites the backup's SQLite database with ``statement`` (``{host}`` is the host folder)."""

    def for_host(host: Path) -> Edit:
        def edit(contents: dict[str, bytes], infos: dict[str, tarfile.TarInfo]) -> None:
            digest, _ = _bundle_names(contents)
            path = host.parent / "crafted.sqlite3"
            path.write_bytes(contents["gallery.sqlite3"])
            db = sqlite3.connect(path)
            with db:
                db.execute(statement.format(host=host, digest=digest, up="../" * 12))
            db.close()  # checkpoints a write-ahead log into the file
            contents["gallery.sqlite3"] = path.read_bytes()

        return edit

    return for_host


CRAFTED: dict[str, tuple[Callable[[Path], Edit], str, str]] = {
    "wrong digest": (lambda host: _wrong_digest, "do not match their digest", "摘要不符"),
    "absolute path": (lambda host: _absolute, "absolute path", "绝对路径"),
    "dot-dot": (lambda host: _dotdot, "leaves its folder", "跳出所在文件夹"),
    "symlink inside": (lambda host: _symlink_to("app.py"), "a link", "链接"),
    "symlink to the host": (lambda host: _symlink_to(str(host / "secret.txt")), "a link", "链接"),
    "row digest outside home": (
        _database_edit("UPDATE versions SET digest = '{up}{host}', files = '[\"secret.txt\"]'"),
        "points at files the backup does not hold",
        "指向备份中没有的文件",
    ),
    "row file outside its bundle": (
        _database_edit('UPDATE versions SET files = \'["app.py", "{up}{host}/secret.txt"]\''),
        "outside its bundle",
        "应用文件夹之外",
    ),
    "row app name outside appdata": (
        _database_edit("UPDATE apps SET slug = '../../victim'"),
        "address name",
        "地址名",
    ),
}


@pytest.mark.parametrize("case", list(CRAFTED))
def test_a_crafted_backup_is_refused_and_nothing_is_touched(
    gallery: Gallery, published: str, host: Path, tmp_path: Path, case: str
) -> None:
    if gallery.dialect != "sqlite" and case.startswith("row"):
        pytest.skip("the crafted rows are written into a SQLite backup")
    good = gallery.backup(tmp_path / "good.tar.gz")
    edit, en, zh = CRAFTED[case]
    crafted = _craft(good, tmp_path / "crafted.tar.gz", edit(host))
    before = _state(gallery, host)
    with pytest.raises(UserError) as refused:
        gallery.restore(crafted)
    assert en in refused.value.message("en") and "Nothing was changed" in refused.value.message("en")
    assert zh in refused.value.message("zh") and "没有做任何更改" in refused.value.message("zh")
    assert _state(gallery, host) == before
    assert (host / "secret.txt").read_text(encoding="utf-8") == "host secret"
    assert not Path("/tmp/flashapps-restore-absolute.txt").exists()
    assert gallery.apps.download_zip(published, 1)  # the gallery still serves what it had
    assert gallery.restore(good)["apps"] == 1  # and the untouched backup still restores


def test_a_stored_digest_outside_the_store_is_never_served_nor_removed(
    gallery: Gallery, published: str, maintainer: UserView, host: Path
) -> None:
    """The rows a crafted restore once let in: the zip download and an app delete follow a stored digest."""
    outside = os.path.relpath(host, gallery.files.files_dir)  # short enough for a 64-character column
    with gallery.engine.begin() as connection:
        connection.execute(text("UPDATE versions SET digest = :d, files = :f"),
                           {"d": outside, "f": json.dumps(["secret.txt"])})  # fmt: skip
    with pytest.raises(MisplacedFiles) as refused:
        gallery.apps.download_zip(published, 1)
    assert "not opened" in refused.value.message("en") and "不会被打开" in refused.value.message("zh")
    gallery.curation.delete(maintainer, published, "broken")
    assert (host / "secret.txt").read_text(encoding="utf-8") == "host secret"


def test_a_stored_file_name_outside_its_bundle_is_never_served(gallery: Gallery, published: str, host: Path) -> None:
    digest = gallery.apps.versions(published)[0].digest
    bundle = gallery.files.path(digest)
    (bundle / "linked.txt").symlink_to(host / "secret.txt")
    for names in (["../" * 12 + str(host / "secret.txt").lstrip("/")], [str(host / "secret.txt")], ["linked.txt"]):
        with gallery.engine.begin() as connection:
            connection.execute(text("UPDATE versions SET files = :f"), {"f": json.dumps(names)})
        with pytest.raises(MisplacedFiles):
            gallery.apps.download_zip(published, 1)
