"""Signed traffic between a studio replica and a sandbox host (studio/serving/host_auth.py).

A host's middleware (``Signed``, with the host agent's own rule of which routes pass headers on) runs on a real
uvicorn server in front of a small app that echoes what reached it. Checked: a request signed by a replica's
client passes, with its body, query and headers intact; a request whose body, query or a forwarded header was
altered, one with a header added, one signed too long ago and one replayed get 401 and a log line; the
WebSocket handshake likewise; bodies are bounded both ways; and the real replica proxy's traffic (browser
headers, a streamed upload, a WebSocket with the visitor header) passes the host's checks.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import importlib.util
import json
import logging
import secrets
import sys
import threading
import time
from collections.abc import Iterator
from http.cookiejar import CookieJar, DefaultCookiePolicy
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx2
import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus
from websockets.typing import Subprotocol

from sandbox.inside.relay import streamlit_argv
from studio.hostagent import passes_headers_on
from studio.serving import host_auth
from studio.serving.host_auth import AUTH_HEADER, BODY_BYTES, TRANSPORT, Nonces, Signed, sign
from studio.serving.hosts import HostEndpoint
from studio.serving.runner import RunnerSettings

KEY = secrets.token_bytes(32)
SKEW_S = 30.0


def _runner_support() -> ModuleType:
    """tests/runner/runner_support.py (the proxy routes on a real server, free ports)."""
    if "runner_support" in sys.modules:
        return sys.modules["runner_support"]
    path = Path(__file__).resolve().parents[1] / "runner" / "runner_support.py"
    spec = importlib.util.spec_from_file_location("runner_support", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["runner_support"] = module
    spec.loader.exec_module(module)
    return module


def _sha(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


# -- a host that echoes what reached its app ------------------------------------------------------
async def _echo(request: Request) -> Response:
    body = await request.body()
    passed = [[k, v] for k, v in request.headers.items() if k not in TRANSPORT]
    answer = JSONResponse({"query": request.url.query, "sha": _sha(body), "size": len(body), "headers": passed})
    answer.set_cookie("app_cookie", "one-visitor")  # an app's cookie: the replica never hands it to the next visitor
    return answer


async def _health(request: Request) -> Response:
    return JSONResponse({"ok": True})


async def _socket(websocket: WebSocket) -> None:
    offered = list(websocket.scope.get("subprotocols") or [])
    await websocket.accept(subprotocol=offered[0] if offered else None)
    seen = {"visitor": websocket.headers.get("x-flash-visitor"), "owner": websocket.headers.get("x-flash-owner")}
    await websocket.send_text(json.dumps({**seen, "offered": offered}))
    await websocket.close()


class EchoHost(_runner_support().ProxyServer):  # type: ignore[misc]  # its start and stop on a thread
    """The host's middleware on a real server (a thread), in front of the echo routes."""

    def __init__(self) -> None:
        routes = [
            Route("/_host/health", _health, methods=["GET"]),
            Route("/apps/{key}/{path:path}", _echo, methods=["GET", "POST", "PUT"]),
            WebSocketRoute("/apps/{key}/{path:path}", _socket),
        ]
        self.app = Signed(Starlette(routes=routes), KEY, SKEW_S, passes_headers_on)
        self.port = _runner_support().free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", ws="websockets-sansio",
                                lifespan="off", ws_per_message_deflate=False)  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)


@pytest.fixture(scope="module")
def host() -> Iterator[EchoHost]:
    with EchoHost() as running:
        yield running


@pytest.fixture
def plain() -> Iterator[httpx2.Client]:
    no_cookies = CookieJar(DefaultCookiePolicy(allowed_domains=[]))  # each request exactly as the test builds it
    with httpx2.Client(trust_env=False, timeout=30, cookies=no_cookies) as client:
        yield client


def _signed(client: httpx2.Client, method: str, url: str, content: bytes = b"", **options: Any) -> httpx2.Request:
    """A request as the replica's client signs it (its final headers, body and target), for the test to alter."""
    now = options.pop("now", None)
    request = client.build_request(method, url, content=content, **options)
    headers = list(request.headers.multi_items())
    request.headers[AUTH_HEADER] = sign(KEY, method, request.url.raw_path.decode(), now, body=_sha(content),
                                        headers=headers)  # fmt: skip
    return request


def _resend(client: httpx2.Client, request: httpx2.Request, **changes: Any) -> httpx2.Response:
    """``request`` again with its signature, some part of it changed."""
    headers = dict(request.headers.multi_items())
    headers.update(changes.pop("headers", {}))
    headers.pop("content-length", None)
    content = changes.pop("content", request.content)
    url = changes.pop("url", request.url)
    return client.send(client.build_request(request.method, url, content=content, headers=headers))


# -- HTTP -------------------------------------------------------------------------------------------
def test_a_request_signed_by_a_replica_reaches_the_app_whole(host: EchoHost) -> None:
    endpoint = HostEndpoint("h", host.url, KEY)
    body = secrets.token_bytes(3 * 2**20 + 17)  # over the part kept in memory on both sides

    async def send() -> tuple[httpx2.Response, httpx2.Response]:
        async def chunks() -> Any:  # streamed, as the proxy passes a browser's upload on
            for start in range(0, len(body), 65536):
                yield body[start : start + 65536]

        async with endpoint.client() as client:
            headers = {b"x-forwarded-for": b"203.0.113.9", b"accept-language": b"zh-CN",
                       b"x-flash-visitor": b"a" * 32, b"x-note": "水 café".encode()}  # fmt: skip
            got = await client.get(endpoint.url("/apps/water/page?tab=2&x=%E6%B0%B4"), headers=headers)
            posted = await client.post(endpoint.url("/apps/water/_stcore/upload_file/s/f"), content=chunks())
            return got, posted

    got, posted = asyncio.run(send())
    assert got.status_code == 200, got.text
    echoed = got.json()
    assert echoed["query"] == "tab=2&x=%E6%B0%B4" and echoed["size"] == 0
    passed = dict(map(tuple, echoed["headers"]))
    assert passed["x-forwarded-for"] == "203.0.113.9" and passed["x-flash-visitor"] == "a" * 32
    assert AUTH_HEADER.lower() not in passed
    assert posted.status_code == 200, posted.text
    assert posted.json()["sha"] == _sha(body) and posted.json()["size"] == len(body)
    assert "cookie" not in dict(map(tuple, posted.json()["headers"]))  # the first answer's cookie was not kept


def test_altered_body_query_or_headers_get_401_and_a_log_line(
    host: EchoHost, plain: httpx2.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="studio.serving.host_auth")
    base = f"{host.url}/apps/water/upload?part=1"
    forwarded = {"x-forwarded-for": "203.0.113.9", "x-flash-visitor": "b" * 32}

    good = _signed(plain, "POST", base, b"my answer", headers=forwarded)
    assert plain.send(good).status_code == 200  # as signed: it passes (and uses its nonce)

    cases: dict[str, tuple[httpx2.Request, dict[str, Any]]] = {
        "body": (_signed(plain, "POST", base, b"my answer", headers=forwarded), {"content": b"my ANSWER"}),
        "query": (_signed(plain, "POST", base, b"x", headers=forwarded), {"url": base.replace("part=1", "part=2")}),
        "header": (
            _signed(plain, "POST", base, b"x", headers=forwarded),
            {"headers": {"x-forwarded-for": "198.51.100.1"}},
        ),
        "visitor": (_signed(plain, "POST", base, b"x", headers=forwarded), {"headers": {"x-flash-visitor": "c" * 32}}),
        "added owner": (_signed(plain, "POST", base, b"x", headers=forwarded), {"headers": {"x-flash-owner": "1"}}),
        "added cookie": (_signed(plain, "POST", base, b"x", headers=forwarded), {"headers": {"cookie": "a=b"}}),
    }
    for name, (request, change) in cases.items():
        caplog.clear()
        answer = _resend(plain, request, **change)
        assert answer.status_code == 401, (name, answer.text)
        assert any("refused POST /apps/water/upload" in r.getMessage() for r in caplog.records), name
    removed = _signed(plain, "POST", base, b"x", headers=forwarded)
    del removed.headers["x-forwarded-for"]
    assert plain.send(removed).status_code == 401  # a signed header taken away


def test_an_old_signature_and_a_replayed_nonce_get_401(
    host: EchoHost, plain: httpx2.Client, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="studio.serving.host_auth")
    url = f"{host.url}/apps/water/"
    old = _signed(plain, "GET", url, now=time.time() - SKEW_S - 5)
    assert plain.send(old).status_code == 401
    assert any("from this host's clock" in r.getMessage() for r in caplog.records)
    ahead = _signed(plain, "GET", url, now=time.time() + SKEW_S + 5)
    assert plain.send(ahead).status_code == 401

    once = _signed(plain, "GET", url)
    assert plain.send(once).status_code == 200
    caplog.clear()
    assert _resend(plain, once).status_code == 401  # the very same request, seconds later
    assert any("replayed" in r.getMessage() for r in caplog.records)

    other_secret = plain.build_request("GET", url)
    other_secret.headers[AUTH_HEADER] = sign(b"another cluster's secret", "GET", "/apps/water/",
                                             headers=other_secret.headers.multi_items())  # fmt: skip
    assert plain.send(other_secret).status_code == 401
    assert plain.get(url).status_code == 401  # not signed at all
    assert plain.get(url, headers={AUTH_HEADER: "1.2.3"}).status_code == 401


def test_routes_that_pass_nothing_on_need_no_header_signed(host: EchoHost, plain: httpx2.Client) -> None:
    """``/_host/...`` reads no header: a signature of the method and path is enough (the client's own headers
    are not passed anywhere); under ``/apps/`` the same unsigned headers are refused."""
    health = {AUTH_HEADER: sign(KEY, "GET", "/_host/health")}
    assert plain.get(f"{host.url}/_host/health", headers=health).status_code == 200
    app = {AUTH_HEADER: sign(KEY, "GET", "/apps/water/")}
    assert plain.get(f"{host.url}/apps/water/", headers=app).status_code == 401  # its user agent etc. unsigned


def test_bodies_are_bounded_on_both_sides(
    host: EchoHost, plain: httpx2.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = streamlit_argv("/app", 1, "/")
    assert int(argv[argv.index("--server.maxUploadSize") + 1]) * 2**20 < BODY_BYTES  # an app's largest upload fits
    monkeypatch.setattr(host_auth, "BODY_BYTES", 1000)
    endpoint = HostEndpoint("h", host.url, KEY)

    async def send(size: int) -> int:
        async with endpoint.client() as client:
            return (await client.post(endpoint.url("/apps/water/upload"), content=b"x" * size)).status_code

    assert asyncio.run(send(1000)) == 200
    with pytest.raises(host_auth.BodyTooLarge) as caught:  # refused by the replica before anything is sent
        asyncio.run(send(1001))
    assert "MB" in caught.value.message("en") and "太大" in caught.value.message("zh")
    big = b"y" * 5000
    request = _signed(plain, "POST", f"{host.url}/apps/water/upload", big)
    assert plain.send(request).status_code == 413  # and by the host, which never reads past its bound


def test_the_nonce_set_forgets_after_its_window_and_is_bounded() -> None:
    clock = [100.0]
    nonces = Nonces(60, limit=3, clock=lambda: clock[0])
    assert nonces.take("a") is None and nonces.take("b") is None
    assert nonces.take("a") is not None  # replayed
    clock[0] = 130.0
    assert nonces.take("c") is None
    assert nonces.take("d") == "too many requests in the replay window"  # full: refused, nothing forgotten early
    clock[0] = 160.5  # a and b are older than the window: their stamps are refused by the clock check anyway
    assert nonces.take("d") is None and len(nonces) == 2
    assert nonces.take("c") is not None


# -- WebSocket --------------------------------------------------------------------------------------
async def _handshake(host: EchoHost, headers: dict[str, str], offered: list[str] | None = None) -> int | dict[str, Any]:
    try:
        async with connect(f"ws://127.0.0.1:{host.port}/apps/water/_stcore/stream", additional_headers=headers,
                           subprotocols=[Subprotocol(p) for p in offered or []] or None, user_agent_header=None, open_timeout=10) as ws:  # fmt: skip
            seen: dict[str, Any] = json.loads(await ws.recv())
            return seen
    except InvalidStatus as refused:
        return refused.response.status_code


def _ws_signature(headers: dict[str, str], offered: list[str] | None = None, now: float | None = None) -> str:
    sent = list(headers.items()) + ([("sec-websocket-protocol", ", ".join(offered))] if offered else [])
    return sign(KEY, "GET", "/apps/water/_stcore/stream", now, headers=sent)


def test_a_websocket_handshake_is_signed_the_same_way(host: EchoHost, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, logger="studio.serving.host_auth")
    endpoint = HostEndpoint("h", host.url, KEY)
    visitor = {"X-Flash-Visitor": "d" * 32}

    async def through_endpoint() -> dict[str, Any]:
        async with await endpoint.connect("/apps/water/_stcore/stream", visitor, subprotocols=["streamlit", "s1"],
                                          open_timeout=10) as ws:  # fmt: skip
            seen: dict[str, Any] = json.loads(await ws.recv())
            return seen

    seen = asyncio.run(through_endpoint())
    assert seen == {"visitor": "d" * 32, "owner": None, "offered": ["streamlit", "s1"]}

    offered = ["streamlit", "s1"]
    value = _ws_signature(visitor, offered)
    assert asyncio.run(_handshake(host, {**visitor, AUTH_HEADER: value}, offered)) != 401
    refused = {
        "replayed": ({**visitor, AUTH_HEADER: value}, offered),
        "visitor": ({"X-Flash-Visitor": "e" * 32, AUTH_HEADER: _ws_signature(visitor, offered)}, offered),
        "owner added": ({**visitor, "X-Flash-Owner": "1", AUTH_HEADER: _ws_signature(visitor, offered)}, offered),
        "subprotocols": ({**visitor, AUTH_HEADER: _ws_signature(visitor, offered)}, ["streamlit", "s2"]),
        "old": ({**visitor, AUTH_HEADER: _ws_signature(visitor, offered, now=time.time() - 100)}, offered),
        "unsigned": (visitor, offered),
    }
    for name, (headers, protocols) in refused.items():
        caplog.clear()
        assert asyncio.run(_handshake(host, headers, protocols)) == 401, name
        assert any("refused WEBSOCKET /apps/water/_stcore/stream" in r.getMessage() for r in caplog.records), name
    other_query = sign(KEY, "GET", "/apps/water/_stcore/stream?x=1", headers=list(visitor.items()))
    assert asyncio.run(_handshake(host, {**visitor, AUTH_HEADER: other_query})) == 401


# -- the replica's proxy in front -------------------------------------------------------------------
class _OneHost:
    """The runner's interface over one host (what ``HostRunner`` gives the proxy once an app is placed)."""

    def __init__(self, endpoint: HostEndpoint) -> None:
        self.endpoint, self.settings, self.resolve = endpoint, RunnerSettings(), lambda key: key

    def current(self, key: str) -> HostEndpoint:
        return self.endpoint

    def ensure(self, key: str, evict_open: bool = True) -> HostEndpoint:
        return self.endpoint

    def running(self) -> dict[str, str]:
        return {"water": str(self.endpoint)}

    def touch(self, key: str) -> None:
        """Nothing to count here."""

    used = touch

    def forget_dead(self, key: str) -> bool:
        return False

    def stop(self, key: str) -> bool:
        return False

    @contextlib.contextmanager
    def socket_open(self, key: str) -> Iterator[None]:
        yield


def test_the_replica_proxys_own_traffic_passes_the_hosts_checks(host: EchoHost) -> None:
    runner = _OneHost(HostEndpoint("h", host.url, KEY))
    with _runner_support().ProxyServer(runner) as proxy:
        browser = {"x-forwarded-for": "192.0.2.7", "accept-language": "zh-TW", "cookie": "flash_visitor=" + "f" * 32,
                   "x-flash-owner": "1"}  # fmt: skip
        got = httpx2.get(f"{proxy.url}/apps/water/static/app.js?v=3", headers=browser, timeout=30)
        assert got.status_code == 200, got.text
        passed = dict(map(tuple, got.json()["headers"]))
        assert passed["x-forwarded-for"] == "192.0.2.7" and passed["accept-language"] == "zh-TW"
        assert "cookie" not in passed and "x-flash-owner" not in passed  # the proxy's own rules still hold
        upload = secrets.token_bytes(1_500_000)
        posted = httpx2.post(f"{proxy.url}/apps/water/_stcore/upload_file/s/f", content=upload, timeout=30)
        assert posted.status_code == 200 and posted.json()["sha"] == _sha(upload)

        async def socket() -> dict[str, Any]:
            async with connect(f"ws://127.0.0.1:{proxy.port}/apps/water/_stcore/stream",
                               additional_headers={"Cookie": "flash_visitor=" + "f" * 32},
                               subprotocols=[Subprotocol("streamlit"), Subprotocol("s9")], open_timeout=10) as ws:  # fmt: skip
                seen: dict[str, Any] = json.loads(await ws.recv())
                return seen

        assert asyncio.run(socket()) == {"visitor": "f" * 32, "owner": None, "offered": ["streamlit", "s9"]}
