"""Serving an app (a long-running Streamlit behind a unix socket), shared by every backend.

A backend's ``serve(ServeRequest) -> Served`` starts ``relay.py`` (see ``sandbox/inside/relay.py``)
in its sandbox with the app's code read-only, its data folder read-write and the socket
folder read-write; the relay starts Streamlit and copies bytes from the socket to it.
``Served`` says whether it is still alive, how much memory it uses, and stops it (idempotent).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import IO, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field

from flashapps.files import private_tree
from sandbox.backends.quota import DataGuard, mount_all
from sandbox.limits import SERVE_LIMITS, Limits

__all__ = [
    "RELAY",
    "ProcessServed",
    "SOCKET_NAME",
    "ServeRequest",
    "Served",
    "ServeDirs",
    "drain_capped",
    "over_quota",
    "own_tree",
    "relay_args",
    "prepare",
    "serve_limits",
    "tree_rss",
]

RELAY = Path(__file__).resolve().parents[1] / "inside" / "relay.py"
"""The relay script every backend mounts read-only (standard library only)."""

log = logging.getLogger(__name__)
SOCKET_NAME = "app.sock"
_SKIP = shutil.ignore_patterns("data", "__pycache__", ".pytest_cache", ".ruff_cache", "tests")


class ServeRequest(BaseModel):
    """One app to serve: its code (copied, read-only inside), data folder and URL base path."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str = Field(description="the URL name, e.g. 'abc123' or 'draft-0a1b2c'")
    code: Path = Field(description="the bundle folder (app.py ...); a copy is what runs")
    data: Path = Field(description="read-write data folder, FLASHAPP_DATA_DIR inside; kept across restarts")
    base_path: str = Field(description="Streamlit's server.baseUrlPath, e.g. 'apps/abc123'")
    limits: Limits = Field(default_factory=Limits)
    data_quota_mb: int = Field(default_factory=lambda: _quota_mb(), ge=1, description="the data folder's quota")


def _quota_mb() -> int:
    from flashapps.settings import Settings

    return Settings().data_quota_mb


class Served(Protocol):
    """A running app."""

    socket: Path
    backend: str

    def alive(self) -> bool: ...

    def stop(self) -> None: ...

    def memory_bytes(self) -> int | None: ...

    def logs(self) -> str: ...


def prepare(backend: Any) -> None:
    """Readies a serving backend before the first visit (the image, bubblewrap's runtime) and removes
    app containers a crashed studio left (labelled with a process that is gone). Never raises: the
    first app start tries again and reports what is wrong."""
    if backend.name.startswith("docker"):
        from sandbox.backends.docker_backend import remove_leftovers

        with contextlib.suppress(Exception):
            remove_leftovers(backend.client, backend.instance)
    try:
        getattr(backend, "image" if backend.name.startswith("docker") else "site", None)
    except Exception:
        log.exception("preparing the %s backend failed; the first app start tries again", backend.name)
    if getattr(backend, "isolated", False):  # data folders mounted again after a reboot, before anyone reads them
        from flashapps.settings import home_folder

        with contextlib.suppress(Exception):
            mount_all(home_folder() / "appdata", _quota_mb())


def over_quota(guard: DataGuard | None) -> bool:
    """Whether a watched data folder went over its quota (the app is then stopped, and refused while over)."""
    if guard is None or not guard.over():
        return False
    log.warning("stopping the app on %s: its data is over the %d MB quota", guard.folder, guard.quota_mb)
    return True


def serve_limits(
    memory_mb: int = SERVE_LIMITS.memory_mb, cpus: float = SERVE_LIMITS.cpus, pids: int = SERVE_LIMITS.pids
) -> Limits:
    """``SERVE_LIMITS`` with the memory, CPU and process limits the runner's settings choose."""
    return SERVE_LIMITS.model_copy(update={"memory_mb": memory_mb, "cpus": cpus, "pids": pids})


class ServeDirs:
    """A short scratch folder per start (unix socket paths must stay under 108 bytes):
    ``app/`` a world-readable copy of the code, ``sock/`` for the socket; removed on ``cleanup``."""

    def __init__(self, code: Path, owner: tuple[int, int] | None) -> None:
        self.owner = owner
        self.root = Path(tempfile.mkdtemp(prefix="fa-"))
        self.root.chmod(0o755)
        self.app = self.root / "app"
        shutil.copytree(code, self.app, symlinks=True, ignore=_SKIP)
        for path in [self.app, *self.app.rglob("*")]:
            if path.is_symlink():
                path.unlink()
                continue
            path.chmod(0o755 if stat.S_ISDIR(path.stat().st_mode) else 0o644)
        self.sock = self.root / "sock"
        self.sock.mkdir(mode=0o700)
        if owner is not None:
            os.chown(self.sock, *owner)

    @property
    def socket(self) -> Path:
        return self.sock / SOCKET_NAME

    def add_relay(self, data: Path) -> Path:
        """Gives the data folder to the app's user and puts a readable copy of the relay beside the code."""
        own_tree(data, self.owner)
        relay = self.root / "relay.py"
        shutil.copyfile(RELAY, relay)
        relay.chmod(0o644)
        return relay

    def cleanup(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)


def own_tree(folder: Path, owner: tuple[int, int] | None) -> None:
    """Creates ``folder`` and, when running as root, gives it (and what is in it) to ``owner``."""
    folder.mkdir(parents=True, exist_ok=True)
    private_tree(folder)  # folders 0700, files 0600: only the app's own user reads its data
    if owner is None or os.geteuid() != 0:
        return
    for path in [folder, *folder.rglob("*")]:
        os.chown(path, *owner, follow_symlinks=False)


def relay_args(python: str, relay: str, socket: str, app: str, base_path: str) -> list[str]:
    return [python, relay, "--socket", socket, "--app", app, "--base", base_path]


def tree_rss(pid: int) -> int | None:
    """Resident memory of a process and all its descendants, from /proc (bytes)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            statm = (entry / "statm").read_text().split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry.name))
        rss[int(entry.name)] = int(statm[1]) * page
    if pid not in rss:
        return None
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


APP_LOG_BYTES = 1024 * 1024
"""An app's log (app.log) keeps at most this much: once full, the newest half is kept."""


def drain_capped(source: IO[bytes], path: Path, cap: int = APP_LOG_BYTES) -> None:
    """Copies a child's output into ``path`` until it ends, the file never growing past ``cap`` bytes."""
    with source, path.open("w+b") as log:
        for chunk in iter(lambda: source.read1(65536), b""):  # type: ignore[attr-defined]
            if log.tell() + len(chunk) > cap:
                log.seek(0)
                kept = (log.read() + chunk)[-(cap // 2) :]
                log.seek(0)
                log.truncate()
                chunk = kept
            log.write(chunk)
            log.flush()


class ProcessServed:
    """An app served by a child process group (local and bubblewrap backends)."""

    def __init__(
        self, backend: str, argv: list[str], dirs: ServeDirs, guard: DataGuard | None = None, **popen: object
    ) -> None:
        self.backend = backend
        self.dirs = dirs
        self.guard = guard
        self.socket = dirs.socket
        self._log = dirs.root / "app.log"
        self.process = subprocess.Popen(  # type: ignore[call-overload]
            argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            **popen,
        )  # fmt: skip
        threading.Thread(target=drain_capped, args=(self.process.stdout, self._log), daemon=True).start()

    def alive(self) -> bool:
        if self.process.poll() is not None:
            return False
        if over_quota(self.guard):
            self.stop()
            return False
        return True

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=3)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)  # anything the group left behind
        self.dirs.cleanup()

    def memory_bytes(self) -> int | None:
        return tree_rss(self.process.pid) if self.alive() else None

    def logs(self) -> str:
        try:
            return self._log.read_bytes()[-8000:].decode("utf-8", errors="replace")
        except OSError:
            return ""
