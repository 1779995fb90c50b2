"""The words of record systems (data/records.json): kinds of records, the fields a list of fields names, and
the small readings both the record and the status readers share."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from generator.planner.hanzi import to_simplified

__all__ = [
    "ARTICLE",
    "FieldRead",
    "Kind",
    "blank",
    "field_of",
    "flows",
    "guessed_field",
    "split_items",
    "kinds",
    "lead",
    "find_mentions",
    "plain",
    "short",
]


_DATA = Path(__file__).resolve().parents[1] / "data" / "records.json"


@dataclass(frozen=True)
class FieldRead:
    """A field as read: its name, type and labels (``zh`` simplified), options in both languages."""

    name: str
    type: str
    en: str
    zh: str
    options: tuple[tuple[str, ...], tuple[str, ...]] | None = None
    guessed: bool = False


@dataclass(frozen=True)
class Kind:
    """A kind of record the lexicon knows (a customer, a ticket, a loan)."""

    key: str
    en: str
    plural: str
    zh: str
    words: tuple[str, ...]
    fields: tuple[FieldRead, ...]
    parents: tuple[str, ...]
    flow: str
    people: bool
    icon: str


def _field(entry: dict) -> FieldRead:
    options = entry.get("options")
    return FieldRead(
        entry["name"],
        entry["type"],
        entry["en"],
        entry["zh"],
        (tuple(options[0]), tuple(options[1])) if options else None,
    )


@cache
def _data() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@cache
def kinds() -> dict[str, Kind]:
    return {
        k["key"]: Kind(
            k["key"],
            k["en"],
            k["plural"],
            k["zh"],
            tuple(k["words"]),
            tuple(_field(f) for f in k["fields"]),
            tuple(k["parents"]),
            k["flow"],
            k["people"],
            k["icon"],
        )
        for k in _data()["types"]
    }


@cache
def _field_words() -> list[tuple[str, FieldRead]]:
    """Every field word with its field, longest first (“phone model” before “phone”)."""
    pairs = [(w, _field(e)) for e in _data()["fields"] for w in e["words"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def flows() -> dict[str, dict]:
    return _data()["flows"]


_NOT_KIND = re.compile(r"\bin order\b|\border (?:by|of|to)\b|\bpost (?:office|code)\b")


@cache
def _word_re(word: str) -> re.Pattern[str]:
    if word.isascii():
        exact = word.endswith("$")
        core = re.escape(word.rstrip("$"))
        return re.compile(rf"(?<![a-z0-9]){core}" + (r"(?:e?s)?(?![a-z0-9])" if exact else r"[a-z]*"))
    return re.compile(re.escape(word))


def find_mentions(low: str) -> list[tuple[int, int, Kind]]:
    """Every mention of a kind of record: start, end and the kind, in order."""
    low = _NOT_KIND.sub(lambda m: " " * len(m.group(0)), low)
    found = []
    for kind in kinds().values():
        for word in kind.words:
            found += [(m.start(), m.end(), kind) for m in _word_re(word).finditer(low)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, Kind]] = []
    for start, end, kind in found:
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, kind))
    return kept


@cache
def _field_re(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![a-z]){re.escape(word)}")


def field_of(item: str) -> FieldRead | None:
    """The field an item of a field list names (“quoted price” → quote, a float), else None."""
    low = to_simplified(item).lower().strip()
    for word, found in _field_words():
        if word.isascii():
            if word in low and _field_re(word).search(low):
                return found
        elif word in low:
            return found
    return None


def _tag(text: str) -> str:
    """A short name part that is the same for the same words."""
    return str(zlib.crc32(text.encode("utf-8")) % 100_000)


_EN_TYPES = (
    (r"\b(?:date|day|deadline|birthday)s?\b", "date"),
    (r"\b(?:price|cost|amount|fee|rent|total|balance|paid amount)s?\b|\$", "float"),
    (r"\b(?:number|count|how many|qty)\b", "int"),
)


_ZH_TYPES = (("日期|生日|时间", "date"), ("金额|价|费|钱|元|租", "float"), ("数|量|次", "int"))


_CHOICE = re.compile(r"\s*(?:/|／|\bor\b|还是|或者|或)\s*")


_BOOL_ZH = re.compile(r"^(.{0,4}?)(?:有没有|是否|有无|是不是)(.+)$")


_BOOL_EN = re.compile(r"^(?:whether|is|has|if)\s+(?:it\s+|they\s+)?(.+)$")


def guessed_field(item: str, zh: bool) -> FieldRead | None:
    """A field for an item no lexicon word names: its type guessed from its words, its name from them."""
    text = to_simplified(item).strip()
    if not text or len(text) > (8 if zh else 30) or len(text.split()) > 4:
        return None
    parts = [p for p in _CHOICE.split(text) if p]
    if len(parts) >= 2 and all(len(p) <= 12 for p in parts):
        options = [p[:1].upper() + p[1:] for p in parts]
        return FieldRead(f"state_{_tag(text)}", "choice", "State", "状态", (tuple(options), tuple(options)), True)
    zh_flag, en_flag = _BOOL_ZH.match(text), _BOOL_EN.match(text.lower())
    if zh_flag or en_flag:
        label = zh_flag.group(1) + zh_flag.group(2) if zh_flag else en_flag.group(1)  # type: ignore[union-attr]
        return FieldRead(f"flag_{_tag(text)}", "bool", label[:1].upper() + label[1:], label, None, True)
    kind = "text"
    for pattern, found in _ZH_TYPES if zh else _EN_TYPES:
        if re.search(pattern, text.lower()):
            kind = found
            break
    if zh:
        return FieldRead(f"field_{_tag(text)}", kind, text, text, None, True)
    slug = "_".join(re.findall(r"[a-z][a-z0-9]*", text.lower()))[:24].strip("_")
    if not slug:
        return None
    return FieldRead(slug, kind, text[:1].upper() + text[1:], text, None, True)


_ITEM_SPLIT = re.compile(r"\s*(?:,|，|、|;|\band\b|\bor\b|和|以及|及|与)\s*")


ARTICLE = re.compile(
    r"^(?:(?:a|an|the|their|its|his|her|each|every|per|some|also|with|of|daily|weekly|monthly)\s+|每次|每个|每位|每天|每件|每月|每名|的)+",
    re.I,
)


_SUFFIX_ZH = ("清单", "名单", "列表", "信息", "资料", "档案", "名字", "名称")


_SUFFIX_EN = re.compile(r"(?:list|names?|info|details|records?)")


def split_items(segment: str) -> list[str]:
    return [ARTICLE.sub("", p.strip(" \"'“”‘’:：")).strip() for p in _ITEM_SPLIT.split(segment) if p.strip(" :：")]


def lead(item: str) -> tuple[Kind | None, bool, str]:
    """The kind an item starts with, whether the item is that kind alone (“customer”, “学生名单”),
    and the rest of the item after the kind's word."""
    low = to_simplified(item).lower().strip()
    found = find_mentions(low)
    if not found or found[0][0] != 0:
        return None, False, item
    _, end, kind = found[0]
    rest = ARTICLE.sub("", low[end:].strip(" 's")).strip()
    return kind, not rest or rest in _SUFFIX_ZH or bool(_SUFFIX_EN.fullmatch(rest)), rest


def short(item: str, zh: bool) -> bool:
    return 0 < len(item) <= 8 if zh else 0 < len(item.split()) <= 3


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


def plain(text: str) -> str:
    """Simplified characters, lower case (a few traditional ones the shared table lacks included)."""
    return to_simplified(text).translate(_MORE_T2S)


_MORE_T2S = str.maketrans("繳訂駁覆", "缴订驳复")
