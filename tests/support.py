"""Helpers shared by tests in every folder (import with ``from support import ...``)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sandbox.ruff import ruff_check_args, ruff_format_args

__all__ = ["ROOT", "ruff_problems", "run_bundle_tests"]

ROOT = Path(__file__).resolve().parents[1]
RUFF = Path(sys.executable).with_name("ruff")
BUNDLE_INI = ROOT / "sandbox" / "bundle_pytest.ini"


def ruff_problems(bundle: Path) -> list[str]:
    """What ruff (check, then format) finds in a bundle, with the settings the sandbox uses."""
    problems = []
    for args in (ruff_check_args(), ruff_format_args()):
        done = subprocess.run([str(RUFF), *args, "."], cwd=bundle, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            problems.append(done.stdout + done.stderr)
    return problems


def run_bundle_tests(bundle: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """Runs a bundle's own tests with our pytest settings, in a fresh interpreter."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASHAPP", "PYTEST"))}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(BUNDLE_INI), "--rootdir", str(bundle), "-q", "tests"],
        cwd=bundle,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
    )
