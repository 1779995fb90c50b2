"""Calculators about counting and statistics: coins, grade averages, statistics and correlation."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, num, out, text

__all__ = ["STATS"]


def _coins(t: Tr) -> CalcParts:
    bad = msg(t, "Enter an amount of 0 or above.", "请输入不小于 0 的金额。")
    cents = fn(
        "cents",
        t("Dollars as cents.", "美元换算成美分。"),
        "dollars:float",
        "int",
        f"if dollars < 0:\n    raise ValueError({bad})\nreturn round(dollars * 100)",
        [({"dollars": 1.37}, 137), ({"dollars": 0.05}, 5)],
    )
    words = t.items(["quarters", "dimes", "nickels", "pennies"], ["个 25 美分", "个 10 美分", "个 5 美分", "个 1 美分"])
    body = (
        f"if dollars < 0:\n    raise ValueError({bad})\nleft = round(dollars * 100)\nparts = []\n"
        f"for value, name in ((25, {words[0]!r}), (10, {words[1]!r}), (5, {words[2]!r}), (1, {words[3]!r})):\n"
        '    count, left = divmod(left, value)\n    parts.append(f"{count} {name}")\nreturn ", ".join(parts)'
    )
    coins = fn(
        "coins",
        t("The fewest coins that make the amount.", "凑出金额所需的最少硬币。"),
        "dollars:float",
        "str",
        body,
        [({"dollars": 1.37}, f"5 {words[0]}, 1 {words[1]}, 0 {words[2]}, 2 {words[3]}")],
    )
    return CalcParts(
        t("Dollars to Cents", "美元换美分"),
        t("Turn a dollar amount into cents and the fewest coins.", "把美元金额换成美分和最少的硬币组合。"),
        "🪙",
        "amber",
        [num("dollars", t("Dollars", "美元"), 1.37, "$", 0.01)],
        [out("cents", t("Cents", "美分"), "¢", 0), out("coins", t("Coins", "硬币"))],
        [cents, coins],
        [
            calc_path(
                "change",
                t("$1.37 is 137 cents: 5 quarters, 1 dime and 2 pennies.", "1.37 美元 = 137 美分。"),
                {"dollars": 1.37},
                {"cents": 137, "coins": f"5 {words[0]}, 1 {words[1]}, 0 {words[2]}, 2 {words[3]}"},
            ),
            error_path("negative", t("A negative amount is refused.", "负数金额会被拒绝。"), {"dollars": -1}),
        ],
    )


def _numbers_body(t: Tr) -> str:
    bad = msg(t, "Enter numbers separated by commas, e.g. 90, 85, 77", "请输入用逗号分隔的数字，例如 90, 85, 77")
    return (
        f"try:\n    values = [float(v) for v in numbers.replace('，', ',').split(',') if v.strip()]\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\nif not values:\n    raise ValueError({bad})\n"
    )


def _grades(t: Tr) -> CalcParts:
    head = _numbers_body(t)
    average = fn(
        "average",
        t("The mean of the scores.", "成绩的平均分。"),
        "numbers:str",
        "float",
        head + "return round(sum(values) / len(values), 2)",
        [({"numbers": "90, 85, 77"}, 84.0), ({"numbers": "60,70"}, 65.0)],
    )
    best = fn(
        "best",
        t("The highest score.", "最高分。"),
        "numbers:str",
        "float",
        head + "return max(values)",
        [({"numbers": "90, 85, 77"}, 90.0)],
    )
    letters = "(90, 'A'), (80, 'B'), (70, 'C'), (60, 'D')"
    letter = fn(
        "letter",
        t("The letter grade of the average.", "平均分对应的等级。"),
        "numbers:str",
        "str",
        head + f"mean = sum(values) / len(values)\nfor limit, grade in ({letters}):\n    if mean >= limit:\n        "
        f"return grade\nreturn 'F'",
        [({"numbers": "90, 85, 77"}, "B"), ({"numbers": "95, 98"}, "A")],
    )
    return CalcParts(
        t("Grade Average Calculator", "平均成绩计算器"),
        t(
            "Type the scores and get the average, the best score and the letter grade.",
            "输入各科分数，得到平均分、最高分和等级。",
        ),
        "🎓",
        "indigo",
        [text("numbers", t("Scores (comma separated)", "分数（逗号分隔）"), "90, 85, 77")],
        [
            out("average", t("Average", "平均分")),
            out("best", t("Best", "最高分"), "", 1),
            out("letter", t("Grade", "等级")),
        ],
        [average, best, letter],
        [
            calc_path(
                "three_scores",
                t("Scores 90, 85 and 77 average 84, a B.", "90、85、77 三科平均 84 分，等级 B。"),
                {"numbers": "90, 85, 77"},
                {"average": 84.0, "letter": "B"},
            ),
            error_path(
                "not_numbers", t("Words instead of numbers are refused.", "输入非数字会被拒绝。"), {"numbers": "ninety"}
            ),
        ],
        t(
            "| Average | Grade |\n|---|---|\n| ≥ 90 | A |\n| ≥ 80 | B |\n| ≥ 70 | C |\n| ≥ 60 | D |\n| < 60 | F |",
            "| 平均分 | 等级 |\n|---|---|\n| ≥ 90 | A |\n| ≥ 80 | B |\n| ≥ 70 | C |\n| ≥ 60 | D |\n| < 60 | F |",
        ),
    )


def _stats(t: Tr) -> CalcParts:
    head = _numbers_body(t)
    mean = fn(
        "mean",
        t("Arithmetic mean.", "算术平均数。"),
        "numbers:str",
        "float",
        head + "return round(statistics.mean(values), 4)",
        [({"numbers": "2, 4, 4, 4, 5, 5, 7, 9"}, 5.0)],
    )
    median = fn(
        "median",
        t("Middle value.", "中位数。"),
        "numbers:str",
        "float",
        head + "return round(statistics.median(values), 4)",
        [({"numbers": "3, 1, 2"}, 2.0)],
    )
    spread = fn(
        "stdev",
        t("Population standard deviation.", "总体标准差。"),
        "numbers:str",
        "float",
        head + "return round(statistics.pstdev(values), 4)",
        [({"numbers": "2, 4, 4, 4, 5, 5, 7, 9"}, 2.0)],
    )
    return CalcParts(
        t("Statistics Calculator", "统计计算器"),
        t("Mean, median and spread of a list of numbers.", "一组数字的平均数、中位数和标准差。"),
        "📊",
        "blue",
        [text("numbers", t("Numbers (comma separated)", "数字（逗号分隔）"), "2, 4, 4, 4, 5, 5, 7, 9")],
        [
            out("mean", t("Mean", "平均数"), "", 4),
            out("median", t("Median", "中位数"), "", 4),
            out("stdev", t("Std. deviation", "标准差"), "", 4),
        ],
        [mean, median, spread],
        [
            calc_path(
                "summary",
                t("The mean of 2,4,4,4,5,5,7,9 is 5 with deviation 2.", "2,4,4,4,5,5,7,9 的平均数 5、标准差 2。"),
                {"numbers": "2, 4, 4, 4, 5, 5, 7, 9"},
                {"mean": 5.0, "stdev": 2.0},
            ),
            error_path(
                "not_numbers", t("Text that is not numbers is refused.", "非数字会被拒绝。"), {"numbers": "a, b"}
            ),
        ],
    )


def _correlation(t: Tr) -> CalcParts:
    bad = msg(
        t,
        "Enter the same count (at least 2) of comma separated numbers in X and Y.",
        "X 和 Y 需要同样数量（至少 2 个）的逗号分隔数字。",
    )
    flat = msg(
        t, "One of the lists does not vary, so there is no correlation.", "其中一组数字没有变化，无法计算相关性。"
    )
    head = (
        f"try:\n    x = [float(v) for v in xs.split(',') if v.strip()]\n    y = [float(v) for v in ys.split(',') if "
        f"v.strip()]\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\nif len(x) != len(y) or len(x) < 2:\n    raise "
        f"ValueError({bad})\n"
        "mx, my = sum(x) / len(x), sum(y) / len(y)\nsxy = sum((a - mx) * (b - my) for a, b in zip(x, y, strict=True))\n"
        f"sxx = sum((a - mx) ** 2 for a in x)\nsyy = sum((b - my) ** 2 for b in y)\nif sxx == 0 or syy == 0:\n    "
        f"raise ValueError({flat})\n"
    )
    r = fn(
        "pearson",
        t("Pearson correlation coefficient r.", "皮尔逊相关系数 r。"),
        "xs:str, ys:str",
        "float",
        head + "return round(sxy / (sxx * syy) ** 0.5, 4)",
        [({"xs": "1, 2, 3, 4", "ys": "2, 4, 6, 8"}, 1.0), ({"xs": "1,2,3", "ys": "3,1,2"}, -0.5)],
    )
    slope = fn(
        "slope",
        t("Slope of the least-squares line.", "最小二乘回归线的斜率。"),
        "xs:str, ys:str",
        "float",
        head + "return round(sxy / sxx, 4)",
        [({"xs": "1, 2, 3, 4", "ys": "2, 4, 6, 8"}, 2.0)],
    )
    return CalcParts(
        t("Correlation Calculator", "相关系数计算器"),
        t("Pearson's r and the regression slope of two data sets.", "两组数据的皮尔逊相关系数和回归斜率。"),
        "📉",
        "purple",
        [text("xs", "X", "1, 2, 3, 4, 5"), text("ys", "Y", "2, 4, 5, 4, 5")],
        [out("pearson", "r", "", 4), out("slope", t("Slope", "斜率"), "", 4)],
        [r, slope],
        [
            calc_path(
                "perfect",
                t("Y = 2X gives r = 1 and slope 2.", "Y = 2X 时 r = 1、斜率 2。"),
                {"xs": "1, 2, 3, 4", "ys": "2, 4, 6, 8"},
                {"pearson": 1.0, "slope": 2.0},
            ),
            error_path(
                "uneven",
                t("Lists of different lengths are refused.", "两组数量不同会被拒绝。"),
                {"xs": "1, 2, 3", "ys": "1, 2"},
            ),
        ],
    )


STATS: tuple[Calc, ...] = (
    Calc(
        "coins", {"cents": 10, "coins": 8, "change maker": 8, "dollars to": 6, "硬币": 8, "零钱": 6, "美分": 10}, _coins
    ),
    Calc(
        "grades",
        {"grade$": 8, "gpa": 10, "average score": 8, "report card": 6, "成绩": 10, "平均分": 10, "绩点": 10, "分数": 4},
        _grades,
    ),
    Calc(
        "stats",
        {
            "statistic": 10,
            "mean": 6,
            "median": 10,
            "standard deviation": 10,
            "average of": 6,
            "平均数": 10,
            "中位数": 10,
            "标准差": 10,
            "统计": 6,
        },
        _stats,
    ),
    Calc("correlation", {"correlation": 10, "pearson": 10, "regression": 8, "相关系数": 10, "回归": 8}, _correlation),
)
