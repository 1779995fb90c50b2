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
import shutil
import sqlite3
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from alembic.util import CommandError
from sqlalchemy import Connection, DateTime, Engine, MetaData, insert, select, text
from sqlalchemy.engine import make_url

from flashapps.settings import home_folder
from gallery.context import GalleryContext
from gallery.db import current_revision, make_engine, migrate, script_directory
from gallery.errors import UserError

__all__ = ["TABLES", "backup", "restore"]

TABLES = (
    "users", "sessions", "apps", "versions", "likes", "reports", "audit_log",
    "classes", "class_members", "class_apps", "class_visits",
)  # fmt: skip
"""Tables in foreign-key order (search indexes are rebuilt from ``apps``, never copied)."""
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
    target.mkdir(parents=True, exist_ok=True)
    stamp = f"{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"
    for app in sorted(p for p in restored.iterdir() if p.is_dir()):
        here = target / app.name
        old = target / f".{app.name}.old-{stamp}"
        if here.exists():
            here.rename(old)
        shutil.move(app, here)
        shutil.rmtree(old, ignore_errors=True)


def backup(ctx: GalleryContext, target: Path) -> Path:
    """Writes a consistent backup of rows and files to ``target`` (a ``.tar.gz``)."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
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
        for name in (*reversed(TABLES), "alembic_version"):
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


def restore(ctx: GalleryContext, archive_path: Path) -> dict[str, int]:
    """Replaces the gallery's rows and files with a backup's; returns row counts by table."""
    with tempfile.TemporaryDirectory(prefix="gallery-restore-") as work:
        folder = Path(work)
        try:
            with tarfile.open(archive_path, "r:gz") as archive:
                archive.extractall(folder, filter="data")
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, tarfile.TarError, json.JSONDecodeError, KeyError) as error:
            raise UserError(f"This is not a gallery backup: {error}", f"这不是作品库备份文件：{error}") from None
        if manifest.get("format") != FORMAT:
            raise UserError("This backup was made by a newer version.", "此备份由更新的版本生成。")
        if manifest["database"] == "gallery.sqlite3":
            source = make_engine(f"sqlite:///{folder / 'gallery.sqlite3'}")
            with source.connect() as connection:
                tables = _read_tables(connection)
            source.dispose()
        else:
            tables = json.loads((folder / "tables.json").read_text(encoding="utf-8"))
        if not _known(manifest.get("revision")):
            raise UserError(
                f"This backup's schema ({manifest.get('revision')}) is newer than this version knows; upgrade first.",
                f"此备份的数据结构（{manifest.get('revision')}）比当前版本新，请先升级。",
            )
        _reset(ctx)
        if manifest["revision"]:
            migrate(ctx.engine, manifest["revision"])
            _load_rows(ctx, tables)
        migrate(ctx.engine)
        fresh = ctx.files.root / f".files.restore-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}"
        shutil.move(folder / "files", fresh) if (folder / "files").exists() else fresh.mkdir()
        old = ctx.files.files_dir.with_name(fresh.name.replace("restore", "old"))
        ctx.files.files_dir.rename(old)
        fresh.rename(ctx.files.files_dir)
        shutil.rmtree(old, ignore_errors=True)
        _put_back_app_data(folder / "appdata", app_data_root())
    ctx.recover()
    return {name: len(rows) for name, rows in tables.items()}
