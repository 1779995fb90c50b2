"""Classes without e-mail accounts: a teacher's class, its members (a nickname and a token's hash),
the apps shared with it, and which app visitor id is which member (so the teacher sees names)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from gallery.models import Base, utcnow

__all__ = ["Class", "ClassApp", "ClassMember", "ClassVisit"]


class Class(Base):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(8), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    teacher_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    retention_days: Mapped[int] = mapped_column(Integer, default=30)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ClassMember(Base):
    __tablename__ = "class_members"
    __table_args__ = (UniqueConstraint("class_id", "nickname_key", name="uq_class_members_nickname"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"))
    nickname: Mapped[str] = mapped_column(String(30))
    nickname_key: Mapped[str] = mapped_column(String(30))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    joined_at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)


class ClassApp(Base):
    """An app shared with one class only (its state is then ``class``)."""

    __tablename__ = "class_apps"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("classes.id", ondelete="CASCADE"), index=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"), unique=True)
    shared_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ClassVisit(Base):
    """A member's browser opened a class app with this visitor id (the proxy's ``flash_visitor``)."""

    __tablename__ = "class_visits"
    __table_args__ = (UniqueConstraint("app_id", "visitor", name="uq_class_visits_app_visitor"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    app_id: Mapped[int] = mapped_column(ForeignKey("apps.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("class_members.id", ondelete="CASCADE"), index=True)
    visitor: Mapped[str] = mapped_column(String(32))
    first_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_seen: Mapped[dt.datetime] = mapped_column(default=utcnow)
