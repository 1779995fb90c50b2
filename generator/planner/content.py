"""The content a teacher brings in a sentence: a list of items, "word - meaning" or "question? answer" pairs,
and counts ("10 words", "3 teams", "分成8组"); and the check that no placeholder text reaches an app.

``read_content`` is the one entry point; follow-up sentences (generator/edits.py) may call it too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel

from generator.planner.extract import chinese_number
from generator.planner.hanzi import to_simplified

__all__ = [
    "Content",
    "asks_for_groups",
    "hide_letters",
    "keep_lines",
    "list_like",
    "placeholders",
    "read_content",
    "read_count",
    "read_items",
]

_BULLET = re.compile(
    r"^\s*(?:[-*•·▪◦]+|\(?\d{1,3}[.)、:：]|\(?[a-z][.)]|[（(]?[一二三四五六七八九十]+[、.）)])\s*", re.I
)
# What introduces a list: a colon, or words that say one follows ("these words", "the names are", "以下单词").
_INTRO = re.compile(
    r"(?:[:：]|\b(?:these|the following|following|the words?|the names?|words are|names are|items are|list is|"
    r"questions are|words|names|items)\s*(?:are|is)?\s*[:：]?|以下|如下|这些|下面的?)\s*",
    re.IGNORECASE,
)
_STRONG_INTRO = re.compile(
    r"(?:[:：]|\b(?:these|the following)\s+(?:\w+\s+){0,2}?(?:words?|names?|items?|questions?|terms?|"
    r"students?|kids?|pupils?|people|options?|choices?|teams?|cards?)\b\s*[:：]?|"
    r"(?:以下|如下|这些|下面的?)[\u4e00-\u9fff]{0,4}[:：]?)\s*",
    re.IGNORECASE,
)
_ASKING = re.compile(r"^(?:(?:pick|choose|draw|select|split|make|shuffle|then)\b|抽|选|分成|每次).*\d", re.IGNORECASE)
_SPLIT = re.compile(r"\s*(?:[,，、;；|]|\s+/\s+|\band\b|\bor\b|和|及|与)\s*", re.IGNORECASE)
_INLINE_END = re.compile(r"(?<!\w\.\w)[.!。！](?:\s|$)|\n")
_PAIR = re.compile(r"^(.+?)\s*(?:\s[-–—=]\s|\t|[:：=]|\s[-–—]{1,2}>\s|→)\s*(.+)$")
_QUESTION = re.compile(r"^(.+?[?？])\s*(.+)$")
_ANSWER_MARK = re.compile(r"^(?:answer|ans|a|答案|答)\s*[:：]\s*", re.IGNORECASE)

_NOUNS: dict[str, tuple[str, ...]] = {
    "words": ("words", "word", "spelling words", "vocabulary words", "terms", "个单词", "个词语", "个词", "单词",
              "词语", "个生字", "生字"),
    "questions": ("questions", "question", "problems", "items", "道题", "题", "个问题", "道"),
    "cards": ("cards", "card", "flashcards", "张卡片", "张卡", "张"),
    "groups": ("teams", "team", "groups", "group", "houses", "个组", "组", "个队", "队", "个小组", "小组"),
    "picks": ("names", "people", "students", "winners", "个人", "个名字", "名", "位", "人"),
}  # fmt: skip
_CN = "零一二两三四五六七八九十百"
_NUM = rf"(\d{{1,3}}|[{_CN}]{{1,3}})"
_PER_GROUP = re.compile(
    rf"(?:groups?|teams?)\s+of\s+{_NUM}|{_NUM}\s*(?:per|in each|a)\s+(?:group|team)|每(?:组|队|小组){_NUM}\s*(?:个)?人",
    re.IGNORECASE,
)
_PICK_N = re.compile(
    rf"(?:\b(?:pick|draw|choose|select)\s+|抽取?|选出?){_NUM}(?!\s*(?:个|支)?\s*(?:groups?|teams?|组|队))"
)
_INTO = re.compile(rf"(?:into|in|分成|分为|分|成)\s*{_NUM}\s*(?:个)?\s*(?:teams?|groups?|houses?|组|队|小组)",
                   re.IGNORECASE)  # fmt: skip


@dataclass
class Content:
    """What the sentence brings: items in order, the pairs among them, and the counts it asks for."""

    items: list[str] = field(default_factory=list)
    pairs: list[tuple[str, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)
    group_size: int = 0

    @property
    def listed(self) -> bool:
        return bool(self.items or self.pairs)


def keep_lines(text: str) -> str:
    """Spacing normalised inside each line, empty lines dropped, line breaks kept (a pasted list stays a list)."""
    return "\n".join(" ".join(line.split()) for line in (text or "").splitlines() if line.strip())


def _clean(item: str) -> str:
    item = _BULLET.sub("", item).strip(" \t\"'“”‘’「」『』《》.。")
    return " ".join(item.split())[:200]


def _lines(text: str) -> list[str]:
    """One item a line after the sentence: every short line after the first, bullets and numbers removed."""
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) < 3 and not (len(lines) == 2 and _STRONG_INTRO.search(lines[0])):
        return []
    first, rest = lines[0], lines[1:]
    found = [_clean(line) for line in rest]
    if not all(_item_like(item, named=True) for item in found if item):
        return []  # lines that say more about the app, not a list
    head = _inline(first)
    if len(head) == 1 and not _pair(head[0]):
        head = []
    elif not head and len(first) <= 60 and not _INTRO.search(first) and _pair(first):
        head = [_clean(first)]  # the paste starts at once, without a sentence
    return [i for i in head + found if i]


def _inline(text: str) -> list[str]:
    """Items after the last colon or "these words" in one line (“抽签：张三、李四、王五”)."""
    best: list[str] = []
    for intro in _STRONG_INTRO.finditer(text):
        rest = text[intro.end() :]
        end = _INLINE_END.search(rest)
        segment = rest[: end.start()] if end else rest
        parts = [_clean(p) for p in _SPLIT.split(segment)]
        if parts and _ASKING.match(parts[-1]):
            parts = parts[:-1]  # “…, Eli, pick 2”: the last part says what to do with the list
        named = intro.group(0).strip() not in (":", "：")  # “these words:” says a list follows; a colon may not
        if parts and all(_item_like(p, named) for p in parts) and len(parts) >= len(best):
            best = parts
    return best


def list_like(items: list[str]) -> bool:
    """Whether items found elsewhere (“a picker for Alice, Bob and Carol”) read like entries, not clauses."""
    return bool(items) and all(_item_like(item, named=False) for item in items)


def _item_like(part: str, named: bool) -> bool:
    """A list entry rather than a clause: short, or a pair (“word - meaning”, “question? answer”)."""
    if _ASKING.match(part):
        return False
    if _pair(part):
        return len(part) <= 200
    if re.search(r"[\u4e00-\u9fff]", part):
        return len(part) <= (12 if named else 6) and not re.search(r"\d", part)
    return len(part.split()) <= (6 if named else 3) and len(part) <= 60


def _pair(item: str) -> tuple[str, str] | None:
    """“word - meaning”, “word: meaning”, “word = meaning” or “question? answer” as two parts."""
    asked = _QUESTION.match(item)
    if asked:
        answer = _ANSWER_MARK.sub("", asked.group(2)).strip()
        return (asked.group(1).strip(), answer) if answer else None
    found = _PAIR.match(item)
    if found and found.group(1).strip() and found.group(2).strip():
        return found.group(1).strip(), _ANSWER_MARK.sub("", found.group(2)).strip()
    return None


def read_items(text: str) -> list[str]:
    """The items a piece of text lists, in order and without repeats: one a line after a sentence, or
    after a colon / “these words” in one line, split at commas, 、, semicolons and “and”. [] when none."""
    text = keep_lines(text)
    found = _lines(text) or next((items for line in text.splitlines() if len(items := _inline(line)) >= 2), [])
    return list(dict.fromkeys(found))[:200]


def _number(raw: str) -> int | None:
    """A count of 2 to 500 (“一个单词” is “a word”, no count)."""
    value = int(raw) if raw.isdigit() else chinese_number(raw)
    return int(value) if value is not None and 1 < value <= 500 else None


def read_count(text: str, kind: str) -> int | None:
    """How many of ``kind`` (words, questions, cards, groups, picks) the sentence asks for, or None."""
    simple = to_simplified(keep_lines(text).split("\n", 1)[0]).lower()
    if kind == "groups":
        into = _INTO.search(simple)
        if into:
            return _number(into.group(1))
    if kind == "picks" and (asked := _PICK_N.search(simple)):
        return _number(asked.group(1))
    nouns = sorted(_NOUNS[kind], key=len, reverse=True)
    words = "|".join(re.escape(n) for n in nouns)
    match = re.search(rf"{_NUM}\s*(?:个|道|张|位|名)?\s*(?:[a-z]+\s+){{0,2}}(?:{words})(?![a-z])", simple)
    if match is None:
        return None
    before = simple[max(0, match.start() - 12) : match.start()]
    if kind == "picks" and re.search(r"class of|全班|班级?有?$|共", before):
        return None  # “a class of 28 students” is the size of the list, not how many to pick
    return _number(match.group(1))


_MAKE_GROUPS = re.compile(
    rf"\binto\s+{_NUM}\s+(?:teams?|groups?)|(?:分成|分为){_NUM}\s*(?:个)?\s*(?:小组|组|队)", re.IGNORECASE
)


def asks_for_groups(text: str) -> bool:
    """Whether the sentence asks to split a list into groups (“into 3 teams”, “groups of 4”, “分成8组”)."""
    simple = to_simplified(text).lower()
    return bool(_MAKE_GROUPS.search(simple) or _PER_GROUP.search(simple))


def _group_size(text: str) -> int:
    found = _PER_GROUP.search(to_simplified(text).lower())
    if not found:
        return 0
    raw = next(g for g in found.groups() if g)
    return _number(raw) or 0


def read_content(text: str) -> Content:
    """Everything listed and counted in ``text`` (an idea or a follow-up sentence)."""
    items = read_items(text)
    pairs = [p for p in (_pair(i) for i in items) if p]
    if len(pairs) * 2 < len(items) or not items:
        pairs = []
    counts = {kind: n for kind in _NOUNS if (n := read_count(text, kind)) is not None}
    return Content(items=items, pairs=pairs, counts=counts, group_size=_group_size(text))


def hide_letters(word: str) -> str:
    """The word with about half its letters hidden, the first kept (“necessary” → “n _ c _ s s _ r y”)."""
    letters = list(word)
    if len(letters) <= 2:
        return " ".join(letters[:1] + ["_"] * (len(letters) - 1))
    hidden = {i for i, ch in enumerate(letters) if i and ch.lower() in "aeiouy"}
    wanted = max(1, math.ceil((len(letters) - 1) / 3))
    for i in range(2, len(letters), 2):
        if len(hidden) >= wanted:
            break
        hidden.add(i)
    shown = ["_" if i in hidden and ch.isalpha() else ch for i, ch in enumerate(letters)]
    return " ".join(c for c in shown if c != " ") if word.isascii() else "".join(shown)


# -- placeholders ------------------------------------------------------------------------------------------

_PLACEHOLDERS = re.compile(
    r"\byour (?:topic|subject|question|word|item|answer)s?\b|\b(?:question|option|item|answer|choice|word|name|"
    r"student|card|team|group) ?(?:#\s*)?\d{1,2}\b(?!\s*(?:[+×x*/÷=-]|%|min|s\b|:\d))|"
    r"[你您某]的?主[题題]|[问問][题題]\s?\d{1,2}(?![\d+×*/÷=-])|[选選][项項]\s?[A-D1-9](?![\w])|[题題]目\s?\d{1,2}(?!\d)|"
    r"待填|待[补補]充|示例[题題]",
    re.IGNORECASE,
)
_MARKERS = re.compile(r"\b(?:TODO|TBD|FIXME|XXX+)\b")  # in capitals only: “Todo list” is an app, “TODO” a gap
_FIELDS = ("prompt", "choices", "explanation", "front", "back", "hint", "items", "title", "body")


def _texts(value: object, name: str = "") -> Iterator[str]:
    if isinstance(value, BaseModel):
        for key in type(value).model_fields:
            yield from _texts(getattr(value, key), key)
    elif isinstance(value, list | tuple):
        for part in value:
            yield from _texts(part, name)
    elif isinstance(value, str) and name in _FIELDS:
        yield value


def placeholders(spec: BaseModel) -> list[str]:
    """Placeholder text in an app's questions, cards, lists and notes (“your topic”, “Question 1”), or []."""
    found: list[str] = []
    for text in _texts(spec):
        for match in [*_PLACEHOLDERS.finditer(text), *_MARKERS.finditer(text)]:
            if match.group(0) not in found:
                found.append(match.group(0))
    return found
