"""The job queue: procrastinate's schema (its tables, types and functions, from the pinned version) and our
jobs table (status, events and result of every job, its idempotency key and maker).

Revision ID: w0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "w0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    from procrastinate.schema import SchemaManager

    cursor = op.get_bind().connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    cursor.execute(SchemaManager.get_schema())  # with no parameters: its % and : are not placeholders
    op.create_table(
        "flashapps_jobs",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("key", sa.String(200), nullable=True, unique=True),
        sa.Column("maker", sa.String(200), nullable=True),
        sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
        sa.Column("queue_id", sa.BigInteger, nullable=True, comment="the procrastinate job running it"),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("updated_at", sa.String(40), nullable=False),
        sa.Column("data", sa.Text, nullable=False, comment="the whole job as JSON"),
    )
    op.create_index("ix_flashapps_jobs_status_created", "flashapps_jobs", ["status", "created_at"])
    op.create_index("ix_flashapps_jobs_maker_status", "flashapps_jobs", ["maker", "status"])


def downgrade() -> None:
    op.drop_table("flashapps_jobs")
    for statement in (
        "DROP TABLE IF EXISTS procrastinate_events, procrastinate_periodic_defers, procrastinate_jobs, "
        "procrastinate_workers CASCADE",
        "DROP TYPE IF EXISTS procrastinate_job_status, procrastinate_job_event_type, procrastinate_job_to_defer_v1 "
        "CASCADE",
    ):
        op.execute(statement)
