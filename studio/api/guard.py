"""Who is calling the API (an API token's user) and how often: requests per minute per token.

The per-maker hourly limits on jobs (studio/limits.py) apply on top: the API names the token's user as the
maker asking (``limits.ACTING``) while it starts a job.
"""

from __future__ import annotations

import contextlib
import math
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from gallery import UserView
from studio import limits, services
from studio.api.errors import ApiError

__all__ = ["ApiSettings", "Caller", "RequestLimits", "acting_as", "authenticate"]

MINUTE = 60.0


class ApiSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_API_", extra="ignore")

    requests_per_minute: int = Field(default=120, ge=0, description="requests one token may make a minute; 0: none")


class Caller:
    """A request's token user and the token's id (limits and idempotency keys are per token)."""

    def __init__(self, user: UserView, token_id: int) -> None:
        self.user, self.token_id = user, token_id


def bearer(headers: Mapping[str, str]) -> str | None:
    found = headers.get("authorization", "")
    scheme, _, token = found.partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def authenticate(headers: Mapping[str, str]) -> Caller:
    """The token's user, or the 401 refusal (no token, an unknown or a revoked one)."""
    token = bearer(headers)
    found = services.gallery().api_tokens.user_for_token(token) if token else None
    if found is None:
        raise ApiError.unauthorized()
    return Caller(*found)


class RequestLimits:
    """Sliding one-minute windows per token, in memory (each studio process counts its own requests)."""

    def __init__(self, per_minute: int | None = None, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = ApiSettings().requests_per_minute if per_minute is None else per_minute
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._lock = threading.Lock()

    def admit(self, token_id: int) -> None:
        """Counts one request, or raises the 429 refusal with ``Retry-After`` (a refused one is not counted)."""
        if self.per_minute <= 0:
            return
        with self._lock:
            now = self.clock()
            window = self._seen.setdefault(token_id, deque())
            while window and window[0] <= now - MINUTE:
                window.popleft()
            if len(window) >= self.per_minute:
                raise ApiError.too_many(self.per_minute, max(1, math.ceil(window[0] + MINUTE - now)))
            window.append(now)


@contextlib.contextmanager
def acting_as(user: UserView) -> Iterator[None]:
    """Jobs started inside count against ``user``'s hourly limits, as in the studio."""
    reset = limits.ACTING.set(f"account:{user.username}")
    try:
        yield
    finally:
        limits.ACTING.reset(reset)
