"""The studio's stores on the shared tables: with replicas sharing the gallery (``auth.shared_engine`` set, as on
PostgreSQL), sign-in tickets, owner tickets and grants, the CSRF key and the per-maker hour are rows of the
database that every process reads, not this process's memory; without it they stay in memory.

Here the shared engine is a SQLite gallery's (the same SQL runs on PostgreSQL in tests/gallery/test_shared_state.py
and between two real replicas in tests/deploy/test_replicas.py); "another replica" is a second engine on the file.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from flashapps.settings import Settings
from gallery import GallerySettings, open_gallery
from gallery.db import make_engine
from gallery.shared_state import MakerEvent, Ticket
from studio import auth, drafts_auth
from studio.limits import MakerLimits, TooSoon
from studio.serving import owner

Shared = tuple[list[Engine], list[Engine | None]]


@pytest.fixture
def engines(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Shared]:
    """(two engines on one database, a one-item list holding what ``auth.shared_engine`` answers now)."""
    settings = GallerySettings(database_url=f"sqlite:///{tmp_path / 'shared.sqlite3'}", store_dir=tmp_path / "s")
    gallery = open_gallery(settings)  # migrated
    engines = [gallery.engine, make_engine(settings.database_url)]
    current: list[Engine | None] = [engines[0]]
    monkeypatch.setattr(auth, "shared_engine", lambda: current[0])
    yield engines, current
    gallery.close()
    engines[1].dispose()


def _rows(engine: Engine, table: type) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(table)) or 0)


def test_tickets_and_grants_are_rows_any_replica_takes(engines: Shared) -> None:
    (first, second), current = engines
    ticket = auth.issue("session-token-1")
    assert _rows(first, Ticket) == 1 and ticket not in auth.TICKETS._items  # in the database, not in this process
    assert drafts_auth._TICKETS.take(ticket) is None  # another store's route cannot take it
    current[0] = second  # the claim lands on another replica
    assert auth.TICKETS.take(ticket) == "session-token-1"
    current[0] = first
    assert auth.TICKETS.take(ticket) is None

    frame = owner.issue_ticket("water", "session-token-1")
    current[0] = second
    assert owner.TICKETS.take(frame, "diary") is None
    assert owner.TICKETS.take(owner.issue_ticket("water", "session-token-1"), "water") == "session-token-1"
    grant = owner.GRANTS.issue("water", "session-token-1")
    current[0] = first
    assert owner.GRANTS.take(grant, "water") == "session-token-1" == owner.GRANTS.take(grant, "water")
    assert frame not in owner.TICKETS._items and grant not in owner.GRANTS._items  # rows, not this process's


def test_the_csrf_key_is_the_shared_one(engines: Shared, monkeypatch: pytest.MonkeyPatch) -> None:
    (first, second), current = engines
    mine = auth.csrf_token("session-token-2")
    monkeypatch.setattr(auth, "_CSRF_KEY", secrets.token_bytes(32))  # another process's own key
    current[0] = second
    auth._shared_key.cache_clear()
    assert auth.csrf_token("session-token-2") == mine  # the same on another replica
    current[0] = None
    assert auth.csrf_token("session-token-2") != mine  # alone, a process signs with its own key


def test_a_maker_s_hour_is_counted_in_the_database(engines: Shared) -> None:
    (first, second), current = engines
    clock = [1_800_000_000.0]
    settings = Settings(drafts_per_hour=1, runs_per_hour=2)
    one = MakerLimits(settings, maker=lambda: "address:198.51.100.3", clock=lambda: clock[0])
    two = MakerLimits(settings, maker=lambda: "address:198.51.100.3", clock=lambda: clock[0])
    one.admit("create")
    current[0] = second
    with pytest.raises(TooSoon) as refused:
        two.admit("remix")  # a second new draft within the hour, on another replica
    assert "made 1 new apps" in refused.value.messages["en"] and refused.value.retry_after == 3600
    two.admit("edit")
    with pytest.raises(TooSoon):
        one.admit("edit")  # the third run
    assert _rows(first, MakerEvent) == 3 and not one._seen and not two._seen
    clock[0] += 3600
    one.admit("create")
