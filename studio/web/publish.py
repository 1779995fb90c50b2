"""The publish box under a draft: title, one line, a privacy confirmation when needed, one button.

Shown to the draft's maker only (studio/web/create.py); publishing an anonymous draft after signing in
makes it the account's, which needs this browser's maker secret (the use case checks it).
"""

from __future__ import annotations

import streamlit as st

from studio import services
from studio.web.share import loopback_note
from studio.web.ui import go, guard, lang, need_user, t
from workshop.makers import Maker
from workshop.projects import Version

__all__ = ["publish_box"]


def publish_box(project_id: str, version: Version, actor: Maker) -> None:
    st.markdown(f"##### {t('publish_title')}")
    found = need_user("action_publish")
    if found is None:
        return
    if version.verify is None or not version.verify.passed:
        st.info(t("publish_unverified"))
        return
    meta = services.project_meta(project_id)
    slug = meta.get("slug")
    with st.container(border=True):
        title = st.text_input(t("publish_as"), value=version.spec.brief.title, key="publish_title", max_chars=200)
        description = st.text_input(t("publish_description"), value=version.spec.brief.value, key="publish_description",
                                    max_chars=400)  # fmt: skip
        findings = services.privacy_findings(project_id)
        confirmed = False
        if findings:
            what = ", ".join(sorted({f.describe(lang()) for f in findings}))
            confirmed = st.checkbox(t("publish_privacy", what=what), key="publish_privacy")
        label = t("publish_update", slug=slug) if slug else t("publish")
        if st.button(label, type="primary", key="publish", icon="🚀"):
            with guard():
                view = services.publish(project_id, found, secret=actor.secret, title=title,
                                        description=description, confirm_privacy=confirmed)  # fmt: skip
                st.session_state["just_published"] = view.slug
    published = st.session_state.get("just_published")
    if published and published == services.project_meta(project_id).get("slug"):
        st.success(t("published"))
        link = services.share_url(published, st.context.headers)
        st.code(link, language=None)
        loopback_note(link)
        if st.button(t("open_app_page"), key="open_published"):
            go("app", app=published)
