"""Curate (maintainers only): the review queue, reports, and any app's spec, code, checks and history.

Every action is one button and a reason box; the gallery checks the role again and writes the
audit log, so this page hiding itself from others is a convenience, not the protection.
"""

from __future__ import annotations

import streamlit as st

from gallery import Inspection, UserView
from studio import services
from studio.web.ui import esc, guard, lang, t, user

__all__ = ["page"]

_ACTIONS = ("approve", "feature", "unfeature", "hide", "reject", "delete")


def _target(slug: str) -> None:
    st.session_state["curate_target"] = slug.strip().rstrip("/").split("app=")[-1].split("/")[-1]


def _queue(actor: UserView) -> None:
    st.subheader(t("queue"), anchor=False)
    items = services.gallery().curation.queue(actor)
    if not items:
        st.caption(t("queue_empty"))
    for item in items:
        columns = st.columns([4, 1])
        flags = f" · 🔒 {len(item.privacy_findings)}" if item.privacy_findings else ""
        flags += f" · ⚑ {item.open_reports}" if item.open_reports else ""
        columns[0].markdown(f"**{esc(item.app.title)}** · {item.app.slug} · {esc(item.app.author or '—')}{flags}")
        columns[1].button(t("review"), key=f"review_{item.app.slug}", on_click=_target, args=(item.app.slug,))


def _reports(actor: UserView) -> None:
    st.subheader(t("reports"), anchor=False)
    reports = services.gallery().curation.reports(actor)
    if not reports:
        st.caption(t("reports_empty"))
    for found in reports:
        columns = st.columns([4, 1, 1])
        who = esc(found.reporter or "—")
        columns[0].markdown(f"⚑ **{esc(found.title)}** · {found.slug} · {who}: {esc(found.reason[:200])}")
        columns[1].button(t("review"), key=f"review_report_{found.id}", on_click=_target, args=(found.slug,))
        if columns[2].button(t("act_close"), key=f"close_{found.id}"):
            services.gallery().curation.close_report(actor, found.id, st.session_state.get("curate_reason", ""))
            st.session_state["curate_done"] = t("closed")
            st.rerun()


def _inspection(found: Inspection, actor: UserView) -> None:
    app, version = found.app, found.version
    st.markdown(f"### {esc(app.title)} · {app.slug} · v{version.number} · {app.state}")
    st.caption(esc(app.description))
    with st.expander(t("spec")):
        st.json(version.spec.model_dump(mode="json"), expanded=False)
    with st.expander(t("code")):
        for name in ("app.py", "logic.py", "components.py", "storage.py", "games.py"):
            if name in found.code:  # every file that runs: app.py reads as the program, the others do the work
                st.caption(name)
                st.code(found.code[name], language="python")
    with st.expander(t("verify_report"), expanded=not version.verify_report.passed):
        st.markdown(esc(f"{version.verify_report.backend}: {version.verify_report.summary(lang())}"))
        st.json(version.verify_report.model_dump(mode="json"), expanded=False)
    st.markdown(f"**{t('privacy')}**")
    if not version.privacy_findings:
        st.caption(t("privacy_none"))
    for finding in version.privacy_findings:
        st.markdown(f"- {esc(finding.describe(lang()))}")
    about = [r for r in services.gallery().curation.reports(actor) if r.slug == app.slug]
    if about:
        st.markdown(f"**{t('app_reports')}**")
        for report in about:
            st.markdown(f"- {esc(report.reporter or '—')}: {esc(report.reason)}")


def _act(actor: UserView, slug: str, action: str, reason: str) -> None:
    curation = services.gallery().curation
    if action == "delete":
        curation.delete(actor, slug)
        st.session_state.pop("curate_target", None)
        st.session_state["curate_done"] = t("deleted", slug=slug)
        return
    if action in ("hide", "reject"):
        view = getattr(curation, action)(actor, slug, reason)
    else:
        view = getattr(curation, action)(actor, slug)
    st.session_state["curate_done"] = t("done_action", slug=slug, state=view.state)


def page() -> None:
    st.header(t("nav_curate"), anchor=False)
    actor = user()
    if actor is None or not actor.is_maintainer:
        st.error(t("curate_only"))
        return
    done = st.session_state.pop("curate_done", None)
    if done:
        st.success(done)
    _queue(actor)
    _reports(actor)
    st.subheader(t("find_app"), anchor=False)
    columns = st.columns([4, 1])
    columns[0].text_input(t("find_app"), key="curate_slug", label_visibility="collapsed")
    if columns[1].button(t("inspect"), key="curate_open"):
        _target(st.session_state.get("curate_slug", ""))
    slug = st.session_state.get("curate_target")
    if not slug:
        return
    with guard():
        _inspection(services.gallery().curation.inspect(actor, slug), actor)
        reason = st.text_input(t("reason"), key="curate_reason", max_chars=500)
        buttons = st.columns(len(_ACTIONS))
        for column, action in zip(buttons, _ACTIONS, strict=True):
            if column.button(t(f"act_{action}"), key=f"act_{action}", type="primary" if action == "approve" else
                             "secondary"):  # fmt: skip
                _act(actor, slug, action, reason)
                st.rerun()
    with st.expander(t("audit")):
        for entry in services.gallery().curation.audit_log(actor, target=slug, limit=20):
            st.caption(esc(f"{entry.created_at:%Y-%m-%d %H:%M} {entry.actor} {entry.action} {entry.details}"))


if __name__ == "__main__":
    page()
