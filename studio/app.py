"""The studio: type one sentence, watch the stages arrive, get a tested app.

Thin by design: it calls ``generator`` and never runs a generated app in its own process.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import streamlit as st

from generator.errors import UserError
from generator.pipeline import Generation, StageEvent, generate, new_bundle_dir
from generator.render import AppBundle, render
from generator.settings import Settings
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


def _card(generation: Generation, lang: str) -> None:
    spec = generation.spec
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
    st.caption(f"{text('why', lang)}: {generation.note}")


def _create(idea: str, lang: str) -> None:
    settings = Settings()
    with st.status(text("working", lang), expanded=True) as status:

        def show(event: StageEvent) -> None:
            st.write(f"✅ **{event.stage}** · {event.elapsed_ms:.0f} ms — {event.summary}")

        try:
            generation = generate(idea, on_event=show, settings=settings)
            bundle = render(generation.spec, new_bundle_dir(settings, generation.spec.brief.title, generation.idea))
        except UserError as exc:
            status.update(state="error")
            st.error(exc.message(lang))
            return
        status.update(label=text("done", lang), state="complete", expanded=False)
    st.session_state["result"] = (generation, bundle)


def main() -> None:
    lang = _language()
    top = st.columns([4, 1])
    top[0].title("⚡ Flash Apps")
    top[1].selectbox(
        text("language", lang), ["en", "zh"], key="lang", format_func=lambda v: {"en": "English", "zh": "中文"}[v]
    )
    st.caption(text("tagline", lang))
    st.caption(text("examples", lang))
    cols = st.columns(len(EXAMPLES[lang]))
    for index, (column, example) in enumerate(zip(cols, EXAMPLES[lang], strict=True)):
        if column.button(example, key=f"example_{index}", width="stretch"):
            st.session_state["idea"] = example
    idea = st.text_area(text("idea_label", lang), key="idea", placeholder=text("idea_placeholder", lang), height=90)
    if st.button(text("create", lang), type="primary", key="create", icon="⚡"):
        _create(idea, lang)
    result: tuple[Generation, AppBundle] | None = st.session_state.get("result")
    if result:
        generation, bundle = result
        _card(generation, lang)
        st.download_button(
            text("download", lang), _zip(bundle.path), file_name=f"{bundle.path.name}.zip", key="download", icon="⬇️"
        )
        st.info(text("preview_hint", lang, path=bundle.path))
        with st.expander(text("files", lang)):
            st.code("\n".join(bundle.files), language=None)


main()
