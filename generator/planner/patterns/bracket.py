"""Tournament brackets: the teams a sentence lists (or a count of them), single elimination with byes for the top
seeds, or a round robin with standings when the sentence asks for one; each match's winner picked, the champion
shown. Recognised by the tournament's form (a bracket, knockout, elimination, round robin), never a scoreboard of
points alone."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, BracketComponent, KeyPath
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import count_of, group_app, listed_names

__all__ = ["PATTERN", "knockout_slots"]

_FORM = (
    "bracket", "knockout", "knock-out", "single elimination", "single-elimination", "elimination", "round robin",
    "round-robin", "淘汰赛", "对阵表", "对阵图", "晋级图", "循环赛", "单循环", "双循环", "赛程表",
)  # fmt: skip
_EVENT = ("tournament", "cup", "championship", "league", "锦标赛", "比赛", "杯赛", "联赛", "大赛")
_DECIDE = ("winner", "champion", "advance", "who wins", "冠军", "胜者", "胜方", "晋级", "获胜")
_LEAGUE = ("round robin", "round-robin", "every team plays", "each team plays", "league table", "循环赛", "单循环")
_TEAMS_EN = "teams|players|members|clubs|schools|classes|competitors|entrants|participants|people"
_TEAMS_ZH = "支队伍|支队|个队|队|名选手|位选手|名队员|个人|人|个班|所学校"


def knockout_slots(teams: list[str]) -> list[str | None]:
    """The first round as the app seeds it: 1 v last…, None a bye for the top seeds."""
    size = 1
    while size < len(teams):
        size *= 2
    order = [0]
    while len(order) < size:
        order = [x for s in order for x in (s, len(order) * 2 - 1 - s)]
    return [teams[s] if s < len(teams) else None for s in order]


def _teams(ctx: Context) -> list[str]:
    named = listed_names(ctx)
    if len(named) >= 2:
        return named
    count = count_of(ctx, _TEAMS_EN, _TEAMS_ZH) or 8
    count = min(max(count, 2), 64)
    solo = ctx.has("player", "competitor", "member", "选手", "棋手", "队员") and not ctx.has("team", "队伍", "支队")
    if solo:
        return [ctx.t(f"Player {n}", f"选手{n}") for n in range(1, count + 1)]
    return [ctx.t(f"Team {n}", f"队伍{n}") for n in range(1, count + 1)]


def _event(ctx: Context) -> tuple[str, str]:
    """(the event's name, its date) as the sentence writes them."""
    idea = ctx.idea
    date = re.search(
        r"\b(?:on\s+)?((?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?"
        r"(?:,?\s+\d{4})?|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?|"
        r"\d{4}-\d{2}-\d{2})",
        idea,
        re.I,
    ) or re.search(r"((?:\d{4}年)?\d{1,2}月\d{1,2}[日号號])", idea)
    name = re.search(
        r"(?:for|of)\s+(?:our|the|my|a)?\s*([A-Za-z][\w' -]{2,40}?(?:cup|championship|open|tournament))",
        idea,
        re.I,
    )
    zh = re.search(r"([\u4e00-\u9fff]{2,10}?(?:杯|锦标赛|錦標賽|大赛|大賽|联赛|聯賽))", idea)
    event = (name[1].strip() if name else "") or (zh[1] if zh else "")
    return event[:80], (date[1] if date else "")[:40]


def _paths(ctx: Context, bracket: BracketComponent) -> list[KeyPath]:
    t, teams = ctx.t, bracket.teams
    if bracket.mode == "roundrobin":
        a, b = teams[0], teams[1]
        return [
            path(
                "win_gives_three",
                t(f"{a} beats {b}: {a} tops the standings.", f"{a}胜{b}后，{a}排在积分榜第一。"),
                [step("set", "bracket__m0", a)],
                [
                    expect("bracket.standings", [a, *[x for x in teams if x != a]]),
                    expect("bracket.matches", len(teams) * (len(teams) - 1) // 2),
                ],
            )
        ]
    slots = knockout_slots(teams)
    byes = sum(1 for s in slots if s is None)
    steps, current, r = [], slots, 0
    while len(current) > 1:
        nxt = []
        for m in range(len(current) // 2):
            x, y = current[2 * m], current[2 * m + 1]
            if x is None or y is None:
                nxt.append(x or y)
                continue
            steps.append(step("set", f"bracket__r{r}m{m}", x))
            nxt.append(x)
        current, r = nxt, r + 1
    return [
        path(
            "byes_for_top_seeds",
            t(f"{len(teams)} teams: {byes} bye(s) in the first round.", f"{len(teams)}支队伍：首轮{byes}个轮空。"),
            [],
            [expect("bracket.byes", byes), expect("bracket.champion", "")],
        ),
        path(
            "winners_advance",
            t("Each match's winner advances until the champion is shown.", "每场胜者晋级，直到显示冠军。"),
            steps,
            [expect("bracket.champion", current[0])],
        ),
    ]


def _score(ctx: Context) -> Match:
    form = [w for w in _FORM if ctx.where(w)]
    event = ctx.has(*_EVENT) and ctx.has(*_DECIDE)
    if not form and not event:
        return Match()
    if ctx.has("seat", "座位", "booking", "预约", "报名表", "sign up", "sign-up", "register"):
        return Match()
    words = tuple(filter(None, (ctx.where(w) for w in [*form, *_EVENT, *_DECIDE])))[:3]
    return Match(60.0 if form else 45.0, words)


def build(ctx: Context) -> AppSpec:
    teams = _teams(ctx)
    league = ctx.has(*_LEAGUE)
    event, date = _event(ctx)
    bracket = BracketComponent(
        id="bracket",
        teams=teams,
        mode="roundrobin" if league else "knockout",
        event=ctx.script(event),
        date=ctx.script(date),
    )
    if league:
        how = (
            "Every team plays every other once. Pick each match's winner (or a draw): the standings count 3 points "
            "a win and 1 a draw, and the leader is champion once every match is played. Edit the teams below.",
            "每支队伍与其他队伍各赛一场。选出每场的胜者（或平局）：积分榜胜一场得 3 分、平一场得 1 分，"
            "全部比赛结束后第一名即冠军。可以在下面修改队伍。",
        )
        title = ("Round Robin", "循环赛积分表")
    else:
        how = (
            "Single elimination: pick each match's winner and they move on to the next round. When the number of "
            "teams is not a power of two, the top seeds (first in the list) get a bye. Edit the teams below.",
            "单败淘汰：选出每场的胜者，胜者晋级下一轮。队伍数不是 2 的幂时，排在前面的种子队首轮轮空。"
            "可以在下面修改队伍。",
        )
        title = ("Tournament Bracket", "淘汰赛对阵表")
    value = (
        f"A bracket for {len(teams)} teams: enter each winner and see the champion.",
        f"{len(teams)}支队伍的赛程：录入每场胜者，显示冠军。",
    )
    return group_app(ctx, bracket, title, "🏆", how, value, _paths(ctx, bracket), "amber")


PATTERN = Pattern(
    name="bracket",
    label_en="Tournament bracket",
    label_zh="淘汰赛对阵表",
    score=_score,
    build=build,
    hint_en="bracket",
    hint_zh="对阵表",
)
