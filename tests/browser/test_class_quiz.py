"""A class without e-mail accounts, on phones, through the real studio and its proxy.

A teacher signs up, makes a spelling quiz with her own ten words, publishes it, makes a class and
shares the quiz with that class alone. Three students join with the class code and a nickname (no
password, no address), take the quiz and see only their own answers; a stranger gets the "this app is
for a class" page. The teacher sees the three scores by nickname and downloads them as CSV."""

from __future__ import annotations

import csv
import io
import re
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import by_key, click, page_text, settled, type_into, wait, wait_text
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement

from studio.strings import STRINGS

ROOT = Path(__file__).resolve().parents[2]
WORDS = ["rhythm", "island", "castle", "thumb", "knight", "whistle", "listen", "autumn", "column", "answer"]
IDEA = "a spelling quiz with these words: " + ", ".join(WORDS)
PHONE = {"width": 390, "height": 844}
STUDENTS = {"Mia": 10, "Leo": 7, "Zoe": 4}

pytestmark = [pytest.mark.slow, pytest.mark.timeout(1200)]


def en(key: str) -> str:
    return STRINGS[key]["en"].split("{")[0].strip()


def sign_up(driver: WebDriver, base: str, name: str, password: str) -> None:
    driver.get(base + "account")
    type_into(driver, "signup_username", name)
    type_into(driver, "signup_password", password)
    click(driver, "signup")
    wait_text(driver, name)


def open_tab(driver: WebDriver, title: str) -> None:
    tab = wait(driver, lambda d: next((t for t in d.find_elements(By.CSS_SELECTOR, "[role=tab]")
                                       if title in t.text), None), 60, f"the tab {title!r}")  # fmt: skip
    driver.execute_script("arguments[0].click();", tab)
    settled(driver)


def show(driver: WebDriver, selector: str) -> WebElement:
    """Scrolls the first element ``selector`` finds into view (for the screenshot) and returns it."""
    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
    time.sleep(0.3)
    return element


def take_quiz(driver: WebDriver, right: int) -> None:
    """Types the first ``right`` words correctly and the others wrong, then checks the answers."""
    for n, word in enumerate(WORDS):
        type_into(driver, f"quiz__q{n}", word if n < right else f"{word}x", timeout=120)
    click(driver, "quiz__submit")
    wait_text(driver, f"{right} / {len(WORDS)}", 60)


def test_a_class_takes_the_teachers_quiz_and_she_sees_their_scores(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path], tmp_path: Path
) -> None:
    base: str = studio.url  # type: ignore[attr-defined]
    teacher = browser(**PHONE)
    sign_up(teacher, base, "msli", "teacher-pass-8")

    # Her quiz, from one sentence: checked, then published.
    teacher.get(base)
    settled(teacher)
    type_into(teacher, "idea", IDEA)
    click(teacher, "create")
    wait_text(teacher, en("verified"), 420)
    click(teacher, "publish")
    wait_text(teacher, en("published"), 120)
    shots(teacher, "class-quiz-published")

    # A class, and the quiz shared with it alone.
    teacher.get(base + "classes")
    settled(teacher)
    type_into(teacher, "cls_new_name", "Class 3B")
    click(teacher, "cls_create")
    found = wait(teacher, lambda d: re.search(r"/join\?code=([A-Z0-9]{6})", page_text(d)), 60, "the class code")
    code = found.group(1)  # type: ignore[union-attr]
    shots(teacher, "class-code-and-qr")
    open_tab(teacher, STRINGS["cls_tab_apps"]["en"])
    click(teacher, f"cls_share_go_{code}")
    wait_text(teacher, STRINGS["cls_nobody_yet"]["en"], 60)
    link = wait(teacher, lambda d: d.find_elements(By.PARTIAL_LINK_TEXT, STRINGS["cls_open_app"]["en"]), 30, "link")
    app_path = str(link[0].get_attribute("href")).removeprefix(base.rstrip("/"))  # type: ignore[index]
    assert re.fullmatch(r"/apps/[a-z0-9]+/", app_path), app_path

    # A stranger (no class) is told the app is for a class.
    stranger = browser(**PHONE)
    stranger.get(base.rstrip("/") + app_path)
    wait_text(stranger, STRINGS["cls_for_class_title"]["en"], 60)
    assert "Class 3B" in page_text(stranger)
    shots(stranger, "class-app-stranger")

    # Three students join by code with a nickname, and take the quiz on their phones.
    for name, right in STUDENTS.items():
        student = browser(**PHONE)
        student.get(base + f"join?code={code}")
        student.find_element(By.ID, "nickname").send_keys(name)
        student.find_element(By.ID, "join").click()
        wait_text(student, STRINGS["cls_you_are"]["en"].format(name=name, klass="Class 3B"), 60)
        if name == "Mia":
            shots(student, "class-joined")
        student.find_element(By.CSS_SELECTOR, f'a[href="{app_path}"]').click()
        first = by_key(student, "quiz__q0", "input", timeout=240)
        assert first.get_attribute("value") == ""  # nothing of the students before her
        take_quiz(student, right)
        text = page_text(student)
        assert not [other for other in STUDENTS if other != name and other in text]
        show(student, '[data-testid="stMetric"]')
        shots(student, f"class-quiz-{name.lower()}")

    # The teacher sees each student's score, and downloads them.
    teacher.get(base + "classes")
    settled(teacher)
    open_tab(teacher, STRINGS["cls_tab_apps"]["en"])
    wait_text(teacher, STRINGS["cls_used_by"]["en"].format(n=3), 60)
    table = show(teacher, '[data-testid="stTable"]').text
    for name, right in STUDENTS.items():
        assert re.search(rf"{name}\s+{right} / 10", table), table
    shots(teacher, "class-scores")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    teacher.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    click(teacher, f"cls_csv_{app_path.split('/')[2]}")
    deadline = time.monotonic() + 60
    while not list(downloads.glob("*.csv")) and time.monotonic() < deadline:
        time.sleep(0.3)
    (saved,) = list(downloads.glob("*.csv"))
    rows = list(csv.reader(io.StringIO(saved.read_text(encoding="utf-8-sig"))))
    assert rows[0] == ["Student", "Part", "Answer", "When"]
    assert sorted((r[0], r[2]) for r in rows[1:]) == sorted((n, f"{s} / 10") for n, s in STUDENTS.items())
