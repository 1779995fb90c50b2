"""The studio and the apps on origins of their own (studio/serving/origins.py, issue 17): dispatch by the port a
request came to, CSP on both sides, no service-worker scripts, WebSockets only from their own origin, the
one-time owner ticket, and the WebSocket frame limits (studio/server.py, studio/serving/proxy.py)."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import os
import socket
import struct
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from websockets.asyncio.client import connect
from websockets.asyncio.server import unix_serve
from websockets.exceptions import ConnectionClosed, InvalidStatus

from studio import auth, links
from studio.server import STUDIO_FRAME_BYTES
from studio.serving import owner
from studio.serving.origins import Origins
from studio.serving.proxy import FRAME_BYTES, proxy_routes

STUDIO_PORT, APPS_PORT = 8501, 8502


async def _echo(websocket: WebSocket) -> None:
    await websocket.accept()
    with contextlib.suppress(Exception):
        while True:
            await websocket.send_text(await websocket.receive_text())


def _inner() -> Starlette:
    """Stands in for the studio's ``st.App``: a page, an app's path, a service worker file, a socket."""

    def hello(request: Request) -> Response:
        headers = {"Service-Worker-Allowed": "/"} if request.url.path.endswith("sw.js") else {}
        return PlainTextResponse(f"reached {request.url.path}", headers=headers)

    return Starlette(
        routes=[
            Route("/", hello),
            Route("/sw.js", hello),
            Route("/apps/{key}/{path:path}", hello, methods=["GET", "POST"]),
            WebSocketRoute("/_stcore/stream", _echo),
            WebSocketRoute("/apps/{key}/{path:path}", _echo),
        ]
    )


def _request(app: Any, port: int, path: str, headers: dict[str, str] | None = None) -> httpx2.Response:
    async def once() -> httpx2.Response:
        transport = httpx2.ASGITransport(app=app, client=("127.0.0.1", 5000))
        async with httpx2.AsyncClient(transport=transport, base_url=f"http://127.0.0.1:{port}") as client:
            return await client.get(path, headers=headers or {})

    return asyncio.run(once())


@pytest.fixture
def split(monkeypatch: pytest.MonkeyPatch) -> Origins:
    for name in ("FLASHAPPS_PUBLIC_URL", "FLASHAPPS_APPS_URL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(links, "_LISTEN", {"host": "127.0.0.1", "port": STUDIO_PORT, "apps_port": APPS_PORT})
    return Origins(_inner(), APPS_PORT)


def _scope_server(app: Origins, port: int) -> Any:
    """httpx's ASGI transport names no server: set the port the request came to, as uvicorn does."""

    async def with_server(scope: dict[str, Any], receive: Any, send: Any) -> None:
        scope["server"] = ("127.0.0.1", port)
        await app(scope, receive, send)

    return with_server


def test_the_apps_origin_serves_apps_alone_and_the_studio_sends_them_there(split: Origins) -> None:
    studio, apps = _scope_server(split, STUDIO_PORT), _scope_server(split, APPS_PORT)
    host = {"Host": f"127.0.0.1:{STUDIO_PORT}"}
    page = _request(studio, STUDIO_PORT, "/", host)
    assert page.text == "reached /"
    assert page.headers["content-security-policy"] == (
        "frame-ancestors 'self'; frame-src 'self' http://127.0.0.1:8502 blob: data:; worker-src 'self' blob:; "
        "img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; form-action 'self'"
    )
    sent = _request(studio, STUDIO_PORT, "/apps/water/_stcore/health?x=1", host)
    assert sent.status_code == 307 and sent.headers["location"] == "http://127.0.0.1:8502/apps/water/_stcore/health?x=1"
    assert _request(studio, STUDIO_PORT, "/apps/..%2F/", host).status_code in (307, 404)
    app_host = {"Host": f"127.0.0.1:{APPS_PORT}"}
    reached = _request(apps, APPS_PORT, "/apps/water/", app_host)
    assert reached.text == "reached /apps/water/"
    assert reached.headers["content-security-policy"] == (
        "frame-ancestors 'self' http://127.0.0.1:8501; worker-src 'self' blob:; "
        "img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; form-action 'self'"
    )
    for path in ("/", "/sw.js", "/_stcore/health", "/auth/sign-out", "/s/water", "/apps/Bad Key/"):
        assert _request(apps, APPS_PORT, path, app_host).status_code == 404, path  # no studio on the apps' origin


def test_no_service_worker_script_is_served_on_either_origin(split: Origins) -> None:
    for port in (STUDIO_PORT, APPS_PORT):
        app = _scope_server(split, port)
        path = "/apps/water/sw.js" if port == APPS_PORT else "/sw.js"
        asked = _request(app, port, path, {"Host": f"127.0.0.1:{port}", "Service-Worker": "script"})
        assert asked.status_code == 403 and "reached" not in asked.text
        plain = _request(app, port, path, {"Host": f"127.0.0.1:{port}"})
        assert plain.text.startswith("reached") and "service-worker-allowed" not in plain.headers


def test_one_origin_per_app_with_a_wildcard_domain(split: Origins, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://school.example")
    monkeypatch.setenv("FLASHAPPS_APPS_URL", "https://{key}.apps.school.example")
    studio, apps = _scope_server(split, STUDIO_PORT), _scope_server(split, APPS_PORT)
    forwarded = {"Host": "school.example", "X-Forwarded-Proto": "https"}
    sent = _request(studio, STUDIO_PORT, "/apps/water--v2/", forwarded)
    assert sent.headers["location"] == "https://water--v2.apps.school.example/apps/water--v2/"
    assert (
        "frame-src 'self' https://*.apps.school.example "
        in _request(studio, STUDIO_PORT, "/", forwarded).headers["content-security-policy"]
    )
    own = _request(apps, APPS_PORT, "/apps/water/", {"Host": "water.apps.school.example"})
    assert own.text == "reached /apps/water/"
    assert "frame-ancestors 'self' https://school.example" in own.headers["content-security-policy"]
    other = _request(apps, APPS_PORT, "/apps/diary/", {"Host": "water.apps.school.example"})
    assert other.status_code == 404  # an app's host serves no other app: each app is its own origin
    assert links.app_address("diary") == "https://diary.apps.school.example/apps/diary/"


def test_the_studio_redirect_carries_the_makers_one_time_ticket(split: Origins) -> None:
    studio = _scope_server(split, STUDIO_PORT)
    browser = {"Host": f"127.0.0.1:{STUDIO_PORT}", "Cookie": f"{auth.COOKIE}=session-token-1"}
    sent = _request(studio, STUDIO_PORT, "/apps/water/?v=2", {**browser, "Sec-Fetch-Site": "same-origin"})
    location = sent.headers["location"]
    assert location.startswith("http://127.0.0.1:8502/apps/water/?v=2&flash_owner=") and "session-token" not in location
    ticket = location.split("flash_owner=", 1)[1]
    assert owner.TICKETS.take(ticket, "diary") is None  # for this app only, and taken once
    for site in ("same-site", "cross-site", None):  # another page (an app on the apps' origin) gets no ticket
        headers = {**browser, **({"Sec-Fetch-Site": site} if site else {})}
        assert "flash_owner" not in _request(studio, STUDIO_PORT, "/apps/water/", headers).headers["location"]


def test_a_planted_second_session_cookie_signs_the_studio_request_out(split: Origins) -> None:
    seen: list[str] = []

    async def inner(scope: Any, receive: Any, send: Any) -> None:
        seen.append(Headers(scope=scope).get("cookie", ""))
        await PlainTextResponse("ok")(scope, receive, send)

    studio = _scope_server(Origins(inner, APPS_PORT), STUDIO_PORT)
    host = {"Host": f"127.0.0.1:{STUDIO_PORT}"}
    _request(studio, STUDIO_PORT, "/", {**host, "Cookie": f"{auth.COOKIE}=mine; lang=en"})
    _request(studio, STUDIO_PORT, "/", {**host, "Cookie": f"{auth.COOKIE}=planted; {auth.COOKIE}=mine; lang=en"})
    assert seen == [f"{auth.COOKIE}=mine; lang=en", "lang=en"]


def test_the_apps_origin_swaps_a_ticket_for_an_owner_cookie_of_the_apps_path() -> None:
    routes, _proxy = proxy_routes(object())  # type: ignore[arg-type]  # a ticket is answered before any app runs
    app = Starlette(routes=routes)
    ticket = owner.issue_ticket("water", "session-token-2")
    swapped = _request(app, APPS_PORT, f"/apps/water/?v=3&flash_owner={ticket}")
    assert swapped.status_code == 303 and swapped.headers["location"] == "/apps/water/?v=3"
    cookie = swapped.headers["set-cookie"]
    assert cookie.startswith("flash_owner=") and "Path=/apps/water/;" in cookie and "HttpOnly" in cookie
    assert "session-token-2" not in cookie
    grant = cookie.split(";")[0].split("=", 1)[1]
    assert owner.GRANTS.take(grant, "water") == "session-token-2"
    assert owner.GRANTS.take(grant, "diary") is None  # another app's path: nothing
    again = _request(app, APPS_PORT, f"/apps/water/?flash_owner={ticket}")  # used: no cookie, same clean address
    assert again.status_code == 303 and "set-cookie" not in again.headers
    wrong = owner.issue_ticket("diary", "session-token-2")
    assert "set-cookie" not in _request(app, APPS_PORT, f"/apps/water/?flash_owner={wrong}").headers


def test_an_owner_ticket_expires(monkeypatch: pytest.MonkeyPatch) -> None:
    now = [100.0]
    monkeypatch.setattr(owner.TICKETS, "clock", lambda: now[0])
    ticket = owner.issue_ticket("water", "token")
    now[0] += owner.TICKET_SECONDS + 1
    assert owner.TICKETS.take(ticket, "water") is None


# -- real sockets: uvicorn on two ports ------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _serving(app: Any, ports: list[int], max_size: int = STUDIO_FRAME_BYTES) -> Iterator[None]:
    sockets = []
    for port in ports:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", port))
        sockets.append(sock)
    config = uvicorn.Config(app, ws="websockets-sansio", ws_max_size=max_size, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": sockets}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.02)
    try:
        yield
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _opens(url: str, origin: str | None) -> bool:
    async def once() -> bool:
        try:
            async with connect(url, origin=origin, open_timeout=10):  # type: ignore[arg-type]
                return True
        except InvalidStatus:
            return False

    return asyncio.run(once())


def test_websockets_open_only_from_their_own_origin(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FLASHAPPS_PUBLIC_URL", "FLASHAPPS_APPS_URL"):
        monkeypatch.delenv(name, raising=False)
    studio_port, apps_port = _free_port(), _free_port()
    monkeypatch.setattr(links, "_LISTEN", {"host": "127.0.0.1", "port": studio_port, "apps_port": apps_port})
    studio, apps = f"127.0.0.1:{studio_port}", f"127.0.0.1:{apps_port}"
    with _serving(Origins(_inner(), apps_port), [studio_port, apps_port]):
        stream = f"ws://{studio}/_stcore/stream"
        assert _opens(stream, f"http://{studio}")  # the studio's own page
        assert _opens(stream, None)  # no browser: no viewer's cookies to misuse
        for foreign in (f"http://{apps}", f"http://localhost:{studio_port}", "https://evil.example", "null"):
            assert not _opens(stream, foreign), foreign  # an app's page, or any other, gets no studio session
        app_stream = f"ws://{apps}/apps/water/_stcore/stream"
        assert _opens(app_stream, f"http://{apps}")
        assert not _opens(app_stream, f"http://{studio}") and not _opens(app_stream, "https://evil.example")
        assert not _opens(f"ws://{studio}/apps/water/_stcore/stream", f"http://{studio}")  # no app on the studio
        assert not _opens(f"ws://{apps}/_stcore/stream", f"http://{apps}")  # no studio on the apps' origin


def _frame_header(length: int) -> bytes:
    """A masked binary frame's header announcing ``length`` bytes (64-bit length)."""
    return bytes([0x82, 0x80 | 127]) + struct.pack("!Q", length) + os.urandom(4)


def test_a_too_large_frame_is_refused_before_it_is_read() -> None:
    """A frame announcing 100 MB (under the old 200 MiB) is refused at once (close 1009), 1 MB of it sent: nothing buffered."""
    port = _free_port()
    with _serving(Origins(_inner(), None), [port]), socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
        key = base64.b64encode(os.urandom(16)).decode()
        raw.sendall(
            f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode()
        )
        assert raw.recv(4096).startswith(b"HTTP/1.1 101")
        began = time.monotonic()
        raw.sendall(_frame_header(100_000_000))
        with contextlib.suppress(OSError):
            raw.sendall(os.urandom(2**20))
        reply = raw.recv(64)
        assert time.monotonic() - began < 5
        assert reply[:1] == b"\x88" and struct.unpack("!H", reply[2:4])[0] == 1009  # close: message too big
    assert 2**20 <= STUDIO_FRAME_BYTES <= 32 * 2**20 and FRAME_BYTES <= 64 * 2**20


class _Runner:
    """Just enough of AppRunner for the proxy's WebSocket: one app on a unix socket."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.resolve = None

    def ensure(self, key: str, evict_open: bool = True) -> Path:
        return self.path

    def current(self, key: str) -> Path:
        return self.path

    def forget_dead(self, key: str) -> bool:
        return False

    def used(self, key: str) -> None:
        pass

    @contextlib.contextmanager
    def socket_open(self, key: str) -> Iterator[None]:
        yield


def test_the_proxy_bounds_what_an_app_sends(tmp_path: Path) -> None:
    """An app (here a plain WebSocket server on the unix socket) sending more than FRAME_BYTES is cut off."""
    path = tmp_path / "app.sock"
    port = _free_port()

    async def app(connection: Any) -> None:
        async for message in connection:
            await connection.send(b"x" * int(message))

    async def run() -> tuple[int, bool]:
        async with unix_serve(app, str(path), max_size=None):
            routes, proxy = proxy_routes(_Runner(path))  # type: ignore[arg-type]
            with _serving(Starlette(routes=routes), [port]):
                async with connect(f"ws://127.0.0.1:{port}/apps/water/_stcore/stream", max_size=None) as ws:
                    await ws.send("1000")
                    small = len(await ws.recv())
                    await ws.send(str(FRAME_BYTES + 1))
                    try:
                        await asyncio.wait_for(ws.recv(), 30)
                    except ConnectionClosed:
                        return small, True
                    return small, False
            await proxy.aclose()

    small, cut = asyncio.run(run())
    assert small == 1000 and cut
