"""Headless Chromium for the game pages: one browser per test module, pages opened from a temporary file.

Use in a test module::

    @pytest.mark.parametrize("viewport", ["desktop", "phone"])
    def test_snake(open_game, viewport):
        page = open_game("snake", viewport, config(size=10))   # or open_game("snake", viewport, size=10)
        page.press("ArrowUp"); page.swipe("left"); page.tap("[data-fg=restart]")
        page.wait(lambda: page.state()["status"] == "lost")
        page.shot()                                             # bench/results/game-shots/snake-phone.png

``desktop`` is 1280x900 with a mouse; ``phone`` is 390x844 (device scale 2) with touch emulation, where ``tap`` and
``swipe`` send real touch events (so the page sees pointer events of type touch). Every page's uncaught errors
fail the test that opened it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from game_support import config, page_html
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait
from support import unavailable

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path(os.environ.get("FLASHAPPS_GAME_SHOTS_DIR") or ROOT / "test-artifacts" / "game-shots")
"""Where screenshots go; the committed set in bench/results/game-shots/ is made with
``FLASHAPPS_GAME_SHOTS_DIR=bench/results/game-shots pytest tests/games``."""
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
VIEWPORTS = {
    "desktop": {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
    "phone": {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True},
}
KEYS = {
    "ArrowUp": Keys.ARROW_UP, "ArrowDown": Keys.ARROW_DOWN, "ArrowLeft": Keys.ARROW_LEFT,
    "ArrowRight": Keys.ARROW_RIGHT, "Enter": Keys.ENTER, "Escape": Keys.ESCAPE, " ": Keys.SPACE,
    "Backspace": Keys.BACKSPACE, "Tab": Keys.TAB,
}  # fmt: skip
ERRORS_JS = (
    "window.__errors = [];"
    "window.addEventListener('error', (e) => window.__errors.push(String(e.message || e)));"
    "window.addEventListener('unhandledrejection', (e) => window.__errors.push(String(e.reason)));"
)
STATE_JS = (
    "const g = window.__game || {}, out = {};"
    "for (const k in g) { if (typeof g[k] !== 'function') out[k] = g[k]; }"
    "return JSON.stringify(out);"
)
CENTER_JS = "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];"
Target = WebElement | str | tuple[float, float]


def shot(driver: WebDriver, name: str, viewport: str) -> Path:
    """Saves what the page shows to <SHOTS>/<name>-<viewport>.png."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}-{viewport}.png"
    driver.save_screenshot(str(path))
    return path


class GamePage:
    """One opened game page and the ways a player (or a test) acts on it."""

    def __init__(self, driver: WebDriver, name: str, viewport: str) -> None:
        self.driver, self.name, self.viewport = driver, name, viewport
        self.touch = viewport == "phone"

    # reading
    def js(self, script: str, *args: object) -> object:
        return self.driver.execute_script(script, *args)

    def state(self) -> dict:
        """window.__game's values (status, score, best and what the game exposed), functions left out."""
        return json.loads(str(self.js(STATE_JS)))

    def call(self, hook: str, *args: object) -> object:
        """Calls one of the game's exposed hooks (window.__game[hook](...args)) and returns its result, or
        returns the hook itself when it is a plain value."""
        script = f"const h = window.__game[{json.dumps(hook)}]; return typeof h === 'function' ? h(...arguments) : h;"
        return self.js(script, *args)

    def find(self, selector: str) -> WebElement:
        return self.driver.find_element("css selector", selector)

    def text(self, selector: str = "body") -> str:
        return self.find(selector).text

    def hud(self, name: str) -> str:
        return self.text(f"[data-hud={name}] b")

    def overlay(self) -> str:
        """The text of the card over the stage ('' when it is hidden)."""
        card = self.find("[data-fg=overlay]")
        return "" if "hide" in (card.get_attribute("class") or "") else card.text

    def errors(self) -> list[str]:
        return list(self.js("return window.__errors || [];") or [])  # type: ignore[call-overload]

    def wait(self, condition: Callable[[], object], timeout: float = 10, message: str = "") -> None:
        WebDriverWait(self.driver, timeout, poll_frequency=0.05).until(lambda _: condition(), message)

    def wait_status(self, *statuses: str, timeout: float = 10) -> str:
        self.wait(lambda: self.state().get("status") in statuses, timeout, f"status never became {statuses}")
        return str(self.state()["status"])

    # acting
    def press(self, key: str, times: int = 1) -> None:
        """Real key presses (keydown/keyup) sent to the page; key as KeyboardEvent.key ('ArrowLeft', ' ', 'a')."""
        chain = ActionChains(self.driver)
        for _ in range(times):
            chain.send_keys(KEYS.get(key, key))
        chain.perform()

    def hold(self, key: str, seconds: float) -> None:
        """Holds a key down for a while (a real keydown, then keyup)."""
        ActionChains(self.driver).key_down(KEYS.get(key, key)).pause(seconds).key_up(KEYS.get(key, key)).perform()

    def point(self, target: Target) -> tuple[float, float]:
        """A target's centre in viewport pixels: an element, a CSS selector, or (x, y) already in pixels."""
        if isinstance(target, tuple):
            return float(target[0]), float(target[1])
        element = self.find(target) if isinstance(target, str) else target
        x, y = self.js(CENTER_JS, element)  # type: ignore[misc]
        return float(x), float(y)

    def at(self, target: Target, fx: float, fy: float) -> tuple[float, float]:
        """A point inside an element at fractions of its width and height (0.5, 0.5 is the centre)."""
        element = self.find(target) if isinstance(target, str) else target
        left, top, width, height = self.js(  # type: ignore[misc]
            "const r = arguments[0].getBoundingClientRect(); return [r.left, r.top, r.width, r.height];", element
        )
        return left + width * fx, top + height * fy

    def _touch(self, kind: str, points: list[tuple[float, float]]) -> None:
        touch_points = [{"x": x, "y": y, "id": 0, "radiusX": 4, "radiusY": 4, "force": 1} for x, y in points]
        self.driver.execute_cdp_cmd("Input.dispatchTouchEvent", {"type": kind, "touchPoints": touch_points})

    def _mouse(self, kind: str, x: float, y: float, pressed: bool = False) -> None:
        event = {"type": kind, "x": x, "y": y, "button": "left" if (kind != "mouseMoved" or pressed) else "none"}
        if kind != "mouseMoved":
            event["clickCount"] = 1
        if pressed:
            event["buttons"] = 1
        self.driver.execute_cdp_cmd("Input.dispatchMouseEvent", event)

    def tap(self, target: Target) -> None:
        """A real tap (touch on the phone, a mouse click on the desktop) at the target's centre."""
        x, y = self.point(target)
        if self.touch:
            self._touch("touchStart", [(x, y)])
            self._touch("touchEnd", [])
        else:
            self._mouse("mouseMoved", x, y)
            self._mouse("mousePressed", x, y)
            self._mouse("mouseReleased", x, y)

    def swipe(self, direction: str, target: Target = "canvas, .fg-stage", distance: float = 120) -> None:
        """A real swipe (touch drag on the phone, mouse drag on the desktop) across the target's centre."""
        dx, dy = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}[direction]
        x0, y0 = self.point(target)
        x0, y0 = x0 - dx * distance / 2, y0 - dy * distance / 2
        steps = [(x0 + dx * distance * i / 6, y0 + dy * distance * i / 6) for i in range(1, 7)]
        if self.touch:
            self._touch("touchStart", [(x0, y0)])
            for point in steps:
                self._touch("touchMove", [point])
            self._touch("touchEnd", [])
        else:
            self._mouse("mouseMoved", x0, y0)
            self._mouse("mousePressed", x0, y0)
            for x, y in steps:
                self._mouse("mouseMoved", x, y, pressed=True)
            self._mouse("mouseReleased", *steps[-1])

    def type_text(self, text: str) -> None:
        """Types into the focused element (an input the game shows), as a keyboard would."""
        ActionChains(self.driver).send_keys(text).perform()

    def shot(self, name: str | None = None) -> Path:
        return shot(self.driver, name or self.name, self.viewport)


def _need_browser() -> None:
    if Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists():
        return
    message = "game tests need Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)"
    unavailable(message, "make test installs them")


@pytest.fixture(scope="module")
def chromium() -> Iterator[WebDriver]:
    """One headless Chromium for a test module."""
    _need_browser()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--lang=en-US", "--no-proxy-server", "--mute-audio",
                     "--allow-file-access-from-files"):  # fmt: skip
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERRORS_JS})
    try:
        yield driver
    finally:
        with contextlib.suppress(WebDriverException):
            driver.quit()


def set_viewport(driver: WebDriver, viewport: str) -> None:
    metrics = VIEWPORTS[viewport]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", metrics)
    touch = {"enabled": metrics["mobile"], "maxTouchPoints": 5 if metrics["mobile"] else 1}
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", touch)


@pytest.fixture
def open_game(chromium: WebDriver, tmp_path: Path) -> Iterator[Callable[..., GamePage]]:
    """open_game(name, viewport, cfg=None, **params): the assembled page loaded from a file, ready to play.

    ``cfg`` is a whole CONFIG (see game_support.config); without it, ``params`` go into config(**params).
    The best scores of earlier pages are forgotten, so each page starts as a stranger's would."""
    opened: list[GamePage] = []
    counter = iter(range(1000))

    def _open(name: str, viewport: str = "desktop", cfg: dict | None = None, **params: object) -> GamePage:
        assert viewport in VIEWPORTS, f"viewport is one of {sorted(VIEWPORTS)}"
        if opened:
            check(opened[-1])
        with contextlib.suppress(WebDriverException):
            chromium.execute_script("try { localStorage.clear(); } catch (e) {}")
        path = tmp_path / f"{name}-{viewport}-{next(counter)}.html"
        path.write_text(page_html(name, cfg if cfg is not None else config(**params)), encoding="utf-8")
        set_viewport(chromium, viewport)
        chromium.get(path.as_uri())
        page = GamePage(chromium, name, viewport)
        page.wait(lambda: page.js("return !!(window.__game && window.FG);"), 10, f"{name}: no window.__game")
        opened.append(page)
        return page

    def check(page: GamePage) -> None:
        errors = page.errors()
        assert not errors, f"uncaught errors in {page.name} ({page.viewport}):\n" + "\n".join(errors)

    yield _open
    if opened:
        check(opened[-1])
