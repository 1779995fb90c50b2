"""Everything a session leaves under FLASHAPPS_HOME is its owner's only: no file or folder there has a group
or world permission bit after a maker creates a draft, publishes it, a visitor runs it (its data folder on
every backend, given to the sandbox's user where that is another uid), the settings keep a key and a
maintainer backs the gallery up and restores it. Also through the real command line, logs included."""

from __future__ import annotations

import asyncio
import os
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import SecretStr
from runner_support import Apps, ProxyServer, app_session

from flashapps.files import keep_private
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import Gallery, open_gallery
from generator.llm_settings import SavedModel, save_settings
from generator.providers import get_provider
from sandbox.backends.serve import own_tree
from studio.serving.runner import AppRunner
from workshop.actions import Workshop
from workshop.jobs import InProcessQueue, JobStore

pytestmark = [pytest.mark.slow, pytest.mark.docker, pytest.mark.timeout(240)]


def _open_to_others(home: Path) -> list[str]:
    """Every path under ``home`` (links left out) that its group or anyone else may read, write or enter."""
    found = []
    for path in home.rglob("*"):
        if path.is_symlink():
            continue
        mode = stat.S_IMODE(path.lstat().st_mode)
        if mode & 0o077:
            found.append(f"{path.relative_to(home)} {mode:o}")
    return sorted(found)


@pytest.fixture
def usual_umask() -> Iterator[None]:
    """A process that never asked for privacy (umask 022): the writers must ask for it themselves."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def as_the_studio(flashapps_home: Path) -> Iterator[None]:
    """What ``flashapps`` (the studio included) does first, then this process's own umask back."""
    before = os.umask(0o022)
    keep_private(flashapps_home)
    yield
    os.umask(before)


def _publish(home: Path) -> tuple[Gallery, str]:
    """A job, a draft made by a signed-in maker, published: the slug."""
    report = VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])
    settings = Settings()
    shop = Workshop(settings, verify=lambda folder: report)
    queue = InProcessQueue(JobStore(home), workers=1)
    job = queue.submit("create", {"idea": "记录每天喝水的杯数"}, lambda emit: {"ok": True})
    queue.futures[job.id].result(timeout=30)
    queue.shutdown()
    gallery = open_gallery()
    maker = gallery.accounts.register("reader", "reader-password")
    made = shop.create("an app to log the books I read, with a rating", get_provider("offline", settings),
                       owner=maker.username)  # fmt: skip
    return gallery, shop.publish(gallery, made.project, maker).slug


def _keep_and_back_up(gallery: Gallery, home: Path) -> None:
    save_settings(SavedModel(provider="openai", base_url="http://127.0.0.1:9/v1", api_key=SecretStr("sk-x")))
    archive = gallery.backup(home / "backups" / "gallery.tar.gz")
    gallery.restore(archive)
    gallery.close()


def test_a_whole_session_leaves_nothing_open_to_others(
    as_the_studio: None, make_runner: Callable[..., AppRunner], apps: Apps, flashapps_home: Path,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    """Create, publish, a visit that writes the app's data (in a container, the relay keeps it private),
    settings, backup and restore; then stop the app and start it again (the data folder is handed over)."""
    gallery, slug = _publish(flashapps_home)
    apps.add(slug, gallery.files.path(gallery.apps.versions(slug)[0].digest))
    runner = make_runner()
    server = proxy_server(runner)
    asyncio.run(app_session(f"{server.url}/apps/{slug}/"))
    data = flashapps_home / "appdata" / slug
    assert any(p.is_file() for p in data.rglob("*")), "the app wrote its data"
    runner.stop(slug)
    _keep_and_back_up(gallery, flashapps_home)
    asyncio.run(app_session(f"{server.url}/apps/{slug}/"))  # the restored data folder serves again
    kinds = {p.relative_to(flashapps_home).parts[0] for p in flashapps_home.rglob("*")}
    assert {"projects", "jobs", "appdata", "backups", "gallery-store", "gallery.sqlite3", "model.json"} <= kinds
    left = _open_to_others(flashapps_home)
    assert left == [], "\n".join(left)


def test_the_writers_keep_data_private_whatever_the_umask(usual_umask: None, flashapps_home: Path) -> None:
    """Without the command line's umask: the gallery's database and files, drafts, jobs, settings, backups and
    a restore each set their own permissions, and an app's data folder is closed before an app starts."""
    gallery, _ = _publish(flashapps_home)
    data = flashapps_home / "appdata" / "somebody"
    (data / "uploads").mkdir(parents=True)
    (data / "uploads" / "photo.txt").write_text("x")
    (data / "app.sqlite3").write_text("x")
    own_tree(data, None)
    _keep_and_back_up(gallery, flashapps_home)
    left = [line for line in _open_to_others(flashapps_home) if line.split()[0] != "appdata"]
    assert left == [], "\n".join(left)
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert {stat.S_IMODE(p.stat().st_mode) for p in data.rglob("*")} == {0o700, 0o600}


def test_the_command_line_keeps_a_new_home_private(tmp_path: Path) -> None:
    home = tmp_path / "fresh-home"
    env = {**os.environ, "FLASHAPPS_HOME": str(home)}
    env.pop("FLASHAPPS_PROVIDER", None)
    run = subprocess.run(
        [sys.executable, "-m", "studio.cli", "new", "一个记录每日步数的应用", "--out", str(tmp_path / "out"),
         "--no-verify", "--json"],
        env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert (home / "logs").is_dir() and any((home / "projects").iterdir())
    assert _open_to_others(home) == []
