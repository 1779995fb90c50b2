"""The model server in a child process on 127.0.0.1: started on demand, stopped when idle and at exit."""

from __future__ import annotations

import atexit
import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import weakref
from collections.abc import Iterator
from pathlib import Path

from flashapps.errors import UserError
from flashapps.settings import Settings
from generator.localmodel.installs import install
from generator.localmodel.models import LocalModelSettings

__all__ = ["LocalServer", "auto_threads", "shared_server"]

log = logging.getLogger("generator.localmodel")

_LIVE: weakref.WeakSet[LocalServer] = weakref.WeakSet()


def _stop_all() -> None:
    for server in list(_LIVE):
        server.stop()


atexit.register(_stop_all)


def auto_threads(limit: int = 8) -> int:
    """Threads for the model server: the cores that are free, one always left to everything else.

    llama.cpp's threads wait for each other at every step of every token, so one thread that the
    system deschedules stalls them all: on two cores with other work running, two threads made
    1-2 tokens/s where one thread made 7-20 (measured here). Hence never every core, and fewer
    when the load average says other programs are busy.
    """
    cores = min(len(os.sched_getaffinity(0)), limit + 1)
    return max(1, min(cores - 1, cores - int(os.getloadavg()[0] + 0.5)))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """The model server in a child process on 127.0.0.1; started on demand, always stopped.

    ``ctx`` tokens of context for each of ``slots`` request slots (the local provider sends each
    stage to its own slot, whose prompt cache then serves that stage of the next idea).

    ``with LocalServer(path) as url:`` starts it and stops it. ``use()`` starts it when needed and
    keeps it from idling out while a request runs; ``idle_minutes`` after the last use it stops
    (the next ``use()`` starts it again). ``atexit`` stops whatever is still running.
    """

    def __init__(
        self,
        model: Path,
        *,
        ctx: int = 4096,
        threads: int = 0,
        slots: int = 6,
        idle_minutes: float | None = 10.0,
        start_timeout_s: float = 120.0,
        log_dir: Path | None = None,
    ) -> None:
        self.model = Path(model)
        self.ctx, self.threads, self.slots = ctx, threads, slots
        self.idle_s = idle_minutes * 60 if idle_minutes else None
        self.start_timeout_s = start_timeout_s
        self.log_dir = log_dir
        self.started_s = 0.0
        self.starts = 0
        self.threads_used = threads
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._log: Path | None = None
        self._lock = threading.RLock()
        self._busy = 0
        self._timer: threading.Timer | None = None
        _LIVE.add(self)

    def __repr__(self) -> str:
        return f"LocalServer(model={self.model.name!r}, url={self.url!r})"

    @property
    def url(self) -> str | None:
        """The OpenAI-compatible base URL (``…/v1``) while running, else None."""
        return f"http://127.0.0.1:{self._port}/v1" if self.alive else None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> str:
        """Starts the child (if not running) and returns its base URL once ``/health`` answers."""
        with self._lock:
            if self.alive and self.url:
                return self.url
            self.stop()
            if not self.model.is_file():
                raise UserError(
                    f"No model file at {self.model}. Run `flashapps models install local-small` first.",
                    f"{self.model} 处没有模型文件。请先运行 `flashapps models install local-small`。",
                )
            began = time.perf_counter()
            for _ in range(3):  # another program may take the free port before the child binds it
                if self._launch():
                    break
            else:
                raise UserError(
                    f"The local model server could not bind a port on 127.0.0.1: {self._tail()}",
                    f"本地模型服务无法在 127.0.0.1 上绑定端口：{self._tail()}",
                )
            self.started_s = time.perf_counter() - began
            self.starts += 1
            log.info(
                "local model server %s up in %.1f s at %s (%d threads)",
                self.model.name, self.started_s, self.root, self.threads_used,
            )  # fmt: skip
            self._arm()
            return f"{self.root}/v1"

    def _launch(self) -> bool:
        """One try: True when healthy, False when the port was taken; raises on other failures."""
        self._port = _free_port()
        folder = self.log_dir or Settings().home / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        self._log = folder / f"localmodel-{self._port}.log"
        command = [sys.executable, "-m", "generator.localmodel.llama_main", "--model", str(self.model)]
        self.threads_used = self.threads or auto_threads()
        command += ["--port", str(self._port), "--ctx", str(self.ctx), "--threads", str(self.threads_used)]
        command += ["--slots", str(self.slots), "--parent", str(os.getpid())]
        with self._log.open("wb") as sink:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = self._tail()
                self._reap()
                if "bind" in tail.lower() or "address already in use" in tail.lower():
                    return False
                raise UserError(
                    f"The local model server stopped while starting (exit {self._process.returncode}): {tail}",
                    f"本地模型服务在启动时退出（退出码 {self._process.returncode}）：{tail}",
                )
            if self._healthy():
                return True
            time.sleep(0.2)
        self._kill()
        raise UserError(
            f"The local model server did not answer /health within {self.start_timeout_s:.0f} s; it was stopped. "
            f"Raise FLASHAPPS_LOCAL_START_TIMEOUT_S or see {self._log}.",
            f"本地模型服务在 {self.start_timeout_s:.0f} 秒内没有响应 /health，已停止。"
            f"请调大 FLASHAPPS_LOCAL_START_TIMEOUT_S，或查看 {self._log}。",
        )

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.root}/health", timeout=2) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def _tail(self) -> str:
        try:
            text = self._log.read_text(encoding="utf-8", errors="replace") if self._log else ""
        except OSError:
            text = ""
        return " ".join(text.strip().splitlines()[-5:])[-600:] or "(no output)"

    def stop(self) -> None:
        """Stops the child and its process group: SIGTERM, then SIGKILL after 10 s. Safe to repeat."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._process is None:
                return
            if self._process.poll() is None:
                self._signal(signal.SIGTERM)
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._kill()
            self._reap()

    def _kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._signal(signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=10)
        self._reap()

    def _signal(self, sig: int) -> None:
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, sig)  # the child leads its own group (start_new_session)

    def _reap(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            self._process = None

    # -- use and idling ----------------------------------------------------------------------
    @contextlib.contextmanager
    def use(self) -> Iterator[str]:
        """The base URL, the server started if needed and kept from idling out until the block ends."""
        with self._lock:
            url = self.start()
            self._busy += 1
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        try:
            yield url
        finally:
            with self._lock:
                self._busy -= 1
                self._arm()

    def _arm(self) -> None:
        if self.idle_s is None or self._busy:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.idle_s, self._idle)
        self._timer.daemon = True
        self._timer.start()

    def _idle(self) -> None:
        with self._lock:
            if not self._busy:
                log.info("local model server idle for %.0f s: stopping it", self.idle_s or 0)
                self.stop()

    # -- helpers for measuring ---------------------------------------------------------------
    def tokens(self, text: str) -> int:
        """How many tokens ``text`` is for this model (the server's ``/tokenize``)."""
        request = urllib.request.Request(
            f"{self.root}/tokenize",
            data=json.dumps({"content": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return len(json.loads(answer.read())["tokens"])


_SHARED: dict[tuple[str, int, int], LocalServer] = {}
_SHARED_LOCK = threading.Lock()


def shared_server(settings: LocalModelSettings | None = None, *, model: str | None = None) -> LocalServer:
    """The process's one server for the configured model (installed first if needed; not started)."""
    settings = settings or LocalModelSettings()
    name = model or settings.local_model
    path = install(name, models_dir=settings.models_dir, download=False)  # a download is `flashapps models install`
    key = (str(path), settings.local_ctx, settings.local_threads)
    with _SHARED_LOCK:
        server = _SHARED.get(key)
        if server is None:
            server = LocalServer(
                path,
                ctx=settings.local_ctx,
                threads=settings.local_threads,
                idle_minutes=settings.local_idle_minutes,
                start_timeout_s=settings.local_start_timeout_s,
            )
            _SHARED[key] = server
        return server
