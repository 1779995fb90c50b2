"""One interface for every way of running untrusted code, and what a run returns."""

from __future__ import annotations

import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from sandbox.limits import Limits

__all__ = ["Backend", "RunResult", "cap", "staged_copy"]


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
    runner: str
    ini: str

    def available(self) -> bool: ...

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult: ...


def cap(data: bytes, limit_kb: int) -> tuple[str, bool]:
    """At most ``limit_kb`` of output, decoded; the head is kept, and whether it was cut."""
    limit = limit_kb * 1024
    return data[:limit].decode("utf-8", errors="replace"), len(data) > limit


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
