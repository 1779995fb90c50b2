"""Atomic files, and the content of a bundle folder as bytes with one content hash.

``write_atomic`` writes to a temporary file beside the target and renames it into place, so a
killed process leaves the old file or the new one, never half of one. ``bundle_files`` reads what
makes an app (caches and the app's own ``data/`` left out) and ``digest`` is its content address:
what is verified, stored, published and served is checked against it.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from flashapps.errors import UserError

__all__ = ["MAX_BUNDLE_BYTES", "MAX_BUNDLE_FILES", "bundle_files", "digest", "folder_digest", "write_atomic"]

MAX_BUNDLE_FILES = 300
MAX_BUNDLE_BYTES = 20 * 1024 * 1024
_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", "data", ".git", ".venv"}


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


def bundle_files(bundle: Path) -> dict[str, bytes]:
    """The files of a bundle folder by relative path (caches and app data left out)."""
    found: dict[str, bytes] = {}
    total = 0
    for path in sorted(Path(bundle).rglob("*")):
        relative = path.relative_to(bundle)
        skipped = any(part in _SKIP_DIRS for part in relative.parts) or path.suffix == ".pyc"
        if skipped or path.is_symlink() or not path.is_file():
            continue
        content = path.read_bytes()
        total += len(content)
        found[relative.as_posix()] = content
        if len(found) > MAX_BUNDLE_FILES or total > MAX_BUNDLE_BYTES:
            raise UserError(
                f"This app is too big (over {MAX_BUNDLE_FILES} files or {MAX_BUNDLE_BYTES // 2**20} MB).",
                f"这个应用太大（超过 {MAX_BUNDLE_FILES} 个文件或 {MAX_BUNDLE_BYTES // 2**20} MB）。",
            )
    return found


def digest(files: dict[str, bytes]) -> str:
    """The content address of a file set: sha256 over paths and file hashes."""
    outer = hashlib.sha256()
    for name in sorted(files):
        outer.update(name.encode() + b"\0" + hashlib.sha256(files[name]).digest())
    return outer.hexdigest()


def folder_digest(bundle: Path) -> str:
    """``digest`` of what ``bundle_files`` reads from a folder."""
    return digest(bundle_files(bundle))
