"""Reading a record system in a sentence: the kinds of records it keeps, their fields, the links between
them and a status flow. The words live in data/records.json; this module is the reading."""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified
from generator.planner.lang import has_cjk
from generator.planner.patterns.base import Context

__all__ = ["FieldRead", "Kind", "Reading", "Record", "kinds", "read_records"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "records.json"


@dataclass(frozen=True)
class FieldRead:
    """A field as read: its name, type and labels (``zh`` simplified), options in both languages."""

    name: str
    type: str
    en: str
    zh: str
    options: tuple[tuple[str, ...], tuple[str, ...]] | None = None


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


@dataclass
class Record:
    """A kind of record the sentence keeps, with what the sentence says of it."""

    kind: Kind
    at: int
    fields: list[FieldRead] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    listed: bool = False
    options: list[str] = field(default_factory=list)


@dataclass
class Reading:
    records: list[Record]
    main: str
    status: list[str] = field(default_factory=list)
    ends: list[str] = field(default_factory=list)
    explicit_status: bool = False
    strength: float = 0.0

    def record(self, key: str) -> Record:
        return next(r for r in self.records if r.kind.key == key)


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


def _mentions(low: str) -> list[tuple[int, int, Kind]]:
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
_BOOL_ZH = re.compile(r"^(?:有没有|是否|有无|是不是)(.+)$")
_BOOL_EN = re.compile(r"^(?:whether|is|has|if)\s+(?:it\s+|they\s+)?(.+)$")


def guessed_field(item: str, zh: bool) -> FieldRead | None:
    """A field for an item no lexicon word names: its type guessed from its words, its name from them."""
    text = to_simplified(item).strip()
    if not text or len(text) > (8 if zh else 30) or len(text.split()) > 4:
        return None
    parts = [p for p in _CHOICE.split(text) if p]
    if len(parts) >= 2 and all(len(p) <= 12 for p in parts):
        options = [p[:1].upper() + p[1:] for p in parts]
        return FieldRead(f"state_{_tag(text)}", "choice", "State", "状态", (tuple(options), tuple(options)))
    flag = _BOOL_ZH.match(text) or _BOOL_EN.match(text.lower())
    if flag:
        label = flag.group(1)
        return FieldRead(f"flag_{_tag(text)}", "bool", label[:1].upper() + label[1:], label)
    kind = "text"
    for pattern, found in _ZH_TYPES if zh else _EN_TYPES:
        if re.search(pattern, text.lower()):
            kind = found
            break
    if zh:
        return FieldRead(f"field_{_tag(text)}", kind, text, text)
    slug = "_".join(re.findall(r"[a-z][a-z0-9]*", text.lower()))[:24].strip("_")
    if not slug:
        return None
    return FieldRead(slug, kind, text[:1].upper() + text[1:], text)


_OPENER = re.compile(
    r"\s*(?:[:：(（—–]|\s-\s|,?\s+(?:with|has|have|having|holds?|including|includes|stores?|storing|"
    r"needs?|records?|keeps?|fields?|columns?)\b:?|包括|包含|要有|有以下|记录|记下|登记|字段)\s*"
)
_LIST_END = re.compile(r"[.!?;。！？；()（）\n]|→|->|=>|(?<![,，])\s(?:so|that|then|where|which|to\s+see)\s")
_PARENS = re.compile(r"[(（][^()（）]*[)）]")
_ITEM_SPLIT = re.compile(r"\s*(?:,|，|、|;|\band\b|\bor\b|和|以及|及|与)\s*")
_ARTICLE = re.compile(
    r"^(?:(?:a|an|the|their|its|his|her|each|every|per|some|also|with|of)\s+|每次|每个|每位|每天|每件|每月|每名|的)+",
    re.I,
)
_SUFFIX_ZH = ("清单", "名单", "列表", "信息", "资料", "档案", "名字", "名称")
_SUFFIX_EN = re.compile(r"(?:list|names?|info|details|records?)")
_NOT_FIELD = re.compile(
    r"要|能|可以|列出|显示|统计|提醒|计算|自动|提交|审批|先|再|然后|\d|"
    r"\b(?:show|list|see|calculate|send|export|import|when|which|what)\b|"
    r"^(?:mark|tick|check|add|create|make|view|track|keep|log|print|remind|notify|flag|get|find|sort)\b"
)


def _items(segment: str) -> list[str]:
    return [_ARTICLE.sub("", p.strip(" \"'“”‘’:：")).strip() for p in _ITEM_SPLIT.split(segment) if p.strip(" :：")]


def _lead(item: str) -> tuple[Kind | None, bool, str]:
    """The kind an item starts with, whether the item is that kind alone (“customer”, “学生名单”),
    and the rest of the item after the kind's word."""
    low = to_simplified(item).lower().strip()
    found = _mentions(low)
    if not found or found[0][0] != 0:
        return None, False, item
    _, end, kind = found[0]
    rest = _ARTICLE.sub("", low[end:].strip(" 's")).strip()
    return kind, not rest or rest in _SUFFIX_ZH or bool(_SUFFIX_EN.fullmatch(rest)), rest


def _short(item: str, zh: bool) -> bool:
    return 0 < len(item) <= 8 if zh else 0 < len(item.split()) <= 3


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    return text


@dataclass
class _Lists:
    fields: dict[str, list[FieldRead]] = field(default_factory=dict)
    links: list[tuple[str, str]] = field(default_factory=list)
    listed: set[str] = field(default_factory=set)
    status_in: str = ""


def _read_lists(src: str, low: str, mentions: list[tuple[int, int, Kind]], zh: bool) -> _Lists:
    """Field lists after an opener (“each ticket has customer, phone model and price”), the kind that
    owns them (the last one named just before, in the same sentence), and lists of kinds (“owners, their
    pets and appointments”), whose other items are fields of the kind before them."""
    lists = _Lists()
    for opener in _OPENER.finditer(low):
        before = low[: opener.start()]
        sentence_start = max(before.rfind(c) for c in ".!?。！？\n") + 1
        owners = [m for m in mentions if sentence_start <= m[0] and m[1] <= opener.start() + 1]
        owner = owners[-1][2] if owners and owners[-1][1] >= opener.start() - 24 else None
        rest = src[opener.end() :]
        if "(" not in opener.group(0) and "（" not in opener.group(0):
            rest = _PARENS.sub(lambda m: " " * len(m.group(0)), rest)
        end = _LIST_END.search(rest)
        items = _items(rest[: end.start()] if end else rest)
        leads = [_lead(i) for i in items]
        named = {k.key for k, bare, after in leads if k and (bare or (k != owner and field_of(after) is None))}
        of_kinds = len(named) >= 2 or (owner is None and any(k for k, _, _ in leads))
        if not items or (len(items) < 2 and owner is None):
            continue
        current = None if of_kinds else owner
        for item, (kind, bare, after) in zip(items, leads, strict=True):
            text = item
            if kind is not None and (current is None or kind.key != current.key):
                if bare and not of_kinds and current is not None:
                    lists.links.append((current.key, kind.key))  # “each ticket has a customer”
                    continue
                if not (of_kinds or current is None or bare or current.key in kind.parents):
                    kind, text = None, item  # “a ticket (device model, …)”: the ticket's model
            if kind is not None and (current is None or kind.key != current.key):
                current = kind
                if of_kinds:
                    lists.listed.add(kind.key)
                text = after
                if not text:
                    continue
            if current is None or _NOT_FIELD.search(text.lower()):
                continue
            if not _short(text, zh):
                if of_kinds:  # “hours per volunteer per month”: the words it starts with
                    found = field_of(text[:4] if zh else " ".join(text.split()[:2]))
                    if found is not None:
                        lists.fields.setdefault(current.key, []).append(found)
                continue
            if re.search(r"\bstatus\b|\bstage\b|状态|进度", text.lower()):
                lists.status_in = current.key
                continue
            found = field_of(text)
            if found is None and not of_kinds and text == item:
                found = guessed_field(text, zh)
            if found is not None:
                lists.fields.setdefault(current.key, []).append(found)
    return lists


_OPTIONS = re.compile(r"[(（]([^()（）]{2,80})[)）]")


def _read_options(src: str) -> list[tuple[int, int, list[str]]]:
    """Options in brackets, split by slashes: “(present/late/absent)”, “（出勤/迟到/请假/缺勤）”."""
    found = []
    for match in _OPTIONS.finditer(src):
        parts = [p.strip() for p in re.split(r"\s*[/／|]\s*", match.group(1)) if p.strip()]
        if len(parts) >= 2 and all(len(p) <= 20 for p in parts):
            found.append((match.start(), match.end(), [_clean_status(p) for p in parts]))
    return found


_ARROW = re.compile(r"\s*(?:→|->|=>|⟶|➔|➡️?|⇒|＞|>)\s*")
_STATUS_LIST = re.compile(
    r"(?:\bstatus(?:es)?|\bstages?|\bstates?|\bworkflow|状态|阶段)"
    r"(?:\s*(?:is|are|goes|go|of|like|such as|依次为|依次是|分为|有|为|是))?\s*[:：]\s*"
)
_FIRST_CUT = re.compile(
    r".*(?:[,，、:：]|\b(?:status(?:es)?|stages?|goes|go|moves?|runs?|flows?|from|is|are)\b|状态|流程|依次为|依次是)\s*",
    re.I,
)
_LAST_CUT = re.compile(r"[,，、]|\s(?:with|and|so|then|for|to|but|which|that)\s|，")


def _clean_status(text: str) -> str:
    text = _ARTICLE.sub("", text.strip(" \"'“”‘’"))
    return text[:1].upper() + text[1:] if text.isascii() else text


def _read_status(src: str) -> tuple[list[str], tuple[int, int]]:
    """Statuses named in order (“received → diagnosing → ready”, “status: new, open, closed”) and where."""
    at = 0
    for clause in re.split(r"(?<=[.!?;。！？；\n])", src):
        parts = _ARROW.split(clause)
        if len(parts) >= 3 or (len(parts) == 2 and _STATUS_LIST.search(clause)):
            parts[0] = _FIRST_CUT.sub("", parts[0])
            parts[-1] = _LAST_CUT.split(parts[-1])[0]
            items = [_clean_status(p).rstrip(".!?;。！？；") for p in parts]
            if all(0 < len(i) <= 30 and len(i.split()) <= 4 for i in items):
                first = clause.find(parts[0].strip())
                last = clause.rfind(parts[-1].strip()) + len(parts[-1].strip())
                return list(dict.fromkeys(items)), (at + max(first, 0), at + last)
        at += len(clause)
    found = _STATUS_LIST.search(src.lower())
    if found:
        rest = src[found.end() :]
        end = re.search(r"[.!?;。！？；\n()（）]", rest)
        segment = rest[: end.start()] if end else rest
        items = [_clean_status(i) for i in _items(segment)]
        if len(items) >= 2 and all(0 < len(i) <= (8 if has_cjk(i) else 30) and len(i.split()) <= 4 for i in items):
            return list(dict.fromkeys(items)), (found.start(), found.end() + len(segment))
    return [], (0, 0)


_ENDS = (
    (re.compile(r"\breject|\bdecline|\bdeny|\bdenied|驳回|拒绝|不批|退回"), ("Rejected", "已驳回")),
    (re.compile(r"\bcancel|取消"), ("Cancelled", "已取消")),
)


def _plain(text: str) -> str:
    """Simplified characters, lower case (a few traditional ones the shared table lacks included)."""
    return to_simplified(text).translate(_MORE_T2S)


_MORE_T2S = str.maketrans("繳訂駁覆", "缴订驳复")


def read_records(ctx: Context) -> Reading | None:
    """The record system the sentence describes, or None when it names no kind of record (read once
    per sentence: the planner asks when it ranks and again when it builds)."""
    return _read(ctx.idea, ctx.language)


@lru_cache(maxsize=64)
def _read(idea: str, language: Language) -> Reading | None:
    ctx = Context(idea, language)
    src = _plain(ctx.idea)
    low = src.lower()
    named, span = _read_status(src)
    options = _read_options(src)
    masked = _blank(low, [span, *((a, b) for a, b, _ in options)])
    mentions = _mentions(masked)
    if not mentions:
        return None
    records: dict[str, Record] = {}
    for start, _, kind in mentions:
        records.setdefault(kind.key, Record(kind, start))
    lists = _read_lists(src, masked, mentions, ctx.zh)
    for key, found in lists.fields.items():
        record = records[key]
        for one in found:
            if all(f.name != one.name for f in record.fields):
                record.fields.append(one)
    for start, _, choices in options:
        before = [m for m in mentions if m[1] <= start]
        if before:
            records[before[-1][2].key].options = [ctx.script(c) for c in choices]
    for key in lists.listed:
        records[key].listed = True
    for child, parent in lists.links:
        if parent not in records[child].parents and child not in records[parent].parents:
            records[child].parents.append(parent)
    _default_links(records)
    _drop_loose(records, mentions)
    _implied_parent(records)
    main = _main(records, lists.status_in if not named else _status_owner(mentions, span, lists.status_in))
    status, ends = _status(ctx, [ctx.script(n) for n in named], records[main].kind, bool(lists.status_in))
    reading = Reading(_ordered(records, main), main, status, ends, bool(named))
    reading.strength = _strength(reading, lists, ctx)
    return reading


def _status_owner(mentions: list[tuple[int, int, Kind]], span: tuple[int, int], status_in: str) -> str:
    """The kind whose statuses these are: the one that names a status field, else a kind with a flow named
    just before them."""
    if status_in:
        return status_in
    before = [m[2] for m in mentions if m[1] <= span[0] and m[2].flow]
    return before[-1].key if before else ""


def _default_links(records: dict[str, Record]) -> None:
    """A kind links to the kinds it usually belongs to when the sentence keeps them too (tickets → customers)."""
    for record in records.values():
        if record.parents:
            continue
        for parent in record.kind.parents:
            if parent in records and record.kind.key not in records[parent].parents and len(record.parents) < 2:
                if records[parent].kind.people and any(records[p].kind.people for p in record.parents):
                    continue  # one person per record: a loan's member, not also its reader
                record.parents.append(parent)


def _drop_loose(records: dict[str, Record], mentions: list[tuple[int, int, Kind]]) -> None:
    """Among several kinds, one named in passing (no link, no field, not listed) is no record kind:
    “anything older than 30 days flagged for donation”."""
    if len(records) < 2:
        return
    linked = {p for r in records.values() for p in r.parents} | {k for k, r in records.items() if r.parents}
    first = mentions[0][2].key
    for key in [k for k, r in records.items() if not (k in linked or r.fields or r.listed or r.options)]:
        if key != first and len(records) > 1:
            del records[key]


def _implied_parent(records: dict[str, Record]) -> None:
    """Jobs, tickets, orders, loans and requests belong to someone even when the sentence does not say who."""
    if any(r.kind.people for r in records.values()) or len(records) >= 4:
        return
    for record in list(records.values()):
        people = [p for p in record.kind.parents if kinds()[p].people]
        if record.kind.flow and people and not record.parents:
            parent = kinds()[people[0]]
            records[parent.key] = Record(parent, 10_000)
            record.parents.append(parent.key)
            return


def _status(ctx: Context, named: list[str], main: Kind, asked: bool) -> tuple[list[str], list[str]]:
    """The statuses in order (named, else the usual flow of the main kind) and the end states off
    the flow (rejected, cancelled)."""
    flow = main.flow or next(
        (key for key, f in flows().items() if not main.people and any(ctx.has(w) for w in f["words"])), ""
    )
    if not flow and asked:
        flow = "task"
    ends: list[str] = []
    if named:
        status = named
    elif flow:
        status = ctx.t.items(flows()[flow]["en"], flows()[flow]["zh"])
        ends = ctx.t.items(*flows()[flow]["ends"]) if "ends" in flows()[flow] else []
    else:
        return [], []
    low = _plain(ctx.idea).lower()
    ends += [ctx.t(*pair) for pattern, pair in _ENDS if pattern.search(low)]
    return status, [e for e in dict.fromkeys(ends) if e not in status]


def _main(records: dict[str, Record], status_in: str) -> str:
    if status_in:
        return status_in
    flowing = [r for r in records.values() if r.kind.flow]
    if flowing:
        return min(flowing, key=lambda r: r.at).kind.key
    children = [r for r in records.values() if r.parents]
    if children:
        return min(children, key=lambda r: r.at).kind.key
    things = [r for r in records.values() if not r.kind.people]
    return min(things or list(records.values()), key=lambda r: r.at).kind.key


def _ordered(records: dict[str, Record], main: str) -> list[Record]:
    """The main kind first, then the kinds it links to, then the rest in the sentence's order."""
    first = records[main]
    rest = sorted(
        (r for r in records.values() if r is not first), key=lambda r: (r.kind.key not in first.parents, r.at)
    )
    kept = [first, *rest][:4]
    keys = {r.kind.key for r in kept}
    for record in kept:
        record.parents = [p for p in record.parents if p in keys]
    return kept


_SYSTEM = re.compile(
    r"\b(?:crm|system|database|records?|register|registry|tracker|log|manager|management|admin|gradebook|roster|"
    r"ledger)\b|"
    r"管理|系统|记录|台账|登记|档案|名册"
)


_RELATION = re.compile(
    r"\b(?:their|linked to|link(?:ed)? with|for each|belongs? to|each \w+ has|per)\b|关联|对应|所属|每个|每位|每名"
)


def _strength(reading: Reading, lists: _Lists, ctx: Context) -> float:
    """How surely the sentence describes a record system (the planner weighs it against other kinds): a
    kind of record with three or more fields named, or kinds linked to each other, outweigh a word of
    another kind of app that happens to be among them (“customers with name, phone, birthday and notes”)."""
    score = 3.0 * min(len(reading.records), 4)
    score += 4.0 * sum(len(r.parents) for r in reading.records)
    score += 3.0 * min(len(lists.fields), 2) + 1.5 * min(sum(len(f) for f in lists.fields.values()), 6)
    score += 20.0 * any(len(f) >= 3 for f in lists.fields.values())
    score += 3.0 * bool(_RELATION.search(ctx.text) and any(r.parents for r in reading.records))
    score += 3.0 * bool(lists.listed) + 3.0 * any(r.options for r in reading.records)
    if reading.explicit_status:
        score += 10.0
    elif reading.status:
        score += 2.0
    if _SYSTEM.search(ctx.text):
        score += 3.0
    if len(reading.records) == 1 and not lists.fields and not reading.explicit_status:
        score = min(score, 3.0)  # one kind named in passing is no record system
    return score
