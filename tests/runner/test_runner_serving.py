"""Serving apps through the proxy on every backend: cold start, WebSocket, idle stop, data kept,
a crash kept to itself, the bound on running apps."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx2
import pytest
from runner_support import Apps, ProxyServer, app_session

from flashapps.bundle import AppBundle
from studio.serving.runner import AppRunner

pytestmark = [pytest.mark.slow, pytest.mark.docker, pytest.mark.timeout(180)]


def session(url: str, hold_s: float = 0.0, headers: dict[str, str] | None = None) -> bytes:
    return asyncio.run(app_session(url, hold_s, headers))


def get(url: str) -> httpx2.Response:
    return httpx2.get(url, timeout=60, follow_redirects=True)


def crash(runner: AppRunner, key: str) -> None:
    """Kills an app's sandbox from outside, as an out-of-memory kill or a crash would."""
    served: Any = runner.served(key)
    assert served is not None
    if hasattr(served, "container"):
        served.container.kill()
    else:
        os.killpg(served.process.pid, signal.SIGKILL)
        served.process.wait(timeout=10)
    deadline = time.monotonic() + 10
    while served.alive() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not served.alive()


def test_cold_start_page_health_and_websocket(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer], record_property: Callable[[str, object], None],
) -> None:  # fmt: skip
    apps.add("water", water_app.path)
    runner = make_runner()
    server = proxy_server(runner)
    began = time.perf_counter()
    page = get(f"{server.url}/apps/water/")
    usable = time.perf_counter() - began
    record_property("cold_start_s", round(usable, 3))
    print(f"cold start on {runner.backend_name}: {usable:.2f} s to the first page")
    assert page.status_code == 200
    assert "<noscript>" in page.text
    # the only cookie is the proxy's visitor id, for this app's path alone and out of scripts' reach
    (cookie,) = page.headers.get_list("set-cookie")
    assert cookie.startswith("flash_visitor=") and "Path=/apps/water/;" in cookie and "HttpOnly" in cookie
    again = httpx2.get(f"{server.url}/apps/water/", cookies={"flash_visitor": "ab" * 16}, timeout=60)
    assert "set-cookie" not in again.headers, "a browser that has its id keeps it"
    health = get(f"{server.url}/apps/water/_stcore/health")
    assert (health.status_code, health.text) == (200, "ok")
    assert get(f"{server.url}/apps/water").status_code == 200  # redirected to the slash
    posted = httpx2.post(f"{server.url}/apps/water/_stcore/health", content=b"x" * 300_000, timeout=60)
    assert posted.status_code == 405  # a streamed body reaches Streamlit, which answers for itself
    reply = session(f"{server.url}/apps/water/")
    assert b"Water Tracker" in reply
    assert get(f"{server.url}/apps/nothing-here/").status_code == 404


def test_idle_app_stops_and_starts_again(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    apps.add("water", water_app.path)
    runner = make_runner(idle_seconds=1.0, reap_every_s=0.2)
    runner.start_reaper()
    server = proxy_server(runner)
    assert get(f"{server.url}/apps/water/").status_code == 200
    served = runner.served("water")
    assert served is not None
    deadline = time.monotonic() + 20
    while (runner.running() or served.alive()) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert runner.running() == {}
    assert not served.alive()
    assert get(f"{server.url}/apps/water/").status_code == 200  # restarts on demand
    assert "water" in runner.running()


def test_open_websocket_keeps_an_app_from_idling(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    apps.add("water", water_app.path)
    runner = make_runner(idle_seconds=0.5, reap_every_s=0.1)
    runner.start_reaper()
    server = proxy_server(runner)
    assert get(f"{server.url}/apps/water/").status_code == 200

    async def hold() -> bool:
        held = asyncio.ensure_future(app_session(f"{server.url}/apps/water/", hold_s=3.0))
        await asyncio.sleep(2.5)  # five idle periods with the page open
        still = "water" in runner.running()
        await held
        return still

    assert asyncio.run(hold())
    deadline = time.monotonic() + 10
    while runner.running() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert runner.running() == {}  # closed: idle, stopped


def test_data_is_kept_across_restarts_and_seen_again(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle, flashapps_home: Path,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    apps.add("water", water_app.path)
    runner = make_runner()
    server = proxy_server(runner)
    first = session(f"{server.url}/apps/water/")
    database = flashapps_home / "appdata" / "water" / "app.sqlite3"
    assert database.is_file(), "the app keeps its records in the mounted data folder"
    assert b"RUNNER-MARKER-4821" not in first
    runner.stop("water")
    with sqlite3.connect(database) as db:  # a record made while it was stopped
        db.execute(
            "INSERT INTO drink (created_at, amount, kind, day, note) VALUES (datetime('now'), 4821, 'Tea', "
            "date('now'), 'RUNNER-MARKER-4821')"
        )
    again = session(f"{server.url}/apps/water/")
    assert runner.served("water") is not None
    assert b"RUNNER-MARKER-4821" in again or b"4821" in again, "the restarted app does not see its data"
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*) FROM drink WHERE note = 'RUNNER-MARKER-4821'").fetchone() == (1,)


def test_each_visitor_reads_only_their_own_personal_records(
    make_runner: Callable[..., AppRunner], apps: Apps, personal_app: AppBundle, flashapps_home: Path,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    """The visitor id travels from the browser's cookie through the proxy into the app on every backend; a
    browser cannot claim another visitor's id with a header of its own."""
    apps.add("diary", personal_app.path)
    server = proxy_server(make_runner())
    url = f"{server.url}/apps/diary/"
    ana, ben = "a1" * 16, "b2" * 16
    session(url, headers={"Cookie": f"flash_visitor={ana}"})
    database = flashapps_home / "appdata" / "diary" / "app.sqlite3"
    with sqlite3.connect(database) as db:
        for visitor, marker in ((ana, 5111), (ben, 5222)):
            db.execute(
                "INSERT INTO drink (created_at, amount, kind, day, note, _visitor) VALUES "
                "(datetime('now'), ?, 'Tea', date('now'), ?, ?)",
                (marker, f"VISITOR-MARK-{marker}", visitor),
            )
    seen_by_ana = session(url, headers={"Cookie": f"flash_visitor={ana}"})
    seen_by_ben = session(url, headers={"Cookie": f"flash_visitor={ben}"})
    stranger = session(url, headers={"X-Flash-Visitor": ben})  # no cookie, a forged header
    assert b"VISITOR-MARK-5111" in seen_by_ana and b"VISITOR-MARK-5222" not in seen_by_ana
    assert b"VISITOR-MARK-5222" in seen_by_ben and b"VISITOR-MARK-5111" not in seen_by_ben
    assert b"VISITOR-MARK" not in stranger


def test_a_crash_stays_with_its_app(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle, broken_app: Path,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    apps.add("one", water_app.path)
    apps.add("two", water_app.path)
    apps.add("broken", broken_app)
    runner = make_runner()
    server = proxy_server(runner)
    for key in ("one", "two", "broken"):
        assert get(f"{server.url}/apps/{key}/").status_code == 200
    assert b"this app is broken on purpose" in session(f"{server.url}/apps/broken/")  # shown in its own page
    crash(runner, "one")
    assert get(f"{server.url}/apps/two/_stcore/health").text == "ok"
    assert b"Water Tracker" in session(f"{server.url}/apps/two/")
    assert get(f"{server.url}/apps/broken/_stcore/health").text == "ok"
    # the crashed app comes back on its next visit, whatever is asked first
    assert get(f"{server.url}/apps/one/_stcore/health").text == "ok"
    assert runner.served("one") is not None and runner.served("one").alive()  # type: ignore[union-attr]


def test_running_apps_are_bounded(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    for key in ("a", "b", "c"):
        apps.add(key, water_app.path)
    runner = make_runner(max_running=2, busy_grace_s=0)
    server = proxy_server(runner)
    assert get(f"{server.url}/apps/a/").status_code == 200
    assert get(f"{server.url}/apps/b/").status_code == 200
    assert get(f"{server.url}/apps/c/").status_code == 200  # a, least recently used and idle, made room
    assert sorted(runner.running()) == ["b", "c"]

    async def both_in_use() -> httpx2.Response:
        held = [asyncio.ensure_future(app_session(f"{server.url}/apps/{key}/", hold_s=4)) for key in ("b", "c")]
        await asyncio.sleep(2.5)
        async with httpx2.AsyncClient(timeout=60) as client:
            refused = await client.get(f"{server.url}/apps/a/")
        await asyncio.gather(*held)
        return refused

    refused = asyncio.run(both_in_use())
    assert refused.status_code == 503
    assert "Try again in a minute" in refused.text and "请一分钟后再试" in refused.text
    assert sorted(runner.running()) == ["b", "c"]
    assert get(f"{server.url}/apps/a/").status_code == 200  # free again once nobody holds them
    assert len(runner.running()) == 2
