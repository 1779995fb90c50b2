"""Shopping calculators: percentages, discounts and unit prices."""

from __future__ import annotations

import re

from generator.planner.lang import Tr
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out
from generator.planner.patterns.calc_reading import percents

__all__ = ["SHOP"]


def _percent(t: Tr) -> CalcParts:
    zero = msg(t, "The base number cannot be zero.", "基数不能为 0。")
    of = fn(
        "part",
        t("a percent of b.", "b 的 a%。"),
        "a:float, b:float",
        "float",
        "return round(a / 100 * b, 4)",
        [({"a": 15, "b": 80}, 12.0), ({"a": 50, "b": 3}, 1.5)],
    )
    share = fn(
        "share",
        t("a as a percentage of b.", "a 占 b 的百分比。"),
        "a:float, b:float",
        "float",
        f"if b == 0:\n    raise ValueError({zero})\nreturn round(a / b * 100, 4)",
        [({"a": 15, "b": 60}, 25.0)],
    )
    change = fn(
        "change",
        t("Percentage change from a to b.", "从 a 到 b 的变化百分比。"),
        "a:float, b:float",
        "float",
        f"if a == 0:\n    raise ValueError({zero})\nreturn round((b - a) / abs(a) * 100, 4)",
        [({"a": 80, "b": 100}, 25.0)],
    )
    return CalcParts(
        t("Percentage Calculator", "百分比计算器"),
        t(
            "Percent of a number, what percent one number is of another, and percentage change.",
            "求百分数、占比和增减百分比。",
        ),
        "➗",
        "blue",
        [num("a", "a", 15), num("b", "b", 60)],
        [
            out("part", t("a% of b", "b 的 a%"), "", 4),
            out("share", t("a is …% of b", "a 占 b 的百分比"), "%", 4),
            out("change", t("Change a → b", "a → b 变化"), "%", 4),
        ],
        [of, share, change],
        [
            calc_path(
                "fifteen_of_sixty",
                t("15 of 60 is 25% and 15% of 60 is 9.", "15 占 60 的 25%，60 的 15% 是 9。"),
                {"a": 15, "b": 60},
                {"part": 9.0, "share": 25.0, "change": 300.0},
            ),
            error_path(
                "zero_base", t("A zero base is refused with a message.", "基数为 0 时给出提示。"), {"a": 0, "b": 0}
            ),
        ],
    )


def _discount(t: Tr, off: float = 25.0) -> CalcParts:
    bad = msg(
        t,
        "The price cannot be negative and the discount must be between 0 and 100%.",
        "价格不能为负，折扣需在 0–100% 之间。",
    )
    guard = f"if price < 0 or not 0 <= off <= 100:\n    raise ValueError({bad})\n"
    final = fn(
        "sale_price",
        t("The price after the discount.", "打折后的价格。"),
        "price:float, off:float",
        "float",
        guard + "return round(price * (1 - off / 100), 2)",
        [({"price": 120, "off": 25}, 90.0), ({"price": 59.9, "off": 10}, 53.91)],
    )
    saved = fn(
        "saved",
        t("How much the discount saves.", "打折省下的钱。"),
        "price:float, off:float",
        "float",
        guard + "return round(price * off / 100, 2)",
        [({"price": 120, "off": 25}, 30.0)],
    )
    return CalcParts(
        t("Discount Calculator", "折扣计算器"),
        t("See the sale price and how much you save.", "看看打折后多少钱、省了多少。"),
        "🏷️",
        "red",
        [
            num("price", t("Price", "原价"), 120),
            num("off", t("Discount", "折扣"), off, "%", 1 if off.is_integer() else 0.5),
        ],
        [out("sale_price", t("Sale price", "折后价")), out("saved", t("You save", "节省"))],
        [final, saved],
        [
            calc_path(
                "quarter_off",
                t("25% off 120 is 90.", "120 打 75 折是 90。"),
                {"price": 120, "off": 25},
                {"sale_price": 90.0, "saved": 30.0},
            ),
            error_path("too_much", t("A discount over 100% is refused.", "折扣超过 100% 会被拒绝。"), {"off": 150}),
        ],
    )


def _zhe(t: Tr, rate: float) -> CalcParts:
    """A Chinese discount written in 折: 8 折 pays 80% of the price."""
    bad = msg(
        t,
        "The price cannot be negative and the discount must be between 0 and 10 折.",
        "价格不能为负，折数需在 0–10 折之间。",
    )
    guard = f"if price < 0 or not 0 < zhe <= 10:\n    raise ValueError({bad})\n"
    final = fn(
        "sale_price",
        t("The price after the discount.", "打折后的价格。"),
        "price:float, zhe:float",
        "float",
        guard + "return round(price * zhe / 10, 2)",
        [({"price": 120, "zhe": 8}, 96.0), ({"price": 120, "zhe": 8.5}, 102.0)],
    )
    saved = fn(
        "saved",
        t("How much the discount saves.", "打折省下的钱。"),
        "price:float, zhe:float",
        "float",
        guard + "return round(price * (10 - zhe) / 10, 2)",
        [({"price": 120, "zhe": 8}, 24.0)],
    )
    return CalcParts(
        t("Discount Calculator", "折扣计算器"),
        t("See the sale price and how much you save.", "看看打折后多少钱、省了多少。"),
        "🏷️",
        "red",
        [num("price", t("Price", "原价"), 120), num("zhe", t("Discount", "折扣"), rate, t("× 10%", "折"), 0.5)],
        [out("sale_price", t("Sale price", "折后价")), out("saved", t("You save", "节省"))],
        [final, saved],
        [
            calc_path(
                "eight_zhe",
                t("120 at 8 zhe is 96.", "120 元打 8 折是 96 元。"),
                {"price": 120, "zhe": 8},
                {"sale_price": 96.0, "saved": 24.0},
            ),
            error_path("too_much", t("More than 10 zhe is refused.", "超过 10 折会被拒绝。"), {"zhe": 12}),
        ],
    )


def _discount_read(ctx: Context) -> CalcParts:
    """Chinese ideas that count discounts in 折 ("打8折", "打几折") get 折; others a percentage off."""
    found = re.search(r"(\d{1,2}(?:\.\d)?|[一二三四五六七八九]五?)\s*折|打几折|几折|打折", ctx.text)
    if ctx.zh and found and "%" not in ctx.idea:
        digits = {"一": "1", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}
        raw = "".join(digits.get(c, c) for c in (found.group(1) or "8"))
        rate = float(raw) / 10 if len(raw) == 2 and "." not in raw else float(raw)
        return _zhe(ctx.t, rate if 0 < rate <= 10 else 8.0)
    named = [p for p in percents(ctx.idea) if p < 100]
    return _discount(ctx.t, named[0] if named else 25.0)


def _unit_price(t: Tr) -> CalcParts:
    bad = msg(t, "Quantities must be above zero.", "数量必须大于 0。")
    guard = f"if qty_a <= 0 or qty_b <= 0:\n    raise ValueError({bad})\n"
    names = t.items(["A is cheaper", "B is cheaper", "Same price"], ["A 更便宜", "B 更便宜", "一样便宜"])
    ua = fn(
        "unit_a",
        t("Price per unit of A.", "A 的单价。"),
        "price_a:float, qty_a:float, qty_b:float",
        "float",
        guard + "return round(price_a / qty_a, 4)",
        [({"price_a": 12, "qty_a": 500, "qty_b": 1}, 0.024)],
    )
    ub = fn(
        "unit_b",
        t("Price per unit of B.", "B 的单价。"),
        "price_b:float, qty_a:float, qty_b:float",
        "float",
        guard + "return round(price_b / qty_b, 4)",
        [({"price_b": 20, "qty_a": 1, "qty_b": 1000}, 0.02)],
    )
    body = (
        guard + "a, b = price_a / qty_a, price_b / qty_b\n"
        f'if abs(a - b) < 1e-9:\n    return "{names[2]}"\nreturn "{names[0]}" if a < b else "{names[1]}"'
    )
    best = fn(
        "better",
        t("Which pack is the better deal.", "哪个更划算。"),
        "price_a:float, qty_a:float, price_b:float, qty_b:float",
        "str",
        body,
        [({"price_a": 12, "qty_a": 500, "price_b": 20, "qty_b": 1000}, names[1])],
    )
    return CalcParts(
        t("Unit Price Comparer", "单价比价器"),
        t("Compare two packs by price per unit and find the better deal.", "按单价比较两种包装，找出更划算的。"),
        "🛒",
        "amber",
        [
            num("price_a", t("Price A", "A 价格"), 12),
            num("qty_a", t("Quantity A", "A 数量"), 500),
            num("price_b", t("Price B", "B 价格"), 20),
            num("qty_b", t("Quantity B", "B 数量"), 1000),
        ],
        [
            out("unit_a", t("A per unit", "A 单价"), "", 4),
            out("unit_b", t("B per unit", "B 单价"), "", 4),
            out("better", t("Verdict", "结论")),
        ],
        [ua, ub, best],
        [
            calc_path(
                "compare",
                t("500 for 12 vs 1000 for 20: B is cheaper.", "500 份 12 元对比 1000 份 20 元：B 更便宜。"),
                {"price_a": 12, "qty_a": 500, "price_b": 20, "qty_b": 1000},
                {"better": names[1], "unit_b": 0.02},
            ),
            error_path("empty_pack", t("A zero quantity is refused.", "数量为 0 会被拒绝。"), {"qty_a": 0}),
        ],
    )


SHOP: tuple[Calc, ...] = (
    Calc("percent", {"percent": 8, "percentage": 10, "百分比": 10, "百分数": 10, "占比": 8}, _percent),
    Calc.reading(
        "discount",
        {
            "discount": 10,
            "sale price": 10,
            "% off": 8,
            "折扣": 10,
            "打折": 10,
            "优惠": 5,
            "折计算": 10,
            "折后": 8,
            "几折": 8,
        },
        _discount_read,
    ),
    Calc(
        "unit_price",
        {"unit price": 10, "price per": 8, "better deal": 8, "compare prices": 8, "单价": 10, "比价": 10, "划算": 8},
        _unit_price,
    ),
)
