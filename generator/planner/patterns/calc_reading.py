"""What a calculator idea says about its own numbers: named percentages, counts of people, calendar dates,
rounding rules and periods ("monthly pay", "hours a week")."""

from __future__ import annotations

import re

from generator.planner.hanzi import to_simplified

__all__ = ["count_of", "event_name", "money_amount", "month_day", "percents", "period_of", "rounds_up", "amount_near"]

_NUM = r"(\d+(?:\.\d+)?)"
_LIST = re.compile(rf"{_NUM}((?:\s*(?:/|,|，|、|or|and|或|和|及)\s*{_NUM})*)\s*(?:%|％|percent|per cent)")
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def percents(idea: str) -> list[float]:
    """Every percentage the idea names, in order, lists like "15/18/20%" and "15, 18 or 20 percent" included."""
    found: list[float] = []
    for match in _LIST.finditer(idea.lower()):
        numbers = [match.group(1), *re.findall(_NUM, match.group(2))]
        for number in numbers:
            value = float(number)
            if 0 < value <= 100 and value not in found:
                found.append(value)
    return found


def rounds_up(text: str) -> bool:
    """Whether the idea asks for results rounded up to whole units."""
    return bool(
        re.search(r"\bround(?:s|ed|ing)? (?:[\w'’]+ ){0,5}?up|向上取整|进位|凑整|取整", to_simplified(text.lower()))
    )


def _zh_number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    if word in _ZH_DIGITS:
        return _ZH_DIGITS[word]
    if len(word) == 2 and word[0] == "十" and word[1] in _ZH_DIGITS:
        return 10 + _ZH_DIGITS[word[1]]
    if len(word) in (2, 3) and word[1] == "十" and word[0] in _ZH_DIGITS:
        rest = _ZH_DIGITS.get(word[2], 0) if len(word) == 3 else 0
        return _ZH_DIGITS[word[0]] * 10 + rest
    return None


def count_of(idea: str, nouns_en: str, nouns_zh: str) -> int | None:
    """The whole number counted with one of these nouns: "4 friends", "4个人", "分成3组"."""
    text = to_simplified(idea.lower())
    match = re.search(rf"\b(\d{{1,3}})\s+(?:\w+\s+)?(?:{nouns_en})\b", text)
    if match:
        return int(match.group(1))
    match = re.search(rf"([0-9一二两三四五六七八九十]{{1,3}})\s*(?:个|位|名)?(?:{nouns_zh})", text)
    return _zh_number(match.group(1)) if match else None


_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_HOLIDAYS = (
    (r"christmas|xmas|圣诞", (12, 25)),
    (r"new year'?s? (?:day|eve)?|元旦", (1, 1)),
    (r"halloween|万圣节", (10, 31)),
    (r"valentine|情人节", (2, 14)),
    (r"national day|国庆", (10, 1)),
    (r"labou?r day|劳动节", (5, 1)),
    (r"高考|gaokao", (6, 7)),
    (r"independence day|fourth of july|4th of july", (7, 4)),
)


def month_day(idea: str) -> tuple[int, int, int | None] | None:
    """The calendar date the idea names (month, day, year when written): "June 7", "7 June", "6月7日",
    "2026-06-07", "Christmas"."""
    text = to_simplified(idea.lower())
    found: tuple[int, int, int | None] | None = None
    if match := re.search(r"\b(20\d\d)-(\d{1,2})-(\d{1,2})\b", text):
        found = int(match.group(2)), int(match.group(3)), int(match.group(1))
    elif match := re.search(r"(?:(20\d\d)\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?", text):
        found = int(match.group(2)), int(match.group(3)), int(match.group(1)) if match.group(1) else None
    elif match := re.search(rf"\b({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s*(20\d\d))?", text):
        found = _MONTHS[match.group(1)], int(match.group(2)), int(match.group(3)) if match.group(3) else None
    elif match := re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\b(?:,?\s*(20\d\d))?", text):
        found = _MONTHS[match.group(2)], int(match.group(1)), int(match.group(3)) if match.group(3) else None
    else:
        for pattern, (month, day) in _HOLIDAYS:
            if re.search(pattern, text):
                return month, day, None
    if found and 1 <= found[0] <= 12 and 1 <= found[1] <= 31:
        return found
    return None


_PERIODS = (
    ("year", r"\b(?:year|yearly|annual|annually|a year|per year)\b|年薪|每年|年收入|一年"),
    ("month", r"\b(?:month|monthly|a month|per month)\b|月薪|每月|月收入|一个月|每个月"),
    ("week", r"\b(?:week|weekly|a week|per week)\b|周薪|每周|每星期|一周|每个星期|每礼拜"),
    ("day", r"\b(?:day|daily|a day|per day)\b|日薪|每天|每日|一天"),
)


def period_of(text: str, near: str) -> str | None:
    """The period ("year", "month", "week", "day") written closest to one of the ``near`` words."""
    text = to_simplified(text.lower())
    for clause in re.split(r"[,，。;；:：!?！？]", text):  # the period in the anchor's own clause wins
        if re.search(near, clause) and (found := _nearest(clause, near)):
            return found
    return _nearest(text, near)


def _nearest(text: str, near: str) -> str | None:
    anchors = [m.start() for m in re.finditer(near, text)]
    if not anchors:
        return None
    best: tuple[int, str] | None = None
    for name, pattern in _PERIODS:
        for match in re.finditer(pattern, text):
            distance = min(abs(match.start() - a) for a in anchors)
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best and best[0] <= 24 else None


def amount_near(text: str, near: str) -> float | None:
    """A number written right before or after one of the ``near`` words ("$3,200 a month", "月薪15000")."""
    text = to_simplified(text.lower()).replace(",", "")
    after = re.search(rf"(?:{near})\D{{0,12}}?(\d+(?:\.\d+)?)", text)
    before = re.search(rf"(\d+(?:\.\d+)?)\s*(?:dollars|yuan|元|块)?\s*(?:{near})", text)
    found = before or after
    return float(found.group(1)) if found else None


def money_amount(idea: str) -> float | None:
    """The first sum of money written with its currency ("$240", "240 元", "€35.50", "NT$500")."""
    text = to_simplified(idea).replace(",", "")
    found = re.search(r"[$€£¥￥]\s*(\d+(?:\.\d+)?)|(\d+(?:\.\d+)?)\s*(?:元|块|dollars|euros|pounds|yuan)", text)
    if not found:
        return None
    return float(found.group(1) or found.group(2))


def event_name(idea: str) -> str:
    """What a countdown counts to, in the idea's words ("our Japan trip", "春节"); "" when only a date is named."""
    text = idea.strip()
    match = re.search(
        r"(?:count ?down|days|time)\s+(?:left\s+)?(?:to|until|till|before)\s+(?:the\s+|my\s+|our\s+)?"
        r"([A-Za-z][\w' -]{1,40}?)(?=\s+(?:on|in|at|with|and|is|-)\b|[,.!?(:;]|$)",
        text,
        re.IGNORECASE,
    )
    if not match:
        match = re.search(r"(?:距离|距離|离|離)([^\d，。,（(？?\s]{1,12}?)(?:还有|還有|只剩|倒计时|倒計時|\d)", text)
    if not match:
        match = re.search(r"([^\d，。,（(\s]{1,12}?)(?:倒计时|倒計時|倒数|倒數)", text)
    name = match.group(1).strip() if match else ""
    if not name or (re.search(r"\d", name) and month_day(name)) or re.fullmatch(r"[\d\s/-]+", name):
        return ""
    return name
