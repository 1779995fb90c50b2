"""Shared fixtures: every test runs with FLASHAPPS_HOME in a temporary folder."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flashapps.bundle import AppBundle
from flashapps.spec import AppSpec
from generator.render import render
from sandbox.backends.quota import unmount_under


@pytest.fixture(autouse=True, scope="session")
def _no_mount_outlives_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Apps' data folders mounted under any home this session made (a studio's own, in a subprocess) are unmounted;
    so are those a killed session left in its folders (pytest could not remove them, and would fail every run)."""
    base = tmp_path_factory.getbasetemp()
    ours = [p for p in (base, *base.parents) if p.name.startswith("pytest-of-")]  # /tmp/pytest-of-<user>
    for folder in ours[0].glob("*/") if ours else []:
        lock = folder / ".lock"
        owner = lock.read_text().strip() if lock.is_file() else ""
        if folder.name.startswith("garbage-") or (owner.isdigit() and not Path(f"/proc/{owner}").exists()):
            unmount_under(folder)
    yield
    unmount_under(tmp_path_factory.getbasetemp())


@pytest.fixture(autouse=True)
def flashapps_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("FLASHAPPS_HOME", str(home))
    monkeypatch.delenv("FLASHAPP_DATA_DIR", raising=False)
    yield home
    unmount_under(home)  # apps' data folders the sandbox mounted with their quota (root only) are not leaked


@pytest.fixture
def build(tmp_path: Path) -> Callable[[AppSpec], AppBundle]:
    """Renders a spec into a fresh folder."""
    counter = iter(range(1_000_000))

    def _build(spec: AppSpec) -> AppBundle:
        return render(spec, tmp_path / f"bundle{next(counter)}")

    return _build
