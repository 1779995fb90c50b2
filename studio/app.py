"""The studio: type one sentence, watch the stages arrive, get a tested app, change it, undo.

Thin by design: work runs as jobs (generator.jobs), so a reload does not lose it (the job id
is in the address); generated apps never run in the studio's process.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import streamlit as st

from generator.jobs import Job
from generator.spec import AppSpec
from studio import services
from studio.strings import EXAMPLES, text

st.set_page_config(page_title="Flash Apps", page_icon="⚡", layout="centered")


def _language() -> str:
    if "lang" not in st.session_state:
        accept = (st.context.headers.get("Accept-Language") or "").lower()
        st.session_state["lang"] = "zh" if accept.startswith("zh") else "en"
    return str(st.session_state["lang"])


def _zip(folder: Path) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and "data" not in path.relative_to(folder).parts:
                archive.write(path, Path(folder.name) / path.relative_to(folder))
    return buffer.getvalue()


def _card(spec: AppSpec, note: str, lang: str) -> None:
    brief = spec.brief
    st.subheader(f"{brief.icon} {brief.title}")
    rows = [
        ("card_value", brief.value),
        ("card_metrics", " · ".join(m.label for m in brief.metrics) or text("none_yet", lang)),
        ("card_data", " · ".join(brief.inputs) or text("none_yet", lang)),
        ("card_feedback", " · ".join(brief.feedback) or text("none_yet", lang)),
        ("card_screens", " · ".join(f"{s.icon} {s.title}".strip() for s in spec.screens)),
        ("card_paths", " · ".join(p.story for p in spec.key_paths)),
    ]
    for key, value in rows:
        st.markdown(f"**{text(key, lang)}** — {value}")
    if note:
        st.caption(f"{text('why', lang)}: {note}")


def _events(job: Job) -> None:
    for event in job.events:
        st.write(f"✅ **{event.stage}** · {event.elapsed_ms:.0f} ms — {event.summary}")


@st.fragment(run_every="1s")
def _progress(job_id: str, lang: str) -> None:
    job = services.runner().store.get(job_id)
    with st.status(text("working", lang), expanded=True):
        _events(job)
    if job.status in ("done", "failed"):
        st.rerun()


def _result(job: Job, lang: str) -> None:
    if job.status == "failed":
        message = (job.error or {}).get(lang, (job.error or {}).get("en", ""))
        st.error(text("job_failed", lang, message=message))
        return
    result = job.result or {}
    project_id = result["project"]
    projects = services.store()
    version = projects.version(project_id)
    with st.expander(text("stages_title", lang)):
        _events(job)
    _card(version.spec, result.get("note", ""), lang)
    report = result.get("report") or {}
    summary = f"{sum(t['outcome'] == 'passed' for t in report.get('tests', []))} ✓ · {report.get('backend', '?')}"
    if result.get("passed"):
        st.success(text("verified", lang, summary=summary))
    else:
        st.warning(text("not_verified", lang, summary=report.get("note") or summary))
    bundle = Path(result["bundle"])
    st.download_button(text("download", lang), _zip(bundle), file_name=f"{bundle.name}.zip", key="download", icon="⬇️")
    st.info(text("preview_hint", lang, path=bundle))
    with st.form("follow_up"):
        sentence = st.text_input(
            text("follow_up", lang), key="sentence", placeholder=text("follow_up_placeholder", lang)
        )
        if st.form_submit_button(text("apply", lang), key="apply") and sentence.strip():
            st.query_params["job"] = services.start_edit(project_id, sentence).id
            st.rerun()
    versions = projects.versions(project_id)
    with st.expander(f"{text('versions', lang)} ({len(versions)})"):
        for item in reversed(versions):
            label = item.change or projects.get(project_id).idea
            columns = st.columns([5, 2])
            columns[0].markdown(f"**v{item.number}** · {label}")
            if item.number != version.number and columns[1].button(
                text("undo_to", lang, n=item.number), key=f"undo_{item.number}"
            ):
                st.query_params["job"] = services.start_undo(project_id, item.number).id
                st.rerun()


def main() -> None:
    lang = _language()
    top = st.columns([4, 1])
    top[0].title("⚡ Flash Apps")
    top[1].selectbox(
        text("language", lang), ["en", "zh"], key="lang", format_func=lambda v: {"en": "English", "zh": "中文"}[v]
    )
    st.caption(text("tagline", lang))
    banner = services.backend_banner()
    if banner:
        st.warning(banner[1] if lang == "zh" else banner[0])
    job_id = st.query_params.get("job")
    if job_id:
        job = services.runner().store.get(job_id)
        if job.status in ("queued", "running"):
            _progress(job_id, lang)
            return
        _result(job, lang)
        if st.button(text("new_app", lang), key="new"):
            del st.query_params["job"]
            st.rerun()
        return
    st.caption(text("examples", lang))
    cols = st.columns(len(EXAMPLES[lang]))
    for index, (column, example) in enumerate(zip(cols, EXAMPLES[lang], strict=True)):
        if column.button(example, key=f"example_{index}", width="stretch"):
            st.session_state["idea"] = example
    idea = st.text_area(text("idea_label", lang), key="idea", placeholder=text("idea_placeholder", lang), height=90)
    if st.button(text("create", lang), type="primary", key="create", icon="⚡"):
        st.query_params["job"] = services.start_create(idea).id
        st.rerun()


main()
