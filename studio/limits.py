"""How much one maker may ask of the studio in an hour: new drafts, and runs (every job that makes and checks a
version: a new draft, a change, an undo, a switch, an upload, a remix).

A maker is a signed-in account, else the browser's address as the studio sees it: the connection's address
(the server already takes a proxy's ``X-Forwarded-For`` on this machine), and, only when
``FLASHAPPS_FORWARDED_HOPS`` says how many reverse proxies stand in front, the address the outermost of them
added to ``X-Forwarded-For``. Over a limit, the maker is told how long to wait; nothing is counted.

The windows live in this process, or, with studio replicas sharing the gallery on PostgreSQL, in its
``maker_events`` table (gallery/shared_state.py: one row per job, a maker's admissions one after another under
a lock of the transaction), so another replica or a restart starts no fresh hour.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from contextvars import ContextVar

from flashapps.errors import UserError
from flashapps.settings import Settings
from gallery.shared_state import MakerWindows
from studio import auth

__all__ = ["ACTING", "DRAFT_KINDS", "MakerLimits", "TooSoon", "client_address", "current_address", "current_maker"]

DRAFT_KINDS = frozenset({"create", "remix"})
"""Jobs that make a new draft (a new project); every job is also a run."""

HOUR = 3600.0


class TooSoon(UserError):
    """A maker asked for more than the hour allows: ``retry_after`` seconds until the next one."""

    def __init__(self, what: str, limit: int, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        minutes = max(1, math.ceil(self.retry_after / 60))
        plural = "s" if minutes != 1 else ""
        if what == "draft":
            en = f"You have made {limit} new apps in the last hour, the most allowed. Please wait about {minutes} minute{plural} before making another."  # noqa: E501
            zh = f"你在过去一小时里已经新建了 {limit} 个应用，达到上限。请等大约 {minutes} 分钟再新建。"
        else:
            en = f"You have started {limit} changes and checks in the last hour, the most allowed. Please wait about {minutes} minute{plural} and try again."  # noqa: E501
            zh = f"你在过去一小时里已经发起了 {limit} 次修改和检查，达到上限。请等大约 {minutes} 分钟再试。"
        super().__init__(en, zh)


def client_address(peer: str | None, headers: Mapping[str, str] | None, hops: int) -> str:
    """The browser's address: with ``hops`` trusted reverse proxies in front, the one the outermost proxy put
    in ``X-Forwarded-For`` (counted from the right, so a browser cannot choose it); else the connection's."""
    if hops > 0 and headers:
        forwarded = next((v for k, v in headers.items() if k.lower() == "x-forwarded-for"), "")
        chain = [part.strip() for part in forwarded.split(",") if part.strip()]
        if len(chain) >= hops:
            return chain[-hops]
    return peer if isinstance(peer, str) and peer else "local"  # None: this machine (loopback)


def current_address() -> str | None:
    """The address of the browser whose page is being run; None outside a page (the command line)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    if get_script_run_ctx() is None:
        return None
    import streamlit as st

    return client_address(st.context.ip_address, dict(st.context.headers), Settings().forwarded_hops)


ACTING: ContextVar[str | None] = ContextVar("flashapps_acting", default=None)
"""Who is asking outside a page: the JSON API (studio/api) sets "account:<name>" for a token's user."""


def current_maker() -> str | None:
    """Who is asking: ``ACTING`` when the API set it, else from the page being run ("account:<name>" or
    "address:<ip>"); None elsewhere (the command line)."""
    if ACTING.get() is not None:
        return ACTING.get()
    address = current_address()
    if address is None:  # the command line, or code that is not a page: nothing to limit
        return None
    from studio.web.ui import user

    found = user()
    return f"account:{found.username}" if found is not None else f"address:{address}"


class MakerLimits:
    """Sliding one-hour windows per maker, in memory or shared (see above); ``clock`` is seconds, for tests."""

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        maker: Callable[[], str | None] = current_maker,
        clock: Callable[[], float] = time.time,
    ) -> None:
        settings = settings or Settings()
        self.limits = {"draft": settings.drafts_per_hour, "run": settings.runs_per_hour}
        self.maker, self.clock = maker, clock
        self._seen: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, kind: str) -> None:
        """Counts one job of ``kind`` for the maker asking, or raises TooSoon (nothing is counted then)."""
        who = self.maker()
        if who is None:
            return
        wanted = ["run", "draft"] if kind in DRAFT_KINDS else ["run"]
        engine = auth.shared_engine()
        if engine is not None:
            full = MakerWindows(engine, HOUR).admit(
                who, {what: self.limits[what] for what in ("draft", "run") if what in wanted}, self.clock()
            )
            if full is not None:
                raise TooSoon(*full)
            return
        with self._lock:
            now = self.clock()
            windows = {what: self._window(who, what, now) for what in wanted}
            for what in ("draft", "run"):
                limit = self.limits[what]
                if what in windows and 0 < limit <= len(windows[what]):
                    raise TooSoon(what, limit, windows[what][0] + HOUR - now)
            for window in windows.values():
                window.append(now)

    def _window(self, who: str, what: str, now: float) -> deque[float]:
        window = self._seen.setdefault((who, what), deque())
        while window and window[0] <= now - HOUR:
            window.popleft()
        if len(self._seen) > 50_000:  # many makers: drop those with nothing in the last hour
            self._seen = {key: seen for key, seen in self._seen.items() if seen and seen[-1] > now - HOUR}
            self._seen[(who, what)] = window
        return window
