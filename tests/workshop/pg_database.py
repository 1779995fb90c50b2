"""The throwaway PostgreSQL of tests/gallery/pg.py for one test module (``pg_server``, a module fixture's body)
and a fresh schema of it as the shared database (``shared_database``: ``FLASHAPPS_DATABASE_URL`` while in use)."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator

import pytest
from support import unavailable

from tests.gallery.pg import PgServer

__all__ = ["pg_server", "shared_database"]


def pg_server() -> Iterator[PgServer | str]:
    """The server, or why there is none (reported as the skip, or under CI the failure, by ``shared_database``)."""
    server = PgServer()
    try:
        yield server.start()
    except Exception as error:
        yield f"PostgreSQL could not start: {type(error).__name__}: {error}"
    finally:
        server.stop()


@contextlib.contextmanager
def shared_database(pg: PgServer | str, monkeypatch: pytest.MonkeyPatch, prefix: str) -> Iterator[str]:
    """A new schema's URL, set as ``FLASHAPPS_DATABASE_URL`` (no other database or object store setting)."""
    if isinstance(pg, str):
        unavailable(pg, "make test installs PostgreSQL")
    assert isinstance(pg, PgServer)
    schema = f"{prefix}_{secrets.token_hex(5)}"
    url = pg.url(schema)
    monkeypatch.setenv("FLASHAPPS_DATABASE_URL", url)
    for name in ("FLASHAPPS_QUEUE_URL", "FLASHAPPS_GALLERY_DATABASE_URL", "FLASHAPPS_OBJECT_STORE",
                 "FLASHAPPS_GALLERY_OBJECT_STORE"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    try:
        yield url
    finally:
        pg.drop_schema(schema)
