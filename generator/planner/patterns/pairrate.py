"""Two people rating one list (baby names, holiday places, films to watch): each rates on their own, the items both
like make a shortlist. Recognised by two raters and a rating of a list, never a survey, a poll or a review log."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, KeyPath, PairRateComponent
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import group_app, listed_names

__all__ = ["PATTERN"]

_TWO = (
    "both like", "both rate", "we both", "both of us", "two of us", "partner and i", "wife and i", "husband and i",
    "my partner and me", "each of us", "both love", "you and me", "two people", "couple", "两人都", "两个人",
    "我们俩", "我们两个", "我和老公", "我和老婆", "我和对象", "我和男朋友", "我和女朋友", "都喜欢", "各自打分",
)  # fmt: skip
_RATE = ("rate", "rating", "score", "like", "stars", "打分", "评分", "喜欢", "星")
_SUBJECTS = (
    ("baby name", ("Baby Names We Both Like", "宝宝名字")),
    ("name", ("Names We Both Like", "名字")),
    ("宝宝", ("Baby Names We Both Like", "宝宝名字")),
    ("名字", ("Names We Both Like", "名字")),
    ("place", ("Places We Both Like", "旅行目的地")),
    ("destination", ("Places We Both Like", "旅行目的地")),
    ("holiday", ("Places We Both Like", "旅行目的地")),
    ("目的地", ("Places We Both Like", "旅行目的地")),
    ("地方", ("Places We Both Like", "旅行目的地")),
    ("movie", ("Films We Both Like", "电影")),
    ("film", ("Films We Both Like", "电影")),
    ("电影", ("Films We Both Like", "电影")),
    ("restaurant", ("Restaurants We Both Like", "餐厅")),
    ("餐厅", ("Restaurants We Both Like", "餐厅")),
)
_PARTNER = (
    ("wife", "Wife", "老婆"), ("husband", "Husband", "老公"), ("boyfriend", "Boyfriend", "男朋友"),
    ("girlfriend", "Girlfriend", "女朋友"), ("老婆", "Wife", "老婆"), ("老公", "Husband", "老公"),
    ("男朋友", "Boyfriend", "男朋友"), ("女朋友", "Girlfriend", "女朋友"), ("对象", "Partner", "对象"),
)  # fmt: skip


def _raters(ctx: Context) -> list[str]:
    named = re.search(r"\b([A-Z][a-z]+) and ([A-Z][a-z]+) (?:both|each)\b", ctx.idea)
    if named and named[1] != named[2]:
        return [named[1], named[2]]
    for word, en, zh in _PARTNER:
        if ctx.has(word):
            return [ctx.t("Me", "我"), ctx.script(ctx.t(en, zh))]
    return [ctx.t("Me", "我"), ctx.t("Partner", "另一半")]


def _scale(ctx: Context) -> tuple[int, int]:
    ten = re.search(r"(?:1\s*(?:-|to|–|~|到)\s*10|out of 10|10\s*分|十分制)", ctx.text)
    return (10, 7) if ten else (5, 4)


def _paths(ctx: Context, rate: PairRateComponent) -> list[KeyPath]:
    t = ctx.t
    new = ctx.script(t("Juniper", "星河"))
    n = len(rate.items)
    one, two = rate.raters
    high, low = rate.scale, rate.like - 1
    add = [step("set", "pairrate__item", new), step("click", "pairrate__add")]
    return [
        path(
            "both_like_shortlist",
            t(
                f"{one} and {two} both rate {new} highly: it is on the shortlist.",
                f"{one}和{two}都给{new}打高分：进入两人都喜欢的名单。",
            ),
            [
                *add,
                step("set", "pairrate__who", one),
                step("set", f"pairrate__i{n}", high),
                step("set", "pairrate__who", two),
                step("set", f"pairrate__i{n}", rate.like),
            ],
            [expect("pairrate.shortlist", [new]), expect("pairrate.rated", {one: 1, two: 1})],
        ),
        path(
            "one_dislikes",
            t("When one of the two rates it low, it stays off the shortlist.", "只要有一人打低分，就不进入名单。"),
            [
                *add,
                step("set", "pairrate__who", one),
                step("set", f"pairrate__i{n}", high),
                step("set", "pairrate__who", two),
                step("set", f"pairrate__i{n}", low),
            ],
            [expect("pairrate.shortlist", [])],
        ),
    ]


def _score(ctx: Context) -> Match:
    two = [w for w in _TWO if ctx.where(w)]
    if not two or not ctx.has(*_RATE):
        return Match()
    if not any(ctx.has(word) for word, _ in _SUBJECTS) and not listed_names(ctx):
        return Match()
    return Match(55.0, tuple(filter(None, (ctx.where(w) for w in two)))[:3])


def build(ctx: Context) -> AppSpec:
    scale, like = _scale(ctx)
    raters = _raters(ctx)
    items = [x for x in listed_names(ctx, 100) if x not in raters]
    rate = PairRateComponent(id="pairrate", raters=raters, items=items, scale=scale, like=like)
    title = next((names for word, names in _SUBJECTS if ctx.has(word)), ("Things We Both Like", "两人都喜欢"))
    what = ctx.t(title[0].split(" We ")[0].lower(), title[1])
    how = (
        f"Each of you picks your own name above the list and rates every item from 1 to {scale}, without seeing the "
        f"other's marks. The items you both rate {like} or more appear at the top, best first. Add to the list below.",
        f"两人各自选择自己的名字，给列表里的每一项打 1 到 {scale} 分，看不到对方的打分。两人都打了 {like} 分及以上的"
        "会列在最上面，按总分排序。可以在下面继续添加。",
    )
    value = (
        f"Two people rate {what} on their own and see the ones they both like.",
        f"两个人各自给{what}打分，列出两人都喜欢的。",
    )
    heading = (title[0], f"两人都喜欢的{title[1]}")
    return group_app(ctx, rate, heading, "💞", how, value, _paths(ctx, rate), "pink", "picker")


PATTERN = Pattern(
    name="pairrate",
    label_en="Rate a list together",
    label_zh="两人打分",
    score=_score,
    build=build,
    hint_en="both like",
    hint_zh="两人都喜欢",
)
