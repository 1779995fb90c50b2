"""Classes without e-mail accounts: classes, their members, apps shared with one class, who used them.

Revision ID: 0003_classes
Revises: 0002_search
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_classes"
down_revision = "0002_search"
branch_labels = None
depends_on = None

_WHEN = sa.DateTime(timezone=True)


def _fk(table: str) -> sa.ForeignKey:
    return sa.ForeignKey(f"{table}.id", ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "classes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("code", sa.String(8), nullable=False, unique=True),
        sa.Column("name", sa.String(80), nullable=False),
        sa.Column("teacher_id", sa.Integer, _fk("users"), nullable=False, index=True),
        sa.Column("retention_days", sa.Integer, nullable=False),
        sa.Column("created_at", _WHEN, nullable=False),
    )
    op.create_table(
        "class_members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, _fk("classes"), nullable=False),
        sa.Column("nickname", sa.String(30), nullable=False),
        sa.Column("nickname_key", sa.String(30), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("joined_at", _WHEN, nullable=False, index=True),
        sa.UniqueConstraint("class_id", "nickname_key", name="uq_class_members_nickname"),
    )
    op.create_table(
        "class_apps",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("class_id", sa.Integer, _fk("classes"), nullable=False, index=True),
        sa.Column("app_id", sa.Integer, _fk("apps"), nullable=False, unique=True),
        sa.Column("shared_at", _WHEN, nullable=False),
    )
    op.create_table(
        "class_visits",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("app_id", sa.Integer, _fk("apps"), nullable=False),
        sa.Column("member_id", sa.Integer, _fk("class_members"), nullable=False, index=True),
        sa.Column("visitor", sa.String(32), nullable=False),
        sa.Column("first_seen", _WHEN, nullable=False),
        sa.Column("last_seen", _WHEN, nullable=False),
        sa.UniqueConstraint("app_id", "visitor", name="uq_class_visits_app_visitor"),
    )


def downgrade() -> None:
    for table in ("class_visits", "class_apps", "class_members", "classes"):
        op.drop_table(table)
