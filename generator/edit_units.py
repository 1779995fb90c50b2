"""Follow-up readers for a converter's units: “add miles”, “remove yards”, “加上英里”, known from the planner's
unit families (their factors and offsets)."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, ConverterComponent, Unit
from generator.edit_base import ADD, REMOVE, Clause, Refused, listed
from generator.planner.patterns.units import FAMILIES, U

__all__ = ["units"]


def _family(converter: ConverterComponent) -> tuple[U, ...]:
    names = {u.name for u in converter.units}
    return max((f.units for f in FAMILIES), key=lambda known: len(names & {u[0] for u in known}))


def _matches(word: str, unit: U) -> bool:
    word = word.lower().strip()
    name, en, zh = unit[0].lower(), unit[1].lower(), unit[2]
    return word in (name, en, en.rstrip("s"), zh, zh.rstrip("数")) or word.rstrip("s") in (en.rstrip("s"), name)


def units(spec: AppSpec, c: Clause) -> list[str]:
    converters = [x for x in spec.components() if isinstance(x, ConverterComponent)]
    adding, removing = bool(c.has(ADD)), bool(c.has(REMOVE))
    if not converters or not (adding or removing):
        return []
    converter = converters[0]
    known = _family(converter)
    text = re.sub(rf"^.*?(?:{REMOVE}|{ADD})\s*", "", c.text, count=1, flags=re.I)
    asked = listed(re.sub(r"\b(?:units?|from the \w+|to the \w+)\b", "", text, flags=re.I))
    found = [u for w in asked for u in known if _matches(w, u)]
    if not found:
        return []
    names = [c.app(u[1], u[2]) for u in found]
    shown = c.t(", ".join(f"“{n}”" for n in names), "、".join(f"“{n}”" for n in names))
    if removing:
        gone = {u[0] for u in found}
        used = [s.value for p in spec.key_paths for s in p.steps if s.key.startswith(f"{converter.id}__")]
        if gone & {str(v) for v in used}:
            raise Refused(c.t(f"the app's own check converts with {shown}", f"应用自带的检查要用{shown}换算"))
        kept = [u for u in converter.units if u.name not in gone]
        if len(kept) < 2:
            raise Refused(c.t("a converter needs two units at least", "换算至少需要两个单位"))
        converter.units = kept
        return [c.t(f"removed {shown}", f"移除了{shown}")]
    have = {u.name for u in converter.units}
    new = [Unit(name=u[0], label=c.app(u[1], u[2]), factor=u[3], offset=u[4]) for u in found if u[0] not in have]
    if not new:
        raise Refused(c.t(f"{shown} is already there", f"{shown}已经有了"))
    converter.units = (converter.units + new)[:20]
    return [c.t(f"added {shown}", f"添加了{shown}")]
