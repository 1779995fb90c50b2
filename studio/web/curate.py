"""Curate (maintainers only): every app (search, filters, pages), the review queue, reports, and any app's
spec, code, checks and history.

Every action is one button with a reason (a choice from a short list, and a few words the author sees);
the gallery refuses an action without one, checks the role again and writes the audit log, so this page
hiding itself from others is a convenience, not the protection.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from gallery import AuditView, Inspection, UserView
from gallery.views import REASONS, reason_label
from studio import services
from studio.strings import STRINGS, text
from studio.web.ui import esc, guard, lang, t, user

__all__ = ["page"]

_ACTIONS = ("approve", "feature", "unfeature", "hide", "unhide", "reject", "delete")
_STATES = ("published", "featured", "pending", "hidden", "rejected", "class")
_LANGUAGES = ("en", "zh-Hans", "zh-Hant")
_PAGE_SIZE = 10


def _target(slug: str) -> None:
    st.session_state["curate_target"] = slug.strip().rstrip("/").split("app=")[-1].split("/")[-1]


def _labels(prefix: str) -> Callable[[str], str]:
    """A filter's option labels in the page's language (read now: a widget may format outside the run)."""
    language = lang()
    return lambda value: text(f"{prefix}{value}" if value else "cur_any", language)


def _all_apps(actor: UserView) -> None:
    """Every app, newest change first: search and filters in a row that wraps on a phone, then one page."""
    st.subheader(t("cur_all"), anchor=False)
    query = st.text_input(t("cur_search"), key="cur_query", max_chars=100)
    filters = st.columns(4)
    state = filters[0].selectbox(t("cur_state"), ("", *_STATES), key="cur_state",
                                 format_func=_labels("state_"))  # fmt: skip
    reported = filters[1].selectbox(t("cur_reported"), ("", "yes", "no"), key="cur_reported",
                                    format_func=_labels("cur_reported_"))  # fmt: skip
    language = filters[2].selectbox(t("cur_language"), ("", *_LANGUAGES), key="cur_language",
                                    format_func=_labels("lang_"))  # fmt: skip
    kind = filters[3].selectbox(t("cur_kind"), ("", "app", "game"), key="cur_kind",
                                format_func=_labels("kind_"))  # fmt: skip
    wanted = (query, state, reported, language, kind)
    if st.session_state.get("_cur_filters") != wanted:
        st.session_state["_cur_filters"], st.session_state["cur_page"] = wanted, 1
    page = services.gallery().curation.apps(
        actor, query, state=state or None, reported={"yes": True, "no": False}.get(reported),
        language=language or None, kind=kind or None, page=st.session_state.get("cur_page", 1), page_size=_PAGE_SIZE,
    )  # fmt: skip
    if not page.items:
        st.caption(t("cur_none"))
    counts = services.gallery().curation.open_reports(actor, [app.slug for app in page.items])
    for app in page.items:
        columns = st.columns([4, 1])
        flag = f" · ⚑ {counts[app.slug]}" if app.slug in counts else ""
        tags = f" · {esc(', '.join(app.tags))}" if app.tags else ""
        columns[0].markdown(
            f"**{esc(app.title)}** · {esc(app.author or '—')} · {t(f'state_{app.state}')}{flag}{tags}"
        )  # fmt: skip
        columns[1].button(t("review"), key=f"review_all_{app.slug}", on_click=_target, args=(app.slug,))
    if page.pages > 1 or page.page > 1:
        nav = st.columns([1, 2, 1])
        nav[0].button(t("cur_prev"), key="cur_prev", disabled=page.page <= 1, on_click=_turn, args=(-1,))
        nav[1].caption(t("cur_page", page=page.page, pages=page.pages, total=page.total))
        nav[2].button(t("cur_next"), key="cur_next", disabled=page.page >= page.pages, on_click=_turn, args=(1,))


def _turn(step: int) -> None:
    st.session_state["cur_page"] = max(1, st.session_state.get("cur_page", 1) + step)


def _audit_line(entry: AuditView) -> str:
    """One entry as a sentence in the viewer's language: when, who, what, which app (a link while it exists), why."""
    when = f"{entry.created_at:%Y-%m-%d %H:%M} UTC"
    key = f"audit_{entry.action}"
    what = t(key) if key in STRINGS else t("audit_other")
    who = esc(entry.actor or "—")
    if entry.target_type == "app":
        title = esc(entry.title or entry.target)
        slug = entry.target if entry.action == "app.delete" else f"[{entry.target}](app?app={entry.target})"
        line = t("audit_line", when=when, who=who, what=what, title=title, slug=slug)
    else:
        line = t("audit_plain", when=when, who=who, what=what, title=esc(entry.target))
    reason = entry.reason(lang())
    return line + (f"  \n{t('audit_reason', reason=esc(reason))}" if reason else "")


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


def _act(actor: UserView, slug: str, action: str, reason: str, note: str) -> None:
    curation = services.gallery().curation
    if action == "delete":
        curation.delete(actor, slug, reason, note)
        st.session_state.pop("curate_target", None)
        st.session_state["curate_done"] = t("deleted", slug=slug)
        return
    view = getattr(curation, action)(actor, slug, reason, note)
    st.session_state["curate_done"] = t("done_action", slug=slug, state=t(f"state_{view.state}"))


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
    _all_apps(actor)
    st.subheader(t("find_app"), anchor=False)
    columns = st.columns([4, 1])
    columns[0].text_input(t("find_app"), key="curate_slug", label_visibility="collapsed")
    if columns[1].button(t("inspect"), key="curate_open"):
        _target(st.session_state.get("curate_slug", ""))
    slug = st.session_state.get("curate_target")
    if slug:
        _review(actor, slug)
    with st.expander(t("audit_all")):
        for entry in services.gallery().curation.audit_log(actor, limit=50):
            st.markdown(_audit_line(entry))


def _review(actor: UserView, slug: str) -> None:
    with guard():
        _inspection(services.gallery().curation.inspect(actor, slug), actor)
        language, pick = lang(), t("cur_reason_pick")
        reason = st.selectbox(t("cur_reason_code"), ("", *REASONS), key="curate_reason_code",
                              format_func=lambda c: reason_label(c, language) if c else pick)  # fmt: skip
        note = st.text_input(t("cur_note"), key="curate_reason", max_chars=500)
        buttons = st.columns(4)
        for i, action in enumerate(_ACTIONS):
            if buttons[i % 4].button(t(f"act_{action}"), key=f"act_{action}", width="stretch",
                                     type="primary" if action == "approve" else "secondary"):  # fmt: skip
                _act(actor, slug, action, reason or "", note)
                st.rerun()
    with st.expander(t("audit")):
        for entry in services.gallery().curation.audit_log(actor, target=slug, limit=20):
            st.markdown(_audit_line(entry))


if __name__ == "__main__":
    page()
