"""A draft made without an account stays its browser's across a reload (an HttpOnly cookie set through a
one-time ticket); another browser with the same link sees the draft read-only, with a Remix of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import by_key, click, page_text, settled, type_into, wait, wait_text
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from studio.strings import STRINGS

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser"), pytest.mark.timeout(900)]


def en(key: str) -> str:
    return STRINGS[key]["en"].split("{")[0].split(":")[0].strip()


def _boxes(driver: WebDriver) -> list[str]:
    """The keys of the boxes that change or publish a draft, as they are on the page now."""
    keys = ("sentence", "apply", "undo", "publish", "publish_title")
    return [key for key in keys if driver.find_elements(By.CSS_SELECTOR, f".st-key-{key}")]


def test_an_anonymous_draft_stays_its_browsers_after_a_reload_and_others_only_look(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    maker = browser()
    maker.get(studio.url)  # type: ignore[attr-defined]
    wait_text(maker, STRINGS["tagline"]["en"])
    type_into(maker, "idea", "a reading log for my evening books")
    click(maker, "create")
    wait_text(maker, en("card_value"), 300)
    cookie = maker.get_cookie("flashapps_maker")
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert "flashapps_maker" not in str(maker.execute_script("return document.cookie"))  # not for page scripts
    assert "ticket" not in maker.current_url and cookie["value"] not in maker.current_url
    by_key(maker, "sentence", "input")
    maker.refresh()  # a new session of the page: the cookie says this browser made the draft
    settled(maker)
    wait_text(maker, en("card_value"), 120)
    by_key(maker, "sentence", "input")
    shots(maker, "own-draft-after-reload")

    stranger = browser()
    stranger.get(maker.current_url)  # the same link, in another browser
    wait_text(stranger, en("draft_view_only"), 120)
    wait(stranger, lambda d: bool(d.find_elements(By.CSS_SELECTOR, "iframe")), 60, "the draft itself")
    assert _boxes(stranger) == [], _boxes(stranger)
    assert stranger.get_cookie("flashapps_maker") is None
    shots(stranger, "someone-elses-draft")
    click(stranger, "remix_draft")
    by_key(stranger, "sentence", "input", timeout=300)  # the remix is the stranger's own
    assert en("draft_view_only") not in page_text(stranger)
    assert stranger.get_cookie("flashapps_maker") is not None
