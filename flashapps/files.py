"""Atomic files, and the content of a bundle folder as bytes with one content hash.

``write_atomic`` writes to a temporary file beside the target and renames it into place, so a
killed process leaves the old file or the new one, never half of one. ``bundle_files`` reads what
makes an app (caches and the app's own ``data/`` left out) and ``digest`` is its content address:
what is verified, stored, published and served is checked against it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
import tempfile
from pathlib import Path

from flashapps.errors import UserError

__all__ = [
    "MAX_BUNDLE_BYTES",
    "MAX_BUNDLE_FILES",
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "bundle_files",
    "digest",
    "folder_digest",
    "keep_private",
    "private_file",
    "private_folder",
    "private_tree",
    "write_atomic",
]

MAX_BUNDLE_FILES = 300
MAX_BUNDLE_BYTES = 20 * 1024 * 1024
_SKIP_DIRS = {"__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache", "data", ".git", ".venv"}
PRIVATE_DIR = 0o700
"""Folders that hold data (everything under ``FLASHAPPS_HOME``): their owner only."""
PRIVATE_FILE = 0o600
"""Files that hold data: readable and writable by their owner only."""


def keep_private(home: Path | None = None) -> None:
    """Makes every file and folder this process creates from now on its owner's only (umask 077): what a
    command line or a studio writes under ``FLASHAPPS_HOME`` (the gallery, drafts, jobs, logs, backups) is
    never group or world readable, whichever library wrote it. ``home``, when it exists, and what lies
    directly in it lose their group and world bits too (a home an older version left open): a closed folder
    keeps what is deeper inside from everyone else, so nothing deeper needs walking on every start."""
    os.umask(0o077)
    if home is None or Path(home).is_symlink() or not Path(home).is_dir():
        return
    for path in [Path(home), *Path(home).iterdir()]:
        with contextlib.suppress(OSError):
            mode = stat.S_IMODE(path.lstat().st_mode)
            if mode & 0o077 and not path.is_symlink():
                path.chmod(mode & 0o700)


def private_folder(path: Path) -> Path:
    """Creates ``path`` and any missing parents as folders only their owner can open (0700); an existing
    folder keeps its mode (it may be the user's own, or an app's data folder given to its sandbox)."""
    path = Path(path)
    missing = []
    at = path
    while not at.exists() and at != at.parent:
        missing.append(at)
        at = at.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
        folder.chmod(PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Creates ``path`` empty (0600) unless it exists, in a private folder: a file others then write into
    (SQLite, a log) keeps these permissions, and SQLite gives its journal files the same."""
    path = Path(path)
    private_folder(path.parent)
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE))
    return path


def private_tree(root: Path) -> None:
    """Takes group and world permissions off ``root`` and everything in it (links are neither followed nor
    changed): folders 0700 and files 0600 at most, owner bits kept."""
    root = Path(root)
    if root.is_symlink() or not root.exists():
        return
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            path.chmod(mode & 0o700)


def write_atomic(path: Path, text: str) -> None:
    """Writes ``text`` to ``path`` through a temporary file renamed into place: 0600, in a 0700 folder."""
    private_folder(path.parent)
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
