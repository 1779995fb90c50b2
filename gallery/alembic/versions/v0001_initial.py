"""Initial schema: users, sessions, apps, versions, likes, reports, audit log.

Revision ID: 0001_initial
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)
_LISTED = "state IN ('published', 'featured')"
_LISTED_INDEXES = {
    "new": ("created_at", "state"),
    "popular": ("like_count", "created_at"),
    "featured": ("featured_at", "created_at"),
    "category": ("category", "created_at"),
    "language": ("language", "created_at"),
    "kind": ("kind", "created_at"),
}


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("username", sa.String(40), nullable=False, unique=True),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("expires_at", _WHEN, nullable=False, index=True),
    )
    op.create_table(
        "apps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("slug", sa.String(16), nullable=False, unique=True),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("description", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("language", sa.String(16), nullable=False),
        sa.Column("kind", sa.String(8), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("reject_reason", sa.Text, nullable=False),
        sa.Column("author_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True),
        sa.Column("remixed_from_app_id", sa.Integer, sa.ForeignKey("apps.id", ondelete="SET NULL"), index=True),
        sa.Column("remixed_from_version", sa.Integer),
        sa.Column("like_count", sa.Integer, nullable=False),
        sa.Column("remix_count", sa.Integer, nullable=False),
        sa.Column("latest_version", sa.Integer, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("updated_at", _WHEN, nullable=False),
        sa.Column("featured_at", _WHEN),
    )
    listed = sa.text(_LISTED)
    for name, columns in _LISTED_INDEXES.items():
        op.create_index(f"ix_apps_listed_{name}", "apps", list(columns), sqlite_where=listed, postgresql_where=listed)
    pending = sa.text("state = 'pending'")
    op.create_index("ix_apps_pending", "apps", ["updated_at"], sqlite_where=pending, postgresql_where=pending)
    op.create_table(
        "versions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.Integer, sa.ForeignKey("apps.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("number", sa.Integer, nullable=False),
        sa.Column("spec", sa.JSON, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, index=True, comment="content address of the bundle files"),
        sa.Column("files", sa.JSON, nullable=False),
        sa.Column("verify_report", sa.JSON, nullable=False),
        sa.Column("privacy_findings", sa.JSON, nullable=False),
        sa.Column("created_by", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.UniqueConstraint("app_id", "number", name="uq_versions_app_number"),
    )
    op.create_table(
        "likes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("user_id", sa.Integer, sa.ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
        sa.Column("app_id", sa.Integer, sa.ForeignKey("apps.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.UniqueConstraint("user_id", "app_id", name="uq_likes_user_app"),
    )
    op.create_table(
        "reports",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.Integer, sa.ForeignKey("apps.id", ondelete="CASCADE"), nullable=False, index=True),
        sa.Column("reporter_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL")),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("state", sa.String(8), nullable=False, index=True),
        sa.Column("resolution", sa.Text, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
        sa.Column("closed_at", _WHEN),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("actor_id", sa.Integer, sa.ForeignKey("users.id", ondelete="SET NULL"), index=True),
        sa.Column("actor_name", sa.String(40), nullable=False),
        sa.Column("action", sa.String(40), nullable=False, index=True),
        sa.Column("target_type", sa.String(16), nullable=False),
        sa.Column("target", sa.String(80), nullable=False),
        sa.Column("details", sa.JSON, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False, index=True),
    )


def downgrade() -> None:
    for table in ("audit_log", "reports", "likes", "versions", "apps", "sessions", "users"):
        op.drop_table(table)
