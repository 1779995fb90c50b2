"""Helpers shared by tests in every folder (import with ``from support import ...``)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from sample_specs import water_tracker

from flashapps.bundle import AppBundle
from generator.render import render
from sandbox.backends.docker_backend import DockerBackend
from sandbox.backends.local import own_temp_root
from sandbox.image import ensure_image
from sandbox.ruff import ruff_check_args, ruff_format_args

__all__ = ["ROOT", "missing", "ready_docker", "ruff_problems", "run_bundle_tests", "unavailable", "water_variants"]

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
    with own_temp_root(env) as env:
        return subprocess.run(
            [sys.executable, "-m", "pytest", "-c", str(BUNDLE_INI), "--rootdir", str(bundle), "-q", "tests"],
            cwd=bundle,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            check=False,
        )


def unavailable(why: str, ci: str = "make test provides it") -> NoReturn:
    """Something a test needs is absent: a failure under CI=true (where ``make test`` provides everything; ``ci``
    says how), a skip elsewhere."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{why} (required under CI=true: {ci})", pytrace=False)
    pytest.skip(why)


def missing(what: str) -> NoReturn:
    unavailable(f"{what} is not available here", "make test starts it")


def ready_docker() -> DockerBackend:
    """The Docker backend with the sandbox image built (once per recipe), or ``missing``."""
    backend = DockerBackend()
    if not backend.available():
        missing("a Docker engine")
    return DockerBackend(image=ensure_image(backend.client, log=lambda _: None), client=backend.client)


def water_variants(factory: pytest.TempPathFactory) -> Callable[..., AppBundle]:
    """Renders the water tracker with other brief values (title, language, kind, category), once each."""
    rendered: dict[str, AppBundle] = {}

    def _variant(**brief: object) -> AppBundle:
        key = repr(sorted(brief.items()))
        if key not in rendered:
            spec = water_tracker()
            for name, value in brief.items():
                setattr(spec.brief, name, value)
            rendered[key] = render(spec, factory.mktemp("variant") / "bundle")
        return rendered[key]

    return _variant
