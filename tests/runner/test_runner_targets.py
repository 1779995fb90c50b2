"""What an address serves: public gallery apps (not hidden ones, even when already running) and
studio drafts (restarted on a new version). Run on the local backend: this is the runner's
logic, the same for every backend (serving itself is tested on all three elsewhere)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx2
import pytest
from runner_support import ProxyServer, app_session
from sample_specs import water_tracker

from flashapps.bundle import AppBundle
from flashapps.files import folder_digest
from flashapps.report import TestResult, VerifyReport
from gallery.core import Gallery, open_gallery
from gallery.settings import GallerySettings
from sandbox.backends.local import LocalBackend
from studio.serving.runner import AppRunner, RunnerSettings, Target
from studio.serving.targets import Targets, draft_key
from workshop.projects import ProjectStore

pytestmark = [pytest.mark.slow, pytest.mark.timeout(180)]


@pytest.fixture
def gallery(flashapps_home: Path) -> Iterator[Gallery]:
    opened = open_gallery(GallerySettings())
    yield opened
    opened.close()


@pytest.fixture
def runner(gallery: Gallery, flashapps_home: Path) -> Iterator[AppRunner]:
    targets = Targets(gallery_factory=lambda: gallery, home=flashapps_home)
    made = AppRunner(targets, settings=RunnerSettings(), backend=LocalBackend(), still_served=targets.still_served,
                     home=flashapps_home)  # fmt: skip
    yield made
    made.stop_all()


def get(url: str) -> httpx2.Response:
    return httpx2.get(url, timeout=60, follow_redirects=True)


def test_hidden_app_is_not_served_even_when_running(
    gallery: Gallery, runner: AppRunner, water_app: AppBundle, proxy_server: Callable[[AppRunner], ProxyServer]
) -> None:
    boss = gallery.accounts.create_maintainer("boss", "boss-password")
    report = VerifyReport(backend="local", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])
    slug = gallery.apps.publish(boss, water_app, report).slug
    server = proxy_server(runner)
    assert get(f"{server.url}/apps/{slug}/").status_code == 200
    assert get(f"{server.url}/apps/{slug}--v1/").status_code == 200
    assert get(f"{server.url}/apps/{slug}--v2/").status_code == 404  # no such version
    assert sorted(runner.running()) == sorted([slug, f"{slug}--v1"])

    gallery.curation.hide(boss, slug, "testing")
    page = get(f"{server.url}/apps/{slug}/")
    assert page.status_code == 404
    assert "not available right now: a maintainer has hidden it" in page.text and "暂时无法使用" in page.text
    assert slug not in runner.running()  # stopped at once by the page load
    assert runner.reap() == [f"{slug}--v1"]  # the other address is stopped by the next sweep
    assert runner.running() == {}
    assert get(f"{server.url}/apps/{slug}--v1/_stcore/health").status_code == 404


def test_draft_restarts_on_a_new_version_and_keeps_its_data(
    runner: AppRunner, flashapps_home: Path, proxy_server: Callable[[AppRunner], ProxyServer]
) -> None:
    projects = ProjectStore(flashapps_home)
    project = projects.create("track my water", water_tracker())
    server = proxy_server(runner)
    url = f"{server.url}/apps/{draft_key(project.id)}/"
    assert b"Water Tracker" in asyncio.run(app_session(url))
    first = runner.served(draft_key(project.id))
    assert first is not None
    data = flashapps_home / "appdata" / draft_key(project.id) / "app.sqlite3"
    assert data.is_file()

    spec = water_tracker()
    spec.brief.title = "Tea Tracker"
    projects.add(project.id, spec, "call it a tea tracker", ["title"])
    assert get(f"{server.url}/apps/{draft_key(project.id)}/_stcore/health").text == "ok"  # not a page load
    assert runner.served(draft_key(project.id)) is first
    reply = asyncio.run(app_session(url))  # the WebSocket open checks the version: restarted on v2
    assert b"Tea Tracker" in reply and b"Water Tracker" not in reply
    assert runner.served(draft_key(project.id)) is not first and not first.alive()
    assert data.is_file()
    assert get(f"{server.url}/apps/{draft_key('000000000000')}/").status_code == 404


def test_an_app_that_cannot_start_gets_a_502_page_and_leaves_nothing(
    tmp_path: Path, flashapps_home: Path, proxy_server: Callable[[AppRunner], ProxyServer]
) -> None:
    empty = tmp_path / "no-app"
    empty.mkdir()  # no app.py: Streamlit exits at once
    runner = AppRunner(lambda key: Target(key, empty, folder_digest(empty), key), settings=RunnerSettings(start_timeout_s=20),
                       backend=LocalBackend(), home=flashapps_home)  # fmt: skip
    try:
        server = proxy_server(runner)
        page = get(f"{server.url}/apps/empty/")
        assert page.status_code == 502
        assert "could not start" in page.text and "无法启动" in page.text
        assert runner.running() == {}
        assert not [p for p in Path("/proc").glob("[0-9]*/cmdline") if b"apps/empty" in _read(p)]
    finally:
        runner.stop_all()


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError:
        return b""


def test_a_draft_whose_checked_files_changed_is_not_served(
    runner: AppRunner, flashapps_home: Path, proxy_server: Callable[[AppRunner], ProxyServer]
) -> None:
    projects = ProjectStore(flashapps_home)
    project = projects.create("track my water", water_tracker())
    kept = projects.bundle(project.id)
    (kept.path / "app.py").write_text((kept.path / "app.py").read_text() + "\nprint('changed after the check')\n")
    server = proxy_server(runner)
    page = get(f"{server.url}/apps/{draft_key(project.id)}/")
    assert page.status_code == 502
    assert "not the ones that were checked" in page.text
    assert runner.running() == {}
