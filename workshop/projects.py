"""Projects: an idea and every version of its spec, kept on disk, never rewritten.

Undo makes a new version equal to an earlier one, so the history itself is never lost.
Files live under ``$FLASHAPPS_HOME/projects/<id>/``; each write goes to a temporary file
first and is moved into place, so a killed process leaves either the old file or the new one.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from generator.errors import UserError
from generator.render import AppBundle, render
from generator.spec import AppSpec

__all__ = ["Project", "ProjectStore", "Version", "write_atomic"]


def write_atomic(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Version(BaseModel):
    model_config = ConfigDict(extra="forbid")

    number: int
    spec: AppSpec
    change: str = Field(description="the sentence that made this version ('' for the first)")
    changes: list[str] = Field(default_factory=list, description="what changed, in plain words")
    provider: str = "offline"
    created_at: str = Field(default_factory=_now)
    verify: dict | None = None


class Project(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    idea: str
    created_at: str = Field(default_factory=_now)
    current: int = 1
    bundle: str | None = Field(default=None, description="the folder the command line renders into")
    owner: str | None = Field(default=None, description="the studio user who made it (None: made anonymously)")


class ProjectStore:
    def __init__(self, home: Path) -> None:
        self.root = Path(home) / "projects"

    def _folder(self, project_id: str) -> Path:
        if not project_id.isalnum():
            raise UserError(f"No project {project_id!r}.", f"没有项目 {project_id!r}。")
        return self.root / project_id

    def create(
        self, idea: str, spec: AppSpec, provider: str = "offline", bundle: Path | None = None, owner: str | None = None
    ) -> Project:
        project = Project(
            id=secrets.token_hex(6), idea=idea, bundle=str(Path(bundle).resolve()) if bundle else None, owner=owner
        )
        self._save_version(project, Version(number=1, spec=spec, change="", provider=provider))
        write_atomic(self._folder(project.id) / "project.json", project.model_dump_json(indent=1))
        return project

    def find_bundle(self, bundle: Path) -> Project | None:
        """The project whose command-line folder is ``bundle``."""
        wanted = str(Path(bundle).resolve())
        for path in sorted(self.root.glob("*/project.json")):
            project = Project.model_validate_json(path.read_text(encoding="utf-8"))
            if project.bundle == wanted:
                return project
        return None

    def owned_by(self, owner: str) -> list[Project]:
        """The projects ``owner`` made, newest first."""
        found = [Project.model_validate_json(p.read_text(encoding="utf-8")) for p in self.root.glob("*/project.json")]
        return sorted((p for p in found if p.owner == owner), key=lambda p: p.created_at, reverse=True)

    def claim(self, project_id: str, owner: str) -> Project:
        """Gives an anonymous project to ``owner`` (a project with an owner keeps it)."""
        project = self.get(project_id)
        if project.owner is None:
            project.owner = owner
            write_atomic(self._folder(project_id) / "project.json", project.model_dump_json(indent=1))
        return project

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

    def add(
        self, project_id: str, spec: AppSpec, change: str, changes: list[str], provider: str = "offline"
    ) -> Version:
        project = self.get(project_id)
        number = max(v.number for v in self.versions(project_id)) + 1
        version = Version(number=number, spec=spec, change=change, changes=changes, provider=provider)
        self._save_version(project, version)
        project.current = number
        write_atomic(self._folder(project_id) / "project.json", project.model_dump_json(indent=1))
        return version

    def undo(self, project_id: str, to: int) -> Version:
        """A new version equal to version ``to``."""
        earlier = self.version(project_id, to)
        return self.add(project_id, earlier.spec, f"undo to version {to}", [f"↩ v{to}"], earlier.provider)

    def record_verify(self, project_id: str, number: int, report: dict) -> None:
        version = self.version(project_id, number)
        version.verify = report
        self._save_version(self.get(project_id), version)

    def render(self, project_id: str, number: int | None = None) -> AppBundle:
        """The bundle of a version (rendered once; its data folder is the project's, shared by versions)."""
        version = self.version(project_id, number)
        folder = self._folder(project_id) / "bundles" / f"v{version.number:04d}"
        if (folder / "spec.json").is_file():
            return AppBundle(folder, sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()))
        return render(version.spec, folder)
