"""The whole product in a real browser: a maker, a stranger with the share link, a maintainer.

Runs against ``python -m studio.server`` (what ``make run`` starts), apps served by the runner in
the sandbox backend. Every step leaves a screenshot in the shots folder (see conftest.py).
"""

from __future__ import annotations

import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import by_key, click, page_text, settled, type_into, wait, wait_text
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver

from studio.strings import STEP_LABELS, STRINGS

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser"), pytest.mark.timeout(900)]

IDEA = "an app to track my daily water intake"


def en(key: str) -> str:
    return STRINGS[key]["en"].split("{")[0].strip()


def nav(driver: WebDriver, title_key: str) -> None:
    """Follows the studio's own navigation link, found by its title (keeps this browser session's sign-in)."""
    link = wait(driver, lambda d: _link(d, en(title_key)), 30, f"a navigation link {en(title_key)!r}")
    driver.execute_script("arguments[0].click();", link)
    settled(driver)


def _link(driver: WebDriver, title: str) -> object:
    for element in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
        if str(element.text).strip().endswith(title) and element.is_displayed():
            return element
    return False


def in_app(driver: WebDriver, timeout: float = 60) -> None:
    """Into the live app's frame (served by the runner under /apps/...)."""
    driver.switch_to.default_content()
    frame = wait(driver, lambda d: _visible_frame(d), timeout, "the live app's frame")
    driver.switch_to.frame(frame)


def _visible_frame(driver: WebDriver) -> object:
    for frame in driver.find_elements(By.CSS_SELECTOR, "iframe"):
        if "/apps/" in (frame.get_attribute("src") or "") and frame.is_displayed():
            return frame
    return False


def metric(driver: WebDriver, label: str) -> str:
    for element in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stMetric"]'):
        text = str(element.text)
        if text.startswith(label):
            return text
    return ""


def sign_up(driver: WebDriver, base: str, name: str, password: str) -> None:
    driver.get(base + "account")
    type_into(driver, "signup_username", name)
    type_into(driver, "signup_password", password)
    click(driver, "signup")
    wait_text(driver, name)


def expand(driver: WebDriver, title: str) -> None:
    summary = wait(driver, lambda d: _summary(d, title), 30, f"the expander {title!r}")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", summary)


def _summary(driver: WebDriver, title: str) -> object:
    for element in driver.find_elements(By.CSS_SELECTOR, "details summary"):
        if title in str(element.text):
            return element
    return False


def status_of(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=30) as reply:
            return int(reply.status)
    except urllib.error.HTTPError as error:
        return int(error.code)


def test_make_use_change_publish_share_remix_report_hide(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    base = studio.url  # type: ignore[attr-defined]
    maker = browser()

    # A maker signs up, types one sentence and watches the stages arrive.
    sign_up(maker, base, "teacher1", "teacher-pass-1")
    nav(maker, "nav_create")
    by_key(maker, "idea", "textarea")
    shots(maker, "create-page")
    type_into(maker, "idea", IDEA)
    click(maker, "create")
    first, last = STEP_LABELS["value"]["en"], STEP_LABELS["verify"]["en"]
    seen_partial = False
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        text = page_text(maker)
        if first in text and f"{last} ·" not in text and not seen_partial:
            seen_partial = True
            shots(maker, "stages-arriving")
        if maker.find_elements(By.CSS_SELECTOR, "iframe") and en("card_value") in text:
            break
        time.sleep(0.15)
    else:
        raise AssertionError(f"no result after 300 s:\n{page_text(maker)[-1500:]}\n{studio.log_tail()}")  # type: ignore[attr-defined]
    assert seen_partial, "the stages should appear one by one, before verification ends"
    wait_text(maker, en("verified"), 120)
    shots(maker, "result-card-and-check")

    # The live app works: add a record, the total changes.
    in_app(maker)
    by_key(maker, "add__amount", "input", timeout=90)
    before = metric(maker, "Today")
    type_into(maker, "add__amount", "250")
    click(maker, "add__submit")
    wait(maker, lambda d: metric(d, "Today") != before and "250" in metric(d, "Today"), 60, "the total to change")
    shots(maker, "live-app-record-added")
    maker.switch_to.default_content()

    # A follow-up sentence makes version 2.
    type_into(maker, "sentence", "set the daily goal to 3000 ml")
    click(maker, "apply")
    wait_text(maker, f"{en('versions')} (2)", 300)
    wait_text(maker, en("verified"), 120)
    shots(maker, "changed-to-version-2")

    # Publish, and read the share link.
    by_key(maker, "publish_title", "input")
    click(maker, "publish")
    wait_text(maker, en("published"), 120)
    code = wait(maker, lambda d: _share_link(d), 30, "the share link")
    share = str(code)
    slug = re.search(r"/s/([a-z0-9]+)", share).group(1)  # type: ignore[union-attr]
    shots(maker, "published-share-link")

    # Found by search in the gallery.
    nav(maker, "nav_gallery")
    type_into(maker, "q", "water", submit=True)
    by_key(maker, f"open_{slug}", "button", timeout=60)
    shots(maker, "gallery-search")

    # A stranger opens the share link with no account: the app runs.
    stranger = browser()
    stranger.get(share)
    in_app(stranger, 90)
    by_key(stranger, "add__amount", "input", timeout=90)
    shots(stranger, "stranger-opens-share-link")
    stranger.switch_to.default_content()

    # The maker reports it and remixes it from its page.
    click(maker, f"open_{slug}")
    settled(maker)
    expand(maker, en("report_title"))
    type_into(maker, "report_reason", "testing the report path: the goal text is misleading")
    click(maker, "report")
    wait_text(maker, en("reported"))
    shots(maker, "app-page-reported")
    click(maker, "remix")
    wait(maker, lambda d: bool(_visible_frame(d)) and slug in page_text(d), 120, "the remix draft")
    shots(maker, "remix-draft")

    # A maintainer hides it with a reason.
    curator = browser()
    curator.get(base + "account")
    type_into(curator, "signin_username", "curator")
    type_into(curator, "signin_password", "curator-pass-123")
    click(curator, "signin")
    wait_text(curator, "curator")
    nav(curator, "nav_curate")
    type_into(curator, "curate_slug", slug)
    click(curator, "curate_open")
    pick = by_key(curator, "curate_reason_code", "input")  # the reason's kind, from the short list
    curator.execute_script("arguments[0].scrollIntoView({block: 'center'});", pick)
    pick.click()
    pick.send_keys("Does not work", Keys.ENTER)
    settled(curator)
    type_into(curator, "curate_reason", "hidden while the report is looked at")
    shots(curator, "curate-review")
    click(curator, "act_hide")
    wait(curator, lambda d: bool(d.find_elements(By.CSS_SELECTOR, '[data-testid="stAlertContentSuccess"]')), 60,
         "the hide to be confirmed")  # fmt: skip
    shots(curator, "curate-hidden")

    # The link no longer serves it to others.
    late = browser()
    late.get(share)
    wait(late, lambda d: "not available" in page_text(d), 60, "the visitor's page to say the app is unavailable")
    assert not _visible_frame(late)
    shots(late, "share-link-after-hide")
    assert status_of(f"{base}apps/{slug}/") == 404
    late.get(f"{base}apps/{slug}/")
    shots(late, "app-address-after-hide")


def _share_link(driver: WebDriver) -> object:
    for element in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stCode"] code, [data-testid="stCode"] pre'):
        text = str(element.text).strip()
        if "/s/" in text:  # the visitor's page
            return text
    return False


def test_a_chinese_browser_gets_the_studio_and_the_app_in_chinese(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    learner = browser(language="zh-CN")
    learner.get(studio.url)  # type: ignore[attr-defined]
    wait_text(learner, STRINGS["tagline"]["zh"])
    type_into(learner, "idea", "帮我做一个背单词的小游戏")
    click(learner, "create")
    wait_text(learner, STRINGS["card_value"]["zh"], 300)
    in_app(learner, 90)
    wait(learner, lambda d: re.search(r"[\u4e00-\u9fff]", page_text(d)) is not None, 90, "the app's Chinese text")
    assert not re.search(r"\b(Save|Next|Score)\b", page_text(learner))
    shots(learner, "zh-app")


def test_signed_in_survives_a_reload_and_sign_out_sticks(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    base = studio.url  # type: ignore[attr-defined]
    maker = browser()
    sign_up(maker, base, "reloader", "reloader-pass-1")
    signed_in_as = STRINGS["signed_in_as"]["en"].format(name="reloader").replace("**", "")
    wait_text(maker, signed_in_as)
    cookie = maker.get_cookie("flashapps_session")
    assert cookie and cookie["httpOnly"] and cookie["sameSite"] == "Lax" and cookie["path"] == "/"
    assert "flashapps_session" not in str(maker.execute_script("return document.cookie"))  # not for page scripts
    assert "ticket" not in maker.current_url and cookie["value"] not in maker.current_url
    maker.refresh()
    settled(maker)
    wait_text(maker, signed_in_as)
    shots(maker, "signed-in-after-reload")
    click(maker, "sign_out")
    wait_text(maker, en("not_signed_in"))
    assert maker.get_cookie("flashapps_session") is None
    maker.refresh()
    settled(maker)
    wait_text(maker, en("not_signed_in"))
    assert signed_in_as not in page_text(maker)
    shots(maker, "signed-out-after-reload")
