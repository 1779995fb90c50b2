"""Classes without e-mail accounts: a teacher makes a class, students join it with a short code and a
nickname (no password, no address), and the teacher shares apps with that class alone.

A member holds a random token (only its hash is stored; the studio keeps the token in an HttpOnly
cookie). An app shared with a class has the state ``class``: it is listed nowhere, and served only to
the class's members, its author and maintainers. When a member's browser opens it, the studio notes
which visitor id (the app proxy's) is that member, so the teacher sees submissions by nickname.

What a class collects is kept ``retention_days`` at most: ``sweep`` removes members who joined longer
ago than that, with everything they submitted in the class's apps; ``delete_data`` removes it all now.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import secrets
import sqlite3
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from gallery.accounts import hash_token
from gallery.backup import app_data_root
from gallery.class_models import Class, ClassApp, ClassMember, ClassVisit
from gallery.context import GalleryContext, app_views, find_version, load_actor, record, version_view
from gallery.errors import Conflict, Forbidden, NotFound, UserError
from gallery.models import App, User, utcnow
from gallery.views import AppView, UserView, VersionView

__all__ = ["CLASS_STATE", "RETENTION_CHOICES", "ClassView", "Classes", "MemberView", "forget_visitors"]

CLASS_STATE = "class"
RETENTION_CHOICES = (7, 30, 90, 180, 365)
"""Days a class's data may be kept; the teacher picks one (30 unless changed)."""
_CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off a board without mistakes
_CODE_LENGTH = 6


@dataclass(frozen=True)
class ClassView:
    code: str
    name: str
    teacher: str
    retention_days: int
    created_at: dt.datetime
    members: int


@dataclass(frozen=True)
class MemberView:
    id: int
    nickname: str
    class_code: str
    class_name: str
    joined_at: dt.datetime


def new_code() -> str:
    return "".join(secrets.choice(_CODE_LETTERS) for _ in range(_CODE_LENGTH))


def normal_code(code: str) -> str:
    """What a student typed, as stored: upper case, spaces and dashes dropped."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", code).upper() if ch.isascii() and ch.isalnum())


def _nickname(value: str) -> tuple[str, str]:
    shown = " ".join(unicodedata.normalize("NFKC", value).split())
    if not 1 <= len(shown) <= 30 or not any(ch.isalnum() for ch in shown):
        raise UserError("Choose a nickname of 1 to 30 characters.", "请取一个 1 到 30 个字符的昵称。")
    return shown, shown.casefold()


def _retention(days: int) -> int:
    if days not in RETENTION_CHOICES:
        raise UserError(
            f"Keep a class's data for one of {', '.join(map(str, RETENTION_CHOICES))} days.",
            f"班级数据的保留天数只能是 {'、'.join(map(str, RETENTION_CHOICES))} 天之一。",
        )
    return days


def forget_visitors(folder: Path, visitors: Iterable[str]) -> int:
    """Deletes every record and own value of ``visitors`` in an app's data folder; how many records went."""
    wanted = sorted(set(visitors))
    path = folder / "app.sqlite3"
    if not wanted or not path.is_file():
        return 0
    gone = 0
    marks = ",".join("?" for _ in wanted)
    with contextlib.closing(sqlite3.connect(path, timeout=10)) as db, db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            columns = {row[1] for row in db.execute(f'PRAGMA table_info("{table}")')}
            if "_visitor" in columns:
                gone += db.execute(f'DELETE FROM "{table}" WHERE _visitor IN ({marks})', wanted).rowcount
        if "_kv" in tables:
            for visitor in wanted:
                db.execute("DELETE FROM _kv WHERE key LIKE ?", (f"%@{visitor}",))
    return gone


class Classes:
    """Classes, members, class-only apps and the visitor → member notes; the teacher acts on her own."""

    def __init__(self, ctx: GalleryContext, data_root: Path | None = None) -> None:
        self.ctx = ctx
        self._data_root = data_root

    @property
    def data_root(self) -> Path:
        """Where the apps' data folders are (``<home>/appdata``)."""
        return self._data_root or app_data_root()

    # -- the teacher's classes ---------------------------------------------------------------
    def create(
        self, actor: UserView | None, name: str, *, retention_days: int = 30, now: dt.datetime | None = None
    ) -> ClassView:
        if actor is None:
            raise UserError("Sign in to make a class.", "请先登录再创建班级。")
        name = " ".join(name.split())[:80]
        if not name:
            raise UserError("Give the class a name.", "请给班级起个名字。")
        _retention(retention_days)
        for _attempt in range(5):
            try:
                with self.ctx.tx() as session:
                    user = load_actor(session, actor)
                    assert user is not None
                    row = Class(code=new_code(), name=name, teacher_id=user.id, retention_days=retention_days,
                                created_at=now or utcnow())  # fmt: skip
                    session.add(row)
                    session.flush()
                    record(session, user, "class.create", "class", row.code, {"name": name}, now=now)
                    return self._view(session, row)
            except IntegrityError:
                continue  # the code was taken: draw another
        raise Conflict("Could not make a class code; try again.", "未能生成班级代码，请重试。")

    def mine(self, actor: UserView) -> list[ClassView]:
        with self.ctx.sessions() as session:
            rows = session.scalars(select(Class).where(Class.teacher_id == actor.id).order_by(Class.created_at.desc()))
            return [self._view(session, row) for row in rows]

    def get(self, actor: UserView | None, code: str) -> ClassView:
        with self.ctx.sessions() as session:
            return self._view(session, self._taught(session, actor, code))

    def set_retention(self, actor: UserView | None, code: str, days: int, *, now: dt.datetime | None = None) -> None:
        with self.ctx.tx() as session:
            row = self._taught(session, actor, code)
            row.retention_days = _retention(days)
            record(session, load_actor(session, actor), "class.retention", "class", row.code, {"days": days}, now=now)

    def members(self, actor: UserView | None, code: str) -> list[MemberView]:
        with self.ctx.sessions() as session:
            row = self._taught(session, actor, code)
            found = session.scalars(select(ClassMember).where(ClassMember.class_id == row.id)
                                    .order_by(ClassMember.nickname_key))  # fmt: skip
            return [_member(m, row) for m in found]

    # -- students ------------------------------------------------------------------------------
    def join(self, code: str, nickname: str, *, now: dt.datetime | None = None) -> tuple[str, MemberView]:
        """A new member of the class with ``code``; returns the member's token (kept by their browser)."""
        shown, key = _nickname(nickname)
        token = secrets.token_urlsafe(24)
        try:
            with self.ctx.tx() as session:
                row = session.scalar(select(Class).where(Class.code == normal_code(code)))
                if row is None:
                    raise UserError("There is no class with this code. Check it with your teacher.",
                                    "没有这个代码的班级。请和老师核对一下。")  # fmt: skip
                member = ClassMember(class_id=row.id, nickname=shown, nickname_key=key, token_hash=hash_token(token),
                                     joined_at=now or utcnow())  # fmt: skip
                session.add(member)
                session.flush()
                return token, _member(member, row)
        except IntegrityError:
            raise Conflict(
                f"Someone in this class is already called {shown!r}; choose another nickname.",
                f"班里已经有人叫 {shown!r} 了，请换一个昵称。",
            ) from None

    def member(self, token: str) -> MemberView | None:
        """The member a token belongs to, or None (unknown, or removed when the class's data expired)."""
        if not token:
            return None
        with self.ctx.sessions() as session:
            found = session.scalar(select(ClassMember).where(ClassMember.token_hash == hash_token(token)))
            if found is None:
                return None
            return _member(found, session.get_one(Class, found.class_id))

    def class_apps(self, code: str) -> list[AppView]:
        """The apps shared with a class (what its join page lists for a member)."""
        with self.ctx.sessions() as session:
            row = session.scalar(select(Class).where(Class.code == normal_code(code)))
            if row is None:
                return []
            apps = session.scalars(select(App).join(ClassApp, ClassApp.app_id == App.id)
                                   .where(ClassApp.class_id == row.id, App.state == CLASS_STATE)
                                   .order_by(ClassApp.shared_at.desc()))  # fmt: skip
            return app_views(session, apps, self.ctx.settings.share_base_url)

    # -- class-only apps -----------------------------------------------------------------------
    def share(self, actor: UserView | None, code: str, slug: str, *, now: dt.datetime | None = None) -> None:
        """Makes the actor's published app visible only to the class with ``code`` (and to its author)."""
        with self.ctx.tx() as session:
            row = self._taught(session, actor, code)
            app = session.scalar(select(App).where(App.slug == slug))
            user = load_actor(session, actor)
            if app is None or user is None or app.author_id != user.id:
                raise NotFound("app", slug)
            if app.state not in ("published", "featured", CLASS_STATE):
                raise UserError("Only a published app can be shared with a class.", "只有已发布的应用才能分享给班级。")
            session.execute(delete(ClassApp).where(ClassApp.app_id == app.id))
            session.add(ClassApp(class_id=row.id, app_id=app.id, shared_at=now or utcnow()))
            app.state, app.featured_at = CLASS_STATE, None
            record(session, user, "class.share", "app", slug, {"class": row.code}, now=now)

    def unshare(self, actor: UserView | None, slug: str, *, now: dt.datetime | None = None) -> None:
        """Back to the gallery: public again (waiting for review when the gallery reviews first)."""
        with self.ctx.tx() as session:
            user = load_actor(session, actor)
            app = session.scalar(select(App).where(App.slug == slug))
            if app is None or user is None or app.author_id != user.id or app.state != CLASS_STATE:
                raise NotFound("app", slug)
            session.execute(delete(ClassApp).where(ClassApp.app_id == app.id))
            app.state = "pending" if self.ctx.settings.review_first and user.role != "maintainer" else "published"
            record(session, user, "class.unshare", "app", slug, now=now)

    def class_of(self, slug: str) -> ClassView | None:
        """The class an app is shared with alone, or None (a public or unknown app)."""
        with self.ctx.sessions() as session:
            found = session.execute(select(Class).join(ClassApp, ClassApp.class_id == Class.id)
                                    .join(App, App.id == ClassApp.app_id)
                                    .where(App.slug == slug, App.state == CLASS_STATE)).scalar()  # fmt: skip
            return None if found is None else self._view(session, found)

    def served_version(self, slug: str, number: int | None = None) -> VersionView:
        """A class app's version, for the runner (which has no viewer; the proxy admits who may see it)."""
        with self.ctx.sessions() as session:
            app = session.scalar(select(App).where(App.slug == slug, App.state == CLASS_STATE))
            if app is None:
                raise NotFound("app", slug)
            return version_view(session, app, find_version(session, app, number))

    def admits(self, slug: str, member_tokens: Iterable[str], viewer: UserView | None = None) -> bool:
        """Whether a browser with these member tokens (or signed in as ``viewer``) may open a class app."""
        with self.ctx.sessions() as session:
            app_class = self._app_class(session, slug)
            if app_class is None:
                return True  # not a class app: the gallery's own rules apply
            app, class_id = app_class
            user = load_actor(session, viewer) if viewer is not None else None
            if user is not None and (user.role == "maintainer" or user.id == app.author_id):
                return True
            return self._member_in(session, class_id, member_tokens) is not None

    def note_visit(self, slug: str, visitor: str, member_tokens: Iterable[str], *, now: dt.datetime | None = None
                   ) -> bool:  # fmt: skip
        """Notes that this visitor id is the member (of the app's class) the tokens name; False when none is."""
        now = now or utcnow()
        try:
            with self.ctx.tx() as session:
                app_class = self._app_class(session, slug)
                member = None if app_class is None else self._member_in(session, app_class[1], member_tokens)
                if app_class is None or member is None:
                    return False
                app_id = app_class[0].id
                seen = session.scalar(select(ClassVisit).where(ClassVisit.app_id == app_id,
                                                               ClassVisit.visitor == visitor))  # fmt: skip
                if seen is None:
                    session.add(ClassVisit(app_id=app_id, member_id=member.id, visitor=visitor, first_seen=now,
                                           last_seen=now))  # fmt: skip
                else:
                    seen.member_id, seen.last_seen = member.id, now
            return True
        except IntegrityError:
            return True  # the same browser's other tab noted it at the same moment

    def visitors(self, actor: UserView | None, slug: str) -> dict[str, str]:
        """Visitor id → nickname, for the class app ``slug`` of the actor's."""
        with self.ctx.sessions() as session:
            app = self._own_class_app(session, actor, slug)
            found = session.execute(select(ClassVisit.visitor, ClassMember.nickname)
                                    .join(ClassMember, ClassMember.id == ClassVisit.member_id)
                                    .where(ClassVisit.app_id == app.id))  # fmt: skip
            return dict(found.all())

    # -- keeping data no longer than chosen ----------------------------------------------------
    def sweep(self, *, now: dt.datetime | None = None) -> int:
        """Removes members whose class keeps data for fewer days than they have been in it, with their
        submissions in the class's apps; returns how many members went. The studio runs it now and then."""
        now = now or utcnow()
        with self.ctx.sessions() as session:
            expired = [
                member.id
                for member, days in session.execute(
                    select(ClassMember, Class.retention_days).join(Class, Class.id == ClassMember.class_id)
                )
                if member.joined_at + dt.timedelta(days=days) <= now
            ]
        return self._remove_members(expired, None, "class.sweep", now)

    def delete_data(self, actor: UserView | None, code: str, *, now: dt.datetime | None = None) -> int:
        """Removes every member of the class and everything they submitted; the class and its apps stay."""
        with self.ctx.sessions() as session:
            row = self._taught(session, actor, code)
            ids = list(session.scalars(select(ClassMember.id).where(ClassMember.class_id == row.id)))
        return self._remove_members(ids, actor, "class.delete_data", now, target=row.code)

    def _remove_members(self, ids: list[int], actor: UserView | None, action: str, now: dt.datetime | None,
                        target: str = "") -> int:  # fmt: skip
        if not ids:
            return 0
        with self.ctx.sessions() as session:
            visits = session.execute(select(App.slug, ClassVisit.visitor).join(App, App.id == ClassVisit.app_id)
                                     .where(ClassVisit.member_id.in_(ids))).all()  # fmt: skip
        by_app: dict[str, set[str]] = {}
        for slug, visitor in visits:
            by_app.setdefault(slug, set()).add(visitor)
        records = sum(forget_visitors(self.data_root / slug, found) for slug, found in by_app.items())
        with self.ctx.tx() as session:
            session.execute(delete(ClassVisit).where(ClassVisit.member_id.in_(ids)))
            session.execute(delete(ClassMember).where(ClassMember.id.in_(ids)))
            details = {"members": len(ids), "records": records}
            record(session, load_actor(session, actor), action, "class", target or "retention", details, now=now)
        return len(ids)

    # -- helpers -------------------------------------------------------------------------------
    def _view(self, session: Session, row: Class) -> ClassView:
        teacher = session.get(User, row.teacher_id)
        count = session.scalar(select(func.count()).select_from(ClassMember).where(ClassMember.class_id == row.id))
        return ClassView(
            code=row.code,
            name=row.name,
            teacher=teacher.username if teacher else "",
            retention_days=row.retention_days,
            created_at=row.created_at,
            members=int(count or 0),
        )

    def _taught(self, session: Session, actor: UserView | None, code: str) -> Class:
        row = session.scalar(select(Class).where(Class.code == normal_code(code)))
        user = load_actor(session, actor)
        if row is None or user is None:
            raise NotFound("class", code)
        if row.teacher_id != user.id:
            raise Forbidden("manage this class", needs="author")
        return row

    def _app_class(self, session: Session, slug: str) -> tuple[App, int] | None:
        found = session.execute(select(App, ClassApp.class_id).join(ClassApp, ClassApp.app_id == App.id)
                                .where(App.slug == slug, App.state == CLASS_STATE)).first()  # fmt: skip
        return None if found is None else (found[0], found[1])

    def _member_in(self, session: Session, class_id: int, tokens: Iterable[str]) -> ClassMember | None:
        hashes = [hash_token(token) for token in tokens if token]
        if not hashes:
            return None
        return session.scalar(select(ClassMember).where(ClassMember.class_id == class_id,
                                                        ClassMember.token_hash.in_(hashes)))  # fmt: skip

    def _own_class_app(self, session: Session, actor: UserView | None, slug: str) -> App:
        user = load_actor(session, actor)
        app = session.scalar(select(App).where(App.slug == slug))
        if app is None or user is None or app.author_id != user.id or app.state != CLASS_STATE:
            raise NotFound("app", slug)
        return app


def _member(member: ClassMember, row: Class) -> MemberView:
    return MemberView(id=member.id, nickname=member.nickname, class_code=row.code, class_name=row.name,
                      joined_at=member.joined_at)  # fmt: skip
