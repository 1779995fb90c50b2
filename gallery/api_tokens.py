"""API tokens: a gallery user's keys for the studio's JSON API (``Authorization: Bearer ...``).

Only a hash of each token is stored (like sessions); the token itself is shown once, when it is made.
A user makes and revokes their own tokens (the studio's account page, or ``flashapps gallery token``);
a request with a token acts as its user.
"""

from __future__ import annotations

import datetime as dt
import secrets

from pydantic import BaseModel, ConfigDict
from sqlalchemy import ForeignKey, Integer, String, func, select
from sqlalchemy.orm import Mapped, mapped_column

from gallery.accounts import hash_token
from gallery.context import GalleryContext, load_actor, record
from gallery.errors import NotFound, UserError
from gallery.models import Base, User, utcnow
from gallery.views import UserView

__all__ = ["PREFIX", "ApiToken", "ApiTokenView", "ApiTokens", "NoSuchToken"]

PREFIX = "fa_"
"""Every token starts with this, so a leaked one is easy to recognise in logs and code."""
MAX_TOKENS = 20
"""Tokens one user may hold at once."""
_SEEN_EVERY = dt.timedelta(minutes=1)
"""``last_used_at`` is written at most this often per token (not on every request)."""


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    hint: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(default=None)


class ApiTokenView(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: int
    name: str
    hint: str
    created_at: dt.datetime
    last_used_at: dt.datetime | None = None


def _view(row: ApiToken) -> ApiTokenView:
    return ApiTokenView(id=row.id, name=row.name, hint=row.hint, created_at=row.created_at,
                        last_used_at=row.last_used_at)  # fmt: skip


class NoSuchToken(NotFound):
    def __init__(self, token_id: int) -> None:
        UserError.__init__(self, f"You have no API token {token_id}.", f"你没有编号为 {token_id} 的 API 令牌。")


class ApiTokens:
    """Make, list, revoke and look up API tokens; making and revoking go to the audit log."""

    def __init__(self, ctx: GalleryContext) -> None:
        self.ctx = ctx

    def create(self, user: UserView, name: str = "", *, now: dt.datetime | None = None) -> tuple[str, ApiTokenView]:
        """A new token for ``user``: the token (shown once, never stored) and what is kept of it."""
        name = " ".join(name.split())[:60] or "API"
        token = PREFIX + secrets.token_urlsafe(32)
        with self.ctx.tx() as session:
            owner = load_actor(session, user)
            assert owner is not None
            held = session.scalar(select(func.count()).select_from(ApiToken).where(ApiToken.user_id == owner.id))
            if (held or 0) >= MAX_TOKENS:
                raise UserError(
                    f"You already have {MAX_TOKENS} API tokens; revoke one you no longer use first.",
                    f"你已经有 {MAX_TOKENS} 个 API 令牌；请先撤销一个不再使用的。",
                )
            row = ApiToken(user_id=owner.id, name=name, token_hash=hash_token(token), hint=token[:7] + "…",
                           created_at=now or utcnow())  # fmt: skip
            session.add(row)
            session.flush()
            record(session, owner, "api_token.create", "api_token", str(row.id), {"name": name}, now=now)
            return token, _view(row)

    def list(self, user: UserView) -> list[ApiTokenView]:
        with self.ctx.sessions() as session:
            rows = session.scalars(select(ApiToken).where(ApiToken.user_id == user.id).order_by(ApiToken.id))
            return [_view(row) for row in rows]

    def revoke(self, user: UserView, token_id: int, *, now: dt.datetime | None = None) -> None:
        """Removes one of ``user``'s tokens; requests with it are refused from then on."""
        with self.ctx.tx() as session:
            row = session.get(ApiToken, token_id)
            if row is None or row.user_id != user.id:
                raise NoSuchToken(token_id)
            session.delete(row)
            record(session, load_actor(session, user), "api_token.revoke", "api_token", str(token_id), now=now)

    def user_for_token(self, token: str, *, now: dt.datetime | None = None) -> tuple[UserView, int] | None:
        """The user a token belongs to and the token's id, or None for an unknown or revoked token."""
        if not token.startswith(PREFIX):
            return None
        now = now or utcnow()
        with self.ctx.tx() as session:
            row = session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(token)))
            if row is None:
                return None
            user = session.get(User, row.user_id)
            if user is None:
                return None
            if row.last_used_at is None or now - row.last_used_at >= _SEEN_EVERY:
                row.last_used_at = now
            return UserView(id=user.id, username=user.username, role=user.role), row.id
