"""Accounts: argon2 hashes (never plaintext), sessions that expire, audited account actions."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from flashapps.errors import UserError
from gallery import Conflict, Forbidden, Gallery, UserView
from gallery.accounts import hash_token
from gallery.models import Session, User

T0 = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)


def test_passwords_are_hashed_with_argon2(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    with gallery.sessions() as session:
        stored = session.scalars(select(User.password_hash)).one()
    assert stored.startswith("$argon2id$")
    assert "correct horse battery" not in stored
    token = gallery.accounts.login("alice", "correct horse battery")
    assert gallery.accounts.user_for_token(token) == gallery.accounts.get("alice")


def test_sessions_store_only_a_token_hash(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    token = gallery.accounts.login("alice", "correct horse battery")
    with gallery.sessions() as session:
        stored = session.scalars(select(Session.token_hash)).one()
    assert stored == hash_token(token) and token not in stored


def test_wrong_passwords_and_unknown_users_get_the_same_answer(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    with pytest.raises(UserError) as wrong:
        gallery.accounts.login("alice", "wrong password")
    with pytest.raises(UserError) as unknown:
        gallery.accounts.login("nobody", "wrong password")
    assert wrong.value.messages == unknown.value.messages
    maintainer = gallery.accounts.create_maintainer("boss", "boss-password")
    failed = [e for e in gallery.curation.audit_log(maintainer) if e.action == "account.login_failed"]
    assert [e.target for e in failed] == ["nobody", "alice"]


def test_sessions_expire(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    token = gallery.accounts.login("alice", "correct horse battery", now=T0)
    hours = gallery.settings.session_hours
    assert gallery.accounts.user_for_token(token, now=T0 + dt.timedelta(hours=hours - 1)) is not None
    assert gallery.accounts.user_for_token(token, now=T0 + dt.timedelta(hours=hours)) is None
    assert gallery.accounts.user_for_token(token, now=T0) is None  # the expired session was removed
    assert gallery.accounts.user_for_token("made-up-token", now=T0) is None


def test_session_length_follows_settings(gallery: Gallery) -> None:
    short = Gallery(gallery.settings.model_copy(update={"session_hours": 1}), engine=gallery.engine)
    short.accounts.register("alice", "correct horse battery")
    token = short.accounts.login("alice", "correct horse battery", now=T0)
    assert short.accounts.user_for_token(token, now=T0 + dt.timedelta(minutes=59)) is not None
    assert short.accounts.user_for_token(token, now=T0 + dt.timedelta(minutes=61)) is None


def test_logout_ends_the_session(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    token = gallery.accounts.login("alice", "correct horse battery")
    other = gallery.accounts.login("alice", "correct horse battery")
    gallery.accounts.logout(token)
    assert gallery.accounts.user_for_token(token) is None
    assert gallery.accounts.user_for_token(other) is not None


def test_usernames_are_unique_and_checked(gallery: Gallery) -> None:
    gallery.accounts.register("alice", "correct horse battery")
    with pytest.raises(Conflict):
        gallery.accounts.register("alice", "another password")
    with pytest.raises(UserError):
        gallery.accounts.register("a b", "correct horse battery")
    with pytest.raises(UserError):
        gallery.accounts.register("bob", "short")
    assert gallery.accounts.register("王老师", "correct horse battery").username == "王老师"


def test_only_maintainers_make_maintainers(gallery: Gallery) -> None:
    with pytest.raises(Forbidden):
        gallery.accounts.register("eve", "eve-password", role="maintainer")
    boss = gallery.accounts.create_maintainer("boss", "boss-password")
    made = gallery.accounts.register("second", "second-password", role="maintainer", actor=boss)
    assert made == UserView(id=made.id, username="second", role="maintainer")


def test_account_actions_are_audited(gallery: Gallery) -> None:
    boss = gallery.accounts.create_maintainer("boss", "boss-password")
    gallery.accounts.register("alice", "correct horse battery")
    token = gallery.accounts.login("alice", "correct horse battery")
    gallery.accounts.logout(token)
    gallery.accounts.set_role(boss, "alice", "maintainer")
    actions = [(e.action, e.actor, e.target) for e in reversed(gallery.curation.audit_log(boss))]
    assert actions == [
        ("account.create_maintainer", "", "boss"),
        ("account.register", "alice", "alice"),
        ("account.login", "alice", "alice"),
        ("account.logout", "alice", "alice"),
        ("account.set_role", "boss", "alice"),
    ]
