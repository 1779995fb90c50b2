"""Rosters and rotations: a list of names taking turns, N a day, weekdays only when asked (“duty roster for
my class: 3 on duty each school day, weekends skipped”, “值日生：每天4个人，按学号轮流，周末跳过”). The
names are pasted in order; each day takes the next N, round the list again and again, so everyone has the
same number of turns."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, Brief, CalculatorComponent, Component, Screen, TextComponent
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.patterns.calc_core import calc_path, error_path, flag, fn, msg, num, out, text
from generator.planner.patterns.records_named import named_list

__all__ = ["PATTERN"]

KEYWORDS = {
    "rota": 8,
    "rotation": 6,
    "rotate": 5,
    "rotating": 5,
    "on duty": 6,
    "duty roster": 10,
    "take turns": 6,
    "taking turns": 6,
    "in turn": 3,
    "轮流": 8,
    "值日": 10,
    "轮值": 8,
    "轮班": 6,
    "排值": 6,
}
_PER_DAY = re.compile(
    r"(\d{1,2}|one|two|three|four|five|six)\s*(?:people|persons|students|kids|names|of them)?\s*(?:on duty\s*)?"
    r"(?:a|each|every|per)\s+(?:school\s+)?day|(\d{1,2})\s*on duty|每天\s*(\d{1,2})\s*(?:个|位|名)?人|"
    r"每天\s*([一二两三四五六七八九十])\s*(?:个|位|名)?人|每日\s*(\d{1,2})\s*人"
)
_ZH_NUM = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
}
_WEEKDAYS = re.compile(r"\b(?:weekends?|weekdays?|school ?days?|working days?|mon(?:day)?\s*(?:-|to)\s*fri)")
_WEEKDAYS_ZH = ("周末", "工作日", "上学", "周一到周五", "週末", "星期一到星期五")
_NAMES = (r"students?|names?|kids|children|members|people|volunteers|名单|学生|同学|成员", "")
_NAME_RUN = re.compile(r"\b[A-Z][a-z]+(?:,\s*[A-Z][a-z]+)+,?\s+and\s+[A-Z][a-z]+\b")
_SAMPLE_EN = "Ana, Ben, Chloe, Dan, Eva, Finn, Gus, Hana"
_SAMPLE_ZH = "小明, 小红, 小刚, 小丽, 小华, 小强, 小芳, 小军"


def _per_day(ctx: Context) -> int:
    match = _PER_DAY.search(to_simplified(ctx.idea).lower())
    if match is None:
        return 2
    value = next(g for g in match.groups() if g)
    number = _ZH_NUM.get(value) or int(value)
    return max(1, min(number, 20))


def _weekdays_only(ctx: Context) -> bool:
    return bool(_WEEKDAYS.search(ctx.text)) or ctx.has(*_WEEKDAYS_ZH)


def _names(ctx: Context) -> str:
    named = named_list(ctx.idea, _NAMES, max_words=2)
    if len(named) < 2:
        named = [i for i in ctx.items if re.fullmatch(r"[A-Z][a-z]+|[\u4e00-\u9fff]{2,3}", i)]
    if len(named) < 2:  # “Sam, Priya, Leo and Mei take turns”
        run = _NAME_RUN.search(ctx.idea)
        named = re.split(r",\s*(?:and\s+)?|\s+and\s+", run.group(0)) if run else []
    if len(named) >= 2:
        return ", ".join(ctx.script(n) for n in named)
    return ctx.t(_SAMPLE_EN, _SAMPLE_ZH)


def _labels(ctx: Context) -> list[str]:
    if ctx.language == "zh-Hant":
        return ["週一", "週二", "週三", "週四", "週五", "週六", "週日"]
    if ctx.zh:
        return ["周一", "周二", "周三", "周四", "周五", "周六", "周日"]
    return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def _body(ctx: Context) -> str:
    t = ctx.t
    empty = msg(t, "Paste at least one name.", "请至少填一个名字。")
    too_many = msg(t, "More people a day than names on the list.", "每天的人数比名单上的人还多。")
    bad = msg(t, "Write the start date as YYYY-MM-DD.", "开始日期请写成 YYYY-MM-DD。")
    return (
        "for mark in '，、;；\\n':\n"
        "    names = names.replace(mark, ',')\n"
        "people = [p.strip() for p in names.split(',') if p.strip()]\n"
        f"if not people:\n    raise ValueError({empty})\n"
        f"if per_day < 1 or per_day > len(people):\n    raise ValueError({too_many})\n"
        "try:\n    day = datetime.date.fromisoformat(start.strip())\n"
        f"except ValueError:\n    raise ValueError({bad}) from None\n"
        f"labels = {_labels(ctx)!r}\n"
        "lines = []\n"
        "turn = 0\n"
        "while len(lines) < min(max(days, 1), 60):\n"
        "    if not weekdays_only or day.weekday() < 5:\n"
        "        team = [people[(turn + i) % len(people)] for i in range(per_day)]\n"
        "        turn = (turn + per_day) % len(people)\n"
        "        lines.append(labels[day.weekday()] + ' ' + day.isoformat() + ': ' + ', '.join(team))\n"
        "    day += datetime.timedelta(days=1)\n"
        "return '\\n'.join(lines)"
    )


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    per_day = _per_day(ctx)
    weekdays = _weekdays_only(ctx)
    names = _names(ctx)
    labels = _labels(ctx)
    cases = [
        (
            {"names": "A, B, C, D, E", "per_day": 2, "start": "2025-09-05", "days": 3, "weekdays_only": True},
            f"{labels[4]} 2025-09-05: A, B\n{labels[0]} 2025-09-08: C, D\n{labels[1]} 2025-09-09: E, A",
        ),
        (
            {"names": "A、B、C", "per_day": 1, "start": "2025-09-06", "days": 2, "weekdays_only": False},
            f"{labels[5]} 2025-09-06: A\n{labels[6]} 2025-09-07: B",
        ),
    ]
    roster = fn(
        "roster",
        t("Who is on duty each day: the next names of the list in turn.", "每天轮到谁：按名单顺序轮流。"),
        "names:str, per_day:int, start:str, days:int, weekdays_only:bool",
        "str",
        _body(ctx),
        cases,
    )
    inputs = [
        text("names", t("Names, in order (commas or one a line)", "名单（按顺序，用逗号分隔）"), names),
        num("per_day", t("People a day", "每天人数"), per_day, step=1),
        text("start", t("First day (YYYY-MM-DD)", "第一天（YYYY-MM-DD）"), "2025-09-01"),
        num("days", t("Days to plan", "排几天"), 10, step=1),
        flag("weekdays_only", t("Weekdays only (skip Saturday and Sunday)", "只排工作日（跳过周六周日）"), weekdays),
    ]
    inputs = [
        i.model_copy(update={"min": 1, "max": 20 if i.name == "per_day" else 60})
        if i.name in ("per_day", "days")
        else i
        for i in inputs
    ]
    calc = CalculatorComponent(
        id="calc", inputs=inputs, results=[out("roster", t("Roster", "值日表"), decimals=0)], history=True
    )
    how = t(
        f"Paste your list in the order people take turns. Each day takes the next {per_day}, and after the last "
        "name it starts again at the top, so turns stay even. **Save result** keeps the roster you settle on.",
        f"按轮流顺序贴上名单（如按学号）。每天依次排{per_day}人，排到最后一个后从头再来，人人轮到的次数一样。"
        "点 **保存结果** 可以保留定下来的值日表。",
    )
    components: list[Component] = [calc, TextComponent(id="how", title=t("How it works", "说明"), body=how)]
    title = t("Chore Rotation", "家务轮流表") if ctx.has("chore", "家务") else t("Duty Roster", "值日轮流表")
    screen = Screen(name="roster", title=title, icon="🗓️", components=components)
    paths = [
        calc_path(
            "take_turns",
            t(
                "Five names, two a day from a Friday, weekdays only: Monday goes on with the third name.",
                "五个名字、每天两人、从周五开始只排工作日：周一接着第三个人。",
            ),
            cases[0][0],
            {"roster": cases[0][1]},
        ),
        error_path(
            "too_many_a_day",
            t("Asking for more people a day than names says so.", "每天人数多于名单人数时给出说明。"),
            {"names": "A, B", "per_day": 3},
        ),
    ]
    brief = Brief(
        title=title,
        value=t(
            f"A fair rotation: {per_day} a day from your list, in turn" + (", weekdays only." if weekdays else "."),
            f"公平轮流：按名单每天排{per_day}人" + ("，只排工作日。" if weekdays else "。"),
        ),
        audience=t("Teachers, clubs and households sharing chores", "老师、社团和分担家务的家庭"),
        language=ctx.language,
        icon="🗓️",
        category="planner",
        inputs=[i.label for i in inputs],
        feedback=[t("who is on duty each day", "每天轮到谁")],
        theme=ctx.theme("sky"),
    )
    return AppSpec(brief=brief, screens=[screen], logic=[roster], key_paths=paths)


def score(ctx: Context) -> Match:
    if ctx.has("minute", "min$", "second", "station", "分钟", "秒"):
        return Match()  # “rotate every 15 minutes”: a timer, not a roster of days
    found = ctx.match(KEYWORDS)
    if found.score and ctx.has("roster", "schedule", "each day", "every day", "per day", "a day", "每天", "表"):
        found = found + Match(4.0, ())
    return found


PATTERN = Pattern(
    name="roster",
    label_en="duty roster",
    label_zh="值日轮流表",
    score=score,
    build=build,
    hint_en="rotation",
    hint_zh="轮流",
)
