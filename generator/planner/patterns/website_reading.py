"""Reading a website sentence: the business or event's kind, its name, town, date and venue, the
sections it names (in the order it names them), the items and prices it lists, opening hours."""

from __future__ import annotations

import re

from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.website_kinds import FORMS, KINDS, SECTIONS, Kind, SectionWord

__all__ = [
    "find_date",
    "find_form",
    "find_hours",
    "find_kind",
    "find_name",
    "find_prices",
    "find_sections",
    "find_town",
    "find_venue",
    "kind_phrase",
]

_CAP_RUN = re.compile(r"(?:(?:[A-Z][\w'’.-]*|&)(?:\s+|$))*[A-Z][\w'’.-]*")
_GENERIC = {
    "a", "an", "build", "make", "create", "design", "website", "web", "site", "page", "homepage", "landing",
    "portfolio", "one-page", "i", "we", "my", "our", "please", "help", "for", "wedding", "rsvp", "party", "home",
    "simple", "small", "modern", "new", "one", "saas", "ai", "faq", "cv",
}  # fmt: skip
_ABBREVIATIONS = {"dr.", "mr.", "mrs.", "ms.", "st.", "mt."}
_MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_QUOTED = re.compile(r"[\"“「『《]([^\"”」』》]{2,40})[\"”」』》]")
_ZH_NAMED = re.compile(
    r"(?:叫做|叫|名叫|名为|名字是|店名是?)[“「『]?([\u4e00-\u9fffA-Za-z0-9 &]{2,16}?)[”」』]?(?:的|，|,|。|$|\s)"
)
_ZH_TOWN = re.compile(r"(?:在|位于)([\u4e00-\u9fff]{2,6}?)(?:市|区|县|镇)?(?:的|开|，|,|。)")
_EN_DATE = re.compile(
    r"\b(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?)",
    re.IGNORECASE,
)
_ZH_DATE = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:[^\s，,。、；;）)]{0,8})?")
_ZH_PLACE_END = (
    "饭店",
    "酒店",
    "餐厅",
    "公园",
    "学校",
    "礼堂",
    "中心",
    "馆",
    "厅",
    "楼",
    "广场",
    "店",
    "园",
    "堂",
    "室",
)
_PRICE = re.compile(
    r"(?P<cur>[$€£¥])\s?(?P<a>\d+(?:[.,]\d{1,2})?)|(?P<b>\d+(?:\.\d{1,2})?)\s?(?P<unit>元|块|dollars?|euros?|pounds?)",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,;:，；：、。\n]|\band\b|\bwith\b|和|及")
_FILLER = re.compile(
    r"^(?:and|with|a|an|the|our|my|for|at|is|are|costs?|priced|prices?|of|\s|:|：|-|—|是|要|价格|售价|每份|一份)+|"
    r"(?:\s|:|：|-|—|for|at|is|costs?|只要|卖|售)+$",
    re.IGNORECASE,
)
_HOURS = re.compile(
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?\s*(?:-|–|—|to|until|till|至|到|~)\s*"
    r"(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?",
    re.IGNORECASE,
)
_ZH_HOURS = re.compile(
    r"(早上|上午|中午|下午|晚上)?(\d{1,2})[点:：](\d{2})?(?:分)?\s*(?:-|—|~|至|到)\s*(早上|上午|中午|下午|晚上)?(\d{1,2})[点:：]?(\d{2})?"
)


def find_kind(ctx: Context) -> Kind | None:
    """The kind of business or event the sentence names first."""
    found = [(ctx.position(w), -len(w), i, k) for i, k in enumerate(KINDS) for w in k.words if ctx.where(w)]
    return min(found, key=lambda f: f[:3])[3] if found else None


_TRAILING = ("shop", "studio", "business", "service", "club", "practice", "clinic", "salon", "cafe", "house", "store")


_NOT_A_NAME = ("rsvp", "invitation", "invite", "邀请", "邀请函")


def kind_phrase(ctx: Context, kind: Kind | None) -> str:
    """The sentence's own words for what the site is about ("jazz band", "school's bake sale", "面馆")."""
    if kind is None:
        return ""
    found = [w for w in kind.words if ctx.where(w) and w not in _NOT_A_NAME]
    if not found:
        return ctx.t(*kind.label)
    word = min(found, key=ctx.position)
    shown = ctx.where(word) or word
    if not word.isascii():  # the word and the rest of its name ("手作" in "手作饰品店")
        longer = re.search(rf"{re.escape(word)}[\u4e00-\u9fff]{{0,4}}?[店馆厅坊屋室铺社团队]", to_simplified(ctx.idea))
        return ctx.script(longer.group(0)) if longer else shown
    core = re.escape(shown)
    after = "|".join(_TRAILING)
    phrase = re.search(
        rf"\b(?:my|our|the|a|an)\s+((?:[a-z'’-]+\s+){{0,3}}?{core}(?:\s+(?:{after})\b)?)", ctx.idea, re.IGNORECASE
    )
    return re.split(r"\b(?:for|my|our|the|a|an|of)\s+", phrase.group(1))[-1] if phrase else shown


def find_sections(ctx: Context) -> list[tuple[SectionWord, str]]:
    """Sections the sentence names, in its order, each with the sentence's own word for it."""
    found: dict[str, tuple[int, SectionWord, str]] = {}
    for section in SECTIONS:
        for word in section.words:
            shown = ctx.where(word)
            if shown and section.name not in found:
                found[section.name] = (ctx.position(word), section, shown)
    return [(s, w) for _, s, w in sorted(found.values(), key=lambda f: f[0])]


def find_form(ctx: Context, kind: Kind | None) -> str:
    """The form the site ends with: the one the sentence names, else the kind's own."""
    named = [(ctx.position(w), name) for name, words in FORMS.items() for w in words if ctx.where(w)]
    if named:
        form = min(named)[1]
        if form == "booking" and kind and kind.form in ("reservation", "order"):
            return kind.form  # "book" at a restaurant is a table, at a flower shop an order
        if form == "contact" and kind and kind.form == "wish":
            return kind.form  # the message on a card is a wish
        return form
    return kind.form if kind else "contact"


def _english_runs(idea: str) -> list[tuple[str, str, str]]:
    """Runs of capitalised words, each with the word before it and the words after it."""
    runs = []
    for match in _CAP_RUN.finditer(idea):
        words = match.group(0).split()
        ends = [i for i, w in enumerate(words) if w.endswith((".", ",")) and w.lower() not in _ABBREVIATIONS]
        if ends:  # a run stops where its sentence or clause does
            words = [*words[: ends[0]], words[ends[0]].rstrip(".,")]
        before = idea[: match.start()].rstrip()
        start_of_sentence = not before or before[-1] in ".!?:"
        while words and (words[0].lower().strip(".") in _GENERIC or (start_of_sentence and len(words) == 1)):
            words = words[1:]
            start_of_sentence = False
        words = [w for w in words if w != "I"]
        while words and (words[-1] == "&" or words[-1].lower().rstrip(".") in _GENERIC):
            words.pop()
        if not words:
            continue
        run = " ".join(words)
        if any(run.lower().startswith(m) for m in _MONTHS + _DAYS) or (run.isupper() and len(run) <= 4):
            continue
        words_before = [w.lower() for w in before.split() if w.lower() not in ("the", "a", "an")]
        previous = words_before[-1] if words_before else ""
        runs.append((previous, run, idea[match.end() :]))
    return runs


def find_name(ctx: Context, kind: Kind | None) -> str:
    """The business or event's own name as written, or "" when the sentence gives none."""
    quoted = _QUOTED.search(ctx.idea)
    if quoted:
        return ctx.script(quoted.group(1).strip())
    if ctx.zh:
        named = _ZH_NAMED.search(ctx.idea)
        if named:
            return ctx.script(named.group(1).strip())
        for word in kind.words if kind else ():
            spot = ctx.idea.find(word) if not word.isascii() else -1
            if spot > 1:
                head = re.findall(r"[\u4e00-\u9fffA-Za-z0-9]+$", ctx.idea[:spot])
                lead = re.sub(r"^.*(?:我们|我家|我的|给|为|帮|做|一个|个|家|在|的)", "", head[0]) if head else ""
                if len(lead) >= 2 and not lead.endswith(("的", "家", "个")):
                    return ctx.script(lead + word)
        return ""
    for previous, run, after in _english_runs(ctx.idea):
        if previous in ("in", "at", "on", "near"):
            continue
        if run.endswith(("'s", "’s")):
            tail = re.match(r"\s+((?:[a-z-]+\s?){1,3})", after)
            noun = [w for w in (tail.group(1).split() if tail else []) if w not in ("with", "and", "for", "in", "at")]
            return " ".join([run, *(w.capitalize() for w in noun[:2])])
        return run
    return ""


def find_town(ctx: Context) -> str:
    """The town the sentence places it in ("in Leeds", "在杭州的")."""
    if ctx.zh:
        town = _ZH_TOWN.search(ctx.idea)
        return ctx.script(town.group(1)) if town else ""
    for previous, run, _ in _english_runs(ctx.idea):
        if previous in ("in", "near"):
            return run
    return ""


def find_venue(ctx: Context) -> str:
    """Where an event takes place ("at Lakeside Barn", "（10月3日晚6点，老地方饭店）")."""
    if ctx.zh:
        for chunk in re.split(r"[，,、。（）()；;：:\s]", ctx.idea):
            if 2 <= len(chunk) <= 12 and chunk.endswith(_ZH_PLACE_END) and not chunk.startswith(("给", "做", "帮")):
                return ctx.script(re.sub(r"^(?:地点|在|位于)", "", chunk))
        return ""
    for previous, run, _ in _english_runs(ctx.idea):
        if previous == "at":
            return run
    return ""


def find_date(ctx: Context) -> str:
    """The event's date as written ("June 14 2025", "10月3日晚6点")."""
    found = (_ZH_DATE if ctx.zh else _EN_DATE).search(ctx.idea)
    return ctx.script(found.group(0).strip()) if found else ""


def find_prices(ctx: Context) -> list[tuple[str, str]]:
    """Items the sentence gives prices for, as (item, price as written)."""
    found = []
    for chunk in _SPLIT.split(ctx.idea):
        price = _PRICE.search(chunk or "")
        if not price:
            continue
        label = _FILLER.sub("", (chunk[: price.start()] + " " + chunk[price.end() :]).strip()).strip(" ()（）")
        label = re.sub(r"\s+(?:each|per|a|每)\s*$", "", label)
        label = " ".join(label.split()[-5:])
        if label and len(label) <= 60:
            found.append((ctx.script(label[:1].upper() + label[1:]), price.group(0).strip()))
    return found


def _minutes(hour: str, minute: str | None, half: str | None) -> int:
    h = int(hour) % 24
    half = (half or "").lower().replace(".", "")
    if half in ("pm", "下午", "晚上") and h < 12:
        h += 12
    if half in ("am", "早上", "上午") and h == 12:
        h = 0
    return h * 60 + int(minute or 0)


def find_hours(ctx: Context) -> str:
    """Opening hours the sentence gives as one range, written ``H:MM–H:MM`` (24 h), or ""."""
    zh = _ZH_HOURS.search(ctx.idea)
    if zh:
        start, end = _minutes(zh.group(2), zh.group(3), zh.group(1)), _minutes(zh.group(5), zh.group(6), zh.group(4))
    else:
        en = _HOURS.search(ctx.idea)
        if not en or not (en.group(3) or en.group(6) or en.group(2) or en.group(5)):
            return ""
        start = _minutes(en.group(1), en.group(2), en.group(3) or (en.group(6) if int(en.group(1)) < 12 else None))
        end = _minutes(en.group(4), en.group(5), en.group(6))
        if en.group(3) is None and en.group(6) and en.group(6).lower().startswith("p") and start >= 12 * 60:
            start -= 12 * 60
    if start >= end:
        return ""
    return f"{start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d}"
