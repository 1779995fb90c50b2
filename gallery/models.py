"""The gallery schema as typed SQLAlchemy 2 models (the migrations in ``alembic/`` create it).

``apps.search_text`` is the pre-tokenised text full-text search indexes: an FTS5 external
content table ``apps_fts`` on SQLite, a generated ``search_vector`` tsvector on PostgreSQL.
Neither is mapped here: they are the database's business, kept in sync by it.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator, UniqueConstraint, text
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

__all__ = [
    "APP_KINDS",
    "APP_STATES",
    "LISTED_INDEXES",
    "LISTED_SQL",
    "LISTED_STATES",
    "ROLES",
    "App",
    "AppVersion",
    "AuditEntry",
    "Base",
    "Like",
    "Report",
    "Session",
    "User",
    "UTCDateTime",
    "utcnow",
]

ROLES = ("maker", "maintainer")
APP_KINDS = ("app", "game")
APP_STATES = ("pending", "published", "featured", "hidden", "rejected", "class")
LISTED_STATES = ("published", "featured")
"""States anyone may see and find; the others only the author and maintainers."""
LISTED_SQL = "state IN ('published', 'featured')"
LISTED_INDEXES: dict[str, tuple[str, ...]] = {
    "new": ("created_at", "state"),
    "popular": ("like_count", "created_at"),
    "featured": ("featured_at", "created_at"),
    "category": ("category", "created_at"),
    "language": ("language", "created_at"),
    "kind": ("kind", "created_at"),
}
"""Partial indexes over listed apps: each browse order and filter is an index scan. There is no
plain index on ``state``: the planner would pick it and sort instead of scanning these in order;
``state`` trails the "new" index so that counting listed apps reads that index alone."""
PENDING_SQL = "state = 'pending'"


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every database (SQLite forgets the zone; this puts it back)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass an aware UTC time")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class Base(DeclarativeBase):
    type_annotation_map = {dt.datetime: UTCDateTime(), dict[str, Any]: JSON, list[Any]: JSON}


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(16), default="maker")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Session(Base):
    __tablename__ = "sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(index=True)


class App(Base):
    __tablename__ = "apps"
    __table_args__ = (
        *(
            Index(f"ix_apps_listed_{name}", *columns, sqlite_where=text(LISTED_SQL), postgresql_where=text(LISTED_SQL))
            for name, columns in LISTED_INDEXES.items()
        ),
        Index("ix_apps_pending", "updated_at", sqlite_where=text(PENDING_SQL), postgresql_where=text(PENDING_SQL)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(16), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    tags: Mapped[list[Any]] = mapped_column(default=list)
    category: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16))
    kind: Mapped[str] = mapped_column(String(8))
    state: Mapped[str] = mapped_column(String(16))
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    """Why a maintainer hid or rejected the app: ``[code] words`` (a code of ``gallery.views.REASONS``)."""
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    remixed_from_app_id: Mapped[int | None] = mapped_column(ForeignKey("apps.id", ondelete="SET NULL"), index=True)
    remixed_from_version: Mapped[int | None] = mapped_column(Integer)
    like_count: Mapped[int] = mapped_column(Integer, default=0)
    remix_count: Mapped[int] = mapped_column(Integer, default=0)
    latest_version: Mapped[int] = mapped_column(Integer, default=0)
    search_text: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    featured_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AppVersion(Base):
    __tablename__ = "versions"
    __table_args__ = (UniqueConstraint("app_id", "number", name="uq_versions_app_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    spec: Mapped[dict[str, Any]] = mapped_column()
    digest: Mapped[str] = mapped_column(String(64), index=True, comment="content address of the bundle files")
    files: Mapped[list[Any]] = mapped_column()
    verify_report: Mapped[dict[str, Any]] = mapped_column()
    privacy_findings: Mapped[list[Any]] = mapped_column(default=list)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Like(Base):
    __tablename__ = "likes"
    __table_args__ = (UniqueConstraint("user_id", "app_id", name="uq_likes_user_app"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Report(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), index=True)
    reporter_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(8), default="open", index=True)
    resolution: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class AuditEntry(Base):
    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), index=True)
    actor_name: Mapped[str] = mapped_column(String(40), default="")
    action: Mapped[str] = mapped_column(String(40), index=True)
    target_type: Mapped[str] = mapped_column(String(16))
    target: Mapped[str] = mapped_column(String(80))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


from gallery import class_models as _class_models  # noqa: E402, F401  # classes' tables join the metadata
from gallery import placement as _placement  # noqa: E402, F401  # sandbox hosts' tables join the metadata
