"""Calculators composed from the idea's own words when no named formula fits: "<amount> per <unit>" (a rate from
a total and a count) and "the cost of A, B and C" (quantity × unit price for each listed item, and the total)."""

from __future__ import annotations

import re

from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out

__all__ = ["COMPOSED", "line_items", "per_phrase"]

_CALC_VERB = r"calculat|comput|work out|figure out|how much|estimat|计算|算出|算一下|算算|帮我算|估算|按.{1,4}算|算"
_STOP = {
    "how",
    "much",
    "many",
    "i",
    "my",
    "the",
    "a",
    "an",
    "our",
    "your",
    "is",
    "are",
    "what",
    "of",
    "and",
    "to",
    "calculate",
    "compute",
    "work",
    "out",
    "find",
    "get",
    "show",
    "know",
}
_ZH_UNITS = "公里|千米|英里|小时|分钟|天|周|月|年|克|公斤|千克|斤|件|份|次|人|张|本|瓶|箱|平方米|平米|坪|升|度|页|节课"


def _calc_asked(ctx: Context) -> bool:
    return re.search(_CALC_VERB, ctx.text) is not None


_ZH_AMOUNT = r"(?:费|价|钱|成本|价格|费用|耗|油耗|电量|热量|卡路里)$"
_ZH_VERB = r"^(?:记|存|卖|买|去|抽|做|给|填|写|输入|交|吃|喝|跑|走|看|读|练|固定)"
_TIME_UNITS = {"day", "week", "month", "year", "hour", "minute", "second", "night", "time", "session", "visit"}


def per_phrase(ctx: Context) -> tuple[str, str] | None:
    """The amount and the unit of a rate the idea asks for ("cost per mile", "每公里油费"), in its own words;
    None for frequencies ("hours per day", "每天记") and doings ("每月存多少")."""
    if ctx.zh:
        match = re.search(
            rf"每({_ZH_UNITS})的?([^\s，。,、？?的]{{1,5}}?)(?:是多少|多少|[，。,、？?]|$)", ctx.script(ctx.idea)
        )
        if not match or match.group(1) in ("天", "周", "月", "年", "小时", "分钟", "次"):
            return None
        amount = to_simplified(match.group(2))
        if amount in ("多少钱", "钱"):
            return ctx.t("Price", "价格"), match.group(1)
        if re.search(_ZH_VERB, amount) or not re.search(_ZH_AMOUNT, amount) or re.search("[算和跟与及]", amount):
            return None
        return match.group(2), match.group(1)
    match = re.search(r"\b((?:[a-z]+ )?[a-z]+) per ([a-z]+)", ctx.idea.lower())
    if not match:
        return None
    words = [w for w in match.group(1).split() if w not in _STOP]
    unit = match.group(2)
    if not words or unit in ("cent", "centum") or unit.rstrip("s") in _TIME_UNITS:
        return None
    if any(w.rstrip("s") in _TIME_UNITS for w in words):
        return None
    return " ".join(words), unit


def _asks_rate(ctx: Context) -> bool:
    return _calc_asked(ctx) and per_phrase(ctx) is not None


def _rate(ctx: Context) -> CalcParts:
    t = ctx.t
    amount, unit = per_phrase(ctx) or (t("Cost", "费用"), t("item", "件"))
    amount = amount[:1].upper() + amount[1:]
    units = unit if unit.endswith("s") or ctx.zh else f"{unit}s"
    bad = msg(t, "The count must be above zero.", "数量必须大于 0。")
    rate = fn(
        "rate",
        t(f"{amount} per {unit}: the total divided by the number of {units}.", f"每{unit}{amount}：总数除以{unit}数。"),
        "total:float, count:float",
        "float",
        f"if count <= 0:\n    raise ValueError({bad})\nreturn round(total / count, 4)",
        [({"total": 120, "count": 300}, 0.4), ({"total": 45, "count": 9}, 5.0)],
    )
    return CalcParts(
        t(f"{amount} per {unit}", f"每{unit}{amount}"),
        t(f"Work out the {amount.lower()} per {unit} from a total.", f"由总数算出每{unit}{amount}。"),
        "➗",
        "blue",
        [
            num("total", t(f"Total {amount.lower()}", f"{amount}总数"), 120),
            num("count", t(f"Number of {units}", f"{unit}数"), 300),
        ],
        [out("rate", t(f"{amount} per {unit}", f"每{unit}{amount}"), "", 4)],
        [rate],
        [
            calc_path(
                "rate",
                t(f"120 over 300 {units} is 0.4 per {unit}.", f"120 除以 300 {unit}，每{unit} 0.4。"),
                {"total": 120, "count": 300},
                {"rate": 0.4},
            ),
            error_path("no_count", t("A count of zero is refused.", "数量为 0 会被拒绝。"), {"count": 0}),
        ],
    )


_TOTAL_WORDS = r"总价|总计|合计|总额|总共|总费用|预算|\btotal\b|\bsum\b|\bbudget\b"
_AREA = r"面积|平方|平米|\barea\b|square"
_PRICE_WORDS = (
    r"单价|价格|每平|unit price|price per|per unit|cost per|per square|\bprices?\b|\bcosts?\b|费用|花费|多少钱"
)


_QTY_WORDS = r"quantity|quantities|unit price|how many|面积|数量|单价|平方|平米|\barea\b|×"
_FIELD_WORDS = (
    r"转|换算|互|convert|输入|数量|单价|面积|价格|各自|每项|\benter\b|\binput\b|quantity|unit price|\bamounts?\b"
)


def line_items(ctx: Context) -> list[str]:
    """The items whose costs the idea asks to add up, with the words around them trimmed
    ("按面积算地板" → "地板", "吊顶的费用" → "吊顶"); empty unless 2 to 5 remain."""
    kept: list[str] = []
    for item in ctx.items:
        cleaned = re.sub(r"^(?:按.{1,4}?算|算一?下?|计算|包括|有)", "", item.strip())
        cleaned = re.sub(r"(?:的)?(?:费用|价格|花费|成本|钱|costs?|prices?)$", "", cleaned).strip(" 的")
        plain = to_simplified(cleaned.lower())
        too_long = len(plain) > 6 if re.search(r"[\u4e00-\u9fff]", plain) else len(plain.split()) > 3
        if not cleaned or re.search(_TOTAL_WORDS, plain) or re.search(_FIELD_WORDS, plain) or too_long:
            continue  # a total, or what is typed for each item ("数量和单价") is no item
        kept.append(cleaned)
    return kept if 2 <= len(kept) <= 5 else []


def _asks_items(ctx: Context) -> bool:
    if per_phrase(ctx) and not re.search(_AREA, ctx.text):
        return False  # "cost per mile from the gas price and miles driven" asks for a rate
    priced = re.search(_PRICE_WORDS, ctx.text) and re.search(_QTY_WORDS, ctx.text)
    return _calc_asked(ctx) and bool(priced) and bool(line_items(ctx))


def _items(ctx: Context) -> CalcParts:
    t = ctx.t
    items = line_items(ctx) or t.items(["Item A", "Item B"], ["项目A", "项目B"])
    area = re.search(_AREA, ctx.text) is not None
    amount_label = t("area", "面积") if area else t("quantity", "数量")
    unit = t("m²", "平方米") if area else ""
    bad = msg(t, "Quantities and prices cannot be negative.", "数量和单价不能为负。")
    inputs, results, logic = [], [], []
    sample: dict[str, object] = {}
    expected: dict[str, object] = {}
    total = 0.0
    items = [item[:1].upper() + item[1:] for item in items]
    for index, item in enumerate(items, start=1):
        qty, price = 10 * index, 5.0 * index
        inputs.append(num(f"qty_{index}", t(f"{item} {amount_label}", f"{item}{amount_label}"), qty, unit))
        inputs.append(num(f"price_{index}", t(f"{item} unit price", f"{item}单价"), price))
        cost = round(qty * price, 2)
        total += cost
        sample.update({f"qty_{index}": qty, f"price_{index}": price})
        expected[f"cost_{index}"] = cost
        logic.append(
            fn(
                f"cost_{index}",
                t(f"{item}: {amount_label} × unit price.", f"{item}：{amount_label} × 单价。"),
                f"qty_{index}:float, price_{index}:float",
                "float",
                f"if qty_{index} < 0 or price_{index} < 0:\n    raise ValueError({bad})\n"
                f"return round(qty_{index} * price_{index}, 2)",
                [({f"qty_{index}": 80, f"price_{index}": 150}, 12000.0)],
            )
        )
        results.append(out(f"cost_{index}", item))
    params = ", ".join(f"qty_{i}:float, price_{i}:float" for i in range(1, len(items) + 1))
    checks = " or ".join(f"qty_{i} < 0 or price_{i} < 0" for i in range(1, len(items) + 1))
    pairs = " + ".join(f"qty_{i} * price_{i}" for i in range(1, len(items) + 1))
    one = {f"qty_{i}": 1 for i in range(1, len(items) + 1)} | {f"price_{i}": 2 for i in range(1, len(items) + 1)}
    logic.append(
        fn(
            "total",
            t("Every item's cost added up.", "各项费用之和。"),
            params,
            "float",
            f"if {checks}:\n    raise ValueError({bad})\nreturn round({pairs}, 2)",
            [(one, 2.0 * len(items))],
        )
    )
    results.append(out("total", t("Total", "总价")))
    expected["total"] = round(total, 2)
    return CalcParts(
        t("Cost Calculator", "费用计算器"),
        t(
            f"The cost of {', '.join(items)} and the total.",
            f"算出{'、'.join(items)}各自的费用和总价。",
        ),
        "🧮",
        "amber",
        inputs,
        results,
        logic,
        [
            calc_path(
                "every_item",
                t(
                    "Each item costs its quantity × unit price, and the total adds them.",
                    "每项费用 = 数量 × 单价，总价为各项之和。",
                ),
                sample,
                expected,
            ),
            error_path("negative", t("A negative quantity is refused.", "负数数量会被拒绝。"), {"qty_1": -1}),
        ],
    )


COMPOSED: tuple[Calc, ...] = (
    Calc.reading(
        "items_total",
        {
            "cost": 8,
            "price": 6,
            "quantity": 6,
            "unit price": 6,
            "total": 4,
            "费用": 8,
            "单价": 8,
            "总价": 8,
            "数量": 6,
            "预算": 4,
        },
        _items,
        _asks_items,
    ),
    Calc.reading("rate", {"per$": 8, "每": 8}, _rate, _asks_rate),
)
