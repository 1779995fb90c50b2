"""A procrastinate worker for the queue tests (run as a subprocess, so a test can SIGKILL it mid-job).

It runs workshop.pgqueue.run_worker with the offline provider and a sandbox check that answers a passing
report (the sandbox itself is tested in tests/sandbox) after ``QUEUE_TEST_SLOW`` seconds; while the file named
by ``QUEUE_TEST_FLAKY`` exists the check fails once as a sandbox briefly away would (and removes the file).
Usage: python queue_worker.py <database url>.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import GallerySettings, open_gallery
from generator.providers import get_provider
from workshop import pgqueue, tasks
from workshop.actions import VerifyUnavailable, Workshop


def check(folder: Path) -> VerifyReport:
    flaky = os.environ.get("QUEUE_TEST_FLAKY")
    if flaky and Path(flaky).exists():
        Path(flaky).unlink()
        raise VerifyUnavailable("The sandbox engine is away.", "沙箱引擎暂时不可用。")
    time.sleep(float(os.environ.get("QUEUE_TEST_SLOW", "0")))
    assert (folder / "app.py").is_file()
    return VerifyReport(backend="docker", isolated=True, passed=True, tests=[TestResult(name="t", outcome="passed")])


def env() -> tasks.TaskEnv:
    return tasks.TaskEnv(
        workshop=lambda: Workshop(Settings(), verify=check),
        provider=lambda: get_provider("offline"),
        gallery=lambda: open_gallery(GallerySettings()),
    )


if __name__ == "__main__":
    pgqueue.run_worker(sys.argv[1], concurrency=2, stalled_after=3, heartbeat=1, env=env)
