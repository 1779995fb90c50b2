"""Shared fixtures: every test runs with FLASHAPPS_HOME in a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from generator.render import AppBundle, render
from generator.spec import AppSpec
from sandbox.ruff import ruff_check_args, ruff_format_args

ROOT = Path(__file__).resolve().parents[1]
RUFF = Path(sys.executable).with_name("ruff")
BUNDLE_INI = ROOT / "sandbox" / "bundle_pytest.ini"


@pytest.fixture(autouse=True)
def flashapps_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FLASHAPPS_HOME", str(home))
    monkeypatch.delenv("FLASHAPP_DATA_DIR", raising=False)
    return home


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


@pytest.fixture
def build(tmp_path: Path) -> Callable[[AppSpec], AppBundle]:
    """Renders a spec into a fresh folder."""
    counter = iter(range(1_000_000))

    def _build(spec: AppSpec) -> AppBundle:
        return render(spec, tmp_path / f"bundle{next(counter)}")

    return _build
