"""Exact arithmetic: fractions and mixed numbers added, subtracted, multiplied and divided, always reduced."""

from __future__ import annotations

from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, out, text

__all__ = ["EXACT"]


def _fractions(ctx: Context) -> CalcParts:
    t = ctx.t
    ops = t.items(["+ add", "− subtract", "× multiply", "÷ divide"], ["+ 加", "− 减", "× 乘", "÷ 除"])
    bad = msg(
        t,
        "Write each number as a whole number, a fraction like 3/4 or a mixed number like 1 1/2.",
        "每个数请写成整数、分数（如 3/4）或带分数（如 1 1/2）。",
    )
    zero = msg(t, "A denominator cannot be 0, and nothing can be divided by 0.", "分母不能为 0，也不能除以 0。")
    head = f"""def parse(value):
    found = re.fullmatch(r"(-?)(?:(\\d+)\\s+)?(\\d+)\\s*/\\s*(\\d+)|(-?\\d+)", value.strip().replace("−", "-"))
    if not found:
        raise ValueError({bad})
    if found.group(5):
        return int(found.group(5)), 1
    whole, top, bottom = int(found.group(2) or 0), int(found.group(3)), int(found.group(4))
    if bottom == 0:
        raise ValueError({zero})
    top = whole * bottom + top
    return (-top if found.group(1) else top), bottom

(p, q), (r, s) = parse(first), parse(second)
sign = operation.strip()[:1]
if sign == "+":
    top, bottom = p * s + r * q, q * s
elif sign in "-−":
    top, bottom = p * s - r * q, q * s
elif sign == "×":
    top, bottom = p * r, q * s
else:
    if r == 0:
        raise ValueError({zero})
    top, bottom = p * s, q * r
if bottom < 0:
    top, bottom = -top, -bottom
common = math.gcd(top, bottom)
top, bottom = top // common, bottom // common
"""
    params = "first:str, operation:str, second:str"
    add = {"first": "1/2", "operation": ops[0], "second": "1/3"}
    times = {"first": "3/4", "operation": ops[2], "second": "2/3"}
    mixed_args = {"first": "1 1/2", "operation": ops[0], "second": "2/3"}
    result = fn(
        "result",
        t("The exact result as a reduced fraction.", "约分后的精确结果。"),
        params,
        "str",
        head + 'return str(top) if bottom == 1 else f"{top}/{bottom}"',
        [
            (add, "5/6"),
            (times, "1/2"),
            ({"first": "2/4", "operation": ops[0], "second": "0"}, "1/2"),
            ({"first": "1/2", "operation": ops[3], "second": "1/4"}, "2"),
        ],
    )
    mixed = fn(
        "mixed",
        t("The result as a mixed number.", "结果写成带分数。"),
        params,
        "str",
        head
        + "whole, rest = divmod(abs(top), bottom)\n"
        + 'sign = "-" if top < 0 else ""\n'
        + 'if rest == 0:\n    return f"{sign}{whole}"\n'
        + 'return f"{sign}{whole} {rest}/{bottom}" if whole else f"{sign}{rest}/{bottom}"',
        [(mixed_args, "2 1/6"), (add, "5/6"), ({"first": "-7/3", "operation": ops[0], "second": "0"}, "-2 1/3")],
    )
    decimal = fn(
        "decimal",
        t("The result as a decimal.", "结果的小数形式。"),
        params,
        "float",
        head + "return round(top / bottom, 6)",
        [(add, 0.833333)],
    )
    return CalcParts(
        t("Fraction Calculator", "分数计算器"),
        t("Add, subtract, multiply and divide fractions; results are always reduced.", "分数加减乘除，结果自动约分。"),
        "➗",
        "indigo",
        [
            text("first", t("First number", "第一个数"), "1/2"),
            choice("operation", t("Operation", "运算"), ops),
            text("second", t("Second number", "第二个数"), "1/3"),
        ],
        [
            out("result", t("Result (reduced)", "结果（已约分）")),
            out("mixed", t("As a mixed number", "带分数")),
            out("decimal", t("Decimal", "小数"), "", 6),
        ],
        [result, mixed, decimal],
        [
            calc_path("add", t("1/2 + 1/3 = 5/6.", "1/2 + 1/3 = 5/6。"), add, {"result": "5/6"}),
            calc_path("multiply", t("3/4 × 2/3 = 1/2.", "3/4 × 2/3 = 1/2。"), times, {"result": "1/2"}),
            calc_path(
                "mixed_number",
                t("1 1/2 + 2/3 = 13/6, or 2 1/6.", "1 1/2 + 2/3 = 13/6，即 2 1/6。"),
                mixed_args,
                {"result": "13/6", "mixed": "2 1/6"},
            ),
            error_path(
                "divide_by_zero",
                t("Dividing by 0 is refused with a message.", "除以 0 时给出提示。"),
                {"operation": ops[3], "second": "0"},
            ),
        ],
        t(
            "Type whole numbers, fractions like `3/4` or mixed numbers like `1 1/2`; negative numbers start with `-`.",
            "可以输入整数、分数（如 `3/4`）或带分数（如 `1 1/2`）；负数前面加 `-`。",
        ),
    )


_LEARNING = (
    "quiz", "game", "practice", "practise", "drill", "worksheet", "测验", "小测", "练习", "游戏",
    "order the", "smallest to largest", "largest to smallest", "排序", "从小到大", "从大到小",
)  # fmt: skip
"""A fractions quiz, game, practice or ordering exercise is the learner's app, not a tool."""

EXACT: tuple[Calc, ...] = (
    Calc.reading(
        "fractions",
        {
            "fraction": 10,
            "mixed number": 10,
            "simplify fraction": 10,
            "分数计算": 12,
            "分数运算": 12,
            "分数加减": 12,
            "约分": 10,
            "通分": 10,
            "带分数": 10,
        },
        _fractions,
        needs=lambda ctx: not ctx.has(*_LEARNING),
    ),
)
