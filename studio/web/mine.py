"""My apps: what I published (in any state, with the maintainers' reason), my drafts, and the drafts made in
this browser without an account (studio/web/drafts.py: only this browser may change them)."""

from __future__ import annotations

from typing import Any

import streamlit as st

from gallery import AppView
from studio import services
from studio.web import drafts as browser
from studio.web.ui import esc, go, lang, need_user, t
from workshop.makers import creator_hash
from workshop.projects import Project

__all__ = ["page", "reason_note"]


def reason_note(app: AppView, where: Any = st) -> None:
    """Why a maintainer hid or rejected ``app``, in the reader's language; a hidden app offers no link."""
    if app.state in ("published", "featured"):
        return
    reason = app.reason(lang())
    if reason:
        where.warning(t("author_reason", reason=esc(reason)))
    if app.state == "hidden":
        where.caption(t("hidden_no_share"))


def _browser_drafts() -> list[Project]:
    secret = browser.secret()
    return services.projects().made_with(creator_hash(secret)) if secret else []


def _draft_list(title_key: str, drafts: list[Project]) -> None:
    if drafts:
        st.subheader(t(title_key), anchor=False)
    projects = services.projects()
    for project in drafts:
        version = projects.version(project.id)
        slug = services.project_meta(project.id).get("slug")
        with st.container(border=True):
            columns = st.columns([4, 1])
            line = f"**{esc(version.spec.brief.title)}** · v{version.number} · {esc(project.idea[:80])}"
            columns[0].markdown(line + (f" · ↗ {slug}" if slug else ""))
            columns[0].caption(project.created_at.replace("T", " ")[:16])
            if columns[1].button(t("continue"), key=f"draft_{project.id}"):
                go("create", project=project.id)


def page() -> None:
    st.header(t("nav_mine"), anchor=False)
    found = need_user("action_mine")
    if found is None:
        _draft_list("mine_browser_drafts", _browser_drafts())
        return
    published = services.gallery().apps.my_apps(found)
    drafts = services.projects().owned_by(found.username)
    made_here = _browser_drafts()
    if not published and not drafts and not made_here:
        st.info(t("mine_none"))
    if published:
        st.subheader(t("mine_published"), anchor=False)
    for app in published:
        with st.container(border=True):
            columns = st.columns([4, 1])
            state = t(f"state_{app.state}")
            columns[0].markdown(f"**{esc(app.title)}** · v{app.latest_version} · {t('mine_state', state=state)}")
            reason_note(app, columns[0])
            columns[0].caption(f"{t('likes', n=app.like_count)} · {t('remixes', n=app.remix_count)}")
            if columns[1].button(t("open"), key=f"mine_open_{app.slug}"):
                go("app", app=app.slug)
    _draft_list("mine_drafts", drafts)
    _draft_list("mine_browser_drafts", made_here)


if __name__ == "__main__":
    page()
