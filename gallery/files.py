"""The bundle file store: content-addressed folders, written through a staging folder.

Publishing writes a bundle's files into ``staging/<digest>.<random>/`` (holding a lock on
``<that>.lock``), inserts the rows in one transaction, then renames the staging folder to
``files/<digest>/``. A process killed at any step leaves staging folders (removed, or moved
into place when their rows were committed) or nothing; ``recover`` runs on every start and
also removes any file folder that no version row points to. ``FLASHAPPS_GALLERY_CRASH_AT``
names a step at which to die (``step`` exits 137 there, ``step:wait`` waits to be killed).
"""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import secrets
import shutil
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashapps.files import PRIVATE_DIR, PRIVATE_FILE, bundle_files, digest, private_folder
from gallery.errors import UserError

__all__ = [
    "CRASH_ENV",
    "CRASH_STEPS",
    "FileStore",
    "MisplacedFiles",
    "Recovery",
    "Staged",
    "crash_point",
    "safe_digest",
    "safe_name",
]

_DIGEST = re.compile(r"^[0-9a-f]{64}$")


class MisplacedFiles(UserError, LookupError):
    """A stored digest or file name that would lead outside the file store: nothing there is read or removed."""

    def __init__(self) -> None:
        super().__init__(
            "This app's stored files are not where the gallery keeps them, so they are not opened. "
            "A maintainer can restore the gallery from a good backup.",
            "这个应用保存的文件不在作品库存放文件的位置，因此不会被打开。维护者可以用一份完好的备份恢复作品库。",
        )


def safe_digest(value: object) -> bool:
    """Whether ``value`` is a content address (64 lowercase hex digits), so a folder name inside the store."""
    return isinstance(value, str) and bool(_DIGEST.match(value))


def safe_name(value: object) -> bool:
    """Whether ``value`` is a relative file name that stays inside its folder (no root, no ``..``, no empty or
    ``.`` parts, no backslashes or NUL)."""
    if not isinstance(value, str) or not value or "\\" in value or "\0" in value or value.startswith("/"):
        return False
    return all(part not in ("", ".", "..") for part in value.split("/"))


CRASH_ENV = "FLASHAPPS_GALLERY_CRASH_AT"
CRASH_STEPS = ("staging", "staged", "rows", "committed", "renamed")
"""Where a publish can be killed: mid-staging, staged, rows written but not committed,
committed but not renamed, renamed (done, before returning)."""


def crash_point(step: str) -> None:
    """Test hook: dies here when ``FLASHAPPS_GALLERY_CRASH_AT`` names ``step``."""
    wanted, _, mode = os.environ.get(CRASH_ENV, "").partition(":")
    if wanted != step:
        return
    if mode == "wait":
        sys.stdout.write(f"CRASH-POINT {step}\n")
        sys.stdout.flush()
        time.sleep(600)
    os._exit(137)


@dataclass(frozen=True)
class Staged:
    digest: str
    path: Path
    files: list[str]


@dataclass
class Recovery:
    """What a recovery sweep did."""

    removed_staging: list[str] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    removed_orphans: list[str] = field(default_factory=list)
    busy: list[str] = field(default_factory=list)


def _fsync_write(path: Path, content: bytes) -> None:
    private_folder(path.parent)
    handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, PRIVATE_FILE)
    with os.fdopen(handle, "wb") as out:
        out.write(content)
        out.flush()
        os.fsync(out.fileno())


@contextlib.contextmanager
def _try_lock(path: Path) -> Iterator[bool]:
    """Holds an exclusive lock on ``path`` when no live process does (yields False otherwise)."""
    handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(handle)


class FileStore:
    """Bundle files on disk, one folder per distinct file set."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.files_dir = self.root / "files"
        self.staging_dir = self.root / "staging"
        private_folder(self.files_dir)
        private_folder(self.staging_dir)

    # -- reading a bundle ----------------------------------------------------------------
    collect = staticmethod(bundle_files)
    digest = staticmethod(digest)

    # -- publishing ------------------------------------------------------------------------
    @contextlib.contextmanager
    def stage(self, files: dict[str, bytes]) -> Iterator[Staged]:
        """Writes ``files`` to a locked staging folder; removes it again unless ``finish`` moved it."""
        digest = self.digest(files)
        path = self.staging_dir / f"{digest}.{secrets.token_hex(6)}"
        lock = path.with_name(path.name + ".lock")
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            path.mkdir(mode=PRIVATE_DIR)
            for i, (name, content) in enumerate(sorted(files.items())):
                _fsync_write(path / name, content)
                if i == 0:
                    crash_point("staging")
            yield Staged(digest, path, sorted(files))
        finally:
            shutil.rmtree(path, ignore_errors=True)
            lock.unlink(missing_ok=True)
            os.close(handle)

    def finish(self, staged: Staged) -> None:
        """Moves committed files into place (identical files already there are kept)."""
        final = self.files_dir / staged.digest
        if final.exists():
            shutil.rmtree(staged.path, ignore_errors=True)
            return
        try:
            staged.path.rename(final)
        except OSError:
            if not final.exists():
                raise
            shutil.rmtree(staged.path, ignore_errors=True)

    # -- reading ---------------------------------------------------------------------------
    def folder(self, digest: str) -> Path:
        """The folder of a content address; a stored value that is not one is refused (never a path elsewhere)."""
        if not safe_digest(digest):
            raise MisplacedFiles()
        return self.files_dir / digest

    def path(self, digest: str) -> Path:
        """The folder to read a stored bundle from (``folder``; an object store's copy fetches it first)."""
        return self.folder(digest)

    def read(self, digest: str, names: list[str]) -> dict[str, bytes]:
        """The named files of a stored bundle; each must be a plain file inside its folder (no symlink on the way)."""
        base = self.path(digest)
        if base.is_symlink():
            raise MisplacedFiles()
        found: dict[str, bytes] = {}
        for name in names:
            if not safe_name(name):
                raise MisplacedFiles()
            path = base / name
            parts = [base.joinpath(*name.split("/")[: i + 1]) for i in range(name.count("/") + 1)]
            if any(part.is_symlink() for part in parts):
                raise MisplacedFiles()
            handle = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
            with os.fdopen(handle, "rb") as source:
                found[name] = source.read()
        return found

    def zip(self, digest: str, names: list[str], folder: str, readme_note: str = "") -> bytes:
        """The files as a zip with one top folder, reproducible byte for byte; ``readme_note`` ends its
        README.md (where the app is shared)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, content in self.read(digest, names).items():
                if name == "README.md" and readme_note:
                    content = content.rstrip(b"\n") + b"\n\n" + readme_note.encode("utf-8") + b"\n"
                info = zipfile.ZipInfo(f"{folder}/{name}", date_time=(2020, 1, 1, 0, 0, 0))
                info.external_attr = 0o644 << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, content)
        return buffer.getvalue()

    def remove(self, digest: str) -> None:
        """Removes a stored bundle folder; a value that is not a content address removes nothing."""
        if not safe_digest(digest):
            return
        path = self.folder(digest)
        if path.is_symlink():
            path.unlink()  # the link only, never what it points to
            return
        shutil.rmtree(path, ignore_errors=True)

    # -- recovery --------------------------------------------------------------------------
    def recover(self, referenced: Callable[[str], bool]) -> Recovery:
        """Finishes or removes what dead publishers left; removes file folders without rows.

        ``referenced(digest)`` says whether a committed version row points at a digest; it is
        asked only after the staging folder's lock shows its publisher is gone.
        """
        done = Recovery()
        for entry in sorted(self.staging_dir.iterdir()):
            if entry.name.endswith(".lock"):
                continue
            lock = entry.with_name(entry.name + ".lock")
            with _try_lock(lock) as free:
                if not free:
                    done.busy.append(entry.name)
                    continue
                digest = entry.name.split(".", 1)[0]
                if entry.is_dir() and safe_digest(digest) and referenced(digest) and not self.folder(digest).exists():
                    entry.rename(self.folder(digest))
                    done.completed.append(digest)
                else:
                    shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
                    done.removed_staging.append(entry.name)
                lock.unlink(missing_ok=True)
        for lock in sorted(self.staging_dir.glob("*.lock")):
            if not lock.with_suffix("").exists():
                with _try_lock(lock) as free:
                    if free:
                        lock.unlink(missing_ok=True)
        for entry in sorted(self.files_dir.iterdir()):
            if entry.is_symlink() or not safe_digest(entry.name) or not referenced(entry.name):
                gone = entry.is_dir() and not entry.is_symlink()
                shutil.rmtree(entry, ignore_errors=True) if gone else entry.unlink(missing_ok=True)
                done.removed_orphans.append(entry.name)
        return done

    def adopt(self, files: Path) -> None:
        """Takes in a restored backup's checked bundle folders (``files/<digest>/``) before they replace the
        store's: nothing to do for the local folder (an object store's copy uploads them)."""
