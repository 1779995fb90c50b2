"""``AppRunner``: published apps and studio previews, each in the sandbox, started on first visit.

An app is known by its URL name (``/apps/<key>/``): a gallery slug (its latest version),
``<slug>--v<n>`` (one version), or ``draft-<project id>`` (a studio project's latest version).
``ensure(key)`` starts it when it is not running (or runs older code than the target now names)
and returns its unix socket once Streamlit answers its health check through it. Every visitor of
one URL name shares that one sandboxed Streamlit process (a session each). A reaper thread
stops apps idle for ``idle_seconds`` with no tab open, apps that died (restarted on the next
visit), and gallery apps that are no longer public.

At most ``capacity`` run at once (``max_running``, or else as many as the machine's memory holds
at each app's memory limit). A start stops the least recently used idle app, or is refused
(``RunnerBusy``) when every running app is in use. Idle means real idleness: nothing but
Streamlit's own heartbeats came from its visitors for ``evict_idle_s`` (an open tab alone holds
no place), or no tab is open and ``busy_grace_s`` has passed. The proxy reports use (``used``);
an evicted app's tab reconnects when a place is free, or its next page load makes room.
Thread-safe; blocking (call it from a thread in async code). Nothing here imports Streamlit.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from flashapps.files import folder_digest
from flashapps.settings import home_folder
from gallery.errors import UserError
from sandbox.backends.serve import Served, ServeRequest, serve_limits
from sandbox.limits import SERVE_LIMITS
from studio.serving.errors import AppNotServed, AppStartFailed, RunnerBusy, RunnerUnavailable

__all__ = [
    "AppNotServed",
    "AppRunner",
    "AppStartFailed",
    "RunnerBusy",
    "RunnerSettings",
    "RunnerUnavailable",
    "Target",
    "app_path",
    "valid_key",
]

log = logging.getLogger(__name__)
_KEY = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


class RunnerSettings(BaseSettings):
    """``FLASHAPPS_RUNNER_*`` variables."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_RUNNER_", extra="ignore")

    backend: Literal["auto", "docker", "bubblewrap", "local"] | None = Field(
        default=None, description="empty: the sandbox's choice (FLASHAPPS_SANDBOX_BACKEND)"
    )
    idle_seconds: float = Field(default=600, gt=0, description="an app nobody used for this long is stopped")
    max_running: int | None = Field(
        default=None, ge=1, description="apps running at once; empty: as many as the machine's memory holds"
    )
    evict_idle_s: float = Field(
        default=60, gt=0, description="an app whose visitors sent nothing for this long may make room, tabs open or not"
    )
    queue_wait_s: float = Field(default=60, ge=0, description="how long a page load waits for a place when full")
    queue_retry_s: float = Field(default=3, gt=0, description="how often a waiting page tries again")
    start_timeout_s: float = Field(default=30, gt=0, description="how long an app may take to answer")
    busy_grace_s: float = Field(default=2, ge=0, description="an app used this recently is never evicted")
    memory_mb: int = Field(default=SERVE_LIMITS.memory_mb, ge=64, description="memory per app (Docker: the whole app)")
    cpus: float = Field(default=SERVE_LIMITS.cpus, gt=0, description="CPU quota per app, in cores (Docker)")
    pids: int = Field(default=SERVE_LIMITS.pids, ge=16, description="processes and threads per app")
    reap_every_s: float = Field(default=5, gt=0, description="how often idle, dead and hidden apps are looked for")


@dataclass(frozen=True)
class Target:
    """What a URL name serves now: the code folder, its content hash (flashapps.files), and the data folder's name."""

    key: str
    code: Path
    fingerprint: str
    data_key: str


def valid_key(key: str) -> bool:
    return bool(_KEY.match(key))


def app_path(key: str) -> str:
    """The address of an app on the studio's own host: ``/apps/<key>/``."""
    if not valid_key(key):
        raise ValueError(f"not an app name: {key!r}")
    return f"/apps/{key}/"


@dataclass
class _Entry:
    target: Target
    served: Served | None = None
    state: Literal["starting", "running"] = "starting"
    last_used: float = field(default_factory=time.monotonic)
    sockets_open: int = 0
    started_s: float = 0.0


Resolver = Callable[[str], Target]
_MB = 2**20


def memory_capacity(memory_mb: int, meminfo: Path = Path("/proc/meminfo")) -> int:
    """How many apps fit in three quarters of the machine's memory at ``memory_mb`` each (at least 2, at most
    256; 4 where the memory is unknown)."""
    try:
        words = meminfo.read_text(encoding="utf-8").split()
        total = int(words[words.index("MemTotal:") + 1]) * 1024
    except (OSError, ValueError, IndexError):
        try:
            total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
        except (OSError, ValueError):
            return 4
    return max(2, min(256, int(total * 0.75) // (memory_mb * _MB)))


def _healthy(path: Path, key: str) -> bool:
    """Whether Streamlit answers its health check through the app's socket (one HTTP/1.0 request)."""
    request = f"GET /apps/{key}/_stcore/health HTTP/1.0\r\nHost: app\r\n\r\n".encode()
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            probe.settimeout(2)
            probe.connect(str(path))
            probe.sendall(request)
            head = probe.recv(64)
    except OSError:
        return False
    return head.startswith((b"HTTP/1.0 200", b"HTTP/1.1 200"))


class AppRunner:
    """Starts, stops and bounds the running apps; see the module's documentation."""

    def __init__(
        self,
        resolve: Resolver,
        *,
        settings: RunnerSettings | None = None,
        backend: object | None = None,
        still_served: Callable[[str], bool] | None = None,
        home: Path | None = None,
    ) -> None:
        self.settings = settings or RunnerSettings()
        self.resolve = resolve
        self.still_served = still_served
        self.home = Path(home) if home else home_folder()
        self._backend = backend
        self._lock = threading.Lock()
        self._key_locks: dict[str, threading.Lock] = {}
        self._apps: dict[str, _Entry] = {}
        self._stop_event = threading.Event()
        self._reaper: threading.Thread | None = None
        self.cold_starts: list[tuple[str, float]] = []

    # -- the backend ----------------------------------------------------------------------
    @property
    def backend(self) -> object:
        if self._backend is None:
            from sandbox.verify import SandboxUnavailable, get_backend

            try:
                self._backend = get_backend(self.settings.backend)
            except SandboxUnavailable as exc:
                raise RunnerUnavailable(str(exc)) from None
        return self._backend

    @property
    def capacity(self) -> int:
        """Apps that may run at once: the setting, or what the machine's memory holds."""
        if self.settings.max_running is not None:
            return self.settings.max_running
        return memory_capacity(self.settings.memory_mb)

    @property
    def backend_name(self) -> str:
        return str(getattr(self.backend, "name", "?"))

    # -- visiting ---------------------------------------------------------------------------
    def running(self) -> dict[str, str]:
        """URL name -> socket path of every app that is up now."""
        with self._lock:
            return {k: str(e.served.socket) for k, e in self._apps.items() if e.state == "running" and e.served}

    def served(self, key: str) -> Served | None:
        """The running sandbox of ``key`` (to measure it, or to stop it from outside)."""
        with self._lock:
            entry = self._apps.get(key)
            return entry.served if entry is not None and entry.state == "running" else None

    def touch(self, key: str) -> None:
        """A visitor used ``key`` (a request, or a message other than a heartbeat on its WebSocket)."""
        with self._lock:
            entry = self._apps.get(key)
            if entry is not None:
                entry.last_used = time.monotonic()

    @contextlib.contextmanager
    def socket_open(self, key: str) -> Iterator[None]:
        """Marks an open WebSocket: the app is in use (never idle, never evicted) while it lasts."""
        with self._lock:
            entry = self._apps.get(key)
            if entry is not None:
                entry.sockets_open += 1
        try:
            yield
        finally:
            with self._lock:
                if entry is not None:
                    entry.sockets_open -= 1
                    entry.last_used = time.monotonic()

    def current(self, key: str) -> Path | None:
        """The socket of ``key`` when it runs, without checking the target again (assets, health)."""
        with self._lock:
            entry = self._apps.get(key)
            if entry is not None and entry.state == "running" and entry.served is not None:
                entry.last_used = time.monotonic()
                return entry.served.socket
        return None

    used = touch

    def ensure(self, key: str, evict_open: bool = True) -> Path:
        """The socket of ``key``, started (or restarted on new code) when needed.

        ``evict_open=False`` (a tab reconnecting by itself) makes room only from apps with no tab open,
        so that evicted tabs do not evict each other in turn.
        Raises ``AppNotServed``, ``RunnerBusy``, ``AppStartFailed`` or ``RunnerUnavailable``."""
        if not valid_key(key):
            raise AppNotServed(key)
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            try:
                target = self.resolve(key)
            except LookupError:
                self.stop(key)
                with self._lock:
                    self._key_locks.pop(key, None)  # unknown names do not pile up
                raise AppNotServed(key) from None
            with self._lock:
                entry = self._apps.get(key)
                if entry is not None and entry.state == "running" and entry.target.fingerprint == target.fingerprint:
                    entry.last_used = time.monotonic()
                    assert entry.served is not None
                    return entry.served.socket
            if entry is not None:
                self.stop(key)
            return self._start(target, evict_open)

    def forget_dead(self, key: str) -> bool:
        """Stops ``key`` when its sandbox has ended (a crash); True when it had. The next visit restarts it."""
        with self._lock:
            entry = self._apps.get(key)
        if entry is None or entry.served is None or entry.served.alive():
            return False
        log.warning("app %s ended on its own; restarting it on the next visit", key)
        self.stop(key)
        return True

    # -- starting ---------------------------------------------------------------------------
    def _idle(self, entry: _Entry, now: float, evict_open: bool) -> bool:
        """Whether ``entry`` may be stopped to make room (see the module)."""
        if entry.state != "running":
            return False
        quiet = now - entry.last_used
        if entry.sockets_open == 0:
            return quiet >= self.settings.busy_grace_s
        return evict_open and quiet >= self.settings.evict_idle_s

    def _make_room(self, key: str, evict_open: bool = True) -> None:
        """Reserves a slot for ``key``, stopping the least recently used idle app when full."""
        capacity = self.capacity
        with self._lock:
            active = {k: e for k, e in self._apps.items() if k != key}
            if len(active) < capacity:
                self._apps[key] = _Entry(target=Target(key, Path(), "", key))
                return
            now = time.monotonic()
            idle = [(e.last_used, k) for k, e in active.items() if self._idle(e, now, evict_open)]
            if not idle:
                raise RunnerBusy(len(active))
            victim = min(idle)[1]
            evicted = self._apps.pop(victim)
            self._apps[key] = _Entry(target=Target(key, Path(), "", key))
        log.info("stopping %s (idle, least recently used) to start %s", victim, key)
        self._halt(evicted)

    def _start(self, target: Target, evict_open: bool = True) -> Path:
        self._make_room(target.key, evict_open)
        began = time.perf_counter()
        served: Served | None = None
        try:
            if folder_digest(target.code) != target.fingerprint:
                log.warning("refusing %s: its files differ from the ones that were checked", target.key)
                raise AppStartFailed(target.key, "its files are not the ones that were checked")
            backend = self.backend
            request = ServeRequest(
                key=target.key,
                code=target.code,
                data=self.home / "appdata" / target.data_key,
                base_path=f"apps/{target.key}",
                limits=serve_limits(self.settings.memory_mb, self.settings.cpus, self.settings.pids),
            )
            try:
                served = backend.serve(request)  # type: ignore[attr-defined]
            except UserError:
                raise
            except Exception as error:  # the Docker SDK's errors, a missing image: broken infrastructure
                log.exception("the %s backend could not start %s", self.backend_name, target.key)
                raise AppStartFailed(target.key, "the sandbox could not start it") from error
            assert served is not None
            with self._lock:
                self._apps[target.key].served = served
            self._wait_healthy(target.key, served)
        except BaseException:
            with self._lock:
                self._apps.pop(target.key, None)
            if served is not None:
                served.stop()
            raise
        took = time.perf_counter() - began
        with self._lock:
            entry = self._apps[target.key]
            entry.target, entry.state, entry.started_s = target, "running", took
            entry.last_used = time.monotonic()
            self.cold_starts.append((target.key, took))
        log.info("started %s on %s in %.2f s", target.key, served.backend, took)
        return served.socket

    def _wait_healthy(self, key: str, served: Served) -> None:
        deadline = time.monotonic() + self.settings.start_timeout_s
        while time.monotonic() < deadline:
            if not served.alive():
                log.warning("app %s ended while starting:\n%s", key, served.logs())
                raise AppStartFailed(key, "it ended while starting")
            if _healthy(served.socket, key):
                return
            time.sleep(0.05)
        log.warning("app %s did not answer in time:\n%s", key, served.logs())
        raise AppStartFailed(key, f"no answer within {self.settings.start_timeout_s:.0f} s")

    # -- stopping ---------------------------------------------------------------------------
    @staticmethod
    def _halt(entry: _Entry) -> None:
        if entry.served is not None:
            try:
                entry.served.stop()
            except Exception:
                log.exception("stopping %s failed", entry.target.key)

    def stop(self, key: str) -> bool:
        with self._lock:
            entry = self._apps.pop(key, None)
        if entry is None:
            return False
        self._halt(entry)
        return True

    def stop_all(self) -> None:
        """Stops the reaper and every app (the server's shutdown)."""
        self._stop_event.set()
        if self._reaper is not None and self._reaper is not threading.current_thread():
            self._reaper.join(timeout=10)
        with self._lock:
            entries = list(self._apps.values())
            self._apps.clear()
        for entry in entries:
            self._halt(entry)

    def reap(self) -> list[str]:
        """One sweep: stops dead, idle and no-longer-public apps; returns their names."""
        now = time.monotonic()
        with self._lock:
            running = [(k, e) for k, e in self._apps.items() if e.state == "running"]
        stopped = []
        for key, entry in running:
            idle = entry.sockets_open == 0 and now - entry.last_used >= self.settings.idle_seconds
            dead = entry.served is not None and not entry.served.alive()
            hidden = self.still_served is not None and not self._served(key)
            if idle or dead or hidden:
                why = "idle" if idle else "ended on its own" if dead else "no longer public"
                log.info("stopping %s (%s)", key, why)
                with self._lock:
                    if self._apps.get(key) is entry:
                        self._apps.pop(key)
                    else:
                        continue
                self._halt(entry)
                stopped.append(key)
        return stopped

    def _served(self, key: str) -> bool:
        assert self.still_served is not None
        try:
            return self.still_served(key)
        except Exception:
            log.exception("checking whether %s is still public failed", key)
            return True

    def start_reaper(self) -> None:
        if self._reaper is not None:
            return
        every = min(self.settings.reap_every_s, max(self.settings.idle_seconds / 4, 0.2))

        def loop() -> None:
            while not self._stop_event.wait(every):
                try:
                    self.reap()
                except Exception:
                    log.exception("the reaper failed once")

        self._reaper = threading.Thread(target=loop, name="flashapps-reaper", daemon=True)
        self._reaper.start()

    def stats(self) -> dict[str, dict[str, object]]:
        """Per running app: backend, seconds it took to start, memory in bytes (None when unknown)."""
        with self._lock:
            running = {k: e for k, e in self._apps.items() if e.state == "running" and e.served is not None}
        return {
            k: {"backend": e.served.backend, "start_s": e.started_s, "memory": e.served.memory_bytes()}  # type: ignore[union-attr]
            for k, e in running.items()
        }
