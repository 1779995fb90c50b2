"""Whose records a shared app shows, in real browsers through the studio's proxy.

A personal diary: visitor B never sees visitor A's entry, and A can take their records away and
delete them. The same diary switched to hand-in (submissions): two visitors each see their own, and
the app's maker, signed in to the studio, sees both."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import click, new_project, page_text, settled, type_into, wait, wait_text
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from flashapps.settings import Settings
from workshop.actions import Workshop
from workshop.makers import Maker
from workshop.projects import ProjectStore

ROOT = Path(__file__).resolve().parents[2]
STRINGS = json.loads((ROOT / "templates" / "app_strings.json").read_text(encoding="utf-8"))["en"]
IDEA = "a diary to write how my day went"

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def open_app(driver: WebDriver, url: str) -> None:
    driver.get(url)
    settled(driver, 120)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, ".st-key-add__submit button"), 120, "the diary's form")


def write(driver: WebDriver, title: str) -> None:
    """One entry: the title, then the text (Ctrl+Enter in a form's text area sends the form)."""
    type_into(driver, "add__title", title)
    type_into(driver, "add__body", f"{title}: what happened today.")
    wait_text(driver, STRINGS["saved"])
    settled(driver)


def entries(driver: WebDriver) -> str:
    """The entry count the app shows this visitor (its 'all entries' metric)."""
    for element in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
        lines = str(element.text).splitlines()
        if lines and lines[0].strip() == "All entries":
            return lines[1].strip()
    return ""


def your_data(driver: WebDriver) -> str:
    for summary in driver.find_elements(By.CSS_SELECTOR, "details summary"):
        is_open = summary.find_element(By.XPATH, "..").get_attribute("open") is not None
        if STRINGS["your_data"] in summary.text and not is_open:
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary)
    wait_text(driver, STRINGS["your_data_forget"])
    return page_text(driver)


def sign_up(driver: WebDriver, base: str, name: str, password: str) -> None:
    driver.get(base + "account")
    type_into(driver, "signup_username", name)
    type_into(driver, "signup_password", password)
    click(driver, "signup")
    wait_text(driver, name)


def test_personal_records_stay_with_their_visitor(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    home: Path = studio.home  # type: ignore[attr-defined]
    project = new_project(home, IDEA)
    url = f"{studio.url}apps/draft-{project}/"  # type: ignore[attr-defined]

    ana = browser()
    open_app(ana, url)
    write(ana, "Ana's secret plan")
    wait(ana, lambda d: entries(d) == "1", 60, "Ana's entry to be counted")
    text = your_data(ana)
    assert STRINGS["your_data_personal"] in text
    assert STRINGS["your_data_export"].format("Daily Journal", 1) in text
    shots(ana, "personal-diary-ana")

    ben = browser(width=390, height=844)
    open_app(ben, url)
    wait(ben, lambda d: entries(d) == "0", 60, "Ben's empty diary: he sees nothing of Ana's")
    assert "Ana's secret plan" not in page_text(ben)
    write(ben, "Ben's day")
    wait(ben, lambda d: entries(d) == "1", 60, "Ben's own entry")
    shots(ben, "personal-diary-ben-phone")

    your_data(ana)  # Ana deletes her data; Ben's stays
    sure = ana.find_element(By.CSS_SELECTOR, ".st-key-your_data__sure label")
    ana.execute_script("arguments[0].scrollIntoView({block: 'center'});", sure)
    sure.click()
    forget = ".st-key-your_data__forget button"
    wait(ana, lambda d: d.find_element(By.CSS_SELECTOR, forget).is_enabled(), 60, "the delete button to be enabled")
    click(ana, "your_data__forget")
    wait(ana, lambda d: entries(d) == "0", 60, "Ana's diary to be empty")
    shots(ana, "personal-diary-ana-deleted")
    ben.refresh()
    open_app(ben, url)
    wait(ben, lambda d: entries(d) == "1", 60, "Ben's entry, still there")


def test_handed_in_records_are_seen_by_their_sender_and_the_maker(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    home: Path = studio.home  # type: ignore[attr-defined]
    base: str = studio.url  # type: ignore[attr-defined]
    project = new_project(home, IDEA)
    ProjectStore(home).claim(project, "teacher7")
    teacher = Maker(username="teacher7")
    Workshop(Settings(home=home)).set_scope(project, "submissions", actor=teacher)  # the switch, as a new version
    url = f"{base}apps/draft-{project}/"

    for name in ("Student one", "Student two"):
        student = browser(width=390, height=844)
        open_app(student, url)
        write(student, f"{name} hands in")
        wait(student, lambda d: entries(d) == "1", 60, f"{name} to see only their own")
        assert STRINGS["your_data_submissions"] in your_data(student)

    maker = browser()
    sign_up(maker, base, "teacher7", "teacher-pass-7")
    open_app(maker, url)
    wait(maker, lambda d: entries(d) == "2", 60, "the maker to see both")
    assert STRINGS["your_data_owner"] in your_data(maker)
    shots(maker, "handed-in-maker-sees-all")
