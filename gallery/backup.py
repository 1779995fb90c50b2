"""Backups: the database (an SQLite online-backup copy, or a JSON dump of every table), the
bundle files it points to and every app's data folder (``<home>/appdata``: the records its visitors
keep, each with its visitor and so its scope), in one ``.tar.gz``; ``restore`` puts them back and
upgrades the schema.

Restore resets the configured database to the backup's schema revision, copies the rows in,
then migrates to the newest revision, so an old backup restores into a new gallery (and a
SQLite backup into PostgreSQL). Run it while no other process writes to the gallery.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Connection, DateTime, Engine, MetaData, insert, select, text
from sqlalchemy.engine import make_url

from flashapps.files import bundle_files, digest, private_file, private_folder, private_tree
from flashapps.settings import home_folder
from gallery.context import GalleryContext
from gallery.db import current_revision, make_engine, migrate, script_directory
from gallery.errors import UserError
from gallery.files import safe_digest, safe_name

__all__ = ["TABLES", "backup", "restore"]

TABLES = (
    "users", "sessions", "apps", "versions", "likes", "reports", "audit_log",
    "classes", "class_members", "class_apps", "class_visits", "api_tokens",
)  # fmt: skip
"""Tables in foreign-key order (search indexes are rebuilt from ``apps``, never copied)."""
PASSING = ("tickets", "throttle_counts", "sign_in_places", "maker_events", "shared_secrets",
           "app_data_snapshots", "app_placements", "sandbox_hosts")  # fmt: skip
"""What studio replicas share for minutes (gallery/shared_state.py): never backed up; a restore starts them empty,
so a restored gallery holds no ticket, count or signing key of the one it replaced."""
FORMAT = 1


def _sqlite_path(engine: Engine) -> Path:
    database = make_url(str(engine.url)).database
    if not database or database == ":memory:":
        raise UserError("An in-memory gallery cannot be backed up.", "内存中的作品库无法备份。")
    return Path(database)


def _read_tables(connection: Connection) -> dict[str, list[dict[str, Any]]]:
    meta = MetaData()
    meta.reflect(bind=connection, only=[t for t in TABLES if connection.dialect.has_table(connection, t)])
    dump: dict[str, list[dict[str, Any]]] = {}
    for name in TABLES:
        if name not in meta.tables:
            continue
        table = meta.tables[name]
        columns = [c for c in table.columns if c.computed is None]
        rows = connection.execute(select(*columns).order_by(*table.primary_key.columns)).mappings()
        dump[name] = [dict(row) for row in rows]
    return dump


def _json_default(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    raise TypeError(f"cannot store {type(value).__name__} in a backup")


_SQLITE = (".sqlite3", ".sqlite", ".db")
_SIDE_FILES = ("-wal", "-shm", "-journal")


def app_data_root() -> Path:
    """Where the runner keeps each app's data folder (one per app, by its address name)."""
    return home_folder() / "appdata"


def _copy_app_data(source: Path, into: Path) -> list[str]:
    """Each app's data folder under ``into``; SQLite files through SQLite's online backup (an app may be
    writing), their journal files left out. Returns the app names copied."""
    if not source.is_dir():
        return []
    names = []
    for app in sorted(p for p in source.iterdir() if p.is_dir() and not p.is_symlink()):
        for path in sorted(app.rglob("*")):
            if not path.is_file() or path.is_symlink() or path.name.endswith(_SIDE_FILES):
                continue
            copy = into / app.name / path.relative_to(app)
            copy.parent.mkdir(parents=True, exist_ok=True)
            if path.suffix in _SQLITE:
                with (
                    contextlib.closing(sqlite3.connect(path)) as live,
                    contextlib.closing(sqlite3.connect(copy)) as kept,
                ):
                    live.backup(kept)
            else:
                shutil.copy2(path, copy)
        names.append(app.name)
    return names


def _put_back_app_data(restored: Path, target: Path) -> None:
    """Each app's data folder of a backup replaces the one here (apps the backup does not hold are left)."""
    if not restored.is_dir():
        return
    private_folder(target)
    stamp = f"{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"
    for app in sorted(p for p in restored.iterdir() if p.is_dir()):
        here = target / app.name
        if os.path.ismount(here):  # a data folder that is a filesystem of its own (its quota): refilled in place
            for child in here.iterdir():
                if child.name != "lost+found":
                    shutil.rmtree(child) if child.is_dir() and not child.is_symlink() else child.unlink()
            for child in app.iterdir():
                shutil.move(child, here / child.name)
            continue
        old = target / f".{app.name}.old-{stamp}"
        if here.exists():
            here.rename(old)
        shutil.move(app, here)
        shutil.rmtree(old, ignore_errors=True)


def backup(ctx: GalleryContext, target: Path) -> Path:
    """Writes a consistent backup of rows and files to ``target`` (a ``.tar.gz``)."""
    target = Path(target)
    private_folder(target.parent)
    with tempfile.TemporaryDirectory(prefix="gallery-backup-") as work:
        folder = Path(work)
        revision = current_revision(ctx.engine)
        if ctx.dialect == "sqlite":
            source = sqlite3.connect(_sqlite_path(ctx.engine))
            copy = sqlite3.connect(folder / "gallery.sqlite3")
            with source, copy:
                source.backup(copy)
            source.close()
            copy.close()
            snapshot = make_engine(f"sqlite:///{folder / 'gallery.sqlite3'}")
            with snapshot.connect() as connection:
                digests = set(connection.execute(text("SELECT DISTINCT digest FROM versions")).scalars())
            snapshot.dispose()
            database = "gallery.sqlite3"
        else:
            with ctx.engine.connect().execution_options(isolation_level="REPEATABLE READ") as connection:
                tables = _read_tables(connection)
            digests = {row["digest"] for row in tables.get("versions", [])}
            (folder / "tables.json").write_text(json.dumps(tables, default=_json_default), encoding="utf-8")
            database = "tables.json"
        app_data = _copy_app_data(app_data_root(), folder / "appdata")
        manifest = {"format": FORMAT, "dialect": ctx.dialect, "revision": revision, "database": database,
                    "created_at": dt.datetime.now(dt.UTC).isoformat(), "digests": sorted(digests),
                    "appdata": app_data}  # fmt: skip
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        partial = target.with_name(f".{target.name}.partial")
        partial.unlink(missing_ok=True)
        private_file(partial)  # a backup holds every account and record: its owner's only
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(folder / "manifest.json", "manifest.json")
            archive.add(folder / database, database)
            for digest in sorted(digests):
                archive.add(ctx.files.path(digest), f"files/{digest}")
            if app_data:
                archive.add(folder / "appdata", "appdata")
        partial.replace(target)
    return target


def _value(value: Any, column_type: Any, dialect: str) -> Any:
    if isinstance(column_type, DateTime) and value is not None:
        when = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
        when = when.replace(tzinfo=dt.UTC) if when.tzinfo is None else when.astimezone(dt.UTC)
        return when.replace(tzinfo=None) if dialect == "sqlite" else when
    return value


def _known(revision: str | None) -> bool:
    if revision is None:
        return True
    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def _reset(ctx: GalleryContext) -> None:
    """Drops the gallery's tables in place (open connections elsewhere then see the restored ones)."""
    cascade = " CASCADE" if ctx.dialect == "postgresql" else ""
    with ctx.engine.begin() as connection:
        if ctx.dialect == "sqlite":
            connection.exec_driver_sql("DROP TABLE IF EXISTS apps_fts")
        for name in (*PASSING, *reversed(TABLES), "alembic_version"):
            connection.exec_driver_sql(f'DROP TABLE IF EXISTS "{name}"{cascade}')


def _load_rows(ctx: GalleryContext, tables: dict[str, list[dict[str, Any]]]) -> None:
    with ctx.engine.begin() as connection:
        meta = MetaData()
        meta.reflect(bind=connection, only=[t for t in TABLES if t in tables])
        for name in TABLES:
            rows = tables.get(name) or []
            if not rows:
                continue
            table = meta.tables[name]
            types = {c.name: c.type for c in table.columns if c.computed is None}
            values = [{k: _value(v, types[k], ctx.dialect) for k, v in row.items() if k in types} for row in rows]
            connection.execute(insert(table), values)
            if ctx.dialect == "postgresql":
                connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                                        f"(SELECT MAX(id) FROM \"{name}\"))"))  # fmt: skip


_APP_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
"""An app's address name (its data folder's name): what a slug or ``draft-<id>`` looks like."""
_DATABASES = ("gallery.sqlite3", "tables.json")


class UnsafeBackup(UserError):
    """A backup that does not hold what it says, or would reach outside the gallery: nothing is restored."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(
            f"This backup cannot be restored: {en} Nothing was changed. Restore a backup this studio made.",
            f"无法恢复这个备份：{zh}没有做任何更改。请使用本工作室生成的备份。",
        )


def _check_member(member: tarfile.TarInfo) -> None:
    """Refuses any archive entry that is not a plain file or folder at a place a backup puts one."""
    name = member.name
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        raise UnsafeBackup(f"it holds a file with an absolute path ({name}).", f"其中有使用绝对路径的文件（{name}）。")
    parts = [part for part in name.split("/") if part not in ("", ".")]
    if ".." in parts or "\\" in name or not parts:
        raise UnsafeBackup(
            f"it holds a path that leaves its folder ({name}).", f"其中有跳出所在文件夹的路径（{name}）。"
        )
    if not (member.isfile() or member.isdir()):
        raise UnsafeBackup(f"it holds a link or a special file ({name}).", f"其中有链接或特殊文件（{name}）。")
    top = parts[0]
    known = (
        (len(parts) == 1 and (top == "manifest.json" or top in _DATABASES) and member.isfile())
        or (top == "files" and (len(parts) == 1 or safe_digest(parts[1])))
        or (top == "appdata" and (len(parts) == 1 or bool(_APP_NAME.match(parts[1]))))
    )
    if not known:
        raise UnsafeBackup(f"it holds a file a backup never has ({name}).", f"其中有备份里不会有的文件（{name}）。")


def _check_files(folder: Path, tables: dict[str, list[dict[str, Any]]], digests: list[Any]) -> None:
    """Every bundle folder's content must have its name as digest, and every version row must point at one of
    them by a content address, with file names that stay inside it; app names must be address names."""
    files = folder / "files"
    present = sorted(p.name for p in files.iterdir()) if files.is_dir() else []
    names_in: dict[str, set[str]] = {}
    for name in present:
        path = files / name
        if not safe_digest(name) or path.is_symlink() or not path.is_dir():
            raise UnsafeBackup(
                f"its bundle folder {name!r} is not a content address.", f"其中的应用文件夹 {name!r} 不是内容地址。"
            )
        held = bundle_files(path)
        if digest(held) != name:
            raise UnsafeBackup(
                f"the files of bundle {name[:12]}… do not match their digest (changed or damaged).",
                f"应用文件 {name[:12]}… 与其摘要不符（被改动或已损坏）。",
            )
        names_in[name] = set(held)
    if not all(safe_digest(value) for value in digests):
        raise UnsafeBackup("its list of digests holds a value that is not one.", "其摘要列表中有无效的值。")
    for row in tables.get("versions", []):
        value, names = row.get("digest"), row.get("files")
        if not safe_digest(value) or value not in present:
            raise UnsafeBackup(
                f"a version points at files the backup does not hold ({str(value)[:80]!r}).",
                f"某个版本指向备份中没有的文件（{str(value)[:80]!r}）。",
            )
        if isinstance(names, str):
            with contextlib.suppress(ValueError):
                names = json.loads(names)
        if not isinstance(names, list) or not all(safe_name(n) and n in names_in[value] for n in names):
            raise UnsafeBackup(
                f"a version lists a file outside its bundle ({str(names)[:80]}).",
                f"某个版本列出了应用文件夹之外的文件（{str(names)[:80]}）。",
            )
    for row in tables.get("apps", []):
        if not isinstance(row.get("slug"), str) or not _APP_NAME.match(row["slug"]):
            raise UnsafeBackup(
                f"an app's address name is not one ({str(row.get('slug'))[:80]!r}).",
                f"某个应用的地址名无效（{str(row.get('slug'))[:80]!r}）。",
            )


def _extract(archive_path: Path, folder: Path) -> dict[str, Any]:
    """Unpacks a backup after checking every entry; its manifest."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            members = archive.getmembers()
            for member in members:
                _check_member(member)
            archive.extractall(folder, members=members, filter="data")
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, tarfile.TarError, json.JSONDecodeError, KeyError) as error:
        raise UserError(f"This is not a gallery backup: {error}", f"这不是作品库备份文件：{error}") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise UserError("This backup was made by a newer version.", "此备份由更新的版本生成。")
    if manifest.get("database") not in _DATABASES or not (folder / manifest["database"]).is_file():
        raise UnsafeBackup("its manifest names no database it holds.", "其清单中没有指向备份里的数据库。")
    return manifest


def restore(ctx: GalleryContext, archive_path: Path) -> dict[str, int]:
    """Replaces the gallery's rows and files with a backup's; returns row counts by table.

    Nothing is trusted: every entry must be a plain file or folder at a place a backup puts one (no
    absolute path, no ``..``, no link), every bundle folder must hash to its name, every version row must
    point at one of them with file names inside it, and every app name must be an address name. A backup
    that fails any check is refused before anything here is changed."""
    with tempfile.TemporaryDirectory(prefix="gallery-restore-") as work:
        folder = Path(work)
        manifest = _extract(archive_path, folder)
        if manifest["database"] == "gallery.sqlite3":
            source = make_engine(f"sqlite:///{folder / 'gallery.sqlite3'}")
            with source.connect() as connection:
                tables = _read_tables(connection)
            source.dispose()
        else:
            tables = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
        if not isinstance(tables, dict) or not all(
            isinstance(rows, list) and all(isinstance(row, dict) for row in rows) for rows in tables.values()
        ):
            raise UnsafeBackup("its tables are not lists of rows.", "其中的数据表不是行的列表。")
        if not _known(manifest.get("revision")):
            raise UserError(
                f"This backup's schema ({manifest.get('revision')}) is newer than this version knows; upgrade first.",
                f"此备份的数据结构（{manifest.get('revision')}）比当前版本新，请先升级。",
            )
        _check_files(folder, tables, list(manifest.get("digests") or []))
        ctx.files.adopt(folder / "files")  # an object store gets them first: a failed upload changes nothing
        _reset(ctx)
        if manifest["revision"]:
            migrate(ctx.engine, manifest["revision"])
            _load_rows(ctx, tables)
        migrate(ctx.engine)
        fresh = ctx.files.root / f".files.restore-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"
        shutil.move(folder / "files", fresh) if (folder / "files").exists() else fresh.mkdir()
        old = ctx.files.files_dir.with_name(fresh.name.replace("restore", "old"))
        ctx.files.files_dir.rename(old)
        private_tree(fresh)
        fresh.rename(ctx.files.files_dir)
        shutil.rmtree(old, ignore_errors=True)
        private_tree(folder / "appdata")
        _put_back_app_data(folder / "appdata", app_data_root())
    ctx.recover()
    return {name: len(rows) for name, rows in tables.items()}
