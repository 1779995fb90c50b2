"""A game's best score belongs to its visitor: a finished game comes back from the page to the app,
which keeps each visitor's best (by the visitor cookie the studio's proxy gives each browser) and a
shared leaderboard of them. Two strangers in two browsers, one app, served as the studio serves it."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import new_project, page_text, settled, type_into, wait, wait_text
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

ROOT = Path(__file__).resolve().parents[2]
STRINGS = json.loads((ROOT / "templates" / "app_strings.json").read_text(encoding="utf-8"))["en"]

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]


def open_app(driver: WebDriver, url: str) -> None:
    driver.get(url)
    settled(driver, 120)
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "iframe"), 120, "the game's frame")


def finish_game(driver: WebDriver, score: int) -> None:
    """Plays to the end through the shared runtime: the page scores and loses, as a game over does."""
    frame = driver.find_element(By.CSS_SELECTOR, "iframe")
    driver.switch_to.frame(frame)
    try:
        wait(driver, lambda d: d.execute_script("return !!(window.__game && window.FG)"), 60, "the game runtime")
        driver.execute_script("FG.start(); FG.score(arguments[0]); FG.lose();", score)
        assert driver.execute_script("return window.__game.status") == "lost"
    finally:
        driver.switch_to.default_content()


def chip_best(driver: WebDriver) -> str:
    driver.switch_to.frame(driver.find_element(By.CSS_SELECTOR, "iframe"))
    try:
        return str(driver.execute_script("return String(window.__game.best)"))
    finally:
        driver.switch_to.default_content()


def bests(database: Path, cid: str) -> dict[str, int]:
    with sqlite3.connect(database) as db:
        rows = db.execute("SELECT key, value FROM _kv WHERE key LIKE ?", (f"game:{cid}:best@%",)).fetchall()
    return {key.rsplit("@", 1)[1]: json.loads(value) for key, value in rows}


def test_each_visitor_keeps_their_own_best_and_shares_the_leaderboard(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path]
) -> None:
    home: Path = studio.home  # type: ignore[attr-defined]
    project = new_project(home, "a snake game")
    url = f"{studio.url}apps/draft-{project}/"  # type: ignore[attr-defined]
    your_best = STRINGS["game_your_best"]

    ana = browser()
    open_app(ana, url)
    wait_text(ana, f"{your_best}: —")
    finish_game(ana, 42)
    wait_text(ana, f"{your_best}: 42")
    type_into(ana, "game__player", "Ana")
    wait(ana, lambda d: "Ana" in page_text(d) and "42" in page_text(d), 60, "Ana's line on the leaderboard")
    shots(ana, "game-best-kept-for-ana")
    finish_game(ana, 17)  # a lower score is a play, not a new best
    wait(ana, lambda d: STRINGS["game_new_best"].format(17) not in page_text(d), 10, "no new best")

    ben = browser(width=390, height=844)
    open_app(ben, url)
    wait_text(ben, "Ana")  # the leaderboard is shared
    wait_text(ben, f"{your_best}: —")  # but Ana's best is hers
    assert chip_best(ben) == "0"
    finish_game(ben, 9)
    wait_text(ben, f"{your_best}: 9")
    shots(ben, "game-best-kept-for-ben-phone")

    ana.refresh()  # the same browser is the same visitor: the best comes back, in the page too
    open_app(ana, url)
    wait_text(ana, f"{your_best}: 42")
    assert chip_best(ana) == "42"

    database = home / "appdata" / f"draft-{project}" / "app.sqlite3"
    kept = bests(database, "game")
    assert sorted(kept.values()) == [9, 42], kept
    assert all(len(visitor) == 32 for visitor in kept), "each best is kept under a visitor id from the cookie"
    cookies = {c["name"]: c for c in ana.get_cookies()}
    visitor = cookies["flash_visitor"]
    assert visitor["httpOnly"] and visitor["path"] == f"/apps/draft-{project}/"
    assert kept[visitor["value"]] == 42
