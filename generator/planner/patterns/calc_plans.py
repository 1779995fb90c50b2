"""Planning formulas read from the idea: a weighted grade (and the score still needed for a target), saving for
retirement, and the break-even point of a small business."""

from __future__ import annotations

import re

from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out

__all__ = ["PLANS", "weighted_parts"]

_FINAL = r"final|exam|期末|考试|大考|最后"
_STOP = {"and", "or", "is", "are", "my", "our", "the", "with", "for", "of", "on", "a", "class", "grade", "course"}


def weighted_parts(idea: str) -> list[tuple[str, float]]:
    """The parts of a grade and their weights as the idea writes them ("homework 30%", "期中考占20%")."""
    found: list[tuple[str, float]] = []
    name = r"((?<![A-Za-z])[A-Za-z][A-Za-z -]{1,24}?|[\u4e00-\u9fff]{1,6}?)"
    pattern = name + r"\s*(?:占|是|为|=|:|：)?\s*(\d{1,3}(?:\.\d+)?)\s*(?:%|％)"
    for match in re.finditer(pattern, idea):
        words = [w for w in match.group(1).split() if w.lower() not in _STOP]
        name = " ".join(words[-2:])
        name = re.sub(r"^(?:成绩|成績|其中|分别|分別|和|跟|与|與)", "", name).strip(" -")
        if name and 0 < float(match.group(2)) <= 100:
            found.append((name[:1].upper() + name[1:], float(match.group(2))))
    return found if 2 <= len(found) <= 8 and abs(sum(w for _, w in found) - 100) < 0.5 else []


def _has_parts(ctx: Context) -> bool:
    return bool(weighted_parts(ctx.idea))


def _grade(ctx: Context) -> CalcParts:
    t = ctx.t
    parts = weighted_parts(ctx.idea) or [
        (t("Homework", "作业"), 40.0),
        (t("Midterm", "期中"), 25.0),
        (t("Final", "期末"), 35.0),
    ]
    last = next((i for i, (name, _) in reversed(list(enumerate(parts))) if re.search(_FINAL, name.lower())), None)
    wants = re.search(r"need|target|what do i|to get|to end|需要|目标|目標|至少|才能", ctx.text) is not None
    unknown = (len(parts) - 1 if last is None else last) if wants else None
    known = [i for i in range(len(parts)) if i != unknown]
    names = [f"part_{i + 1}" for i in range(len(parts))]
    weights = {names[i]: w for i, (_, w) in enumerate(parts)}
    bad = msg(t, "Scores must be between 0 and 100.", "分数必须在 0 到 100 之间。")
    check = " or ".join(f"not 0 <= {names[i]} <= 100" for i in known)
    params = ", ".join(f"{names[i]}:float" for i in known)
    sample = {names[i]: 80.0 - 5 * k for k, i in enumerate(known)}
    inputs = [num(names[i], parts[i][0], sample[names[i]], f"{parts[i][1]:g}%") for i in known]
    done = " + ".join(f"{names[i]} * {weights[names[i]]:g}" for i in known)
    done_weight = sum(weights[names[i]] for i in known)
    average_value = round(sum(sample[names[i]] * weights[names[i]] for i in known) / done_weight, 2)
    average = fn(
        "average",
        t("The weighted average of the scores entered.", "已输入分数的加权平均。"),
        params,
        "float",
        f"if {check}:\n    raise ValueError({bad})\nreturn round(({done}) / {done_weight:g}, 2)",
        [(sample, average_value)],
    )
    logic, results = [average], [out("average", t("Weighted average so far", "目前加权平均"))]
    expected: dict[str, object] = {"average": average_value}
    paths = []
    if unknown is not None:
        goal = 80.0
        inputs.append(num("target", t("Target grade", "目标成绩"), goal))
        missing = weights[names[unknown]]
        far = msg(
            t,
            f"Even 100 on {parts[unknown][0]} cannot reach that target.",
            f"即使{parts[unknown][0]}考 100 分也达不到这个目标。",
        )
        need_params = params + ", target:float"
        body = (
            f"if {check}:\n    raise ValueError({bad})\n"
            f"need = (target * 100 - ({done})) / {missing:g}\n"
            f"if need > 100:\n    raise ValueError({far})\nreturn round(max(need, 0), 1)"
        )
        need_value = round(max((goal * 100 - sum(sample[names[i]] * weights[names[i]] for i in known)) / missing, 0), 1)
        logic.append(
            fn(
                "needed",
                t(
                    f"The score needed on {parts[unknown][0]} to reach the target.",
                    f"达到目标所需的{parts[unknown][0]}分数。",
                ),
                need_params,
                "float",
                body,
                [({**sample, "target": goal}, need_value)],
            )
        )
        results.append(out("needed", t(f"Needed on {parts[unknown][0]}", f"{parts[unknown][0]}需要"), "", 1))
        expected["needed"] = need_value
        paths.append(
            error_path(
                "out_of_reach",
                t("A target above what is possible says so.", "不可能达到的目标会给出提示。"),
                {"target": 101},
            )
        )
    weights_note = ", ".join(f"{name} {w:g}%" for name, w in parts)
    return CalcParts(
        t("Grade Calculator", "成绩计算器"),
        t(f"Weighted grade: {weights_note}.", f"加权成绩：{weights_note.replace(', ', '，')}。"),
        "🎓",
        "indigo",
        inputs,
        results,
        logic,
        [
            calc_path(
                "weighted",
                t("The scores entered give their weighted average.", "输入的分数得出加权平均。"),
                {k: v for k, v in sample.items()} | ({"target": 80.0} if unknown is not None else {}),
                expected,
            ),
            error_path(
                "too_high", t("A score above 100 is refused.", "超过 100 的分数会被拒绝。"), {names[known[0]]: 120}
            ),
            *paths,
        ],
        t(f"Weights: {weights_note}.", f"权重：{weights_note.replace(', ', '，')}。"),
    )


def _retirement(ctx: Context) -> CalcParts:
    t = ctx.t
    bad = msg(t, "The retirement age must be above your age now.", "退休年龄必须大于现在的年龄。")
    negative = msg(t, "Savings and rates cannot be negative.", "存款和报酬率不能为负。")
    checks = (
        f"if retire_age <= age:\n    raise ValueError({bad})\n"
        f"if monthly < 0 or rate < 0 or saved < 0:\n    raise ValueError({negative})\n"
        "months = round((retire_age - age) * 12)\n"
    )
    head = (
        checks + "r = rate / 100 / 12\ngrown = saved * (1 + r) ** months\n"
        "added = monthly * months if r == 0 else monthly * ((1 + r) ** months - 1) / r\n"
    )
    params = "age:float, retire_age:float, monthly:float, rate:float, saved:float"
    flat = {"age": 30, "retire_age": 60, "monthly": 5000, "rate": 0, "saved": 0}
    grow = {"age": 35, "retire_age": 65, "monthly": 500, "rate": 6, "saved": 10000}
    total = fn(
        "total",
        t(
            "What the savings are worth at retirement (deposits at each month's end).",
            "退休时的存款总额（每月月底存入）。",
        ),
        params,
        "float",
        head + "return round(grown + added, 2)",
        [(flat, 1800000.0), (grow, 662417.71)],
    )
    paid = fn(
        "paid_in",
        t("Everything paid in.", "投入的本金。"),
        params,
        "float",
        checks + "return round(saved + monthly * months, 2)",
        [(flat, 1800000.0), (grow, 190000.0)],
    )
    gain = fn(
        "gain",
        t("What the returns added.", "投资收益。"),
        params,
        "float",
        head + "return round(grown + added - saved - monthly * months, 2)",
        [(flat, 0.0), (grow, 472417.71)],
    )
    return CalcParts(
        t("Retirement Savings Calculator", "退休金试算"),
        t("How much you will have when you retire.", "算出退休时会有多少钱。"),
        "🏖️",
        "green",
        [
            num("age", t("Age now", "现在年龄"), 30, "", 1),
            num("retire_age", t("Retirement age", "退休年龄"), 60, "", 1),
            num("monthly", t("Saved each month", "每月存款"), 5000),
            num("rate", t("Yearly return", "年报酬率"), 5, "%", 0.1),
            num("saved", t("Saved already", "已有存款"), 0),
        ],
        [
            out("total", t("At retirement", "退休时总额")),
            out("paid_in", t("Paid in", "投入本金")),
            out("gain", t("Returns", "投资收益")),
        ],
        [total, paid, gain],
        [
            calc_path(
                "no_returns",
                t("5000 a month from 30 to 60 at 0% is 1,800,000.", "30 到 60 岁每月存 5000、报酬率 0%：180 万。"),
                flat,
                {"total": 1800000.0, "gain": 0.0},
            ),
            error_path(
                "too_late",
                t("Retiring before today's age is refused.", "退休年龄小于现在年龄时给出提示。"),
                {"retire_age": 20},
            ),
        ],
    )


def _break_even(ctx: Context) -> CalcParts:
    t = ctx.t
    bad = msg(
        t,
        "The price must be above the cost of one unit, or it never pays back.",
        "售价必须高于单份成本，否则无法回本。",
    )
    negative = msg(t, "Costs and amounts cannot be negative.", "成本和数量不能为负。")
    head = (
        f"if cost < 0 or fixed < 0 or units < 0:\n    raise ValueError({negative})\n"
        f"if price <= cost:\n    raise ValueError({bad})\n"
    )
    params = "cost:float, price:float, fixed:float, units:float"
    sample = {"cost": 4, "price": 10, "fixed": 120, "units": 40}
    even = fn(
        "break_even",
        t("Units to sell before the fixed cost is paid back (rounded up).", "回本需要卖出的数量（向上取整）。"),
        params,
        "int",
        head + "return math.ceil(round(fixed / (price - cost), 6))",
        [(sample, 20), ({"cost": 6, "price": 13, "fixed": 100, "units": 0}, 15)],
    )
    profit = fn(
        "profit",
        t("Profit when that many units are sold.", "卖出这么多份时的利润。"),
        params,
        "float",
        head + "return round(units * (price - cost) - fixed, 2)",
        [(sample, 120.0)],
    )
    margin = fn(
        "margin",
        t("What each unit earns above its cost.", "每份的毛利。"),
        params,
        "float",
        head + "return round(price - cost, 2)",
        [(sample, 6.0)],
    )
    return CalcParts(
        t("Break-even Calculator", "回本计算器"),
        t("How many to sell to pay back the fixed costs, and the profit.", "算出卖多少才能回本，以及能赚多少。"),
        "📈",
        "amber",
        [
            num("cost", t("Cost of one unit", "单份成本"), 4),
            num("price", t("Selling price", "售价"), 10),
            num("fixed", t("Fixed costs", "固定成本"), 120),
            num("units", t("Units sold", "卖出数量"), 40, "", 1),
        ],
        [
            out("break_even", t("Units to break even", "回本数量"), "", 0),
            out("profit", t("Profit", "利润")),
            out("margin", t("Earned per unit", "每份毛利")),
        ],
        [even, profit, margin],
        [
            calc_path(
                "pays_back",
                t(
                    "Cost 4, price 10, fixed 120: 20 to break even; 40 sold make 120.",
                    "成本 4、售价 10、固定 120：卖 20 份回本，卖 40 份赚 120。",
                ),
                sample,
                {"break_even": 20, "profit": 120.0},
            ),
            error_path("never", t("A price at or below cost is refused.", "售价不高于成本时给出提示。"), {"price": 4}),
        ],
    )


PLANS: tuple[Calc, ...] = (
    Calc.reading(
        "grade",
        {
            "grade": 4,
            "final": 4,
            "weighted": 8,
            "weight": 3,
            "gpa": 2,
            "成绩": 6,
            "期末": 6,
            "加权": 8,
            "权重": 8,
            "占": 3,
        },
        _grade,
        _has_parts,
    ),
    Calc.reading(
        "retirement",
        {"retire": 10, "retirement": 10, "pension": 8, "退休": 12, "养老": 10},
        _retirement,
    ),
    Calc.reading(
        "break_even",
        {"break-even": 12, "break even": 12, "pay back": 6, "回本": 12, "保本": 12, "盈亏平衡": 12},
        _break_even,
    ),
)
