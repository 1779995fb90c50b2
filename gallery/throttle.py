"""Sign-in throttling: failed sign-ins are counted per account, per client address and per pair, each with an
exponential backoff capped at a few minutes, so guessing is slow and no lockout lasts.

- One address guessing one account: after ``free`` failures each next try waits 1 s, 2 s, 4 s … at most
  ``cap`` seconds, and is refused without checking the password while it waits.
- One address guessing many accounts: the same, counted for the address.
- Many addresses guessing one account: the account waits too, except for an address that signed in to it before
  (its known place), so an attacker elsewhere cannot keep its owner out; an unknown place waits at most ``cap``.
- A failure is forgotten ``forget`` seconds after the last one; a success clears its address's counts.
Refused tries do not count, so waiting out the delay is always enough.

The counts live in this process, or, given the gallery's engine (``for_engine``: PostgreSQL, where several
studio replicas share the gallery), in its tables (gallery/shared_state.py), so a guesser gets no fresh counts
from another replica or a restart. Each failure is one atomic ``INSERT ... ON CONFLICT DO UPDATE``.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, case, delete, func, select

from gallery.errors import UserError
from gallery.shared_state import SignInPlace, ThrottleCount, ms, upsert

__all__ = ["SignInThrottle", "TooManyTries"]


class TooManyTries(UserError):
    """Too many failed sign-ins: try again after ``retry_after`` seconds (the password was not checked)."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = max(1, math.ceil(retry_after))
        wait_en, wait_zh = _wait_words(self.retry_after)
        super().__init__(
            f"Too many wrong sign-ins. Please wait {wait_en} and try again.",
            f"登录失败次数过多。请等待{wait_zh}后再试。",
        )


def _wait_words(seconds: int) -> tuple[str, str]:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}", f" {seconds} 秒"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}", f" {minutes} 分钟"


@dataclass
class _Count:
    failures: int = 0
    last: float = 0.0


class SignInThrottle:
    """Counts in this process, or in the database of ``engine`` (see ``for_engine``); ``clock`` is seconds."""

    def __init__(
        self, *, free: int = 5, cap: float = 300.0, forget: float = 900.0, clock: Callable[[], float] = time.time,
        engine: Engine | None = None,
    ) -> None:  # fmt: skip
        self.free, self.cap, self.forget, self.clock = free, cap, forget, clock
        self.engine = engine
        self._counts: dict[tuple[str, ...], _Count] = {}
        self._known: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    @classmethod
    def for_engine(cls, engine: Engine) -> SignInThrottle:
        """Shared counts on PostgreSQL (replicas share it); in this process on SQLite (one studio process)."""
        return cls(engine=engine if engine.dialect.name == "postgresql" else None)

    def _delay(self, count: _Count | None, now: float) -> float:
        if count is None or now - count.last > self.forget or count.failures < self.free:
            return 0.0
        delay = min(2.0 ** (count.failures - self.free), self.cap)
        return max(0.0, count.last + delay - now)

    def _wait(self, key: tuple[str, ...], now: float) -> float:
        count = self._counts.get(key)
        if count is not None and now - count.last > self.forget:
            del self._counts[key]
        return self._delay(count, now)

    def _keys(self, username: str, client: str) -> list[tuple[str, ...]]:
        return [("pair", username, client), ("client", client), ("account", username)]

    def check(self, username: str, client: str | None) -> None:
        """Raises TooManyTries when this try must wait (before any password is checked)."""
        client = client or "unknown"
        if self.engine is not None:
            self._check_shared(self.engine, username, client)
            return
        with self._lock:
            now = self.clock()
            waits = [self._wait(("pair", username, client), now), self._wait(("client", client), now)]
            if client not in self._known.get(username, set()):
                waits.append(self._wait(("account", username), now))
            if max(waits) > 0:
                raise TooManyTries(max(waits))

    def failed(self, username: str, client: str | None) -> None:
        client = client or "unknown"
        if self.engine is not None:
            self._failed_shared(self.engine, username, client)
            return
        with self._lock:
            now = self.clock()
            for key in self._keys(username, client):
                self._wait(key, now)  # forgets an old count first
                count = self._counts.setdefault(key, _Count())
                count.failures += 1
                count.last = now
            if len(self._counts) > 100_000:  # a flood of made-up names: keep the newest half
                newest = sorted(self._counts.items(), key=lambda item: item[1].last)[len(self._counts) // 2 :]
                self._counts = dict(newest)

    def succeeded(self, username: str, client: str | None) -> None:
        client = client or "unknown"
        if self.engine is not None:
            self._succeeded_shared(self.engine, username, client)
            return
        with self._lock:
            self._counts.pop(("pair", username, client), None)
            self._counts.pop(("client", client), None)
            known = self._known.setdefault(username, set())
            if len(known) < 50:
                known.add(client)

    # The same rules on the shared tables: a key is its parts joined by a separator no name or address holds.

    def _check_shared(self, engine: Engine, username: str, client: str) -> None:
        now = self.clock()
        keys = {_key(key): key[0] for key in self._keys(username, client)}
        with engine.connect() as connection:
            rows = connection.execute(
                select(ThrottleCount.key, ThrottleCount.failures, ThrottleCount.last_ms).where(
                    ThrottleCount.key.in_(list(keys))
                )
            ).all()
            known = connection.scalar(
                select(func.count()).where(SignInPlace.username == username, SignInPlace.client == client)
            )
        waits = [0.0]
        for row in rows:
            if keys[row.key] != "account" or not known:
                waits.append(self._delay(_Count(row.failures, row.last_ms / 1000), now))
        if max(waits) > 0:
            raise TooManyTries(max(waits))

    def _failed_shared(self, engine: Engine, username: str, client: str) -> None:
        now = ms(self.clock())
        stale = now - ms(self.forget)
        table = ThrottleCount.__table__
        with engine.begin() as connection:
            connection.execute(delete(ThrottleCount).where(ThrottleCount.last_ms < stale))
            for key in sorted(_key(key) for key in self._keys(username, client)):  # one order: no deadlock
                failures = case((table.c.last_ms < stale, 1), else_=table.c.failures + 1)
                connection.execute(upsert(engine, table, {"key": key, "failures": 1, "last_ms": now}, ["key"],
                                          {"failures": failures, "last_ms": now}))  # fmt: skip

    def _succeeded_shared(self, engine: Engine, username: str, client: str) -> None:
        keys = [_key(("pair", username, client)), _key(("client", client))]
        with engine.begin() as connection:
            connection.execute(delete(ThrottleCount).where(ThrottleCount.key.in_(keys)))
            places = connection.scalar(select(func.count()).where(SignInPlace.username == username)) or 0
            if places < 50:
                values = {"username": username, "client": client, "at_ms": ms(self.clock())}
                connection.execute(upsert(engine, SignInPlace.__table__, values, ["username", "client"], None))


def _key(parts: tuple[str, ...]) -> str:
    return "\x1f".join(parts)[:400]
