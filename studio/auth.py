"""Staying signed in across reloads: the session token in an HttpOnly cookie, set by our own routes.

Streamlit cannot set cookies, so after a sign-in the page asks for a one-time *ticket* (random,
single use, valid 60 s, kept in this process) and sends the browser to
``/auth/claim?ticket=...&next=/page``, which swaps it for the cookie and redirects back. The token
itself never appears in a URL and page JavaScript cannot read it (HttpOnly); the app proxy strips
cookies both ways, so apps (on an origin of their own) never see it. ``POST /auth/sign-out`` with the
session's CSRF token (``csrf_token``: an HMAC of the session token under a key of this process) ends the
session and clears the cookie; no GET changes anything. Both routes want a browser's Fetch Metadata
(``Sec-Fetch-Site``) saying the request started on this site or from the address bar: a request with none,
or one from another site, changes nothing. Pages read the cookie from the WebSocket handshake
(``st.context.cookies``).

Several studio replicas behind a load balancer: a ticket issued on one is claimed on another. So when the
gallery is on PostgreSQL (``shared_engine``) the tickets are rows of its ``tickets`` table, stored hashed and
sealed, taken once by an atomic delete (gallery/shared_state.py), and the CSRF key is one every replica reads
from the database. On the embedded SQLite default (one studio process) they stay in memory: nothing else can
claim them, a row written for every sign-in and every app frame would only queue behind the gallery's own
writes, and a restart forgets nothing that lasts over a minute (tickets) or that an attacker can cause.

No Streamlit here: the routes run in the server, ``issue`` in the studio's script thread. Under AppTest
or a bare ``streamlit run`` the routes do not exist (``enabled()`` is false) and the token stays in session state only.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import secrets
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlencode

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from gallery import GallerySettings
from gallery.shared_state import TicketTable, shared_secret

if TYPE_CHECKING:
    from sqlalchemy import Engine

__all__ = ["COOKIE", "CSRF_FIELD", "TICKET_SECONDS", "auth_routes", "claim_url", "csrf_token", "enable", "enabled",
           "issue", "safe_next", "shared_engine", "sign_out_form", "sign_out_url"]  # fmt: skip

COOKIE = "flashapps_session"
TICKET_SECONDS = 60.0
_MAX_TICKETS = 10_000


def shared_engine() -> Engine | None:
    """The gallery's engine when studio replicas share it (PostgreSQL), else None (this process keeps its own)."""
    if GallerySettings().is_sqlite:
        return None
    from studio import services

    return services.gallery().engine  # opened (and migrated) once per process


class _Tickets:
    """One-time tickets for session tokens: taken once, or never after ``TICKET_SECONDS``; ``kind`` keeps one
    store's tickets from being taken by another's route."""

    def __init__(self, clock: Callable[[], float] = time.time, kind: str = "sign-in") -> None:
        self.clock, self.kind = clock, kind
        self._lock = threading.Lock()
        self._items: dict[str, tuple[str, float]] = {}

    def _table(self) -> TicketTable | None:
        engine = shared_engine()
        if engine is None:
            return None
        return TicketTable(engine, self.kind, TICKET_SECONDS, once=True, clock=self.clock)

    def issue(self, token: str) -> str:
        table = self._table()
        if table is not None:
            return table.issue(token)
        ticket = secrets.token_urlsafe(32)
        now = self.clock()
        with self._lock:
            for key in [k for k, (_, until) in self._items.items() if until <= now]:
                del self._items[key]
            if len(self._items) >= _MAX_TICKETS:  # a flood of sign-ins: the oldest ticket goes first
                del self._items[next(iter(self._items))]
            self._items[ticket] = (token, now + TICKET_SECONDS)
        return ticket

    def take(self, ticket: str) -> str | None:
        table = self._table()
        if table is not None:
            return table.take(ticket)
        with self._lock:
            found = self._items.pop(ticket, None)
        if found is None or found[1] <= self.clock():
            return None
        return found[0]


TICKETS = _Tickets()
_STATE = {"enabled": False}
CSRF_FIELD = "csrf"
_CSRF_KEY = secrets.token_bytes(32)


@lru_cache(maxsize=4)
def _shared_key(engine: Engine, name: str) -> bytes:
    return shared_secret(engine, name)


def csrf_token(session_token: str) -> str:
    """The token a form that acts for this session carries (a page of another origin cannot know it); the same
    on every replica that shares the gallery."""
    engine = shared_engine()
    key = _CSRF_KEY if engine is None else _shared_key(engine, "csrf")
    return hmac.new(key, session_token.encode(), hashlib.sha256).hexdigest()


def _csrf_ok(session_token: str | None, sent: str) -> bool:
    return bool(session_token) and hmac.compare_digest(csrf_token(str(session_token)), sent)


def enable() -> None:
    """Called by the server that mounts ``auth_routes`` (the studio's script then uses the cookie)."""
    _STATE["enabled"] = True


def enabled() -> bool:
    return _STATE["enabled"]


def issue(token: str) -> str:
    """A one-time ticket for this session token (for ``claim_url``)."""
    return TICKETS.issue(token)


def safe_next(value: str | None) -> str:
    """A path on this site (``/...``, not ``//host`` or ``/\\host``), else ``/``: no open redirect."""
    if not value or not value.startswith("/") or value[1:2] in ("/", "\\") or "\\" in value:
        return "/"
    if any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return "/"
    return value


def claim_url(ticket: str, next_path: str) -> str:
    return "/auth/claim?" + urlencode({"ticket": ticket, "next": safe_next(next_path)})


def sign_out_url(next_path: str = "/") -> str:
    """Where the sign-out form posts (with ``csrf_token``): the route ignores a GET."""
    return "/auth/sign-out?" + urlencode({"next": safe_next(next_path)})


def sign_out_form(session_token: str, label: str, next_path: str = "/", form_id: str = "sign-out-form") -> str:
    """A form that signs this session out when sent: a POST carrying the session's CSRF token."""
    action = html.escape(sign_out_url(next_path))
    return (
        f'<form id="{html.escape(form_id)}" method="post" action="{action}" target="_top">'
        f'<input type="hidden" name="{CSRF_FIELD}" value="{csrf_token(session_token)}">'
        f'<button type="submit">{html.escape(label)}</button></form>'
    )


def _secure(request: Request) -> bool:
    forwarded = (request.headers.get("x-forwarded-proto") or "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


def _from_elsewhere(request: Request) -> bool:
    """Not a navigation this site (or the address bar: "none") started, as the browser says in Sec-Fetch-Site.
    Every browser in use sends it; a request without it is no browser, or one too old to be told apart."""
    return request.headers.get("sec-fetch-site", "") not in ("same-origin", "none")


def _no_store(response: Response) -> Response:
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"  # the ticket stays out of Referer headers
    return response


def _expired_page() -> HTMLResponse:
    en = "This sign-in link was already used or has expired. Sign in again."
    zh = "这个登录链接已经用过或已过期。请重新登录。"
    body = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Flash Apps</title></head>'
        '<body style="font-family:sans-serif;max-width:40em;margin:4em auto">'
        f"<h1>⚡ Flash Apps</h1><p>{html.escape(en)}</p><p lang='zh'>{html.escape(zh)}</p>"
        '<p><a href="/account">Sign in · 登录</a></p></body></html>'
    )
    return HTMLResponse(body, status_code=400)


def auth_routes(session_hours: Callable[[], float], token_user: Callable[[str], object | None],
                end_session: Callable[[str], None]) -> list[BaseRoute]:  # fmt: skip
    """``GET /auth/claim`` and ``POST /auth/sign-out``; the gallery is reached through the callables
    (hours a session lasts, the user of a token or None, end a token's session)."""

    def claim(request: Request) -> Response:
        if request.method != "GET":  # a HEAD (a link checker) must not use up the ticket
            return Response(status_code=405, headers={"Allow": "GET"})
        if _from_elsewhere(request):  # another site must not sign a visitor into its own account
            return _no_store(_expired_page())
        token = TICKETS.take(request.query_params.get("ticket", ""))
        if token is None or token_user(token) is None:
            return _no_store(_expired_page())
        response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
        response.set_cookie(
            COOKIE, token, max_age=int(session_hours() * 3600), path="/", secure=_secure(request),
            httponly=True, samesite="lax",
        )  # fmt: skip
        return _no_store(response)

    async def sign_out(request: Request) -> Response:
        if request.method != "POST" or _from_elsewhere(request):  # a link, an image, another site: nothing
            return _no_store(RedirectResponse("/", status_code=303))
        fields = parse_qs((await request.body())[:4096].decode("utf-8", "replace"))
        token = request.cookies.get(COOKIE)
        if token and not await anyio.to_thread.run_sync(_csrf_ok, token, (fields.get(CSRF_FIELD) or [""])[0]):
            return _no_store(RedirectResponse("/", status_code=303))
        if token:
            await anyio.to_thread.run_sync(end_session, token)
        response = RedirectResponse(safe_next(request.query_params.get("next")), status_code=303)
        response.delete_cookie(COOKIE, path="/", secure=_secure(request), httponly=True, samesite="lax")
        return _no_store(response)

    return [
        Route("/auth/claim", claim, methods=["GET"]),
        Route("/auth/sign-out", sign_out, methods=["GET", "POST"]),
    ]
