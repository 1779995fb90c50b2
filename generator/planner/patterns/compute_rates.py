"""Pay per item added up: each item the sentence prices (a chore and what it pays, 洗碗2元) gets its rate and
how many times it was done; the total, and each item's share, follow; Save result keeps each month's tally."""

from __future__ import annotations

from flashapps.spec import KeyPath
from generator.planner.labels import clean_label
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import CalcParts, calc_path, fn, num, out
from generator.planner.patterns.compute_read import fixed_pay, priced_items

__all__ = ["rates_parts"]

_DEFAULTS_EN = [("Wash the dishes", 1.0), ("Vacuum", 2.0), ("Take out the trash", 0.5), ("Tidy the room", 1.0)]
_DEFAULTS_ZH = [("洗碗", 2.0), ("拖地", 3.0), ("倒垃圾", 1.0), ("整理房间", 2.0)]


def _items(ctx: Context) -> list[tuple[str, float]]:
    """The priced items the sentence names (at most 4), filled up with common chores when it names fewer than 2."""
    named: list[tuple[str, float]] = []
    for name, rate in priced_items(ctx.idea):
        label = clean_label(ctx.script(name))
        if label and rate > 0:
            named.append((label[:30][:1].upper() + label[:30][1:], rate))
    if len(named) >= 2:
        return named[:4]
    defaults = _DEFAULTS_ZH if ctx.zh else _DEFAULTS_EN
    return (named + [d for d in defaults if d[0] not in {n for n, _ in named}])[:4]


def rates_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    items = _items(ctx)
    rate_names = [f"rate_{n}" for n in range(1, len(items) + 1)]
    times_names = [f"times_{n}" for n in range(1, len(items) + 1)]
    inputs = []
    for (label, rate), rate_name, times_name in zip(items, rate_names, times_names, strict=True):
        inputs.append(num(times_name, t(f"{label}: times done", f"{label}：完成次数"), 0, "", 1))
        inputs.append(num(rate_name, t(f"{label}: pay each time", f"{label}：每次报酬"), rate))
    params = ", ".join(f"{r}:float, {m}:int" for r, m in zip(rate_names, times_names, strict=True))
    pairs = " + ".join(f"{r} * {m}" for r, m in zip(rate_names, times_names, strict=True))
    fixed = fixed_pay(ctx.idea)
    total_params, base_case = params, {}
    if fixed:
        weekly = fixed[1] == "week"
        inputs += [
            num("base", t(f"Fixed pay per {fixed[1]}", "每周固定" if weekly else "每月固定"), fixed[0]),
            num(
                "periods",
                t("Weeks this month" if weekly else "Months", "本月几周" if weekly else "几个月"),
                4 if weekly else 1,
                "",
                1,
            ),
        ]
        total_params, pairs, base_case = (
            f"base:float, periods:int, {params}",
            f"base * periods + {pairs}",
            {"base": fixed[0], "periods": 4 if weekly else 1},
        )
    negative = '"' + t("Times and pay cannot be negative.", "次数和报酬不能为负数。") + '"'
    check = f"if min({', '.join(rate_names + times_names)}) < 0:\n    raise ValueError({negative})\n"
    example = {**{r: rate for r, (_, rate) in zip(rate_names, items, strict=True)}, **{m: 2 for m in times_names}}
    expected = round(sum(rate * 2 for _, rate in items), 2)
    base_total = round(expected + (fixed[0] * base_case["periods"] if fixed else 0), 2)
    total = fn(
        "total",
        t("Everything earned: each item's pay times how often it was done.", "合计：每项报酬乘以完成次数再相加。"),
        total_params,
        "float",
        check + f"return round({pairs}, 2)",
        [({**base_case, **example}, base_total)],
    )
    lines = ", ".join(f"({label!r}, {r}, {m})" for (label, _), r, m in zip(items, rate_names, times_names, strict=True))
    each = t("f'{name}: {times} × {rate:g} = {times * rate:g}'", "f'{name}：{times} 次 × {rate:g} = {times * rate:g}'")
    nothing = t("nothing done yet", "还没有完成任何一项")
    breakdown = fn(
        "breakdown",
        t("What each item earned.", "每一项挣了多少。"),
        params,
        "str",
        check + f"done = [(name, rate, times) for name, rate, times in [{lines}] if times]\n"
        f"return {t('; ', '；')!r}.join({each} for name, rate, times in done) or {nothing!r}",
        [({**example, **{m: 0 for m in times_names}}, nothing)],
    )
    chores = ctx.has("chore", "housework", "allowance", "pocket money", "家务", "家事", "零花钱", "零用钱")
    first_label, first_rate = items[0]
    paths: list[KeyPath] = [
        calc_path(
            "month_total",
            t(f"Every item done twice earns {base_total:g} in all.", f"每项各做两次，合计 {base_total:g}。"),
            {**base_case, **example},
            {"total": float(base_total)},
        ),
        calc_path(
            "one_item",
            t(
                f"{first_label} done 3 times earns {first_rate * 3:g}.",
                f"{first_label}做 3 次，得 {first_rate * 3:g}。",
            ),
            {**{m: 0 for m in times_names}, times_names[0]: 3, **({"periods": 0} if fixed else {})},
            {"total": round(first_rate * 3, 2)},
        ),
    ]
    return CalcParts(
        t("Chore Pay Calculator", "家务报酬计算器") if chores else t("Pay per Item Calculator", "按次计酬计算器"),
        t(
            "Each item has its own pay; enter how often each was done and see the total.",
            "每一项有自己的报酬，填上完成次数，立即算出合计。",
        ),
        "🧹" if chores else "💰",
        "amber",
        inputs,
        [out("total", t("Total earned", "合计"), "", 2), out("breakdown", t("Per item", "明细"))],
        [total, breakdown],
        paths,
        t(
            "Change a pay if it differs; at the end of each month press **Save result** to keep that month's "
            "total in the history.",
            "报酬可以修改；每月底点 **保存结果**，把这个月的合计记入历史。",
        ),
    )
