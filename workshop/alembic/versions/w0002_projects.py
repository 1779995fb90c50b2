"""Drafts in the shared database: projects, their versions (the verify report and bundle digest in columns of
their own, so recording one never rewrites the other) and each version's bundle bytes, kept once per digest
(one row per file) unless the object store holds them.

Revision ID: w0002
Revises: w0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "w0002"
down_revision = "w0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "flashapps_projects",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("idea", sa.Text, nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("current", sa.Integer, nullable=False),
        sa.Column("bundle", sa.Text, nullable=True, comment="the folder the command line keeps a copy in"),
        sa.Column("owner", sa.String(200), nullable=True),
        sa.Column("creator", sa.String(200), nullable=True),
        sa.Column("meta", sa.Text, nullable=False, server_default="{}", comment="the front doors' notes (JSON)"),
        sa.Column("touched", sa.Float, nullable=False, comment="last change, epoch seconds (pruning)"),
    )
    op.create_index("ix_flashapps_projects_owner", "flashapps_projects", ["owner"])
    op.create_index("ix_flashapps_projects_creator", "flashapps_projects", ["creator"])
    op.create_index("ix_flashapps_projects_bundle", "flashapps_projects", ["bundle"])
    op.create_table(
        "flashapps_versions",
        sa.Column(
            "project_id", sa.String(32), sa.ForeignKey("flashapps_projects.id", ondelete="CASCADE"), primary_key=True
        ),  # fmt: skip
        sa.Column("number", sa.Integer, primary_key=True, comment="unique per project: two adds never share one"),
        sa.Column("data", sa.Text, nullable=False, comment="the version as JSON, less verify and digest"),
        sa.Column("verify", sa.Text, nullable=True),
        sa.Column("digest", sa.String(64), nullable=True),
    )
    op.create_index("ix_flashapps_versions_digest", "flashapps_versions", ["digest"])
    op.create_table(
        "flashapps_draft_bundles",
        sa.Column("digest", sa.String(64), primary_key=True),
        sa.Column("files", sa.Integer, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("in_objects", sa.Boolean, nullable=False, comment="its bytes are in the object store"),
    )
    op.create_table(
        "flashapps_draft_files",
        sa.Column(
            "digest",
            sa.String(64),
            sa.ForeignKey("flashapps_draft_bundles.digest", ondelete="CASCADE"),
            primary_key=True,
        ),  # fmt: skip
        sa.Column("name", sa.String(500), primary_key=True),
        sa.Column("content", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    for table in ("flashapps_draft_files", "flashapps_draft_bundles", "flashapps_versions", "flashapps_projects"):
        op.drop_table(table)
