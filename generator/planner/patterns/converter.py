"""Unit converters: length, weight, temperature, volume, area, speed, time, data, currency, time zones."""

from __future__ import annotations

from flashapps.spec import AppSpec, Brief, Component, ConverterComponent, KeyPath, Screen, TextComponent, Unit
from generator.planner.hanzi import to_simplified
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


_DEFAULT_SET = ("length", "weight", "temperature", "volume")


def named_families(ctx: Context) -> list[Family]:
    """Every unit family the idea names, the best fitting first; a bare "unit converter" gets the everyday four.
    Money is left to the calculator, where the user types the rate (no invented live rates)."""
    named: list[tuple[int, Family]] = []
    for family in FAMILIES:
        words = ctx.match(family.keywords).words if family.name != "currency" else ()
        places = [ctx.text.find(w) for w in map(to_simplified, words) if w in ctx.text]
        if words:
            named.append((min(places, default=len(ctx.text)), family))
    named.sort(key=lambda pair: pair[0])
    return [f for _, f in named] or [f for f in FAMILIES if f.name in _DEFAULT_SET]


def score(ctx: Context) -> Match:
    family, found = pick_family(ctx)
    generic = ctx.match(_GENERIC)
    if family.name == "currency":
        return Match()  # the calculator converts money at a rate the user types
    if found.score == 0:
        return Match(generic.score * 0.5, generic.words)
    if generic.score == 0:
        return Match(found.score * 0.4, found.words)  # unit words alone (“3 litres a day”) do not ask for a converter
    return found + generic


def _family_parts(ctx: Context, family: Family, cid: str, titled: bool) -> tuple[ConverterComponent, list[KeyPath]]:
    """One family's converter and the paths that check it: a sample conversion (and swapping, for the first)."""
    t = ctx.t
    units = [Unit(name=n, label=t(en, zh), factor=f, offset=o) for n, en, zh, f, o in family.units]
    value, source, target, expected = family.sample
    title = t(*family.title) if titled else ""
    converter = ConverterComponent(id=cid, title=title, units=units, default_value=value, decimals=family.decimals)
    by_name = {u.name: u for u in units}
    steps = [
        step("set", f"{cid}__value", float(value)),
        step("set", f"{cid}__from", source),
        step("set", f"{cid}__to", target),
    ]
    paths = [
        path(
            "convert" if cid == "conv" else f"convert_{family.name}",
            t(
                f"I convert {value:g} {by_name[source].label} to {by_name[target].label}.",
                f"我把 {value:g} {by_name[source].label}换算成{by_name[target].label}。",
            ),
            steps,
            [expect(f"{cid}.result", expected, "approx")],
        )
    ]
    if cid == "conv":
        back_unit, to_unit = by_name[target], by_name[source]
        back = round((value + back_unit.offset) * back_unit.factor / to_unit.factor - to_unit.offset, family.decimals)
        paths.append(
            path(
                "swap_units",
                t("Swapping the units converts the other way.", "交换单位即可反向换算。"),
                [*steps, step("click", f"{cid}__swap")],
                [expect(f"{cid}.result", back, "approx")],
            )
        )
    return converter, paths


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    families = named_families(ctx)[:6]
    family = families[0]
    components: list[Component] = []
    paths: list[KeyPath] = []
    notes: list[str] = []
    for index, each in enumerate(families):
        cid = "conv" if index == 0 else f"conv_{each.name}"
        converter, checks = _family_parts(ctx, each, cid, len(families) > 1)
        components.append(converter)
        paths.extend(checks)
        if each.name in UNIT_NOTES:
            notes.append(t(*UNIT_NOTES[each.name]))
    units = [u for c in components if isinstance(c, ConverterComponent) for u in c.units]
    default_note = t(
        "Pick the units, type a value and see it in every unit at once.",
        "选择单位并输入数值，马上看到所有单位下的结果。",
    )
    if len(families) == 1:
        names = "、".join(u.label for u in units[:6]) if ctx.zh else ", ".join(u.label for u in units[:6])
        body = (notes[0] if notes else default_note) + "\n\n" + names
    else:
        body = "\n\n".join([default_note, *notes])
    components.append(TextComponent(id="how", title=t("About the units", "关于单位"), body=body))
    if len(families) > 1:
        title = t("Unit Converter", "单位换算")
        value = t(
            f"Convert {', '.join(t(*f.title).replace(' Converter', '').lower() for f in families)} units instantly.",
            f"即时换算{'、'.join(t(*f.title).replace('换算', '') for f in families)}单位。",
        )
    else:
        title = t(*family.title)
        value = t(f"Convert between {len(units)} units instantly.", f"在 {len(units)} 种单位之间即时换算。")
    brief = Brief(
        title=title,
        value=value,
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
