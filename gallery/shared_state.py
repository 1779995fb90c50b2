"""What studio replicas share through the database: one-time tickets, sign-in throttle counts, per-maker job
windows and the secrets every replica signs with.

One studio process may keep these in memory; several behind a load balancer must not, or a sign-in started on
one replica fails on the next and a guesser gets fresh counts from each. With the gallery on PostgreSQL the
studio keeps them here (studio/auth.py, studio/serving/owner.py, gallery/throttle.py, studio/limits.py);
migration 0005_shared_state creates the tables. Times are whole milliseconds since the epoch (every replica's
wall clock), so they compare across machines.

- ``tickets``: a ticket is looked up by the SHA-256 of its text; the value it stands for (a session token) is
  stored sealed with a key stream drawn from the ticket itself, so the table alone gives away no session. A
  single-use ticket is taken by one ``DELETE ... RETURNING``: of two replicas racing for it, one gets it.
- ``throttle_counts`` / ``sign_in_places``: failed sign-ins per key, and the places an account signed in from.
- ``maker_events``: one row per job a maker started (the sliding hour of studio/limits.py).
- ``shared_secrets``: random keys made by the first replica that needs one, read by all the others.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import BigInteger, Engine, Index, Integer, String, Text, and_, delete, func, insert, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, mapped_column

from gallery.models import Base

__all__ = [
    "MakerEvent",
    "MakerWindows",
    "SharedSecret",
    "SignInPlace",
    "ThrottleCount",
    "Ticket",
    "TicketTable",
    "ms",
    "shared_secret",
    "upsert",
]


def ms(seconds: float) -> int:
    """Seconds (a clock's reading) as the whole milliseconds the tables store."""
    return int(round(seconds * 1000))


class Ticket(Base):
    __tablename__ = "tickets"

    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    scope: Mapped[str] = mapped_column(String(200))
    sealed: Mapped[str] = mapped_column(Text)
    expires_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class ThrottleCount(Base):
    __tablename__ = "throttle_counts"

    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer)
    last_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class SignInPlace(Base):
    __tablename__ = "sign_in_places"

    username: Mapped[str] = mapped_column(String(200), primary_key=True)
    client: Mapped[str] = mapped_column(String(200), primary_key=True)
    at_ms: Mapped[int] = mapped_column(BigInteger)


class MakerEvent(Base):
    __tablename__ = "maker_events"
    __table_args__ = (Index("ix_maker_events_window", "maker", "what", "at_ms"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    maker: Mapped[str] = mapped_column(String(200))
    what: Mapped[str] = mapped_column(String(16))
    at_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class SharedSecret(Base):
    __tablename__ = "shared_secrets"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(128))


def _digest(ticket: str) -> str:
    return hashlib.sha256(ticket.encode()).hexdigest()


def _stream(ticket: str, size: int) -> bytes:
    return hashlib.shake_256(b"flashapps-ticket\0" + ticket.encode()).digest(size)


def _seal(ticket: str, value: str) -> str:
    raw = value.encode()
    return base64.urlsafe_b64encode(bytes(a ^ b for a, b in zip(raw, _stream(ticket, len(raw)), strict=True))).decode()


def _unseal(ticket: str, sealed: str) -> str | None:
    raw = base64.urlsafe_b64decode(sealed.encode())
    try:
        return bytes(a ^ b for a, b in zip(raw, _stream(ticket, len(raw)), strict=True)).decode()
    except UnicodeDecodeError:
        return None


class TicketTable:
    """Random tickets of one ``kind`` standing for a value (and a ``scope`` they are good for), each valid for
    ``seconds``; ``once``: taken once, by exactly one taker."""

    def __init__(self, engine: Engine, kind: str, seconds: float, once: bool, clock: Callable[[], float] = time.time):
        self.engine, self.kind, self.seconds, self.once, self.clock = engine, kind, seconds, once, clock

    def issue(self, value: str, scope: str = "") -> str:
        ticket = secrets.token_urlsafe(32)
        now = ms(self.clock())
        with self.engine.begin() as connection:
            connection.execute(delete(Ticket).where(Ticket.kind == self.kind, Ticket.expires_ms <= now))
            connection.execute(insert(Ticket).values(
                digest=_digest(ticket), kind=self.kind, scope=scope, sealed=_seal(ticket, value),
                expires_ms=now + ms(self.seconds),
            ))  # fmt: skip
        return ticket

    def take(self, ticket: str, scope: str = "") -> str | None:
        """The value behind ``ticket`` when it is of this kind, for ``scope`` and still valid, else None."""
        if not ticket:
            return None
        where = and_(Ticket.digest == _digest(ticket), Ticket.kind == self.kind)
        columns = (Ticket.scope, Ticket.sealed, Ticket.expires_ms)
        with self.engine.begin() as connection:
            if self.once:
                found = connection.execute(delete(Ticket).where(where).returning(*columns)).first()
            else:
                found = connection.execute(select(*columns).where(where)).first()
        if found is None or found.expires_ms <= ms(self.clock()) or not hmac.compare_digest(found.scope, scope):
            return None
        return _unseal(ticket, found.sealed)


def upsert(engine: Engine, table: Any, values: dict[str, Any], keys: list[str], update: dict[str, Any] | None) -> Any:
    """``INSERT ... ON CONFLICT`` for PostgreSQL and SQLite: update ``update`` (None: do nothing)."""
    dialect = postgresql if engine.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values)
    if update is None:
        return statement.on_conflict_do_nothing(index_elements=keys)
    return statement.on_conflict_do_update(index_elements=keys, set_=update)


def shared_secret(engine: Engine, name: str) -> bytes:
    """A random 32-byte key called ``name``, the same for every replica (made by the first that asks)."""
    with engine.begin() as connection:
        found = connection.scalar(select(SharedSecret.value).where(SharedSecret.name == name))
        if found is None:
            made = secrets.token_hex(32)
            connection.execute(upsert(engine, SharedSecret.__table__, {"name": name, "value": made}, ["name"], None))
            found = connection.scalar(select(SharedSecret.value).where(SharedSecret.name == name))
    return bytes.fromhex(str(found))


class MakerWindows:
    """Sliding windows of jobs per maker: ``admit`` counts against every limit at once, or not at all."""

    def __init__(self, engine: Engine, window: float) -> None:
        self.engine, self.window = engine, window

    def admit(self, who: str, limits: dict[str, int], now: float) -> tuple[str, int, float] | None:
        """Records one event per name in ``limits`` for ``who``; or, when one is full, records nothing and returns
        (its name, its limit, seconds until a place frees up)."""
        at, since = ms(now), ms(now - self.window)
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":  # two replicas admitting one maker: one after the other
                connection.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:who, 0))"), {"who": who})
            connection.execute(delete(MakerEvent).where(MakerEvent.at_ms <= since))
            for what, limit in limits.items():
                if limit <= 0:
                    continue
                count, oldest = connection.execute(
                    select(func.count(), func.min(MakerEvent.at_ms)).where(
                        MakerEvent.maker == who, MakerEvent.what == what, MakerEvent.at_ms > since
                    )
                ).one()
                if count >= limit:
                    return what, limit, (int(oldest) - since) / 1000
            rows = [{"maker": who, "what": what, "at_ms": at} for what, limit in limits.items() if limit > 0]
            if rows:
                connection.execute(insert(MakerEvent), rows)
        return None
