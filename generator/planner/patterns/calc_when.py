"""Date and clock calculators read from the idea: a countdown to the date it names (the next one when this
year's has passed), the weekday of a date, and how long from one clock time to another (across midnight)."""

from __future__ import annotations

import re

from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, error_path, fn, msg, out, text
from generator.planner.patterns.calc_reading import event_name, month_day

__all__ = ["WHEN", "names_date", "names_times"]

_WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_WEEKDAYS_ZH = ["星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"]
_MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def names_date(ctx: Context) -> bool:
    return month_day(ctx.idea) is not None


def _times(idea: str) -> list[tuple[int, int]]:
    found = []
    for match in re.finditer(r"(?<![\d.])([01]?\d|2[0-3])[:：.]([0-5]\d)(?!\d)\s*(am|pm|a\.m\.|p\.m\.)?", idea.lower()):
        hour, minute = int(match.group(1)), int(match.group(2))
        if match.group(3) and match.group(3).startswith("p") and hour < 12:
            hour += 12
        found.append((hour, minute))
    return found


def names_times(ctx: Context) -> bool:
    return len(_times(ctx.idea)) >= 2


def _parse_day(t_today: str) -> str:
    """Source of a helper inside the logic: a date from YYYY-MM-DD, MM-DD (the next one) or today."""
    return (
        "def day(value, after):\n"
        "    value = value.strip().lower().replace('/', '-').replace('.', '-')\n"
        f"    if value in ('today', '今天', '今日', '{t_today}', ''):\n"
        "        return after\n"
        "    parts = [int(p) for p in value.split('-')]\n"
        "    if len(parts) == 3:\n"
        "        return datetime.date(parts[0], parts[1], parts[2])\n"
        "    if len(parts) != 2:\n"
        "        raise ValueError(value)\n"
        "    for year in (after.year, after.year + 1, after.year + 4):\n"
        "        try:\n"
        "            found = datetime.date(year, parts[0], parts[1])\n"
        "        except ValueError:\n"
        "            continue\n"
        "        if found >= after:\n"
        "            return found\n"
        "    raise ValueError(value)\n\n"
    )


def _countdown(ctx: Context) -> CalcParts:
    t = ctx.t
    named = month_day(ctx.idea) or (12, 25, None)
    month, day_of_month, year = named
    target = f"{year}-{month:02d}-{day_of_month:02d}" if year else f"{month:02d}-{day_of_month:02d}"
    label = t(f"{_MONTHS_EN[month - 1]} {day_of_month}", f"{month}月{day_of_month}日")
    if year:
        label = t(f"{label}, {year}", f"{year}年{label}")
    event = ctx.script(event_name(ctx.idea))
    title = label
    if event:
        title = event[0].upper() + event[1:] if not ctx.zh else event
        label = t(f"{title} ({label})", f"{title}（{label}）")
    bad = msg(
        t,
        "Write the date as MM-DD (the next one is counted) or YYYY-MM-DD, and the start as YYYY-MM-DD or today.",
        "日期请写成 MM-DD（按下一个这一天计算）或 YYYY-MM-DD，起点写 YYYY-MM-DD 或“今天”。",
    )
    past = msg(t, "That date has already passed.", "这个日期已经过去了。")
    today_word = t("today", "今天")
    head = (
        _parse_day(today_word)
        + "try:\n    start = day(start_day, datetime.date.today())\n    end = day(event, start)\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\n"
        f"if end < start:\n    raise ValueError({past})\n"
    )
    params = "event:str, start_day:str"
    sample = {"event": "12-25", "start_day": "2025-01-01"}
    later = {"event": "06-07", "start_day": "2025-06-08"}
    days = fn(
        "days",
        t("Whole days from the start (today) to the date.", "从起点（今天）到目标日期的天数。"),
        params,
        "int",
        head + "return (end - start).days",
        [(sample, 358), (later, 364), ({"event": "2026-06-07", "start_day": "2026-06-07"}, 0)],
    )
    names = t.items(_WEEKDAYS_EN, _WEEKDAYS_ZH)
    weeks = fn(
        "weeks",
        t("The same wait in weeks and days.", "换算成几周几天。"),
        params,
        "str",
        head
        + "left = (end - start).days\n"
        + t(
            'return f"{left // 7} weeks {left % 7} days"',
            'return f"{left // 7} 周 {left % 7} 天"',
        ),
        [(sample, t("51 weeks 1 days", "51 周 1 天"))],
    )
    when = fn(
        "when",
        t("The date counted to, with its weekday.", "目标日期和星期。"),
        params,
        "str",
        head + f'names = {names!r}\nreturn f"{{end.isoformat()}} {{names[end.weekday()]}}"',
        [(sample, f"2025-12-25 {names[3]}"), (later, f"2026-06-07 {names[6]}")],
    )
    results = [
        out("days", t("Days left", "还剩天数"), t("days", "天"), 0),
        out("weeks", t("In weeks", "折合")),
        out("when", t("Date", "日期")),
    ]
    logic = [days, weeks, when]
    if re.search(r"\bhours?\b|\bminutes?\b|小时|分钟|时分|几点", ctx.text):
        clock_body = (
            head + "now = datetime.datetime.now() if start == datetime.date.today() else "
            "datetime.datetime.combine(start, datetime.time())\n"
            "left = max(int((datetime.datetime.combine(end, datetime.time()) - now).total_seconds() // 60), 0)\n"
            + t(
                'return f"{left // 1440} days {left % 1440 // 60} h {left % 60} min"',
                'return f"{left // 1440} 天 {left % 1440 // 60} 小时 {left % 60} 分"',
            )
        )
        logic.append(
            fn(
                "clock",
                t(
                    "Days, hours and minutes left until the date begins (from now when counting from today).",
                    "距离目标日期开始还剩几天几小时几分（从今天起算时按当前时刻）。",
                ),
                params,
                "str",
                clock_body,
                [(sample, t("358 days 0 h 0 min", "358 天 0 小时 0 分"))],
            )
        )
        results.append(out("clock", t("Days, hours, minutes", "天、小时、分钟")))
    return CalcParts(
        t(f"Countdown to {title}", f"{title}倒计时"),
        t(f"How many days are left until {label}.", f"距离{label}还有多少天。"),
        "⏳",
        "purple",
        [
            text("event", t("Date (MM-DD or YYYY-MM-DD)", "日期（MM-DD 或 YYYY-MM-DD）"), target),
            text("start_day", t("Counting from (or today)", "从（或“今天”）"), today_word),
        ],
        results,
        logic,
        [
            calc_path(
                "to_the_date",
                t("From 2025-01-01 to 12-25 is 358 days.", "从 2025-01-01 到 12-25 还有 358 天。"),
                sample,
                {"days": 358},
            ),
            calc_path(
                "passed_this_year",
                t(
                    "The day after 06-07, the next 06-07 is 364 days away.",
                    "过了 6 月 7 日，到明年的 6 月 7 日还有 364 天。",
                ),
                later,
                {"days": 364, "when": f"2026-06-07 {names[6]}"},
            ),
            error_path(
                "not_a_date", t("A date that is not a date is refused.", "无效日期会被拒绝。"), {"event": "13-45"}
            ),
        ],
        t(
            "The count starts from today's date each time you open the app; when this year's date has passed, "
            "the next one is counted.",
            "每次打开应用都按当天日期重新计算；今年的这一天已过时，自动算到下一个这一天。",
        ),
    )


def _weekday(ctx: Context) -> CalcParts:
    t = ctx.t
    named = month_day(ctx.idea)
    default = f"{named[2] or 2026}-{named[0]:02d}-{named[1]:02d}" if named else "2025-12-25"
    names = t.items(_WEEKDAYS_EN, _WEEKDAYS_ZH)
    bad = msg(t, "Write the date as YYYY-MM-DD.", "日期请写成 YYYY-MM-DD。")
    head = (
        f"try:\n    found = datetime.date.fromisoformat(date.strip().replace('/', '-'))\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\n"
    )
    weekday = fn(
        "weekday",
        t("The day of the week of a date.", "某个日期是星期几。"),
        "date:str",
        "str",
        head + f"return {names!r}[found.weekday()]",
        [({"date": "2025-12-25"}, names[3]), ({"date": "2000-01-01"}, names[5])],
    )
    of_year = fn(
        "day_of_year",
        t("Which day of its year the date is.", "这一天是当年的第几天。"),
        "date:str",
        "int",
        head + "return found.timetuple().tm_yday",
        [({"date": "2025-12-25"}, 359)],
    )
    week = fn(
        "week",
        t("The ISO week number.", "ISO 周数。"),
        "date:str",
        "int",
        head + "return found.isocalendar()[1]",
        [({"date": "2025-12-25"}, 52)],
    )
    return CalcParts(
        t("What Day of the Week?", "星期几查询"),
        t("Find the weekday of any date.", "查一查任意日期是星期几。"),
        "📅",
        "indigo",
        [text("date", t("Date (YYYY-MM-DD)", "日期（YYYY-MM-DD）"), default)],
        [
            out("weekday", t("Weekday", "星期")),
            out("day_of_year", t("Day of the year", "当年第几天"), "", 0),
            out("week", t("Week number", "第几周"), "", 0),
        ],
        [weekday, of_year, week],
        [
            calc_path(
                "christmas",
                t("2025-12-25 is a Thursday.", "2025-12-25 是星期四。"),
                {"date": "2025-12-25"},
                {"weekday": names[3], "day_of_year": 359},
            ),
            error_path(
                "bad_date", t("A date that is not a date is refused.", "无效日期会被拒绝。"), {"date": "2025-02-30"}
            ),
        ],
    )


def _span(ctx: Context) -> CalcParts:
    t = ctx.t
    found = _times(ctx.idea)
    start, end = (found[0], found[1]) if len(found) >= 2 else ((23, 30), (7, 15))
    bad = msg(t, "Write times as HH:MM, e.g. 23:30.", "时间请写成 HH:MM，例如 23:30。")
    head = (
        "def minutes(value):\n    hour, minute = value.strip().replace('：', ':').split(':')\n"
        "    hour, minute = int(hour), int(minute)\n"
        "    if not (0 <= hour <= 24 and 0 <= minute < 60):\n        raise ValueError(value)\n"
        "    return hour * 60 + minute\n\n"
        "try:\n    span = (minutes(end) - minutes(start)) % (24 * 60)\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\n"
    )
    sample = {"start": "23:30", "end": "07:15"}
    hours = fn(
        "hours",
        t(
            "Hours from the start to the end (past midnight when the end is earlier).",
            "从开始到结束的小时数（结束更早时跨过午夜）。",
        ),
        "start:str, end:str",
        "float",
        head + "return round(span / 60, 2)",
        [(sample, 7.75), ({"start": "09:00", "end": "17:30"}, 8.5)],
    )
    clock = fn(
        "length",
        t("The same span in hours and minutes.", "换算成几小时几分。"),
        "start:str, end:str",
        "str",
        head + t('return f"{span // 60} h {span % 60} min"', 'return f"{span // 60} 小时 {span % 60} 分"'),
        [(sample, t("7 h 45 min", "7 小时 45 分"))],
    )
    return CalcParts(
        t("Time Between Two Clock Times", "时长计算器"),
        t("How long from one time to another, across midnight too.", "算出两个时刻之间的时长，跨午夜也可以。"),
        "🕰️",
        "indigo",
        [
            text("start", t("From (HH:MM)", "开始（HH:MM）"), f"{start[0]:02d}:{start[1]:02d}"),
            text("end", t("To (HH:MM)", "结束（HH:MM）"), f"{end[0]:02d}:{end[1]:02d}"),
        ],
        [out("hours", t("Hours", "小时数"), t("h", "小时")), out("length", t("Duration", "时长"))],
        [hours, clock],
        [
            calc_path(
                "overnight",
                t("From 23:30 to 07:15 is 7 h 45 min.", "从 23:30 到 07:15 共 7 小时 45 分。"),
                sample,
                {"hours": 7.75},
            ),
            error_path("bad_time", t("A time that is not a time is refused.", "无效时间会被拒绝。"), {"end": "7 pm"}),
        ],
    )


WHEN: tuple[Calc, ...] = (
    Calc.reading(
        "countdown",
        {
            "countdown": 8,
            "count down": 8,
            "days until": 10,
            "days left": 8,
            "how many days": 8,
            "days to go": 8,
            "倒计时": 8,
            "倒数": 8,
            "还有几天": 10,
            "还有多少天": 10,
            "剩几天": 10,
            "距离": 3,
        },
        _countdown,
        names_date,
    ),
    Calc.reading(
        "weekday",
        {
            "weekday": 8,
            "day of the week": 10,
            "what day": 6,
            "which day": 4,
            "星期几": 10,
            "周几": 10,
            "礼拜几": 10,
        },
        _weekday,
    ),
    Calc.reading(
        "span",
        {
            "how long": 6,
            "duration": 6,
            "time between": 10,
            "hours between": 10,
            "across midnight": 10,
            "时长": 8,
            "多长时间": 8,
            "多久": 6,
            "几个小时": 6,
        },
        _span,
        names_times,
    ),
)
