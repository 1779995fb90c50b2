"""Class-only apps at the proxy: who may open one, and which visitor id is which class member.

A student's browser keeps its class memberships in the HttpOnly cookie ``flash_class`` (set by the
join page, studio/web/join.py: member tokens, never an account). An app shared with a class alone is
opened by its members, its author and maintainers; anyone else gets a page that says the app is for a
class, with the way to join. When a member's browser opens the app's WebSocket, the visitor id the
proxy gave it is noted against the member, so the teacher's view names submissions by nickname. The
cookies are read here and never forwarded to the app.

The gallery's retention sweep runs from here too, at most once in ``SWEEP_SECONDS``.
"""

from __future__ import annotations

import datetime as dt
import html
import threading
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote

from starlette.responses import HTMLResponse

from gallery.models import utcnow
from studio.auth import COOKIE as SESSION_COOKIE
from studio.strings import text

__all__ = ["MEMBER_COOKIE", "SWEEP_SECONDS", "ClassGate", "Sweeper", "member_tokens", "page_language"]

MEMBER_COOKIE = "flash_class"
MAX_MEMBERSHIPS = 8
SWEEP_SECONDS = 3600.0


def member_tokens(cookies: Mapping[str, str]) -> list[str]:
    """The member tokens a browser holds (one a class it joined), newest first."""
    raw = cookies.get(MEMBER_COOKIE, "")
    return [token for token in raw.split(".") if token and len(token) <= 64][:MAX_MEMBERSHIPS]


def page_language(headers: Mapping[str, str], query: Mapping[str, str] | None = None) -> str:
    """``zh`` or ``en``: the page's ``lang`` parameter, else the browser's Accept-Language."""
    asked = (query or {}).get("lang", "")
    if asked in ("en", "zh"):
        return asked
    return "zh" if (headers.get("accept-language") or "").lower().startswith("zh") else "en"


class Sweeper:
    """Runs ``sweep(now)`` at most once in ``every`` seconds (the clock is injected in tests)."""

    def __init__(
        self,
        sweep: Callable[[dt.datetime], object],
        *,
        every: float = SWEEP_SECONDS,
        clock: Callable[[], dt.datetime] = utcnow,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.sweep, self.every, self.clock, self.monotonic = sweep, every, clock, monotonic
        self._last: float | None = None
        self._lock = threading.Lock()

    def maybe(self) -> bool:
        with self._lock:
            now = self.monotonic()
            if self._last is not None and now - self._last < self.every:
                return False
            self._last = now
        self.sweep(self.clock())
        return True


class ClassGate:
    """The proxy's questions about class apps, answered from the gallery (``gallery()`` opens it)."""

    def __init__(self, gallery: Callable[[], Any], sweeper: Sweeper | None = None) -> None:
        self.gallery = gallery
        self.sweeper = sweeper or Sweeper(lambda now: gallery().classes.sweep(now=now))

    @staticmethod
    def slug(key: str) -> str:
        return key.split("--v", 1)[0]

    def _viewer(self, cookies: Mapping[str, str]) -> Any:
        token = cookies.get(SESSION_COOKIE, "")
        return self.gallery().accounts.user_for_token(token) if token else None

    def refusal(self, key: str, cookies: Mapping[str, str], headers: Mapping[str, str]) -> HTMLResponse | None:
        """None when this browser may open the app at ``key``; else the "this app is for a class" page."""
        if key.startswith("draft-"):
            return None
        self.sweeper.maybe()
        classes = self.gallery().classes
        slug = self.slug(key)
        if classes.admits(slug, member_tokens(cookies), self._viewer(cookies)):
            return None
        found = classes.class_of(slug)
        return for_a_class_page(page_language(headers), found.name if found else "", f"/apps/{key}/")

    def admit_socket(self, key: str, visitor: str, cookies: Mapping[str, str]) -> bool:
        """Whether the WebSocket may open; a member's visitor id is noted for the teacher's view."""
        if key.startswith("draft-"):
            return True
        classes = self.gallery().classes
        slug, tokens = self.slug(key), member_tokens(cookies)
        if classes.note_visit(slug, visitor, tokens):
            return True
        return bool(classes.admits(slug, tokens, self._viewer(cookies)))


def for_a_class_page(lang: str, class_name: str, next_path: str) -> HTMLResponse:
    """What someone outside the class sees: whose app it is for, and how a student joins."""
    join = f"/join?next={quote(next_path, safe='/')}&lang={lang}"
    named = text("cls_for_class_named", lang, name=class_name) if class_name else text("cls_for_class", lang)
    body = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>Flash Apps</title></head>'
        '<body style="font-family:sans-serif;max-width:32em;margin:2em auto;padding:0 1em">'
        f"<h1>⚡ Flash Apps</h1><h2>{html.escape(text('cls_for_class_title', lang))}</h2>"
        f"<p>{html.escape(named)}</p><p>{html.escape(text('cls_for_class_how', lang))}</p>"
        f'<p><a id="join" href="{html.escape(join)}">{html.escape(text("cls_join_title", lang))}</a></p>'
        "</body></html>"
    )
    return HTMLResponse(body, status_code=403, headers={"Cache-Control": "no-store"})
