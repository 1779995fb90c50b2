"""Unit converters: length, weight, temperature, volume, area, speed, time, data, currency, time zones."""

from __future__ import annotations

from flashapps.spec import AppSpec, Brief, ConverterComponent, Screen, TextComponent, Unit
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.units import FAMILIES, UNIT_NOTES, Family

__all__ = ["PATTERN"]


_GENERIC = {"convert": 4, "converter": 4, "conversion": 4, "unit": 3, "换算": 6, "转换": 4, "单位": 3}


def pick_family(ctx: Context) -> tuple[Family, Match]:
    best = (FAMILIES[0], Match())
    for family in FAMILIES:
        found = ctx.match(family.keywords)
        if found.score > best[1].score:
            best = (family, found)
    return best


def score(ctx: Context) -> Match:
    family, found = pick_family(ctx)
    generic = ctx.match(_GENERIC)
    if found.score == 0:
        return Match(generic.score * 0.5, generic.words)
    if generic.score == 0:
        return Match(found.score * 0.4, found.words)  # unit words alone (“3 litres a day”) do not ask for a converter
    return found + generic


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    family, _ = pick_family(ctx)
    units = [Unit(name=n, label=t(en, zh), factor=f, offset=o) for n, en, zh, f, o in family.units]
    value, source, target, expected = family.sample
    converter = ConverterComponent(id="conv", units=units, default_value=value, decimals=family.decimals)
    by_name = {u.name: u for u in units}
    note_en, note_zh = UNIT_NOTES.get(
        family.name,
        (
            "Pick the units, type a value and see it in every unit at once.",
            "选择单位并输入数值，马上看到所有单位下的结果。",
        ),
    )
    names = "、".join(u.label for u in units[:6]) if ctx.zh else ", ".join(u.label for u in units[:6])
    components = [
        converter,
        TextComponent(id="how", title=t("About the units", "关于单位"), body=t(note_en, note_zh) + "\n\n" + names),
    ]
    back_unit, to_unit = by_name[target], by_name[source]
    back = round((value + back_unit.offset) * back_unit.factor / to_unit.factor - to_unit.offset, family.decimals)
    paths = [
        path(
            "convert",
            t(
                f"I convert {value:g} {by_name[source].label} to {by_name[target].label}.",
                f"我把 {value:g} {by_name[source].label}换算成{by_name[target].label}。",
            ),
            [
                step("set", "conv__value", float(value)),
                step("set", "conv__from", source),
                step("set", "conv__to", target),
            ],
            [expect("conv.result", expected, "approx")],
        ),
        path(
            "swap_units",
            t("Swapping the units converts the other way.", "交换单位即可反向换算。"),
            [
                step("set", "conv__value", float(value)),
                step("set", "conv__from", source),
                step("set", "conv__to", target),
                step("click", "conv__swap"),
            ],
            [expect("conv.result", back, "approx")],
        ),
    ]
    brief = Brief(
        title=t(*family.title),
        value=t(f"Convert between {len(units)} units instantly.", f"在 {len(units)} 种单位之间即时换算。"),
        audience=t("Students, travellers and cooks", "学生、旅行者和下厨的人"),
        language=ctx.language,
        icon=family.icon,
        category="converter",
        inputs=[t("a value and two units", "数值和两个单位")],
        feedback=[t("the value in the target unit and in every other unit", "目标单位及所有其他单位下的数值")],
        theme=ctx.theme(family.theme),
    )
    screen = Screen(name="convert", title=t("Convert", "换算"), icon=family.icon, components=components)
    return AppSpec(brief=brief, screens=[screen], key_paths=paths)


PATTERN = Pattern(
    name="converter",
    label_en="unit converter",
    label_zh="单位换算",
    score=score,
    build=build,
    hint_en="convert",
    hint_zh="换算",
)
