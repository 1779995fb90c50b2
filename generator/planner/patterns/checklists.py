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
from generator.planner.patterns.records import choice_options

__all__ = ["_LISTS", "checklist"]


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
    component = ChecklistComponent(id="chk", title=t(title_en, title_zh), items=items, daily=daily, editable=True)
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
