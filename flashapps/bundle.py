"""AppBundle: a rendered app on disk, its files and their content hash."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from flashapps.files import folder_digest
from flashapps.spec import AppSpec

__all__ = ["AppBundle"]


@dataclass(frozen=True)
class AppBundle:
    """A rendered app: the folder, the files in it (relative paths) and their ``digest`` (see flashapps.files)."""

    path: Path
    files: list[str] = field(default_factory=list)
    digest: str = ""

    @property
    def spec(self) -> AppSpec:
        return AppSpec.from_json((self.path / "spec.json").read_text(encoding="utf-8"))

    def unchanged(self) -> bool:
        """Whether the folder still holds exactly the bytes this bundle was made of."""
        return bool(self.digest) and folder_digest(self.path) == self.digest
