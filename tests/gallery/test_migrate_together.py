"""Studio replicas and workers that start at once on a new PostgreSQL database migrate it one after another
(without turns, the processes deadlock or collide on alembic_version)."""

from __future__ import annotations

import secrets
import threading

from pg import PgServer
from sqlalchemy import Engine
from support import unavailable

from gallery.db import current_revision, head_revision, make_engine, migrate


def _migrate_when_all_are_ready(engine: Engine, start: threading.Barrier, errors: list[Exception]) -> None:
    start.wait()
    try:
        migrate(engine)
    except Exception as error:  # every failure is the test's finding
        errors.append(error)


def test_processes_migrating_a_new_database_at_once_take_turns(pg_server: PgServer | str) -> None:
    if isinstance(pg_server, str):
        unavailable(pg_server, "make test installs PostgreSQL")
    for _ in range(3):  # the race, when there is one, is lost in most rounds
        schema = f"t_{secrets.token_hex(6)}"
        engines = [make_engine(pg_server.url(schema)) for _ in range(4)]
        start, errors = threading.Barrier(len(engines)), list[Exception]()
        threads = [
            threading.Thread(target=_migrate_when_all_are_ready, args=(e, start, errors), daemon=True) for e in engines
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        try:
            assert not any(t.is_alive() for t in threads), "a migration still waits after two minutes"
            assert errors == []
            assert {current_revision(e) for e in engines} == {head_revision()}
        finally:
            for engine in engines:
                engine.dispose()
            pg_server.drop_schema(schema)
