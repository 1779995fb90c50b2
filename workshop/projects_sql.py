"""Projects in the shared database (``FLASHAPPS_DATABASE_URL`` a PostgreSQL URL): the same methods as the file
store (workshop.projects.ProjectStore), so any studio replica or worker, on any machine, sees every draft.

- Rows: ``flashapps_projects`` (the project, its notes), ``flashapps_versions`` (one per number; the project row
  is locked while a version is added, and (project, number) is the key, so two replicas adding at once get two
  numbers), made by workshop/alembic (w0002).
- Bundle bytes, once per digest: rows of ``flashapps_draft_files``, or, with ``FLASHAPPS_OBJECT_STORE``, objects
  under ``<prefix>drafts/`` written by gallery/objects.py (apart from the gallery's, so deleting an app never takes
  a draft's files, nor pruning a draft an app's).
- ``$FLASHAPPS_HOME/projects/<id>/bundles/vNNNN`` is this machine's cache: filled from the database on first use
  and checked against the version's digest every time; a copy that does not match is fetched again, never served.
- A home that kept its drafts in files is imported when it is first opened with a database: each project is
  copied with its versions, notes and checked bundles, and its ``project.json`` renamed ``project.imported.json``.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql import insert

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.files import folder_digest, private_tree
from flashapps.report import VerifyReport
from gallery.objects import ObjectFileStore, ObjectStore
from gallery.settings import GallerySettings
from generator.render import render
from workshop.draft_bytes import LOCK, PROJECTS, VERSIONS, DraftBytes, shared_engine
from workshop.projects import Project, ProjectStore, Version, last_touched

__all__ = ["SqlProjectStore", "import_file_store"]

log = logging.getLogger(__name__)

_PROJECT_FIELDS = ("id", "idea", "created_at", "current", "bundle", "owner", "creator")
_IMPORTED: set[tuple[str, Path]] = set()


def _no_project(project_id: str) -> UserError:
    return UserError(f"No project {project_id!r}.", f"没有项目 {project_id!r}。")


class SqlProjectStore(ProjectStore):
    """``ProjectStore`` whose projects, versions, notes and bundle bytes are rows (or objects) shared by every
    machine; the home folder keeps only a checked cache of the bundles."""

    def __init__(self, home: Path, url: str, objects: ObjectStore | None = None) -> None:
        super().__init__(home)
        self.engine = shared_engine(url)
        cache = ObjectFileStore(self.home / "draft-objects", objects) if objects is not None else None
        self.bytes = DraftBytes(self.engine, cache)
        if (url, self.home) not in _IMPORTED:  # once a process (a failed import is tried again at the next open)
            if self.root.is_dir():
                import_file_store(self)
            with LOCK:
                _IMPORTED.add((url, self.home))

    @classmethod
    def from_settings(cls, home: Path, url: str) -> SqlProjectStore:
        """The store, with the gallery's object store setting (``FLASHAPPS_OBJECT_STORE``) for bundle bytes."""
        gallery = GallerySettings()
        store = gallery.object_store
        objects = ObjectStore.from_url(store, gallery.object_store_endpoint) if store else None
        if objects is not None:
            objects = ObjectStore(objects.bucket, f"{objects.prefix}drafts/", objects.endpoint)
        return cls(home, url, objects)

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    # -- projects -----------------------------------------------------------------------------
    def exists(self, project_id: str) -> bool:
        self._folder(project_id)
        with self.engine.connect() as db:
            return db.scalar(sa.select(PROJECTS.c.id).where(PROJECTS.c.id == project_id)) is not None

    def _keep_new(self, project: Project, first: Version) -> None:
        with self._tx() as db:
            if first.digest:
                self.bytes.keep(db, first.digest, self.bundle_dir(project.id, 1))
            db.execute(sa.insert(PROJECTS).values(**project.model_dump(), meta="{}", touched=time.time()))
            db.execute(sa.insert(VERSIONS).values(self._version_row(project.id, first)))
        private_tree(self._folder(project.id))  # a draft is its maker's only (0600, 0700)

    def get(self, project_id: str) -> Project:
        self._folder(project_id)
        with self.engine.connect() as db:
            row = db.execute(sa.select(*(PROJECTS.c[f] for f in _PROJECT_FIELDS)).where(PROJECTS.c.id == project_id))
            found = row.mappings().first()
        if found is None:
            raise _no_project(project_id)
        return Project.model_validate(dict(found))

    def _where(self, *conditions: Any) -> list[Project]:
        query = sa.select(*(PROJECTS.c[f] for f in _PROJECT_FIELDS)).where(*conditions)
        with self.engine.connect() as db:
            rows = db.execute(query.order_by(PROJECTS.c.created_at.desc(), PROJECTS.c.id)).mappings().all()
        return [Project.model_validate(dict(row)) for row in rows]

    def _all(self) -> list[Project]:
        return self._where()

    def find_bundle(self, bundle: Path) -> Project | None:
        found = self._where(PROJECTS.c.bundle == str(Path(bundle).resolve()))
        return found[0] if found else None

    def owned_by(self, owner: str) -> list[Project]:
        return self._where(PROJECTS.c.owner == owner)

    def made_with(self, creator: str) -> list[Project]:
        return self._where(PROJECTS.c.owner.is_(None), PROJECTS.c.creator == creator)

    def _update(self, project_id: str, *conditions: Any, **values: Any) -> None:
        self._folder(project_id)
        with self._tx() as db:
            query = sa.update(PROJECTS).where(PROJECTS.c.id == project_id, *conditions)
            db.execute(query.values(**values, touched=time.time()))

    def claim(self, project_id: str, owner: str) -> Project:
        self._update(project_id, PROJECTS.c.owner.is_(None), owner=owner)
        return self.get(project_id)

    def keep_copy_in(self, project_id: str, folder: Path) -> Project:
        self._update(project_id, bundle=str(Path(folder).resolve()))
        return self.get(project_id)

    def meta(self, project_id: str) -> dict[str, Any]:
        self._folder(project_id)
        with self.engine.connect() as db:
            found = db.scalar(sa.select(PROJECTS.c.meta).where(PROJECTS.c.id == project_id))
        if found is None:
            raise _no_project(project_id)
        return dict(json.loads(found))

    def save_meta(self, project_id: str, values: dict[str, Any]) -> None:
        self._folder(project_id)
        with self._tx() as db:
            found = db.scalar(sa.select(PROJECTS.c.meta).where(PROJECTS.c.id == project_id).with_for_update())
            if found is None:
                raise _no_project(project_id)
            merged = json.dumps(dict(json.loads(found)) | values)
            db.execute(sa.update(PROJECTS).where(PROJECTS.c.id == project_id).values(meta=merged, touched=time.time()))

    # -- versions -----------------------------------------------------------------------------
    @staticmethod
    def _version_row(project_id: str, version: Version) -> dict[str, Any]:
        return {
            "project_id": project_id, "number": version.number, "digest": version.digest,
            "data": version.model_dump_json(exclude={"verify", "digest"}),
            "verify": version.verify.model_dump_json() if version.verify else None,
        }  # fmt: skip

    @staticmethod
    def _version(row: Any) -> Version:
        verify = VerifyReport.model_validate_json(row.verify) if row.verify else None
        return Version.model_validate({**json.loads(row.data), "verify": verify, "digest": row.digest})

    def versions(self, project_id: str) -> list[Version]:
        self._folder(project_id)
        query = sa.select(VERSIONS).where(VERSIONS.c.project_id == project_id).order_by(VERSIONS.c.number)
        with self.engine.connect() as db:
            return [self._version(row) for row in db.execute(query)]

    def version(self, project_id: str, number: int | None = None) -> Version:
        wanted = number or self.get(project_id).current
        query = sa.select(VERSIONS).where(VERSIONS.c.project_id == project_id, VERSIONS.c.number == wanted)
        with self.engine.connect() as db:
            row = db.execute(query).first()
        if row is None:
            self.get(project_id)  # an unknown project says so
            raise UserError(f"Version {number} does not exist.", f"版本 {number} 不存在。")
        return self._version(row)

    def next_number(self, project_id: str) -> int:
        self._folder(project_id)
        with self.engine.connect() as db:
            return int(db.scalar(sa.select(sa.func.coalesce(sa.func.max(VERSIONS.c.number), 0))
                                 .where(VERSIONS.c.project_id == project_id)) or 0) + 1  # fmt: skip

    def _keep_added(self, project: Project, version: Version) -> Version:
        """The next version: its number is taken with the project's row locked, so replicas adding at once each get
        their own (a bundle rendered here under a number taken meanwhile moves to its version's folder)."""
        source = self._rendered(project.id, version.digest) if version.digest else None
        with self._tx() as db:
            lock = sa.select(PROJECTS.c.id).where(PROJECTS.c.id == project.id).with_for_update()
            if db.scalar(lock) is None:
                raise _no_project(project.id)
            top = db.scalar(sa.select(sa.func.max(VERSIONS.c.number)).where(VERSIONS.c.project_id == project.id))
            version.number = int(top or 0) + 1
            if version.digest and source is not None:
                self.bytes.keep(db, version.digest, source)
            db.execute(sa.insert(VERSIONS).values(self._version_row(project.id, version)))
            query = sa.update(PROJECTS).where(PROJECTS.c.id == project.id)
            db.execute(query.values(current=version.number, touched=time.time()))
        target = self.bundle_dir(project.id, version.number)
        if source is not None and source != target and not target.exists():
            with contextlib.suppress(OSError):
                source.rename(target)
        return version

    def _rendered(self, project_id: str, digest_: str) -> Path | None:
        """The newest local bundle folder of the project that holds exactly ``digest_`` (what the caller rendered)."""
        folders = sorted(self._folder(project_id).joinpath("bundles").glob("v[0-9][0-9][0-9][0-9]"), reverse=True)
        return next((f for f in folders[:4] if (f / "spec.json").is_file() and folder_digest(f) == digest_), None)

    def record_verify(self, project_id: str, number: int, report: VerifyReport) -> None:
        with self._tx() as db:
            done = db.execute(sa.update(VERSIONS).where(VERSIONS.c.project_id == project_id,
                              VERSIONS.c.number == number).values(verify=report.model_dump_json()))  # fmt: skip
            db.execute(sa.update(PROJECTS).where(PROJECTS.c.id == project_id).values(touched=time.time()))
        if done.rowcount == 0:
            self.version(project_id, number)  # raises: no such project or version

    # -- bundle bytes -------------------------------------------------------------------------
    def bundle(self, project_id: str, number: int | None = None) -> AppBundle:
        """The bundle of a version as it was checked: this machine's copy when it still hashes to the version's
        digest, else fetched again from the database (or object store); rendered once when none was kept."""
        version = self.version(project_id, number)
        folder = self.bundle_dir(project_id, version.number)
        fresh = (
            version.digest is not None and (folder / "spec.json").is_file() and folder_digest(folder) == version.digest
        )
        if not fresh:
            shutil.rmtree(folder, ignore_errors=True)  # a copy that does not match is never left to be served
        if not fresh and (version.digest is None or not self.bytes.fetch(version.digest, folder)):
            made = render(version.spec, folder, overwrite=True)
            with self._tx() as db:
                self.bytes.keep(db, made.digest, folder)
                db.execute(sa.update(VERSIONS).where(VERSIONS.c.project_id == project_id,
                           VERSIONS.c.number == version.number).values(digest=made.digest))  # fmt: skip
            version.digest = made.digest
            private_tree(folder)
        assert version.digest is not None
        files = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and "data" not in p.relative_to(folder).parts
        )
        return AppBundle(folder, files, version.digest)

    # -- pruning --------------------------------------------------------------------------------
    def prune_drafts(self, older_than_days: float, *, now: float | None = None) -> list[str]:
        """As the file store: anonymous drafts untouched for ``older_than_days`` (here: in the database and in
        this machine's copy and preview data) go, with their versions and the bytes no version keeps any more;
        this machine's copies of drafts removed elsewhere go too."""
        cutoff = (time.time() if now is None else now) - older_than_days * 86400
        query = sa.select(PROJECTS.c.id, PROJECTS.c.meta).where(
            PROJECTS.c.owner.is_(None), PROJECTS.c.bundle.is_(None), PROJECTS.c.touched < cutoff
        )
        removed = []
        with self.engine.connect() as db:
            candidates = db.execute(query.order_by(PROJECTS.c.id)).all()
        for project_id, meta in candidates:
            data = self.home / "appdata" / f"draft-{project_id}"
            if json.loads(meta).get("slug") or last_touched(self.root / project_id, data) >= cutoff:
                continue
            with self._tx() as db:
                gone = db.execute(sa.delete(PROJECTS).where(
                    PROJECTS.c.id == project_id, PROJECTS.c.owner.is_(None), PROJECTS.c.touched < cutoff))  # fmt: skip
            if gone.rowcount:
                shutil.rmtree(self.root / project_id, ignore_errors=True)
                shutil.rmtree(data, ignore_errors=True)
                removed.append(project_id)
        self.bytes.drop_unkept()
        self._sweep_copies(cutoff)
        return removed

    def _sweep_copies(self, cutoff: float) -> None:
        if not self.root.is_dir():
            return
        with self.engine.connect() as db:
            known = set(db.scalars(sa.select(PROJECTS.c.id)))
        for folder in sorted(self.root.iterdir()):
            name = folder.name
            if not name.isalnum() or name in known or (folder / "project.json").exists():
                continue
            data = self.home / "appdata" / f"draft-{name}"
            if last_touched(folder, data) < cutoff:
                shutil.rmtree(folder, ignore_errors=True)
                shutil.rmtree(data, ignore_errors=True)


def import_file_store(store: SqlProjectStore) -> list[str]:
    """Copies the drafts a home kept in files (workshop.projects.ProjectStore) into the database: projects,
    versions, notes and every version's bundle bytes whose folder still holds what was checked; each imported
    ``project.json`` becomes ``project.imported.json`` (the files stay as they were). Returns the ids copied."""
    files = ProjectStore(store.home)
    imported = []
    for path in sorted(store.root.glob("*/project.json")):
        try:
            project = Project.model_validate_json(path.read_text(encoding="utf-8"))
            versions, meta = files.versions(project.id), files.meta(project.id)
        except (OSError, ValueError, UserError) as error:
            log.warning("draft %s not imported: %s", path.parent.name, error)
            continue
        with store._tx() as db:
            for version in versions:
                if version.digest:
                    store.bytes.keep(db, version.digest, store.bundle_dir(project.id, version.number))
            row = {**project.model_dump(), "meta": json.dumps(meta), "touched": last_touched(path.parent)}
            if versions and db.execute(insert(PROJECTS).values(row).on_conflict_do_nothing()).rowcount:
                db.execute(sa.insert(VERSIONS), [store._version_row(project.id, v) for v in versions])
                imported.append(project.id)
            else:
                log.warning("draft %s is in the database already: its files were not imported again", project.id)
        with contextlib.suppress(OSError):
            when = path.parent.stat().st_mtime
            path.rename(path.with_name("project.imported.json"))
            os.utime(path.parent, (when, when))  # the draft's age is kept: renaming is not a change
    if imported:
        log.info("imported %d drafts from %s into the database", len(imported), store.root)
    return imported
