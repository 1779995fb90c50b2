"""Telling an app's maker from its visitors when the app lives on an origin of its own.

The studio's session cookie never reaches an app (another origin: the browser does not send it, or on a
second port of the same host the proxy drops it). So the studio page that embeds an app adds a one-time
*owner ticket* to the frame's address (``?flash_owner=<ticket>``, valid 60 s, single use, kept in this
process). The apps' origin swaps it for an owner *grant*: a random value in an HttpOnly cookie of its own,
scoped to the app's path. The grant stands for the session token server-side; the WebSocket checks it, and
the maker check (``Targets.is_owner``) runs on every connection with that token, so signing out ends it.

With studio replicas sharing the gallery on PostgreSQL, tickets and grants are rows of its ``tickets`` table
(hashed, the token sealed; a ticket taken by one atomic delete), so the page from one replica and the frame or
WebSocket on another agree; on the embedded SQLite default they stay in this process (studio/auth.py says why).
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable

from gallery.shared_state import TicketTable
from studio import auth

__all__ = ["GRANTS", "OWNER_COOKIE", "TICKET_PARAM", "TICKETS", "OwnerStore", "issue_ticket"]

OWNER_COOKIE = "flash_owner"
TICKET_PARAM = "flash_owner"
TICKET_SECONDS = 60.0
GRANT_SECONDS = 12 * 3600.0
_MAX = 10_000


class OwnerStore:
    """Random names for (app key, session token) pairs, each valid for ``seconds``; ``once``: taken once;
    ``kind`` names the store in the shared table."""

    def __init__(self, seconds: float, once: bool, clock: Callable[[], float] = time.time, kind: str = "") -> None:
        self.seconds = seconds
        self.once = once
        self.clock = clock
        self.kind = kind or ("owner-ticket" if once else "owner-grant")
        self._lock = threading.Lock()
        self._items: dict[str, tuple[str, str, float]] = {}

    def _table(self) -> TicketTable | None:
        engine = auth.shared_engine()
        return None if engine is None else TicketTable(engine, self.kind, self.seconds, self.once, self.clock)

    def issue(self, key: str, token: str) -> str:
        table = self._table()
        if table is not None:
            return table.issue(token, scope=key)
        name = secrets.token_urlsafe(32)
        now = self.clock()
        with self._lock:
            for old in [k for k, (_, _, until) in self._items.items() if until <= now]:
                del self._items[old]
            if len(self._items) >= _MAX:  # a flood: the oldest goes first
                del self._items[next(iter(self._items))]
            self._items[name] = (key, token, now + self.seconds)
        return name

    def take(self, name: str, key: str) -> str | None:
        """The session token behind ``name`` when it was issued for ``key`` and is still valid, else None."""
        if not name:
            return None
        table = self._table()
        if table is not None:
            return table.take(name, scope=key)
        with self._lock:
            found = self._items.pop(name, None) if self.once else self._items.get(name)
        if found is None or found[2] <= self.clock() or not secrets.compare_digest(found[0], key):
            return None
        return found[1]


TICKETS = OwnerStore(TICKET_SECONDS, once=True)
GRANTS = OwnerStore(GRANT_SECONDS, once=False)


def issue_ticket(key: str, token: str) -> str:
    """A one-time owner ticket for the app at ``key`` (the studio page adds it to the frame's address)."""
    return TICKETS.issue(key, token)
