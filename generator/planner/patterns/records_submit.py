"""Forms that many people fill in, read as the sentence says them: an exit ticket (“each student enters their
name, one thing they learned and a rating from 1 to 5”), a sign-up sheet (“people pick a date, say what dish
they will bring and leave a phone number”; “guests choose mains, sides, desserts or drinks”). Each person's
answer is a record with the fields listed, typed by what they name; the organiser sees them by day, with
counts per named category and the average rating."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    Component,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
)
from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.records import title_case
from generator.planner.patterns.records_named import GROUPS, named_list

__all__ = ["PATTERN", "SubmitRead", "read_submission"]

_WHO = (
    r"(?:each|every|the|all|my|our|other)?\s*(?:students?|pupils?|kids?|children|child|guests?|parents?|people|"
    r"persons?|volunteers?|friends?|members?|neighbou?rs?|participants?|attendees?|everyone|everybody|learners?|"
    r"players?|families|colleagues|team ?mates?)\s+(?:can\s+|will\s+|should\s+|must\s+|just\s+)?"
)
_VERB = (
    r"(?:enters?|types?|submits?|writes?|fills?\s+in|answers?|picks?|chooses?|says?|leaves?|gives?|adds?|puts?|"
    r"signs?\s+up\s+(?:with|for)|selects?|tells?|records?|shares?|notes?)\b"
)
_EN_OPEN = re.compile(_WHO + _VERB, re.I)
_ZH_OPEN = re.compile(
    r"(?:学生|同学|孩子|家长|大家|每人|每个人|每位|参与者|志愿者|嘉宾|客人|朋友|成员|队员)[^，。；,.;]{0,6}?"
    r"(?:填写|填|输入|写下|写|提交|选择|选|报名|登记|留下|留)"
)
_END = re.compile(
    r"[.!?;。！？；\n]|,?\s+(?:so\s+(?:that\s+)?|then|and\s+(?:i|we|the teacher)\b|i\s+(?:want|can|see|need))|"
    r"[,，]\s*(?=(?:and\s+)?(?:show|see|list|warn|count|with\s+a|grouped|sorted|split|divided|显示|统计|提醒|老师|我|分成|分为))"
)
_SPLIT = re.compile(r"\s*(?:,|，|、|;|\band\b|以及|和|及)\s*")
_ITEM_VERB = re.compile(_VERB.replace(r")\b", r")\s+") + "|^(?:填写|填|输入|写下|写|选择|选|留下|留)", re.I)
_ARTICLE = re.compile(r"^(?:(?:a|an|the|their|your|his|her|its|our|own|also)\s+)+", re.I)
_RANGE = re.compile(r"\s*(?:from\s+)?(\d{1,2})\s*(?:-|–|to|到|至|~)\s*(\d{1,2})(?:\s*(?:stars?|分|星|颗星))?", re.I)
_RATE = re.compile(r"^(?:rate|rating of|score)\s+|^(?:打分|评分)", re.I)
_TRIGGER = re.compile(
    r"\b(?:exit (?:ticket|slip)s?|sign[- ]?up(?: sheet| form)?s?|meal train|potluck|check[- ]in form|"
    r"feedback form|reflection form|rsvp)\b|报名|接龙|签到表|反馈表|课后反馈|登记表",
    re.I,
)
_ONCE = re.compile(
    r"\bonce\b|only one|one (?:per|each|a day)|exit (?:ticket|slip)|"
    r"每人一次|只能交一次|只能填一次|每天一次|只能提交一次",
    re.I,
)
_DAY = re.compile(
    r"\b(?:today|each day|every day|per day|daily|by day|for a day|end of (?:class|the day))\b|"
    r"每天|今天|当天|按日期|按天"
)


_OTHER_KIND = re.compile(
    r"\b(?:practi[cs]e|quiz|game|test|right answer|correct|guess|flashcards?|levels?|score board)\b|"
    r"练习|测验|游戏|答题|猜|对奖|中奖"
)


@dataclass(frozen=True)
class SubmitRead:
    """One field a person fills in, as the sentence names it."""

    name: str
    label: str
    type: str
    options: tuple[str, ...] = ()
    low: int = 1
    high: int = 5


def _named(label: str, kind: str, name: str, low: int = 1, high: int = 5) -> SubmitRead:
    return SubmitRead(name, label, kind, (), low, high)


_KNOWN = (
    (re.compile(r"^(?:full\s+)?(?:name|names|姓名|名字|座号|学号)$|^who\b", re.I), "name", "text"),
    (re.compile(r"\b(?:date|day)\b|日期|哪天|几号", re.I), "date", "date"),
    (re.compile(r"\b(?:phone|mobile|cell)\b|电话|手机", re.I), "phone", "text"),
    (re.compile(r"\be-?mail\b|邮箱|邮件", re.I), "email", "text"),
    (re.compile(r"\btime\b|时间|几点", re.I), "time", "text"),
)


def _field(item: str, zh: bool, index: int) -> SubmitRead | None:
    text = re.sub(r"^(?:还有|還有|并且|並且|另外|以及)", "", item.strip(" \"'“”"))
    text = _ARTICLE.sub("", _ITEM_VERB.sub("", text).strip()).strip()
    if not text:
        return None
    low = to_simplified(text).lower()
    for pattern, name, kind in _KNOWN:
        if pattern.search(low):
            known = {"name": ("Name", "姓名"), "date": ("Date", "日期"), "phone": ("Phone", "电话")}.get(name)
            shown = (known[1] if zh else known[0]) if known else title_case(text)
            return _named(shown if name != "time" else title_case(text), kind, name)
    rated = _RANGE.search(text)
    rate = _RATE.search(text)
    if rated or rate or re.search(r"\b(?:rating|stars?)\b|评分|打分|几颗星", low):
        low_n, high_n = (int(rated.group(1)), int(rated.group(2))) if rated else (1, 5)
        label = _RATE.sub("", _RANGE.sub("", text)).strip(" ,") or ("评分" if zh else "Rating")
        if 0 <= low_n < high_n <= 10:
            return _named(title_case(label), "rating", f"rating_{index}", low_n, high_n)
    which = re.match(r"^(?:what|which)\s+([a-z]+)\b", low) or re.match(
        r"^([a-z]+)\s+(?:they|you|i|we|he|she)(?:'re|'ll|'d|\s+(?:are|will|would|want|bring|make))", low
    )
    if which and which.group(1) not in ("they", "you", "he", "she", "i", "we", "is", "was"):
        return _named(title_case(which.group(1)), "text", f"{which.group(1)[:20]}_{index}")
    if re.search(r"\b(?:how many|number of|count)\b|几个|多少个|人数", low):
        return _named(title_case(text), "int", f"count_{index}")
    if re.search(r"\b(?:price|cost|amount|paid|fee)\b|\$|金额|费用|价格", low):
        return _named(title_case(text), "float", f"amount_{index}")
    if re.match(r"^(?:whether|if)\b|是否|有没有", low):
        return _named(title_case(re.sub(r"^(?:whether|if)\s+", "", text)), "bool", f"flag_{index}")
    long = len(text) > 5 if zh else len(text.split()) >= 3
    return _named(title_case(text), "long_text" if long else "text", f"answer_{index}")


@dataclass(frozen=True)
class Submission:
    fields: tuple[SubmitRead, ...]
    categories: tuple[str, ...]
    strength: float


def _segment(idea: str) -> tuple[str, int]:
    """The words after “each student enters …” up to the end of the clause; of several openers, the one
    followed by the longest list (“家长会报名：家长填写姓名、电话”: the second)."""
    simple = to_simplified(idea)
    best, at, most = "", -1, 0
    for opener in [*_EN_OPEN.finditer(simple), *_ZH_OPEN.finditer(simple)]:
        rest = idea[opener.end() :]
        end = _END.search(to_simplified(rest))
        segment = (rest[: end.start()] if end else rest).strip(" :：")
        count = len([p for p in _SPLIT.split(segment) if p.strip()])
        if count >= most and segment:
            best, at, most = segment, opener.start(), count
    return best, at


_CLAUSE = re.compile(r"\s*(?:,|，)?\s*(?:\band\s+)?(?=\b(?:" + _VERB[3:] + r")|(?:还有|并且|并)?(?:留下|填写|写下)")
_OR = re.compile(r"\s*(?:,|，|、|\bor\b|或者|或|还是)\s*")


def _choices(clause: str, zh: bool) -> tuple[str, ...]:
    """“mains, sides, desserts or drinks”: short names joined by “or” are the options of one choice."""
    if not re.search(r"\bor\b|或|还是", clause):
        return ()
    options = [o.strip() for o in _OR.split(_ITEM_VERB.sub("", clause.strip())) if o.strip()]
    if len(options) < 3 or not all(len(o.split()) <= 2 and len(o) <= 16 for o in options):
        return ()
    if any((read := _field(o, zh, 0)) is not None and read.type != "text" for o in options):
        return ()
    return tuple(title_case(o) for o in options)


def read_submission(ctx: Context) -> Submission | None:
    return _read(ctx.idea, ctx.language)


@lru_cache(maxsize=64)
def _read(idea: str, language: Language) -> Submission | None:
    zh = language != "en"
    segment, at = _segment(idea)
    categories = tuple(named_list(idea, GROUPS))
    items: list[str] = []
    for clause in (c for c in _CLAUSE.split(segment) if c.strip()) if segment else ():
        found = () if categories else _choices(clause, zh)
        if found:
            categories = found
            continue
        items += [p for p in _SPLIT.split(clause) if p.strip()]
    fields: list[SubmitRead] = []
    for index, item in enumerate(items[:8]):
        read = _field(item, zh, index)
        if read is not None and all(f.name != read.name for f in fields):
            fields.append(read)
    trigger = _TRIGGER.search(idea)
    if (not fields and not categories) or (at < 0 and not trigger):
        return None
    typed = any(f.type != "text" or f.name in ("name", "phone", "email", "time") for f in fields)
    if not (trigger or typed or categories or (len(fields) >= 3 and segment.count(",") + segment.count("，") >= 2)):
        return None  # “members write posts and others leave replies”: a forum, not a form to fill in
    strength = 6.0 + 4.0 * min(len(fields) + bool(categories), 4)
    if _OTHER_KIND.search(to_simplified(idea).lower()):
        strength -= 15.0  # “kids pick the right time”: answers to a quiz or a game, not a form
    if _TRIGGER.search(idea):
        strength += 10.0
    if at > 80 and not _TRIGGER.search(idea):
        strength -= 6.0  # the people fill it in far from the sentence's subject: a detail of another app
    return Submission(tuple(fields), categories, strength)


def _title(ctx: Context) -> str:
    found = _TRIGGER.search(ctx.idea)
    if ctx.zh:
        head = re.split(r"[，,。.！!？?：:；;（(\s]", to_simplified(ctx.idea), maxsplit=1)[0]
        head = re.sub(r"^(?:帮我|给我|请|做一个|做个|一个|我想要|我要)+", "", head)
        return ctx.script(head[:14]) if len(head) >= 2 else ctx.t("", "报名表")
    head = re.split(r"[:;.!?(—–]|\s-\s|,|\s(?:for|where|that|so|with|:)\s", ctx.idea)[0].strip()
    head = re.sub(r"^(?:(?:a|an|the|my|our|simple|make|build|create|i need|i want)\s+)+", "", head, flags=re.I)
    if found and len(head.split()) > 5:
        head = found.group(0)
    return " ".join(title_case(w) for w in head.split()[:6])[:60] or ctx.t("Sign-up Sheet", "报名表")


def _data_field(ctx: Context, read: SubmitRead) -> DataField:
    label = ctx.script(read.label)[:80]
    if read.type == "rating":
        start = (read.low + read.high + 1) // 2
        return DataField(name=read.name, label=label, type="rating", min=read.low, max=read.high, default=start)
    if read.type in ("int", "float"):
        return DataField(name=read.name, label=label, type=read.type, min=0, required=False)
    if read.type == "bool":
        return DataField(name=read.name, label=label, type="bool", required=False, default=False)
    if read.type == "date":
        return DataField(name=read.name, label=label, type="date")
    return DataField(name=read.name, label=label, type=read.type, required=read.name == "name")


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    read = read_submission(ctx)
    assert read is not None
    fields = [_data_field(ctx, f) for f in read.fields]
    if not any(f.name == "name" for f in fields):
        fields.insert(0, DataField(name="name", label=t("Name", "姓名"), type="text"))
    if read.categories:
        options = list(dict.fromkeys(ctx.script(title_case(c))[:80] for c in read.categories))[:20]
        fields.insert(1, DataField(name="category", label=t("Category", "类别"), type="choice", options=options))
    has_date = any(f.name == "date" for f in fields)
    if not has_date:
        fields.append(DataField(name="day", label=t("Sent on", "提交日期"), type="date"))
    fields = fields[:12]
    date = "date" if has_date else "day"
    once = bool(_ONCE.search(ctx.idea)) and not has_date
    rating = next((f for f in fields if f.type == "rating"), None)
    entity = Entity(name="answer", label=t("Answers", "提交记录"), fields=fields)
    by_day = bool(_DAY.search(ctx.idea)) or once
    period = "today" if by_day and not has_date else "all"
    metrics = [
        Metric(
            name="count",
            label=t("Sent today", "今天提交") if period == "today" else t("Sign-ups", "报名人数"),
            entity="answer",
            agg="count",
            period=period,
            date_field=date,
        )
    ]
    if rating is not None:
        metrics.append(
            Metric(
                name="average",
                label=t(f"Average {rating.label.lower()}", f"平均{rating.label}"),
                entity="answer",
                field=rating.name,
                agg="avg",
                period=period,
                date_field=date,
                unit=f"/ {int(rating.max or 5)}",
                decimals=1,
            )
        )
    form = FormComponent(
        id="add",
        entity="answer",
        submit_label=t("Send", "提交"),
        once_per=["name", "day"] if once else [],
    )
    send = Screen(name="send", title=t("Fill in", "填写"), icon="✍️", components=[form])
    view: list[Component] = [
        FilterComponent(
            id="flt",
            entity="answer",
            date_field=date,
            category_field="category" if read.categories else None,
            search=True,
        ),
        *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
    ]
    if read.categories:
        view.append(
            ChartComponent(
                id="per_category",
                title=t("How many per category", "每个类别的人数"),
                entity="answer",
                chart="bar",
                group_by="category",
                x="category",
                agg="count",
            )
        )
    if rating is not None:
        view.append(
            ChartComponent(
                id="ratings",
                title=t(f"{rating.label} by day", f"按天的{rating.label}"),
                entity="answer",
                chart="bar",
                group_by="day",
                x=date,
                y=rating.name,
                agg="avg",
            )
        )
    view += [TableComponent(id="log", entity="answer"), CsvComponent(id="csv", entity="answer")]
    answers = Screen(name="answers", title=t("All answers", "全部提交"), icon="📋", components=view)
    sample = {"name": "Ana"}
    for f in fields:
        if f.name != "name" and f.required and f.type in ("text", "long_text"):
            sample[f.name] = t("Sample", "示例")
    paths = [
        path(
            "send_one",
            t("Someone fills in the form; it is listed for the organiser.", "有人填写并提交，组织者在列表里看到。"),
            [*(step("set", f"add__{k}", v) for k, v in sample.items()), step("click", "add__submit")],
            [expect("log.rows", 1), expect("count.value", 1), expect("add.saved", 1)],
        )
    ]
    if once:
        again = [*(step("set", f"add__{k}", v) for k, v in sample.items()), step("click", "add__submit")]
        paths.append(
            path(
                "only_once",
                t("The same name cannot send a second one the same day.", "同一个名字当天不能再提交一次。"),
                again + again,
                [expect("log.rows", 1), expect("count.value", 1)],
            )
        )
    listed = [f.label for f in fields if f.name not in ("day",)]
    brief = Brief(
        title=_title(ctx),
        value=t(
            f"Everyone fills in {', '.join(x.lower() for x in listed[:5])}; you see every answer"
            + (" by day" if by_day else "")
            + (" with the average rating." if rating else "."),
            f"每个人填写{'、'.join(listed[:5])}；你可以看到全部提交" + ("（按天）" if by_day else "") + "。",
        ),
        audience=t("Teachers, organisers and groups", "老师、组织者和小组"),
        language=ctx.language,
        icon="✍️",
        category="planner",
        metrics=metrics,
        inputs=listed[:6],
        feedback=[t("every answer in a table, filtered by day", "所有提交的表格，可按日期筛选")],
        theme=ctx.theme("teal"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[send, answers], key_paths=paths)


def score(ctx: Context) -> Match:
    read = read_submission(ctx)
    if read is None:
        return Match()
    words = tuple(f.label for f in read.fields[:3]) or read.categories[:3]
    return Match(read.strength, words)


PATTERN = Pattern(
    name="submissions",
    label_en="sign-up & submissions form",
    label_zh="报名提交表",
    score=score,
    build=build,
    hint_en="sign-up",
    hint_zh="报名",
)
