"""Screenshots of generated apps: each bundle served by ``streamlit run`` on a free 127.0.0.1
port, as a local subprocess with its own data folder under a temporary directory (the bundle
was verified in the sandbox first), photographed by one headless Chromium at phone size.

    with Photographer() as camera:
        camera.shoot(bundle_dir, out / "app.png")

Needs Debian's ``chromium`` and ``chromium-driver`` (``/usr/bin/chromium``, ``/usr/bin/chromedriver``)
and selenium (a dev dependency). ``available()`` says whether they are here.
"""

from __future__ import annotations

import io
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import Any

__all__ = ["HOW", "Photographer", "ShotError", "available", "free_port", "serve_app", "wait_healthy"]

CHROMIUM = Path(os.environ.get("FLASHAPPS_CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("FLASHAPPS_CHROMEDRIVER", "/usr/bin/chromedriver"))
WINDOW = (420, 900)  # a phone held upright: where most of these apps are opened
HOW = "each app served by `streamlit run` as a local subprocess (own data folder in a temp dir), after sandbox verify"


class ShotError(RuntimeError):
    """An app could not be served or photographed (the report says so for that app)."""


def available() -> str:
    """Empty when screenshots can be taken here, else what is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    try:
        import selenium  # noqa: F401
    except ImportError:
        missing.append("selenium (pip install -e '.[dev]')")
    return ", ".join(missing)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_healthy(url: str, timeout_s: float, process: subprocess.Popen[bytes] | None = None) -> float:
    """Seconds until ``url`` answers 200 (Streamlit's ``/_stcore/health``); raises ShotError after ``timeout_s``."""
    began = time.perf_counter()
    while time.perf_counter() - began < timeout_s:
        if process is not None and process.poll() is not None:
            raise ShotError(f"the app exited with {process.returncode} before it answered")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                if answer.status == 200:
                    return time.perf_counter() - began
        except OSError:
            pass
        time.sleep(0.1)
    raise ShotError(f"{url} did not answer within {timeout_s:.0f} s")


class serve_app:
    """``streamlit run app.py`` of a bundle on a free 127.0.0.1 port; ``url`` while inside."""

    def __init__(self, bundle: Path, *, timeout_s: float = 60) -> None:
        self.bundle, self.timeout_s = Path(bundle), timeout_s
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.startup_s = 0.0
        self._data = tempfile.TemporaryDirectory(prefix="flashapps-shot-")
        self._process: subprocess.Popen[bytes] | None = None

    def __enter__(self) -> serve_app:
        env = {**os.environ, "FLASHAPP_DATA_DIR": self._data.name, "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
        command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                   "--server.address", "127.0.0.1", "--server.port", str(self.port),
                   "--server.fileWatcherType", "none", "--server.runOnSave", "false"]  # fmt: skip
        self._process = subprocess.Popen(
            command, cwd=self.bundle, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            self.startup_s = wait_healthy(f"{self.url}_stcore/health", self.timeout_s, self._process)
        except BaseException:
            self.__exit__()
            raise
        return self

    @property
    def pid(self) -> int:
        """The app's process (while inside)."""
        assert self._process is not None
        return self._process.pid

    def memory_bytes(self) -> int:
        """Resident memory of the app's process tree, from /proc (bytes)."""
        from sandbox.backends.serve import tree_rss

        return (tree_rss(self._process.pid) or 0) if self._process is not None else 0

    def __exit__(self, *exc: object) -> None:
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait(timeout=10)
        self._data.cleanup()


_RENDERED = """
const app = document.querySelector('[data-testid="stApp"]');
if (!app) return 'no app';
if (document.querySelector('[data-testid="stStatusWidget"]')) return 'running';
if (/Please wait/.test(document.body.innerText)) return 'connecting';
if (document.querySelector('[data-testid="stSkeleton"]')) return 'placeholders';
const charts = '[data-testid="stVegaLiteChart"], [data-testid="stArrowVegaLiteChart"]';
const shown = (node) => {  // in the screenshot: not in a hidden tab or a closed expander, not below the fold
  const box = node.getBoundingClientRect();
  if (node.closest('details:not([open])') || box.width === 0 || box.height === 0) return false;
  return box.top < window.innerHeight && box.bottom > 0;
};
for (const chart of document.querySelectorAll(charts)) {
  if (shown(chart) && !chart.querySelector('canvas, svg')) return 'charts';
}
for (const grid of document.querySelectorAll('[data-testid="stDataFrame"]')) {
  if (shown(grid) && !grid.querySelector('canvas, table')) return 'tables';
}
const blocks = document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]');
return blocks.length > 0 ? 'ready:' + blocks.length : 'empty';
"""


class Photographer:
    """One headless Chromium for every app; ``shoot`` serves a bundle and saves a PNG."""

    def __init__(self, *, timeout_s: float = 60) -> None:
        self.timeout_s = timeout_s
        self._driver: Any = None

    def __enter__(self) -> Photographer:
        missing = available()
        if missing:
            raise ShotError(f"screenshots need {missing}; install chromium and chromium-driver, or pass --no-shots")
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={WINDOW[0]},{WINDOW[1]}", "--hide-scrollbars", "--force-device-scale-factor=1",
                     "--disable-extensions", "--no-first-run", "--lang=en-US"):  # fmt: skip
            options.add_argument(flag)
        self._driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        metrics = {"width": WINDOW[0], "height": WINDOW[1], "deviceScaleFactor": 1, "mobile": False}
        self._driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)  # the viewport itself
        self._driver.set_page_load_timeout(self.timeout_s)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._driver is not None:
            self._driver.quit()
            self._driver = None

    def load(self, url: str) -> float:
        """Opens ``url`` and waits until the Streamlit app has drawn; the seconds it took."""
        began = time.perf_counter()
        self._driver.get(url)
        state, stable = "", 0
        while time.perf_counter() - began < self.timeout_s:
            now = self._driver.execute_script(_RENDERED)
            stable = stable + 1 if now == state and now.startswith("ready") else 0
            state = now
            if stable >= 2:  # the same number of elements three polls in a row: done drawing
                return time.perf_counter() - began
            time.sleep(0.25)
        raise ShotError(f"the app at {url} did not finish drawing within {self.timeout_s:.0f} s (last: {state})")

    def shoot(self, bundle: Path, target: Path) -> dict[str, float]:
        """Serves ``bundle``, photographs its first screen into ``target`` (PNG, 256 colours)."""
        with serve_app(bundle, timeout_s=self.timeout_s) as app:
            drawn = self.load(app.url)
            raw = self._driver.get_screenshot_as_png()
        target.parent.mkdir(parents=True, exist_ok=True)
        _save_small(raw, target)
        return {"startup_s": round(app.startup_s, 2), "draw_s": round(drawn, 2)}


def _save_small(png: bytes, target: Path) -> None:
    """A palette PNG (a UI screenshot has few colours): about a quarter of the size."""
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - pillow comes with qrcode[pil]
        target.write_bytes(png)
        return
    with Image.open(io.BytesIO(png)) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
        small.save(target, format="PNG", optimize=True)


def chromium_version() -> str:
    path = shutil.which(str(CHROMIUM)) or str(CHROMIUM)
    try:
        return subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return ""
