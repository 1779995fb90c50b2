"""The tables of drafts in the shared database, its engine, and the bytes of drafts' bundles (workshop/projects_sql.py
holds the store itself).

A bundle's bytes are kept once per digest: rows of ``flashapps_draft_files``, or, when ``FLASHAPPS_OBJECT_STORE`` is
set, objects written by gallery/objects.py under ``<prefix>drafts/`` (apart from the gallery's, so deleting an app
never takes a draft's files, nor pruning a draft an app's). Whatever is fetched is checked against its digest
before it is put in place.
"""

from __future__ import annotations

import contextlib
import secrets
import shutil
import threading
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.dialects.postgresql import insert

from flashapps.errors import UserError
from flashapps.files import bundle_files, digest, private_folder, private_tree
from gallery.files import safe_name
from gallery.objects import ObjectFileStore
from gallery.settings import sqlalchemy_url

__all__ = ["BUNDLES", "FILES", "LOCK", "PROJECTS", "VERSIONS", "DraftBytes", "shared_engine"]

_meta = sa.MetaData()
PROJECTS = sa.Table(
    "flashapps_projects", _meta, sa.Column("id", sa.String, primary_key=True), sa.Column("idea", sa.Text),
    sa.Column("created_at", sa.String), sa.Column("current", sa.Integer), sa.Column("bundle", sa.Text),
    sa.Column("owner", sa.String), sa.Column("creator", sa.String), sa.Column("meta", sa.Text),
    sa.Column("touched", sa.Float),
)  # fmt: skip
VERSIONS = sa.Table(
    "flashapps_versions", _meta, sa.Column("project_id", sa.String, primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True), sa.Column("data", sa.Text), sa.Column("verify", sa.Text),
    sa.Column("digest", sa.String),
)  # fmt: skip
BUNDLES = sa.Table(
    "flashapps_draft_bundles", _meta, sa.Column("digest", sa.String, primary_key=True), sa.Column("files", sa.Integer),
    sa.Column("size", sa.BigInteger), sa.Column("in_objects", sa.Boolean),
)  # fmt: skip
FILES = sa.Table(
    "flashapps_draft_files", _meta, sa.Column("digest", sa.String, primary_key=True),
    sa.Column("name", sa.String, primary_key=True), sa.Column("content", sa.LargeBinary),
)  # fmt: skip

_ENGINES: dict[str, Engine] = {}
LOCK = threading.Lock()


def shared_engine(url: str) -> Engine:
    """One engine per database in a process, its tables brought to the newest migration when first opened."""
    with LOCK:
        if url not in _ENGINES:
            from workshop.pgqueue import migrate  # the workshop's migrations (imported here: it imports this room)

            engine = create_engine(sqlalchemy_url(url), pool_pre_ping=True, pool_size=5, max_overflow=10)
            migrate(engine)
            _ENGINES[url] = engine
        return _ENGINES[url]


class DraftBytes:
    """The kept bytes of drafts' bundles, by digest: in the database, or in the object store (``objects``)."""

    def __init__(self, engine: Engine, objects: ObjectFileStore | None = None) -> None:
        self.engine = engine
        self.objects = objects

    def keep(self, db: Connection, digest_: str, folder: Path) -> bool:
        """Keeps the bytes of ``folder`` under ``digest_`` once (nothing when they are kept already, or when the
        folder does not hold exactly those bytes)."""
        if db.scalar(sa.select(BUNDLES.c.digest).where(BUNDLES.c.digest == digest_)) is not None:
            return True
        files = bundle_files(folder) if folder.is_dir() else {}
        if not files or digest(files) != digest_:
            return False
        if self.objects is not None:
            self.objects.upload(digest_, folder, sorted(files))
        row = {"digest": digest_, "files": len(files), "size": sum(map(len, files.values())),
               "in_objects": self.objects is not None}  # fmt: skip
        if db.execute(insert(BUNDLES).values(row).on_conflict_do_nothing()).rowcount and self.objects is None:
            db.execute(sa.insert(FILES), [{"digest": digest_, "name": n, "content": c} for n, c in files.items()])
        return True

    def fetch(self, digest_: str, folder: Path) -> bool:
        """Puts the kept bytes of ``digest_`` in ``folder`` (replacing what is there) after checking them; False
        when none were kept."""
        with self.engine.connect() as db:
            in_objects = db.scalar(sa.select(BUNDLES.c.in_objects).where(BUNDLES.c.digest == digest_))
            if in_objects is None:
                return False
            rows = [] if in_objects else db.execute(sa.select(FILES.c.name, FILES.c.content)
                                                    .where(FILES.c.digest == digest_)).all()  # fmt: skip
        private_folder(folder.parent)
        work = folder.with_name(f".{folder.name}.{secrets.token_hex(4)}")
        try:
            if in_objects:
                if self.objects is None:
                    raise UserError("This draft's files are in the file storage: set FLASHAPPS_OBJECT_STORE.",
                                    "这个草稿的文件在文件存储中：请设置 FLASHAPPS_OBJECT_STORE。")  # fmt: skip
                self.objects._fetch(digest_, work)  # checked against the digest there
            else:
                files = {str(name): bytes(content) for name, content in rows if safe_name(name)}
                if len(files) != len(rows) or digest(files) != digest_:
                    raise UserError("This draft's kept files are damaged; undo to an earlier version.",
                                    "这个草稿保存的文件已损坏；请撤销回较早的版本。")  # fmt: skip
                for name, content in files.items():
                    private_folder((work / name).parent)
                    (work / name).write_bytes(content)
            private_tree(work)
            shutil.rmtree(folder, ignore_errors=True)
            with contextlib.suppress(OSError):  # another fetch of the same version won: its copy is the same
                work.rename(folder)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return True

    def drop_unkept(self) -> None:
        """Removes the bytes no version keeps any more (after drafts were removed)."""
        kept = sa.select(VERSIONS.c.digest).where(VERSIONS.c.digest.is_not(None))
        with self.engine.begin() as db:
            dropped = db.execute(sa.delete(BUNDLES).where(BUNDLES.c.digest.not_in(kept))
                                 .returning(BUNDLES.c.digest, BUNDLES.c.in_objects)).all()  # fmt: skip
        for digest_, in_objects in dropped:
            if in_objects and self.objects is not None:
                self.objects.remove(digest_)
