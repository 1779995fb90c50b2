"""The pytest settings bundles run with: warnings are errors, with one named exception."""

from __future__ import annotations

import subprocess
from pathlib import Path

from support import run_bundle_tests

LEAK = """
import gc
import os


def test_a_directory_iterator_left_to_the_collector():
    it = os.scandir(".")
    next(it, None)
    del it
    gc.collect()
"""

BROKEN_DEL = """
import gc


class Broken:
    def __del__(self):
        raise RuntimeError("finaliser failed")


def test_an_exception_in_a_finaliser():
    Broken()
    gc.collect()
"""


def _run(folder: Path, source: str) -> subprocess.CompletedProcess[str]:
    (folder / "tests").mkdir()
    (folder / "tests" / "test_case.py").write_text(source)
    return run_bundle_tests(folder, timeout=120)


def test_a_leaked_directory_iterator_does_not_fail_a_bundle(tmp_path: Path) -> None:
    done = _run(tmp_path, LEAK)
    assert done.returncode == 0, done.stdout[-2000:]


def test_other_unraisable_exceptions_still_fail_a_bundle(tmp_path: Path) -> None:
    done = _run(tmp_path, BROKEN_DEL)
    assert done.returncode == 1, done.stdout[-2000:]
    assert "finaliser failed" in done.stdout
