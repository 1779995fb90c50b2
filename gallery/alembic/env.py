"""Alembic environment: run by ``gallery.db.migrate`` with a connection, or by the alembic CLI with a URL."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine, pool

from gallery.db import include_object
from gallery.models import Base

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def _main() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "", poolclass=pool.NullPool)
    with engine.connect() as fresh:
        _run(fresh)


_main()
