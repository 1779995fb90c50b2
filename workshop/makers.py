"""Who may change a draft: the signed-in account that made it, or the browser that made it anonymously.

Anyone with a draft's link may look at it (and remix it); changing it (a follow-up sentence, undo, the
records switch, a content upload) and publishing it need its maker. The use cases in
``workshop.actions`` check this themselves, so every front door (the studio, the command line, an HTTP
API one day) says who is acting with a ``Maker`` and none can skip the check.

An anonymous draft keeps only a hash of its creator's *secret*: a random value held by the browser that
made it (the studio keeps it in the session and in an HttpOnly cookie). A signed-in maker claims such a
draft, by publishing it, only from that browser (with that secret).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from pydantic import BaseModel, ConfigDict, Field

from flashapps.errors import UserError

__all__ = ["Maker", "NotYourDraft", "creator_hash", "may_change", "new_secret", "refuse_unless_maker"]

SECRET_BYTES = 32


class NotYourDraft(UserError):
    """Someone other than a draft's maker tried to change or publish it."""

    def __init__(self) -> None:
        super().__init__(
            "Only the person who made this draft can change it. You can remix it instead.",
            "只有做这个草稿的人才能修改它。你可以改编一份自己的。",
        )


class Maker(BaseModel):
    """Who is acting: a signed-in ``username``, the anonymous creator's browser ``secret``, or both;
    ``local`` is the command line on this machine (it owns the projects nobody in a browser made)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    username: str | None = None
    secret: str | None = Field(default=None, repr=False)
    local: bool = False
    creator: str | None = Field(default=None, repr=False, description="the secret's hash, as a queued job carries it")

    @classmethod
    def command_line(cls) -> Maker:
        return cls(local=True)


def new_secret() -> str:
    """A fresh creator secret for a browser (URL-safe text)."""
    return secrets.token_urlsafe(SECRET_BYTES)


def creator_hash(secret: str) -> str:
    """What a project keeps of its anonymous creator's secret (the secret is random: one hash suffices)."""
    return hashlib.sha256(("flashapps-draft:" + secret).encode("utf-8")).hexdigest()


def _holds(secret: str | None, stored: str | None) -> bool:
    return bool(secret and stored) and hmac.compare_digest(creator_hash(str(secret)), str(stored))


def may_change(owner: str | None, creator: str | None, maker: Maker) -> bool:
    """Whether ``maker`` may change (or publish) a project with this ``owner`` and ``creator`` hash.

    An owned project: its owner only. An anonymous one: the browser holding its creator secret. One
    with neither (made on the command line, or in a browser before drafts kept their creator): the
    command line only.
    """
    if owner is not None:
        return maker.username == owner
    if creator is not None:
        return _holds(maker.secret, creator) or (
            maker.creator is not None and hmac.compare_digest(maker.creator, str(creator))
        )
    return maker.local


def refuse_unless_maker(owner: str | None, creator: str | None, maker: Maker) -> None:
    if not may_change(owner, creator, maker):
        raise NotYourDraft()
