"""Follow-up readers for what an app records: a field added or removed, a choice's options, a field's range."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, DataField, Entity, FormComponent, TableComponent
from flashapps.spec.data import FieldType
from generator.edit_base import ADD, REMOVE, Clause, Refused, clean_words, listed, prune_paths, steps_fit

__all__ = ["add_field", "field_range", "options", "remove_field"]

_FIELD = (
    r"\b(?:field|column|input|box|entry|checkbox|tickbox|toggle)\b|字段|栏位|欄位|栏|欄|输入框|輸入框|填写项|填寫項|"
    r"复选框|複選框|勾选框|勾選框"
)
_BOOL = r"\b(?:checkbox|tickbox|toggle|yes/no|yes or no)\b|复选框|複選框|勾选框|勾選框|是否"
_TYPES: list[tuple[str, FieldType, str]] = [
    (r"date|day|deadline|due|birthday|when|日期|日子|截止|生日|哪天", "date", "date"),
    (r"rating|stars?|score out of|评分|評分|星级|星級|打分", "rating", "rating"),
    (r"\b(?:done|finished|completed|paid|yes|checkbox)\b|是否|完成|已付|打勾", "bool", "done"),
    (r"notes?|comments?|description|details|diary|journal|备注|備註|说明|說明|描述|心得|日记|日記|感想", "long_text",
     "note"),
    (r"count|number|quantity|qty|age|times|reps|pages|steps|cups|glasses|laps|次数|次數|数量|數量|年龄|年齡|个数|"
     r"個數|页数|頁數|步数|步數|杯数|杯數", "int",
     "count"),
    (r"amount|price|cost|weight|height|distance|km|calories|money|spent|minutes|hours|duration|金额|金額|价格|價格|"
     r"重量|体重|體重|身高|距离|距離|卡路里|钱|錢|花费|花費|分钟|分鐘|小时|小時|时长|時長", "float", "amount"),
]  # fmt: skip


def _entity(spec: AppSpec, c: Clause) -> Entity:
    if not spec.entities and any(x.kind == "calculator" for x in spec.components()):
        raise Refused(c.t("a new input would need a new formula; describe the calculation as a new app",
                          "新的输入项需要新的公式；请把这个计算描述成一个新应用"))  # fmt: skip
    if not spec.entities:
        raise Refused(
            c.t("this app keeps no records, so there is nowhere to add a field", "这个应用不保存记录，没有地方加字段")
        )
    named = [e for e in spec.entities if e.label.lower() in c.low or e.name in c.low]
    forms = [x.entity for x in spec.components() if isinstance(x, FormComponent)]
    return named[0] if named else next((e for e in spec.entities if e.name in forms), spec.entities[0])


def _ident(words: str, kind: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "_", words.lower()).strip("_")
    base = base if base and base[0].isalpha() else kind
    base = base[:28]
    return next(f"{base}{n or ''}" for n in range(100) if f"{base}{n or ''}" not in taken and base + str(n or ""))


def _label(name: str, c: Clause) -> str:
    return name[:1].upper() + name[1:] if name.isascii() else name


def add_field(spec: AppSpec, c: Clause) -> list[str]:
    """“add a field for the date”, “add a mood field with options happy, ok, sad”, “加一个地点字段”."""
    if not (c.has(ADD) and c.has(_FIELD)) or c.has(REMOVE):
        return []
    chosen = re.split(
        r"\s*(?:with (?:the )?options?|options?|choices?|选项|選項)\s*(?:are|有|为|為|是)?\s*[:：]?\s*",
        c.text,
        maxsplit=1,
        flags=re.I,
    )
    head, choices = chosen[0].rstrip(" ,，;；"), listed(chosen[1]) if len(chosen) > 1 else []
    match = (
        re.search(
            r"\b(?:for|called|named|to record|to log|to store|to enter)\s+(.+?)(?:\s+(?:field|column|input))?$",
            head,
            re.I,
        )
        or re.search(r"\b(?:an?|one|new|the)\s+(.+?)\s+(?:field|column|input|box|checkbox|toggle)\b", head, re.I)
        or re.search(rf"(?:{ADD})\s+(.+?)\s+(?:field|column|input|box|checkbox|toggle)\b", head, re.I)
        or re.search(r"(?:字段|栏位|欄位|栏|欄|输入框|輸入框)\s*[:：]\s*[“\"「]?([^”\"」]+)", head)
        or re.search(
            r"(?:一个|一個|个|個|加|添加|增加|新增)\s*[“\"「]?([^”\"」]+?)[”\"」]?\s*(?:的)?(?:字段|栏位|欄位|栏|欄|输入框|輸入框)",
            head,
        )
    )
    if not match:
        raise Refused(
            c.t(
                "say what the new field is for, like “add a field for the date”",
                "请说明新字段记录什么，例如“加一个日期字段”",
            )
        )
    names = [n for n in listed(match.group(1)) if n]
    entity = _entity(spec, c)
    said: list[str] = []
    for words in names:
        words = clean_words(
            re.sub(r"^(?:the|a|an|my)\s+|^(?:一个|一個|一项|一項|一栏|一欄|个|個|新的|新)", "", words, flags=re.I)
        )
        same = next((f for f in entity.fields if f.label.lower() == words.lower()), None)
        if same is not None:
            raise Refused(c.t(f"“{same.label}” is already a field", f"已经有“{same.label}”字段了"))
        if len(entity.fields) >= 12:
            raise Refused(c.t("a record holds at most 12 fields", "一条记录最多 12 个字段"))
        kind, stem = next(((k, s) for pattern, k, s in _TYPES if re.search(pattern, words, re.I)), ("text", "field"))
        if c.has(_BOOL):
            kind, stem = "bool", "done"
        if choices:
            kind = "multi_choice" if c.has(r"several|multiple|many|多选|多選") else "choice"
        name = _ident(words if words.isascii() else stem, stem, {f.name for f in entity.fields})
        extra = {"min": 1, "max": 5} if kind == "rating" else {}
        field = DataField(
            name=name, label=_label(words, c)[:80], type=kind, required=False, options=choices[:30], **extra
        )
        entity.fields.append(field)
        for component in spec.components():
            if isinstance(component, FormComponent) and component.entity == entity.name and component.fields:
                component.fields.append(name)
            if isinstance(component, TableComponent) and component.entity == entity.name and component.columns:
                component.columns.append(name)
        if len(spec.brief.inputs) < 12:
            spec.brief.inputs.append(field.label)
        shown = c.t(f" ({', '.join(choices)})", f"（{'、'.join(choices)}）") if choices else ""
        said.append(c.t(f"added the field “{field.label}”{shown}", f"添加了字段“{field.label}”{shown}"))
    return said


def _named_field(spec: AppSpec, text: str) -> tuple[Entity, DataField] | None:
    low = text.lower()
    found = [
        (e, f)
        for e in spec.entities
        for f in e.fields
        if re.search(rf"(?<![a-z]){re.escape(f.label.lower())}s?(?![a-z])", low) or f.name.replace("_", " ") in low
    ]
    return max(found, key=lambda pair: len(pair[1].label)) if found else None


def remove_field(spec: AppSpec, c: Clause) -> list[str]:
    """“remove the note field”, “drop the Kind column”, “去掉备注字段”."""
    if not c.has(REMOVE) or c.has(r"option|choice|page|tab|screen|question|word|card|选项|選項|页|頁|题|題|词|詞"):
        return []
    options_named = [o for e in spec.entities for f in e.fields for o in f.options]
    if any(re.search(rf"(?<!\w){re.escape(o.lower())}(?!\w)", c.low) for o in options_named):
        return []  # an option named: the option goes, not its field
    found = _named_field(spec, c.text)
    if found is None:
        if c.has(_FIELD):
            raise Refused(c.t("no field has that name", "没有这个名字的字段"))
        return []
    entity, field = found
    users = [m.label for m in spec.brief.metrics if m.entity == entity.name and field.name in (m.field, m.date_field)]
    if users:
        raise Refused(c.t(f"“{field.label}” is what “{users[0]}” adds up, so it stays",
                          f"“{users[0]}”要用到“{field.label}”，所以不能删"))  # fmt: skip
    if len(entity.fields) == 1:
        raise Refused(c.t(f"“{field.label}” is the only field", f"“{field.label}”是唯一的字段"))
    entity.fields[:] = [f for f in entity.fields if f is not field]
    entity.seed[:] = [{k: v for k, v in row.items() if k != field.name} for row in entity.seed]
    for screen in spec.screens:
        kept = []
        for x in screen.components:
            if getattr(x, "entity", None) == entity.name:
                if isinstance(x, FormComponent | TableComponent):
                    if isinstance(x, FormComponent):
                        x.fields = [n for n in x.fields if n != field.name]
                    else:
                        x.columns = [n for n in x.columns if n != field.name]
                if x.kind == "chart" and field.name in (x.x, x.y):
                    continue
                if x.kind == "filter":
                    x.category_field = None if x.category_field == field.name else x.category_field
                    x.date_field = None if x.date_field == field.name else x.date_field
                    if not (x.category_field or x.date_field or x.search):
                        continue
            kept.append(x)
        screen.components[:] = kept
    spec.screens[:] = [s for s in spec.screens if s.components]
    spec.brief.inputs = [i for i in spec.brief.inputs if i != field.label]
    prune_paths(spec, c.t)
    return [c.t(f"removed the field “{field.label}”", f"移除了字段“{field.label}”")]


def _choice_fields(spec: AppSpec, c: Clause) -> tuple[list[DataField], bool]:
    """The choice fields the clause may mean (those it names, else all), and whether it named one."""
    fields = [f for e in spec.entities for f in e.fields if f.type in ("choice", "multi_choice")]
    named = [f for f in fields if re.search(rf"{re.escape(f.label.lower())}|\b{f.name}", c.low)]
    return named or fields, bool(named)


def options(spec: AppSpec, c: Clause) -> list[str]:
    """“add Juice as an option”, “add the options Juice and Milk to Kind”, “remove the option Coffee”,
    “类型加一个选项：果汁”."""
    adding, removing = bool(c.has(ADD)), bool(c.has(REMOVE))
    if not (adding or removing) or c.has(_FIELD) or c.has(r"page|tab|screen|question|题|題|页|頁"):
        return []
    fields, named = _choice_fields(spec, c)
    options_said = c.has(
        r"options?|choices?|categor(?:y|ies)|kinds?|types?|选项|選項|类别|類別|类型|類型|种类|種類"
    ) or (named and c.has(r"\b(?:to|into|as)\b|到|进|進"))
    if removing:
        targets = [
            (f, o) for f in fields for o in f.options if re.search(rf"(?<!\w){re.escape(o.lower())}(?!\w)", c.low)
        ]
        if not targets:
            if options_said and fields:
                raise Refused(c.t("no option has that name", "没有这个选项"))
            return []
        field, option = targets[0]
        if len(field.options) <= 1:
            raise Refused(c.t(f"“{option}” is the only option", f"“{option}”是唯一的选项"))
        if any(
            s.value == option or (isinstance(s.value, list) and option in s.value)
            for p in spec.key_paths
            for s in p.steps
        ):
            raise Refused(
                c.t(f"the app's own checks pick “{option}”, so it stays", f"应用自带的检查会选“{option}”，所以保留")
            )
        field.options[:] = [o for o in field.options if o != option]
        for entity in spec.entities:
            entity.seed[:] = [r for r in entity.seed if r.get(field.name) != option]
        if field.default == option:
            field.default = None
        return [c.t(f"removed the option “{option}” from “{field.label}”", f"从“{field.label}”中移除了选项“{option}”")]
    if not options_said or not fields:
        return []
    match = c.has(r"(?:options?|choices?)\s*[:：]?\s*(.+?)(?:\s+(?:to|for|in)\s+(?:the\s+)?\S+)?$")
    match = match or c.has(
        rf"(?:{ADD})\s+(.+?)\s+(?:as (?:an? )?(?:new )?(?:options?|choices?|categor(?:y|ies)|kinds?|types?)"
        r"|to (?:the )?\S+)"
    )
    match = match or c.has(r"(?:选项|選項|类别|類別|类型|類型|种类|種類|分类|分類)\s*(?:有|为|為|是)?\s*[:：]?\s*(.+)$")
    if not match:
        return []
    field = fields[0]
    new = [o for o in listed(match.group(1)) if o.lower() not in {x.lower() for x in field.options}]
    new = [o for o in new if not re.fullmatch(r"(?:an?|new|one|more)(?: options?| choices?)?|一个|一個", o, re.I)]
    if not new:
        raise Refused(c.t(f"“{field.label}” already has those options", f"“{field.label}”已经有这些选项了"))
    field.options[:] = (field.options + new)[:30]
    return [
        c.t(
            f"added {', '.join(f'“{o}”' for o in new)} to “{field.label}”",
            f"在“{field.label}”中添加了{'、'.join(f'“{o}”' for o in new)}",
        )
    ]


def field_range(spec: AppSpec, c: Clause) -> list[str]:
    """“amount between 0 and 500”, “max 5000 for amount”, “金额最多1000”."""
    found = _named_field(spec, c.text)
    if found is None or not found[1].numeric:
        return []
    entity, field = found
    low = high = None
    between = c.has(r"(-?\d+(?:\.\d+)?)\s*(?:-|–|to|and|,|到|至|~)\s*(-?\d+(?:\.\d+)?)")
    if between:
        low, high = sorted((float(between.group(1)), float(between.group(2))))
    elif top := c.has(
        r"(?:\bmax(?:imum)?\b|at most|up to|no more than|\blimit\b|最多|上限|不超过|不超過)\D{0,12}?(\d+(?:\.\d+)?)"
    ):
        high = float(top.group(1))
    elif bottom := c.has(r"(?:\bmin(?:imum)?\b|at least|no less than|最少|下限|至少)\D{0,12}?(\d+(?:\.\d+)?)"):
        low = float(bottom.group(1))
    else:
        return []
    low = field.min if low is None else low
    high = field.max if high is None else high
    forms = [x for x in spec.components() if isinstance(x, FormComponent | TableComponent) and x.entity == entity.name]
    for form in forms:
        key = form.key(field.name if isinstance(form, FormComponent) else f"edit_{field.name}")
        steps_fit(spec, key, low, high, c, field.label)
    entity.fields[entity.fields.index(field)] = field = field.model_copy(update={"min": low, "max": high})
    entity.seed[:] = [r for r in entity.seed if not isinstance(v := r.get(field.name), int | float) or
                   ((low is None or v >= low) and (high is None or v <= high))]  # fmt: skip
    shown = (
        f"{low:g}–{high:g}"
        if low is not None and high is not None
        else f"≤ {high:g}"
        if high is not None
        else f"≥ {low:g}"
    )
    return [c.t(f"“{field.label}” now takes {shown}", f"“{field.label}”的范围改为 {shown}")]
