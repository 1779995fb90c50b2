"""Projects: an idea and every version of its spec, kept on disk, never rewritten.

Each version is rendered once, into ``$FLASHAPPS_HOME/projects/<id>/bundles/v<n>/``, and that
folder is what is verified, previewed and published: its content hash (``digest``) is kept with
the version and checked again before the folder is published or served. Undo makes a new version
equal to an earlier one, so the history itself is never lost. Every file is written atomically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import secrets
import shutil
import time
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from flashapps.bundle import AppBundle
from flashapps.errors import UserError
from flashapps.files import PRIVATE_DIR, private_tree, write_atomic
from flashapps.report import VerifyReport
from flashapps.settings import Settings
from flashapps.spec import AppSpec
from generator.render import render

__all__ = ["Project", "ProjectStore", "Version", "last_touched", "new_project_id", "open_projects", "projects_url"]


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def new_project_id() -> str:
    return secrets.token_hex(6)


class Version(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int
    spec: AppSpec
    change: str = Field(description="the sentence that made this version ('' for the first)")
    changes: list[str] = Field(default_factory=list, description="what changed, in plain words")
    provider: str = "offline"
    created_at: str = Field(default_factory=_now)
    verify: VerifyReport | None = None
    digest: str | None = Field(default=None, description="content hash of the rendered bundle (flashapps.files)")
    calls: list[dict[str, Any]] = Field(default_factory=list, description="model calls: stage, tokens, cost")


class Project(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    idea: str
    created_at: str = Field(default_factory=_now)
    current: int = 1
    bundle: str | None = Field(default=None, description="the folder the command line keeps a copy in")
    owner: str | None = Field(default=None, description="the studio user who made it (None: made anonymously)")
    creator: str | None = Field(default=None, description="hash of the anonymous maker's browser secret (None: owned "
                                "or made on the command line)")  # fmt: skip


class ProjectStore:
    def __init__(self, home: Path) -> None:
        self.home = Path(home)
        self.root = self.home / "projects"

    def _folder(self, project_id: str) -> Path:
        if not project_id.isalnum():
            raise UserError(f"No project {project_id!r}.", f"没有项目 {project_id!r}。")
        return self.root / project_id

    def bundle_dir(self, project_id: str, number: int) -> Path:
        """Where version ``number`` of a project is rendered (once)."""
        return self._folder(project_id) / "bundles" / f"v{number:04d}"

    def create(
        self,
        idea: str,
        spec: AppSpec,
        provider: str = "offline",
        bundle: Path | None = None,
        owner: str | None = None,
        *,
        creator: str | None = None,
        project_id: str | None = None,
        digest: str | None = None,
        calls: list[dict[str, Any]] | None = None,
    ) -> Project:
        project = Project(
            id=project_id or new_project_id(),
            idea=idea,
            bundle=str(Path(bundle).resolve()) if bundle else None,
            owner=owner,
            creator=None if owner else creator,
        )
        first = Version(number=1, spec=spec, change="", provider=provider, digest=digest, calls=calls or [])
        self._keep_new(project, first)
        return project

    def _keep_new(self, project: Project, first: Version) -> None:
        """Stores a new project and its first version."""
        self._save_version(project, first)
        self._save(project)

    def _save(self, project: Project) -> None:
        write_atomic(self._folder(project.id) / "project.json", project.model_dump_json(indent=1))
        private_tree(self._folder(project.id))  # its bundles too: a draft is its maker's only (0600, 0700)
        self.root.chmod(PRIVATE_DIR)

    def _all(self) -> list[Project]:
        return [
            Project.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(self.root.glob("*/project.json"))
        ]

    def find_bundle(self, bundle: Path) -> Project | None:
        """The project whose command-line folder is ``bundle``."""
        wanted = str(Path(bundle).resolve())
        return next((project for project in self._all() if project.bundle == wanted), None)

    def owned_by(self, owner: str) -> list[Project]:
        """The projects ``owner`` made, newest first."""
        found = (p for p in self._all() if p.owner == owner)
        return sorted(found, key=lambda p: p.created_at, reverse=True)

    def made_with(self, creator: str) -> list[Project]:
        """The anonymous projects whose creator hash is ``creator`` (one browser's drafts), newest first."""
        found = (p for p in self._all() if p.owner is None and p.creator == creator)
        return sorted(found, key=lambda p: p.created_at, reverse=True)

    def claim(self, project_id: str, owner: str) -> Project:
        """Gives an anonymous project to ``owner`` (a project with an owner keeps it)."""
        project = self.get(project_id)
        if project.owner is None:
            project.owner = owner
            self._save(project)
        return project

    def keep_copy_in(self, project_id: str, folder: Path) -> Project:
        """Notes the folder the command line keeps a copy of the current version in."""
        project = self.get(project_id)
        project.bundle = str(Path(folder).resolve())
        self._save(project)
        return project

    def exists(self, project_id: str) -> bool:
        return (self._folder(project_id) / "project.json").is_file()

    def get(self, project_id: str) -> Project:
        path = self._folder(project_id) / "project.json"
        if not path.is_file():
            raise UserError(f"No project {project_id!r}.", f"没有项目 {project_id!r}。")
        return Project.model_validate_json(path.read_text(encoding="utf-8"))

    def _save_version(self, project: Project, version: Version) -> None:
        write_atomic(self._folder(project.id) / "versions" / f"{version.number:04d}.json", version.model_dump_json())

    def versions(self, project_id: str) -> list[Version]:
        folder = self._folder(project_id) / "versions"
        return [Version.model_validate_json(p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.json"))]

    def version(self, project_id: str, number: int | None = None) -> Version:
        project = self.get(project_id)
        path = self._folder(project_id) / "versions" / f"{number or project.current:04d}.json"
        if not path.is_file():
            raise UserError(f"Version {number} does not exist.", f"版本 {number} 不存在。")
        return Version.model_validate_json(path.read_text(encoding="utf-8"))

    def next_number(self, project_id: str) -> int:
        return max(v.number for v in self.versions(project_id)) + 1

    def add(
        self,
        project_id: str,
        spec: AppSpec,
        change: str,
        changes: list[str],
        provider: str = "offline",
        *,
        digest: str | None = None,
        calls: list[dict[str, Any]] | None = None,
    ) -> Version:
        project = self.get(project_id)
        version = Version(
            number=self.next_number(project_id),
            spec=spec,
            change=change,
            changes=changes,
            provider=provider,
            digest=digest,
            calls=calls or [],
        )
        return self._keep_added(project, version)

    def _keep_added(self, project: Project, version: Version) -> Version:
        """Stores a new version as the project's current one (a shared store may give it another number)."""
        self._save_version(project, version)
        project.current = version.number
        self._save(project)
        return version

    def record_verify(self, project_id: str, number: int, report: VerifyReport) -> None:
        version = self.version(project_id, number)
        version.verify = report
        self._save_version(self.get(project_id), version)

    def bundle(self, project_id: str, number: int | None = None) -> AppBundle:
        """The bundle of a version, as it was rendered and checked.

        A version made before bundles were kept is rendered now, once, and its digest recorded.
        """
        version = self.version(project_id, number)
        folder = self.bundle_dir(project_id, version.number)
        if version.digest is None or not (folder / "spec.json").is_file():
            made = render(version.spec, folder, overwrite=True)
            version.digest = made.digest
            self._save_version(self.get(project_id), version)
        files = sorted(
            p.relative_to(folder).as_posix()
            for p in folder.rglob("*")
            if p.is_file() and "data" not in p.relative_to(folder).parts
        )
        return AppBundle(folder, files, version.digest)

    # -- notes the front doors keep about a project: where it was published, what it remixes --
    def meta(self, project_id: str) -> dict[str, Any]:
        path = self._folder(project_id) / "meta.json"
        self.get(project_id)  # checks the id
        if not path.is_file():
            legacy = self.home / "studio" / "projects" / f"{project_id}.json"  # kept there before 2026-12
            path = legacy if legacy.is_file() else path
        return dict(json.loads(path.read_text(encoding="utf-8"))) if path.is_file() else {}

    def save_meta(self, project_id: str, values: dict[str, Any]) -> None:
        write_atomic(self._folder(project_id) / "meta.json", json.dumps(self.meta(project_id) | values))

    # -- pruning: anonymous drafts nobody published nor touched for a while ---------------------
    def prune_drafts(self, older_than_days: float, *, now: float | None = None) -> list[str]:
        """Removes the anonymous drafts untouched for ``older_than_days`` (their files, versions, bundles and
        preview data); returns their ids. Never removed: a signed-in maker's project (``owner``), the source of a
        published app (``slug`` in its notes) and a project the command line keeps a copy of (``bundle``)."""
        cutoff = (time.time() if now is None else now) - older_than_days * 86400
        removed = []
        for path in sorted(self.root.glob("*/project.json")):
            folder = path.parent
            try:
                project = json.loads(path.read_text(encoding="utf-8"))
                meta = folder / "meta.json"
                published = meta.is_file() and bool(json.loads(meta.read_text(encoding="utf-8")).get("slug"))
            except (OSError, ValueError):
                continue  # half-written or unreadable: left for a person to look at
            if project.get("owner") or project.get("bundle") or published:
                continue
            data = self.home / "appdata" / f"draft-{folder.name}"
            if last_touched(folder, data) >= cutoff:
                continue
            shutil.rmtree(folder, ignore_errors=True)
            shutil.rmtree(data, ignore_errors=True)
            removed.append(folder.name)
        return removed


def projects_url() -> str:
    """The shared database drafts live in: ``FLASHAPPS_DATABASE_URL`` when it is a PostgreSQL URL; empty: files
    under the home folder (the embedded default)."""
    url = os.environ.get("FLASHAPPS_DATABASE_URL", "").strip()
    return url if url.startswith(("postgresql", "postgres:")) else ""


def open_projects(where: Settings | Path | None = None) -> ProjectStore:
    """The project store of a home folder (``where``: settings, a home folder, or None for the settings in
    force): its files, or the shared database (workshop/projects_sql.py) when ``projects_url`` names one."""
    home = where.home if isinstance(where, Settings) else Path(where) if where is not None else Settings().home
    if not (url := projects_url()):
        return ProjectStore(home)
    from workshop.projects_sql import SqlProjectStore

    return SqlProjectStore.from_settings(home, url)


def last_touched(*folders: Path) -> float:
    """The newest modification time of these folders and anything in them (0 when none exist)."""
    newest = 0.0
    for folder in folders:
        for entry in [folder, *folder.rglob("*")] if folder.is_dir() else []:
            with contextlib.suppress(OSError):
                newest = max(newest, entry.lstat().st_mtime)
    return newest
