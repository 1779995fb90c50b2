"""``verify(bundle) -> VerifyReport``: policy on the host, then ruff and pytest in the sandbox.

The bundle cannot weaken its checks: files our templates never render are policy findings,
ruff runs with our settings only (``--isolated``, ``noqa`` ignored) and pytest with our own
ini file. What the app did wrong is a report; only broken infrastructure raises.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

from flashapps.policy import check_bundle
from flashapps.report import Finding, TestResult, VerifyReport
from sandbox.backends.base import Backend, RunResult, staged_copy
from sandbox.limits import Limits, SandboxSettings
from sandbox.ruff import ruff_check_args, ruff_format_args

__all__ = ["SandboxUnavailable", "get_backend", "verify"]

_MARK = "FLASHAPPS-REPORT:"
_SLOTS: dict[int, threading.BoundedSemaphore] = {}
_SLOTS_LOCK = threading.Lock()


class SandboxUnavailable(RuntimeError):
    """No backend can run bundles here (broken infrastructure, not a bundle problem)."""


def get_backend(name: str | None = None, settings: SandboxSettings | None = None) -> Backend:
    """The backend called ``name``, or with ``auto`` Docker when an engine answers, else bubblewrap."""
    from sandbox.backends.bubblewrap import BubblewrapBackend
    from sandbox.backends.docker_backend import DockerBackend
    from sandbox.backends.local import LocalBackend

    settings = settings or SandboxSettings()
    name = name or settings.backend
    if name == "local":
        if not settings.allow_local:
            raise SandboxUnavailable(
                "the local backend runs bundles unisolated; set FLASHAPPS_SANDBOX_ALLOW_LOCAL=1 to use it"
            )
        return LocalBackend()
    candidates: list[Backend] = []
    if name in ("auto", "docker"):
        candidates.append(DockerBackend(runtime=settings.runtime))
    if name in ("auto", "bubblewrap"):
        candidates.append(BubblewrapBackend(settings))
    for backend in candidates:
        if backend.available():
            return backend
    raise SandboxUnavailable(
        f"no sandbox backend is available ({name}): start a Docker engine, or install bubblewrap "
        "(apt-get install -y bubblewrap)"
    )


def _slot(settings: SandboxSettings) -> threading.BoundedSemaphore:
    with _SLOTS_LOCK:
        return _SLOTS.setdefault(settings.max_parallel, threading.BoundedSemaphore(settings.max_parallel))


def _report(backend: Backend, run: RunResult, findings: list[Finding], took: float) -> VerifyReport:
    line = next((ln for ln in reversed(run.stdout.splitlines()) if ln.startswith(_MARK)), None)
    note = "" if backend.isolated else "NOT ISOLATED: the local backend is for development only."
    base = {"backend": backend.name, "isolated": backend.isolated, "timed_out": run.timed_out}
    if line is None:
        why = (
            "timed out (killed from outside)"
            if run.timed_out
            else "ran out of memory"
            if run.oom_killed
            else f"the sandbox ended with exit code {run.exit_code}: {(run.stderr or run.stdout)[-600:].strip()}"
        )
        return VerifyReport(**base, passed=False, findings=findings, note=f"{note} {why}".strip(),
                            timings_s={"start": run.start_s, "total": took})  # fmt: skip
    data = json.loads(line.removeprefix(_MARK))
    findings = findings + [Finding(**f) for f in data["findings"]]
    tests = [TestResult(**t) for t in data["tests"]]
    timings = {"start": run.start_s, **data["timings_s"], "total": took}
    passed = bool(tests) and not findings and not data["timed_out"]
    passed = passed and all(t.outcome in ("passed", "skipped") for t in tests)
    if not tests and not data["timed_out"]:
        note = f"{note} pytest ran no test: {data['tail'][-600:]}".strip()
    return VerifyReport(
        **{**base, "timed_out": data["timed_out"] or run.timed_out},
        passed=passed,
        findings=findings,
        tests=tests,
        timings_s=timings,
        note=note,
    )


def verify(
    bundle: Path,
    *,
    backend: Backend | str | None = None,
    limits: Limits | None = None,
    settings: SandboxSettings | None = None,
) -> VerifyReport:
    """Checks a bundle: policy first (nothing runs when it fails), then ruff and pytest isolated."""
    settings = settings or SandboxSettings()
    limits = limits or Limits(timeout_s=settings.timeout_s)
    began = time.perf_counter()
    chosen = backend if not isinstance(backend, str | None) else get_backend(backend, settings)
    findings = check_bundle(Path(bundle))
    if findings:
        return VerifyReport(
            backend=chosen.name,
            isolated=chosen.isolated,
            passed=False,
            findings=findings,
            note="the policy check failed, so nothing of the bundle was run",
            timings_s={"total": time.perf_counter() - began},
        )
    with _slot(settings), staged_copy(Path(bundle)) as copy:
        app = chosen.app_dir or str(copy)
        command = [chosen.python, chosen.checker, app, chosen.ini]
        command += [json.dumps(ruff_check_args()), json.dumps(ruff_format_args()), str(limits.timeout_s)]
        run = chosen.run(copy, command, limits)
    return _report(chosen, run, [], time.perf_counter() - began)
