"""Text for full-text search: words for alphabetic scripts, bigrams (and single characters) for CJK.

Neither SQLite's ``unicode61`` tokenizer nor PostgreSQL's ``simple`` parser splits Chinese
into words, so the gallery indexes a pre-tokenised text: Latin-like words lower-cased,
and every run of CJK characters as its single characters plus its overlapping bigrams
("背单词" → 背 单 词 背单 单词). A query goes through the same transform, keeping the
bigrams of each run (a one-character run stays one character), so "背单词" and "单词"
both find "背单词小游戏". Tokens are letters and digits only: no query syntax survives.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["QueryTerm", "index_text", "query_terms", "search_text"]

_CJK = (
    "\u3040-\u30ff"  # hiragana, katakana
    "\u3400-\u4dbf"  # CJK extension A
    "\u4e00-\u9fff"  # CJK unified ideographs
    "\uac00-\ud7af"  # hangul syllables
    "\uf900-\ufaff"  # compatibility ideographs
    "\U00020000-\U0002ebef"  # extensions B-F
)
_RUN = re.compile(rf"[{_CJK}]+|[^\W_{_CJK}]+")
_IS_CJK = re.compile(rf"[{_CJK}]")
MAX_QUERY_TERMS = 16


@dataclass(frozen=True)
class QueryTerm:
    """One token a query must match; ``prefix`` lets "vocab" find "vocabulary"."""

    text: str
    prefix: bool


def _runs(text: str) -> Iterable[str]:
    return _RUN.findall(unicodedata.normalize("NFKC", text).casefold())


def _bigrams(run: str) -> list[str]:
    return [run[i : i + 2] for i in range(len(run) - 1)]


def index_text(text: str) -> str:
    """The tokens of ``text`` as the index stores them, separated by spaces."""
    tokens: list[str] = []
    for run in _runs(text):
        if _IS_CJK.match(run):
            tokens.extend(run)
            tokens.extend(_bigrams(run))
        else:
            tokens.append(run)
    return " ".join(tokens)


def search_text(title: str, description: str, tags: Iterable[str]) -> str:
    """What ``apps.search_text`` holds for an app."""
    return " ".join(part for part in (index_text(title), index_text(description), index_text(" ".join(tags))) if part)


def query_terms(query: str) -> list[QueryTerm]:
    """The terms a search must match, all of them (AND); empty when nothing searchable is left."""
    terms: list[QueryTerm] = []
    for run in _runs(query):
        if _IS_CJK.match(run):
            pieces = _bigrams(run) or [run]
            terms.extend(QueryTerm(piece, prefix=False) for piece in pieces)
        else:
            terms.append(QueryTerm(run, prefix=True))
    unique = list(dict.fromkeys(terms))
    return unique[:MAX_QUERY_TERMS]
