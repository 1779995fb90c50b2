"""Status flows in a sentence: statuses named in order (“received → diagnosing → ready”, “status: new, open,
closed”), options in brackets (“(present/late/absent)”), and the usual flow of a kind of record."""

from __future__ import annotations

import re

from generator.planner.lang import has_cjk
from generator.planner.patterns.base import Context
from generator.planner.patterns.records_words import ARTICLE, Kind, flows, plain, split_items

__all__ = ["clean_status", "read_options", "read_status", "status_flow"]


_OPTIONS = re.compile(r"[(（]([^()（）]{2,80})[)）]")


def read_options(src: str) -> list[tuple[int, int, list[str]]]:
    """Options in brackets, split by slashes: “(present/late/absent)”, “（出勤/迟到/请假/缺勤）”."""
    found = []
    for match in _OPTIONS.finditer(src):
        parts = [p.strip() for p in re.split(r"\s*[/／|]\s*", match.group(1)) if p.strip()]
        if len(parts) >= 2 and all(len(p) <= 20 for p in parts):
            found.append((match.start(), match.end(), [clean_status(p) for p in parts]))
    return found


_ARROW = re.compile(r"\s*(?:→|->|=>|⟶|➔|➡️?|⇒|＞|>)\s*")


_STATUS_LIST = re.compile(
    r"(?:\bstatus(?:es)?(?:\s+(?:board|tracker|flow|list|columns?)\b[^:：.!?\n]{0,40}?(?=[:：]))?|\bstages?|\bstates?|"
    r"\bworkflow|状态(?:看板|流程)?[^:：。！？\n]{0,12}?(?=[:：])|状态|阶段)"
    r"(?:\s*(?:is|are|goes|go|of|like|such as|依次为|依次是|分为|有|为|是))?\s*[:：]\s*"
)


_FIRST_CUT = re.compile(
    r".*(?:[,，、:：]|\b(?:status(?:es)?|stages?|goes|go|moves?|runs?|flows?|from|is|are)\b|状态|流程|依次为|依次是)\s*",
    re.I,
)


_LAST_CUT = re.compile(r"[,，、]|\s(?:with|and|so|then|for|to|but|which|that)\s|，")


def clean_status(text: str) -> str:
    text = ARTICLE.sub("", text.strip(" \"'“”‘’"))
    return text[:1].upper() + text[1:] if text.isascii() else text


def read_status(src: str) -> tuple[list[str], tuple[int, int]]:
    """Statuses named in order (“received → diagnosing → ready”, “status: new, open, closed”) and where."""
    at = 0
    for clause in re.split(r"(?<=[.!?;。！？；\n])", src):
        parts = _ARROW.split(clause)
        if len(parts) >= 3 or (len(parts) == 2 and _STATUS_LIST.search(clause)):
            parts[0] = _FIRST_CUT.sub("", parts[0])
            parts[-1] = _LAST_CUT.split(parts[-1])[0]
            items = [clean_status(p).rstrip(".!?;。！？；") for p in parts]
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
        items = [clean_status(i) for i in split_items(segment)]
        if len(items) >= 2 and all(0 < len(i) <= (8 if has_cjk(i) else 30) and len(i.split()) <= 4 for i in items):
            return list(dict.fromkeys(items)), (found.start(), found.end() + len(segment))
    return _read_steps(src)


_STEPS_ZH = re.compile(
    r"先(?:由|到|交|给)?([^，,。；;先再]{2,10})[，,]?\s*(?:再|然后|之后)(?:由|到|交|给)?([^，,。；;]{2,10})"
)
_DONE_BY = re.compile(r"(?:审批|批准|审核|同意|签字|确认|备案|处理)$")


def _read_steps(src: str) -> tuple[list[str], tuple[int, int]]:
    """Steps a record waits at, in order (“先部门经理审批，再到HR备案” → 待部门经理审批 → 待HR备案 → 已完成)."""
    found = _STEPS_ZH.search(src)
    if not found or not all(_DONE_BY.search(step) for step in found.groups()):
        return [], (0, 0)
    return [*(f"待{step}" for step in found.groups()), "已完成"], found.span()


_ENDS = (
    (re.compile(r"\breject|\bdecline|\bdeny|\bdenied|驳回|拒绝|不批|退回"), ("Rejected", "已驳回")),
    (re.compile(r"\bcancel|取消"), ("Cancelled", "已取消")),
)


def status_flow(ctx: Context, named: list[str], main: Kind, asked: bool) -> tuple[list[str], list[str]]:
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
    low = plain(ctx.idea).lower()
    ends += [ctx.t(*pair) for pattern, pair in _ENDS if pattern.search(low)]
    return status, [e for e in dict.fromkeys(ends) if e not in status]
