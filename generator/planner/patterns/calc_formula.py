"""Money formulas read from the idea: its named rates, preset percentages, counts of people, pay periods and
rounding rules become the calculator's defaults, choices and results (tip, cost per person, pay per hour,
tax, markup, currency with a typed rate)."""

from __future__ import annotations

import math
import re

from generator.planner.lang import Tr
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, num, out
from generator.planner.patterns.calc_reading import amount_near, count_of, money_amount, percents, period_of, rounds_up

__all__ = ["FORMULAS"]

_PEOPLE_EN = "people|persons|friends|guests|ways|of us|diners|roommates|colleagues|members"
_PEOPLE_ZH = "人|位朋友|个朋友|朋友|室友|同事"


def _g(value: float) -> str:
    return f"{value:g}"


def _tip(ctx: Context) -> CalcParts:
    t = ctx.t
    presets = [p for p in percents(ctx.idea) if p <= 50][:6]
    splits = any(w in ctx.text for w in ("split", "share", "each", "per person", "平摊", "分摊", "每人", "aa"))
    people = count_of(ctx.idea, _PEOPLE_EN, _PEOPLE_ZH) or (2 if splits else 1)
    people = max(1, min(people, 50))
    up = rounds_up(ctx.idea)
    bad = msg(t, "The bill must be above zero and at least one person must pay.", "账单必须大于 0，且至少 1 人付款。")
    guard = f'if bill <= 0 or people < 1:\n    raise ValueError({bad})\nrate = float(str(percent).rstrip("%"))\n'
    if len(presets) >= 2:
        options = [f"{_g(p)}%" for p in presets]
        pick = presets[len(presets) // 2]
        rate_input = choice("percent", t("Tip", "小费比例"), options, f"{_g(pick)}%")
        kind, sample_rate, sample_arg = "str", presets[-1], f"{_g(presets[-1])}%"
    else:
        pick = presets[0] if presets else 15.0
        rate_input = num("percent", t("Tip", "小费比例"), pick, "%", 1 if float(pick).is_integer() else 0.5)
        kind, sample_rate, sample_arg = "float", pick, pick  # type: ignore[assignment]
    params = f"bill:float, percent:{kind}, people:int"
    bill = 95.0
    tip_value = round(bill * sample_rate / 100, 2)
    total_value = round(bill * (1 + sample_rate / 100), 2)
    share = round(total_value / people, 2)
    args = {"bill": bill, "percent": sample_arg, "people": people}
    tip = fn(
        "tip",
        t("The tip on the bill.", "账单的小费。"),
        params,
        "float",
        guard + "return round(bill * rate / 100, 2)",
        [(args, tip_value)],
    )
    total = fn(
        "total",
        t("The bill with the tip.", "含小费的总额。"),
        params,
        "float",
        guard + "return round(bill * (1 + rate / 100), 2)",
        [(args, total_value)],
    )
    each_body = guard + "share = round(bill * (1 + rate / 100), 2) / people\n"
    each = fn(
        "per_person",
        t("What each person pays, tip included.", "含小费每人应付。"),
        params,
        "float",
        each_body + "return round(share, 2)",
        [(args, share)],
    )
    results = [out("tip", t("Tip", "小费")), out("total", t("Total", "总额"))]
    logic = [tip, total]
    expected: dict[str, object] = {"tip": tip_value, "total": total_value}
    if people > 1 or splits:
        results.append(out("per_person", t("Each pays", "每人应付")))
        logic.append(each)
        expected["per_person"] = share
    if up:
        ceil = math.ceil(round(total_value / people, 6))
        rounded = fn(
            "rounded",
            t("Each person's share rounded up to the next whole amount.", "每人应付向上取整。"),
            params,
            "int",
            each_body + "return math.ceil(round(share, 6))",
            [(args, ceil)],
        )
        results.append(out("rounded", t("Each pays (rounded up)", "每人应付（向上取整）"), "", 0))
        logic.append(rounded)
        expected["rounded"] = ceil
    inputs = [num("bill", t("Bill", "账单金额"), 80), rate_input, num("people", t("People", "人数"), people, "", 1)]
    story = t(
        f"A {_g(bill)} bill with a {_g(sample_rate)}% tip for {people}: total {_g(total_value)}.",
        f"{_g(bill)} 元账单、{_g(sample_rate)}% 小费、{people} 人：总额 {_g(total_value)}。",
    )
    how = t(
        "Pick a tip, type the bill and the number of people; the tip, the total"
        + (" and each share (rounded up to a whole amount)" if up else " and each share")
        + " update at once.",
        "选择小费比例，输入账单金额和人数；小费、总额"
        + ("和每人应付（向上取整）" if up else "和每人应付")
        + "会立即更新。",
    )
    return CalcParts(
        t("Tip Calculator", "小费计算器"),
        t("Work out the tip, the total and each person's share.", "算出小费、总额和每人应付。"),
        "🧾",
        "green",
        inputs,
        results,
        logic,
        [
            calc_path("sample_bill", story, args, expected),
            error_path("nobody", t("Zero people is refused with a message.", "人数为 0 时给出提示。"), {"people": 0}),
        ],
        how,
    )


def _split(ctx: Context) -> CalcParts:
    t = ctx.t
    people = max(2, min(count_of(ctx.idea, _PEOPLE_EN, _PEOPLE_ZH) or 4, 100))
    up = rounds_up(ctx.idea)
    bad = msg(
        t, "The total cannot be negative and at least one person must share it.", "总额不能为负，且至少 1 人分摊。"
    )
    guard = f"if total < 0 or people < 1:\n    raise ValueError({bad})\n"
    sample = money_amount(ctx.idea) or 250.0
    args = {"total": sample, "people": people}
    each = fn(
        "each",
        t("The total divided by the number of people.", "总额除以人数。"),
        "total:float, people:int",
        "float",
        guard + "return round(total / people, 2)",
        [(args, round(sample / people, 2)), ({"total": 100, "people": 3}, 33.33)],
    )
    results = [out("each", t("Each person pays", "每人应付"))]
    logic = [each]
    expected: dict[str, object] = {"each": round(sample / people, 2)}
    if up:
        ceil = math.ceil(round(sample / people, 6))
        logic.append(
            fn(
                "rounded",
                t("Each share rounded up to a whole amount.", "每人应付向上取整。"),
                "total:float, people:int",
                "int",
                guard + "return math.ceil(round(total / people, 6))",
                [(args, ceil)],
            )
        )
        results.append(out("rounded", t("Each pays (rounded up)", "每人应付（向上取整）"), "", 0))
        expected["rounded"] = ceil
    return CalcParts(
        t("Cost per Person", "人均费用计算"),
        t("Split a total evenly: how much each person pays.", "平均分摊总额：每人该付多少。"),
        "👥",
        "teal",
        [num("total", t("Total cost", "总金额"), sample), num("people", t("People", "人数"), people, "", 1)],
        results,
        logic,
        [
            calc_path(
                "even_split",
                t(f"{_g(sample)} shared by {people} people.", f"{_g(sample)} 元由 {people} 人平摊。"),
                args,
                expected,
            ),
            error_path("nobody", t("Zero people is refused with a message.", "人数为 0 时给出提示。"), {"people": 0}),
        ],
    )


_PER_YEAR = {"year": 1, "month": 12, "week": 52, "day": 260}
_PAY_WORDS = r"pay|salary|income|earn|wage|paid|薪|工资|收入|赚"
_HOUR_WORDS = r"hours|hrs|小时|工时|时数"


def _period_names(t: Tr) -> dict[str, str]:
    return dict(
        zip(
            _PER_YEAR,
            t.items(
                ["per year", "per month", "per week", "per day (5 days a week)"],
                ["每年", "每月", "每周", "每天（每周 5 天）"],
            ),
            strict=True,
        )
    )


def _hourly(ctx: Context) -> CalcParts:
    t = ctx.t
    if any(w in ctx.text for w in ("weeks off", "billable", "expenses", "freelanc", "自由职业", "休假", "接案")):
        return _freelance(t)
    names = _period_names(t)
    pay_period = period_of(ctx.idea, _PAY_WORDS) or "month"
    hours_period = period_of(ctx.idea, _HOUR_WORDS) or "week"
    if hours_period == "year":
        hours_period = "week"
    pay = amount_near(ctx.idea, _PAY_WORDS) or {"year": 48000, "month": 4000, "week": 1000, "day": 200}[pay_period]
    hours = amount_near(ctx.idea, _HOUR_WORDS) or {"month": 160, "week": 40, "day": 8}[hours_period]
    table = "{" + ", ".join(f'"{names[k]}": {v}' for k, v in _PER_YEAR.items()) + "}"
    bad = msg(t, "Pay cannot be negative and hours must be above zero.", "收入不能为负，工时必须大于 0。")
    body = (
        f"if pay < 0 or hours <= 0:\n    raise ValueError({bad})\nper_year = {table}\n"
        "return round(pay * per_year[pay_every] / (hours * per_year[hours_every]), 2)"
    )
    params = "pay:float, pay_every:str, hours:float, hours_every:str"
    args = {"pay": 4000, "pay_every": names["month"], "hours": 40, "hours_every": names["week"]}
    hourly = fn(
        "hourly",
        t(
            "Pay per hour: the pay over a year divided by the hours worked in a year.",
            "时薪：一年的收入除以一年的工时。",
        ),
        params,
        "float",
        body,
        [(args, 23.08), ({"pay": 52000, "pay_every": names["year"], "hours": 40, "hours_every": names["week"]}, 25.0)],
    )
    yearly = fn(
        "yearly",
        t("The pay over a whole year.", "全年收入。"),
        "pay:float, pay_every:str",
        "float",
        f"if pay < 0:\n    raise ValueError({bad})\nper_year = {table}\nreturn round(pay * per_year[pay_every], 2)",
        [({"pay": 4000, "pay_every": names["month"]}, 48000.0)],
    )
    choices = list(names.values())
    return CalcParts(
        t("Hourly Pay Calculator", "时薪计算器"),
        t("How much you really earn per hour from your pay and your working hours.", "根据收入和工时算出真实时薪。"),
        "⏱️",
        "green",
        [
            num("pay", t("Pay", "收入"), pay),
            choice("pay_every", t("Pay is", "收入周期"), choices, names[pay_period]),
            num("hours", t("Hours worked", "工作时长"), hours, t("h", "小时")),
            choice("hours_every", t("Hours are", "工时周期"), choices[1:], names[hours_period]),
        ],
        [out("hourly", t("Per hour", "时薪")), out("yearly", t("Per year", "年收入"))],
        [hourly, yearly],
        [
            calc_path(
                "monthly_pay",
                t("4000 a month for 40 hours a week is 23.08 an hour.", "月薪 4000、每周 40 小时，时薪 23.08。"),
                args,
                {"hourly": 23.08, "yearly": 48000.0},
            ),
            error_path("no_hours", t("Zero hours is refused with a message.", "工时为 0 时给出提示。"), {"hours": 0}),
        ],
        t(
            "A year counts 12 months, 52 weeks or 260 working days (5 a week).",
            "一年按 12 个月、52 周或 260 个工作日（每周 5 天）计算。",
        ),
    )


def _freelance(t: Tr) -> CalcParts:
    bad = msg(
        t,
        "Weeks off must leave at least one working week, and billable hours must be above zero.",
        "休假周数必须少于 52，且每周可计费工时必须大于 0。",
    )
    params = "income:float, expenses:float, weeks_off:float, hours:float"
    body = (
        f"weeks = 52 - weeks_off\nif weeks <= 0 or hours <= 0 or weeks_off < 0:\n    raise ValueError({bad})\n"
        "return round((income + expenses) / (weeks * hours), 2)"
    )
    args = {"income": 60000, "expenses": 6000, "weeks_off": 4, "hours": 25}
    rate = fn(
        "rate",
        t("The hourly rate that covers the income and the expenses.", "覆盖目标收入和开支所需的时薪。"),
        params,
        "float",
        body,
        [(args, 55.0)],
    )
    hours_year = fn(
        "billable",
        t("Billable hours in a year.", "一年的可计费工时。"),
        "weeks_off:float, hours:float",
        "float",
        f"if weeks_off >= 52 or hours <= 0 or weeks_off < 0:\n    raise ValueError({bad})\n"
        "return round((52 - weeks_off) * hours, 1)",
        [({"weeks_off": 4, "hours": 25}, 1200.0)],
    )
    return CalcParts(
        t("Freelance Rate Calculator", "自由职业时薪计算器"),
        t("The hourly rate to charge for the income you want.", "为达到目标收入应收取的时薪。"),
        "💼",
        "indigo",
        [
            num("income", t("Yearly income wanted", "目标年收入"), 60000),
            num("expenses", t("Yearly expenses", "年开支"), 6000),
            num("weeks_off", t("Weeks off", "休假周数"), 4, "", 1),
            num("hours", t("Billable hours a week", "每周可计费工时"), 25),
        ],
        [out("rate", t("Hourly rate", "时薪")), out("billable", t("Billable hours a year", "年可计费工时"), "", 1)],
        [rate, hours_year],
        [
            calc_path(
                "rate",
                t(
                    "60,000 + 6,000 over 48 weeks of 25 hours is 55 an hour.",
                    "6 万 + 6 千，48 周每周 25 小时：时薪 55。",
                ),
                args,
                {"rate": 55.0, "billable": 1200.0},
            ),
            error_path(
                "no_weeks", t("A year with no working weeks is refused.", "没有工作周时给出提示。"), {"weeks_off": 52}
            ),
        ],
    )


def _tax(ctx: Context) -> CalcParts:
    t = ctx.t
    found = [p for p in percents(ctx.idea) if p < 100]
    rate = found[0] if found else (13.0 if ctx.zh else 8.0)
    modes = t.items(["Price before tax", "Total with tax"], ["税前价格", "含税总价"])
    bad = msg(t, "The amount and the rate cannot be negative.", "金额和税率不能为负。")
    head = (
        f"if amount < 0 or rate < 0:\n    raise ValueError({bad})\n"
        f'net = amount if mode == "{modes[0]}" else amount / (1 + rate / 100)\n'
    )
    params = "amount:float, mode:str, rate:float"
    net_args = {"amount": 100, "mode": modes[0], "rate": rate}
    gross = round(100 * (1 + rate / 100), 2)
    back_args = {"amount": gross, "mode": modes[1], "rate": rate}
    tax_value = round(100 * rate / 100, 2)
    before = fn(
        "before",
        t("The price before tax.", "税前价格。"),
        params,
        "float",
        head + "return round(net, 2)",
        [(net_args, 100.0), (back_args, 100.0)],
    )
    tax = fn(
        "tax",
        t("The tax.", "税额。"),
        params,
        "float",
        head + "return round(net * rate / 100, 2)",
        [(net_args, tax_value)],
    )
    total = fn(
        "total",
        t("The price with tax.", "含税总价。"),
        params,
        "float",
        head + "return round(net * (1 + rate / 100), 2)",
        [(net_args, gross)],
    )
    return CalcParts(
        t("Sales Tax Calculator", "税费计算器"),
        t(
            f"Add {_g(rate)}% tax to a price, or take it back out of a total.",
            f"给价格加上 {_g(rate)}% 的税，或从含税总价倒推税前价格。",
        ),
        "🧾",
        "blue",
        [
            num("amount", t("Amount", "金额"), 100),
            choice("mode", t("The amount is", "这个金额是"), modes),
            num("rate", t("Tax rate", "税率"), rate, "%", 0.01 if not float(rate).is_integer() else 1),
        ],
        [out("before", t("Before tax", "税前")), out("tax", t("Tax", "税额")), out("total", t("Total", "含税总价"))],
        [before, tax, total],
        [
            calc_path(
                "add_tax",
                t(
                    f"100 before tax at {_g(rate)}% gives {_g(gross)}.",
                    f"税前 100、税率 {_g(rate)}%，含税 {_g(gross)}。",
                ),
                net_args,
                {"tax": tax_value, "total": gross},
            ),
            calc_path(
                "take_out",
                t(f"A total of {_g(gross)} was 100 before tax.", f"含税 {_g(gross)} 的税前价格是 100。"),
                back_args,
                {"before": 100.0, "tax": tax_value},
            ),
            error_path("negative", t("A negative amount is refused.", "负数金额会被拒绝。"), {"amount": -5}),
        ],
    )


def _markup(ctx: Context) -> CalcParts:
    t = ctx.t
    found = percents(ctx.idea)
    pct = found[0] if found else 40.0
    bad = msg(t, "Cost must be above zero and the markup cannot be negative.", "成本必须大于 0，加价率不能为负。")
    guard = f"if cost <= 0 or markup < 0:\n    raise ValueError({bad})\n"
    params = "cost:float, markup:float"
    args = {"cost": 50, "markup": pct}
    price_value = round(50 * (1 + pct / 100), 2)
    price = fn(
        "price",
        t("The selling price: cost plus the markup.", "售价：成本加上加价。"),
        params,
        "float",
        guard + "return round(cost * (1 + markup / 100), 2)",
        [(args, price_value), ({"cost": 80, "markup": 25}, 100.0)],
    )
    profit = fn(
        "profit",
        t("Profit on each sale.", "每件利润。"),
        params,
        "float",
        guard + "return round(cost * markup / 100, 2)",
        [({"cost": 80, "markup": 25}, 20.0)],
    )
    margin = fn(
        "margin",
        t("Profit as a share of the selling price.", "利润占售价的比例（毛利率）。"),
        params,
        "float",
        guard + "return round(markup / (100 + markup) * 100, 2)",
        [({"cost": 80, "markup": 25}, 20.0)],
    )
    return CalcParts(
        t("Markup Calculator", "加价计算器"),
        t("From cost and markup to selling price, profit and margin.", "由成本和加价率算出售价、利润和毛利率。"),
        "🏷️",
        "amber",
        [num("cost", t("Cost", "成本"), 50), num("markup", t("Markup", "加价率"), pct, "%", 1)],
        [
            out("price", t("Selling price", "售价")),
            out("profit", t("Profit", "利润")),
            out("margin", t("Margin", "毛利率"), "%"),
        ],
        [price, profit, margin],
        [
            calc_path(
                "quarter",
                t("Cost 80 with 25% markup sells at 100, a 20% margin.", "成本 80、加价 25%：售价 100，毛利率 20%。"),
                {"cost": 80, "markup": 25},
                {"price": 100.0, "profit": 20.0, "margin": 20.0},
            ),
            error_path("free", t("A zero cost is refused.", "成本为 0 会被拒绝。"), {"cost": 0}),
        ],
    )


_CODES = (
    ("usd", r"\busd\b|us dollar|dollar|美元|美金", "USD"),
    ("eur", r"\beur\b|euro|欧元", "EUR"),
    ("gbp", r"\bgbp\b|pound sterling|british pound|英镑", "GBP"),
    ("cny", r"\bcny\b|\brmb\b|yuan|renminbi|人民币|元", "CNY"),
    ("jpy", r"\bjpy\b|\byen\b|日元|日币", "JPY"),
    ("twd", r"\btwd\b|\bntd?\b|taiwan dollar|新台币|台币", "TWD"),
    ("hkd", r"\bhkd\b|hong kong dollar|港币|港元", "HKD"),
    ("krw", r"\bkrw\b|\bwon\b|韩元", "KRW"),
    ("cad", r"\bcad\b|canadian dollar|加元|加币", "CAD"),
    ("aud", r"\baud\b|australian dollar|澳元|澳币", "AUD"),
)


def _currencies(ctx: Context) -> tuple[str, str]:
    found: list[tuple[int, str]] = []
    for _, pattern, code in _CODES:
        match = re.search(pattern, ctx.text)
        if match and code not in [c for _, c in found]:
            found.append((match.start(), code))
    codes = [c for _, c in sorted(found)]
    if "USD" in codes and any(c in codes for c in ("TWD", "HKD", "CAD", "AUD")) and "us" not in ctx.text:
        codes.remove("USD")  # "dollar" was part of another currency's name
    if len(codes) >= 2:
        return codes[0], codes[1]
    home = "TWD" if ctx.language == "zh-Hant" else "CNY" if ctx.zh else "EUR"
    if codes and codes[0] != home:
        return codes[0], home
    return "USD", home if not codes or codes[0] != "USD" else "EUR"


def _currency(ctx: Context) -> CalcParts:
    t = ctx.t
    source, target = _currencies(ctx)
    bad = msg(t, "The amount cannot be negative and the rate must be above zero.", "金额不能为负，汇率必须大于 0。")
    guard = f"if amount < 0 or rate <= 0:\n    raise ValueError({bad})\n"
    args = {"amount": 100, "rate": 7.2}
    converted = fn(
        "converted",
        t("The amount in the other currency at the rate you typed.", "按你输入的汇率换算后的金额。"),
        "amount:float, rate:float",
        "float",
        guard + "return round(amount * rate, 2)",
        [(args, 720.0)],
    )
    back = fn(
        "back",
        t("The same amount converted the other way.", "反向换算的金额。"),
        "amount:float, rate:float",
        "float",
        guard + "return round(amount / rate, 2)",
        [(args, 13.89)],
    )
    return CalcParts(
        t(f"{source} ↔ {target} Converter", f"{source} ↔ {target} 货币换算"),
        t("Convert money at the exchange rate you type in.", "按你输入的汇率换算货币。"),
        "💱",
        "teal",
        [
            num("amount", t("Amount", "金额"), 100),
            num("rate", t(f"Rate: 1 {source} in {target}", f"汇率：1 {source} 兑 {target}"), 1.0, "", 0.0001),
        ],
        [
            out("converted", t(f"Amount in {target} (from {source})", f"{source} 换成 {target}")),
            out("back", t(f"Amount in {source} (from {target})", f"{target} 换成 {source}")),
        ],
        [converted, back],
        [
            calc_path(
                "typed_rate",
                t("100 at a rate of 7.2 is 720, and 100 back is 13.89.", "100 按汇率 7.2 是 720，反向是 13.89。"),
                args,
                {"converted": 720.0, "back": 13.89},
            ),
            error_path("no_rate", t("A zero rate is refused.", "汇率为 0 会被拒绝。"), {"rate": 0}),
        ],
        t(
            "The app cannot fetch live exchange rates: type today's rate from your bank or a trusted source.",
            "应用无法获取实时汇率：请输入银行或可靠来源公布的当天汇率。",
        ),
    )


FORMULAS: tuple[Calc, ...] = (
    Calc.reading(
        "tip",
        {"tip$": 10, "gratuity": 10, "小费": 10},
        _tip,
    ),
    Calc.reading(
        "split",
        {
            "per person": 10,
            "each of us": 8,
            "how much does each": 10,
            "how much each": 10,
            "split the bill": 10,
            "split the cost": 10,
            "bill split": 8,
            "divided by the number of people": 10,
            "人均": 10,
            "每人": 6,
            "平摊": 8,
            "分摊": 8,
            "aa制": 8,
            "分账": 8,
        },
        _split,
    ),
    Calc.reading(
        "hourly",
        {
            "per hour": 10,
            "hourly": 10,
            "an hour": 4,
            "hourly rate": 10,
            "时薪": 12,
            "每小时赚": 10,
            "小时工资": 10,
        },
        _hourly,
    ),
    Calc.reading(
        "tax",
        {
            "sales tax": 12,
            "vat": 10,
            "gst": 10,
            "tax rate": 10,
            "pre-tax": 8,
            "before tax": 8,
            "tax$": 4,
            "税率": 10,
            "含税": 10,
            "营业税": 12,
            "增值税": 12,
            "销售税": 12,
            "消费税": 10,
        },
        _tax,
    ),
    Calc.reading("markup", {"markup": 12, "mark-up": 12, "mark up": 10, "加价": 10, "加成": 8}, _markup),
    Calc.reading(
        "currency",
        {"currency": 10, "exchange rate": 12, "汇率": 12, "货币换算": 12, "换汇": 10, "外币": 10},
        _currency,
    ),
)
