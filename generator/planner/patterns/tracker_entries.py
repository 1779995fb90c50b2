"""Logs of entries with the fields a sentence lists (“gym log - exercise, sets, reps, weight”): each field typed
by what it names (a name, a date, a count, an amount), and a summary per named thing when one is asked for
(“best lift per exercise”, “每条路线的最好成绩”)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashapps.spec import AppSpec, Brief, ChartComponent, DataField, Entity, Metric
from generator.planner.hanzi import to_simplified
from generator.planner.labels import clean_label
from generator.planner.patterns.base import Context, date_field
from generator.planner.patterns.records import history_screen, log_screen, save_path, title_case
from generator.planner.patterns.records_words import split_items

__all__ = ["EntryField", "entry_fields", "entry_log"]

_OPENER = re.compile(
    r"(?:[:：]|\s[-—–]\s|—|\b(?:we|i|you)\s+(?:write|note|enter|record|log)(?:\s+down)?\s+|"
    r"\b(?:with|fields?|columns?)\s*:?\s+|(?:写下|记下|填写|包括|包含))\s*"
)
_END = re.compile(r"[.;!?。；！？\n]|，(?=显示|统计|看|每|要|能|可以)|,\s*(?=show|and\s+show|see|with\s+a)")
_LISTED_CHOICES = re.compile(r"\s*[(（][^()（）]*[,，、/][^()（）]*[)）]")
_PARENS = re.compile(r"\s*[(（]([^()（）]{1,12})[)）]")

_DATE = re.compile(r"\b(?:date|day|when)\b|日期|哪天|几号")
_FLOAT = re.compile(
    r"\b(?:weight|kg|kgs|lbs?|pounds?|amount|ml|litres?|liters?|km|miles?|distance|price|cost|hours?|"
    r"spent|paid|temperature)\b|重量|公斤|体重|金额|花费|价格|毫升|公里|距离|小时|温度|里程"
)
_INT = re.compile(
    r"\b(?:sets?|reps?|repetitions|pages?|minutes?|mins?|steps|calories|kcal|count|number|times|laps|"
    r"score|points|how many|glasses|cups)\b|页|分钟|步数|次数|组数|次|组|卡路里|得分|分数|第几|多少|几"
)
_RATING = re.compile(r"\b(?:rating|mood|how (?:good|well)|stars?|1-5|1 to 5)\b|评分|心情|星级|打分")
_LONG = re.compile(r"\b(?:notes?|quotes?|thoughts?|comments?|sentences?|summary|details)\b|摘抄|句子|感想|备注|心得")
_NAME = re.compile(
    r"\b(?:name|title|who|what|which|where|place|initials|route|item|kind|type)\b|名|标题|谁|什么|哪|地点|路线|类型|种类"
)
_BEST = re.compile(
    r"\b(?:best|max(?:imum)?|heaviest|longest|fastest|highest|top|record|pr|personal best)\b|"
    r"最好|最高|最大|最重|最快|最远|纪录"
)
_TOTAL = re.compile(r"\b(?:total|sum|altogether|in all|add(?:s|ed)? up)\b|总共|合计|一共|总计|累计")
_AVERAGE = re.compile(r"\b(?:average|mean|avg)\b|平均")
_POSITION = re.compile(r"\b(?:up to|reached|current|page i'?m on|so far)\b|第几|读到|到第|进度")
_WEEK = re.compile(r"\b(?:week|weekly|every (?:friday|monday|sunday|saturday))\b|每周|本周|周报|一周")
_LOG = re.compile(r"\b(?:log|logs|logbook|journal|diary|tracker|track|record)\b|记录|日志|日誌|日记|打卡|记账")


@dataclass(frozen=True)
class EntryField:
    name: str
    label: str
    type: str
    unit: str = ""


def _segment(text: str) -> str:
    """The listed fields: the words after an opener up to the end of that sentence or a clause of its own."""
    simple = to_simplified(text)  # one character for one: positions agree with the text as written
    for opener in _OPENER.finditer(simple):
        rest = text[opener.end() :]
        end = _END.search(simple[opener.end() :])
        segment = rest[: end.start()] if end else rest
        if len(split_items(segment)) >= 3:
            return segment
    return ""


_FLAG = re.compile(r"^(?:whether|if|did|was|were|is|are|any)\b|^(?:有没有|是否|有无)|\b(?:yes/no|y/n)\b|是不是")


def _type(low: str) -> str:
    if _FLAG.search(low.strip()):
        return "bool"
    if _DATE.search(low):
        return "date"
    if _RATING.search(low):
        return "rating"
    if _LONG.search(low):
        return "long"
    if _FLOAT.search(low):
        return "float"
    if _INT.search(low):
        return "int"
    if _NAME.search(low):
        return "text"
    return ""


def _slug(label: str, index: int, taken: set[str]) -> str:
    words = re.findall(r"[a-z][a-z0-9]*", label.lower())
    name = "_".join(words[:3])[:24] if words else f"field{index + 1}"
    if name in ("id", "created_at", "day", "note", "_visitor") or name in taken:
        name = f"{name[:20]}_{index + 1}"
    taken.add(name)
    return name


def entry_fields(ctx: Context) -> list[EntryField]:
    """The typed fields of a log of entries, or [] when the sentence is not one: it must be a log, list at
    least three fields, and name at least one thing (a name or a title) besides a number."""
    if not _LOG.search(to_simplified(ctx.idea).lower()):
        return []
    segment = _LISTED_CHOICES.sub("", _segment(ctx.idea))  # “which genre (fiction, history or science)”: genre
    named = (  # never a clause: “读了多少页” → 页数 (a yes/no item, “whether I…”, is read below)
        i if _FLAG.search(to_simplified(i).strip().lower()) else clean_label(i, counts=True, questions=False)
        for i in split_items(segment)
    )
    items = [i for i in named if i and 0 < len(i) <= 40][:8]
    if len(items) < 3:
        return []
    typed: list[tuple[str, str, str]] = []
    for item in items:
        unit_match = _PARENS.search(item)
        unit = unit_match.group(1).strip() if unit_match else ""
        label = _PARENS.sub("", item).strip(" -–—")
        low = to_simplified(f"{label} {unit}").lower()
        typed.append((label, _type(low), unit))
    numbers = sum(kind in ("int", "float") for _, kind, _ in typed)
    if numbers == 0 or numbers == len(typed):
        return []
    first = typed[0]
    if first[1] == "" and numbers >= 2:  # “exercise, sets, reps, weight”: the first word names the entry
        typed[0] = (first[0], "text", first[2])
    if not any(kind in ("text", "long") for _, kind, _ in typed):
        return []
    taken: set[str] = set()
    fields = []
    for index, (label, kind, unit) in enumerate(typed):
        if kind == "bool":
            label = re.sub(r"^(?:whether|if|did)\s+(?:i|we|they|you|he|she|it)?\s*", "", label, flags=re.I) or label
        shown = ctx.script(title_case(label))
        fields.append(EntryField(_slug(label, index, taken), shown, kind or "int", ctx.script(unit)))
    return fields


def _data_field(field: EntryField, first_text: bool) -> DataField:
    if field.type == "bool":
        return DataField(name=field.name, label=field.label, type="bool", required=False, default=False)
    if field.type == "date":
        return DataField(name=field.name, label=field.label, type="date")
    if field.type == "rating":
        return DataField(name=field.name, label=field.label, type="rating", min=1, max=5, default=4)
    if field.type in ("text", "long"):
        kind = "long_text" if field.type == "long" else "text"
        return DataField(name=field.name, label=field.label, type=kind, required=first_text)
    kind = "float" if field.type == "float" else "int"
    return DataField(name=field.name, label=field.label, type=kind, unit=field.unit, min=0, default=None)


def _sample(field: EntryField, index: int) -> object:
    if field.type == "float":
        return 12.5 + index
    if field.type == "int":
        return 5 + index
    if field.type == "rating":
        return 4
    return None


def entry_log(ctx: Context, fields: list[EntryField]) -> AppSpec:
    t = ctx.t
    texts = [f for f in fields if f.type == "text"]
    numbers = [f for f in fields if f.type in ("int", "float")]
    subject = texts[0] if texts else None
    data = [_data_field(f, f is subject) for f in fields if f.type != "date" or f.name != "day"]
    if not any(f.type == "date" for f in fields):
        data.append(date_field(t))
    date_name = next((f.name for f in fields if f.type == "date"), "day")
    low = to_simplified(ctx.idea).lower()
    agg = "max" if _BEST.search(low) else "avg" if _AVERAGE.search(low) else "sum"
    measured = _measured(low, numbers, agg)
    if _POSITION.search(to_simplified(measured.label).lower()):  # “page I'm up to”: the furthest, never a sum
        agg = "max"
    title = _title(ctx)
    entity = Entity(name="entry", label=title, fields=data)
    period = "week" if _WEEK.search(low) or agg == "sum" else "all"
    metrics = [
        Metric(
            name="entries",
            label=t("Entries this week", "本周记录数") if period == "week" else t("Entries", "记录数"),
            entity="entry",
            agg="count",
            period=period,
            date_field=date_name,
        ),
        Metric(
            name="headline",
            label=_headline_label(ctx, measured, agg, period),
            entity="entry",
            field=measured.name,
            agg=agg,
            period=period,
            date_field=date_name,
            unit=measured.unit,
            decimals=1 if measured.type == "float" or agg == "avg" else 0,
        ),
    ]
    history = history_screen(ctx, entity, date=date_name, y=measured.name, agg="sum" if agg == "sum" else agg)
    if subject is not None:
        per = ChartComponent(
            id="per_subject",
            title=_per_label(ctx, measured, subject, agg),
            entity="entry",
            chart="bar",
            group_by="category",
            x=subject.name,
            y=measured.name,
            agg=agg,
        )
        history.components.insert(1, per)
    values: dict[str, object] = {f.name: _sample(f, i) for i, f in enumerate(fields) if _sample(f, i) is not None}
    if subject is not None:
        values[subject.name] = ctx.t("Sample", "示例")
    first = values.get(measured.name)
    paths = [
        save_path(
            "log_an_entry",
            t("I log an entry and see it counted in the headline and listed in the history.",
              "我记下一条，马上在核心数字里看到它，也在历史里列出。"),
            values,
            [("entries.value", 1), ("headline.value", first), ("log.rows", 1)],
        )
    ]  # fmt: skip
    summary = _per_label(ctx, measured, subject, agg)
    brief = Brief(
        title=title,
        value=t(
            f"Log every {subject.label.lower() if subject else 'entry'} with its "
            f"{', '.join(f.label.lower() for f in numbers[:3])}, and see {summary.lower()}.",
            f"记下每一条的{'、'.join(f.label for f in fields[:4])}，看{summary}。",
        ),
        audience=t("Anyone keeping a log", "需要做记录的人"),
        language=ctx.language,
        icon="📒",
        category="tracker",
        metrics=metrics,
        inputs=[f.label for f in data[:6]],
        feedback=[metrics[1].label, summary],
        theme=ctx.theme("indigo"),
    )
    screens = [log_screen(ctx, entity, ["entries", "headline"], "📒"), history]
    return AppSpec(brief=brief, entities=[entity], screens=screens, key_paths=paths)


def _measured(low: str, numbers: list[EntryField], agg: str) -> EntryField:
    """The number the summary is about: the one named after a summary word, else weight/amount for a best,
    else the first number."""
    for field in numbers:
        at = low.find(to_simplified(field.label).lower())
        if at > 0 and re.search(r"(?:best|total|average|max|最好|最高|合计|总|平均)\W{0,3}\w*\W{0,3}$", low[:at]):
            return field
    if agg == "max":
        floats = [f for f in numbers if f.type == "float"]
        if floats:
            return floats[0]
    return numbers[0]


def _word(measured: EntryField, agg: str) -> tuple[str, str]:
    if agg == "max" and _POSITION.search(to_simplified(measured.label).lower()):
        return ("Furthest", "最新进度")
    return {"max": ("Best", "最好"), "avg": ("Average", "平均"), "sum": ("Total", "合计")}[agg]


def _headline_label(ctx: Context, measured: EntryField, agg: str, period: str) -> str:
    word = _word(measured, agg)
    when = ("this week", "本周") if period == "week" else ("", "")
    en = f"{word[0]} {measured.label.lower()} {when[0]}".strip()
    return ctx.t(en, f"{when[1]}{measured.label}{word[1]}")


def _per_label(ctx: Context, measured: EntryField, subject: EntryField | None, agg: str) -> str:
    word = _word(measured, agg)
    if subject is None:
        return ctx.t(f"{word[0]} {measured.label.lower()} by day", f"按天的{measured.label}{word[1]}")
    return ctx.t(
        f"{word[0]} {measured.label.lower()} per {subject.label.lower()}",
        f"每个{subject.label}的{measured.label}{word[1]}",
    )


_TITLE_EN = re.compile(r"\b([a-z][a-z-]+(?:\s[a-z][a-z-]+)?)\s+(log|logbook|journal|diary|tracker)\b", re.I)
_TITLE_ZH = re.compile(r"([\u4e00-\u9fff]{1,6}?)(记录|日志|日誌|日记|紀錄|記錄)")
_SKIP = {"a", "an", "the", "my", "our", "simple", "daily", "weekly", "for", "me", "i", "want", "make"}


def _title(ctx: Context) -> str:
    if ctx.zh:
        found = _TITLE_ZH.search(ctx.idea)
        return found.group(0)[:20] if found else ctx.t("", "记录本")
    found = _TITLE_EN.search(ctx.idea)
    if found:
        words = [w for w in found.group(1).split() if w.lower() not in _SKIP]
        return title_case(" ".join([*words, found.group(2).lower()]))[:40]
    return "Log"
