"""Calculators and text tools: the kind of calculation is picked by the idea's words."""

from __future__ import annotations

from flashapps.spec import AppSpec, Brief, CalculatorComponent, Component, Screen, TextComponent
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.patterns.calc_compose import COMPOSED
from generator.planner.patterns.calc_core import Calc
from generator.planner.patterns.calc_data import DATA_TOOLS
from generator.planner.patterns.calc_dates import DATES
from generator.planner.patterns.calc_exact import EXACT
from generator.planner.patterns.calc_formula import FORMULAS
from generator.planner.patterns.calc_fun import FUN
from generator.planner.patterns.calc_health import HEALTH
from generator.planner.patterns.calc_misc import GENERAL, MISC
from generator.planner.patterns.calc_money import MONEY
from generator.planner.patterns.calc_phrase import PHRASES
from generator.planner.patterns.calc_plans import PLANS
from generator.planner.patterns.calc_secret import SECRETS
from generator.planner.patterns.calc_shop import SHOP
from generator.planner.patterns.calc_stats import STATS
from generator.planner.patterns.calc_text import TEXT_TOOLS
from generator.planner.patterns.calc_when import WHEN

__all__ = ["CALCS", "PATTERN", "pick_calc"]

CALCS: tuple[Calc, ...] = (
    *FORMULAS,
    *WHEN,
    *EXACT,
    *PHRASES,
    *PLANS,
    *HEALTH,
    *DATES,
    *MONEY,
    *SHOP,
    *STATS,
    *TEXT_TOOLS,
    *SECRETS,
    *DATA_TOOLS,
    *MISC,
    *FUN,
    *COMPOSED,
)
_GENERIC = {"calculat": 3, "compute": 2, "formula": 2, "generator": 1, "convert": 1, "计算": 3, "算一算": 3, "公式": 2}
_TOOLS = {
    "binary",
    "roman",
    "cipher",
    "words",
    "password",
    "lorem",
    "csv_json",
    "json_csv",
    "regex",
    "markdown",
    "greeting",
    "emoji",
    "compare",
    "palette",
    "codes",
    "bits",
    "passphrase",
}


def pick_calc(ctx: Context) -> tuple[Calc, Match]:
    """The calculation kind whose words fit best; the general calculator when none does."""
    best: tuple[Calc, Match] = (GENERAL, ctx.match(GENERAL.keywords))
    for calc in CALCS:
        if not calc.fits(ctx):
            continue
        found = ctx.match(calc.keywords)
        if calc.needs and found.score:  # what it needs (a date, two clock times, a rate) is in the idea
            found = Match(found.score + 10, found.words)
        if found.score > best[1].score:
            best = (calc, found)
    return best


def score(ctx: Context) -> Match:
    calc, found = pick_calc(ctx)
    if calc is GENERAL and found.score == 0:
        return Match()
    return found + ctx.match(_GENERIC)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    calc, _ = pick_calc(ctx)
    parts = calc.parts(ctx)
    secret = any(i.type == "draw" for i in parts.inputs)  # a generator of secrets keeps no history of them
    widget = CalculatorComponent(id="calc", inputs=parts.inputs, results=parts.results, history=not secret)
    components: list[Component] = [widget]
    how = parts.note or (
        t(
            "Change any input and the result updates at once; nothing you make here is saved.",
            "修改任意输入，结果会立即更新；这里生成的内容不会被保存。",
        )
        if secret
        else t(
            "Change any input and the results update at once; **Save result** keeps a history of your calculations.",
            "修改任意输入，结果会立即更新；点 **保存结果** 可以保留计算历史。",
        )
    )
    components.append(TextComponent(id="how", title=t("How it works", "说明"), body=how))
    screen = Screen(name="calculate", title=parts.title, icon=parts.icon, components=components)
    brief = Brief(
        title=parts.title,
        value=parts.value,
        audience=t("Anyone who needs this answer quickly", "需要快速得到结果的每一个人"),
        language=ctx.language,
        icon=parts.icon,
        category="other" if calc.name in _TOOLS else "calculator",
        inputs=[i.label for i in parts.inputs][:12],
        feedback=[r.label for r in parts.results][:8],
        theme=ctx.theme(parts.theme),
    )
    return AppSpec(brief=brief, screens=[screen], logic=parts.logic, key_paths=parts.paths)


PATTERN = Pattern(
    name="calculator",
    label_en="calculator",
    label_zh="计算器",
    score=score,
    build=build,
    hint_en="calculate",
    hint_zh="计算",
)
