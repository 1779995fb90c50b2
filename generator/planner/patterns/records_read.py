"""Reading a record system in a sentence: the kinds of records it keeps, their fields, the links between
them and a status flow. The words live in data/records.json; this module is the reading."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from flashapps.spec.base import Language
from generator.planner.patterns.base import Context
from generator.planner.patterns.records_status import read_options, read_status, status_flow
from generator.planner.patterns.records_words import (
    FieldRead,
    Kind,
    blank,
    field_of,
    find_mentions,
    guessed_field,
    kinds,
    lead,
    plain,
    short,
    split_items,
)

__all__ = ["Reading", "Record", "read_records"]


@dataclass
class Record:
    """A kind of record the sentence keeps, with what the sentence says of it."""

    kind: Kind
    at: int
    fields: list[FieldRead] = field(default_factory=list)
    parents: list[str] = field(default_factory=list)
    listed: bool = False
    options: list[str] = field(default_factory=list)
    implied: bool = False


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


_OPENER = re.compile(
    r"\s*(?:[:：(（—–]|\s-\s|,?\s+(?:with|has|have|having|holds?|including|includes|stores?|storing|"
    r"needs?|records?|keeps?|fields?|columns?)\b:?|包括|包含|要有|有以下|记录|记下|登记|字段)\s*"
)


_FOR_MY = re.compile(r"\b(?:for|of)\s+(?:my|our|the|a)\s+(?:\w+\s+)?$|给(?:我的|我们的)?$")
_LIST_END = re.compile(r"[.!?;。！？；()（）\n]|→|->|=>|(?<![,，])\s(?:so|that|then|where|which|to\s+see)\s")


_PARENS = re.compile(r"[(（][^()（）]*[)）]")


_NOT_FIELD = re.compile(
    r"要|能|可以|列出|显示|统计|提醒|计算|自动|提交|审批|先|再|然后|\d|"
    r"\b(?:show|list|see|calculate|send|export|import|when|which|what)\b|"
    r"^(?:mark|tick|check|add|create|make|view|track|keep|log|print|remind|notify|flag|get|find|sort)\b"
)


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
        owners = [m for m in owners if not _FOR_MY.search(low[max(0, m[0] - 12) : m[0]])]  # “for my car”: no owner
        near = 24 if re.search(r"[:：(（—–-]", opener.group(0)) else 2  # “tickets with …”, not “…, with …”
        owner = owners[-1][2] if owners and owners[-1][1] >= opener.start() - near else None
        rest = src[opener.end() :]
        if "(" not in opener.group(0) and "（" not in opener.group(0):
            rest = _PARENS.sub(lambda m: " " * len(m.group(0)), rest)
        end = _LIST_END.search(rest)
        items = split_items(rest[: end.start()] if end else rest)
        leads = [lead(i) for i in items]
        named = {k.key for k, bare, after in leads if k and (bare or (k != owner and field_of(after) is None))}
        if owner is None and len({k.key for k, _, _ in leads if k}) == 1 and sum(bool(b) for _, b, _ in leads) <= 1:
            owner = next(k for k, _, _ in leads if k)  # “科目、作业内容、用时”: the one kind named owns the list
        of_kinds = len(named) >= 2 or (owner is None and any(k for k, _, _ in leads))
        if not items or (len(items) < 2 and owner is None):
            continue
        current = None if of_kinds else owner
        for item, (kind, bare, after) in zip(items, leads, strict=True):
            text = item
            if kind is not None and current is not None and kind.key == current.key and bare and not field_of(item):
                continue  # the owner named again among its fields
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
            if not short(text, zh):  # “hours per volunteer per month”, “where it was found”: its first words
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


def read_records(ctx: Context) -> Reading | None:
    """The record system the sentence describes, or None when it names no kind of record (read once
    per sentence: the planner asks when it ranks and again when it builds)."""
    return _read(ctx.idea, ctx.language)


@lru_cache(maxsize=64)
def _read(idea: str, language: Language) -> Reading | None:
    ctx = Context(idea, language)
    src = plain(ctx.idea)
    low = src.lower()
    named, span = read_status(src)
    options = read_options(src)
    masked = blank(low, [span, *((a, b) for a, b, _ in options)])
    mentions = find_mentions(masked)
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
    owner = lists.status_in if not named else _status_owner(mentions, span, lists.status_in)
    main = _main(records, owner, _subject_kind(masked, mentions, records))
    status, ends = status_flow(ctx, [ctx.script(n) for n in named], records[main].kind, bool(lists.status_in))
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
            records[parent.key] = Record(parent, 10_000, implied=True)
            record.parents.append(parent.key)
            return


_SUBJECT_END = re.compile(r"[,.!?:;，。！？：；（(—–]|\s-\s|\s(?:for|with|where|that|to|so|which|who|in|at)\s")


def _subject_kind(low: str, mentions: list[tuple[int, int, Kind]], records: dict[str, Record]) -> str:
    """The kind the sentence's subject ends with (“homework submission tracker”: submissions; “宠物医院的病历
    系统”: the consultations), when the subject names one."""
    end = _SUBJECT_END.search(low)
    named = [m[2].key for m in mentions if m[1] <= (end.start() if end else len(low)) and m[2].key in records]
    return named[-1] if named else ""


def _main(records: dict[str, Record], status_in: str, subject: str) -> str:
    """The kind the app is about: the one with the statuses, else one with a flow, else the subject's
    kind when it belongs to another, else the records that belong to others and have none of their own."""
    if status_in:
        return status_in
    flowing = [r for r in records.values() if r.kind.flow]
    if flowing:
        return min(flowing, key=lambda r: r.at).kind.key
    if subject and records[subject].parents:
        return subject
    children = [r for r in records.values() if r.parents]
    parents = {p for r in children for p in r.parents}
    leaves = [r for r in children if r.kind.key not in parents]  # visits of pets of owners: the visits
    if leaves or children:
        return min(leaves or children, key=lambda r: r.at).kind.key
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
    said = [r for r in reading.records if not r.implied]
    implied = {r.kind.key for r in reading.records if r.implied}
    score = 3.0 * min(len(said), 4)
    score += 4.0 * sum(len([p for p in r.parents if p not in implied]) for r in said)
    score += 3.0 * min(len(lists.fields), 2) + 1.5 * min(sum(len(f) for f in lists.fields.values()), 6)
    score += 20.0 * any(len([f for f in found if not f.guessed]) >= 3 for found in lists.fields.values())
    score += 3.0 * bool(_RELATION.search(ctx.text) and any(r.parents for r in reading.records))
    score += 3.0 * bool(lists.listed) + 3.0 * any(r.options for r in reading.records)
    if reading.explicit_status:
        score += 10.0
    elif reading.status:
        score += 2.0
    if _SYSTEM.search(ctx.text):
        score += 3.0
    if len(said) == 1 and not lists.fields and not reading.explicit_status:
        score = min(score, 3.0)  # one kind named in passing is no record system
    return score
