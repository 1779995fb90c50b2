"""A record system from a reading: an entity per kind of record, linked ones picked from their parent's
records, a board by status, a detail of each parent listing its children, search and filters."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    BoardComponent,
    Brief,
    ChartComponent,
    ChildList,
    Component,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    KeyPath,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
)
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, expect, path, step
from generator.planner.patterns.records import title_case
from generator.planner.patterns.records_read import Reading, Record
from generator.planner.patterns.records_words import FieldRead, blank, find_mentions
from generator.planner.subject import without_ask

__all__ = ["build_records", "records_title"]

_SMALL = frozenset({"and", "of", "the", "for", "with", "a", "an", "to", "in", "on", "at", "by", "or"})
_ROUGH = re.compile(r"\b(?:and|their|the|with|of|&)\b|[&,]")
_MONEY = ("amount", "price", "quote", "fee", "rent", "cost", "salary")
_HEAD_START = re.compile(
    r"^(?:(?:a|an|the|my|our|simple|small|basic|little|keep|keeping|track|tracking|manage|managing|log|logging|"
    r"record|recording|store|organi[sz]e|run|running)\s+)+",
    re.I,
)
_OURS = re.compile(
    r"^(?:my|our)\s+([a-z][\w' -]{2,30}?)\s+(?:needs?|wants?|has|have|is|keeps?|uses?|requires?)\b", re.I
)
_OWNER = re.compile(
    r"\b(?:for|of)\s+(?:my|our|the|a)\s+([a-z][\w' -]{2,40}?)(?=[,.!?:;—–]|\s-\s|\s(?:with|to|where|that)\s|$)", re.I
)


def _data_field(ctx: Context, read: FieldRead, required: bool) -> DataField:
    options = ctx.t.items(*read.options) if read.options else []
    label = ctx.t(read.en, read.zh) if read.en != read.zh else ctx.script(read.en)
    return DataField(
        name=read.name,
        label=label[:80],
        type=read.type,
        options=options,
        required=required,
        default=options[0] if read.type == "choice" else (3 if read.type == "rating" else None),
        min=1 if read.type == "rating" else (0 if read.type in ("int", "float") else None),
        max=5 if read.type == "rating" else None,
    )


def _fields(ctx: Context, reading: Reading, record: Record) -> list[DataField]:
    """Links first (a picker of the parent's records), then the fields the sentence names (else the kind's
    usual ones), then the status; the first text field is the record's name and is required."""
    kinds = {r.kind.key: r.kind for r in reading.records}
    fields = [
        DataField(name=p, label=ctx.t(kinds[p].en, kinds[p].zh), type="int", required=True) for p in record.parents
    ]
    read = list(record.fields) or list(record.kind.fields)
    named_by = {"name", "title"} & {f.name for f in read}
    if not named_by and (record.kind.people or not record.parents):  # a lost item has a name before a place
        default = FieldRead("name", "text", "Name", "名称")
        read.insert(0, next((f for f in record.kind.fields if f.type == "text"), default))
    named = False
    for one in read:
        if one.name in {f.name for f in fields}:
            continue
        if record.options and one.type == "choice" and not any(f.options for f in fields):
            one = FieldRead(one.name, "choice", one.en, one.zh, (tuple(record.options), tuple(record.options)))
        required = one.type == "text" and not named
        named = named or required
        fields.append(_data_field(ctx, one, required))
    if record.options and not any(f.type == "choice" for f in fields):
        options = list(dict.fromkeys(record.options))
        fields.append(DataField(name="status", label=ctx.t("Status", "状态"), type="choice", options=options))
    main = record.kind.key == reading.main
    if main and not record.kind.people and not any(f.type == "date" for f in fields):
        date = DataField(name="date", label=ctx.t("Date", "日期"), type="date", required=False)
        fields.append(date)
    if main and reading.status:
        options = list(dict.fromkeys([*reading.status, *reading.ends]))[:30]
        status = DataField(name="status", label=ctx.t("Status", "状态"), type="choice", options=options)
        fields = [f for f in fields if f.name != "status"][:11] + [status.model_copy(update={"default": options[0]})]
    return fields[:12]


def _name_field(entity: Entity) -> str | None:
    return next((f.name for f in entity.fields if f.type == "text" and f.required), None)


def _money(entity: Entity) -> str | None:
    found = [f.name for f in entity.fields if f.type == "float"]
    return next((n for n in _MONEY if n in found), found[0] if found else None)


def records_title(ctx: Context, reading: Reading) -> str:
    """The app's name from the sentence's subject (“Repair tickets for my phone repair shop” → “Repair
    Tickets”; “Records for my pet grooming salon” → “Pet Grooming Salon Records”), never its first words."""
    main = reading.record(reading.main).kind
    text = without_ask(to_simplified(ctx.idea) if ctx.zh else ctx.idea)
    if ctx.zh:
        head = re.split(r"[，,。.！!？?：:；;（(\s]", to_simplified(text), maxsplit=1)[0]
        head = re.sub(r"^(?:我的|我们的|我们|一个|用来|用于|可以)+", "", head)
        return ctx.script(head[:16]) if len(head) >= 2 else ctx.t("", f"{main.zh}管理")
    head = re.split(r"[,.!?:;()—–]|\s-\s|\s(?:for|to|that|which|where|with|so|in|of|from|by|at|when|who)\s", text)[0]
    head = _HEAD_START.sub("", head.strip())
    owner = _OWNER.search(text)
    owner = owner or _OURS.search(text)
    business = owner.group(1).strip() if owner else ""
    business = re.sub(r"^\d+\s+", "", business)
    words = head.split()
    generic = {"records", "record", "crm", "system", "database", "app", "tracker", "log", "manager", "register"}
    kinds_only = not _ROUGH.sub("", blank(head.lower(), [(a, b) for a, b, _ in find_mentions(head.lower())])).strip()
    if words and all(w.lower() in generic for w in words):
        head = f"{business} {head}" if business and len(business.split()) <= 4 else f"{main.plural} {head}"
    elif words and kinds_only and business:
        head = f"{business} {main.plural}"
    elif not words or len(words) > 5:
        head = main.plural if not business else f"{business} {main.plural}"
    shown = [w if w.isupper() or (i and w in _SMALL) else title_case(w) for i, w in enumerate(head.split())]
    return " ".join(shown)[:60]


def _screen(ctx: Context, reading: Reading, entity: Entity, record: Record, children: list[ChildList]) -> Screen:
    key = entity.name
    kind = record.kind
    links = dict.fromkeys(record.parents)
    link_map = {p: p for p in links}
    category = next((f.name for f in entity.fields if f.name == "status"), None) or next(
        (f.name for f in entity.fields if f.type == "choice"), None
    )
    date = next((f.name for f in entity.fields if f.type == "date"), None) if key == reading.main else None
    components: list[Component] = [
        FormComponent(
            id=f"{key}_add",
            entity=key,
            links=link_map,
            submit_label=ctx.t(f"Add {kind.en.lower()}", f"添加{kind.zh}"),
        ),
        FilterComponent(id=f"{key}_flt", entity=key, category_field=category, date_field=date, search=True),
        TableComponent(id=f"{key}_list", entity=key, links=link_map, children=children),
    ]
    if key == reading.main:
        components += _charts(ctx, entity, category, record.parents)
        components.append(CsvComponent(id=f"{key}_csv", entity=key))
    return Screen(name=key, title=ctx.t(kind.plural, kind.zh), icon=kind.icon, components=components)


def _charts(ctx: Context, entity: Entity, category: str | None, links: list[str]) -> list[Component]:
    """What the records add up to: a number field by week, and by the records' category or status."""
    numbers = [f.name for f in entity.fields if f.type in ("int", "float") and f.name not in links]
    date = next((f.name for f in entity.fields if f.type == "date"), None)
    if category is None:
        category = next((f.name for f in entity.fields if f.name in ("subject", "category", "service", "month")), None)
    y = next((n for n in _MONEY if n in numbers), numbers[0] if numbers else None)
    charts: list[Component] = []
    if date and y:
        title = ctx.t("By week", "按周")
        charts.append(ChartComponent(id="by_week", title=title, entity=entity.name, group_by="week", x=date, y=y))
    if category:
        title = ctx.t("By group", "按类别")
        agg = "sum" if y else "count"
        chart = ChartComponent(id="by_group", title=title, entity=entity.name, group_by="category", x=category, y=y)
        charts.append(chart.model_copy(update={"agg": agg}))
    return charts


def build_records(ctx: Context, reading: Reading) -> AppSpec:
    t = ctx.t
    entities = {
        r.kind.key: Entity(name=r.kind.key, label=t(r.kind.plural, r.kind.zh), fields=_fields(ctx, reading, r))
        for r in reading.records
    }
    main = entities[reading.main]
    main_kind = reading.record(reading.main).kind
    screens: list[Screen] = []
    if reading.status:
        board = BoardComponent(
            id="board",
            entity=main.name,
            status_field="status",
            amount_field=_money(main),
            ends=[e for e in reading.ends if e not in reading.status][:4],
            links={p: p for p in reading.record(reading.main).parents},
        )
        screens.append(Screen(name="board", title=t("Board", "看板"), icon="🗂️", components=[board]))
    for record in reading.records:
        children = [
            ChildList(entity=r.kind.key, field=record.kind.key) for r in reading.records if record.kind.key in r.parents
        ]
        screens.append(_screen(ctx, reading, entities[record.kind.key], record, children))
    metrics = [Metric(name="count", label=t(main_kind.plural, f"{main_kind.zh}总数"), entity=main.name, agg="count")]
    money = _money(main)
    if money:
        label = main.field(money).label if main.field(money) else money  # type: ignore[union-attr]
        total = t(f"Total {label.lower()}", f"{label}合计")
        metrics.append(Metric(name="money", label=total, entity=main.name, field=money, agg="sum", decimals=2))
    first = next(s for s in screens if s.name == main.name)
    first.components[1:1] = [MetricComponent(id=m.name, metric=m.name) for m in metrics]
    title = records_title(ctx, reading)
    labels = [e.label for e in entities.values()]
    if ctx.zh:
        names = "、".join(labels)
    else:
        listed = [label.lower() for label in labels]
        names = listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]
    value = t(
        f"Keep {names} in one place: add, link, search and export.", f"把{names}集中管理：添加、关联、搜索、导出。"
    )
    if reading.status:
        value = t(
            f"Keep {names} in one place: add, link, search and follow each one's status.",
            f"把{names}集中管理：添加、关联、搜索，并跟进每条记录的状态。",
        )
    brief = Brief(
        title=title,
        value=value,
        audience=t("A small business, a club or a class that keeps records", "需要管理记录的小店、社团或班级"),
        language=ctx.language,
        icon=main_kind.icon,
        category="planner",
        metrics=metrics,
        inputs=[e.label for e in entities.values()][:12],
        feedback=[t("a list per kind of record, with search and filters", "每类记录一个列表，可搜索、筛选")]
        + ([t("a board by status", "按状态分栏的看板")] if reading.status else []),
        theme=ctx.theme("indigo"),
    )
    spec_entities = [entities[r.kind.key] for r in reading.records]
    return AppSpec(brief=brief, entities=spec_entities, screens=screens[:6], key_paths=_paths(ctx, reading, entities))


def _sample(ctx: Context, entity: Entity, index: int) -> str:
    people = ("Ana Silva", "Ben Okafor", "王芳", "李明")
    things = ("Alpha one", "Zebra two", "第一条", "斑马二号")
    kind_people = any(f.name in ("phone", "email") for f in entity.fields) or entity.name in ("customer", "member")
    pool = people if kind_people else things
    return ctx.script(pool[index + (2 if ctx.zh else 0)])


def _add(ctx: Context, entity: Entity, index: int, links: list[str]) -> list:
    values: dict[str, object] = {f"{entity.name}_add__{p}": 1 for p in links}
    name = _name_field(entity)
    if name:
        values[f"{entity.name}_add__{name}"] = _sample(ctx, entity, index)
    steps = [step("set", key, value) for key, value in values.items()]
    return [*steps, step("click", f"{entity.name}_add__submit")]


def _ancestors(ctx: Context, reading: Reading, entities: dict[str, Entity], key: str, done: set[str]) -> list:
    """Steps that add one record of each kind ``key`` links to, theirs first (an owner before a pet)."""
    steps = []
    for parent in reading.record(key).parents:
        if parent not in done:
            done.add(parent)
            steps += _ancestors(ctx, reading, entities, parent, done)
            steps += _add(ctx, entities[parent], 0, reading.record(parent).parents)
    return steps


def _paths(ctx: Context, reading: Reading, entities: dict[str, Entity]) -> list[KeyPath]:
    t = ctx.t
    main = entities[reading.main]
    parents = reading.record(reading.main).parents
    setup = _ancestors(ctx, reading, entities, reading.main, set())
    paths = []
    if parents:
        parent = entities[parents[0]]
        paths.append(
            path(
                "link_a_record",
                t(
                    f"I add one of the {parent.label.lower()}, then one of the {main.label.lower()} linked to it, "
                    f"and see it listed under it.",
                    f"我先添加一条{parent.label}，再添加一条关联它的{main.label}，并在它的详情里看到这条记录。",
                ),
                [*setup, *_add(ctx, main, 0, parents), step("set", f"{parent.name}_list__row", 1)],
                [
                    expect(f"{main.name}_list.rows", 1),
                    expect(f"{parent.name}_list.children", 1),
                    expect("count.value", 1),
                ],
            )
        )
    else:
        paths.append(
            path(
                "add_a_record",
                t(
                    f"I add one of the {main.label.lower()} and find it in the list.",
                    f"我添加一条{main.label}并找到它。",
                ),
                _add(ctx, main, 0, []),
                [expect(f"{main.name}_list.rows", 1), expect("count.value", 1)],
            )
        )
    if reading.status:
        moves = len(reading.status) - 1
        paths.append(
            path(
                "move_along_the_board",
                t(
                    f"A new one starts at “{reading.status[0]}” and moves step by step to “{reading.status[-1]}”.",
                    f"新记录从“{reading.status[0]}”开始，一步步移到“{reading.status[-1]}”。",
                ),
                [*setup, *_add(ctx, main, 0, parents), *(step("click", "board__next") for _ in range(moves))],
                [expect("board.moved", moves), expect("board.done", 1), expect("board.open", 0)],
            )
        )
    if _name_field(main):
        word = _sample(ctx, main, 1).split()[0]
        search = f"{main.name}_flt__search"
        paths.append(
            path(
                "search",
                t("Searching finds a record by any of its words.", "用任意词都能搜到记录。"),
                [*setup, *_add(ctx, main, 0, parents), *_add(ctx, main, 1, parents), step("set", search, word)],
                [expect(f"{main.name}_flt.rows", 1), expect("count.value", 2)],
            )
        )
    return paths
