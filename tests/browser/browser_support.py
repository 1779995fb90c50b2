"""Streamlit in a real browser: widgets by key (Streamlit gives each keyed element the class st-key-<key>)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    StaleElementReferenceException,
    TimeoutException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import WebDriverWait


def wait(driver: WebDriver, condition: Callable[[WebDriver], object], timeout: float, what: str) -> object:
    try:
        return WebDriverWait(
            driver, timeout, poll_frequency=0.2, ignored_exceptions=(StaleElementReferenceException,)
        ).until(condition)
    except TimeoutException:
        raise AssertionError(
            f"waited {timeout:.0f} s for {what}; the page says:\n{page_text(driver)[-1500:]}"
        ) from None


def page_text(driver: WebDriver) -> str:
    try:
        return str(driver.find_element(By.TAG_NAME, "body").text)
    except WebDriverException:
        return ""


def settled(driver: WebDriver, timeout: float = 60) -> None:
    """Until Streamlit has finished running the script (no running indicator) and the page has content."""

    def done(d: WebDriver) -> bool:
        running = d.find_elements(By.CSS_SELECTOR, '[data-testid="stStatusWidget"]')
        app = d.find_elements(By.CSS_SELECTOR, '[data-testid="stApp"], [data-testid="stAppViewContainer"]')
        return bool(app) and not any(element.is_displayed() for element in running)

    time.sleep(0.3)
    wait(driver, done, timeout, "the script run to finish")


def by_key(driver: WebDriver, key: str, inner: str = "", timeout: float = 60) -> WebElement:
    selector = ", ".join(f".st-key-{key} {part.strip()}".strip() for part in (inner or " ").split(","))
    found = wait(driver, lambda d: _visible(d, selector), timeout, f"widget {selector!r}")
    assert isinstance(found, WebElement)
    return found


def _visible(driver: WebDriver, selector: str) -> WebElement | bool:
    for element in driver.find_elements(By.CSS_SELECTOR, selector):
        if element.is_displayed():
            return element
    return False


def click(driver: WebDriver, key: str, timeout: float = 60) -> None:
    for _ in range(20):
        element = by_key(driver, key, "button", timeout)
        try:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
            element.click()
            return
        except (ElementClickInterceptedException, StaleElementReferenceException):
            time.sleep(0.3)
    raise AssertionError(f"could not click {key!r}")


def type_into(driver: WebDriver, key: str, value: str, *, submit: bool = False, timeout: float = 60) -> None:
    element = by_key(driver, key, "input, textarea", timeout)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", element)
    element.send_keys(Keys.CONTROL, "a")
    element.send_keys(Keys.DELETE)
    element.send_keys(value)
    if element.tag_name == "textarea":
        element.send_keys(Keys.CONTROL, Keys.ENTER)  # a text area commits its value on Ctrl+Enter or blur
    elif submit:
        element.send_keys(Keys.ENTER)
    else:
        element.send_keys(Keys.TAB)
    time.sleep(0.4)


def wait_text(driver: WebDriver, text: str, timeout: float = 60) -> None:
    wait(driver, lambda d: text in page_text(d), timeout, f"the text {text!r}")


def new_project(home: Path, idea: str) -> str:
    """A studio project made with the command line in ``home`` (a studio's own), unchecked; its draft is
    served at ``/apps/draft-<id>/``."""
    env = {**os.environ, "FLASHAPPS_HOME": str(home)}
    made = subprocess.run(
        [sys.executable, "-m", "studio.cli", "new", idea, "--no-verify", "--json"],
        env=env, cwd=Path(__file__).resolve().parents[2], capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    return str(json.loads(made.stdout)["project"])


def publish_project(
    home: Path, idea: str, out: Path, account: tuple[str, str], title: str, change: Callable[[Path], None] | None = None
) -> str:
    """A project made from ``idea`` in ``home`` (a studio's own), copied to ``out`` (``change`` may rewrite the
    folder), and published by a new account straight into that studio's gallery, unchecked; its slug."""
    from flashapps.report import TestResult, VerifyReport
    from flashapps.settings import Settings
    from gallery import GallerySettings, open_gallery
    from workshop.actions import Workshop

    project = new_project(home, idea)
    env = os.environ.get("FLASHAPPS_HOME")
    os.environ["FLASHAPPS_HOME"] = str(home)
    try:
        folder = Workshop(Settings()).copy_out(project, out)
        if change is not None:
            change(folder)
        gallery = open_gallery(GallerySettings(database_url=f"sqlite:///{home / 'gallery.sqlite3'}",
                                               store_dir=home / "gallery-store"))  # fmt: skip
        maker = gallery.accounts.register(*account)
        report = VerifyReport(backend="none", isolated=False, passed=True,
                              tests=[TestResult(name="made with --no-verify", outcome="passed")])  # fmt: skip
        try:
            return gallery.apps.publish(maker, folder, report, title=title).slug
        finally:
            gallery.close()
    finally:
        if env is None:
            os.environ.pop("FLASHAPPS_HOME", None)
        else:
            os.environ["FLASHAPPS_HOME"] = env
