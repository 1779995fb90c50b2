"""Gallery: cards of listed apps, full-text search, filters, sorting and pages."""

from __future__ import annotations

from typing import cast

import streamlit as st

from gallery import AppView
from gallery.search import Sort
from studio import services
from studio.web.ui import esc, go, t

__all__ = ["PAGE_SIZE", "page"]

PAGE_SIZE = 12
_LANGUAGES = ["", "en", "zh-Hans", "zh-Hant"]
_KINDS = ["", "app", "game"]
_CATEGORIES = ["", "tracker", "calculator", "converter", "learning", "timer", "planner", "picker", "finance", "game",
               "other"]  # fmt: skip
_SORTS = ["relevance", "new", "popular", "featured"]


def _reset_page() -> None:
    st.session_state["gallery_page"] = 1


def _card(app: AppView, language: str) -> None:
    with st.container(border=True):
        badge = f" · {t('featured')}" if app.state == "featured" else ""
        st.markdown(f"**{esc(app.title)}**{badge}")
        st.caption(esc(app.description[:140]))
        kind = t(f"kind_{app.kind}")
        line = f"{t(f'lang_{app.language}')} · {kind} · {t('likes', n=app.like_count)} · "
        st.markdown(line + t("remixes", n=app.remix_count))
        if st.button(t("open"), key=f"open_{app.slug}", width="stretch"):
            go("app", app=app.slug)


def page() -> None:
    st.header(t("nav_gallery"))
    st.text_input(t("search"), key="q", placeholder=t("search_placeholder"), on_change=_reset_page)
    columns = st.columns(4)
    language = columns[0].selectbox(t("filter_language"), _LANGUAGES, key="f_language", on_change=_reset_page,
                                    format_func=lambda v: t(f"lang_{v}") if v else t("any"))  # fmt: skip
    kind = columns[1].selectbox(t("filter_kind"), _KINDS, key="f_kind", on_change=_reset_page,
                                format_func=lambda v: t(f"kind_{v}") if v else t("any"))  # fmt: skip
    category = columns[2].selectbox(t("filter_category"), _CATEGORIES, key="f_category", on_change=_reset_page,
                                    format_func=lambda v: v or t("any"))  # fmt: skip
    sort = columns[3].selectbox(t("sort"), _SORTS, key="sort", on_change=_reset_page,
                                format_func=lambda v: t(f"sort_{v}"))  # fmt: skip
    number = int(st.session_state.get("gallery_page", 1))
    found = services.gallery().browse(
        st.session_state.get("q", ""),
        language=language or None,
        kind=kind or None,
        category=category or None,
        sort=cast(Sort, sort),
        page=number,
        page_size=PAGE_SIZE,
    )
    if found.total and number > found.pages:
        st.session_state["gallery_page"] = found.pages
        st.rerun()
    st.caption(t("found", total=found.total, page=found.page, pages=found.pages))
    if not found.items:
        st.info(t("nothing_found"))
    grid = st.columns(3)
    for index, app in enumerate(found.items):
        with grid[index % 3]:
            _card(app, language)
    nav = st.columns(2)
    if nav[0].button(t("previous"), key="page_prev", disabled=found.page <= 1):
        st.session_state["gallery_page"] = found.page - 1
        st.rerun()
    if nav[1].button(t("next"), key="page_next", disabled=found.page >= found.pages):
        st.session_state["gallery_page"] = found.page + 1
        st.rerun()


if __name__ == "__main__":
    page()
