"""Accounts: argon2 password hashes, expiring sessions (only token hashes stored), roles."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from gallery.context import GalleryContext, record, require_maintainer
from gallery.errors import Conflict, NotFound, UserError
from gallery.models import ROLES, Session, User, utcnow
from gallery.throttle import SignInThrottle
from gallery.views import UserView

__all__ = ["Accounts", "hash_token"]

_USERNAME = re.compile(r"^[\w.\-]{3,40}$")
_HASHER = PasswordHasher()
_DUMMY_HASH = _HASHER.hash("not a real password")


def hash_token(token: str) -> str:
    """Sessions are looked up by this; the token itself is never stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def _view(user: User) -> UserView:
    return UserView(id=user.id, username=user.username, role=user.role)


def _check(username: str, password: str) -> None:
    if not _USERNAME.match(username):
        raise UserError(
            "A username is 3 to 40 letters, digits, dots, dashes or underscores.",
            "用户名需为 3 到 40 个字母、数字、点、横线或下划线。",
        )
    if not 8 <= len(password) <= 1024:
        raise UserError("A password needs at least 8 characters.", "密码至少需要 8 个字符。")


class Accounts:
    """Sign-up, log-in, sessions and roles; every action goes to the audit log."""

    def __init__(self, ctx: GalleryContext) -> None:
        self.ctx = ctx
        self.throttle = SignInThrottle.for_engine(ctx.engine)  # shared by replicas on PostgreSQL

    def register(
        self, username: str, password: str, *, role: str = "maker", actor: UserView | None = None,
        now: dt.datetime | None = None,
    ) -> UserView:  # fmt: skip
        """A new account; only a maintainer (``actor``) can make another maintainer."""
        _check(username, password)
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        try:
            with self.ctx.tx() as session:
                creator = require_maintainer(session, actor, "create maintainers") if role != "maker" else None
                user = User(username=username, password_hash=_HASHER.hash(password), role=role,
                            created_at=now or utcnow())  # fmt: skip
                session.add(user)
                session.flush()
                record(session, creator or user, "account.register", "user", username, {"role": role}, now=now)
                return _view(user)
        except IntegrityError:
            raise Conflict(
                f"The username {username!r} is taken; choose another.", f"用户名 {username!r} 已被使用，请换一个。"
            ) from None

    def create_maintainer(self, username: str, password: str, *, now: dt.datetime | None = None) -> UserView:
        """The first maintainer (from the CLI, which only the server's operator can run)."""
        _check(username, password)
        try:
            with self.ctx.tx() as session:
                user = User(username=username, password_hash=_HASHER.hash(password), role="maintainer",
                            created_at=now or utcnow())  # fmt: skip
                session.add(user)
                session.flush()
                record(session, None, "account.create_maintainer", "user", username, {"via": "cli"}, now=now)
                return _view(user)
        except IntegrityError:
            raise Conflict(f"The username {username!r} is taken.", f"用户名 {username!r} 已被使用。") from None

    def login(self, username: str, password: str, *, now: dt.datetime | None = None, client: str | None = None) -> str:
        """A session token for the right password (the same answer for a wrong name or password).

        ``client`` is where the try comes from (the address the studio sees): failed tries slow down that
        address and that account (gallery/throttle.py); a try that must wait is refused before the password
        is checked, with the time to wait."""
        self.throttle.check(username, client)
        now = now or utcnow()
        with self.ctx.tx() as session:
            user = session.scalar(select(User).where(User.username == username))
            try:
                _HASHER.verify(user.password_hash if user else _DUMMY_HASH, password)
                ok = user is not None
            except (VerificationError, InvalidHashError):
                ok = False
            if not ok or user is None:
                record(session, None, "account.login_failed", "user", username, now=now)
        if not ok or user is None:
            self.throttle.failed(username, client)
            raise UserError("Wrong username or password.", "用户名或密码错误。")
        self.throttle.succeeded(username, client)
        token = secrets.token_urlsafe(32)
        with self.ctx.tx() as session:
            if _HASHER.check_needs_rehash(user.password_hash):
                session.get_one(User, user.id).password_hash = _HASHER.hash(password)
            session.execute(delete(Session).where(Session.expires_at < now))
            expires = now + dt.timedelta(hours=self.ctx.settings.session_hours)
            session.add(Session(user_id=user.id, token_hash=hash_token(token), created_at=now, expires_at=expires))
            record(session, user, "account.login", "user", username, now=now)
        return token

    def user_for_token(self, token: str, *, now: dt.datetime | None = None) -> UserView | None:
        """The user a session token belongs to, or None when unknown or expired."""
        now = now or utcnow()
        with self.ctx.tx() as session:
            found = session.scalar(select(Session).where(Session.token_hash == hash_token(token)))
            if found is None:
                return None
            if found.expires_at <= now:
                session.delete(found)
                return None
            user = session.get(User, found.user_id)
            return _view(user) if user else None

    def logout(self, token: str, *, now: dt.datetime | None = None) -> None:
        with self.ctx.tx() as session:
            found = session.scalar(select(Session).where(Session.token_hash == hash_token(token)))
            if found is not None:
                user = session.get(User, found.user_id)
                session.delete(found)
                record(session, user, "account.logout", "user", user.username if user else "", now=now)

    def set_role(self, actor: UserView, username: str, role: str, *, now: dt.datetime | None = None) -> UserView:
        """A maintainer makes someone a maker or a maintainer."""
        if role not in ROLES:
            raise ValueError(f"unknown role {role!r}")
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, "change roles")
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise NotFound("user", username)
            before, user.role = user.role, role
            record(session, acting, "account.set_role", "user", username, {"from": before, "to": role}, now=now)
            return _view(user)

    def get(self, username: str) -> UserView:
        with self.ctx.sessions() as session:
            user = session.scalar(select(User).where(User.username == username))
            if user is None:
                raise NotFound("user", username)
            return _view(user)
