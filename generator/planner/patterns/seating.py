"""Classroom seating charts: a rows × cols grid (as the sentence sizes it) filled from a student list by the rules it
asks for (shortest in front, poor eyesight in front, boys and girls alternating, or at random), made again, two
seats swapped by hand, downloaded to print. Recognised by arranging students into seats, never booking a seat."""

from __future__ import annotations

import math
import re

from flashapps.spec import AppSpec, KeyPath, SeatingComponent
from flashapps.spec.group import SeatRule
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import count_of, group_app, number_word

__all__ = ["PATTERN", "read_grid", "read_rules"]

_CHART = (
    "seating chart", "seating plan", "seat plan", "seating arrangement", "seat arrangement", "seat the students",
    "arrange seats", "assign seats", "seat assignment", "classroom seats", "座位表", "排座位", "座位安排", "安排座位",
    "编排座位", "分座位", "换座位", "调座位", "排位", "座次表", "座位图",
)  # fmt: skip
_CLASS = ("student", "pupil", "class", "classroom", "学生", "班", "同学", "教室", "课室")
_BOOKING = (
    "book",
    "reserve",
    "reservation",
    "ticket",
    "cinema",
    "theater",
    "theatre",
    "预约",
    "订座",
    "预订",
    "影院",
    "电影",
)
_RULES: tuple[tuple[SeatRule, tuple[str, ...]], ...] = (
    ("height", ("height", "tall", "short", "身高", "高矮", "个子", "矮")),
    ("eyesight", ("eyesight", "vision", "glasses", "short-sighted", "视力", "近视", "眼镜")),
    ("mixed", ("boys and girls", "boy/girl", "girl/boy", "gender", "mixed", "alternate", "男女", "性别")),
    ("random", ("random", "shuffle", "随机", "打乱")),
)
_N = r"(\d{1,2}|[一二两三四五六七八九十]{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"


def read_grid(ctx: Context) -> tuple[int, int]:
    """(rows, seats a row): “5 rows of 8”, “6 x 7”, “6排7列”, “每排8个”; else from the class size, else 5 × 8."""
    text = ctx.text.split(" | ")[0]
    both = (
        re.search(_N + r"\s*rows?\s*(?:of|x|×|by|with|and)\s*" + _N, text)
        or re.search(r"(\d{1,2})\s*[x×*]\s*(\d{1,2})", text)
        or re.search(_N + r"\s*排\s*(?:每排)?\s*" + _N + r"\s*(?:列|个|座|人|张|位)", text)
        or re.search(_N + r"\s*行\s*" + _N + r"\s*列", text)
    )
    if both:
        rows, cols = number_word(both[1]), number_word(both[2])
        if rows and cols:
            return min(rows, 15), min(cols, 15)
    in_rows = re.search(_N + r"\s*(?:rows|排|行)", text)
    a_row = re.search(_N + r"\s*(?:seats|desks|columns|chairs)\s*(?:per|in each|a|each)\s*row|每排\s*" + _N, text)
    r = number_word(in_rows[1]) if in_rows else None
    c = number_word(a_row[1] or a_row[2]) if a_row else None
    size = count_of(ctx, "students|pupils|kids|children", "名学生|个学生|位学生|个人|人")
    if r and not c:
        c = math.ceil(size / r) if size else 8
    if c and not r:
        r = math.ceil(size / c) if size else 5
    if not r and size:
        c = 8 if size > 30 else 6
        r = math.ceil(size / c)
    return min(r or 5, 15), min(c or 8, 15)


def read_rules(ctx: Context) -> list[SeatRule]:
    """The rules the sentence names, in its order; shortest in front when it names none."""
    found = [(min(ctx.position(w) for w in words), rule) for rule, words in _RULES if ctx.has(*words)]
    rules = [rule for _, rule in sorted(found)]
    if "random" in rules and len(rules) > 1:
        rules.remove("random")
    return rules[:3] or ["height"]


def _paths(ctx: Context, chart: SeatingComponent) -> list[KeyPath]:
    t = ctx.t
    lines = t(
        "Mia 151 5.0 girl\nLeo 138 5.0 boy\nAva 145 5.0 girl\nNoah 160 5.0 boy",
        "王芳 151 5.0 女\n李明 138 5.0 男\n张丽 145 5.0 女\n陈刚 160 5.0 男",
    )
    shortest = t("Leo", "李明")
    made = [step("set", "seating__students", ctx.script(lines)), step("click", "seating__make")]
    checks = [expect("seating.seated", 4), expect("seating.students", 4)]
    if "random" not in chart.rules:
        checks.append(expect("seating.front", ctx.script(shortest), "contains"))
    return [
        path(
            "chart_from_list",
            t("Four students get seats; the shortest sits in the front row.", "四名学生入座，最矮的坐第一排。"),
            made,
            checks,
        ),
        path(
            "swap_two_seats",
            t("Two seats swapped by hand keep everyone seated.", "手动交换两个座位后，人人仍有座位。"),
            [
                *made,
                step("set", "seating__a", "0,0"),
                step("set", "seating__b", f"{chart.rows - 1},0"),
                step("click", "seating__swap"),
            ],
            [expect("seating.seated", 4)],
        ),
    ]


def _score(ctx: Context) -> Match:
    chart = [w for w in _CHART if ctx.where(w)]
    pupils = ctx.has(*_CLASS)
    if not chart and not (pupils and ctx.has("seat", "座位") and ctx.has(*(w for _, ws in _RULES[:3] for w in ws))):
        return Match()
    if ctx.has(*_BOOKING) and not pupils:
        return Match()
    words = tuple(filter(None, (ctx.where(w) for w in [*chart, *_CLASS])))[:3]
    return Match(60.0 if chart else 50.0, words)


def build(ctx: Context) -> AppSpec:
    rows, cols = read_grid(ctx)
    rules = read_rules(ctx)
    chart = SeatingComponent(id="seating", rows=rows, cols=cols, rules=rules)
    said = {
        "height": ("shortest in front", "矮的坐前面"),
        "eyesight": ("poor eyesight in front", "视力差的坐前面"),
        "mixed": ("boys and girls alternating", "男女间隔"),
        "random": ("at random", "随机"),
    }
    rule_en = ", ".join(said[r][0] for r in rules)
    rule_zh = "、".join(said[r][1] for r in rules)
    how = (
        f"Type or paste the students, one a line (name, height in cm, eyesight, gender), then make the chart: "
        f"{rows} rows of {cols} seats, row 1 at the front, {rule_en}. Make it again for another arrangement of "
        "equals, swap two seats by hand, and download it to print.",
        f"输入或粘贴学生名单，每行一个（姓名、身高厘米、视力、性别），再生成座位表：{rows}排、每排{cols}个座位，"
        f"第 1 排在最前面，{rule_zh}。可以重新生成、手动交换两个座位，并下载打印。",
    )
    value = (
        f"A {rows} × {cols} seating chart from the student list: {rule_en}.",
        f"根据学生名单生成{rows}排×{cols}列的座位表：{rule_zh}。",
    )
    return group_app(ctx, chart, ("Seating Chart", "座位表"), "🪑", how, value, _paths(ctx, chart), "sky", "planner")


PATTERN = Pattern(
    name="seating",
    label_en="Seating chart",
    label_zh="座位表",
    score=_score,
    build=build,
    hint_en="seating chart",
    hint_zh="座位表",
)
