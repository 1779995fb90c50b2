"""A real studio on a free 127.0.0.1 port and headless Chromium sessions that drive it.

The studio runs as ``python -m studio.server`` (the same process ``make run`` starts) with its
own FLASHAPPS_HOME, so apps are served by the real runner in the sandbox backend in use.
Each step's screenshot goes to ``$FLASHAPPS_SHOTS_DIR`` (default ``test-artifacts/browser``).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.common.exceptions import (
    WebDriverException,
)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webdriver import WebDriver
from support import unavailable

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
MAINTAINER = ("curator", "curator-pass-123")


def _need_browser() -> None:
    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        return
    message = "browser tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
    unavailable(message, "make test installs them")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Studio:
    """A running studio: ``url`` its address, ``apps`` the apps' own origin (``http://127.0.0.1:<port>/``)."""

    def __init__(self, url: str, home: Path, process: subprocess.Popen[bytes], log: Path, apps: str = "") -> None:
        self.url = url
        self.apps = apps
        self.home = home
        self.process = process
        self.log = log

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""


@pytest.fixture(scope="module")
def studio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Studio]:
    _need_browser()
    home = tmp_path_factory.mktemp("studio-home")
    env = {**os.environ, "FLASHAPPS_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    env.pop("FLASHAPP_DATA_DIR", None)
    subprocess.run(
        [sys.executable, "-m", "gallery.cli", "create-maintainer", "--username", MAINTAINER[0], "--password-stdin"],
        input=f"{MAINTAINER[1]}\n".encode(),
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    port, apps_port = _free_port(), int(os.environ.get("FLASHAPPS_APPS_PORT") or _free_port())
    log = home / "studio.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "studio.server",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--apps-port",
                str(apps_port),
            ],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    found = Studio(f"http://127.0.0.1:{port}/", home, process, log, f"http://127.0.0.1:{apps_port}/")
    try:
        deadline = time.monotonic() + 90
        while "running at" not in log.read_text(errors="replace"):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the studio did not start:\n{found.log_tail()}")
            time.sleep(0.2)
        yield found
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGINT)  # the lifespan stops every app it started
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=10)


@pytest.fixture(scope="module")
def shots() -> Callable[[WebDriver, str], Path]:
    folder = Path(os.environ.get("FLASHAPPS_SHOTS_DIR", ROOT / "test-artifacts" / "browser"))
    folder.mkdir(parents=True, exist_ok=True)
    for stale in folder.glob("*.png"):  # one run's pictures, in order, not mixed with an earlier run's
        stale.unlink()
    counter = iter(range(1, 1000))

    def take(driver: WebDriver, name: str) -> Path:
        path = folder / f"{next(counter):02d}-{name}.png"
        driver.save_screenshot(str(path))
        return path

    return take


@pytest.fixture
def browser() -> Iterator[Callable[..., WebDriver]]:
    """Starts fresh Chromium sessions (no cookies, no Streamlit session: a stranger), quits them all."""
    _need_browser()
    started: list[WebDriver] = []

    def start(language: str = "en-US", width: int = 1280, height: int = 1000) -> WebDriver:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         f"--window-size={width},{height}", f"--lang={language}", "--no-proxy-server"):  # fmt: skip
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": language})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(60)
        started.append(driver)
        return driver

    yield start
    for driver in started:
        with contextlib.suppress(WebDriverException):
            driver.quit()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[pytest.TestReport]:
    """A failed browser test's report carries the studio's own log (its unexpected errors' tracebacks): what the
    page said is rarely why."""
    report: pytest.TestReport = yield
    studio = getattr(item, "funcargs", {}).get("studio")
    if report.failed and isinstance(studio, Studio):
        report.sections.append(("studio log (the end)", studio.log_tail()))
    return report
