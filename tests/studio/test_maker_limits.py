"""Per-maker limits: a signed-in account, else an address, may make at most N new apps and start at most M jobs
an hour; past that the studio says how long to wait, in English and Chinese, and stores nothing (issue 17:
an anonymous visitor could make drafts without end). A fake clock stands in for time."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from flashapps.settings import Settings
from studio import services
from studio.limits import MakerLimits, TooSoon, client_address

Open = Callable[..., AppTest]
Wait = Callable[[AppTest], AppTest]


class Clock:
    def __init__(self) -> None:
        self.now = 5000.0

    def __call__(self) -> float:
        return self.now


def _limits(clock: Clock, who: list[str], drafts: int = 3, runs: int = 5) -> MakerLimits:
    settings = Settings(drafts_per_hour=drafts, runs_per_hour=runs)
    return MakerLimits(settings, maker=lambda: who[0], clock=clock)


def test_drafts_an_hour_then_a_wait_that_says_how_long() -> None:
    clock, who = Clock(), ["address:203.0.113.9"]
    limits = _limits(clock, who)
    for _ in range(3):
        limits.admit("create")
        clock.now += 60
    with pytest.raises(TooSoon) as wait:
        limits.admit("remix")  # a remix is a new draft too
    assert wait.value.retry_after == 3600 - 180
    assert "57 minutes" in wait.value.message("en") and "57 分钟" in wait.value.message("zh")
    who[0] = "address:198.51.100.7"  # someone else is not held up
    limits.admit("create")
    who[0] = "address:203.0.113.9"
    limits.admit("edit")  # changes are runs, not drafts: two left this hour
    clock.now += wait.value.retry_after  # the oldest draft leaves the window
    limits.admit("create")


def test_runs_an_hour_count_every_job_and_refusals_do_not_count() -> None:
    clock, who = Clock(), ["account:maker"]
    limits = _limits(clock, who, drafts=10, runs=5)
    for kind in ("create", "edit", "undo", "scope", "upload"):
        limits.admit(kind)
    for _ in range(20):  # asking again and again does not push the end of the wait further away
        with pytest.raises(TooSoon) as wait:
            limits.admit("edit")
        clock.now += 60
    assert wait.value.retry_after == 3600 - 19 * 60
    assert "changes and checks" in wait.value.message("en") and "修改和检查" in wait.value.message("zh")
    clock.now += wait.value.retry_after
    limits.admit("edit")


def test_no_maker_means_no_limit_and_zero_means_none() -> None:
    clock = Clock()
    unlimited = MakerLimits(Settings(drafts_per_hour=0, runs_per_hour=0), maker=lambda: "address:x", clock=clock)
    outside = MakerLimits(Settings(drafts_per_hour=1, runs_per_hour=1), maker=lambda: None, clock=clock)
    for _ in range(50):
        unlimited.admit("create")
        outside.admit("create")  # the command line: the operator's own machine


def test_forwarded_for_is_trusted_only_as_configured() -> None:
    headers = {"X-Forwarded-For": "10.9.9.9, 203.0.113.9"}  # the browser wrote the first, our proxy the last
    assert client_address("192.0.2.1", headers, hops=0) == "192.0.2.1"
    assert client_address("192.0.2.1", headers, hops=1) == "203.0.113.9"
    assert client_address("192.0.2.1", headers, hops=2) == "10.9.9.9"
    assert client_address(None, {}, hops=1) == "local"


def test_the_studio_refuses_the_draft_past_the_limit_and_stores_nothing(
    studio: Open, wait: Wait, monkeypatch: pytest.MonkeyPatch, flashapps_home: Path
) -> None:
    monkeypatch.setenv("FLASHAPPS_DRAFTS_PER_HOUR", "2")
    ideas = ["a habit tracker for reading", "a packing list for a trip", "a timer for my tea"]
    for n, idea in enumerate(ideas):
        at = studio()
        at.text_area(key="idea").set_value(idea)
        at.button(key="create").click().run()
        if n < 2:
            wait(at)
            continue
        assert not at.exception and at.error, "the third draft in an hour was not refused"
        assert "Please wait about 60 minutes" in at.error[0].value
    assert len(list((flashapps_home / "jobs").glob("*.json"))) == 2
    assert len(list((flashapps_home / "projects").glob("*/project.json"))) == 2
    assert services.jobs().admit is not None
