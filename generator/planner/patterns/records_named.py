"""Lists a sentence names after a word that announces them (“the candidates are Anna, Ben and Chloe”,
“分成衣物、食物、工具三类”, “categories: mains, sides, desserts”): the items themselves, never the clause
around them, and never a clause that follows them (“每人只能投一票”)."""

from __future__ import annotations

import re
from functools import lru_cache

from generator.planner.hanzi import to_simplified

__all__ = ["CANDIDATES", "GROUPS", "named_list"]

CANDIDATES = (
    r"candidates?|nominees?|options?|choices?|names?|contenders?|候选人|候选|选项|人选|名字",
    r"candidates|nominees|options|choices|names",
)
"""Words that announce the options of a vote."""

GROUPS = (
    r"categories|category|sections?|groups?|kinds?|types?|grouped (?:into|by)|sorted into|split into|divided into|"
    r"分类|类别",
    r"categories|sections|groups|kinds|types",
)
"""Words that announce the categories of a list or a sign-up."""

_SPLIT = re.compile(r"\s*(?:,|，|、|;|；|/|\band\b|\bor\b|和|以及|及|与|或者|或|还有)\s*")
_END = re.compile(
    r"[.!?;:。！？；：\n]|(?:,|，)\s*(?=each|every|one|and\s+(?:show|see|let|a|an|the)|with|so|then|每|只|可以|能|要)"
)
_NOT_ITEM = re.compile(
    r"\b(?:can|could|should|must|will|may|each|every|once|vote|votes|show|see|per|only|button|reset|"
    r"let|lets|want|need|warn|count|counts|click|their|they|we|i)\b|"
    r"每|只能|可以|能|要|显示|投|一票|重设|重置|按钮|统计|提醒"
)
_LEAD = re.compile(r"^(?:the|a|an|some|our|my|\d+)\s+", re.I)
_COUNT_ZH = re.compile(r"[一二两三四五六七八九十\d]+\s*[类组个种项位名]$")


def _clean(item: str) -> str:
    item = item.strip(" \"'“”‘’()（）[]「」")
    item = _COUNT_ZH.sub("", item).strip()
    while _LEAD.match(item):
        item = _LEAD.sub("", item)
    return item


@lru_cache(maxsize=256)
def _named(idea: str, heads: str, max_words: int) -> tuple[str, ...]:
    text = to_simplified(idea)
    head = re.compile(
        rf"(?<![a-z])(?:{heads})(?![a-z])"
        r"\s*(?:are|is|include|including|will be|would be|like|such as|:|：|是|有|包括|为|分别是|：)?"
        r"\s*(?::|：)?\s*",
        re.I,
    )
    zh_split = re.compile(r"(?:分成|分为|分做)\s*")
    best: list[str] = []
    starts = [m.end() for m in head.finditer(text)] + [m.end() for m in zh_split.finditer(text)]
    for start in starts:
        rest = text[start:]
        end = _END.search(rest)
        segment = rest[: end.start()] if end else rest
        parts = [p for p in _SPLIT.split(segment) if p.strip()]
        items: list[str] = []
        for part in parts:
            item = _clean(part)
            too_long = len(item) > 30 or len(item.split()) > max_words or (not item.isascii() and len(item) > 8)
            if not item or _NOT_ITEM.search(item.lower()) or too_long:
                break  # a clause after the list ends it
            items.append(item)
        if len(items) >= 2 and len(items) > len(best):
            best = items
    return tuple(dict.fromkeys(best))


def named_list(idea: str, heads: tuple[str, str], max_words: int = 3) -> list[str]:
    """The items listed after one of ``heads`` (a regex of announcing words), in the sentence's order;
    [] when the sentence announces no list of two or more."""
    return list(_named(idea, heads[0], max_words))
