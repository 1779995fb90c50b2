"""Starlette routes that serve every app under ``/apps/<key>/`` from its sandbox's unix socket.

HTTP is streamed both ways (hop-by-hop headers dropped); WebSockets are relayed both ways with
their subprotocols (Streamlit's session rides on them). Cookies never cross: the studio's
cookies are not sent to apps, and apps cannot set cookies on the studio's address. A page
load or a WebSocket open checks the target again (a hidden app stops being served; a draft
with a new version restarts); other requests go straight to a running app.

Who is looking: each browser gets a random visitor id in a cookie of the proxy's own, scoped to
the app's path (``/apps/<key>/``), HttpOnly. The app never sees the cookie: its WebSocket
carries the id as the ``X-Flash-Visitor`` header, which the proxy alone sets (a browser's own
header of that name is dropped). The app keeps personal records and best scores under it.
When the browser is the app's maker's (``is_owner``), the WebSocket also carries
``X-Flash-Owner: 1``: the maker sees every visitor's submissions. Apps live on an origin of their own
(studio/serving/origins.py), where the studio's session cookie is never used: the studio's page adds a
one-time owner ticket to the frame's address, swapped here for an owner cookie of the app's path
(studio/serving/owner.py). Frames are bounded both ways (``FRAME_BYTES``); no response may widen a
service worker's scope (``Service-Worker-Allowed`` is dropped).
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import re
import secrets
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from urllib.parse import urlencode

import anyio.to_thread
import httpx2
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect
from websockets.asyncio.client import ClientConnection, unix_connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from gallery.errors import UserError
from studio.serving.class_gate import ClassGate
from studio.serving.host_auth import BodyTooLarge
from studio.serving.hosts import HostEndpoint, keeps_no_cookies
from studio.serving.owner import GRANTS, OWNER_COOKIE, TICKET_PARAM, TICKETS
from studio.serving.room import clean_url, is_use, wait_tries, waiting_page, wants_page
from studio.serving.runner import AppNotServed, AppRunner, AppStartFailed, RunnerBusy, RunnerUnavailable, valid_key

__all__ = ["VISITOR_COOKIE", "VISITOR_HEADER", "AppProxy", "proxy_routes", "raw_body", "relay", "visitor_of"]

log = logging.getLogger(__name__)

HOP_BY_HOP = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
     "transfer-encoding", "upgrade"}
)  # fmt: skip
VISITOR_COOKIE = "flash_visitor"
VISITOR_HEADER = "X-Flash-Visitor"
OWNER_HEADER = "X-Flash-Owner"
VISITOR_DAYS = 400
"""How long a browser keeps its visitor id (the most browsers allow a cookie)."""
_VISITOR = re.compile(r"^[0-9a-f]{32}$")
REQUEST_DROP = HOP_BY_HOP | {"host", "cookie", "content-length", VISITOR_HEADER.lower(), OWNER_HEADER.lower()}
RESPONSE_DROP = HOP_BY_HOP | {"set-cookie", "service-worker-allowed"}
FRAME_BYTES = 32 * 2**20
"""The largest WebSocket message an app may send to a browser (charts, tables, images); the browser's side is
bounded by the server's ``ws_max_size`` (studio/server.py)."""
_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
_STATUS = {AppNotServed: 404, RunnerBusy: 503, AppStartFailed: 502, RunnerUnavailable: 503, BodyTooLarge: 413}


def _page(error: UserError, status: int) -> HTMLResponse:
    """A plain page in English and Chinese (the app is not there to show anything itself)."""
    en, zh = error.message("en"), error.message("zh")
    body = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Flash Apps</title></head>'
        '<body style="font-family:sans-serif;max-width:40em;margin:4em auto">'
        f"<h1>⚡ Flash Apps</h1><p>{html.escape(en)}</p><p lang='zh'>{html.escape(zh)}</p>"
        '<p><a href="/">Flash Apps</a></p></body></html>'
    )
    headers = {"Retry-After": "60"} if status == 503 else {}
    return HTMLResponse(body, status_code=status, headers=headers)


def _is_page_load(path: str) -> bool:
    return path in ("", "index.html")


def visitor_of(cookies: dict[str, str]) -> str | None:
    """The visitor id a browser sent, when it is one the proxy could have made."""
    value = cookies.get(VISITOR_COOKIE, "")
    return value if _VISITOR.match(value) else None


def new_visitor() -> str:
    return secrets.token_hex(16)


def _visitor_cookie(key: str, visitor: str, secure: bool) -> str:
    """The Set-Cookie value: this app's path only, never read by scripts, sent on same-site requests."""
    age = VISITOR_DAYS * 24 * 3600
    flags = "; Secure" if secure else ""
    return f"{VISITOR_COOKIE}={visitor}; Path=/apps/{key}/; Max-Age={age}; HttpOnly; SameSite=Lax{flags}"


def _owner_cookie(key: str, grant: str, secure: bool) -> str:
    """The maker's grant on the apps' origin: this app's path only, never read by scripts, for this session."""
    flags = "; Secure" if secure else ""
    return f"{OWNER_COOKIE}={grant}; Path=/apps/{key}/; HttpOnly; SameSite=Lax{flags}"


def _without_ticket(request: Request) -> str:
    kept = [(k, v) for k, v in request.query_params.multi_items() if k != TICKET_PARAM]
    return request.url.path + (f"?{urlencode(kept)}" if kept else "")


def _is_https(request: Request) -> bool:
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


class AppProxy:
    """Forwards requests to the apps ``runner`` keeps; one pooled HTTP client per running app."""

    def __init__(
        self, runner: AppRunner, is_owner: Callable[[str, str], bool] | None = None, gate: ClassGate | None = None
    ) -> None:
        self.runner = runner
        self.is_owner = is_owner
        self.gate = gate  # class-only apps (studio/serving/class_gate.py)
        self._clients: dict[str, httpx2.AsyncClient] = {}

    async def socket(self, key: str, check: bool, evict_open: bool = True) -> Path | HostEndpoint:
        if not check:
            found = self.runner.current(key)
            if found is not None:
                return found
        return await anyio.to_thread.run_sync(self.runner.ensure, key, evict_open)

    async def queued(self, request: Request, key: str, tries: int | None) -> Response:
        """A page load that found every place in use: the short queue (see ``studio.serving.room``)."""
        if tries is not None:
            try:
                await self.socket(key, check=True)
            except RunnerBusy:
                pass
            except UserError as error:
                return _page(error, _STATUS.get(type(error), 500))
            else:
                return RedirectResponse(clean_url(request), status_code=303)
        tries = tries or 0
        settings = self.runner.settings
        if tries * settings.queue_retry_s >= settings.queue_wait_s:
            return _page(RunnerBusy(len(self.runner.running())), 503)
        body, headers = waiting_page(request, len(self.runner.running()), tries, settings.queue_retry_s)
        return HTMLResponse(body, status_code=503, headers=headers)

    def _client(self, socket: Path | HostEndpoint) -> httpx2.AsyncClient:
        client = self._clients.get(str(socket))
        if client is None:
            live = set(self.runner.running().values())
            for path in [p for p in self._clients if p not in live]:
                stale = self._clients.pop(path)
                asyncio.get_running_loop().create_task(stale.aclose())
            if isinstance(socket, HostEndpoint):  # a sandbox host (studio/serving/hosts.py): every request signed
                self._clients[str(socket)] = client = socket.client()
                return client
            transport = httpx2.AsyncHTTPTransport(uds=str(socket))
            client = httpx2.AsyncClient(  # shared by every visitor of the app: it keeps no cookie an app sets
                transport=transport, timeout=httpx2.Timeout(60, connect=5), cookies=keeps_no_cookies()
            )
            self._clients[str(socket)] = client
        return client

    async def aclose(self) -> None:
        clients, self._clients = list(self._clients.values()), {}
        for client in clients:
            await client.aclose()

    # -- HTTP -----------------------------------------------------------------------------
    async def _explain(self, key: str, error: UserError) -> UserError:
        """An app the gallery keeps but does not serve now (hidden, waiting for review) says so, not "no app"."""
        why = getattr(self.runner.resolve, "unavailable", None)
        if not isinstance(error, AppNotServed) or why is None:
            return error
        found: UserError | None = await anyio.to_thread.run_sync(why, key)
        return found or error

    async def slash(self, request: Request) -> Response:
        return RedirectResponse(f"/apps/{request.path_params['key']}/", status_code=307)

    async def http(self, request: Request) -> Response:
        key, path = request.path_params["key"], request.path_params["path"]
        if not valid_key(key):
            return _page(AppNotServed(key), 404)
        if TICKET_PARAM in request.query_params:  # the studio's page sent its maker: swap for a cookie, once
            return await anyio.to_thread.run_sync(self.owner, request, key)  # tickets may be database rows
        if self.gate is not None and _is_page_load(path):
            refused = await anyio.to_thread.run_sync(self.gate.refusal, key, request.cookies, request.headers)
            if refused is not None:
                return refused
        tries = wait_tries(request) if _is_page_load(path) else None
        if tries is not None:
            return await self.queued(request, key, tries)
        replayable = request.method in ("GET", "HEAD")
        body: bytes | AsyncIterator[bytes] = b"" if replayable else request.stream()
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in REQUEST_DROP]
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        for attempt in range(2):
            try:
                socket = await self.socket(key, check=_is_page_load(path) or attempt > 0)
                client = self._client(socket)
                url = socket.url(target) if isinstance(socket, HostEndpoint) else f"http://app{target}"
                upstream = await client.send(
                    client.build_request(request.method, url, headers=headers, content=body),
                    stream=True,
                )
                break
            except UserError as error:
                if isinstance(error, RunnerBusy) and _is_page_load(path) and wants_page(request):
                    return await self.queued(request, key, None)
                return _page(await self._explain(key, error), _STATUS.get(type(error), 500))
            except httpx2.TransportError:
                # the app's sandbox ended (a crash) or is being replaced: start it again, once
                if attempt or not await anyio.to_thread.run_sync(self.runner.forget_dead, key):
                    await anyio.to_thread.run_sync(self.runner.stop, key)
                if attempt or not replayable:  # a request body is streamed: it cannot be sent twice
                    return _page(AppStartFailed(key, "it stopped answering"), 502)
        self.runner.touch(key)
        extra = []
        if visitor_of(request.cookies) is None and _is_page_load(path):
            extra.append(("set-cookie", _visitor_cookie(key, new_visitor(), _is_https(request))))
        return streamed(upstream, RESPONSE_DROP, extra)

    def owner(self, request: Request, key: str) -> Response:
        """``?flash_owner=<ticket>``: a valid ticket for this app becomes an owner cookie; the address without it."""
        response = RedirectResponse(_without_ticket(request), status_code=303)
        response.headers["Cache-Control"] = "no-store"
        response.headers["Referrer-Policy"] = "no-referrer"
        token = TICKETS.take(request.query_params.get(TICKET_PARAM, ""), key)
        if token is not None:
            cookie = _owner_cookie(key, GRANTS.issue(key, token), _is_https(request))
            response.raw_headers.append((b"set-cookie", cookie.encode("latin-1")))
        return response

    # -- WebSocket ------------------------------------------------------------------------
    async def websocket(self, websocket: WebSocket) -> None:
        key, path = websocket.path_params["key"], websocket.path_params["path"]
        if not valid_key(key):
            await websocket.close(code=1008)
            return
        offered = list(websocket.scope.get("subprotocols") or [])
        try:  # a tab reconnecting carries its last session's id: it makes room only from apps with no tab open
            socket = await self.socket(key, check=True, evict_open=len(offered) < 3)
        except UserError as error:
            log.info("websocket to %s refused: %s", key, error.message("en"))
            await websocket.close(code=1013 if isinstance(error, RunnerBusy) else 1008)
            return
        query = websocket.url.query
        uri = f"ws://app/apps/{key}/{path}" + (f"?{query}" if query else "")
        # no cookie (blocked, or the page came from elsewhere): an id for this connection alone, shared with nobody
        visitor = visitor_of(websocket.cookies) or new_visitor()
        if self.gate is not None and not await anyio.to_thread.run_sync(
            self.gate.admit_socket, key, visitor, websocket.cookies
        ):
            await websocket.close(code=1008)
            return
        headers = {VISITOR_HEADER: visitor}
        token = await anyio.to_thread.run_sync(GRANTS.take, websocket.cookies.get(OWNER_COOKIE, ""), key)
        if self.is_owner is not None and token:
            owned: bool = await anyio.to_thread.run_sync(self.is_owner, key, token)
            if owned:
                headers[OWNER_HEADER] = "1"
        try:
            if isinstance(socket, HostEndpoint):  # a sandbox host (studio/serving/hosts.py): signed, over TCP
                upstream = await socket.connect(
                    uri.removeprefix("ws://app"), headers, subprotocols=offered or None, max_size=FRAME_BYTES,
                    compression=None, ping_interval=None, open_timeout=10,
                )  # fmt: skip
            else:
                upstream = await connect_app(socket, uri, headers, offered)
        except (OSError, InvalidHandshake, TimeoutError) as error:
            if isinstance(error, InvalidStatus):
                log.info("websocket to %s refused by the app: %s", key, error)
            await anyio.to_thread.run_sync(self.runner.forget_dead, key)
            await websocket.close(code=1011)
            return
        with self.runner.socket_open(key):
            await websocket.accept(subprotocol=upstream.subprotocol)
            await relay(websocket, upstream, lambda: self.runner.used(key))


def streamed(upstream: httpx2.Response, drop: frozenset[str], extra: list[tuple[str, str]] | None = None) -> Response:
    """The app's answer, streamed back as it arrives: its status, its headers less ``drop``, then ``extra``."""
    out = [(k, v) for k, v in upstream.headers.multi_items() if k.lower() not in drop] + (extra or [])
    response = StreamingResponse(
        raw_body(upstream), status_code=upstream.status_code, background=BackgroundTask(upstream.aclose)
    )
    response.raw_headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in out]
    return response


async def connect_app(socket: Path, uri: str, headers: dict[str, str], offered: list[str]) -> ClientConnection:
    """A WebSocket to an app on its unix socket, with the options every relay uses (frames up to
    ``FRAME_BYTES``, no compression, no pings of ours, 10 s to open)."""
    return await unix_connect(
        str(socket), uri, subprotocols=offered or None, max_size=FRAME_BYTES, compression=None,
        ping_interval=None, open_timeout=10, additional_headers=headers,
    )  # fmt: skip


async def raw_body(response: httpx2.Response) -> AsyncIterator[bytes]:
    with contextlib.suppress(httpx2.TransportError):
        async for chunk in response.aiter_raw():
            yield chunk


async def relay(websocket: WebSocket, upstream: ClientConnection, used: Callable[[], None]) -> None:
    async def to_app() -> None:
        while True:
            message = await websocket.receive()
            if message["type"] == "websocket.disconnect":
                return
            data = message.get("bytes") if message.get("bytes") is not None else message.get("text")
            if data is not None:
                if is_use(data):  # Streamlit's own heartbeats keep no app from idling
                    used()
                await upstream.send(data)

    async def to_browser() -> None:
        async for message in upstream:
            if isinstance(message, bytes):
                await websocket.send_bytes(message)
            else:
                await websocket.send_text(message)

    tasks = [asyncio.ensure_future(to_app()), asyncio.ensure_future(to_browser())]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, ConnectionClosed, WebSocketDisconnect, RuntimeError):
                await task
        await upstream.close()
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close()


def proxy_routes(
    runner: AppRunner, is_owner: Callable[[str, str], bool] | None = None, gate: ClassGate | None = None
) -> tuple[list[BaseRoute], AppProxy]:
    """The routes for ``/apps/<key>/...`` (HTTP and WebSocket), and the proxy (close it at shutdown)."""
    proxy = AppProxy(runner, is_owner, gate)
    routes: list[BaseRoute] = [
        Route("/apps/{key}", proxy.slash, methods=["GET", "HEAD"]),
        Route("/apps/{key}/{path:path}", proxy.http, methods=_METHODS),
        WebSocketRoute("/apps/{key}/{path:path}", proxy.websocket),
    ]
    return routes, proxy
