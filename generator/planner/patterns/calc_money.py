"""Calculators about money and numbers: loan, compound interest, percentages, discounts, unit prices,
coins, grades and statistics."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out

__all__ = ["MONEY"]


def _loan(t: Tr) -> CalcParts:
    bad = msg(
        t,
        "Amount and years must be above zero and the rate cannot be negative.",
        "金额和年限必须大于 0，利率不能为负。",
    )
    head = (
        f"if amount <= 0 or years <= 0 or rate < 0:\n    raise ValueError({bad})\nn = round(years * 12)\n"
        "r = rate / 100 / 12\npayment = amount / n if r == 0 else amount * r / (1 - (1 + r) ** -n)\n"
    )
    monthly = fn(
        "monthly",
        t("Monthly payment of an amortised loan.", "等额本息每月还款额。"),
        "amount:float, rate:float, years:float",
        "float",
        head + "return round(payment, 2)",
        [({"amount": 200000, "rate": 5, "years": 30}, 1073.64), ({"amount": 12000, "rate": 0, "years": 1}, 1000.0)],
    )
    interest = fn(
        "interest",
        t("Total interest paid over the loan.", "整个贷款期支付的总利息。"),
        "amount:float, rate:float, years:float",
        "float",
        head + "return round(payment * n - amount, 2)",
        [({"amount": 200000, "rate": 5, "years": 30}, 186511.57), ({"amount": 12000, "rate": 0, "years": 1}, 0.0)],
    )
    return CalcParts(
        t("Loan & Mortgage Calculator", "贷款/房贷计算器"),
        t("See the monthly payment and total interest of a loan.", "算出贷款的月供和总利息。"),
        "🏠",
        "indigo",
        [
            num("amount", t("Loan amount", "贷款金额"), 200000),
            num("rate", t("Annual rate", "年利率"), 5, "%", 0.1),
            num("years", t("Years", "年限"), 30, "", 1),
        ],
        [out("monthly", t("Monthly payment", "月供")), out("interest", t("Total interest", "总利息"))],
        [monthly, interest],
        [
            calc_path(
                "mortgage",
                t("200,000 at 5% over 30 years is 1073.64 a month.", "20 万、年利率 5%、30 年，月供 1073.64。"),
                {"amount": 200000, "rate": 5, "years": 30},
                {"monthly": 1073.64},
            ),
            error_path("no_years", t("Zero years is refused with a message.", "年限为 0 时给出提示。"), {"years": 0}),
        ],
    )


def _compound(t: Tr) -> CalcParts:
    bad = msg(t, "Years cannot be negative, and neither can the amounts.", "年限和金额都不能为负。")
    head = (
        f"if years < 0 or principal < 0 or monthly < 0:\n    raise ValueError({bad})\nr = rate / 100 / 12\nn = "
        f"round(years * 12)\n"
        "total = principal * (1 + r) ** n + (monthly * n if r == 0 else monthly * ((1 + r) ** n - 1) / r)\n"
    )
    final = fn(
        "final",
        t("Balance after monthly compounding and deposits.", "按月复利并每月存入后的余额。"),
        "principal:float, monthly:float, rate:float, years:float",
        "float",
        head + "return round(total, 2)",
        [
            ({"principal": 10000, "monthly": 0, "rate": 6, "years": 10}, 18193.97),
            ({"principal": 0, "monthly": 100, "rate": 0, "years": 2}, 2400.0),
        ],
    )
    gain = fn(
        "gain",
        t("Interest earned on top of what was put in.", "在本金之外赚到的利息。"),
        "principal:float, monthly:float, rate:float, years:float",
        "float",
        head + "return round(total - principal - monthly * n, 2)",
        [({"principal": 10000, "monthly": 0, "rate": 6, "years": 10}, 8193.97)],
    )
    return CalcParts(
        t("Compound Interest Calculator", "复利计算器"),
        t("Watch savings grow with compound interest and monthly deposits.", "看储蓄在复利和每月定投下如何增长。"),
        "📈",
        "green",
        [
            num("principal", t("Starting amount", "初始本金"), 10000),
            num("monthly", t("Monthly deposit", "每月存入"), 0),
            num("rate", t("Annual rate", "年利率"), 6, "%", 0.1),
            num("years", t("Years", "年数"), 10, "", 1),
        ],
        [out("final", t("Final balance", "最终金额")), out("gain", t("Interest earned", "利息收益"))],
        [final, gain],
        [
            calc_path(
                "ten_years",
                t("10,000 at 6% for 10 years grows to 18,193.97.", "1 万元、年化 6%、10 年后变成 18193.97。"),
                {"principal": 10000, "monthly": 0, "rate": 6, "years": 10},
                {"final": 18193.97, "gain": 8193.97},
            ),
            error_path(
                "negative_years", t("Negative years are refused with a message.", "年数为负时给出提示。"), {"years": -1}
            ),
        ],
    )


MONEY: tuple[Calc, ...] = (
    Calc(
        "loan",
        {"loan": 10, "mortgage": 10, "monthly payment": 8, "贷款": 10, "房贷": 10, "月供": 10, "车贷": 10},
        _loan,
    ),
    Calc(
        "compound",
        {"compound": 10, "interest": 5, "savings growth": 8, "invest": 5, "复利": 10, "利息": 6, "理财": 5, "定投": 8},
        _compound,
    ),
)
