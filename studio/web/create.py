"""Create: one idea box, the stages as they finish, then the live app, its card, checks, changes, publish.

The address holds what is on screen (``?job=`` while a job runs or after it, ``?project=`` for a
draft), so a reload shows the same thing. Anyone with that address sees the draft; only its maker
(studio/web/drafts.py) gets the boxes that change or publish it, and the use cases check again.
"""

from __future__ import annotations

import streamlit as st

from flashapps.errors import UserError
from flashapps.events import STEPS
from flashapps.report import VerifyReport
from flashapps.spec import AppSpec
from studio import services
from studio.strings import EXAMPLES, STEP_LABELS
from studio.web import drafts
from studio.web.publish import publish_box
from studio.web.ui import embed, esc, guard, lang, page_path, stage_line, t, user
from workshop.content import read_rows
from workshop.jobs import Job
from workshop.makers import Maker

__all__ = ["page"]


def _job() -> Job | None:
    job_id = st.query_params.get("job")
    if not job_id:
        return None
    try:
        return services.jobs().store.get(job_id)
    except UserError as exc:
        st.error(exc.message(lang()))
        return None


def _events(job: Job) -> None:
    for event in job.events:
        st.markdown(stage_line(event, lang()))


@st.fragment(run_every="0.7s")
def _progress(job_id: str) -> None:
    job = services.jobs().store.get(job_id)
    with st.status(t("working"), expanded=True, state="running"):
        _events(job)
        if job.kind == "create":
            done = {event.stage for event in job.events}
            upcoming = next((stage for stage in STEPS if stage not in done), None)
            if upcoming:
                st.caption(t("waiting_for", stage=STEP_LABELS[upcoming][lang()]))
    place = services.position(job_id) if job.status == "queued" else None
    if place is not None:  # more jobs than the studio runs at once: this one waits its turn
        st.info(t("queue_position", n=place), icon="⏳")
        if services.asked_by(job, drafts.actor()) and st.button(t("queue_cancel"), key="queue_cancel"):
            services.cancel(job_id, drafts.actor())
            st.rerun()
    if job.status in ("done", "failed", "cancelled"):
        st.rerun()


def _examples() -> None:
    st.caption(t("examples"))
    examples = EXAMPLES[lang()]
    columns = st.columns(len(examples))
    for index, (column, example) in enumerate(zip(columns, examples, strict=True)):
        column.button(example, key=f"example_{index}", width="stretch", on_click=_set_idea, args=(example,))


def _set_idea(example: str) -> None:
    st.session_state["idea"] = example


def _idea_box(job: Job | None) -> None:
    if job is not None and job.kind == "create" and "idea" not in st.session_state:
        st.session_state["idea"] = job.input.get("idea", "")
    _examples()
    idea = st.text_area(t("idea_label"), key="idea", placeholder=t("idea_placeholder"), height=90)
    if st.button(t("create"), type="primary", key="create", icon="⚡"):
        found = user()
        with guard():  # an idea over the length limit, or a maker who must wait, is refused before it is stored
            owner, secret = (found.username, None) if found else (None, drafts.secret_for_new())
            job = services.start_create(idea, owner=owner, secret=secret)
            st.query_params.clear()
            st.query_params["job"] = job.id
            st.rerun()


def _card(spec: AppSpec, note: str) -> None:
    brief = spec.brief
    with st.container(border=True):
        st.markdown(f"#### {esc(brief.icon)} {esc(brief.title)}")
        rows = [
            ("card_value", brief.value),
            ("card_metrics", " · ".join(m.label for m in brief.metrics)),
            ("card_data", " · ".join(brief.inputs)),
            ("card_feedback", " · ".join(brief.feedback)),
        ]
        for key, value in rows:
            st.markdown(f"**{t(key)}** — {esc(value) or t('none_yet')}")
        if brief.left_out:
            lines = "\n".join(f"- **{esc(item.part)}** — {esc(item.reason)}" for item in brief.left_out)
            st.warning(f"**{t('card_left_out')}**\n\n{lines}", icon="✂️")
        with st.expander(t("card_paths")):
            st.markdown(f"**{t('card_screens')}** — " + esc(" · ".join(f"{s.icon} {s.title}" for s in spec.screens)))
            for path in spec.key_paths:
                st.markdown(f"- {esc(path.story)}")
            if note:
                st.caption(f"{t('why')}: {esc(note)}")


def _verify(found: VerifyReport | None) -> None:
    if found is None:
        st.info(t("not_checked"))
        return
    summary = f"{found.backend}: {found.summary(lang())}"
    if found.passed:
        st.success(t("verified", summary=summary))
    else:
        st.warning(t("not_verified", summary=summary))
        for test in found.failed_tests[:3]:
            st.caption(esc(f"{test.name}: {test.output[-200:]}"))


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"- {esc(line)}" for line in lines)


def _edit_result(job: Job) -> None:
    """What the last follow-up changed and what it could not do, above the box; a sentence not fully made is
    put back in the box (once) for the user to rephrase."""
    result = job.result or {}
    if (job.status == "failed" or result.get("not_done")) and st.session_state.get("sentence_kept_for") != job.id:
        st.session_state["sentence_kept_for"] = job.id
        st.session_state["sentence"] = job.input.get("sentence", "")
    if job.status == "failed":
        message = (job.error or {}).get(lang(), (job.error or {}).get("en", ""))
        lines = [line[2:] for line in message.splitlines() if line.startswith("- ")]
        rest = [line for line in message.splitlines() if line.strip() and not line.startswith("- ")]
        st.error(f"{t('change_refused')}\n\n{_bullets(lines)}\n\n{esc(' '.join(rest[1:] if lines else rest))}")
        return
    if result.get("changes"):
        st.success(f"{t('changes_made', n=result.get('version', ''))}\n\n{_bullets(result['changes'])}")
    if result.get("not_done"):
        st.warning(f"{t('changes_not_made')}\n\n{_bullets(result['not_done'])}")


def _follow_up(project_id: str, actor: Maker, job: Job | None = None) -> None:
    if job is not None and job.kind == "edit":
        _edit_result(job)
    with st.form("follow_up", clear_on_submit=True):
        sentence = st.text_input(t("follow_up"), key="sentence", placeholder=t("follow_up_placeholder"))
        if st.form_submit_button(t("apply"), key="apply"):
            if not sentence.strip():
                st.warning(t("empty_change"))
            else:
                _start(services.start_edit(project_id, sentence, actor).id, project_id)


def _upload(project_id: str, spec: AppSpec, actor: Maker) -> None:
    """A CSV or Excel file that fills the app's quiz, flashcards or picker (a new version, checked like any)."""
    kinds = {c.kind for screen in spec.screens for c in screen.components}
    if not kinds & {"quiz", "flashcards", "picker"}:
        return
    with st.expander(t("upload_title"), icon="📄"):
        st.caption(t("upload_help"))
        found = st.file_uploader(t("upload_label"), type=["csv", "xlsx", "tsv", "txt"], key="upload_file")
        if found is None:
            return
        name, data = found.name, found.getvalue()
        try:
            rows = read_rows(name, data)
        except UserError as exc:
            st.error(exc.message(lang()))
            return
        st.caption(esc(t("upload_rows", n=len(rows), first=rows[0].front)))
        if st.button(t("upload_apply"), key="upload_apply", type="primary"):
            shop = services.workshop()
            work = lambda emit: shop.fill_content(project_id, name, data, actor=actor, emit=emit).result()  # noqa: E731
            _start(services.jobs().submit("upload", {"project": project_id, "file": name}, work).id, project_id)


def _records_switch(project_id: str, number: int, spec: AppSpec, actor: Maker) -> None:
    """Whose records the app keeps once it is shared: each visitor's own, one set for everyone, or handed in."""
    if not spec.entities:
        return
    key = f"scope_{project_id}_v{number}"  # a new version (an undo too) starts from its own setting

    def chosen() -> None:
        st.session_state["scope_wanted"] = st.session_state.get(key)

    st.segmented_control(
        t("records_whose"),
        ("personal", "shared", "submissions"),
        default=spec.entities[0].scope,
        format_func=lambda s: t(f"records_{s}"),
        key=key,
        on_change=chosen,
    )
    st.caption(t("records_help"))
    wanted = st.session_state.pop("scope_wanted", None)
    if wanted and wanted != spec.entities[0].scope:
        _start(services.start_scope(project_id, wanted, actor).id, project_id)


def _start(job_id: str, project_id: str) -> None:
    st.query_params.clear()
    st.query_params["job"] = job_id
    st.query_params["project"] = project_id
    st.rerun()


def _versions(project_id: str, current: int, actor: Maker | None) -> None:
    """Every version; its maker (``actor``, None for anyone else) can bring any of them back."""
    projects = services.projects()
    versions = projects.versions(project_id)
    earlier = [v.number for v in versions if v.number != current]
    if actor is not None and len(versions) > 1 and st.button(t("undo"), key="undo", icon="↩️"):
        previous = max((n for n in earlier if n < current), default=earlier[-1])
        _start(services.start_undo(project_id, previous, actor).id, project_id)
    with st.expander(f"{t('versions')} ({len(versions)})"):
        for item in reversed(versions):
            change = item.change or t("first_version")
            columns = st.columns([5, 2])
            mark = f" {t('current')}" if item.number == current else ""
            columns[0].markdown(esc(t("version_label", n=item.number, change=change)) + mark)
            if actor is None or item.number == current:
                continue
            if columns[1].button(t("undo_to", n=item.number), key=f"undo_{item.number}"):
                _start(services.start_undo(project_id, item.number, actor).id, project_id)


def _view_only(project_id: str, current: int, actor: Maker) -> None:
    """Someone else's draft: its versions to look at, and a remix of one's own instead of the boxes that change it."""
    st.info(t("draft_view_only"))
    if st.button(t("draft_remix"), key="remix_draft", icon="🔀"):
        secret = None if actor.username else drafts.secret_for_new()
        job = services.start_remix_draft(project_id, actor.username, secret)
        st.query_params.clear()
        st.query_params["job"] = job.id
        st.rerun()
    _versions(project_id, current, None)


def _project(project_id: str, job: Job | None) -> None:
    projects = services.projects()
    version = projects.version(project_id)
    meta = services.project_meta(project_id)
    if job is not None and job.events:
        with st.expander(t("stages_title"), expanded=job.kind == "create"):
            _events(job)
    if meta.get("remix_of"):
        slug, number = meta["remix_of"]
        st.caption(t("remix_of", slug=slug, n=number))
    st.markdown(f"##### {t('live_app')}")
    embed(services.draft_url(project_id, version.number), version.spec.brief.title)
    note = (job.result or {}).get("note", "") if job is not None else ""
    _card(version.spec, note)
    _verify(version.verify)
    actor = drafts.actor()
    if services.may_change(project_id, actor):
        _follow_up(project_id, actor, job)
        _records_switch(project_id, version.number, version.spec, actor)
        _upload(project_id, version.spec, actor)
        _versions(project_id, version.number, actor)
        publish_box(project_id, version, actor)
    else:
        _view_only(project_id, version.number, actor)
    if st.button(t("new_app"), key="new", icon="➕"):
        st.query_params.clear()
        st.session_state.pop("idea", None)
        st.rerun()


def page() -> None:
    drafts.keep_in_browser(page_path("create", st.query_params.to_dict()))  # a new maker secret: into the cookie
    job = _job()
    if job is not None and job.status in ("queued", "running"):
        _progress(job.id)
        return
    project_id = st.query_params.get("project")
    if job is not None and job.status == "cancelled":
        st.info(t("job_cancelled"))
    if job is not None and job.status == "failed" and job.kind != "edit":  # an edit's refusal shows by its box
        st.error(t("job_failed", message=(job.error or {}).get(lang(), (job.error or {}).get("en", ""))))
        with st.expander(t("stages_title")):
            _events(job)
    elif job is not None and job.result:
        project_id = job.result.get("project", project_id)
    if project_id:
        with guard():
            finished = job is not None and (job.status == "done" or (job.kind == "edit" and job.status == "failed"))
            _project(project_id, job if finished else None)
        return
    _idea_box(job)


if __name__ == "__main__":
    page()
