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
import secrets
import shutil
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from flashapps.files import bundle_files, digest

__all__ = ["CRASH_ENV", "CRASH_STEPS", "FileStore", "Recovery", "Staged", "crash_point"]

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
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as out:
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
        self.files_dir.mkdir(parents=True, exist_ok=True)
        self.staging_dir.mkdir(parents=True, exist_ok=True)

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
            path.mkdir()
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
    def path(self, digest: str) -> Path:
        return self.files_dir / digest

    def read(self, digest: str, names: list[str]) -> dict[str, bytes]:
        base = self.path(digest)
        return {name: (base / name).read_bytes() for name in names}

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
        shutil.rmtree(self.path(digest), ignore_errors=True)

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
                if entry.is_dir() and referenced(digest) and not self.path(digest).exists():
                    entry.rename(self.path(digest))
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
            if not referenced(entry.name):
                shutil.rmtree(entry, ignore_errors=True) if entry.is_dir() else entry.unlink(missing_ok=True)
                done.removed_orphans.append(entry.name)
        return done
