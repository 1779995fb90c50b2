"""Sign-in throttling: failed sign-ins are counted per account, per client address and per pair, each with an
exponential backoff capped at a few minutes, so guessing is slow and no lockout lasts.

- One address guessing one account: after ``free`` failures each next try waits 1 s, 2 s, 4 s … at most
  ``cap`` seconds, and is refused without checking the password while it waits.
- One address guessing many accounts: the same, counted for the address.
- Many addresses guessing one account: the account waits too, except for an address that signed in to it before
  (its known place), so an attacker elsewhere cannot keep its owner out; an unknown place waits at most ``cap``.
- A failure is forgotten ``forget`` seconds after the last one; a success clears its address's counts.
Refused tries do not count, so waiting out the delay is always enough.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from gallery.errors import UserError

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
    """In-memory counts for one gallery process (the studio runs one); ``clock`` is seconds, for tests."""

    def __init__(
        self, *, free: int = 5, cap: float = 300.0, forget: float = 900.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.free, self.cap, self.forget, self.clock = free, cap, forget, clock
        self._counts: dict[tuple[str, ...], _Count] = {}
        self._known: dict[str, set[str]] = {}
        self._lock = threading.Lock()

    def _wait(self, key: tuple[str, ...], now: float) -> float:
        count = self._counts.get(key)
        if count is None:
            return 0.0
        if now - count.last > self.forget:
            del self._counts[key]
            return 0.0
        if count.failures < self.free:
            return 0.0
        delay = min(2.0 ** (count.failures - self.free), self.cap)
        return max(0.0, count.last + delay - now)

    def _keys(self, username: str, client: str) -> list[tuple[str, ...]]:
        return [("pair", username, client), ("client", client), ("account", username)]

    def check(self, username: str, client: str | None) -> None:
        """Raises TooManyTries when this try must wait (before any password is checked)."""
        client = client or "unknown"
        with self._lock:
            now = self.clock()
            waits = [self._wait(("pair", username, client), now), self._wait(("client", client), now)]
            if client not in self._known.get(username, set()):
                waits.append(self._wait(("account", username), now))
            if max(waits) > 0:
                raise TooManyTries(max(waits))

    def failed(self, username: str, client: str | None) -> None:
        client = client or "unknown"
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
        with self._lock:
            self._counts.pop(("pair", username, client), None)
            self._counts.pop(("client", client), None)
            known = self._known.setdefault(username, set())
            if len(known) < 50:
                known.add(client)
