"""Shared costs among people or households (a trip, a reunion, a dinner): who paid what, split equally or by
each household's headcount, the balances and the fewest transfers that settle them, in the sentence's currency.
Recognised by splitting among several payers (who owes whom, settle up, AA), never a personal expense log or a
one-bill tip calculator."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, CostSplitComponent, KeyPath, Payer
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.group_read import count_of, group_app, listed_names, number_word

__all__ = ["PATTERN"]

_SPLIT = (
    "split the cost", "split costs", "split the costs", "split expenses", "split the expenses", "split the bill",
    "cost sharing", "cost-sharing", "share the cost", "share costs", "shared costs", "shared expenses", "splitwise",
    "who owes", "owes whom", "owe each other", "settle up", "settle the", "even up", "split among",
    "split between", "divide the cost", "分账", "分摊", "平摊", "均摊", "aa制", "aa 制", "谁该给谁", "谁欠谁",
    "谁给谁", "结算", "凑份子", "分担费用", "費用分攤",
)  # fmt: skip
_MANY = (
    "who paid", "each paid", "paid what", "paid for", "paid different", "owes", "owe", "settle", "transfer",
    "household", "families", "balances", "expenses", "付了", "付的", "谁付", "垫付", "转账", "给谁", "欠", "家庭",
    "每家", "记录每", "账目",
)  # fmt: skip
_HOUSEHOLD = ("household", "families", "family", "by headcount", "per family", "家庭", "每家", "户", "按人数", "按人头")
_HOUSE_EN = re.compile(
    r"((?:the\s+)?[A-Z][\w'-]+(?:\s[A-Z][\w'-]+)?)\s*\(\s*(\d{1,2}|[a-z]+)\s*(?:people|persons|ppl)?\s*\)"
)
_HOUSE_ZH = re.compile(r"([\u4e00-\u9fff]{1,4}家)\s*[（(：:]?\s*(\d{1,2}|[一二两三四五六七八九十])\s*[口人个位]")


def _currency(ctx: Context) -> str:
    marks = (
        ("€", ("€", "euro")), ("£", ("£", "pound", "gbp")), ("HK$", ("hk$", "港币", "港元", "港幣")),
        ("NT$", ("nt$", "台币", "新台币", "台幣")), ("¥", ("¥", "￥", "yen", "yuan", "rmb", "人民币", "元", "块")),
        ("₩", ("₩", "won")), ("₹", ("₹", "rupee")), ("$", ("$", "dollar", "usd")),
    )  # fmt: skip
    low = ctx.idea.lower()
    for sign, words in marks:
        if any(
            re.search(rf"(?<![a-z]){re.escape(w)}s?(?![a-z])" if w.isalpha() and w.isascii() else re.escape(w), low)
            for w in words
        ):
            return sign
    return {"zh-Hans": "¥", "zh-Hant": "NT$"}.get(ctx.language, "$")


def _people(ctx: Context) -> list[Payer]:
    houses = [(m[1], number_word(m[2])) for m in _HOUSE_EN.finditer(ctx.idea)]
    houses += [(m[1], number_word(m[2])) for m in _HOUSE_ZH.finditer(ctx.idea)]
    found = [Payer(name=ctx.script(re.sub(r"^the\s+", "", n)), share=s) for n, s in houses if s]
    if len(found) >= 2:
        return list({p.name: p for p in found}.values())
    named = listed_names(ctx, 40)
    if len(named) >= 2:
        return [Payer(name=n) for n in named]
    count = count_of(
        ctx, "friends|people|persons|of us|roommates|flatmates|families|households|colleagues", "个人|人|位|家"
    )
    count = min(max(count or 4, 2), 40)
    if ctx.has(*_HOUSEHOLD):
        return [Payer(name=ctx.t(f"Household {n}", f"家庭{n}")) for n in range(1, count + 1)]
    return [Payer(name=ctx.t(f"Person {n}", f"成员{n}")) for n in range(1, count + 1)]


def _paths(ctx: Context, split: CostSplitComponent) -> list[KeyPath]:
    t, people = ctx.t, split.people
    weight = sum(p.share for p in people)
    amount = 12.0 * weight
    payer = people[0]
    balances = {p.name: round((amount if p is payer else 0) - 12.0 * p.share, 2) for p in people}
    add = [
        step("set", "costsplit__who", payer.name),
        step("set", "costsplit__what", t("Hotel", "住宿")),
        step("set", "costsplit__amount", amount),
        step("click", "costsplit__add"),
    ]
    return [
        path(
            "one_pays_all_settle",
            t(
                f"{payer.name} pays {amount:g} for everyone: each other one pays back their part.",
                f"{payer.name}替大家付了{amount:g}：其他人各自付还自己那一份。",
            ),
            add,
            [
                expect("costsplit.total", amount, "approx"),
                expect("costsplit.balances", balances),
                expect("costsplit.transfers", len(people) - 1, "len_eq"),
            ],
        ),
        path(
            "undo_payment",
            t("Removing the last payment leaves nothing to settle.", "删除最后一笔后，没有需要结算的钱。"),
            [*add, step("click", "costsplit__undo")],
            [expect("costsplit.payments", 0), expect("costsplit.transfers", 0, "len_eq")],
        ),
    ]


def _score(ctx: Context) -> Match:
    split = [w for w in _SPLIT if ctx.where(w)]
    if not split:
        return Match()
    many = ctx.has(*_MANY) or len(listed_names(ctx)) >= 3
    if not many or ctx.has("tip", "小费", "小費", "tax rate"):
        return Match()
    return Match(70.0, tuple(filter(None, (ctx.where(w) for w in split)))[:3])


def build(ctx: Context) -> AppSpec:
    people = _people(ctx)
    households = any(p.share != 1 for p in people) or ctx.has(*_HOUSEHOLD)
    split = CostSplitComponent(id="costsplit", people=people, currency=_currency(ctx), by_household=households)
    how = (
        "Add each payment: who paid, what for and how much. The total is split by each one's share (1 each splits "
        "equally; a household's share is its headcount), and the list shows the fewest transfers that settle "
        "everyone. Edit the people and their shares below.",
        "添加每一笔付款：谁付的、用途和金额。总额按每人（或每个家庭）的份数分摊"
        "（都是 1 就是平均分；家庭的份数是人数），下面列出让大家两清的最少转账。可以在下面修改成员和份数。",
    )
    value = (
        f"Split shared costs among {len(people)} {'households' if households else 'people'} and see who pays whom.",
        f"{len(people)}{'个家庭' if households else '人'}分摊共同费用，算出谁该给谁多少钱。",
    )
    title = ("Shared Cost Splitter", "费用分摊")
    return group_app(ctx, split, title, "🧾", how, value, _paths(ctx, split), "teal", "finance")


PATTERN = Pattern(
    name="costsplit",
    label_en="Shared cost splitter",
    label_zh="费用分摊",
    score=_score,
    build=build,
    hint_en="split costs",
    hint_zh="分摊费用",
)
