"""Spans of days: the days, workdays and weeks between two dates, and the time since a date, with what
giving something up since then has spared (cigarettes not smoked, money saved)."""

from __future__ import annotations

import re

from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import CalcParts, calc_path, error_path, flag, fn, msg, num, out, text
from generator.planner.patterns.calc_reading import amount_near, money_amount
from generator.planner.patterns.compute_read import quit_habit

__all__ = ["age_parts", "between_parts", "since_parts", "written_dates"]

_DATE = re.compile(r"(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")


def written_dates(idea: str) -> list[str]:
    """The full dates the sentence writes (2026-01-01, 2026/3/1, 2026年3月1日), as YYYY-MM-DD."""
    found = []
    for match in _DATE.finditer(to_simplified(idea)):
        year, month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            found.append(f"{year:04d}-{month:02d}-{day:02d}")
    return found


def _parse(ctx: Context, names: str, params: str) -> str:
    """Source that reads the named date inputs (YYYY-MM-DD, with / or . too, or today) into dates."""
    bad = msg(ctx.t, "Write dates as YYYY-MM-DD (or today).", "日期请写成 YYYY-MM-DD（或“今天”）。")
    return (
        "def day(value):\n"
        "    value = value.strip().lower().replace('/', '-').replace('.', '-')\n"
        "    if value in ('today', '今天', '今日', ''):\n"
        "        return datetime.date.today()\n"
        "    return datetime.date.fromisoformat('-'.join(p.zfill(2) for p in value.split('-')))\n\n"
        f"try:\n    {names} = {', '.join(f'day({n})' for n in params.replace(' ', '').split(','))}\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\n"
    )


_MONTHS_SRC = (
    "count = (now.year - begin.year) * 12 + now.month - begin.month\n"
    "while True:\n"
    "    year, month = begin.year + (begin.month - 1 + count) // 12, (begin.month - 1 + count) % 12 + 1\n"
    "    following = datetime.date(year + month // 12, month % 12 + 1, 1)\n"
    "    anchor = datetime.date(year, month, min(begin.day, (following - datetime.timedelta(days=1)).day))\n"
    "    if anchor <= now:\n"
    "        break\n"
    "    count -= 1\n"
)
"""Source: whole months from ``begin`` to ``now`` (``count``) and the date they reach (``anchor``); a day
missing from a short month is its last day."""


def age_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    dates = written_dates(ctx.idea)
    head = _parse(ctx, "begin, now", "birth, on")
    later = msg(t, "The birth date is after the other date.", "出生日期晚于计算日期。")
    head += f"if now < begin:\n    raise ValueError({later})\n"
    at = {"birth": "2000-05-31", "on": "2026-03-15"}
    exact = fn(
        "exact",
        t("Age in years, months and days.", "精确年龄：几岁几个月几天。"),
        "birth:str, on:str",
        "str",
        head
        + _MONTHS_SRC
        + t(
            "return f'{count // 12} years {count % 12} months {(now - anchor).days} days'",
            "return f'{count // 12} 岁 {count % 12} 个月 {(now - anchor).days} 天'",
        ),
        [(at, t("25 years 9 months 15 days", "25 岁 9 个月 15 天"))],
    )
    years = fn(
        "years",
        t("Age in whole years.", "周岁。"),
        "birth:str, on:str",
        "int",
        head + _MONTHS_SRC + "return count // 12",
        [(at, 25)],
    )
    lived = fn(
        "lived",
        t("Days lived.", "已经度过的天数。"),
        "birth:str, on:str",
        "int",
        head + "return (now - begin).days",
        [(at, 9419)],
    )
    return CalcParts(
        t("Exact Age Calculator", "精确年龄计算器"),
        t("Your age in years, months and days from a birth date.", "输入出生日期，算出几岁几个月几天。"),
        "🎂",
        "pink",
        [
            text("birth", t("Birth date", "出生日期"), dates[0] if dates else "2000-05-31"),
            text("on", t("On (or today)", "计算到（或“今天”）"), t("today", "今天")),
        ],
        [
            out("years", t("Age", "周岁"), t("years", "岁"), 0),
            out("exact", t("Exact age", "精确年龄")),
            out("lived", t("Days lived", "已度过"), t("days", "天"), 0),
        ],
        [years, exact, lived],
        [
            calc_path(
                "exact_age",
                t(
                    "Born 2000-05-31, on 2026-03-15 the age is 25 years 9 months 15 days.",
                    "2000-05-31 出生，到 2026-03-15 是 25 岁 9 个月 15 天。",
                ),
                at,
                {"years": 25, "exact": t("25 years 9 months 15 days", "25 岁 9 个月 15 天")},
            ),
            error_path(
                "unborn",
                t("A birth date after the other date is refused.", "出生日期晚于计算日期时给出提示。"),
                {"birth": "2030-01-01", "on": "2026-01-01"},
            ),
        ],
        t(
            "A birthday on the 31st counts a month as reached on the last day of a shorter month.",
            "31 日出生的，遇到较短的月份按该月最后一天算满一个月。",
        ),
    )


def between_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    dates = written_dates(ctx.idea)
    first, second = (dates + ["2026-01-01", "2026-03-01"])[:2] if len(dates) != 1 else (dates[0], t("today", "今天"))
    order = msg(t, "The end date comes before the start date.", "结束日期早于开始日期。")
    head = _parse(ctx, "start, end", "start_date, end_date") + f"if end < start:\n    raise ValueError({order})\n"
    head += "span = (end - start).days + (1 if both else 0)\n"
    cases = [
        ({"start_date": "2026-01-01", "end_date": "2026-03-01", "both": False}, 59),
        ({"start_date": "2026-01-05", "end_date": "2026-01-09", "both": True}, 5),
    ]
    days = fn(
        "days",
        t("Days from the start date to the end date.", "从开始日期到结束日期的天数。"),
        "start_date:str, end_date:str, both:bool",
        "int",
        head + "return span",
        cases,
    )
    work = fn(
        "workdays",
        t("Days in the span that fall Monday to Friday.", "其中周一到周五的天数（不含周末）。"),
        "start_date:str, end_date:str, both:bool",
        "int",
        head + "return sum(1 for n in range(span) if (start + datetime.timedelta(days=n)).weekday() < 5)",
        [(cases[0][0], 42), (cases[1][0], 5)],
    )
    weeks = fn(
        "weeks",
        t("The span in weeks and days.", "换算成几周几天。"),
        "start_date:str, end_date:str, both:bool",
        "str",
        head
        + "full, rest = divmod(span, 7)\n"
        + t("return f'{full} weeks {rest} days'", "return f'{full} 周 {rest} 天'"),
        [(cases[0][0], t("8 weeks 3 days", "8 周 3 天"))],
    )
    start, end = "start_date", "end_date"
    return CalcParts(
        t("Days Between Dates", "日期间隔计算"),
        t("How many days, workdays and weeks lie between two dates.", "算出两个日期之间相差多少天、几个工作日、几周。"),
        "📅",
        "teal",
        [
            text(start, t("Start date", "开始日期"), first),
            text(end, t("End date (or today)", "结束日期（或“今天”）"), second),
            flag("both", t("Count both the start and the end day", "首尾两天都算"), False),
        ],
        [
            out("days", t("Days", "天数"), t("days", "天"), 0),
            out("workdays", t("Workdays (Mon–Fri)", "工作日（周一至周五）"), t("days", "天"), 0),
            out("weeks", t("In weeks", "换算成周")),
        ],
        [days, work, weeks],
        [
            calc_path(
                "new_year_to_march",
                t(
                    "2026-01-01 to 2026-03-01 is 59 days, 42 of them workdays.",
                    "2026-01-01 到 2026-03-01 相差 59 天，其中 42 个工作日。",
                ),
                {start: "2026-01-01", end: "2026-03-01", "both": False},
                {"days": 59, "workdays": 42},
            ),
            calc_path(
                "one_work_week",
                t(
                    "Monday 2026-01-05 to Friday 2026-01-09, both counted, is 5 workdays.",
                    "2026-01-05（周一）到 2026-01-09（周五），首尾都算，共 5 个工作日。",
                ),
                {start: "2026-01-05", end: "2026-01-09", "both": True},
                {"days": 5, "workdays": 5},
            ),
            error_path(
                "backwards",
                t("An end date before the start date is refused.", "结束日期早于开始日期时给出提示。"),
                {start: "2026-03-01", end: "2026-01-01"},
            ),
        ],
        t(
            "The start day is counted and the end day is not, unless you tick the box; workdays are Monday to "
            "Friday (public holidays are not known to the app).",
            "默认算头不算尾，勾选后首尾都算；工作日指周一到周五（应用不知道法定节假日）。",
        ),
    )


def _per_day(ctx: Context) -> int:
    text = to_simplified(ctx.idea.lower())
    if re.search(r"(?:每天|一天|每日)(?:抽)?一包|a pack a day|pack a day|one pack a day|a pack per day", text):
        return 20
    found = re.search(
        r"(\d+)\s*(?:cigarettes?|cigs?|支|根)?\s*(?:a|per|每)\s*day|(?:每天|一天|每日)\D{0,3}(\d+)\s*(?:支|根)", text
    )
    return int(found.group(1) or found.group(2)) if found else 20


def since_parts(ctx: Context) -> CalcParts:
    t = ctx.t
    dates = written_dates(ctx.idea)
    since = dates[0] if dates else "2026-01-01"
    smoking = quit_habit(ctx) == "smoking"
    head = _parse(ctx, "begin, now", "since, until")
    later = msg(t, "The date is still to come.", "这个日期还没到。")
    checked = head + f"if now < begin:\n    raise ValueError({later})\n"
    head = checked + "span = (now - begin).days\n"
    at = {"since": "2026-01-01", "until": "2026-03-01"}
    days = fn(
        "days",
        t("Days since the date.", "从那天起的天数。"),
        "since:str, until:str",
        "int",
        head + "return span",
        [(at, 59)],
    )
    months = fn(
        "months",
        t("Whole months and days since the date.", "换算成几个月零几天。"),
        "since:str, until:str",
        "str",
        checked
        + _MONTHS_SRC
        + t("return f'{count} months {(now - anchor).days} days'", "return f'{count} 个月 {(now - anchor).days} 天'"),
        [({"since": "2026-01-10", "until": "2026-03-15"}, t("2 months 5 days", "2 个月 5 天"))],
    )
    inputs = [
        text("since", t("Since (date)", "开始日期"), since),
        text("until", t("Until (or today)", "截至（或“今天”）"), t("today", "今天")),
    ]
    weeks = fn(
        "weeks",
        t("Whole weeks since the date.", "从那天起的整周数。"),
        "since:str, until:str",
        "int",
        head + "return span // 7",
        [(at, 8)],
    )
    results = [
        out("days", t("Days", "天数"), t("days", "天"), 0),
        out("weeks", t("Weeks", "周数"), t("weeks", "周"), 0),
        out("months", t("In months", "换算成月")),
    ]
    logic = [days, weeks, months]
    paths = [
        calc_path(
            "two_months",
            t("From 2026-01-01 to 2026-03-01 is 59 days.", "2026-01-01 到 2026-03-01 共 59 天。"),
            at,
            {"days": 59},
        ),
        error_path("future", t("A date still to come is refused.", "未来的日期会被拒绝。"), {"since": "2999-01-01"}),
    ]
    title, value, icon = (
        t("Days Since", "已经多少天"),
        t("How long it has been since a date.", "算出从某天起已经过了多久。"),
        "⏱️",
    )
    if ctx.has(*("quit", "stop", "戒")):
        price = amount_near(ctx.idea, "pack|包|盒") if smoking else None
        price = price or money_amount(ctx.idea) or (35.0 if ctx.zh else 12.0)
        per_day = _per_day(ctx) if smoking else 1
        spared = "cigarettes" if smoking else "times"
        inputs += [
            num(
                "per_day",
                t("Cigarettes a day before", "以前每天抽几支") if smoking else t("Times a day before", "以前每天几次"),
                per_day,
                "",
                1,
            ),
            num("price", t("Price of a pack", "一包烟的价格") if smoking else t("Cost each time", "每次花费"), price),
        ]
        pack = "20" if smoking else "1"
        logic += [
            fn(
                spared,
                t("What you did not use since then.", "从那天起少用的数量。"),
                "since:str, until:str, per_day:int",
                "int",
                head + "return span * per_day",
                [({**at, "per_day": 20}, 1180)],
            ),
            fn(
                "saved",
                t("Money not spent since then.", "从那天起省下的钱。"),
                "since:str, until:str, per_day:int, price:float",
                "float",
                head + f"return round(span * per_day / {pack} * price, 2)",
                [({**at, "per_day": 20, "price": 35.0}, 2065.0)],
            ),
        ]
        results += [
            out(
                spared,
                t("Cigarettes not smoked", "少抽的烟") if smoking else t("Times skipped", "少了的次数"),
                t("", "支") if smoking else "",
                0,
            ),
            out("saved", t("Money saved", "省下的钱"), "", 2),
        ]
        paths.insert(
            1,
            calc_path(
                "spared",
                t(
                    "59 days at 20 a day and 35 a pack: 1180 not used, 2065 saved.",
                    "59 天、每天 20、每包 35：少用 1180，省下 2065。",
                ),
                {**at, "per_day": 20, "price": 35.0},
                {spared: 1180, "saved": 2065.0},
            ),
        )
        if smoking:
            title, icon = t("Smoke-free Days", "戒烟天数"), "🚭"
            value = t(
                "Days since you quit, cigarettes not smoked and money saved.", "戒烟多少天、少抽多少支、省了多少钱。"
            )
        else:
            title, value = (
                t("Days Since I Quit", "戒掉多少天"),
                t("Days since you quit and money saved.", "戒掉多少天，省了多少钱。"),
            )
    return CalcParts(
        title,
        value,
        icon,
        "green",
        inputs,
        results,
        logic,
        paths,
        t(
            "Counts whole days from the date to today (or the date you type).",
            "从开始日期数到今天（或你填的日期）的整天数。",
        ),
    )
