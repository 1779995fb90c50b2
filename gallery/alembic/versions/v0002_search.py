"""Full-text search: ``apps.search_text`` (pre-tokenised) indexed by FTS5 or a tsvector.

SQLite: an FTS5 external content table over ``apps`` kept in sync by triggers.
PostgreSQL: a generated ``search_vector`` column with a GIN index. Existing rows are
backfilled, so an older database gains search when it upgrades.

Revision ID: 0002_search
Revises: 0001_initial
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from gallery.tokens import search_text

revision = "0002_search"
down_revision = "0001_initial"
branch_labels = None
depends_on = None

_SQLITE_UP = [
    "CREATE VIRTUAL TABLE apps_fts USING fts5(search_text, content='apps', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    "INSERT INTO apps_fts(apps_fts) VALUES ('rebuild')",
    "CREATE TRIGGER apps_fts_ai AFTER INSERT ON apps BEGIN "
    "INSERT INTO apps_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER apps_fts_ad AFTER DELETE ON apps BEGIN "
    "INSERT INTO apps_fts(apps_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER apps_fts_au AFTER UPDATE OF search_text ON apps BEGIN "
    "INSERT INTO apps_fts(apps_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO apps_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
_POSTGRES_UP = [
    "ALTER TABLE apps ADD COLUMN search_vector tsvector "
    "GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED",
    "CREATE INDEX ix_apps_search ON apps USING GIN (search_vector)",
]


def upgrade() -> None:
    op.add_column("apps", sa.Column("search_text", sa.Text, nullable=False, server_default=""))
    bind = op.get_bind()
    apps = sa.table(
        "apps",
        sa.column("id", sa.Integer),
        sa.column("title", sa.String),
        sa.column("description", sa.Text),
        sa.column("tags", sa.JSON),
        sa.column("search_text", sa.Text),
    )
    rows = bind.execute(sa.select(apps.c.id, apps.c.title, apps.c.description, apps.c.tags)).all()
    for row in rows:
        text = search_text(row.title, row.description, row.tags or [])
        bind.execute(apps.update().where(apps.c.id == row.id).values(search_text=text))
    statements = {"sqlite": _SQLITE_UP, "postgresql": _POSTGRES_UP}.get(bind.dialect.name, [])
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        for trigger in ("apps_fts_ai", "apps_fts_ad", "apps_fts_au"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS apps_fts")
    elif bind.dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_apps_search")
        op.execute("ALTER TABLE apps DROP COLUMN IF EXISTS search_vector")
    op.drop_column("apps", "search_text")
