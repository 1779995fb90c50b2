"""Two origins on one server: the studio, and the apps apart from it.

An app's script must never run on the studio's origin: there it could read the studio's pages and drive
its WebSocket as the person looking at the app. So the server listens twice (studio/server.py): on the
studio's port, and on the apps' port (the studio's port + 1 by default; behind a proxy, the apps' host
or wildcard domain is sent there, see docs/deploy/nginx.conf). ``Origins`` dispatches by the port a
request came to (``scope["server"]``), never by a header a client chooses:

* the apps' origin serves ``/apps/<key>/...`` alone (the proxy); with ``FLASHAPPS_APPS_URL`` holding
  ``{key}`` (``https://{key}.apps.example.org``) a host serves only its own app. Responses say who may
  frame them (``frame-ancestors``: the studio and the app itself, whose components frame their own
  pages); WebSockets are opened only from the app's own origin.
* the studio's origin never reaches an app: ``/apps/<key>/...`` is redirected to the apps' origin and
  its WebSocket refused. A browser signed in to the studio that follows such a link from the studio's own
  pages (or the address bar) takes a one-time owner ticket along (studio/serving/owner.py), so the maker is
  known there without the studio's cookie. ``/join`` (a class app's page links to it) goes back to the studio.
  Responses may be framed only by the studio itself and frame only the studio and the apps' origin. The
  studio's WebSockets (Streamlit's session) are opened only from the studio's own origin (Streamlit itself
  admits any page on localhost or this host's addresses, whatever the port).
* cookies ignore ports: on a second port of the studio's host an app's script can set a cookie the browser
  then sends to the studio. It cannot replace the studio's HttpOnly session cookie, only add another of the
  same name on a longer path; a studio request carrying the session cookie more than once is taken as
  signed out (``_one_session``). The proxy never passes the studio's cookies to an app.
* on both, a request for a service worker's script (browsers send ``Service-Worker: script``) is refused:
  no worker can be registered to outlive a takedown or sit between the studio and its pages.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import urlencode, urlsplit

import anyio.to_thread
from starlette.datastructures import Headers, MutableHeaders
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.websockets import WebSocketClose

from flashapps.settings import Settings
from studio import auth, links
from studio.serving.owner import TICKET_PARAM, issue_ticket
from studio.serving.runner import valid_key

__all__ = ["Origins", "apps_policy", "studio_policy"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

_APP_PATH = re.compile(r"^/apps/(?P<key>[^/]+)(?P<rest>/.*)?$")
_NOT_HERE = "Nothing here: apps are served at their own address. · 这里没有内容：应用在它们自己的地址上。"
_NO_WORKER = "Service workers are not allowed here. · 这里不允许使用 Service Worker。"


_OWN_COOKIES = b"flashapps_"
"""The studio's own cookies (``flashapps_session``, ``flashapps_maker``): set by the studio alone."""


_NOTHING_REMOTE = "img-src 'self' data: blob:; media-src 'self' data: blob:; connect-src 'self'; form-action 'self'"
"""No page loads an image or sound from elsewhere (a model-written Markdown image is no tracking pixel) or sends
anything to another address: what a visitor types into an app stays between the browser and the app."""


def studio_policy(headers: Headers | dict[str, str]) -> str:
    """The studio's CSP: framed by itself only, frames itself and the apps' origin, no foreign workers."""
    apps = links.apps_frame_source(_plain(headers))
    return f"frame-ancestors 'self'; frame-src 'self' {apps} blob: data:; worker-src 'self' blob:; {_NOTHING_REMOTE}"


def apps_policy(headers: Headers | dict[str, str]) -> str:
    """An app's CSP: framed by the studio and by itself (components), workers only from itself or blobs."""
    ancestors = " ".join(["'self'", *links.studio_origins(_plain(headers))])
    return f"frame-ancestors {ancestors}; worker-src 'self' blob:; {_NOTHING_REMOTE}"


def _plain(headers: Headers | dict[str, str]) -> dict[str, str]:
    found = {k.lower(): v for k, v in headers.items()}
    names = ("Host", "X-Forwarded-Host", "X-Forwarded-Proto")
    return {name: found[name.lower()] for name in names if name.lower() in found}


def _host(headers: Headers) -> str:
    return (headers.get("x-forwarded-host") or headers.get("host") or "").split(",")[0].strip().lower()


def _same_origin(origin: str, headers: Headers, also: tuple[str, ...] = ()) -> bool:
    """Whether a WebSocket's ``Origin`` is the address the request came to (or one of ``also``)."""
    parts = urlsplit(origin)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    if parts.netloc.lower() == _host(headers):
        return True
    return any(f"{parts.scheme}://{parts.netloc}".lower() == allowed.lower() for allowed in also)


def _cookie(headers: Headers, name: str) -> str:
    for part in headers.get("cookie", "").split(";"):
        key, _, value = part.strip().partition("=")
        if key == name:
            return value.strip().strip('"')
    return ""


def _one_session(scope: Scope) -> Scope:
    """The scope without any of the studio's own cookies (``flashapps_*``: the session, a maker's drafts) that
    came more than once (one was planted by a page of another port of this host: the studio cannot tell which
    is its own, so it trusts neither)."""
    raw = [(k, v) for k, v in scope.get("headers", []) if k.lower() == b"cookie"]
    parts = [part.strip() for _, value in raw for part in value.split(b";")]
    names = [part.split(b"=", 1)[0].strip() for part in parts]
    twice = {name for name in names if name.startswith(_OWN_COOKIES) and names.count(name) > 1}
    if not twice:
        return scope
    kept = b"; ".join(part for part, name in zip(parts, names, strict=True) if part and name not in twice)
    headers = [(k, v) for k, v in scope["headers"] if k.lower() != b"cookie"] + ([(b"cookie", kept)] if kept else [])
    return {**scope, "headers": headers}


def _with_policy(send: Send, policy: str) -> Send:
    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            if "service-worker-allowed" in headers:
                del headers["service-worker-allowed"]
            if "content-security-policy" not in headers:
                headers["Content-Security-Policy"] = policy
            headers.setdefault("X-Content-Type-Options", "nosniff")
        await send(message)

    return sending


class Origins:
    """The ASGI app in front of the studio (``app``): requests to ``apps_port`` are the apps' origin."""

    def __init__(self, app: ASGIApp, apps_port: int | None) -> None:
        self.app = app
        self.apps_port = apps_port

    def on_apps(self, scope: Scope) -> bool:
        server = scope.get("server")
        return server is not None and self.apps_port is not None and int(server[1]) == self.apps_port

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if headers.get("service-worker", "").strip().lower() == "script":
            await self._refuse(scope, receive, send, 403, _NO_WORKER)
            return
        if self.on_apps(scope):
            await self._apps(scope, receive, send, headers)
        else:
            await self._studio(scope, receive, send, headers)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, status: int, said: str) -> None:
        if scope["type"] == "websocket":
            await WebSocketClose(code=1008)(scope, receive, send)
            return
        response = PlainTextResponse(said, status_code=status, headers={"Cache-Control": "no-store"})
        await response(scope, receive, send)

    async def _apps(self, scope: Scope, receive: Receive, send: Send, headers: Headers) -> None:
        studio = links.studio_origins(_plain(headers))
        if scope["type"] == "http" and scope.get("path") == "/join" and studio:  # a class app's page: join there
            query = scope.get("query_string", b"").decode("latin-1")
            target = f"{studio[0]}/join" + (f"?{query}" if query else "")
            await RedirectResponse(target, status_code=303)(scope, receive, send)
            return
        match = _APP_PATH.match(scope.get("path", ""))
        if match is None or not valid_key(match["key"]) or not self._host_serves(match["key"], headers):
            await self._refuse(scope, receive, send, 404, _NOT_HERE)
            return
        if scope["type"] == "websocket":
            origin = headers.get("origin")
            if origin is not None and not _same_origin(origin, headers):
                await WebSocketClose(code=1008)(scope, receive, send)  # another page's script, not the app's own
                return
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _with_policy(send, apps_policy(headers)))

    @staticmethod
    def _host_serves(key: str, headers: Headers) -> bool:
        """With one origin per app (``{key}`` in ``FLASHAPPS_APPS_URL``), a host serves its own app alone."""
        pattern = Settings().apps_url.strip()
        if links.KEY_FIELD not in pattern:
            return True
        wanted = (urlsplit(pattern.replace(links.KEY_FIELD, key)).hostname or "").lower()
        return _host(headers).split(":")[0] == wanted

    async def _studio(self, scope: Scope, receive: Receive, send: Send, headers: Headers) -> None:
        scope = _one_session(scope)
        headers = Headers(scope=scope)
        match = _APP_PATH.match(scope.get("path", ""))
        if match is not None:  # an app is never served on the studio's origin: its own address instead
            if scope["type"] == "websocket" or not valid_key(match["key"]):
                await self._refuse(scope, receive, send, 404, _NOT_HERE)
                return
            query = scope.get("query_string", b"").decode("latin-1")
            token = _cookie(headers, auth.COOKIE)
            if token and headers.get("sec-fetch-site") in ("same-origin", "none"):  # the maker, from the studio
                issued = await anyio.to_thread.run_sync(issue_ticket, match["key"], token)  # shared: a database row
                ticket = urlencode({TICKET_PARAM: issued})
                query = f"{query}&{ticket}" if query else ticket
            rest = (match["rest"] or "/") + (f"?{query}" if query else "")
            target = links.app_address(match["key"], _plain(headers), rest)
            await RedirectResponse(target, status_code=307)(scope, receive, send)
            return
        if scope["type"] == "websocket":
            origin = headers.get("origin")
            studio = urlsplit(links.request_base(_plain(headers)))
            if origin is not None and not _same_origin(origin, headers, (f"{studio.scheme}://{studio.netloc}",)):
                await WebSocketClose(code=1008)(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, _with_policy(send, studio_policy(headers)))
