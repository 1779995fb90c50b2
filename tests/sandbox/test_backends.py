"""Backend choice, the local backend's honesty, and the bound on verifications at once."""

from __future__ import annotations

import os
import sys
import threading
import time
from pathlib import Path

import pytest
from sample_specs import water_tracker

from generator.render import render
from sandbox.backends.base import RunResult
from sandbox.backends.docker_backend import DockerBackend, remove_leftovers
from sandbox.limits import LABEL, OWNER, Limits, SandboxSettings
from sandbox.verify import SandboxUnavailable, get_backend, verify


def test_the_local_backend_is_opt_in() -> None:
    with pytest.raises(SandboxUnavailable, match="FLASHAPPS_SANDBOX_ALLOW_LOCAL"):
        get_backend("local", SandboxSettings())


def test_every_local_report_says_it_was_not_isolated(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    report = verify(bundle.path, backend="local", settings=SandboxSettings(allow_local=True))
    assert report.passed, report.model_dump_json(indent=1)
    assert report.backend == "local" and not report.isolated
    assert "NOT ISOLATED" in report.note


class _SlowBackend:
    """Records how many runs overlap (a stand-in for the run itself, not for Docker)."""

    name, isolated, app_dir, python, checker, ini = "slow", True, "/app", "python", "check.py", "ini"

    def __init__(self) -> None:
        self.running = 0
        self.most = 0
        self.lock = threading.Lock()

    def available(self) -> bool:
        return True

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        with self.lock:
            self.running += 1
            self.most = max(self.most, self.running)
        time.sleep(0.3)
        with self.lock:
            self.running -= 1
        return RunResult(backend=self.name, exit_code=1, stderr="no report")


def test_verifications_at_once_are_bounded_by_the_setting(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    backend = _SlowBackend()
    settings = SandboxSettings(max_parallel=2)
    threads = [
        threading.Thread(target=verify, args=(bundle.path,), kwargs={"backend": backend, "settings": settings})
        for _ in range(6)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert backend.most == 2


def test_a_sandbox_that_dies_is_a_failed_report_not_an_exception(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    report = verify(bundle.path, backend=_SlowBackend())
    assert not report.passed
    assert "exit code 1" in report.note and "no report" in report.note


def test_the_local_backend_keeps_the_head_of_each_stream_and_ends_an_endless_printer(tmp_path: Path) -> None:
    from sandbox.backends.local import LocalBackend

    code = "import sys\nprint('first', file=sys.stderr, flush=True)\ni = 0\nwhile True:\n    print(i); i += 1"
    limits = Limits(timeout_s=2, output_cap_kb=16)
    result = LocalBackend().run(tmp_path, [sys.executable, "-c", code], limits)
    assert result.timed_out and result.exit_code is None and result.truncated
    assert result.stdout.startswith("0\n1\n2\n") and len(result.stdout.encode()) == 16 * 1024
    assert result.stderr == "first\n"


def test_each_local_run_has_a_temp_root_of_its_own(tmp_path: Path) -> None:
    """Runs at once must not share /tmp/pytest-of-<user>: one pytest deleting another's old numbered
    folders fails the other ("Directory not empty", an error under the bundles' pytest settings)."""
    import tempfile

    from sandbox.backends.local import LocalBackend

    code = "import os, tempfile\nprint(tempfile.gettempdir())\nprint(os.path.isdir(tempfile.gettempdir()))"
    roots = []
    for _ in range(2):
        result = LocalBackend().run(tmp_path, [sys.executable, "-c", code], Limits(timeout_s=30))
        root, existed = result.stdout.split()
        assert result.exit_code == 0 and existed == "True"
        roots.append(Path(root))
    assert roots[0] != roots[1]
    assert all(root.parent == Path(tempfile.gettempdir()) and not root.exists() for root in roots)


def test_sweeping_leftovers_while_other_runs_come_and_go(docker_backend: DockerBackend) -> None:
    """Another process's sandbox may vanish between the engine listing it and the sweep looking at it."""
    client = docker_backend.client
    other = {LABEL: "1", OWNER: str(os.getppid())}  # a live process's: the sweep must leave them
    stop = threading.Event()
    churned = 0

    def churn() -> None:
        nonlocal churned
        while not stop.is_set():
            made = client.containers.create(docker_backend.image, command=["true"], labels=other, network_mode="none")
            made.remove(force=True)
            churned += 1

    worker = threading.Thread(target=churn, daemon=True)
    worker.start()
    try:
        for _ in range(40):
            remove_leftovers(client)  # before: docker.errors.NotFound for a container that had just gone
    finally:
        stop.set()
        worker.join(timeout=30)
    assert churned > 0


def test_a_run_that_ends_as_its_time_runs_out_keeps_its_own_status(
    docker_backend: DockerBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The wait can run out just as the container ends by itself (a verify run's own pytest timeout is the same
    length): the kill then meets a stopped container, and the engine answers 409, "is not running"."""
    import docker.models.containers
    import requests

    real_wait = docker.models.containers.Container.wait
    waits = 0

    def wait_then_run_out(self: docker.models.containers.Container, **kwargs: object) -> dict:
        nonlocal waits
        waits += 1
        status = real_wait(self, **kwargs)
        if waits == 1:  # the container has ended; the client's wait times out all the same
            raise requests.exceptions.ReadTimeout("Read timed out.")
        return status

    monkeypatch.setattr(docker.models.containers.Container, "wait", wait_then_run_out)
    result = docker_backend.run(tmp_path, ["/bin/sh", "-c", "echo done; exit 3"], Limits(timeout_s=30))
    assert not result.timed_out and result.exit_code == 3  # before: docker.errors.APIError, 409 Conflict
    assert result.stdout.strip() == "done"
