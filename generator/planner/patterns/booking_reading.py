"""What a booking idea says about its slots, days, capacity, resources and seats.

Each reader takes the idea's text (lower case, simplified Chinese) and returns what it found,
or None, so the builder can fall back to a default that suits the kind of place.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from flashapps.spec import DataField
from generator.planner.patterns.base import Context
from generator.planner.patterns.game_reading import number

__all__ = [
    "Resource",
    "extra_fields",
    "find_capacity",
    "find_hours",
    "find_per_person",
    "find_resource",
    "find_seat_grid",
    "find_slot_minutes",
    "find_weekdays",
]

_NUM = r"(\d+|[一二两三四五六七八九十]+)"
_EN_NUM = r"(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"


def find_slot_minutes(text: str) -> int | None:
    """The length of a slot: "30-minute slots", "lessons are 45 minutes", "每节课45分钟", "每小时一个时段"."""
    if re.search(r"半(个)?小时|half[- ]an[- ]hour|half[- ]hour", text):
        return 30
    minutes = re.search(r"(\d+)\s*-?\s*(?:minutes?|mins?\b|分钟)", text)
    if minutes and 5 <= int(minutes.group(1)) <= 240:
        return int(minutes.group(1))
    hours = re.search(_EN_NUM + r"[- ]hours?\b(?! ?(?:a|per) (?:day|person))|" + _NUM + r"(?:个)?小时(?:一|为一)", text)
    if hours:
        found = number(hours.group(1) or hours.group(2))
        return found * 60 if found and found <= 8 else None
    if re.search(r"hourly|every hour|per hour|each hour|每(个)?小时|一小时一", text):
        return 60
    return None


_AM_PM = r"\s*(am|pm|a\.m\.|p\.m\.)?"
_EN_RANGE = re.compile(
    r"(?:from\s+)?(\d{1,2})(?:[:.](\d\d))?" + _AM_PM + r"\s*(?:to|until|till|-|–)\s*(\d{1,2})(?:[:.](\d\d))?" + _AM_PM
)
_ZH_PART = r"(早上|上午|中午|下午|傍晚|晚上|凌晨)?"
_ZH_RANGE = re.compile(
    _ZH_PART
    + r"(\d{1,2})(?:[:：](\d\d)|点半|点|時)?\s*(?:到|至|-|–|~)\s*"
    + _ZH_PART
    + r"(\d{1,2})(?:[:：](\d\d)|点半|点)?"
)


def _clock(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


def _afternoon(hour: int, part: str | None) -> int:
    if part in ("pm", "p.m.", "下午", "傍晚", "晚上") and hour < 12:
        return hour + 12
    if part in ("am", "a.m.") and hour == 12:
        return 0
    return hour


def find_hours(text: str) -> tuple[str, str] | None:
    """Opening and closing times: "from 9 to 17", "3pm to 7pm", "早上9点到晚上10点", "9:00-18:00"."""
    zh = _ZH_RANGE.search(text)
    if zh and (zh.group(1) or zh.group(4) or "点" in zh.group(0) or zh.group(3)):
        start = _afternoon(int(zh.group(2)), zh.group(1))
        end = _afternoon(int(zh.group(5)), zh.group(4) or zh.group(1))
        found = (start, int(zh.group(3) or 0), end, int(zh.group(6) or 0))
    else:
        en = None
        for match in _EN_RANGE.finditer(text):
            before = text[max(0, match.start() - 12) : match.start()]
            if match.group(3) or match.group(6) or match.group(2) or "from" in match.group(0) or "open" in before:
                en = match
                break
        if en is None:
            return None
        start, end = int(en.group(1)), int(en.group(4))
        end_part = en.group(6)
        start = _afternoon(start, en.group(3) or (end_part if start < end else None))
        end = _afternoon(end, end_part)
        if not en.group(3) and not end_part and end <= start:
            end += 12  # "from 9 to 5"
        if not en.group(3) and not end_part and end <= 7:
            start, end = start + 12, end + 12  # "from 3 to 6": the afternoon
        found = (start, int(en.group(2) or 0), end, int(en.group(5) or 0))
    start, start_min, end, end_min = found
    if not (0 <= start < end <= 24 and start_min < 60 and end_min < 60):
        return None
    return _clock(start, start_min), _clock(min(end, 23), end_min if end < 24 else 59)


_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAYS_ZH = "一二三四五六日"


def _day_index(word: str) -> int | None:
    word = word.strip()
    for n, name in enumerate(_DAYS_EN):
        if word.startswith(name[:3]):
            return n
    if word and word[-1] in _DAYS_ZH + "天":
        return 6 if word[-1] == "天" else _DAYS_ZH.index(word[-1])
    return None


def find_weekdays(text: str) -> list[int] | None:
    """The days of the week bookings are open: "monday to friday", "weekdays", "周一到周五", "on thursday"."""
    day = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*|(?:周|星期|礼拜)[一二三四五六日天]"
    span = re.search(rf"({day})\s*(?:to|through|thru|-|–|~|到|至)\s*({day})", text)
    if span:
        first, last = _day_index(span.group(1)), _day_index(span.group(3))
        if first is not None and last is not None:
            return list(range(first, last + 1)) if first <= last else [*range(first, 7), *range(0, last + 1)]
    if re.search(r"weekdays|work ?days|工作日|school days", text):
        return [0, 1, 2, 3, 4]
    if re.search(r"weekends?\b|周末", text):
        return [5, 6]
    if re.search(r"every ?day|daily|7 days|每天|天天", text):
        return None
    named = [_day_index(m.group(0)) for m in re.finditer(day, text)]
    found = sorted({n for n in named if n is not None})
    return found or None


def find_capacity(text: str) -> int | None:
    """How many people one slot takes: "max 4 people per session", "每场限30人", "up to 10 per class"."""
    patterns = (
        r"(?:max(?:imum)?|at most|up to|limit(?:ed)? to|capacity(?: of)?|no more than)\s*(?:of\s*)?(\d+)\s*"
        r"(?:people|persons|players|students|kids|children|guests|participants|spots|places|per|each|a\b)",
        r"(?:max(?:imum)?|at most|up to|limit(?:ed)? to|no more than)\s*(\d+)\s*[a-z]+\s*(?:per|each|a|an|in a)\s*"
        r"(?:slot|session|class|lesson|time|event|tour|workshop|group|hour|court|lane)",
        r"(\d+)\s*(?:people|persons|players|students|guests|participants|spots|places|seats)\s*(?:per|each|a|an)\b",
        r"(?:每|一)(?:场|节|个时段|时段|次|班|节课|堂|期|个场次)?(?:最多|限|可|容纳|限额)?"
        + _NUM
        + r"\s*(?:人|位|个名额|名)",
        r"(?:限|最多|名额)" + _NUM + r"\s*(?:人|位|名)",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            found = number(match.group(1))
            if found and 1 <= found <= 1000:
                return found
    if re.search(r"only be (?:taken|booked) once|one (?:person|family|booking) per|only one", text):
        return 1
    return None


def find_per_person(text: str, slot_minutes: int) -> int | None:
    """How many slots one person may book a day: "每个人一天最多订2小时", "max 2 bookings per person"."""
    zh = re.search(
        r"每(?:个)?人(?:每天|一天|每日)?(?:最多|只能|限)(?:订|约|预约|预订)?" + _NUM + r"\s*(个小时|小时|个|次|节|场)?",
        text,
    )
    en = re.search(
        r"(?:max(?:imum)?|at most|up to|no more than|only)\s*(\d+|one|two|three|four)\s*"
        r"(hours?|bookings?|slots?|sessions?|seats?|tickets?)"
        r"\s*(?:a|per|each)\s*(?:person|day|member|student|family)",
        text,
    )
    found = zh or en
    if not found:
        return None
    count = number(found.group(1))
    if not count:
        return None
    if "小时" in (found.group(2) or "") or (found.group(2) or "").startswith("hour"):
        return max(1, math.ceil(count * 60 / slot_minutes))
    return count


@dataclass(frozen=True)
class Resource:
    """A kind of thing booked (a court, a room, a teacher), how many the idea has (None: not said),
    and whether the visitor chooses one (places always; people when the idea says to choose)."""

    key: str
    en: str
    zh: str
    count: int | None
    chosen: bool


_PLACES: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("court", "Court", "场地", ("court", "pitch", "场地", "球场", "块场")),
    ("room", "Meeting room", "会议室", ("meeting room", "conference room", "会议室")),
    ("room", "Room", "房间", ("study room", "practice room", "music room", "room", "琴房", "房间", "教室")),
    ("table", "Table", "桌", ("table", "桌")),
    ("lane", "Lane", "泳道", ("lane", "泳道", "球道")),
    ("desk", "Desk", "工位", ("desk", "工位")),
    ("bike", "Bike", "单车", ("bike", "单车", "自行车")),
)
_PEOPLE: tuple[tuple[str, str, str, tuple[str, ...]], ...] = (
    ("teacher", "Teacher", "老师", ("teacher", "tutor", "coach", "instructor", "老师", "教练", "导师")),
    ("doctor", "Doctor", "医生", ("doctor", "dentist", "医生", "大夫")),
    ("stylist", "Stylist", "技师", ("stylist", "barber", "technician", "理发师", "美甲师", "技师")),
)
_CHOOSE = r"(?:choose|pick|select|with|选择|选|挑)[^,.;，。；]{0,10}?"


def _count_of(text: str, word: str) -> tuple[bool, int | None]:
    """Whether ``word`` is in the text, and the count written before it, if any."""
    if word.isascii():
        found = list(re.finditer(rf"(?:{_EN_NUM}\s+(?:\w+\s+)?)?(?<![\w-]){word}s?\b", text))
    else:
        found = list(re.finditer(rf"(?:{_NUM}\s*(?:个|间|块|张|位|名|条|台|号)?\s*(?:\w{{0,3}}?))?{word}", text))
    counts = [number(m.group(1)) for m in found if m.group(1)]
    counts = [c for c in counts if c and 1 <= c <= 30]
    return bool(found), (counts[0] if counts else None)


def find_resource(text: str) -> Resource | None:
    """The kind of thing booked and how many: "4 courts", "4块场地", "three meeting rooms", "选医生"."""
    for people, table in ((False, _PLACES), (True, _PEOPLE)):
        for key, en, zh, words in table:
            for word in words:
                present, count = _count_of(text, word)
                if not present:
                    continue
                chosen = not people or count is not None or bool(re.search(_CHOOSE + re.escape(word), text))
                return Resource(key, en, zh, count, chosen)
    return None


def find_seat_grid(text: str) -> tuple[int, int] | None:
    """Rows and seats a row: "10 rows of 12 seats", "6x8", "5排每排8个座位", "40 seats"."""
    patterns = (
        r"(\d+)\s*rows?\s*(?:of|with|x|×|by|and)\s*(\d+)",
        r"(\d+)\s*(?:x|×|\*|by)\s*(\d+)",
        _NUM + r"\s*(?:排|行)\s*(?:每(?:排|行))?\s*" + _NUM + r"\s*(?:个|座|列|位)",
        _NUM + r"\s*(?:行|排)\s*" + _NUM + r"\s*列",
    )
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            rows, columns = number(match.group(1)), number(match.group(2))
            if rows and columns and rows <= 26 and columns <= 30:
                return rows, columns
    total = re.search(r"(\d+)\s*(?:seats|个座位|座位|个位子)", text)
    if total and 2 <= int(total.group(1)) <= 780:
        count = int(total.group(1))
        columns = next((c for c in (8, 6, 10, 12, 9, 7, 5, 4) if count % c == 0 and count // c <= 26), 10)
        return min(math.ceil(count / columns), 26), columns
    return None


_EXTRAS: tuple[tuple[tuple[str, ...], str, str, str, tuple[list[str], list[str]] | None], ...] = (
    (("phone", "mobile", "手机", "电话", "联系方式", "contact"), "phone", "Phone", "手机号", None),
    (("child", "kid", "parent", "孩子", "家长", "子女"), "child", "Child's name", "孩子姓名", None),
    (("student id", "student number", "学号"), "sid", "Student ID", "学号", None),
    (("email", "e-mail", "邮箱"), "email", "Email", "邮箱", None),
    (
        ("nail", "manicure", "美甲"),
        "service",
        "Service",
        "项目",
        (["Manicure", "Pedicure", "Gel polish", "Nail art"], ["美甲", "美足", "光疗甲", "彩绘"]),
    ),
    (
        ("hair", "barber", "理发", "美发"),
        "service",
        "Service",
        "项目",
        (["Haircut", "Colour", "Wash & blow-dry"], ["剪发", "染发", "洗吹"]),
    ),
    (
        ("massage", "spa", "按摩", "推拿"),
        "service",
        "Service",
        "项目",
        (["30-minute massage", "60-minute massage", "Foot massage"], ["30分钟按摩", "60分钟按摩", "足疗"]),
    ),
    (
        ("department", "科室"),
        "department",
        "Department",
        "科室",
        (["Internal medicine", "Surgery", "Paediatrics", "Dermatology"], ["内科", "外科", "儿科", "皮肤科"]),
    ),
)


def extra_fields(ctx: Context) -> list[DataField]:
    """What else a visitor gives besides a name: a phone, a child's name, a student ID, a service…"""
    found: dict[str, DataField] = {}
    for words, name, en, zh, options in _EXTRAS:
        if name in found or not ctx.has(*words):
            continue
        if options is None:
            found[name] = DataField(name=name, label=ctx.t(en, zh))
        else:
            choices = ctx.t.items(*options)
            found[name] = DataField(name=name, label=ctx.t(en, zh), type="choice", options=choices, default=choices[0])
    return list(found.values())[:3]
