"""The rule a record-keeping sentence states, read with its numbers: a yearly allowance of days off with approval
(“15 days a year”, “每年12天年假”), loans with a due date and a fine (“due 30 days later, 0.5 a day late”, “借期14天，
逾期每天罚款1元”), who has no record in a month (“pick a month and list who has not paid”, “谁还没交”), and health
readings flagged beyond limits (“above 140/90”, “空腹超过7.0标红”)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.planner.patterns.base import Context

__all__ = ["RuleRead", "read_rule"]

_NUM = r"(\d+(?:\.\d+)?|[一二两三四五六七八九十]+)"
_CN = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def _number(text: str) -> float:
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text)
    if text.startswith("十"):
        return 10 + _CN.get(text[1:], 0) if len(text) > 1 else 10
    if "十" in text:
        head, _, tail = text.partition("十")
        return _CN.get(head, 1) * 10 + (_CN.get(tail, 0) if tail else 0)
    return float(_CN.get(text, 0))


@dataclass
class RuleRead:
    """A rule found in a sentence, with what it counts."""

    rule: str
    amount: float = 0
    fine: float = 0
    unit: str = ""
    measure: str = ""
    limits: dict[str, tuple[float | None, float | None]] = field(default_factory=dict)
    words: tuple[str, ...] = ()


_LEAVE = ("leave", "time off", "time-off", "vacation", "holiday", "pto", "请假", "休假", "年假", "假期", "特休", "调休")
_ASK = ("request", "apply", "approv", "申请", "审批", "批准", "核准", "审核")
_BALANCE = ("allowance", "balance", "days left", "remaining", "entitle", "剩余", "余额", "餘額", "剩下", "额度")
_YEARLY = re.compile(
    rf"{_NUM}\s*(?:-\s*)?(?:days?|working days?)\s*(?:of\s+\w+\s+)?(?:a|per|each|every)\s+year|"
    rf"(?:annual|yearly)\s+(?:allowance|leave|balance|quota)?\s*(?:of\s+)?{_NUM}\s*days?|"
    rf"{_NUM}\s*(?:-\s*)?days?\s+(?:annual|yearly|of annual)|"
    rf"(?:每人)?(?:每年|一年|年度)(?:有|可休|享有)?(?:年假|假期|休假|特休)?\s*{_NUM}\s*天|{_NUM}\s*天\s*(?:的)?(?:年假|假期|特休)"
)

_LEND = ("loan", "lend", "borrow", "checkout", "check out", "借阅", "借书", "借出", "借用", "借还", "出借", "借")
_DUE = re.compile(
    rf"(?:due|return(?:ed)?|back)\s+(?:date\s+)?(?:in|after|within)?\s*{_NUM}\s*days?|{_NUM}\s*days?\s+(?:later|after|loan|loans|"
    rf"to return|period)|for\s+{_NUM}\s*days|"
    rf"借期\s*{_NUM}\s*天|{_NUM}\s*天\s*(?:后|之后|内|內)?\s*(?:归还|还|到期|应还)|{_NUM}\s*天\s*(?:的)?借期"
)
_FINE = re.compile(
    r"(?:fine|charge|penalty|late fee)[^.;。；]{0,30}?([$¥€£])?\s*(\d+(?:\.\d+)?)\s*(元|块|dollars?|cents?)?"
    r"|([$¥€£])\s*(\d+(?:\.\d+)?)\s*(?:a|per|each)\s+day"
    r"|(\d+(?:\.\d+)?)\s*(元|块|dollars?)?\s*(?:a|per|each)\s+day\s+late"
    r"|(?:每天|每日)\s*(?:罚款?|罰款?|罚金|罰金|收)?\s*(\d+(?:\.\d+)?)\s*(元|块|角)?"
    r"|(?:罚款|罰款|罚金|罰金)\s*(\d+(?:\.\d+)?)\s*(元|块|角)?"
)
_LATE = ("overdue", "fine", "late", "due date", "逾期", "罚款", "罰款", "到期", "超期")

_UNPAID = re.compile(
    r"(?:has|have|had)\s*n[o']t\s+(?:yet\s+)?(?:paid|checked in|signed in|submitted)|"
    r"not\s+(?:yet\s+)?(?:paid|checked in)|"
    r"unpaid|who\s+(?:still\s+)?owes?|yet to pay|didn'?t pay|"
    r"(?:还|還)?(?:没|沒|未)(?:有)?(?:交|缴|繳|付|签到|簽到|打卡)"
)

_PERIOD = ("month", "week", "term", "semester", "月", "周", "週", "学期", "學期")
"""Who has no record is asked of a period: a month, a week, a term."""
_BP = ("blood pressure", "systolic", "血压", "高压", "收缩压")
_SUGAR = ("blood sugar", "glucose", "血糖")
_TEMP = ("temperature", "fever", "体温", "发烧")
_BP_PAIR = re.compile(r"(\d{2,3})\s*/\s*(\d{2,3})")
_ABOVE = re.compile(
    r"(?:above|over|greater than|higher than|more than|exceeds?|>|超过|高于|大于|超過|高於|大於)\s*(\d+(?:\.\d+)?)"
)
_BELOW = re.compile(r"(?:below|under|less than|lower than|<|低于|小于|低於|小於)\s*(\d+(?:\.\d+)?)")


def _first(pattern: re.Pattern[str], text: str) -> float | None:
    found = pattern.search(text)
    if not found:
        return None
    value = next((g for g in found.groups() if g), None)
    return _number(value) if value else None


def _fine(text: str) -> tuple[float, str]:
    found = _FINE.search(text)
    if not found:
        return 0.0, ""
    groups = [g for g in found.groups() if g]
    amount = next((float(g) for g in groups if re.fullmatch(r"\d+(?:\.\d+)?", g)), 0.0)
    unit = next((g for g in groups if not re.fullmatch(r"\d+(?:\.\d+)?", g)), "")
    if unit in ("角",):
        amount, unit = amount / 10, "元"
    if unit in ("块",):
        unit = "元"
    if unit.startswith("cent"):
        amount, unit = amount / 100, ""
    if unit.startswith("dollar"):
        unit = "$"
    return amount, unit


def _health(ctx: Context) -> RuleRead | None:
    text = ctx.text
    if ctx.has(*_BP):
        pair = _BP_PAIR.search(text)
        high, low = (float(pair.group(1)), float(pair.group(2))) if pair else (140.0, 90.0)
        limits: dict[str, tuple[float | None, float | None]] = {"systolic": (high, None), "diastolic": (low, None)}
        limits["pulse"] = (100.0, 50.0)
        return RuleRead("threshold", measure="bp", limits=limits, words=("blood pressure",))
    if ctx.has(*_SUGAR):
        mg = "mg/dl" in text or "mg" in text.split()
        above = _first(_ABOVE, text)
        below = _first(_BELOW, text)
        default_high = 126.0 if mg else 7.0
        limits = {"fasting": (above or default_high, below or (70.0 if mg else 3.9))}
        limits["after"] = (200.0 if mg else 11.1, below or (70.0 if mg else 3.9))
        return RuleRead("threshold", measure="sugar", unit="mg/dL" if mg else "mmol/L", limits=limits)
    if ctx.has(*_TEMP) and (ctx.has("flag", "red", "above", "over", "标红", "超过", "超過", "標紅", "提醒")):
        above = _first(_ABOVE, text) or 37.5
        fahrenheit = above > 50
        return RuleRead("threshold", measure="temp", unit="°F" if fahrenheit else "°C", limits={"temp": (above, None)})
    return None


_EXPIRY = ("expir", "best before", "use by", "use-by", "保质期", "保質期", "临期", "臨期")
_LAPSE = ("过期", "過期", "到期")
_FOOD = ("food", "fridge", "pantry", "medicine", "食品", "食物", "冰箱", "药", "藥", "零食", "牛奶", "调料", "調料")
_SOON = re.compile(
    rf"(?:within|in|next|before)\s*{_NUM}\s*days?|{_NUM}\s*days?\s+(?:before|ahead|left)|{_NUM}\s*天\s*(?:内|內|之内|以内)"
)
_OLDER = re.compile(
    rf"(?:older than|more than|over|after|unclaimed (?:for|after))\s*{_NUM}\s*days?|"
    rf"{_NUM}\s*days?\s+(?:old|later|unclaimed)|"
    rf"(?:超过|超過|满|滿)\s*{_NUM}\s*天|{_NUM}\s*天\s*(?:后|後|以上|未|无人|無人)"
)
_WARN = (
    "warn",
    "flag",
    "alert",
    "notif",
    "remind",
    "soon",
    "red",
    "提醒",
    "标红",
    "標紅",
    "快过期",
    "快過期",
    "即将",
    "即將",
)
_KEPT = ("lost and found", "lost & found", "lost property", "失物", "招领", "招領", "donate", "捐", "clear out", "清理")


def _age(ctx: Context) -> RuleRead | None:
    expiry = ctx.has(*_EXPIRY) or (ctx.has(*_LAPSE) and ctx.has(*_FOOD))
    soon = _first(_SOON, ctx.text)
    if expiry and (soon or ctx.has(*_WARN)) and not ctx.has(*_LEND):  # a list of dates alone is an inventory
        return RuleRead("age", amount=soon or 3, measure="soon")
    older = _first(_OLDER, ctx.text)
    if ctx.has(*_KEPT) and (older or ctx.has("lost and found", "失物")):
        return RuleRead("age", amount=older or 30, measure="older")
    return None


def read_rule(ctx: Context) -> RuleRead | None:
    """The rule the sentence states, or None when it states none of these."""
    text = ctx.text
    if ctx.has(*_LEAVE) and (ctx.has(*_ASK) or ctx.has(*_BALANCE)):
        days = _first(_YEARLY, text)
        if days or ctx.has(*_BALANCE):
            return RuleRead("allowance", amount=days or 15, words=tuple(w for w in _LEAVE if ctx.has(w))[:2])
    if ctx.has(*_LEND) and (_DUE.search(text) or ctx.has(*_LATE)):
        fine, unit = _fine(text)
        days = _first(_DUE, text) or 14
        return RuleRead("loan", amount=days, fine=fine, unit=unit, words=tuple(w for w in _LEND if ctx.has(w))[:2])
    if _UNPAID.search(text) and ctx.has(*_PERIOD) and not ctx.has("invoice", "发票"):
        return RuleRead("unpaid", words=(_UNPAID.search(text).group(0),))  # type: ignore[union-attr]
    return _health(ctx) or _age(ctx)
