"""The studio: create an app from one sentence, browse the gallery, open, remix and curate apps.

The entry point (``streamlit run studio/app.py``, or ``studio/server.py`` around it): the sidebar
(language, account) and the pages, chosen with ``st.navigation``. The pages live in ``studio/web/``
(a ``pages/`` folder would also be run as scripts of its own). Thin by design: work runs as jobs,
apps run in the runner, the gallery and the generator do the rest.
"""

from __future__ import annotations

import streamlit as st

from studio import services
from studio.web.share import serve_note
from studio.web.ui import guard, lang, sign_out, t, user

st.set_page_config(page_title="Flash Apps", page_icon="⚡", layout="centered")


def _sidebar() -> None:
    with st.sidebar:
        lang()
        st.selectbox(t("language"), ["en", "zh"], key="lang", format_func=lambda v: {"en": "English", "zh": "中文"}[v])
        found = user()
        if found is None:
            st.caption(t("not_signed_in"))
            return
        st.markdown(t("signed_in_as", name=found.username))
        if st.button(t("sign_out"), key="sign_out"):
            sign_out()


def main() -> None:
    _sidebar()
    found = user()
    pages = {
        "create": st.Page("web/create.py", title=t("nav_create"), icon="⚡", url_path="create", default=True),
        "gallery": st.Page("web/gallery.py", title=t("nav_gallery"), icon="🖼️", url_path="gallery"),
        "app": st.Page("web/app_page.py", title=t("nav_app"), icon="📱", url_path="app", visibility="hidden"),
        "mine": st.Page("web/mine.py", title=t("nav_mine"), icon="🗂️", url_path="mine"),
        "classes": st.Page("web/classes.py", title=t("nav_classes"), icon="🏫", url_path="classes"),
        "curate": st.Page("web/curate.py", title=t("nav_curate"), icon="🛡️", url_path="curate",
                          visibility="visible" if found is not None and found.is_maintainer else "hidden"),
        "jobs": st.Page("web/failed_jobs.py", title=t("nav_jobs"), icon="🧯", url_path="failed-jobs",
                        visibility="visible" if found is not None and found.is_maintainer else "hidden"),
        "settings": st.Page("web/settings.py", title=t("nav_settings"), icon="⚙️", url_path="settings"),
        "account": st.Page("web/account.py", title=t("nav_account"), icon="🔑", url_path="account",
                           visibility="hidden" if found is not None else "visible"),
    }  # fmt: skip
    st.session_state["_pages"] = pages
    current = st.navigation(list(pages.values()), position="top")
    st.session_state["_current"] = next((k for k, p in pages.items() if p.url_path == current.url_path), "create")
    if st.session_state["_current"] != "account":
        st.session_state.pop("return_to", None)  # set again by a page that asks for signing in
    if current.url_path == "" and st.query_params.get("app"):
        st.switch_page(pages["app"], query_params=dict(st.query_params))  # a share link to the root
    st.title("⚡ Flash Apps")
    st.caption(t("tagline"))
    banner = services.banner() if current.url_path == "" else None  # how apps run here, and are verified
    if banner:
        st.warning(banner[1] if lang() == "zh" else banner[0])
    if current.url_path == "":
        serve_note()  # how to serve a class: the address phones open, or what to set
    with guard():
        current.run()


main()
