"""Alembic environment of the job queue's tables (its own version table, beside the gallery's): run by
``workshop.pgqueue.migrate`` with a connection."""

from __future__ import annotations

from alembic import context

config = context.config


def _main() -> None:
    connection = config.attributes["connection"]
    context.configure(connection=connection, version_table="workshop_alembic_version")
    with context.begin_transaction():
        context.run_migrations()


_main()
