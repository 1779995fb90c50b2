"""One interface for every way of running untrusted code, and what a run returns."""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from io import BufferedReader
from pathlib import Path
from typing import Any, Protocol

from pydantic import BaseModel, ConfigDict

from sandbox.limits import Limits

__all__ = ["ENV_ALLOWED", "Backend", "Head", "RunResult", "app_environment", "run_process", "staged_copy"]


ENV_ALLOWED = frozenset({"PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TERM", "TMPDIR"})
"""The studio's variables an app may see (besides ``LC_*``): what Python and Streamlit need, no secret."""


def app_environment(extra: dict[str, str] | None = None, source: dict[str, str] | None = None) -> dict[str, str]:
    """An app's environment, built from an allow-list and never by copying the studio's: provider keys,
    ``FLASHAPPS_*`` settings and anything else the studio was given stay out. ``extra`` is what the backend
    gives the app itself (``FLASHAPP_DATA_DIR`` ...)."""
    source = dict(os.environ) if source is None else source
    env = {k: v for k, v in source.items() if k in ENV_ALLOWED or k.startswith("LC_")}
    env.setdefault("PATH", "/usr/local/bin:/usr/bin:/bin")
    env.setdefault("LANG", "C.UTF-8")
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return {**env, **(extra or {})}


class RunResult(BaseModel):
    """How a sandboxed command ended. Data, not exceptions: only broken infrastructure raises."""

    model_config = ConfigDict(extra="forbid")

    backend: str
    exit_code: int | None
    stdout: str = ""
    stderr: str = ""
    timed_out: bool = False
    oom_killed: bool = False
    truncated: bool = False
    start_s: float = 0.0
    run_s: float = 0.0


class Backend(Protocol):
    name: str
    isolated: bool
    app_dir: str
    python: str
    checker: str
    ini: str

    def available(self) -> bool: ...

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult: ...


class Head:
    """The first ``limit_kb`` of a stream, fed as it arrives, and whether more came after it.

    Output is read while the command runs, so an endless printer costs neither memory here nor
    the head of its output (a log that rotates would keep only its newest lines)."""

    def __init__(self, limit_kb: int) -> None:
        self.limit = limit_kb * 1024
        self.data = bytearray()
        self.cut = False

    def feed(self, chunk: bytes | None) -> None:
        if not chunk:
            return
        room = self.limit - len(self.data)
        if room > 0:
            self.data += chunk[:room]
        if len(chunk) > room:
            self.cut = True

    def text(self) -> str:
        return self.data.decode("utf-8", errors="replace")


def _pump(pipe: BufferedReader, head: Head) -> None:
    with pipe:
        while chunk := pipe.read1(65536):
            head.feed(chunk)


def run_process(backend: str, command: list[str], limits: Limits, **popen: Any) -> RunResult:
    """Run ``command`` in its own session, reading both pipes as they fill; killed (the whole group)
    at the wall clock. The local and bubblewrap backends both end here."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, start_new_session=True,
        **popen,
    )  # fmt: skip
    out, err = Head(limits.output_cap_kb), Head(limits.output_cap_kb)
    assert process.stdout is not None and process.stderr is not None
    pipes = ((process.stdout, out), (process.stderr, err))
    readers = [threading.Thread(target=_pump, args=pair, daemon=True) for pair in pipes]
    for reader in readers:
        reader.start()
    try:
        process.wait(timeout=limits.timeout_s)
        timed_out = False
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        timed_out = True
    for reader in readers:
        reader.join(timeout=5)  # a grandchild that left the group may hold a pipe: not waited for
    return RunResult(
        backend=backend,
        exit_code=None if timed_out else process.returncode,
        stdout=out.text(),
        stderr=err.text(),
        timed_out=timed_out,
        truncated=out.cut or err.cut,
        run_s=time.perf_counter() - began,
    )


@contextmanager
def staged_copy(bundle: Path) -> Iterator[Path]:
    """A world-readable copy of the bundle (no data folder, no caches, symlinks not followed)."""
    scratch = Path(tempfile.mkdtemp(prefix="flashapps-run-"))
    try:
        target = scratch / "app"
        shutil.copytree(
            bundle, target, symlinks=True, ignore=shutil.ignore_patterns("data", "__pycache__", ".pytest_cache")
        )
        for path in [scratch, *target.rglob("*"), target]:
            if path.is_symlink():
                path.unlink()  # the policy reports it; the sandbox never sees it
                continue
            mode = path.stat().st_mode
            path.chmod(0o755 if stat.S_ISDIR(mode) else 0o644)
        yield target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
