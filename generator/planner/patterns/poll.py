"""Polls, votes and surveys: one choice per vote (or a short survey), with live results as charts."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    CsvComponent,
    DataField,
    Entity,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, path
from generator.planner.patterns.records import choice_options, save_path, save_steps, title_case
from generator.planner.patterns.records_named import CANDIDATES, named_list

__all__ = ["PATTERN"]

KEYWORDS = {
    "poll": 10,
    "vote": 8,
    "voting": 8,
    "survey": 8,
    "questionnaire": 8,
    "this or that": 8,
    "opinion": 4,
    "election": 6,
    "feedback form": 6,
    "投票": 10,
    "问卷": 10,
    "调查": 8,
    "表决": 8,
    "民意": 6,
    "二选一": 8,
}


def _options(ctx: Context) -> list[str]:
    t = ctx.t
    if ctx.has("game", "游戏"):
        default = t.items(
            ["Minecraft", "Mario Kart", "Among Us", "Uno", "Chess"], ["我的世界", "马里奥赛车", "狼人杀", "UNO", "象棋"]
        )
    elif ctx.has("this or that", "二选一", "either"):
        default = t.items(["This", "That"], ["这个", "那个"])
    elif ctx.has("lunch", "dinner", "food", "eat", "吃", "餐"):
        default = t.items(["Pizza", "Sushi", "Tacos", "Noodles"], ["火锅", "烧烤", "寿司", "面条"])
    else:
        default = t.items(["Option A", "Option B", "Option C"], ["选项 A", "选项 B", "选项 C"])
    named = [ctx.script(title_case(i)) for i in named_list(ctx.idea, CANDIDATES)]
    return choice_options(named or ctx.items, default, limit=20)


_ONCE = (
    "vote once",
    "votes once",
    "one vote",
    "once per",
    "only once",
    "once each",
    "twice",
    "only one vote",
    "one each",
    "每人只能",
    "只能投一",
    "每人一票",
    "一人一票",
    "第二次",
    "不能重复",
    "只能投",
)


def _once(ctx: Context) -> bool:
    """Each voter may vote only once (“each kid votes once”, “每人只能投一票”)."""
    return ctx.has(*_ONCE)


def _question(ctx: Context) -> str:
    t = ctx.t
    if ctx.has("game", "游戏"):
        return t("What should we play?", "我们玩什么？")
    if ctx.has("this or that", "二选一"):
        return t("This or that?", "二选一？")
    return t("What do you choose?", "你选哪个？")


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    options = _options(ctx)
    survey = ctx.has("survey", "questionnaire", "问卷", "调查")
    fields = [
        DataField(name="choice", label=_question(ctx), type="choice", options=options, default=options[0]),
        DataField(name="voter", label=t("Your name (optional)", "你的名字（可选）"), required=False),
    ]
    once = _once(ctx)
    if once:
        fields[1] = DataField(name="voter", label=t("Your name", "你的名字"), required=True)
    if survey:
        fields.insert(
            1,
            DataField(
                name="satisfaction", label=t("How satisfied are you?", "满意度"), type="rating", min=1, max=5, default=4
            ),
        )
        fields.insert(
            2,
            DataField(
                name="recommend",
                label=t("Would you recommend it?", "会推荐给别人吗？"),
                type="choice",
                options=t.items(["Yes", "Maybe", "No"], ["会", "也许", "不会"]),
                default=t("Yes", "会"),
            ),
        )
        fields.append(DataField(name="comment", label=t("Comments", "意见建议"), type="long_text", required=False))
    fields.append(date_field(t))
    entity = Entity(name="vote", label=t("Response", "答卷") if survey else t("Vote", "投票"), fields=fields)
    metrics = [
        Metric(
            name="votes", label=t("Responses", "答卷数") if survey else t("Votes", "票数"), entity="vote", agg="count"
        ),
        Metric(name="today", label=t("Today", "今天"), entity="vote", agg="count", period="today", date_field="day"),
    ]
    if survey:
        metrics.append(
            Metric(
                name="satisfaction",
                label=t("Average satisfaction", "平均满意度"),
                entity="vote",
                field="satisfaction",
                agg="avg",
                unit="/ 5",
                decimals=1,
            )
        )
    vote = Screen(
        name="vote",
        title=t("Vote", "投票") if not survey else t("Answer", "作答"),
        icon="🗳️",
        components=[
            FormComponent(
                id="add", entity="vote", submit_label=t("Submit", "提交"), once_per=["voter"] if once else []
            ),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
        ],
    )
    results = Screen(
        name="results",
        title=t("Results", "结果"),
        icon="📊",
        components=[
            ChartComponent(
                id="bycat",
                title=_question(ctx),
                entity="vote",
                chart="pie",
                group_by="category",
                x="choice",
                agg="count",
            ),
            ChartComponent(id="bychoice", entity="vote", chart="bar", group_by="category", x="choice", agg="count"),
            TableComponent(id="log", entity="vote", editable=False),
            CsvComponent(id="csv", entity="vote", allow_import=False),
            TextComponent(
                id="tip",
                body=t(
                    "Results update with every vote. Share the app link so everyone can vote.",
                    "每次投票后结果实时更新。分享应用链接，让大家都来投票。",
                ),
            ),
        ],
    )
    first, second = ({"voter": "Ana"}, {"voter": "Ben"}) if once else ({}, {})
    paths = [
        save_path(
            "cast_a_vote",
            t("I vote and see the count and the chart update.", "我投一票，票数和图表随之更新。"),
            {"choice": options[1], **first},
            [("votes.value", 1), ("bycat.points", 1), ("log.rows", 1)],
        ),
        path(
            "two_choices",
            t("Votes for two options show two slices.", "投给两个选项后饼图出现两块。"),
            [*save_steps({"choice": options[0], **first}), *save_steps({"choice": options[1], **second})],
            [expect("bycat.points", 2), expect("votes.value", 2)],
        ),
    ]
    if once:
        paths.append(
            path(
                "one_vote_each",
                t("The same name cannot vote a second time.", "同一个名字不能投第二次。"),
                [*save_steps({"choice": options[0], **first}), *save_steps({"choice": options[1], "voter": "ana"})],
                [expect("votes.value", 1), expect("bycat.points", 1)],
            )
        )
    if survey:
        paths.append(
            save_path(
                "rate",
                t("A 5-star answer raises the average.", "打 5 分的答卷提高平均满意度。"),
                {"satisfaction": 5},
                [("satisfaction.value", 5.0)],
            )
        )
    brief = Brief(
        title=t("Quick Survey", "问卷调查")
        if survey
        else (
            t("Election", "推选投票")
            if ctx.has("election", "elect", "选举", "選舉", "选班", "選班", "竞选", "競選", "干部", "幹部")
            else t("Group Poll", "投票")
        ),
        value=t("Collect answers and see the results as they come in.", "收集大家的回答，随时查看结果。")
        if survey
        else t(
            f"Vote between {len(options)} options and see the winner as votes come in.",
            f"在 {len(options)} 个选项中投票，随时看到结果。",
        ),
        audience=t("Groups, classes and teams", "小组、班级和团队"),
        language=ctx.language,
        icon="🗳️",
        category="other",
        metrics=metrics,
        inputs=[f.label for f in fields[:3]],
        feedback=[t("votes per option as a pie and bar chart", "各选项票数的饼图和柱状图")],
        theme=ctx.theme("purple"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[vote, results], key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="poll", label_en="poll & survey", label_zh="投票问卷", score=score, build=build, hint_en="poll", hint_zh="投票"
)
