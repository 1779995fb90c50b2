"""Record keepers whose point is a rule over the records (a yearly allowance, loans with a due date and a fine,
who has no record this month, health readings flagged beyond limits): the rule read from the sentence with its
numbers and computed in the app, not a generic list that drops it."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    Component,
    CsvComponent,
    DataField,
    Entity,
    FormComponent,
    Limit,
    Metric,
    MetricComponent,
    RuleComponent,
    Screen,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.rules_people import build_people_rule
from generator.planner.patterns.rules_read import RuleRead, read_rule

__all__ = ["PATTERN"]

_MEASURES: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "bp": (
        ("systolic", "Systolic", "收缩压", "mmHg", "int"),
        ("diastolic", "Diastolic", "舒张压", "mmHg", "int"),
        ("pulse", "Pulse", "心率", "bpm", "int"),
    ),
    "sugar": (("sugar", "Blood sugar", "血糖", "", "float"),),
    "temp": (("temp", "Temperature", "体温", "", "float"),),
}
_WHEN: dict[str, tuple[list[str], list[str]]] = {
    "bp": (["Morning", "Evening"], ["早上", "晚上"]),
    "sugar": (["Fasting", "After meal"], ["空腹", "餐后"]),
    "temp": (["Morning", "Noon", "Evening"], ["早上", "中午", "晚上"]),
}
_TITLES = {
    "bp": ("Blood Pressure Log", "血压记录", "🩺"),
    "sugar": ("Blood Sugar Log", "血糖记录", "🩸"),
    "temp": ("Temperature Log", "体温记录", "🌡️"),
}


def _health(ctx: Context, rule: RuleRead) -> AppSpec:
    t = ctx.t
    measure = rule.measure
    whens = t.items(*_WHEN[measure])
    fields = [DataField(name="day", label=t("Date", "日期"), type="date")]
    fields.append(DataField(name="when", label=t("When", "时段"), type="choice", options=whens, default=whens[0]))
    for name, en, zh, unit, kind in _MEASURES[measure]:
        unit = unit or rule.unit
        fields.append(DataField(name=name, label=t(en, zh), type=kind, unit=unit, min=0, required=name != "pulse"))
    fields.append(DataField(name="note", label=t("Note", "备注"), type="text", required=False))
    entity = Entity(name="reading", label=t("Readings", "测量记录"), fields=fields, scope="personal")
    limits: list[Limit] = []
    for key, (above, below) in rule.limits.items():
        if measure == "sugar":
            when = whens[0] if key == "fasting" else whens[1]
            limits.append(Limit(field="sugar", above=above, below=below, when=when))
        else:
            limits.append(Limit(field=key, above=above, below=below))
    note = t(
        "These limits are common reference values, not medical advice: ask your doctor which ones are right for you.",
        "这些界限只是常用参考值，不是医疗建议；适合你的数值请咨询医生。",
    )
    flags = RuleComponent(
        id="flags", rule="threshold", entity="reading", limits=limits, note=note, title=t("Readings", "测量记录")
    )
    first = _MEASURES[measure][0][0]
    metrics = [Metric(name="latest", label=t("Latest", "最近一次"), entity="reading", field=first, agg="latest")]
    metrics.append(Metric(name="count", label=t("Readings", "记录次数"), entity="reading", agg="count"))
    chart = ChartComponent(
        id="trend", title=t("Over time", "趋势"), entity="reading", chart="line", group_by="day", x="day", y=first
    )
    log: list[Component] = [
        FormComponent(id="add", entity="reading", submit_label=t("Save reading", "保存")),
        *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
    ]
    screens = [
        Screen(name="log", title=t("Log", "记录"), icon="✍️", components=log),
        Screen(
            name="history",
            title=t("History", "历史"),
            icon="📈",
            components=[flags, chart, CsvComponent(id="csv", entity="reading"), TextComponent(id="note", body=note)],
        ),
    ]
    high = rule.limits[next(iter(rule.limits))][0] or 0
    over = {first: int(high) + 10} if measure == "bp" else {first: round(high + 1, 1)}
    if measure == "bp":
        over["diastolic"] = int(rule.limits["diastolic"][0] or 90) + 5
    fine = {first: 120, "diastolic": 80} if measure == "bp" else {first: round(high - 1.0, 1)}
    steps = [step("set", f"add__{k}", v) for k, v in over.items()] + [step("click", "add__submit")]
    steps += [step("set", f"add__{k}", v) for k, v in fine.items()] + [step("click", "add__submit")]
    paths = [
        path(
            "flag_beyond_limit",
            t("A reading beyond the limit is marked red; a normal one is not.", "超出界限的读数标红，正常的不标。"),
            steps,
            [expect("flags.flagged", 1), expect("flags.rows", 2)],
        )
    ]
    en, zh, icon = _TITLES[measure]
    brief = Brief(
        title=t(en, zh),
        value=t("Log readings, see red marks beyond the limits and the trend.", "记录测量值，超出界限标红，并看趋势。"),
        audience=t("Someone keeping an eye on their health at home", "在家关注健康的人"),
        language=ctx.language,
        icon=icon,
        category="tracker",
        metrics=metrics,
        inputs=[f.label for f in fields[:5]],
        feedback=[t("red marks beyond the limits", "超出界限标红"), t("a chart over time", "趋势图")],
        theme=ctx.theme("red"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=screens, key_paths=paths)


def _age(ctx: Context, rule: RuleRead) -> AppSpec:
    t = ctx.t
    soon, days = rule.measure == "soon", int(rule.amount)
    if soon:
        en, zh, icon = "Expiry Dates", "保质期提醒", "🥫"
        date = DataField(name="day", label=t("Expires on", "到期日"), type="date")
        place = t("Where", "存放位置")
    else:
        en, zh, icon = (
            ("Lost and Found", "失物招领", "🧢") if ctx.has("lost", "失物") else ("Kept Items", "物品登记", "📦")
        )
        date = DataField(name="day", label=t("Found on", "拾到日期"), type="date")
        place = t("Where found", "拾到地点")
    fields = [DataField(name="name", label=t("Item", "物品"), type="text"), date]
    fields.append(DataField(name="place", label=place, type="text", required=False))
    fields.append(DataField(name="note", label=t("Note", "备注"), type="text", required=False))
    entity = Entity(name="item", label=t("Items", "物品"), fields=fields)
    title = t(
        f"Expires within {days} days" if soon else f"Older than {days} days",
        f"{days} 天内到期" if soon else f"超过 {days} 天",
    )
    flags = RuleComponent(id="flags", rule="age", entity="item", start="day", amount=days, soon=soon, title=title)
    metrics = [Metric(name="count", label=t("Items", "物品数"), entity="item", agg="count")]
    components: list[Component] = [
        FormComponent(id="add", entity="item", submit_label=t("Add", "添加")),
        MetricComponent(id="count", metric="count"),
        flags,
        CsvComponent(id="csv", entity="item"),
    ]
    late, fine = "2024-01-01", "2035-12-31"  # past the mark / far from it, and within a date box's ten years
    steps = [
        step("set", "add__name", ctx.script("牛奶") if ctx.zh else "Milk"),
        step("set", "add__day", late),
    ]
    steps += [step("click", "add__submit"), step("set", "add__name", "B"), step("set", "add__day", fine)]
    steps.append(step("click", "add__submit"))
    story = t(f"Only the item past the {days}-day mark is marked red.", f"只有超出 {days} 天规则的那一件标红。")
    paths = [path("flag_by_date", story, steps, [expect("flags.flagged", 1), expect("flags.rows", 2)])]
    brief = Brief(
        title=t(en, zh),
        value=t(
            f"List items by date; those {'expiring within' if soon else 'kept more than'} {days} days are marked red.",
            f"按日期登记物品，{'临近到期' if soon else '存放超过期限'}（{days} 天）的标红。",
        ),
        audience=t("A home, a school office or a club", "家庭、学校办公室或社团"),
        language=ctx.language,
        icon=icon,
        category="tracker",
        metrics=metrics,
        inputs=[f.label for f in fields],
        feedback=[t("red marks by date", "按日期标红")],
        theme=ctx.theme("amber"),
    )
    screens = [Screen(name="items", title=t(en, zh), icon=icon, components=components)]
    return AppSpec(brief=brief, entities=[entity], screens=screens, key_paths=paths)


def _score(ctx: Context) -> Match:
    rule = read_rule(ctx)
    if rule is None:
        return Match()
    return Match(60.0, tuple(w for w in rule.words if w) or (rule.rule,))


def build(ctx: Context) -> AppSpec:
    rule = read_rule(ctx)
    assert rule is not None
    if rule.rule == "threshold":
        return _health(ctx, rule)
    if rule.rule == "age":
        return _age(ctx, rule)
    return build_people_rule(ctx, rule)


PATTERN = Pattern(
    name="rules",
    label_en="Records with a rule",
    label_zh="带规则的记录",
    score=_score,
    build=build,
    hint_en="allowance, loans, who has not paid, readings",
    hint_zh="额度、借还、未交名单、测量",
)
