"""The data folders of a sandbox host's apps, saved to the database and restored on whichever host runs them next
(see studio/hostagent.py, "Data": at most ``sync_s`` seconds of an app's newest writes are lost with a host)."""

from __future__ import annotations

import gzip
import hashlib
import io
import logging
import shutil
import stat
import tarfile
import threading
import time
from pathlib import Path
from typing import Any

from gallery.placement import Placements
from sandbox.backends.quota import attach
from sandbox.backends.serve import ServeRequest

__all__ = ["DataKeeper", "pack", "unpack"]

log = logging.getLogger(__name__)
_SKIP = frozenset({"lost+found"})  # a mounted data filesystem's own folder


# -- data folders -------------------------------------------------------------------------
def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file (size, modification time) and folder under ``folder``; links and the rest are left out."""
    found: dict[str, tuple[int, int]] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name.split("/", 1)[0] in _SKIP:
            continue
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            found[name] = (info.st_size, info.st_mtime_ns)
        elif stat.S_ISDIR(info.st_mode):
            found[name + "/"] = (0, 0)
    return found


def pack(folder: Path, limit_bytes: int, tries: int = 5) -> tuple[str, bytes] | None:
    """(digest, gzip-compressed tar) of ``folder``'s files, read while no SQLite write is in progress (no
    ``-journal`` file) and checked unchanged after reading; None when it stayed busy or is over ``limit_bytes``."""
    for attempt in range(tries):
        if attempt:
            time.sleep(0.05 * attempt)
        try:
            before = _listing(folder)
            if any(name.endswith("-journal") for name in before):
                continue  # a write in progress: its database file may be half-written
            raw = io.BytesIO()
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for name in before:
                    path = folder / name
                    info = tar.gettarinfo(str(path), arcname=name.rstrip("/"))
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    if info.isfile():
                        with path.open("rb") as handle:
                            tar.addfile(info, handle)
                    else:
                        tar.addfile(info)
            if _listing(folder) != before:
                continue  # written to while it was read
        except (OSError, tarfile.TarError):
            continue  # a file went away while it was read
        data = raw.getvalue()
        if len(data) > limit_bytes:
            log.warning("the data of %s is over %d bytes: not saved", folder, limit_bytes)
            return None
        return hashlib.sha256(data).hexdigest(), gzip.compress(data, mtime=0)
    log.info("the data of %s stayed busy: saved on the next round", folder)
    return None


def unpack(folder: Path, archive: bytes) -> None:
    """Replaces what ``folder`` holds (the folder itself stays: it may be a mount point) with ``archive``."""
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        if child.name in _SKIP:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(archive)), mode="r:") as tar:
        tar.extractall(folder, filter="data")


class _Kept:
    """A served app whose data is saved when it stops (``Served``'s interface)."""

    def __init__(self, served: Any, keeper: DataKeeper, key: str, data: Path) -> None:
        self.served, self.keeper, self.key, self.data = served, keeper, key, data
        self.socket, self.backend = served.socket, served.backend
        self.moved = False  # placed on another host meanwhile: its data here is not saved again

    def alive(self) -> bool:
        return bool(self.served.alive())

    def memory_bytes(self) -> int | None:
        found: int | None = self.served.memory_bytes()
        return found

    def logs(self) -> str:
        return str(self.served.logs())

    def stop(self) -> None:
        self.served.stop()
        self.keeper.stopped(self)


class DataKeeper:
    """A serving backend whose apps' data folders follow them from host to host (see the module)."""

    def __init__(self, inner: Any, placements: Placements, host: str, limit_bytes: int) -> None:
        self.inner, self.placements, self.host, self.limit_bytes = inner, placements, host, limit_bytes
        self.name, self.isolated = inner.name, getattr(inner, "isolated", False)
        self._lock = threading.Lock()
        self._running: dict[int, _Kept] = {}
        self._saved: dict[str, str] = {}  # data folder name -> digest of what the database holds
        self._folder_locks: dict[str, threading.Lock] = {}

    def __getattr__(self, attribute: str) -> Any:  # the engine's own (image, client, instance) for prepare()
        if attribute == "inner":
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)

    def _folder_lock(self, name: str) -> threading.Lock:
        with self._lock:
            return self._folder_locks.setdefault(name, threading.Lock())

    def serve(self, request: ServeRequest) -> _Kept:
        attach(request.data, request.data_quota_mb, isolated=self.isolated)  # mounted first: restored inside it
        self.restore(request.data)
        kept = _Kept(self.inner.serve(request), self, request.key, request.data)
        with self._lock:
            self._running[id(kept)] = kept
        return kept

    def restore(self, folder: Path) -> bool:
        """Puts the newest saved copy of ``folder``'s data in it (when one was saved and differs); True if so."""
        found = self.placements.snapshot(folder.name)
        if found is None:
            return False
        digest, archive, _saved_ms = found
        with self._folder_lock(folder.name):
            here = pack(folder, self.limit_bytes) if folder.is_dir() else None
            if here is not None and here[0] == digest:
                self._saved[folder.name] = digest
                return False
            unpack(folder, archive)
            self._saved[folder.name] = digest
        log.info("restored the data of %s (saved by another host or an earlier run)", folder.name)
        return True

    def save(self, folder: Path) -> bool:
        """Saves ``folder``'s data when it changed since the last save; True when it was saved."""
        with self._folder_lock(folder.name):
            packed = pack(folder, self.limit_bytes)
            if packed is None or self._saved.get(folder.name) == packed[0]:
                return False
            self.placements.save(folder.name, self.host, *packed)
            self._saved[folder.name] = packed[0]
        return True

    def running(self) -> list[_Kept]:
        with self._lock:
            return list(self._running.values())

    def save_all(self) -> int:
        """One round: every running app's changed data saved (not an app that moved away); how many were."""
        saved = 0
        for kept in self.running():
            if kept.moved:
                continue
            try:
                saved += self.save(kept.data)
            except Exception:
                log.exception("saving the data of %s failed; tried again next round", kept.key)
        return saved

    def stopped(self, kept: _Kept) -> None:
        """An app stopped cleanly: its data saved, its placement here released."""
        with self._lock:
            self._running.pop(id(kept), None)
        try:
            if not kept.moved:
                self.save(kept.data)
            self.placements.release(kept.key, self.host)
        except Exception:
            log.exception("saving the data of %s as it stopped failed", kept.key)
