"""App page: the running app, share link and QR code, versions, remix, like, report, download.

Opens with no account (a share link); liking needs one. Hidden, pending and rejected apps are
shown only to their author and to maintainers (the gallery decides).
"""

from __future__ import annotations

import streamlit as st

from gallery import AppView, UserView
from studio import services
from studio.links import visit_path
from studio.web import drafts
from studio.web.mine import reason_note
from studio.web.share import loopback_note
from studio.web.ui import embed, esc, go, guard, lang, need_user, t, user

__all__ = ["page"]


def _header(app: AppView) -> None:
    badge = f" · {t('featured')}" if app.state == "featured" else ""
    st.header(esc(app.title), anchor=False)
    author = esc(app.author or "—")
    language = t(f"lang_{app.language}") if app.language in ("en", "zh-Hans", "zh-Hant") else app.language
    st.caption(t("by", author=author, n=app.latest_version, language=language) + badge)
    st.markdown(esc(app.description))
    if app.state not in ("published", "featured"):
        st.warning(t("state_note", state=t(f"state_{app.state}")))
        reason_note(app)
    if app.remixed_from:
        st.caption(f"{t('remixed_from')} {esc(app.remixed_from)} v{app.remixed_from_version}")


def _share(app: AppView) -> None:
    """The share link (the visitor's page: the app full-screen) and its QR code, for makers and maintainers."""
    link = services.share_url(app.slug, st.context.headers)
    columns = st.columns([3, 1])
    with columns[0]:
        st.markdown(f"**{t('share')}**")
        st.code(link, language=None)
        opens = st.columns(2)
        opens[0].link_button(t("visitor_page"), visit_path(app.slug), icon="📱")
        opens[1].link_button(t("projector"), f"{visit_path(app.slug)}/board", icon="📽️")
    columns[1].image(services.qr_png(link), caption=t("qr_caption"), width=140)
    loopback_note(link)


def _actions(app: AppView, number: int, viewer: UserView | None) -> None:
    columns = st.columns(3)
    if columns[0].button(t("like", n=app.like_count), key="like"):
        st.session_state["want_like"] = True
    if columns[1].button(t("remix"), key="remix", icon="🔀"):
        with guard():
            job = services.start_remix(app.slug, number, viewer, None if viewer else drafts.secret_for_new())
            go("create", job=job.id)
    with guard():
        data = services.gallery().apps.download_zip(app.slug, number, viewer)
        columns[2].download_button(t("download_zip"), data, file_name=f"{app.slug}-v{number}.zip",
                                   mime="application/zip", key="download_zip", icon="⬇️")  # fmt: skip
    if st.session_state.pop("want_like", False):
        found = need_user("action_like")
        if found is not None:
            with guard():
                services.gallery().apps.like(found, app.slug)
                st.session_state["liked"] = app.slug
                st.rerun()
    if st.session_state.get("liked") == app.slug:
        st.success(t("liked"))


def _report(app: AppView, viewer: UserView | None) -> None:
    with st.expander(t("report_title")), st.form("report_form", clear_on_submit=True):
        reason = st.text_area(t("report_reason"), key="report_reason", max_chars=2000)
        if st.form_submit_button(t("report"), key="report"):
            with guard():
                services.gallery().apps.report(viewer, app.slug, reason)
                st.session_state["reported"] = app.slug
    if st.session_state.get("reported") == app.slug:
        st.success(t("reported"))


def page() -> None:
    slug = st.query_params.get("app", "")
    if not slug:
        st.info(t("no_app"))
        return
    if st.session_state.get("_app_slug") != slug:
        st.session_state["_app_slug"] = slug
        for key in ("version", "liked", "reported"):
            st.session_state.pop(key, None)
    viewer = user()
    apps = services.gallery().apps
    app = apps.get_by_slug(slug, viewer)  # NotFound: one sentence (guard in app.py)
    _header(app)
    versions = apps.versions(slug, viewer)
    numbers = [v.number for v in reversed(versions)]
    wanted = st.query_params.get("v")
    if wanted and wanted.isdigit() and int(wanted) in numbers and "version" not in st.session_state:
        st.session_state["version"] = int(wanted)
    latest, current = app.latest_version, t("current")
    number = st.selectbox(
        t("version"), numbers, key="version", format_func=lambda n: f"v{n} {current}" if n == latest else f"v{n}"
    )
    chosen = next(v for v in versions if v.number == number)
    embed(services.app_url(slug, None if number == app.latest_version else number), app.title)
    st.caption(t("checked", summary=chosen.verify_report.summary(lang())))
    _actions(app, number, viewer)
    if app.state not in ("hidden", "rejected"):  # their links say "unavailable": nothing to share
        _share(app)
    _report(app, viewer)


if __name__ == "__main__":
    page()
