"""Scoreboards, tallies and kudos: counters per player or thing, and a log of points with a leaderboard."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    CounterComponent,
    DataField,
    Entity,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
)
from generator.planner.extract import find_quantities
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, note_field, path, step
from generator.planner.patterns.records import choice_options, history_screen, save_path, save_steps

__all__ = ["PATTERN"]

KEYWORDS = {
    "score": 3,
    "scoreboard": 10,
    "leaderboard": 8,
    "points": 4,
    "counter": 8,
    "count$": 2,
    "tally": 8,
    "increment": 6,
    "kudos": 8,
    "recognition": 6,
    "bracket": 5,
    "tournament": 6,
    "players": 4,
    "记分": 10,
    "计分": 10,
    "积分": 6,
    "计数": 8,
    "排行榜": 8,
    "比分": 8,
    "点赞": 5,
    "表扬": 6,
}


def _tally(ctx: Context) -> AppSpec:
    t = ctx.t
    things = choice_options(ctx.items, [], limit=4) or [_thing(ctx)]
    goal = next((round(q.value) for q in find_quantities(ctx.idea) if q.value >= 1), None)
    counters = [
        CounterComponent(id=f"c{n}", label=thing, goal=goal if n == 0 else None) for n, thing in enumerate(things)
    ]
    paths = [
        path(
            "count_up",
            t("I press plus three times and minus once.", "我点三次加一、一次减一。"),
            [
                step("click", "c0__plus"),
                step("click", "c0__plus"),
                step("click", "c0__plus"),
                step("click", "c0__minus"),
            ],
            [expect("c0.value", 2)],
        ),
        path(
            "reset",
            t("Reset brings the count back to zero.", "重置后计数归零。"),
            [step("click", "c0__plus"), step("click", "c0__reset")],
            [expect("c0.value", 0)],
        ),
        path(
            "never_negative",
            t("Minus at zero stays at zero.", "在 0 时点减一仍是 0。"),
            [step("click", "c0__minus")],
            [expect("c0.value", 0)],
        ),
    ]
    entity = Entity(
        name="tally",
        label=t("Session", "记录"),
        fields=[
            DataField(name="thing", label=t("What", "项目"), type="choice", options=things, default=things[0]),
            DataField(name="count", label=t("Count", "数量"), type="int", min=0, max=100000, default=1),
            date_field(t),
            note_field(t),
        ],
    )
    metrics = [
        Metric(
            name="week",
            label=t("This week", "本周合计"),
            entity="tally",
            field="count",
            agg="sum",
            period="week",
            date_field="day",
        )
    ]
    log = Screen(
        name="log",
        title=t("Log", "记录"),
        icon="📒",
        components=[
            FormComponent(id="add", entity="tally", submit_label=t("Save the count", "保存计数")),
            MetricComponent(id="week", metric="week"),
        ],
    )
    paths.append(
        save_path(
            "save_count",
            t("I save a count of 3 for the week.", "我保存一次 3 的计数。"),
            {"count": 3},
            [("week.value", 3)],
        )
    )
    title = t(f"{things[0]} Counter", f"{things[0]}计数器") if len(things) == 1 else t("Tally Counter", "计数器")
    brief = Brief(
        title=title,
        value=t(
            "Count with big plus and minus buttons; the count is saved even after closing the app.",
            "用大大的加减按钮计数；关掉应用后计数依然保存。",
        ),
        audience=t("Anyone counting something", "需要计数的人"),
        language=ctx.language,
        icon="🔢",
        category="other",
        metrics=metrics,
        inputs=[t("plus / minus", "加 / 减")],
        feedback=[t("the running count", "当前计数")],
        theme=ctx.theme("amber"),
    )
    counter_screen = Screen(name="count", title=t("Count", "计数"), icon="🔢", components=list(counters))
    return AppSpec(brief=brief, entities=[entity], screens=[counter_screen, log], key_paths=paths)


def _thing(ctx: Context) -> str:
    for en, zh, label in (
        ("beer", "啤酒", ("Beers", "啤酒")),
        ("coffee", "咖啡", ("Coffees", "咖啡")),
        ("lap", "圈", ("Laps", "圈数")),
        ("push", "俯卧撑", ("Push-ups", "俯卧撑")),
        ("people", "人数", ("People", "人数")),
        ("water", "喝水", ("Glasses of water", "杯水")),
    ):
        if ctx.has(en, zh):
            return ctx.t(*label)
    return ctx.t("Count", "计数")


def _board(ctx: Context) -> AppSpec:
    t = ctx.t
    kudos = ctx.has("kudos", "recognition", "recognize", "appreciat", "表扬", "点赞", "感谢")
    default = (
        t.items(["Ana", "Ben", "Chen", "Dee"], ["小明", "小红", "小刚", "小丽"])
        if kudos
        else t.items(["Team A", "Team B", "Team C", "Team D"], ["红队", "蓝队", "绿队", "黄队"])
    )
    players = choice_options(ctx.items, default, limit=12)
    entity = Entity(
        name="points",
        label=t("Points", "得分"),
        fields=[
            DataField(
                name="player",
                label=t("Person", "对象") if kudos else t("Player", "选手"),
                type="choice",
                options=players,
                default=players[0],
            ),
            DataField(name="points", label=t("Points", "分数"), type="int", min=-1000, max=100000, default=1),
            DataField(name="reason", label=t("What for", "原因"), required=False),
            date_field(t),
        ],
    )
    metrics = [
        Metric(name="total", label=t("Points given", "总分"), entity="points", field="points", agg="sum"),
        Metric(
            name="today",
            label=t("Today", "今天"),
            entity="points",
            field="points",
            agg="sum",
            period="today",
            date_field="day",
        ),
        Metric(name="entries", label=t("Entries", "记录数"), entity="points", agg="count"),
    ]
    add = Screen(
        name="add",
        title=t("Add points", "加分"),
        icon="➕",
        components=[
            FormComponent(
                id="add",
                entity="points",
                submit_label=t("Give kudos", "送出表扬") if kudos else t("Add points", "加分"),
            ),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
        ],
    )
    board = history_screen(ctx, entity, category="player", y="points", en="Leaderboard", zh="排行榜", icon="🏆")
    paths = [
        save_path(
            "add_points",
            t("I give 5 points and see the total.", "我加 5 分，总分随之更新。"),
            {"player": players[0], "points": 5},
            [("total.value", 5), ("today.value", 5), ("log.rows", 1)],
        ),
        path(
            "two_players",
            t("Points for two players show two bars on the leaderboard.", "两位选手得分后排行榜出现两条。"),
            [*save_steps({"player": players[0], "points": 3}), *save_steps({"player": players[1], "points": 2})],
            [expect("bycat.points", 2), expect("total.value", 5)],
        ),
    ]
    title = t("Kudos Board", "表扬墙") if kudos else t("Scoreboard", "记分板")
    brief = Brief(
        title=title,
        value=t("Give points, see the totals and the leaderboard.", "加分、看总分和排行榜。"),
        audience=t("Teams, classes and game nights", "团队、班级和游戏之夜"),
        language=ctx.language,
        icon="🏆" if not kudos else "🙌",
        category="other",
        metrics=metrics,
        inputs=[t("who and how many points", "对象和分数")],
        feedback=[t("totals and a leaderboard by person", "总分和按人排行")],
        theme=ctx.theme("amber"),
    )
    live = Screen(
        name="live",
        title=t("Live score", "实时计分"),
        icon="🔢",
        components=[
            CounterComponent(id=f"live{n}", label=player, allow_negative=False) for n, player in enumerate(players[:4])
        ],
    )
    paths.append(
        path(
            "live_points",
            t("During a game I tap plus twice for the first player.", "比赛中给第一位选手点两次加一。"),
            [step("click", "live0__plus"), step("click", "live0__plus")],
            [expect("live0.value", 2)],
        )
    )
    return AppSpec(brief=brief, entities=[entity], screens=[live, add, board], key_paths=paths)


def build(ctx: Context) -> AppSpec:
    tally = ctx.has("counter", "count ", "tally", "increment", "decrement", "计数", "数一数")
    board = ctx.has(
        "scoreboard",
        "leaderboard",
        "kudos",
        "recognition",
        "points",
        "players",
        "team",
        "tournament",
        "bracket",
        "记分",
        "计分",
        "积分",
        "排行",
        "比分",
        "表扬",
    )
    return _tally(ctx) if tally and not board else _board(ctx)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="scoreboard",
    label_en="scoreboard & counter",
    label_zh="计分计数",
    score=score,
    build=build,
    hint_en="scoreboard",
    hint_zh="计分",
)
