"""What every studio page shares: the language, the signed-in user, errors, escaping, the live app."""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode, urlsplit

import streamlit as st

from flashapps.errors import UserError
from flashapps.events import StageEvent
from gallery import UserView
from studio import auth, links, services
from studio.serving.owner import TICKET_PARAM, issue_ticket
from studio.strings import STEP_LABELS, text

__all__ = [
    "embed", "esc", "go", "guard", "lang", "need_user", "page_path", "sign_out", "signed_in", "stage_line", "t",
    "user",
]  # fmt: skip

_MARKDOWN = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$])")


def lang() -> str:
    """``en`` or ``zh``: the switch in the sidebar, first set from the browser's Accept-Language."""
    if st.session_state.get("lang") not in ("en", "zh"):
        accept = (st.context.headers.get("Accept-Language") or "").lower()
        st.session_state["lang"] = "zh" if accept.startswith("zh") else "en"
    return str(st.session_state["lang"])


def t(key: str, **values: object) -> str:
    return text(key, lang(), **values)


def esc(value: object) -> str:
    """Text from users or models, shown by st.markdown as the characters it is (no markup, no links)."""
    return _MARKDOWN.sub(r"\\\1", " ".join(str(value).split()))


def user() -> UserView | None:
    """The signed-in user of this browser session: the token in session state (this run of the page),
    else the HttpOnly cookie ``studio.auth`` set (sent with the WebSocket handshake, so a reload keeps
    the user signed in). Never in the URL."""
    token = st.session_state.get("token")
    if token:
        found = services.gallery().accounts.user_for_token(str(token))
        if found is None:
            st.session_state.pop("token", None)
        return found
    cookie = _cookie_token()
    return services.gallery().accounts.user_for_token(cookie) if cookie else None


def _cookie_token() -> str | None:
    with contextlib.suppress(Exception):  # no browser behind this run (AppTest): no real cookies
        value = st.context.cookies.get(auth.COOKIE)
        return value if isinstance(value, str) and value else None
    return None


def navigate(url: str, message: str) -> None:
    """Sends the whole browser to ``url`` (one of our /auth/ routes), with a link should scripts be off."""
    target = json.dumps(url).replace("<", "\\u003c")
    st.html(f"<script>window.location.replace({target});</script>", unsafe_allow_javascript=True)
    st.markdown(f"{message} [{t('continue_link')}]({url})")
    st.stop()


def signed_in(token: str, next_path: str) -> None:
    """After a sign-in: the token goes into an HttpOnly cookie through a one-time ticket (studio/auth.py),
    then the browser lands on ``next_path``; without those routes (AppTest) it stays in session state."""
    st.session_state["token"] = token
    if auth.enabled():
        navigate(auth.claim_url(auth.issue(token), next_path), t("signing_in"))


def sign_out() -> None:
    """Ends this browser's session (the cookie's too) and clears the cookie: a form posts to ``/auth/sign-out``
    with the session's CSRF token (sent at once by the page; a button should scripts be off)."""
    accounts = services.gallery().accounts
    cookie = _cookie_token()
    for token in {str(st.session_state.pop("token", "") or ""), cookie or ""} - {""}:
        accounts.logout(token)
    if auth.enabled() and cookie:
        form = auth.sign_out_form(cookie, t("continue_link"), "/")
        st.html(
            f"{form}<script>document.getElementById('sign-out-form').submit();</script>", unsafe_allow_javascript=True
        )
        st.markdown(t("signed_out"))
        st.stop()
    st.rerun()


def page_path(name: str, query: dict[str, Any] | None = None) -> str:
    """The address of one of the studio's pages (``/gallery?q=water``), for a full page load."""
    pages = st.session_state.get("_pages", {})
    path = "/" + (pages[name].url_path if name in pages else "")
    return path + (f"?{urlencode({k: str(v) for k, v in query.items()})}" if query else "")


def need_user(action_key: str) -> UserView | None:
    """The user, or None after saying (with a link) that signing in is needed."""
    found = user()
    if found is None:
        st.info(t("sign_in_to", action=t(action_key)))
        st.session_state["return_to"] = (st.session_state.get("_current", "create"), st.query_params.to_dict())
        pages = st.session_state.get("_pages", {})
        if "account" in pages:
            st.page_link(pages["account"], label=t("nav_account"), icon="🔑")
    return found


@contextlib.contextmanager
def guard() -> Iterator[None]:
    """Errors as one plain sentence in the current language: what happened and what to do next."""
    try:
        yield
    except UserError as exc:
        st.error(exc.message(lang()))
    except Exception as exc:  # the edge: log it, show a sentence with a reference, never a traceback
        st.error(services.unexpected(exc).message(lang()))


def go(name: str, **query: Any) -> None:
    """Switches to one of the studio's pages with these query parameters."""
    pages = st.session_state.get("_pages", {})
    st.switch_page(pages[name], query_params={k: str(v) for k, v in query.items()})


def stage_line(event: StageEvent, language: str) -> str:
    name = STEP_LABELS.get(event.stage, {}).get(language, event.stage)
    mark = "✅" if event.ok else "⚠️"
    return f"{mark} **{name}** · {event.elapsed_ms:,.0f} ms — {esc(event.summary)}"


def app_frame_url(url: str) -> str:
    """An app's address (``/apps/<key>/...``) on the apps' own origin, for this browser; signed in, with a
    one-time owner ticket (studio/serving/owner.py), kept for this page so a rerun does not reload the app."""
    parts = urlsplit(url)
    key = parts.path.removeprefix("/apps/").split("/", 1)[0]
    rest = parts.path.removeprefix(f"/apps/{key}/") + (f"?{parts.query}" if parts.query else "")
    address = links.app_address(key, st.context.headers, rest)
    token = str(st.session_state.get("token") or "") or _cookie_token()
    if not token or not auth.enabled():
        return address
    tickets = st.session_state.setdefault("_owner_frames", {})
    if address not in tickets:
        ticket = urlencode({TICKET_PARAM: issue_ticket(key, token)})
        tickets[address] = address + ("&" if "?" in address else "?") + ticket
    return str(tickets[address])


def embed(url: str, title: str) -> None:
    """The live app, framed from the apps' own origin (a sandboxed frame: no top navigation), and a link to
    open it alone."""
    st.iframe(app_frame_url(url), height=620, alt=title)
    alone = links.app_address(urlsplit(url).path.removeprefix("/apps/").split("/", 1)[0], st.context.headers)
    st.markdown(f"[{t('open_new_tab')}]({alone})")
