"""Who is acting on a draft in this browser session: the signed-in user and this browser's maker secret.

The secret (workshop/makers.py) is made the first time this browser makes a draft without an account (or
remixes one), kept in the session, and put in an HttpOnly cookie through a one-time ticket
(studio/drafts_auth.py) so a reload keeps one's own drafts editable. Never in the URL.
"""

from __future__ import annotations

import contextlib

import streamlit as st

from studio import drafts_auth
from studio.web.ui import navigate, t, user
from workshop.makers import Maker, new_secret

__all__ = ["actor", "keep_in_browser", "secret", "secret_for_new"]

_KEY = "maker_secret"
_UNKEPT = "maker_secret_unkept"


def _cookie() -> str | None:
    with contextlib.suppress(Exception):  # no browser behind this run (AppTest): no real cookies
        value = st.context.cookies.get(drafts_auth.COOKIE)
        return value if drafts_auth.valid_secret(value) else None
    return None


def secret() -> str | None:
    """This browser's maker secret, when it has one (this session's, else the cookie's)."""
    found = st.session_state.get(_KEY) or _cookie()
    if found:
        st.session_state[_KEY] = found
    return str(found) if found else None


def secret_for_new() -> str:
    """The secret a new anonymous draft is made with: this browser's, or a new one (kept by ``keep_in_browser``)."""
    found = secret()
    if found is None:
        found = new_secret()
        st.session_state[_KEY] = found
        st.session_state[_UNKEPT] = True
    return found


def actor() -> Maker:
    """Who acts in this session: the signed-in user (if any) and this browser's secret (if any)."""
    found = user()
    return Maker(username=found.username if found else None, secret=secret())


def keep_in_browser(next_path: str) -> None:
    """After a new secret was made: into the cookie (``/drafts/keep``), then back to ``next_path``."""
    if not st.session_state.pop(_UNKEPT, False) or not drafts_auth.enabled():
        return
    url = drafts_auth.keep_url(drafts_auth.issue(str(st.session_state[_KEY])), next_path)
    navigate(url, t("keeping_draft"))  # as after signing in: the whole browser, with a link without scripts
