"""Calculators about weather and dates: wind chill, age, days between."""

from __future__ import annotations

from generator.planner.lang import Tr
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, num, out, text

__all__ = ["DATES", "dates_parts"]


def _windchill(t: Tr) -> CalcParts:
    systems = t.items(["Metric (°C, km/h)", "Imperial (°F, mph)"], ["公制（°C，km/h）", "英制（°F，mph）"])
    bad = msg(
        t,
        "Wind chill applies at 10 °C (50 °F) or below, with wind above 4.8 km/h (3 mph).",
        "体感温度只适用于 10 °C（50 °F）以下、风速高于 4.8 km/h（3 mph）的情况。",
    )
    body = (
        f'if system == "{systems[0]}":\n'
        f"    if temperature > 10 or wind < 4.8:\n        raise ValueError({bad})\n"
        "    v = wind**0.16\n    return round(13.12 + 0.6215 * temperature - 11.37 * v + 0.3965 * temperature * v, 1)\n"
        f"if temperature > 50 or wind < 3:\n    raise ValueError({bad})\n"
        "v = wind**0.16\nreturn round(35.74 + 0.6215 * temperature - 35.75 * v + 0.4275 * temperature * v, 1)"
    )
    chill = fn(
        "windchill",
        t("Wind chill temperature (Environment Canada / NWS formula).", "体感温度（加拿大环境部/美国气象局公式）。"),
        "temperature:float, wind:float, system:str",
        "float",
        body,
        [
            ({"temperature": -10, "wind": 30, "system": systems[0]}, -19.5),
            ({"temperature": 20, "wind": 15, "system": systems[1]}, 8.7),
        ],
    )
    return CalcParts(
        t("Wind Chill Calculator", "体感温度计算器"),
        t(
            "How cold it really feels: enter the temperature and the wind speed.",
            "输入气温和风速，算出实际感受到的温度。",
        ),
        "🌬️",
        "sky",
        [
            num("temperature", t("Temperature", "气温"), -5),
            num("wind", t("Wind speed", "风速"), 20),
            choice("system", t("Units", "单位"), systems),
        ],
        [out("windchill", t("Feels like", "体感温度"), "°", 1)],
        [chill],
        [
            calc_path(
                "cold_day",
                t("-10 °C with a 30 km/h wind feels like -19.5 °C.", "-10 °C、风速 30 km/h 体感 -19.5 °C。"),
                {"temperature": -10, "wind": 30, "system": systems[0]},
                {"windchill": -19.5},
            ),
            error_path(
                "too_warm", t("A warm day is refused with an explanation.", "气温过高时给出说明。"), {"temperature": 25}
            ),
        ],
    )


def dates_parts(t: Tr, kind: str) -> CalcParts:
    bad = msg(t, "Write dates as YYYY-MM-DD (or today).", "日期请写成 YYYY-MM-DD（或“今天”）。")
    order = msg(t, "The second date comes before the first one.", "第二个日期早于第一个日期。")
    parse = (
        "def day(value):\n    if value.strip().lower() in ('today', '今天', '今日', ''):\n        return "
        "datetime.date.today()\n"
        "    return datetime.date.fromisoformat(value.strip())\n\n"
        f"try:\n    start, end = day(first), day(second)\nexcept ValueError:\n    raise ValueError({bad}) from None\n"
        f"if end < start:\n    raise ValueError({order})\n"
    )
    days = fn(
        "days",
        t("Days from the first date to the second.", "从第一个日期到第二个日期的天数。"),
        "first:str, second:str",
        "int",
        parse + "return (end - start).days",
        [({"first": "2025-01-01", "second": "2025-12-25"}, 358), ({"first": "2024-02-01", "second": "2024-03-01"}, 29)],
    )
    years = fn(
        "years",
        t("Whole years from the first date to the second.", "两个日期之间的整年数。"),
        "first:str, second:str",
        "int",
        parse + "return end.year - start.year - ((end.month, end.day) < (start.month, start.day))",
        [({"first": "2000-05-17", "second": "2025-05-16"}, 24), ({"first": "2000-05-17", "second": "2025-05-17"}, 25)],
    )
    if kind == "age":
        inputs = [
            text("first", t("Birth date", "出生日期"), "2000-05-17"),
            text("second", t("On (or today)", "计算到（或“今天”）"), t("today", "今天")),
        ]
        return CalcParts(
            t("Age Calculator", "年龄计算器"),
            t("Your exact age in years and days.", "精确算出年龄（岁）和活了多少天。"),
            "🎂",
            "pink",
            inputs,
            [
                out("years", t("Age", "年龄"), t("years", "岁"), 0),
                out("days", t("Days lived", "已度过"), t("days", "天"), 0),
            ],
            [years, days],
            [
                calc_path(
                    "my_age",
                    t("Born 2000-05-17, on 2025-05-17 I am 25.", "2000-05-17 出生，到 2025-05-17 正好 25 岁。"),
                    {"first": "2000-05-17", "second": "2025-05-17"},
                    {"years": 25},
                ),
                error_path(
                    "bad_date",
                    t("A date that is not a date is refused.", "无效日期会被拒绝。"),
                    {"first": "17/05/2000"},
                ),
            ],
        )
    inputs = [
        text("first", t("From (or today)", "从（或“今天”）"), t("today", "今天")),
        text("second", t("Event date", "目标日期"), "2030-01-01"),
    ]
    return CalcParts(
        t("Days Until", "倒数日"),
        t("Count the days until an event, or between any two dates.", "算出距离某个日子还有几天，或两个日期相差几天。"),
        "⏳",
        "purple",
        inputs,
        [out("days", t("Days", "天数"), t("days", "天"), 0)],
        [days],
        [
            calc_path(
                "countdown",
                t("From 2025-01-01 to 2025-12-25 is 358 days.", "2025-01-01 到 2025-12-25 相差 358 天。"),
                {"first": "2025-01-01", "second": "2025-12-25"},
                {"days": 358},
            ),
            error_path(
                "bad_date", t("A date that is not a date is refused.", "无效日期会被拒绝。"), {"second": "someday"}
            ),
        ],
    )


DATES: tuple[Calc, ...] = (
    Calc("windchill", {"wind chill": 10, "windchill": 10, "feels like": 6, "风寒": 10, "体感温度": 10}, _windchill),
    Calc(
        "age",
        {"age calc": 10, "how old": 10, "age$": 4, "birthday": 2, "年龄": 8, "几岁": 8, "多大": 4},
        lambda t: dates_parts(t, "age"),
    ),
    Calc(
        "days",
        {
            "days until": 10,
            "days between": 10,
            "days left": 8,
            "countdown": 3,
            "倒数日": 10,
            "还有几天": 10,
            "相差几天": 10,
            "倒计时": 2,
            "纪念日": 3,
        },
        lambda t: dates_parts(t, "days"),
    ),
)
