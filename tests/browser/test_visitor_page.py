"""A published app's share link on a phone (390×844): the app itself, full-screen, and projector mode.

The studio runs with FLASHAPPS_PUBLIC_URL set to a documentation address (never contacted): the share link
and the projector's QR code must use it. The phone opens the same path on the studio's real address.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from browser_support import publish_project, settled, wait
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from studio.web.visit import qr_data_uri

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

PUBLIC = "http://198.51.100.24:8501"  # a documentation address, used only as a string
IDEA = "a 10 question quiz on the planets for my class"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def public_url() -> Iterator[str]:
    patch = pytest.MonkeyPatch()
    patch.setenv("FLASHAPPS_PUBLIC_URL", PUBLIC)
    apps_port = _free_port()  # the apps' origin this browser reaches (the public address is only a string here)
    patch.setenv("FLASHAPPS_APPS_PORT", str(apps_port))
    patch.setenv("FLASHAPPS_APPS_URL", f"http://127.0.0.1:{apps_port}")
    yield PUBLIC
    patch.undo()


@pytest.fixture(scope="module")
def studio(public_url: str, studio: object) -> object:  # the conftest's studio, started with the public URL
    return studio


def publish_quiz(home: Path, out: Path) -> str:
    """A quiz made by the command line, published by a teacher account (the gallery of the studio's home)."""
    return publish_project(home, IDEA, out, ("ms_lin", "ms-lin-password"), "Planets quiz")


def phone(driver: WebDriver) -> WebDriver:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 2, "mobile": True}
    )
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    return driver


def test_a_share_link_on_a_phone_is_the_app_and_the_projector_shows_its_qr(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path], tmp_path: Path
) -> None:
    base: str = studio.url  # type: ignore[attr-defined]
    slug = publish_quiz(studio.home, tmp_path / "quiz")  # type: ignore[attr-defined]
    link = f"{PUBLIC}/s/{slug}"

    board = browser(width=1280, height=800)  # the teacher's projector
    board.get(f"{base}s/{slug}/board")
    qr = wait(board, lambda d: d.find_elements(By.ID, "board-qr"), 60, "the projector's QR code")[0]  # type: ignore[index]
    assert board.find_element(By.ID, "board-link").text == link
    assert qr.get_attribute("src") == qr_data_uri(link)  # the QR code of the share link, on FLASHAPPS_PUBLIC_URL
    size = board.execute_script("return Math.min(innerWidth, innerHeight)")
    assert qr.size["width"] >= 0.5 * size, (qr.size, size)  # large enough to scan from the back of a room
    assert not board.find_elements(By.ID, "board-warning")
    shots(board, "projector-qr")

    driver = phone(browser(language="en-US", width=390, height=844))
    driver.get(f"{base}s/{slug}")  # the share link's path, on the studio's own address
    wait(driver, lambda d: d.find_elements(By.ID, "visit-app"), 60, "the visitor's page")
    assert driver.find_element(By.ID, "visit-title").text == "Planets quiz"
    assert "ms_lin" in driver.find_element(By.ID, "visit-author").text
    assert driver.find_element(By.ID, "visit-remix").is_displayed() and driver.find_element(By.ID, "visit-report")
    top = driver.execute_script(
        "const f = document.getElementById('visit-app').getBoundingClientRect();"
        "const b = document.getElementById('visit-bar').getBoundingClientRect();"
        "return {w: innerWidth, h: innerHeight, fw: f.width, ft: f.top, fb: f.bottom, bar: b.height,"
        " scroll: document.documentElement.scrollHeight, imgs: document.images.length,"
        " studio: document.querySelectorAll('[data-testid=stSidebar], [data-testid=stNavigation]').length}"
    )
    assert top["w"] == 390 and top["fw"] == 390, top  # the app is as wide as the phone
    assert abs(top["fb"] - top["h"]) <= 1 and top["bar"] <= 56 and top["ft"] <= 56, top  # and fills the screen
    assert top["scroll"] <= top["h"] + 1, top  # one scrolling page: the app's own, never a frame inside a page
    assert top["imgs"] == 0 and top["studio"] == 0, top  # no QR of this page, no studio navigation

    driver.switch_to.frame(driver.find_element(By.ID, "visit-app"))
    settled(driver, 180)
    button = wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-quiz__submit button"), 180,
                  "the quiz's Check answers button")[0]  # type: ignore[index]  # fmt: skip
    assert not driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSidebar"]')
    shots(driver, "visitor-phone-top")
    height = driver.execute_script("return [innerHeight, document.scrollingElement.scrollHeight]")
    below = driver.execute_script("return arguments[0].getBoundingClientRect().top", button)
    assert below > height[0], (below, height)  # a quiz is taller than a phone: Check answers is below the screen
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    reached = driver.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)?.closest('button') === arguments[0]"
        " && r.top >= 0 && r.bottom <= innerHeight",
        button,
    )
    assert reached, "the Check answers button is not on screen after scrolling the app's page"
    button.click()
    score = '[data-testid="stMetric"]'
    wait(driver, lambda d: any(" / " in e.text for e in d.find_elements(By.CSS_SELECTOR, score)), 120, "the score")
    settled(driver)
    shown = [e for e in driver.find_elements(By.CSS_SELECTOR, score) if " / " in e.text][0]
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", shown)  # the score, by scrolling
    shots(driver, "visitor-phone-score")
