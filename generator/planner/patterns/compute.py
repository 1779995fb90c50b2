"""Apps built around one computation or conversion, read from the sentence as a structure (compute_read):
amounts in Chinese capitals or English words, days between dates, time and money since a date, random
numbers in a range, names from given letters, pay per item added up. Each is a calculator whose inputs and
results are the ones the sentence names, in its language and script."""

from __future__ import annotations

from collections.abc import Callable

from flashapps.spec import AppSpec, Brief, CalculatorComponent, Component, Screen, TextComponent
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.patterns.calc_core import CalcParts
from generator.planner.patterns.compute_dates import age_parts, between_parts, since_parts
from generator.planner.patterns.compute_draws import names_parts, numbers_parts
from generator.planner.patterns.compute_rates import rates_parts
from generator.planner.patterns.compute_read import read_kind
from generator.planner.patterns.compute_words import capital_parts, english_parts

__all__ = ["PATTERN", "PARTS"]

PARTS: dict[str, Callable[[Context], CalcParts]] = {
    "capital": capital_parts,
    "words": english_parts,
    "between": between_parts,
    "age": age_parts,
    "since": since_parts,
    "draw_numbers": numbers_parts,
    "names": names_parts,
    "rates": rates_parts,
}
_SCORE = 60.0
"""Above any keyword count: the sentence was read as this computation as a whole."""
_SAID = {
    "capital": ("capital numerals", "大写金额"),
    "words": ("an amount in words", "金额的英文写法"),
    "between": ("the days between two dates", "两个日期之间的天数"),
    "age": ("an exact age", "精确年龄"),
    "since": ("the time since a date", "从某天起的天数"),
    "draw_numbers": ("random numbers in a range", "范围内的随机数"),
    "names": ("names from given letters", "按条件生成名字"),
    "rates": ("pay per item and a total", "按项计酬与合计"),
}


def score(ctx: Context) -> Match:
    kind = read_kind(ctx)
    if kind is None:
        return Match()
    return Match(_SCORE, (ctx.t(*_SAID[kind]),))


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    kind = read_kind(ctx) or "between"
    parts = PARTS[kind](ctx)
    drawn = any(i.type == "draw" for i in parts.inputs)
    widget = CalculatorComponent(id="calc", inputs=parts.inputs, results=parts.results, history=not drawn)
    components: list[Component] = [widget]
    if parts.note:
        components.append(TextComponent(id="how", title=t("How it works", "说明"), body=parts.note))
    brief = Brief(
        title=parts.title,
        value=parts.value,
        audience=t("Anyone who needs this answer quickly", "需要快速得到结果的每一个人"),
        language=ctx.language,
        icon=parts.icon,
        category="calculator",
        inputs=[i.label for i in parts.inputs if i.type != "draw"][:12],
        feedback=[r.label for r in parts.results][:8],
        theme=ctx.theme(parts.theme),
    )
    screen = Screen(name="calculate", title=parts.title, icon=parts.icon, components=components)
    return AppSpec(brief=brief, screens=[screen], logic=parts.logic, key_paths=parts.paths)


PATTERN = Pattern(
    name="compute",
    label_en="calculator",
    label_zh="计算器",
    score=score,
    build=build,
    hint_en="calculate",
    hint_zh="计算",
)
