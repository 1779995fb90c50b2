"""Browse and search listed apps: full text (FTS5 or tsvector), filters, sorts, pages.

A query becomes tokens (see ``tokens.py``); each token is quoted as a literal phrase for
FTS5 (``"tok"``, ``"tok"*`` for a prefix) or as a lexeme for ``to_tsquery``
(``'tok'``, ``'tok':*``), so quotes, ``OR``, ``*``, ``NEAR`` or ``')--`` in the input are
plain text. Input with nothing searchable in it finds nothing.
"""

from __future__ import annotations

from typing import Any, Literal

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Select,
    bindparam,
    column,
    func,
    literal_column,
    select,
    table,
    text,
)
from sqlalchemy.orm import Session

from gallery.context import GalleryContext, app_views
from gallery.models import LISTED_STATES, App
from gallery.tokens import QueryTerm, query_terms
from gallery.views import Page

__all__ = ["SORTS", "Sort", "browse", "fts5_query", "tsquery"]

Sort = Literal["new", "popular", "featured", "relevance"]
SORTS: tuple[Sort, ...] = ("new", "popular", "featured", "relevance")
MAX_PAGE_SIZE = 100

_FTS = table("apps_fts", column("rowid"), column("rank"))
_LISTED: BindParameter[Any] = bindparam("listed_states", LISTED_STATES, expanding=True, literal_execute=True)
"""Rendered inline, so the planner sees the partial indexes' own condition."""


def fts5_query(terms: list[QueryTerm]) -> str:
    """An FTS5 MATCH expression: every term a quoted string (AND), prefixes starred."""
    return " ".join('"' + t.text.replace('"', '""') + '"' + ("*" if t.prefix else "") for t in terms)


def tsquery(terms: list[QueryTerm]) -> str:
    """A ``to_tsquery`` expression: every term a quoted lexeme joined by ``&``."""
    return " & ".join("'" + t.text.replace("'", "''").replace("\\", "\\\\") + "'" + (":*" if t.prefix else "")
                      for t in terms)  # fmt: skip


def _matching(statement: Select[App], dialect: str, terms: list[QueryTerm]) -> tuple[Select[App], ColumnElement[float]]:
    """``statement`` restricted to apps matching all ``terms``, and a rank (smaller is better)."""
    if dialect == "sqlite":
        matched = statement.join(_FTS, _FTS.c.rowid == App.id).where(
            text("apps_fts MATCH :fts_query").bindparams(fts_query=fts5_query(terms))
        )
        return matched, _FTS.c.rank
    if dialect == "postgresql":
        query = func.to_tsquery(literal_column("'simple'::regconfig"), tsquery(terms))
        vector: ColumnElement[Any] = literal_column("apps.search_vector")
        return statement.where(vector.op("@@")(query)), -func.ts_rank(vector, query)
    raise NotImplementedError(f"full-text search on {dialect}")


def _ordering(sort: Sort, rank: ColumnElement[float] | None) -> list[ColumnElement[Any]]:
    newest: list[ColumnElement[Any]] = [App.created_at.desc(), App.id.desc()]
    if sort == "popular":
        return [App.like_count.desc(), *newest]
    if sort == "featured":
        return [App.featured_at.desc().nulls_last(), *newest]
    if sort == "relevance" and rank is not None:
        return [rank.asc(), *newest]
    return newest


def browse(
    ctx: GalleryContext,
    query: str = "",
    *,
    category: str | None = None,
    language: str | None = None,
    kind: str | None = None,
    sort: Sort | None = None,
    page: int = 1,
    page_size: int = 20,
) -> Page:
    """One page of listed apps matching ``query`` and the filters, with the total count."""
    if sort is not None and sort not in SORTS:
        raise ValueError(f"sort must be one of {SORTS}, not {sort!r}")
    page = max(1, int(page))
    page_size = min(MAX_PAGE_SIZE, max(1, int(page_size)))
    statement = select(App).where(App.state.in_(_LISTED))
    for name, value in (("category", category), ("language", language), ("kind", kind)):
        if value:
            statement = statement.where(getattr(App, name) == value)
    rank: ColumnElement[float] | None = None
    if query.strip():
        terms = query_terms(query)
        if not terms:
            return Page(items=[], total=0, page=page, page_size=page_size)
        statement, rank = _matching(statement, ctx.dialect, terms)
    order = _ordering(sort or ("relevance" if rank is not None else "new"), rank)
    with ctx.sessions() as session:
        total = _count(session, statement)
        page_ids = statement.with_only_columns(App.id).order_by(*order).limit(page_size).offset((page - 1) * page_size)
        ids = list(session.scalars(page_ids))
        by_id = {row.id: row for row in session.scalars(select(App).where(App.id.in_(ids)))} if ids else {}
        items = app_views(session, [by_id[i] for i in ids], ctx.settings.share_base_url)
    return Page(items=items, total=total, page=page, page_size=page_size)


def _count(session: Session, statement: Select[App]) -> int:
    return session.scalar(statement.with_only_columns(func.count()).order_by(None)) or 0
