"""Each app's data folder has a quota that the backend enforces, not only a largest file.

Where it can (root, ``mkfs.ext4``, loop devices: the isolating backends on a server), the data folder
*is* a small filesystem of its own: a sparse ext4 image beside it (``appdata/.<name>.quota.ext4``, a file,
so backups that copy each app's folder skip it) loop-mounted on ``appdata/<name>`` with ``nodev,nosuid,
noexec``. A write past the quota fails with ENOSPC inside the app and nowhere else; what was written
before stays. The mount outlives the app (the studio, its backups and class reports read the folder in
place); ``mount_all`` mounts every image again after a reboot; ``release`` turns one back into a plain
folder (before the folder is renamed or replaced: a mount point cannot be).

Elsewhere (the local backend, no root, no loop device) a watcher stands in: the app is stopped when its
folder is found over the quota (checked whenever the runner asks whether it is alive, every few
seconds), and is refused a start while it stays over.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import logging
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from flashapps.errors import UserError

__all__ = [
    "DataGuard",
    "QuotaFull",
    "attach",
    "can_mount",
    "detach",
    "image_of",
    "mount_all",
    "release",
    "release_all",
    "unmount_under",
    "usage",
]

log = logging.getLogger(__name__)
MB = 2**20
SUFFIX = ".quota.ext4"
OPTIONS = "loop,nodev,nosuid,noexec"


class QuotaFull(UserError):
    """An app whose data folder is over its quota is not started (where no filesystem bounds it)."""

    def __init__(self, quota_mb: int) -> None:
        super().__init__(
            f"This app's storage is full (over {quota_mb} MB), so it cannot open now. Ask its maker to clear "
            "some of its records.",
            f"这个应用的存储空间已满（超过 {quota_mb} MB），现在无法打开。请联系它的制作者清理部分记录。",
        )


def image_of(folder: Path) -> Path:
    """The image that holds ``folder``'s data when it is mounted."""
    return folder.with_name(f".{folder.name}{SUFFIX}")


def usage(folder: Path) -> int:
    """Bytes on disk under ``folder`` (blocks, so sparse files count what they really take); links not followed."""
    total = 0
    todo = [folder]
    while todo:
        current = todo.pop()
        try:
            entries = list(os.scandir(current))
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            total += info.st_blocks * 512
            if entry.is_dir(follow_symlinks=False):
                todo.append(Path(entry.path))
    return total


def can_mount() -> bool:
    """Whether this machine lets the studio mount a filesystem per app."""
    return (
        os.geteuid() == 0
        and all(shutil.which(tool) for tool in ("mkfs.ext4", "e2fsck", "resize2fs", "mount", "umount"))
        and Path("/dev/loop-control").exists()
    )


class DataGuard:
    """What bounds one app's data folder: its own filesystem (``mounted``), or a watcher (``over``)."""

    def __init__(self, folder: Path, quota_mb: int, mounted: bool, every_s: float = 2.0) -> None:
        self.folder = folder
        self.quota_mb = quota_mb
        self.mounted = mounted
        self.every_s = every_s
        self._checked = 0.0
        self._over = False

    @property
    def mode(self) -> str:
        return "filesystem" if self.mounted else "watcher"

    def over(self, now: bool = False) -> bool:
        """Whether the folder holds more than the quota (looked at no more often than ``every_s``).
        Always False for a mounted folder: its filesystem refuses the write instead."""
        if self.mounted:
            return False
        if now or time.monotonic() - self._checked >= self.every_s:
            self._checked = time.monotonic()
            self._over = usage(self.folder) > self.quota_mb * MB
        return self._over


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """One studio at a time prepares a given data folder (two runners may share a home)."""
    lock = folder.with_name(f".{folder.name}.lock")
    with os.fdopen(os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _run(*argv: str) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True, timeout=60).stdout


def _mounted(folder: Path) -> bool:
    return folder.is_dir() and os.path.ismount(folder)


def _mount(image: Path, at: Path) -> None:
    _run("mount", "-o", OPTIONS, str(image), str(at))
    at.chmod(0o700)  # as a plain data folder: its app's (the backend gives it to the app's user), nobody else's
    with contextlib.suppress(OSError):
        (at / "lost+found").rmdir()  # the app's folder shows only what the app wrote


def _umount(at: Path) -> None:
    _run("umount", str(at))  # a loop device set up by mount is freed with it


def _make(image: Path, size: int, folder: Path) -> None:
    """A fresh image of ``size`` bytes holding what the plain ``folder`` holds (too much: ``QuotaFull``)."""
    partial = image.with_name(image.name + ".partial")
    partial.unlink(missing_ok=True)
    with os.fdopen(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as handle:
        handle.truncate(size)  # sparse: it takes on disk only what the app writes; the studio's alone (0600)
    try:
        _run("mkfs.ext4", "-q", "-F", "-m", "0", "-E", "root_owner=0:0", str(partial))
        if folder.is_dir() and any(folder.iterdir()):
            scratch = Path(tempfile.mkdtemp(prefix="fa-quota-"))
            _mount(partial, scratch)
            try:
                shutil.copytree(folder, scratch, symlinks=True, dirs_exist_ok=True)
            except OSError as error:  # ENOSPC: the data already there is over the quota
                raise QuotaFull(size // MB) from error
            finally:
                _umount(scratch)
                scratch.rmdir()
        partial.rename(image)
    finally:
        partial.unlink(missing_ok=True)
    if folder.is_dir():  # its files are in the image now; beneath the mount they would only take room
        old = folder.with_name(f".{folder.name}.plain-{dt.datetime.now(dt.UTC):%Y%m%d%H%M%S%f}")
        folder.rename(old)
        shutil.rmtree(old, ignore_errors=True)


def _grow(image: Path, size: int) -> None:
    """An unmounted image grows to a larger quota (checked, then resized offline); it never shrinks."""
    if image.stat().st_size >= size:
        return
    with image.open("r+b") as handle:
        handle.truncate(size)
    check = subprocess.run(["e2fsck", "-f", "-p", str(image)], capture_output=True, timeout=120)
    if check.returncode >= 4:  # 1 and 2: errors corrected
        raise OSError(f"e2fsck found errors it could not correct in {image}")
    _run("resize2fs", "-f", str(image))


def _mount_folder(folder: Path, quota_mb: int) -> None:
    size = quota_mb * MB
    image = image_of(folder)
    if _mounted(folder):
        if image.stat().st_size >= size:
            return
        try:
            _umount(folder)  # grown offline below (online resizing is not allowed everywhere)
        except subprocess.CalledProcessError:
            log.warning("%s is in use: its quota grows to %d MB on its next start", folder, quota_mb)
            return
    if image.exists() and folder.is_dir() and any(folder.iterdir()):
        # written while unmounted (a restore put a plain folder back): the plain folder is the newer one
        stale = image.with_name(image.name + ".replaced")
        image.rename(stale)
        try:
            _make(image, max(size, stale.stat().st_size), folder)
        except BaseException:
            stale.rename(image)
            raise
        stale.unlink()
    elif not image.exists():
        _make(image, size, folder)
    else:
        _grow(image, size)
    folder.mkdir(mode=0o700, exist_ok=True)
    _mount(image, folder)


def attach(folder: Path, quota_mb: int, isolated: bool) -> DataGuard:
    """Readies ``folder`` for an app about to start and says what bounds it. An isolating backend mounts
    it as a filesystem of ``quota_mb`` where the machine allows; otherwise (or when mounting fails) the
    watcher bounds it, and a folder already over the quota is refused (``QuotaFull``)."""
    folder = Path(folder)
    folder.parent.mkdir(parents=True, exist_ok=True)
    if isolated and can_mount():
        with _locked(folder):
            try:
                _mount_folder(folder, quota_mb)
                return DataGuard(folder, quota_mb, mounted=True)
            except QuotaFull:
                log.warning("the data of %s is over its quota of %d MB: watched, not mounted", folder, quota_mb)
            except (OSError, subprocess.SubprocessError) as error:
                log.warning("could not mount a %d MB filesystem on %s (%s): watched instead", quota_mb, folder, error)
    folder.mkdir(mode=0o700, exist_ok=True)
    guard = DataGuard(folder, quota_mb, mounted=False)
    if guard.over(now=True):
        raise QuotaFull(quota_mb)
    return guard


def mount_all(root: Path, quota_mb: int) -> list[str]:
    """Mounts every app data image under ``root`` that is not mounted (after a reboot), so that what reads
    the folders in place finds the data. Returns the folder names mounted; never raises."""
    done: list[str] = []
    if not can_mount() or not Path(root).is_dir():
        return done
    for image in sorted(Path(root).glob(f".*{SUFFIX}")):
        folder = image.with_name(image.name[1 : -len(SUFFIX)])
        if _mounted(folder):
            continue
        try:
            with _locked(folder):
                _mount_folder(folder, quota_mb)
            done.append(folder.name)
        except Exception:
            log.exception("could not mount the data of %s", folder)
    return done


def release(folder: Path) -> bool:
    """Turns a mounted data folder back into a plain folder with the same files (and removes its image),
    so that it can be renamed, replaced or deleted. False when it was not mounted. The app must be stopped."""
    folder = Path(folder)
    with _locked(folder):
        if not _mounted(folder):
            return False
        copy = folder.with_name(f".{folder.name}.release")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(folder, copy, symlinks=True)
        _umount(folder)
        folder.rmdir()
        copy.rename(folder)
        image_of(folder).unlink(missing_ok=True)
        return True


def detach(folder: Path) -> bool:
    """Unmounts a data folder whose contents are about to be replaced (a restore), so that it can be renamed;
    its image is kept until the next start finds the plain folder newer and makes a fresh one from it.
    Lazily when the app still holds it (what it writes then is lost with the old data). False when it was
    not mounted."""
    folder = Path(folder)
    with _locked(folder):
        if not _mounted(folder):
            return False
        if subprocess.run(["umount", str(folder)], capture_output=True, timeout=60).returncode != 0:
            _run("umount", "-l", str(folder))
        return True


def release_all(root: Path) -> list[str]:
    """``release`` for every mounted data folder under ``root`` (a test's home, a home being moved)."""
    done = []
    for folder in sorted(Path(root).iterdir()) if Path(root).is_dir() else []:
        if folder.is_dir() and release(folder):
            done.append(folder.name)
    return done


def unmount_under(root: Path) -> int:
    """Unmounts every data filesystem mounted below ``root`` (lazily where one is still in use), without copying
    anything out: for throwaway homes (tests). Never raises; returns how many."""
    prefix = str(Path(root).resolve()).rstrip("/") + "/"
    try:
        lines = Path("/proc/self/mountinfo").read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    targets = [line.split()[4].encode().decode("unicode_escape") for line in lines if len(line.split()) > 4]
    gone = 0
    for target in sorted((t for t in targets if t.startswith(prefix)), key=len, reverse=True):
        for argv in (("umount", target), ("umount", "-l", target)):
            if subprocess.run(argv, capture_output=True, timeout=60).returncode == 0:
                gone += 1
                break
    return gone
