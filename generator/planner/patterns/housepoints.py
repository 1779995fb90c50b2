"""Points for named teams in their own colours (school houses, camp or class teams): plus and minus buttons per
team and a big bar chart of the totals in those colours. Recognised by teams named by colour or called houses,
with points; a plain scoreboard for numbered teams keeps its own app."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, HousePointsComponent, HouseTeam, KeyPath
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import count_of, group_app, listed_names

__all__ = ["PATTERN"]

_COLOURS = (
    ("red", "红", "#dc2626", "Red"), ("blue", "蓝", "#2563eb", "Blue"), ("green", "绿", "#16a34a", "Green"),
    ("yellow", "黄", "#eab308", "Yellow"), ("orange", "橙", "#ea580c", "Orange"), ("purple", "紫", "#7c3aed", "Purple"),
    ("pink", "粉", "#db2777", "Pink"), ("black", "黑", "#111827", "Black"), ("white", "白", "#94a3b8", "White"),
    ("gold", "金", "#ca8a04", "Gold"), ("silver", "银", "#6b7280", "Silver"),
)  # fmt: skip
_POINTS = ("point", "score", "积分", "分数", "得分", "加分", "记分", "计分")
_HOUSE = ("house points", "house cup", "houses", "学院", "house system", "colour teams", "color teams", "色队")
_NOT_MINE = ("quiz", "trivia", "game night", "知识竞赛", "问答")


def _colour(name: str) -> str | None:
    low = to_simplified(name).lower()
    for en, zh, hex_value, _ in _COLOURS:
        if re.search(rf"(?<![a-z]){en}(?![a-z])", low) or zh in low:
            return hex_value
    return None


def _teams(ctx: Context) -> list[HouseTeam]:
    named = [re.sub(r"\s+(?:houses?|teams?|groups?)$", "", n, flags=re.I) for n in listed_names(ctx, 12)]
    if len(named) >= 2:
        spare = [c[2] for c in _COLOURS if c[2] not in {_colour(n) for n in named}]
        teams = []
        for name in named:
            colour = _colour(name) or spare.pop(0)
            teams.append(HouseTeam(name=name, colour=colour))
        return teams
    count = min(max(count_of(ctx, "houses|teams|groups", "个学院|个队|支队|个小组|组") or 4, 2), len(_COLOURS))
    said = [c for c in _COLOURS if ctx.has(c[0], c[1] + "色", c[1] + "队")]
    chosen = (said + [c for c in _COLOURS if c not in said])[:count] if len(said) < count else said
    return [HouseTeam(name=ctx.t(c[3], c[1] + "队"), colour=c[2]) for c in chosen]


def _steps(ctx: Context) -> list[int]:
    found = [int(n) for n in re.findall(r"\+\s?(\d{1,3})(?!\d)", ctx.idea) if 0 < int(n) <= 500]
    return list(dict.fromkeys(found))[:3] or [1, 5]


def _paths(ctx: Context, houses: HousePointsComponent) -> list[KeyPath]:
    t = ctx.t
    first, second = houses.teams[0].name, houses.teams[1].name
    big = houses.steps[-1]
    zero = {team.name: 0 for team in houses.teams}
    return [
        path(
            "points_and_leader",
            t(
                f"{first} gets {big} and {second} {houses.steps[0]}: {first} leads.",
                f"{first}加{big}分、{second}加{houses.steps[0]}分：{first}领先。",
            ),
            [step("click", f"housepoints__t0p{len(houses.steps) - 1}"), step("click", "housepoints__t1p0")],
            [
                expect("housepoints.scores", zero | {first: big, second: houses.steps[0]}),
                expect("housepoints.leader", first if big > houses.steps[0] else ""),
            ],
        ),
        path(
            "minus_and_undo",
            t("A point taken away and the change undone.", "扣分后撤销，分数恢复。"),
            [step("click", "housepoints__t0p0"), step("click", "housepoints__t0m"), step("click", "housepoints__undo")],
            [expect("housepoints.scores", zero | {first: houses.steps[0]})],
        ),
    ]


def _score(ctx: Context) -> Match:
    if not ctx.has(*_POINTS) or ctx.has(*_NOT_MINE):
        return Match()
    coloured = [n for n in listed_names(ctx, 12) if _colour(n)]
    house = ctx.has(*_HOUSE) or (ctx.has("colour", "color", "颜色") and ctx.has("team", "队", "组"))
    chart = ctx.has("bar chart", "bar graph", "长条图", "柱状图", "条形图")
    if not house and (len(coloured) < 2 or (ctx.has("scoreboard", "记分板", "计分板") and not chart)):
        return Match()
    words = tuple(filter(None, (ctx.where(w) for w in (*_HOUSE, *_POINTS))))[:3]
    return Match(50.0 + (5.0 if chart else 0.0), words)


def build(ctx: Context) -> AppSpec:
    houses = HousePointsComponent(id="housepoints", teams=_teams(ctx), steps=_steps(ctx))
    names = [team.name for team in houses.teams]
    how = (
        "Tap + or − beside a team to give or take points; the bars show the totals in each team's colour and the "
        "leader is named above. Undo takes back the last change.",
        "点队伍旁的 + 或 − 加分或扣分；长条图用各队的颜色显示总分，上方显示领先的队伍。撤销可以收回上一次改动。",
    )
    value = (f"Points for {', '.join(names)} with a big bar chart.", f"{'、'.join(names)}的积分和大长条图。")
    title = ("House Points", "学院积分") if ctx.has(*_HOUSE) else ("Team Points", "团队积分")
    return group_app(ctx, houses, title, "🏅", how, value, _paths(ctx, houses), "indigo")


PATTERN = Pattern(
    name="housepoints",
    label_en="House points",
    label_zh="学院积分",
    score=_score,
    build=build,
    hint_en="house points",
    hint_zh="学院积分",
)
