"""Checklists: a daily routine, a packing list and a shopping list."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChecklistComponent,
    Screen,
    TextComponent,
)
from generator.planner.patterns.base import (
    Context,
    expect,
    path,
    step,
)
from generator.planner.patterns.records import choice_options, title_case
from generator.planner.patterns.records_named import GROUPS, named_list

__all__ = ["_LISTS", "checklist", "list_sections", "sectioned"]

_RESET = ("reset", "start over", "untick", "uncheck", "clear all", "重设", "重置", "清空", "重新开始", "一键")

_STARTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {
    "clothes": (
        ("clothes", "clothing", "衣物", "衣服", "服装"),
        ("Socks", "Jacket", "T-shirts"),
        ("袜子", "外套", "T恤"),
    ),
    "food": (("food", "snacks", "食物", "食品", "零食"), ("Water", "Snacks", "Breakfast"), ("饮用水", "零食", "早餐")),
    "gear": (
        ("gear", "equipment", "tools", "装备", "工具", "器材"),
        ("Tent", "Flashlight", "Pocket knife"),
        ("帐篷", "手电筒", "多功能刀"),
    ),
    "toiletries": (
        ("toiletries", "hygiene", "洗漱", "洗护"),
        ("Toothbrush", "Toothpaste", "Towel"),
        ("牙刷", "牙膏", "毛巾"),
    ),
    "documents": (
        ("documents", "papers", "证件", "文件"),
        ("Passport / ID", "Tickets", "Insurance card"),
        ("护照/身份证", "车票/机票", "保险卡"),
    ),
    "electronics": (
        ("electronics", "devices", "电子", "数码"),
        ("Phone charger", "Power bank", "Headphones"),
        ("手机充电器", "充电宝", "耳机"),
    ),
    "medicine": (("medicine", "first aid", "药", "急救"), ("Plasters", "Painkillers"), ("创可贴", "止痛药")),
    "dairy": (("dairy", "乳制品", "奶制品"), ("Milk", "Yogurt", "Cheese"), ("牛奶", "酸奶", "奶酪")),
    "produce": (("produce", "fruit", "vegetables", "蔬菜", "水果", "果蔬"), ("Apples", "Carrots"), ("苹果", "胡萝卜")),
    "bakery": (("bakery", "bread", "面包", "烘焙"), ("Bread", "Rolls"), ("面包", "小餐包")),
}


def list_sections(ctx: Context) -> list[str]:
    """The categories a list is split into, as the sentence names them (“with categories clothes, food and
    gear”, “分成衣物、食物、工具三类”), in the app's script."""
    return [ctx.script(title_case(c)) for c in named_list(ctx.idea, GROUPS)][:8]


def _starter(ctx: Context, section: str) -> list[str]:
    low = section.lower()
    for words, en, zh in _STARTERS.values():
        if any(w == low or (not w.isascii() and w in low) for w in words):
            return ctx.t.items(list(en), list(zh))
    return []


def _own_title(ctx: Context) -> str:
    from generator.planner.patterns.collection import main_noun  # the collection pattern reads the subject

    noun = main_noun(ctx)
    if ctx.zh or noun.lower().endswith(("list", "checklist")):
        return noun
    return f"{noun} Checklist"


def sectioned(ctx: Context, sections: list[str], kind: str = "packing") -> AppSpec:
    """One checklist per named category, each with a few usual items when the category is a common one
    (else empty, to be filled in the app), and a button that unticks everything."""
    t = ctx.t
    (title_en, title_zh), icon, daily, _, _ = _LISTS.get(kind, _LISTS["packing"])
    components = [
        ChecklistComponent(id=f"sec{i}", title=name, items=_starter(ctx, name), daily=daily, reset=True)
        for i, name in enumerate(sections)
    ]
    first = next((c for c in components if c.items), components[0])
    paths = [
        path(
            "add_to_a_category",
            t("I add an item to the first category.", "我在第一个类别里添加一项。"),
            [step("set", "sec0__new", t("Rain jacket", "雨衣")), step("click", "sec0__add")],
            [expect("sec0.total", len(components[0].items) + 1)],
        ),
    ]
    if first.items:
        paths.append(
            path(
                "tick_then_reset",
                t(
                    "I tick an item, then untick everything with the reset button.",
                    "我勾选一项，再用重置按钮全部取消。",
                ),
                [step("check", f"{first.id}__item0"), step("click", f"{first.id}__reset")],
                [expect(f"{first.id}.done", 0), expect(f"{first.id}.total", len(first.items))],
            )
        )
    title = t(title_en, title_zh) if kind in _LISTS else _own_title(ctx)
    brief = Brief(
        title=title,
        value=t(
            f"A checklist in {len(sections)} parts: {', '.join(sections)}; tick things off and start again.",
            f"分成{len(sections)}类的清单：{'、'.join(sections)}；逐项勾选，可一键重新开始。",
        ),
        audience=t("Anyone packing or preparing", "需要准备东西的人"),
        language=ctx.language,
        icon=icon,
        category="planner",
        inputs=[t("ticks", "勾选")],
        feedback=[t("items done out of the total, per category", "每类已完成项数/总数")],
        theme=ctx.theme("green"),
    )
    screen = Screen(name="list", title=t("List", "清单"), icon=icon, components=list(components))
    return AppSpec(brief=brief, screens=[screen], key_paths=paths)


_LISTS = {
    "routine": (
        ("Morning Routine", "每日例行清单"),
        "🌅",
        True,
        [
            "Drink a glass of water",
            "Make the bed",
            "Stretch for 5 minutes",
            "Healthy breakfast",
            "Plan the day",
            "Read 10 pages",
        ],
        ["喝一杯水", "整理床铺", "拉伸 5 分钟", "健康早餐", "规划今天", "读 10 页书"],
    ),
    "packing": (
        ("Packing List", "行李清单"),
        "🧳",
        False,
        ["Passport / ID", "Phone charger", "Toothbrush", "Clothes", "Medicine", "Sunglasses", "Wallet", "Headphones"],
        ["护照/身份证", "手机充电器", "牙刷", "换洗衣物", "常用药", "太阳镜", "钱包", "耳机"],
    ),
    "shopping": (
        ("Shopping List", "购物清单"),
        "🛒",
        False,
        ["Milk", "Eggs", "Bread", "Fruit", "Vegetables", "Rice", "Coffee"],
        ["牛奶", "鸡蛋", "面包", "水果", "蔬菜", "大米", "咖啡"],
    ),
}


def checklist(ctx: Context, kind: str) -> AppSpec:
    t = ctx.t
    (title_en, title_zh), icon, daily, items_en, items_zh = _LISTS[kind]
    items = choice_options(ctx.items, t.items(items_en, items_zh), limit=30)
    reset = ctx.has(*_RESET)
    component = ChecklistComponent(
        id="chk", title=t(title_en, title_zh), items=items, daily=daily, editable=True, reset=reset
    )
    tip = t(
        "Tick items as you go; add your own at the bottom. "
        + ("The list starts fresh every day." if daily else "Ticks are kept until you untick them."),
        "边做边勾选；可以在底部添加自己的项目。" + ("清单每天自动重置。" if daily else "勾选会一直保留，直到你取消。"),
    )
    paths = [
        path(
            "tick",
            t("I tick the first item and the progress grows.", "我勾选第一项，进度随之增加。"),
            [step("check", "chk__item0")],
            [expect("chk.done", 1), expect("chk.total", len(items))],
        ),
        path(
            "add_item",
            t("I add my own item to the list.", "我向清单添加自己的项目。"),
            [step("set", "chk__new", t("Umbrella", "雨伞")), step("click", "chk__add")],
            [expect("chk.total", len(items) + 1)],
        ),
        path(
            "all_done",
            t("Ticking everything completes the list.", "全部勾选后清单完成。"),
            [step("check", f"chk__item{n}") for n in range(len(items))],
            [expect("chk.progress", 1.0)],
        ),
    ]
    brief = Brief(
        title=t(title_en, title_zh),
        value=t("Tick things off and never forget one.", "逐项勾选，一样都不落下。"),
        audience=t("Busy people", "忙碌的人"),
        language=ctx.language,
        icon=icon,
        category="planner",
        inputs=[t("ticks", "勾选")],
        feedback=[t("items done out of the total", "已完成项数/总数")],
        theme=ctx.theme("green"),
    )
    screen = Screen(
        name="list", title=t("List", "清单"), icon=icon, components=[component, TextComponent(id="tip", body=tip)]
    )
    return AppSpec(brief=brief, screens=[screen], key_paths=paths)
