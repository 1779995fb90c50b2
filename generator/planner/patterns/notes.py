"""Notes, journals, blogs and message boards: text entries with tags, dates and search."""

from __future__ import annotations

from dataclasses import dataclass

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, path, step
from generator.planner.patterns.records import choice_options, save_path, save_steps

__all__ = ["PATTERN"]

KEYWORDS = {
    "note": 8,
    "notes": 8,
    "notepad": 10,
    "journal": 6,
    "diary": 4,
    "blog": 8,
    "post": 3,
    "chat": 6,
    "message": 4,
    "memo$": 6,
    "instagram": 6,
    "photo$": 3,
    "feed$": 3,
    "markdown": 3,
    "article": 4,
    "write": 2,
    "笔记": 10,
    "记事": 10,
    "日记": 6,
    "博客": 8,
    "留言": 8,
    "聊天": 6,
    "备忘": 8,
    "随笔": 8,
    "文章": 4,
}


@dataclass(frozen=True)
class Kind:
    title: tuple[str, str]
    value: tuple[str, str]
    icon: str
    tag_label: tuple[str, str]
    tags: tuple[list[str], list[str]]
    body_label: tuple[str, str]
    author: bool = False
    mood: bool = False
    seed: bool = False


_NOTES = Kind(
    ("Notes", "笔记本"),
    ("Write notes, tag them and find any of them in a second.", "随手记笔记、打标签，一秒找到任何一条。"),
    "🗒️",
    ("Folder", "分类"),
    (["Personal", "Work", "Ideas", "To read", "Other"], ["个人", "工作", "灵感", "待读", "其他"]),
    ("Note", "内容"),
)
_JOURNAL = Kind(
    ("Daily Journal", "每日日记"),
    (
        "Write a few lines a day, rate your mood and look back on how it went.",
        "每天写几句，给心情打分，回头看看这段日子。",
    ),
    "📔",
    ("Theme", "主题"),
    (["Gratitude", "Work", "Family", "Health", "Reflection"], ["感恩", "工作", "家人", "健康", "反思"]),
    ("Entry", "日记"),
    mood=True,
)
_BLOG = Kind(
    ("Blog", "博客"),
    ("Publish short posts and let readers browse them by topic.", "发布短文，读者可以按主题浏览。"),
    "✍️",
    ("Topic", "主题"),
    (["News", "Tutorial", "Story", "Review", "Other"], ["新闻", "教程", "故事", "评测", "其他"]),
    ("Post", "正文"),
    author=True,
    seed=True,
)
_BOARD = Kind(
    ("Team Messages", "团队留言板"),
    ("Post messages to channels and read the latest first.", "在频道里发消息，最新的排在最前。"),
    "💬",
    ("Channel", "频道"),
    (["general", "random", "help", "announcements"], ["综合", "闲聊", "求助", "公告"]),
    ("Message", "消息"),
    author=True,
    seed=True,
)


def _kind(ctx: Context) -> Kind:
    if ctx.has("chat", "message", "slack", "channel", "聊天", "留言", "频道", "消息"):
        return _BOARD
    if ctx.has(
        "blog", "article", "post", "publish", "review", "instagram", "photo$", "feed$", "博客", "文章", "发布", "评测"
    ):
        return _BLOG
    if ctx.has("journal", "diary", "日记", "心情"):
        return _JOURNAL
    return _NOTES


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    kind = _kind(ctx)
    tags = choice_options(ctx.items, t.items(*kind.tags))
    fields = [DataField(name="title", label=t("Title", "标题"))]
    if kind.author:
        fields.append(DataField(name="author", label=t("Author", "作者"), required=False))
    fields += [
        DataField(name="tag", label=t(*kind.tag_label), type="choice", options=tags, default=tags[0]),
        DataField(name="body", label=t(*kind.body_label), type="long_text"),
    ]
    if kind.mood:
        fields.append(DataField(name="mood", label=t("Mood", "心情"), type="rating", min=1, max=5, default=3))
    fields.append(date_field(t))
    seed = []
    if kind.seed:
        seed = [
            {
                "title": t("Welcome!", "欢迎！"),
                "author": "Flash",
                "tag": tags[0],
                "day": "2025-01-06",
                "body": t(
                    "This is the first post. Write your own with the form on the Write tab.",
                    "这是第一篇内容。在“撰写”页用表单写下你自己的。",
                ),
            },
            {
                "title": t("How to use this app", "使用说明"),
                "author": "Flash",
                "tag": tags[1],
                "day": "2025-01-07",
                "body": t(
                    "Pick a topic, search by any word and open a post from the list to edit it.",
                    "选择主题、用任意词搜索，在列表中选中一条即可编辑。",
                ),
            },
        ]
    entity = Entity(name="entry", label=t(*kind.title), fields=fields, seed=seed)
    metrics = [
        Metric(name="total", label=t("All entries", "全部条目"), entity="entry", agg="count"),
        Metric(
            name="week",
            label=t("Written this week", "本周新写"),
            entity="entry",
            agg="count",
            period="week",
            date_field="day",
        ),
    ]
    if kind.mood:
        metrics.append(
            Metric(
                name="mood",
                label=t("Average mood", "平均心情"),
                entity="entry",
                field="mood",
                agg="avg",
                period="week",
                date_field="day",
                unit="/ 5",
                decimals=1,
            )
        )
    read = Screen(
        name="read",
        title=t("Read", "浏览"),
        icon=kind.icon,
        components=[
            FilterComponent(id="flt", entity="entry", category_field="tag", date_field="day", search=True),
            TableComponent(id="log", entity="entry", columns=[f.name for f in fields if f.name != "mood"]),
            ChartComponent(
                id="bycat",
                title=t("By " + kind.tag_label[0].lower(), "按" + kind.tag_label[1]),
                entity="entry",
                chart="pie",
                group_by="category",
                x="tag",
                agg="count",
            ),
            CsvComponent(id="csv", entity="entry"),
        ],
    )
    write = Screen(
        name="write",
        title=t("Write", "撰写"),
        icon="✏️",
        components=[
            FormComponent(id="add", entity="entry", submit_label=t("Save", "保存")),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            TextComponent(
                id="tip",
                body=t(
                    "Everything is saved in this app and survives restarts. Use **Read** to search and edit.",
                    "所有内容都保存在这个应用里，重启后仍在。在“浏览”页搜索和编辑。",
                ),
            ),
        ],
    )
    words = t("Shopping ideas", "购物想法")
    entry = {"title": words, "body": t("Buy a plant for the desk.", "给书桌买一盆植物。")}
    n = len(seed)
    paths = [
        save_path(
            "write_an_entry",
            t("I write an entry and find it in the list.", "我写下一条内容，并在列表中找到它。"),
            entry,
            [("total.value", n + 1), ("week.value", 1), ("log.rows", n + 1)],
        ),
        path(
            "search",
            t("Searching for a word finds only the matching entry.", "按关键词搜索只显示匹配的条目。"),
            [*save_steps(entry), step("set", "flt__search", words.split()[0])],
            [expect("flt.rows", 1)],
        ),
        path(
            "filter_by_tag",
            t("Filtering by a tag shows only its entries.", "按分类筛选只显示该分类的条目。"),
            [*save_steps(dict(entry, tag=tags[-1])), step("set", "flt__category", [tags[-1]])],
            [expect("flt.rows", 1 + sum(1 for row in seed if row["tag"] == tags[-1]))],
        ),
    ]
    brief = Brief(
        title=t(*kind.title),
        value=t(*kind.value),
        audience=t("Anyone who writes things down", "爱记录的每一个人"),
        language=ctx.language,
        icon=kind.icon,
        category="other",
        metrics=metrics,
        inputs=[f.label for f in fields[:4]],
        feedback=[t("a searchable list, filters by tag and date", "可搜索的列表，按分类和日期筛选")],
        theme=ctx.theme("pastel" if kind is _NOTES else "blue"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[write, read], key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="notes",
    label_en="notes & journal",
    label_zh="笔记日记",
    score=score,
    build=build,
    hint_en="notes",
    hint_zh="笔记",
)
