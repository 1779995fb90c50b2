"""Collections: records of things people keep (books, recipes, movies, podcasts, bookmarks, contacts, jobs,
profiles, charities, reviews); also the fallback, named after the idea's own main noun."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
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
from generator.planner.hanzi import to_simplified
from generator.planner.labels import noun_phrase
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.collection_kinds import KINDS, Kind
from generator.planner.patterns.records import save_path, save_steps, title_case
from generator.planner.patterns.records_read import Reading, read_records
from generator.planner.patterns.records_system import build_records
from generator.planner.patterns.records_words import field_of, guessed_field
from generator.planner.subject import without_ask

__all__ = ["PATTERN", "main_noun"]


_STOP_WORDS = (
    "a an the my our your their this that these those app apps application applications web website site "
    "simple basic small little personal online digital create build make makes made me let lets allow "
    "allows users user people can to of for and or in on at with from by into using use used via which "
    "who where when what how is are be will should must display displays show shows preview previews "
    "generate generates get gets find finds see view manage track own new cool fun beautiful modern "
    "clean one page single based custom multiple different current change changes value values item "
    "items list lists simulate animate click cycle encode evaluate query archive browse check "
    "dynamically convert test identify calculate give send search callbacks global twist classic real "
    "time please help want need like would could keep keeping something anything stuff thing things organised "
    "organized organise organize sort tidy"
)
_STOP = frozenset(_STOP_WORDS.split())
_ZH_STOP = (
    "帮我",
    "给我",
    "请",
    "做一个",
    "设计一个",
    "开发一个",
    "写一个",
    "做个",
    "一个",
    "应用",
    "小程序",
    "程序",
    "软件",
    "工具",
    "app",
    "的",
    "用来",
    "可以",
    "能",
    "整理",
    "东西",
)


def main_noun(ctx: Context) -> str:
    """The idea's own subject in a word or two (“Display current GitHub status” → “Github status”)."""
    if ctx.zh:
        text = to_simplified(noun_phrase(without_ask(ctx.idea)))  # “帮孩子做注音练习” → 注音练习
        for word in _ZH_STOP:
            text = text.replace(word, " ")
        parts = [p for p in re.split(r"[\s，。、！？,.!?：:；;]+", text) if p]
        return ctx.t("", parts[0][:8]) if parts else ctx.t("", "我的收藏")
    tokens = re.findall(r"[a-z][a-z0-9'-]*", without_ask(ctx.head))
    for i, token in enumerate(tokens):
        if token in _STOP or len(token) < 3:
            continue
        if i + 1 < len(tokens) and tokens[i + 1] == "of":
            continue  # “a string of christmas lights”: the lights
        words = [w for w in tokens[i:] if w not in _STOP and len(w) > 2][:2]
        return " ".join(title_case(w[:20]) for w in words)[:40]
    return "Collection"


def _kind(ctx: Context) -> tuple[Kind | None, Match]:
    best: tuple[Kind | None, Match] = (None, Match())
    for kind in KINDS:
        found = ctx.match(kind.words)
        if found.score > best[1].score:
            best = (kind, found)
    return best


_LISTED_ITEM = re.compile(r"^[^\d]{1,30}$")


def _listed_fields(ctx: Context) -> list[tuple[str, str, str, str, None]]:
    """The fields the sentence lists (“plant, date, amount”), typed by what they name; short noun phrases
    only, never a clause of the request."""
    found: list[tuple[str, str, str, str, None]] = []
    for item in ctx.items[:8]:
        text = item.strip()
        if not _LISTED_ITEM.match(text) or len(text.split()) > 3 or (ctx.zh and len(text) > 8):
            continue
        read = field_of(text) or guessed_field(text, ctx.zh)
        if read is None or read.type == "choice" or any(f[0] == read.name for f in found):
            continue
        label = ctx.script(title_case(text))
        name = read.name if not read.guessed else f"f{len(found) + 1}_{read.name}"[:30]
        found.append((name, read.type, label, label, None))
    return found if len(found) >= 2 else []


def _generic(ctx: Context) -> Kind:
    """The closest honest collection when nothing more specific fits: a name, the fields the sentence
    lists (else notes), and the date each was added — never made-up statuses or ratings."""
    noun = main_noun(ctx)
    listed = _listed_fields(ctx)
    fields: tuple = (
        ("title", "text", "Name", "名称", None),
        *([f for f in listed if f[0] not in ("title", "name")] or [("notes", "long_text", "Notes", "备注", None)]),
    )
    zh_title = noun if noun.endswith(("记录", "紀錄", "記錄", "纪录", "清单", "表")) else f"{noun}记录"
    return Kind("generic", {}, (noun, zh_title), (noun, noun), "🗃️", "teal", tuple(fields[:10]), "", noun)


def _system(ctx: Context) -> Reading | None:
    """The record system the sentence describes: kinds of records linked to each other, a status flow,
    or the fields of a kind the collections do not know."""
    reading = read_records(ctx)
    if reading is None:
        return None
    linked = any(r.parents for r in reading.records)
    listed = any(r.fields for r in reading.records)
    if linked or reading.status or (listed and _kind(ctx)[0] is None):
        return reading if reading.strength >= 6 else None
    return None


def build(ctx: Context) -> AppSpec:
    reading = _system(ctx)
    if reading is not None:
        return build_records(ctx, reading)
    t = ctx.t
    kind = _kind(ctx)[0] or _generic(ctx)
    fields = []
    for name, kind_of, en, zh, options in kind.fields:
        opts = t.items(*options) if options else []
        fields.append(
            DataField(
                name=name,
                label=t(en, zh),
                type=kind_of,
                options=opts,
                required=name == "title",
                default=opts[0] if kind_of == "choice" else (3 if kind_of == "rating" else None),
                min=1 if kind_of == "rating" else (0 if kind_of in ("int", "float") else None),
                max=5 if kind_of == "rating" else None,
            )
        )
    fields.append(DataField(name="added", label=t("Added", "添加日期"), type="date"))
    thing = t(*kind.thing)
    entity = Entity(name="record", label=thing, fields=fields)
    metrics = [
        Metric(name="total", label=t("In the collection", "总数"), entity="record", agg="count"),
        Metric(
            name="month",
            label=t("Added this month", "本月新增"),
            entity="record",
            agg="count",
            period="month",
            date_field="added",
        ),
    ]
    if any(f.type == "rating" for f in fields):
        metrics.append(
            Metric(
                name="rating",
                label=t("Average rating", "平均评分"),
                entity="record",
                field="rating",
                agg="avg",
                unit="/ 5",
                decimals=1,
            )
        )
    browse = Screen(
        name="browse",
        title=t("Browse", "浏览"),
        icon=kind.icon,
        components=[
            FilterComponent(id="flt", entity="record", category_field=kind.category or None, search=True),
            TableComponent(id="log", entity="record"),
            *(
                [
                    ChartComponent(
                        id="bycat", entity="record", chart="pie", group_by="category", x=kind.category, agg="count"
                    )
                ]
                if kind.category
                else []
            ),
            CsvComponent(id="csv", entity="record"),
        ],
    )
    add = Screen(
        name="add",
        title=t("Add", "添加"),
        icon="➕",
        components=[
            FormComponent(
                id="add", entity="record", submit_label=t(f"Add {kind.thing[0].lower()}", f"添加{kind.thing[1]}")
            ),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
        ],
    )
    sample = kind.sample if kind.key != "generic" else t("First one", "第一条")
    paths = [
        save_path(
            "add_a_record",
            t(f"I add “{sample}” and find it in the list.", f"我添加“{sample}”，并在列表中找到它。"),
            {"title": sample},
            [("total.value", 1), ("month.value", 1), ("log.rows", 1)],
        ),
        path(
            "search",
            t("Searching finds the record by any word.", "用任意词都能搜到这条记录。"),
            [*save_steps({"title": sample}), *save_steps({"title": "Zebra"}), step("set", "flt__search", "zebra")],
            [expect("flt.rows", 1), expect("total.value", 2)],
        ),
    ]
    rated = any(f.type == "rating" for f in fields)
    rate_en, rate_zh = (", rate", "、评分") if rated else ("", "")
    brief = Brief(
        title=t(*kind.title),
        value=t(  # rating only where a field holds one
            f"Keep every {kind.thing[0].lower()} in one place: add, search, filter{rate_en} and export.",
            f"把所有{kind.thing[1]}放在一起：添加、搜索、筛选{rate_zh}和导出。",
        ),
        audience=t("Anyone keeping a collection", "喜欢收集整理的人"),
        language=ctx.language,
        icon=kind.icon,
        category="other",
        metrics=metrics,
        inputs=[f.label for f in fields[:4]],
        feedback=[t("a searchable, filterable list", "可搜索、可筛选的列表")],
        theme=ctx.theme(kind.theme),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[add, browse], key_paths=paths)


def score(ctx: Context) -> Match:
    reading = _system(ctx)
    if reading is not None:
        words = tuple(ctx.script(r.kind.zh) if ctx.zh else r.kind.plural.lower() for r in reading.records)
        return Match(reading.strength, words)
    kind, found = _kind(ctx)
    generic = ctx.match(
        {"collection": 4, "catalog": 4, "directory": 5, "manage": 2, "organize": 3, "收藏": 4, "管理": 2, "整理": 3}
    )
    return found + generic


PATTERN = Pattern(
    name="collection",
    label_en="collection",
    label_zh="收藏管理",
    score=score,
    build=build,
    hint_en="collection",
    hint_zh="收藏",
)
