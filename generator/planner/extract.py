"""Facts in an idea's words: quantities with units, goals, listed items and the topic."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.planner.hanzi import to_simplified
from generator.planner.labels import clean_option

__all__ = ["Goal", "Quantity", "chinese_number", "find_goal", "find_list", "find_quantities", "find_topic", "unit_of"]

_UNITS: dict[str, tuple[str, ...]] = {
    "ml": ("ml", "milliliters", "millilitres", "毫升"),
    "l": ("l", "liters", "litres", "liter", "litre", "升"),
    "cup": ("cups", "cup", "glasses", "glass", "杯"),
    "kg": ("kg", "kgs", "kilograms", "kilos", "公斤", "千克"),
    "jin": ("斤",),
    "lb": ("lb", "lbs", "pounds"),
    "g": ("g", "grams", "克"),
    "km": ("km", "kilometers", "kilometres", "公里", "千米"),
    "mi": ("mi", "miles"),
    "m": ("m", "meters", "metres", "米"),
    "steps": ("steps", "步"),
    "min": ("min", "mins", "minutes", "minute", "分钟"),
    "h": ("h", "hr", "hrs", "hours", "hour", "小时", "个小时", "钟头"),
    "s": ("s", "sec", "secs", "seconds", "秒"),
    "pages": ("pages", "page", "页"),
    "kcal": ("kcal", "calories", "cal", "千卡", "大卡", "卡路里", "卡"),
    "usd": ("$", "usd", "dollars", "dollar", "美元", "美金"),
    "cny": ("元", "块", "块钱", "rmb", "人民币", "yuan"),
    "eur": ("€", "eur", "euros", "euro", "欧元"),
    "gbp": ("£", "gbp", "英镑"),
    "jpy": ("¥", "jpy", "yen", "日元"),
    "times": ("times", "次", "遍"),
    "c": ("°c", "℃", "degrees", "度"),
    "pct": ("%", "percent", "％"),
    "words": ("words", "个单词", "单词", "个词", "词"),
    "reps": ("reps", "repetitions"),
}
_LOOKUP = {alias: unit for unit, aliases in _UNITS.items() for alias in aliases}
_ALIASES = sorted(_LOOKUP, key=len, reverse=True)
_ASCII_ALIAS = "|".join(re.escape(a) for a in _ALIASES if a.isascii() and a[0].isalpha())
_OTHER_ALIAS = "|".join(re.escape(a) for a in _ALIASES if not (a.isascii() and a[0].isalpha()))
_CN_DIGITS = "零一二两三四五六七八九十百千万半"
_NUMBER = rf"(\d+(?:[.,]\d+)?|[{_CN_DIGITS}]+)"
_QUANTITY = re.compile(rf"{_NUMBER}\s*(?:({_OTHER_ALIAS})|({_ASCII_ALIAS})(?![a-z]))", re.IGNORECASE)
_PREFIX_MONEY = re.compile(r"([$€£¥])\s*(\d+(?:\.\d+)?)")
_PER = {
    "day": (
        "a day",
        "per day",
        "daily",
        "each day",
        "every day",
        "a night",
        "per night",
        "each night",
        "every night",
        "每天",
        "每日",
        "一天",
        "每晚",
        "天天",
        "日均",
        "一日",
    ),
    "week": ("a week", "per week", "weekly", "each week", "every week", "每周", "一周", "每星期"),
    "month": ("a month", "per month", "monthly", "each month", "every month", "每月", "一个月", "每个月"),
}
_GOAL_WORDS = ("goal", "target", "aim", "at least", "目标", "至少", "争取", "达到")


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str
    start: int
    end: int


@dataclass(frozen=True)
class Goal:
    value: float
    unit: str
    period: str


def unit_of(word: str) -> str | None:
    """The canonical unit for a unit word (``litres`` → ``l``, ``分钟`` → ``min``)."""
    return _LOOKUP.get(word.strip().lower())


def chinese_number(text: str) -> float | None:
    """A number written in Chinese numerals (八 → 8, 两千 → 2000, 三十五 → 35, 半 → 0.5)."""
    if text == "半":
        return 0.5
    digits = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    scales = {"十": 10, "百": 100, "千": 1000, "万": 10000}
    total, section, current = 0, 0, None
    for ch in text:
        if ch in digits:
            current = digits[ch]
        elif ch in scales:
            scale = scales[ch]
            if scale == 10000:
                total = (total + section + (current or 0)) * scale
                section, current = 0, None
            else:
                section += (1 if current is None else current) * scale
                current = None
        else:
            return None
    return float(total + section + (current or 0))


def _number(raw: str) -> float | None:
    if raw[0].isdigit():
        return float(
            raw.replace(",", ".") if raw.count(",") == 1 and len(raw.split(",")[1]) != 3 else raw.replace(",", "")
        )
    return chinese_number(raw)


def find_quantities(text: str) -> list[Quantity]:
    """Every number followed by a unit (or preceded by a currency sign), in order."""
    found: list[Quantity] = []
    simple = to_simplified(text)
    for match in _QUANTITY.finditer(simple):
        value = _number(match.group(1))
        unit = _LOOKUP.get((match.group(2) or match.group(3) or "").lower())
        if value is not None and unit is not None:
            found.append(Quantity(value, unit, match.start(), match.end()))
    for match in _PREFIX_MONEY.finditer(simple):
        found.append(Quantity(float(match.group(2)), _LOOKUP[match.group(1)], match.start(), match.end()))
    return sorted(found, key=lambda q: q.start)


def find_goal(text: str) -> Goal | None:
    """A quantity said to be reached per day/week/month or called a goal (“2 litres a day”, “每天8小时”)."""
    simple = to_simplified(text).lower()
    for quantity in find_quantities(simple):
        before = simple[max(0, quantity.start - 16) : quantity.start]
        after = simple[quantity.end : quantity.end + 24]
        for period, words in _PER.items():
            if any(w in before or w in after for w in words):
                return Goal(quantity.value, quantity.unit, period)
        if any(w in before for w in _GOAL_WORDS):
            return Goal(quantity.value, quantity.unit, "day")
    return None


_LIST_TRIGGERS = re.compile(
    r"(?:\b(?:between|among|amongst|from|for|choose|pick|like|such "
    r"as|including|include|e\.g\.|namely|options?|columns?|categories|teams?|players|habits|stages|choices|log|track"
    r"|record|input|enter)(?![a-z])|[:：]|比如|例如|包括|包含|从|在|有|选项|记录|按照|按)\s*",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|，|、|;|；|/|\band\b|\bor\b|\bvs\.?|\bversus\b|和|或者|或|与|跟|还是)\s*", re.IGNORECASE)
_END = re.compile(
    r"[.!?。！？\n—–()（）]|\s-\s|\bthen\b|\s(?:for|to|with|so|that|in|on|at|every|each|who|which)\s|之间|中间|里面|当中|中选|选"
)
_COLLECTIVE = {
    "teams",
    "team",
    "players",
    "groups",
    "options",
    "colours",
    "colors",
    "houses",
    "columns",
    "kids",
    "people",
}
_FILLER = re.compile(r"^(?:(?:the|a|an|my|our|some|either|both|tracking|logging|recording|choosing|picking)\s+)+", re.I)


def find_list(text: str, max_words: int = 4) -> list[str]:
    """Items listed in the idea (“pick between pizza, sushi and tacos”, “米饭、面条和饺子”), or []."""
    best: list[str] = []
    for trigger in _LIST_TRIGGERS.finditer(text):
        rest = text[trigger.end() :]
        end = _END.search(rest)
        segment = rest[: end.start()] if end else rest
        parts = [p for p in _SPLIT.split(segment) if p and p.strip()]
        parts = [c for c in (clean_option(p) for p in parts) if c]  # never a clause of the request
        items = [_FILLER.sub("", p.strip(" \"'“”‘’()（）")).strip() for p in parts]
        items = [i for i in items if i and len(i) <= 40 and len(i.split()) <= max_words]
        last = items[-1].split() if items else []
        if (
            len(items) >= 2
            and len(last) == 2
            and last[1].lower() in _COLLECTIVE
            and all(len(i.split()) == 1 for i in items[:-1])
        ):
            items[-1] = items[-1].split()[0]  # “Red, Blue and Green teams”: the last word names them all
        if len(items) >= 2 and len(items) == len(parts) and len(items) >= len(best):
            best = list(dict.fromkeys(items))
    return best


_TOPIC_EN = re.compile(
    r"\b(?:about|on|of|for|covering|regarding|to learn|to practice|to practise|to study)\s+"
    r"((?:the\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,3})",
    re.IGNORECASE,
)
_TOPIC_STOP = {
    "my",
    "me",
    "the",
    "a",
    "an",
    "kids",
    "students",
    "class",
    "children",
    "people",
    "users",
    "each",
    "every",
    "button",
    "click",
    "use",
    "practice",
    "fun",
    "free",
    "learning",
}
_TOPIC_END = {
    "and",
    "with",
    "that",
    "where",
    "for",
    "in",
    "to",
    "from",
    "at",
    "by",
    "so",
    "which",
    "who",
    "using",
    "app",
    "game",
    "quiz",
    "questions",
    "cards",
    "flashcards",
    "make",
    "sure",
}
_TOPIC_ZH = re.compile(r"(?:关于|有关|学习|练习)([\u4e00-\u9fff]{2,8}?)(?:的|知识|测验|小测|问答|题|卡片|$)")


def find_topic(text: str) -> str:
    """The subject a quiz or deck is about (“a quiz about American history” → “American history”)."""
    for match in _TOPIC_EN.finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in _TOPIC_STOP:
            words = words[1:]
        cut = next((i for i, w in enumerate(words) if w.lower() in _TOPIC_STOP | _TOPIC_END), None)
        words = words[:cut] if cut is not None else words
        if words:
            return " ".join(words).strip(" .,")[:60]
    found = _TOPIC_ZH.search(to_simplified(text))
    return found.group(1) if found else ""
