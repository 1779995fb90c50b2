"""Gift-exchange draws (Secret Santa, 交换礼物): the names a sentence lists, the couples or households it names
kept apart, a draw that keeps every rule or says it cannot, each person revealing only their own match."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, GiftDrawComponent, KeyPath
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import count_of, group_app, listed_names, pairs_apart

__all__ = ["PATTERN"]

_STRONG = (
    "secret santa", "gift exchange", "exchange gifts", "exchanging gifts", "gift swap", "swap gifts", "kris kringle",
    "secret gift", "secret friend", "amigo secreto", "wichteln", "交换礼物", "礼物交换", "互换礼物", "换礼物",
    "神秘圣诞老人", "秘密圣诞老人", "圣诞老人抽签", "交换圣诞礼物", "抽礼物", "送礼抽签",
)  # fmt: skip
_DRAW = ("draw", "assign", "pair", "match", "抽签", "抽", "配对", "分配")
_GIFT = ("gift", "present", "santa", "礼物", "圣诞")


def _names(ctx: Context) -> list[str]:
    named = listed_names(ctx, 60)
    if len(named) >= 2:
        return named
    count = count_of(ctx, "people|friends|colleagues|members|players|kids|students", "个人|人|位|名") or 6
    return [ctx.t(f"Person {n}", f"成员{n}") for n in range(1, min(max(count, 2), 60) + 1)]


def _budget(ctx: Context) -> str:
    found = re.search(
        r"(?:budget|limit|up to|under|max(?:imum)?)\D{0,12}([$€£¥]\s?\d+|\d+\s?(?:dollars|euros|pounds))",
        ctx.idea,
        re.I,
    )
    after = re.search(r"([$€£¥]\s?\d+)\s*(?:gift\s+)?(?:budget|limit|max)", ctx.idea, re.I)
    found = found or after
    zh = re.search(r"(?:预算|預算|不超过|不超過|上限)\D{0,4}(\d+\s*(?:元|块|塊)?)", ctx.idea)
    return (found[1] if found else zh[1] if zh else "")[:40]


def _paths(ctx: Context, draw: GiftDrawComponent) -> list[KeyPath]:
    t, names = ctx.t, draw.names
    me = names[0]
    apart = {x for g in draw.apart if me in g for x in g}
    allowed = [n for n in names if n != me and n not in apart]
    return [
        path(
            "draw_and_reveal",
            t(
                f"After the draw {me} sees only whom they give to: never themselves nor their partner.",
                f"抽签后{me}只看到自己要送礼的人：不会是自己，也不会是同一家的人。",
            ),
            [step("click", "giftdraw__draw"), step("set", "giftdraw__me", me), step("click", "giftdraw__reveal")],
            [
                expect("giftdraw.drawn", True),
                expect("giftdraw.impossible", False),
                expect("giftdraw.revealed", allowed, "in"),
            ],
        ),
        path(
            "hidden_until_asked",
            t("Nobody's match is shown before they ask for it.", "没人查看前，不显示任何结果。"),
            [step("click", "giftdraw__draw")],
            [expect("giftdraw.revealed", ""), expect("giftdraw.drawn", True)],
        ),
    ]


def _score(ctx: Context) -> Match:
    strong = [w for w in _STRONG if ctx.where(w)]
    if strong:
        return Match(60.0, tuple(filter(None, (ctx.where(w) for w in strong)))[:3])
    if ctx.has(*_GIFT) and ctx.has(*_DRAW) and ctx.has("exchange", "swap", "each other", "交换", "互送", "互相"):
        return Match(50.0, tuple(filter(None, (ctx.where(w) for w in (*_GIFT, *_DRAW))))[:3])
    return Match()


def build(ctx: Context) -> AppSpec:
    names = _names(ctx)
    draw = GiftDrawComponent(id="giftdraw", names=names, apart=pairs_apart(ctx, names), budget=_budget(ctx))
    how = (
        "Press Draw: everyone gets one person to give a gift to, never themselves nor anyone of the same couple or "
        "household listed under Names and rules. When the rules leave someone nobody to give to, the app says so "
        "instead of breaking a rule. Each person picks their own name and shows only their own match; Draw again "
        "starts over.",
        "点“开始抽签”：每人抽到一个送礼对象，不会抽到自己，也不会抽到“名单与规则”里同一对夫妻或同一家的人。"
        "规则让某人没有可送的对象时，应用会直接说明，而不会违反规则。每个人选择自己的名字，只查看自己的结果；"
        "“重新抽签”会重新开始。",
    )
    value = (
        f"A gift-exchange draw for {len(names)} people that keeps couples and households apart.",
        f"{len(names)}人的交换礼物抽签，夫妻和同一家的人不会互相抽到。",
    )
    return group_app(
        ctx, draw, ("Gift Exchange Draw", "交换礼物抽签"), "🎁", how, value, _paths(ctx, draw), "red", "picker"
    )


PATTERN = Pattern(
    name="giftdraw",
    label_en="Gift exchange draw",
    label_zh="交换礼物抽签",
    score=_score,
    build=build,
    hint_en="secret santa",
    hint_zh="交换礼物",
)
