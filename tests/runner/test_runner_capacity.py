"""Room for a class, on every backend: many visitors share one app; an app whose open tabs only send
Streamlit's heartbeats makes room; a page load that finds every place in use waits in a short queue
(a page in English and Chinese that tries again by itself) before it is turned away.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

import httpx2
import pytest
from runner_support import Apps, ProxyServer, app_session
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from flashapps.bundle import AppBundle
from sandbox.limits import SERVE_LIMITS
from studio.serving.room import is_use
from studio.serving.runner import AppRunner, RunnerSettings, memory_capacity

PAGE = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def get(url: str, headers: dict[str, str] | None = None) -> httpx2.Response:
    return httpx2.get(url, timeout=120, headers=headers)


def _back(kind: str) -> bytes:
    message = BackMsg()
    if kind == "rerun":
        message.rerun_script.query_string = ""
    elif kind == "heartbeat":
        message.app_heartbeat = True
    elif kind == "git":
        message.load_git_info = True
    elif kind == "stop":
        message.stop_script = True
    return message.SerializeToString()


def test_heartbeats_are_not_use_and_everything_else_is() -> None:
    assert not is_use(_back("heartbeat")) and not is_use(_back("git"))
    assert is_use(_back("rerun")) and is_use(_back("stop")) and is_use("text")


def test_capacity_follows_the_machines_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       8388608 kB\nMemFree:  100 kB\n")
    assert memory_capacity(512, meminfo) == 12  # three quarters of 8 GiB at 512 MiB each
    assert memory_capacity(256, meminfo) == 24
    meminfo.write_text("MemTotal:       1048576 kB\n")
    assert memory_capacity(512, meminfo) == 2  # never fewer than two
    runner = AppRunner(Apps(), settings=RunnerSettings(), backend=object(), home=tmp_path)
    assert runner.capacity == memory_capacity(SERVE_LIMITS.memory_mb)
    monkeypatch.setenv("FLASHAPPS_RUNNER_MAX_RUNNING", "7")
    assert AppRunner(Apps(), backend=object(), home=tmp_path).capacity == 7


def test_many_visitors_share_one_app(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    apps.add("water", water_app.path)
    runner = make_runner(max_running=1)
    server = proxy_server(runner)
    url = f"{server.url}/apps/water/"

    async def visitors() -> list[bytes]:
        async with httpx2.AsyncClient(timeout=120) as client:
            pages = await asyncio.gather(*[client.get(url) for _ in range(6)])
        assert [p.status_code for p in pages] == [200] * 6
        return await asyncio.gather(*[app_session(url, hold_s=0.5) for _ in range(6)])

    sessions = asyncio.run(visitors())
    assert len(sessions) == 6 and all(sessions)
    assert [key for key, _ in runner.cold_starts] == ["water"]  # one sandboxed Streamlit, six sessions
    assert list(runner.running()) == ["water"]


async def _open_tab(url: str) -> ClientConnection:
    """A browser tab: its WebSocket, one script run to the end, then left open."""
    ws = await connect(url.replace("http://", "ws://") + "_stcore/stream", subprotocols=["streamlit"], max_size=None)  # type: ignore[list-item]
    await ws.send(_back("rerun"))
    while True:
        message = ForwardMsg()
        message.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        if message.WhichOneof("type") == "script_finished":
            return ws


async def _heartbeats(ws: ClientConnection, seconds: float) -> bool:
    """Sends only heartbeats for ``seconds`` (draining what comes back); False when the app closed the tab."""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            await ws.send(_back("heartbeat"))
            with pytest.raises(TimeoutError):  # nothing to read but what the heartbeat brings
                while True:
                    await asyncio.wait_for(ws.recv(), timeout=0.3)
    except ConnectionClosed:
        return False
    return True


def test_an_open_tab_that_only_sends_heartbeats_makes_room(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    for key in ("a", "b"):
        apps.add(key, water_app.path)
    runner = make_runner(max_running=1, evict_idle_s=1.0, busy_grace_s=0)
    server = proxy_server(runner)

    async def scene() -> tuple[int, str, bool]:
        async with httpx2.AsyncClient(timeout=120, headers=PAGE) as client:
            assert (await client.get(f"{server.url}/apps/a/")).status_code == 200
            tab = await _open_tab(f"{server.url}/apps/a/")
            assert await _heartbeats(tab, 1.5)  # open and beating, but nobody uses it
            page = await client.get(f"{server.url}/apps/b/")
            still_open = await _heartbeats(tab, 3.0)
            await tab.close()
            return page.status_code, page.text, still_open

    status, text, still_open = asyncio.run(scene())
    assert status == 200 and "Every place" not in text  # no queue, no refusal: the idle app made room
    assert list(runner.running()) == ["b"]
    assert not still_open  # the idle tab was closed; it reconnects when a place is free
    assert get(f"{server.url}/apps/a/").status_code == 200  # b has no tab open: it makes room in turn
    assert list(runner.running()) == ["a"]


def test_a_page_load_waits_in_a_short_queue_then_is_turned_away(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    for key in ("a", "b"):
        apps.add(key, water_app.path)
    runner = make_runner(max_running=1, busy_grace_s=0, queue_wait_s=6, queue_retry_s=2)
    server = proxy_server(runner)

    async def scene() -> list[httpx2.Response]:
        async with httpx2.AsyncClient(timeout=120, headers=PAGE) as client:
            assert (await client.get(f"{server.url}/apps/a/")).status_code == 200
            tab = await _open_tab(f"{server.url}/apps/a/")  # in use (it just ran its script)
            answers = [
                await client.get(f"{server.url}/apps/b/?x=1"),
                await client.get(f"{server.url}/apps/b/?x=1&flash_wait=2"),
                await client.get(f"{server.url}/apps/b/?flash_wait=3"),
                await client.get(f"{server.url}/apps/b/", headers={"Accept": "*/*"}),
            ]
            await tab.close()
            await asyncio.sleep(0.5)
            answers.append(await client.get(f"{server.url}/apps/b/?x=1&flash_wait=3"))
            return answers

    first, second, last, script, free = asyncio.run(scene())
    assert first.status_code == 503 and first.headers["retry-after"] == "2"
    assert "Every place for apps is taken" in first.text and "请稍候" in first.text
    assert 'content="2;url=/apps/b/?x=1&amp;flash_wait=1"' in first.text  # it tries again by itself
    assert second.status_code == 503 and "flash_wait=3" in second.text
    assert last.status_code == 503 and "Try again in a minute" in last.text and "请一分钟后再试" in last.text
    assert "Every place" not in last.text  # waited long enough: turned away with a clear message
    assert script.status_code == 503 and "Try again in a minute" in script.text  # no page to wait on
    assert free.status_code == 303 and free.headers["location"] == "/apps/b/?x=1"  # a place: the clean address
    assert list(runner.running()) == ["b"]


async def _reconnect(url: str) -> bool:
    """A tab reconnecting by itself (it offers its last session's id); whether the proxy let it in."""
    offered = ["streamlit", "PLACEHOLDER_AUTH_TOKEN", "0f6c9a1e-last-session"]
    try:
        ws = await connect(url.replace("http://", "ws://") + "_stcore/stream", subprotocols=offered)  # type: ignore[arg-type]
    except Exception:  # refused during the handshake
        return False
    await ws.close()
    return True


def test_a_reconnecting_tab_takes_only_a_place_nobody_has_open(
    make_runner: Callable[..., AppRunner], apps: Apps, water_app: AppBundle,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    for key in ("a", "b"):
        apps.add(key, water_app.path)
    runner = make_runner(max_running=1, evict_idle_s=1.0, busy_grace_s=0)
    server = proxy_server(runner)

    async def scene() -> tuple[bool, list[str], bool]:
        async with httpx2.AsyncClient(timeout=120, headers=PAGE) as client:
            assert (await client.get(f"{server.url}/apps/b/")).status_code == 200
            tab = await _open_tab(f"{server.url}/apps/b/")
            assert await _heartbeats(tab, 1.5)  # b: open but idle
            while_open = await _reconnect(f"{server.url}/apps/a/")  # evicted tabs do not evict each other
            running = list(runner.running())
            await tab.close()
            await asyncio.sleep(0.5)
            return while_open, running, await _reconnect(f"{server.url}/apps/a/")

    while_open, running, after = asyncio.run(scene())
    assert not while_open and running == ["b"]
    assert after and list(runner.running()) == ["a"]  # nobody has b open: the reconnecting tab gets its place
