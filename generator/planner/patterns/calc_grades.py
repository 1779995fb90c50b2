"""GPA calculators: courses the user adds (name, credits, grade), each converted to grade points on the scale the
idea names or implies (US 4.0 or 4.3 letters, percentages by the common Chinese university table or the US one,
5-point scales, or the idea's own table), weighted by credits. Never an average of percentages."""

from __future__ import annotations

import re
from collections.abc import Sequence

from flashapps.spec import AppSpec, Brief, Component, GpaComponent, GradeStep, KeyPath, Screen, TextComponent
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.calc_plans import weighted_parts

__all__ = ["PATTERN", "gpa_of", "read_gpa"]

_KEYWORDS = {
    "gpa": 30,
    "cgpa": 30,
    "grade point": 30,
    "grade-point": 30,
    "绩点": 30,
    "平均学分绩": 30,
    "学分绩": 24,
    "credit": 6,
    "学分": 6,
    "course": 2,
    "课程": 2,
}
_STRONG = ("gpa", "cgpa", "grade point", "grade-point", "绩点", "学分绩")

_US_4 = [
    ("A", 4.0), ("A-", 3.7), ("B+", 3.3), ("B", 3.0), ("B-", 2.7), ("C+", 2.3), ("C", 2.0), ("C-", 1.7),
    ("D+", 1.3), ("D", 1.0), ("D-", 0.7), ("F", 0.0),
]  # fmt: skip
_US_43 = [("A+", 4.3), *_US_4]
_FIVE_LETTERS = [("A", 5.0), ("B", 4.0), ("C", 3.0), ("D", 2.0), ("E", 1.0), ("F", 0.0)]
_LEVELS = [("优", 4.0), ("良", 3.0), ("中", 2.0), ("及格", 1.0), ("不及格", 0.0)]
_CHINA = [
    (90, 100, 4.0), (85, 89, 3.7), (82, 84, 3.3), (78, 81, 3.0), (75, 77, 2.7), (72, 74, 2.3), (68, 71, 2.0),
    (64, 67, 1.5), (60, 63, 1.0), (0, 59, 0.0),
]  # fmt: skip
_US_PERCENT = [
    (93, 100, 4.0), (90, 92, 3.7), (87, 89, 3.3), (83, 86, 3.0), (80, 82, 2.7), (77, 79, 2.3), (73, 76, 2.0),
    (70, 72, 1.7), (67, 69, 1.3), (63, 66, 1.0), (60, 62, 0.7), (0, 59, 0.0),
]  # fmt: skip

_LETTER = r"(?<![A-Za-z])([A-Fa-f][+\-−]?)(?![A-Za-z+\-−])"
_LEVEL = r"(不及格|不合格|及格|合格|优秀|优|良好|良|中等|中|差)"
_RANGE = r"(\d{1,3})\s*(?:-|–|—|~|～|到|至)\s*(\d{1,3})\s*分?"
_ABOVE = r"(\d{1,3})\s*(?:分)?\s*(?:以上|及以上|\+|or above|and above|\s*-\s*100)"
_POINTS = r"\s*(?:=|:|：|→|->|is|算|为|是|对应|得)\s*(\d(?:\.\d{1,2})?)(?![\d.%])"
_POINTS_LOOSE = r"\s*(?:=|:|：|→|->|is|算|为|是|对应|得|绩点)?\s*(\d(?:\.\d{1,2})?)(?![\d.%])"
_PERCENT = ("percent", "percentage", "%", "百分", "分数", "score", "marks", "考试分", "成绩（百分")


def _letter_pairs(idea: str) -> list[tuple[str, float]]:
    found = [(m[1].upper().replace("−", "-"), float(m[2])) for m in re.finditer(_LETTER + _POINTS, idea)]
    return list(dict.fromkeys(found))


def _level_pairs(text: str) -> list[tuple[str, float]]:
    return list(dict.fromkeys((m[1], float(m[2])) for m in re.finditer(_LEVEL + _POINTS, text)))


def _range_pairs(idea: str) -> list[tuple[float, float, float]]:
    found: list[tuple[float, float, float]] = []
    for m in re.finditer(_RANGE + _POINTS_LOOSE, idea):
        low, high = sorted((float(m[1]), float(m[2])))
        if high <= 100:
            found.append((low, high, float(m[3])))
    for m in re.finditer(_ABOVE + _POINTS_LOOSE, idea):
        if float(m[1]) <= 100:
            found.append((float(m[1]), 100.0, float(m[2])))
    for m in re.finditer(r"(?:below|under|低于|低於|不到)\s*(\d{1,3})\s*分?" + _POINTS, idea):
        found.append((0.0, float(m[1]) - 1, float(m[2])))
    for m in re.finditer(r"(\d{1,3})\s*分?\s*以下" + _POINTS_LOOSE, idea):
        found.append((0.0, float(m[1]) - 1, float(m[2])))
    return sorted(set(found), key=lambda s: -s[0])


def _range_steps(rows: Sequence[tuple[float, float, float]]) -> list[GradeStep]:
    return [
        GradeStep(grade=f"{low:g}–{high:g}" if low < high else f"{low:g}", points=points, low=low)
        for low, high, points in rows
    ]


def _letter_steps(rows: list[tuple[str, float]]) -> list[GradeStep]:
    return [GradeStep(grade=grade, points=points) for grade, points in rows]


def _table_note(ctx: Context, steps: list[GradeStep], name: str) -> str:
    shown = ", ".join(f"{s.grade} = {s.points:g}" for s in steps[:4])
    return ctx.t(f"{name}: {shown} …", f"{name}：{shown.replace(', ', '，')} …")


def read_gpa(ctx: Context) -> GpaComponent:
    """The scale the idea names or implies, with a note saying which table is used."""
    t, idea = ctx.t, ctx.idea
    letters, levels, ranges = _letter_pairs(idea), _level_pairs(ctx.text), _range_pairs(idea)
    top_named = re.search(r"(?<![\d.])(4\.3|4\.0|4|5\.0|5|五|四)\s*(?:-?point|分制|制|scale|分|的?满分)", ctx.text)
    percent = ctx.has(*_PERCENT) or bool(ranges)
    if len(ranges) >= 2:
        steps = _range_steps(ranges)
        if steps[-1].low and steps[-1].low > 0:
            steps.append(GradeStep(grade=t(f"below {steps[-1].low:g}", f"{steps[-1].low:g} 以下"), points=0, low=0))
        note = _table_note(ctx, steps, t("Your own table", "你给出的换算表"))
        return GpaComponent(id="gpa", by="score", scale=steps, top=max(s.points for s in steps), scale_note=note)
    if len(letters) >= 2:
        given = dict(letters)
        signed = any(k[-1] in "+-" for k in given)  # "A=4.0, A-=3.7, B+=3.3 and so on": the standard table
        for standard in (_US_4, _US_43) if signed else ():
            if all(dict(standard).get(k) == v for k, v in given.items()):
                steps = _letter_steps(standard)
                top = standard[0][1]
                name = t(f"Standard US {top:g} scale", f"美国标准 {top:g} 分制")
                note = _table_note(ctx, steps, name)
                return GpaComponent(id="gpa", scale=steps, top=top, scale_note=note)
        steps = _letter_steps(letters)
        note = _table_note(ctx, steps, t("Your own table", "你给出的换算表"))
        return GpaComponent(id="gpa", scale=steps, top=max(v for _, v in letters), scale_note=note)
    if len(levels) >= 2:
        steps = _letter_steps([(ctx.script(k), v) for k, v in levels])
        note = _table_note(ctx, steps, t("Your own table", "你给出的换算表"))
        return GpaComponent(id="gpa", scale=steps, top=max(v for _, v in levels), scale_note=note)
    named = top_named[1] if top_named else ""
    if named.startswith(("5", "五")):
        if percent or ctx.zh:
            note = t(
                "5-point scale: grade points = (score − 50) / 10 from 60 up (60 → 1.0, 85 → 3.5, 100 → 5.0); "
                "below 60 → 0.",
                "5 分制：绩点 =（分数 − 50）÷ 10，60 分及以上适用（60 → 1.0，85 → 3.5，100 → 5.0）；60 分以下为 0。",
            )
            return GpaComponent(id="gpa", by="linear", top=5.0, scale_note=note)
        steps = _letter_steps(_FIVE_LETTERS)
        return GpaComponent(
            id="gpa", scale=steps, top=5.0, scale_note=_table_note(ctx, steps, t("5-point scale", "5 分制"))
        )
    if named == "4.3" or ctx.has("a+ is 4.3", "a+=4.3", "a+ = 4.3"):
        steps = _letter_steps(_US_43)
        return GpaComponent(
            id="gpa", scale=steps, top=4.3, scale_note=_table_note(ctx, steps, t("4.3 letter scale", "4.3 分制"))
        )
    if ctx.has("优良", "优秀", "良好", "等级制", "五级制") and not percent:
        steps = _letter_steps([(ctx.script(k), v) for k, v in _LEVELS])
        note = _table_note(ctx, steps, t("Five-level grades", "五级制"))
        return GpaComponent(id="gpa", scale=steps, top=4.0, scale_note=note)
    letter_words = ("letter", "a-", "b+", "字母", "等级")
    if percent and not ctx.has(*letter_words) or (ctx.zh and not ctx.has(*letter_words)):
        china = ctx.zh or ctx.has("china", "chinese")
        steps = _range_steps(_CHINA if china else _US_PERCENT)
        name = (
            t("Common Chinese university 4.0 table", "常用的中国高校百分制 4.0 换算表")
            if china
            else t("Common US percentage to 4.0 table", "美国常用的百分制 4.0 换算表")
        )
        return GpaComponent(id="gpa", by="score", scale=steps, scale_note=_table_note(ctx, steps, name))
    steps = _letter_steps(_US_4)
    return GpaComponent(
        id="gpa", scale=steps, scale_note=_table_note(ctx, steps, t("Standard US 4.0 scale", "美国标准 4.0 分制"))
    )


def _points(gpa: GpaComponent, grade: object) -> float:
    if gpa.by == "letter":
        return next(s.points for s in gpa.scale if s.grade == grade)
    score = float(grade)  # type: ignore[arg-type]
    if gpa.by == "linear":
        return 0.0 if score < gpa.pass_mark else round(min(gpa.top, (score - gpa.base) / gpa.divisor), 2)
    return next((s.points for s in sorted(gpa.scale, key=lambda s: -(s.low or 0)) if score >= (s.low or 0)), 0.0)


def gpa_of(gpa: GpaComponent, courses: list[tuple[float, object]]) -> float:
    """The credit-weighted GPA of (credits, grade) pairs, as the app works it out."""
    credits = sum(c for c, _ in courses)
    return round(sum(c * _points(gpa, g) for c, g in courses) / credits, gpa.decimals)


def _paths(ctx: Context, gpa: GpaComponent) -> list[KeyPath]:
    t = ctx.t
    if gpa.by == "letter":
        grades: list[object] = [gpa.scale[0].grade, gpa.scale[min(2, len(gpa.scale) - 1)].grade]
        field = "gpa__grade"
    else:
        grades, field = [92.0, 80.0], "gpa__score"
    courses = [(3.0, grades[0]), (4.0, grades[1])]
    value = gpa_of(gpa, courses)
    names = [ctx.script(t("Maths", "数学")), ctx.script(t("History", "历史"))]
    steps = []
    for (credits, grade), name in zip(courses, names, strict=True):
        steps += [step("set", "gpa__name", name), step("set", "gpa__credits", credits), step("set", field, grade)]
        steps.append(step("click", "gpa__add"))
    shown = f"{grades[0]:g}" if isinstance(grades[0], float) else grades[0]
    shown2 = f"{grades[1]:g}" if isinstance(grades[1], float) else grades[1]
    return [
        path(
            "two_courses",
            t(
                f"{shown} in a 3-credit course and {shown2} in a 4-credit course give a GPA of {value}.",
                f"3 学分的课得 {shown}、4 学分的课得 {shown2}，平均绩点为 {value}。",
            ),
            steps,
            [
                expect("gpa.gpa", value, "approx"),
                expect("gpa.credits", 7.0, "approx"),
                expect("gpa.courses", 2),
                expect("gpa.points", [_points(gpa, grades[0]), _points(gpa, grades[1])]),
            ],
        ),
        path(
            "remove_course",
            t("A course removed leaves the list and the GPA.", "删除的课程不再计入平均绩点。"),
            [*steps, step("set", "gpa__drop", 0), step("click", "gpa__remove")],
            [
                expect("gpa.courses", 1),
                expect("gpa.credits", 4.0, "approx"),
                expect("gpa.gpa", _points(gpa, grades[1]), "approx"),
            ],
        ),
    ]


def _score(ctx: Context) -> Match:
    if not ctx.has(*_STRONG):
        return Match()
    if weighted_parts(ctx.idea) and not ctx.has("credit", "学分", "course", "课程"):
        return Match()  # a weighted grade of one course, not a GPA
    return ctx.match(_KEYWORDS)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    gpa = read_gpa(ctx)
    how = t(
        "Add each course with its credits and grade: its grade points on the scale below, the GPA (grade points "
        "weighted by credits) and the total credits update at once, and the courses are kept. **Grade scale used** "
        "shows the table.",
        "逐门添加课程的学分和成绩：每门课按下面的换算表折算成绩点，平均绩点（按学分加权）和总学分立即更新，"
        "课程会保存下来。**使用的绩点换算表** 里可以查看换算表。",
    )
    title = t("GPA Calculator", "绩点计算器")
    components: list[Component] = [gpa, TextComponent(id="how", title=t("How it works", "说明"), body=how)]
    screen = Screen(name="gpa", title=title, icon="🎓", components=components)
    brief = Brief(
        title=title,
        value=t(
            f"A credit-weighted GPA on a {gpa.top:g} scale from the courses you add.",
            f"按学分加权、满分 {gpa.top:g} 的平均绩点，由你添加的课程算出。",
        ),
        audience=t("Students", "学生"),
        language=ctx.language,
        icon="🎓",
        category="calculator",
        inputs=[t("course", "课程"), t("credits", "学分"), t("grade", "成绩")],
        feedback=[t("GPA", "平均绩点"), t("total credits", "总学分"), t("grade points per course", "每门课的绩点")],
        theme=ctx.theme("indigo"),
    )
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=_paths(ctx, gpa))


PATTERN = Pattern(
    name="gpa",
    label_en="GPA calculator",
    label_zh="绩点计算器",
    score=_score,
    build=build,
    hint_en="GPA",
    hint_zh="绩点",
)
