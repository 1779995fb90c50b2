"""What studio replicas share: one-time tickets (hashed, sealed), sign-in throttle counts and known places, the
jobs each maker started in the last hour, and the keys every replica signs with (gallery/shared_state.py).

Revision ID: 0005_shared_state
Revises: 0004_api_tokens
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005_shared_state"
down_revision = "0004_api_tokens"
branch_labels = None
depends_on = None

_MS = sa.BigInteger  # milliseconds since the epoch, comparable across replicas


def upgrade() -> None:
    op.create_table(
        "tickets",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("scope", sa.String(200), nullable=False),
        sa.Column("sealed", sa.Text, nullable=False),
        sa.Column("expires_ms", _MS, nullable=False, index=True),
    )
    op.create_table(
        "throttle_counts",
        sa.Column("key", sa.String(400), primary_key=True),
        sa.Column("failures", sa.Integer, nullable=False),
        sa.Column("last_ms", _MS, nullable=False, index=True),
    )
    op.create_table(
        "sign_in_places",
        sa.Column("username", sa.String(200), primary_key=True),
        sa.Column("client", sa.String(200), primary_key=True),
        sa.Column("at_ms", _MS, nullable=False),
    )
    op.create_table(
        "maker_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("maker", sa.String(200), nullable=False),
        sa.Column("what", sa.String(16), nullable=False),
        sa.Column("at_ms", _MS, nullable=False, index=True),
    )
    op.create_index("ix_maker_events_window", "maker_events", ["maker", "what", "at_ms"])
    op.create_table(
        "shared_secrets",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(128), nullable=False),
    )


def downgrade() -> None:
    op.drop_index("ix_maker_events_window", table_name="maker_events")
    for table in ("shared_secrets", "maker_events", "sign_in_places", "throttle_counts", "tickets"):
        op.drop_table(table)
