"""Sandbox hosts: their heartbeats and load, which host each app runs on, and each app's data kept for a host's
loss (gallery/placement.py).

Revision ID: 0006_sandbox_hosts
Revises: 0005_shared_state
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_sandbox_hosts"
down_revision = "0005_shared_state"
branch_labels = None
depends_on = None

_MS = sa.BigInteger  # milliseconds since the epoch, comparable across machines


def upgrade() -> None:
    op.create_table(
        "sandbox_hosts",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("address", sa.String(200), nullable=False),
        sa.Column("backend", sa.String(40), nullable=False),
        sa.Column("running", sa.Integer, nullable=False),
        sa.Column("beat_ms", _MS, nullable=False, index=True),
    )
    op.create_table(
        "app_placements",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("host", sa.String(64), nullable=False, index=True),
        sa.Column("placed_ms", _MS, nullable=False),
    )
    op.create_table(
        "app_data_snapshots",
        sa.Column("data_key", sa.String(64), primary_key=True),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("archive", sa.LargeBinary, nullable=False),
        sa.Column("host", sa.String(64), nullable=False),
        sa.Column("saved_ms", _MS, nullable=False),
    )


def downgrade() -> None:
    for table in ("app_data_snapshots", "app_placements", "sandbox_hosts"):
        op.drop_table(table)
