"""Random pickers: students, meals, chores, decisions, numbers and cards; items listed in the idea win."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    ChecklistComponent,
    Component,
    KeyPath,
    PickerComponent,
    Screen,
    TextComponent,
)
from generator.planner.content import asks_for_groups, list_like, read_content
from generator.planner.labels import clean_items
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context, Match, Pattern, Variant, best_variant, expect, path, step
from generator.planner.patterns.calc_reading import count_of
from generator.planner.patterns.records import choice_options

__all__ = ["PATTERN", "picker_paths"]

KEYWORDS = {
    "random": 4,
    "pick": 5,
    "picker": 8,
    "choose": 3,
    "decide": 5,
    "decision": 5,
    "wheel": 6,
    "spin": 5,
    "lottery": 6,
    "draw": 3,
    "shuffl": 5,
    "name generator": 8,
    "generate names": 8,
    "dice": 6,
    "coin": 4,
    "随机": 6,
    "抽": 5,
    "选一个": 6,
    "转盘": 8,
    "决定": 5,
    "吃什么": 8,
    "点名": 10,
    "抽签": 8,
    "掷骰子": 8,
    "洗牌": 6,
    "group maker": 10,
    "team maker": 10,
    "team generator": 10,
    "lottery number": 6,
    "random groups": 10,
    "random teams": 10,
    "into groups": 8,
    "into teams": 8,
    "groups of": 6,
    "teams of": 6,
    "分组": 10,
    "分队": 10,
    "分成": 3,
    "split": 4,
}

_DEFAULTS: dict[str, tuple[tuple[str, str], str, str, list[str], list[str], int]] = {
    "students": (
        ("Random Student Picker", "随机点名"),
        "🎯",
        "indigo",
        ["Alice", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack"],
        ["小明", "小红", "小刚", "小丽", "小华", "小军", "小芳", "小强", "小雪", "小龙"],
        1,
    ),
    "meals": (
        ("What Should I Eat?", "今天吃什么"),
        "🍜",
        "orange",
        ["Pizza", "Sushi", "Tacos", "Ramen", "Salad", "Burger", "Curry", "Dumplings", "Pasta", "Fried rice"],
        ["火锅", "饺子", "拉面", "寿司", "披萨", "汉堡", "麻辣烫", "炒饭", "沙拉", "米线"],
        1,
    ),
    "chores": (
        ("Chore Wheel", "家务转盘"),
        "🧹",
        "teal",
        ["Dishes", "Vacuuming", "Laundry", "Take out the trash", "Clean the bathroom", "Grocery run"],
        ["洗碗", "吸尘", "洗衣服", "倒垃圾", "打扫卫生间", "买菜"],
        1,
    ),
    "decision": (
        ("Decision Maker", "帮我做决定"),
        "🎲",
        "purple",
        ["Yes", "No", "Maybe later", "Ask again"],
        ["是", "否", "以后再说", "再问一次"],
        1,
    ),
    "numbers": (
        ("Random Number Generator", "随机数生成器"),
        "🔢",
        "blue",
        [str(n) for n in range(1, 101)],
        [str(n) for n in range(1, 101)],
        1,
    ),
    "dice": (("Dice Roller", "掷骰子"), "🎲", "red", ["1", "2", "3", "4", "5", "6"], ["1", "2", "3", "4", "5", "6"], 1),
    "cards": (
        ("Card Shuffler", "洗牌发牌"),
        "🃏",
        "green",
        [
            f"{rank}{suit}"
            for suit in "♠♥♦♣"
            for rank in ("A", "K", "Q", "J", "10", "9", "8", "7", "6", "5", "4", "3", "2")
        ],
        [
            f"{rank}{suit}"
            for suit in "♠♥♦♣"
            for rank in ("A", "K", "Q", "J", "10", "9", "8", "7", "6", "5", "4", "3", "2")
        ],
        5,
    ),
    "groups": (
        ("Group Maker", "随机分组"),
        "👥",
        "teal",
        ["Alice", "Ben", "Chloe", "Daniel", "Emma", "Felix", "Grace", "Henry", "Isla", "Jack", "Kai", "Lily"],
        ["小明", "小红", "小刚", "小丽", "小华", "小军", "小芳", "小强", "小雪", "小龙", "小青", "小宇"],
        1,
    ),
    "names": (
        ("Name Generator", "起名助手"),
        "✨",
        "pink",
        ["Luna", "Milo", "Aria", "Leo", "Nova", "Theo", "Iris", "Felix", "Maya", "Oscar", "Zoe", "Ezra"],
        ["子涵", "浩然", "欣怡", "宇轩", "梓萱", "俊杰", "诗涵", "一诺", "沐阳", "若曦", "思远", "语桐"],
        1,
    ),
}


def _numbers(ctx: Context) -> list[str] | None:
    """A range asked for in the idea (“between 1 and 50”), as the numbers to draw from."""
    match = re.search(r"(\d+)\s*(?:-|–|to|and|到|至|~)\s*(\d+)", ctx.text)
    if not match:
        return None
    low, high = sorted((int(match.group(1)), int(match.group(2))))
    return [str(n) for n in range(low, min(high, low + 199) + 1)] if high > low else None


_PEOPLE_EN = "kids|children|students|pupils|people|players|members|persons|friends|names|employees|guests"
_PEOPLE_ZH = "个学生|名学生|学生|个同学|名同学|同学|个孩子|孩子|个小朋友|小朋友|名队员|队员|个人|人|名|位"


def _people(ctx: Context) -> int | None:
    """How many people the idea says are in the list (“12 kids”, “30个学生”, “全班24人”)."""
    found = count_of(ctx.idea, _PEOPLE_EN, _PEOPLE_ZH)
    return found if found and 2 <= found <= 200 else None


def _roster(t: Tr, defaults: list[str], size: int) -> list[str]:
    """Example names for that many people: the sample names, then numbered ones."""
    if size <= len(defaults):
        return defaults[:size]
    return [t(f"Person {n}", f"成员{n}") for n in range(1, size + 1)]


def picker_paths(ctx: Context, picker: PickerComponent) -> list[KeyPath]:
    """Pick one, no repeats, reset; and with groups, every item dealt into one group."""
    t, cid, items = ctx.t, picker.id, picker.items
    fits_twice = picker.no_repeat and len(items) >= 2 * picker.count
    paths = [
        path(
            "pick_one",
            t("I pick and get one of the items.", "我抽一次，得到列表中的一项。"),
            [step("click", f"{cid}__pick")],
            [expect(f"{cid}.history", 1), expect(f"{cid}.picked", picker.count, "len_eq")],
        ),
        path(
            "no_repeats",
            t("Two picks in a row never give the same item.", "连续抽两次不会重复。"),
            [step("click", f"{cid}__pick"), step("click", f"{cid}__pick")],
            [expect(f"{cid}.history", 2)]
            + ([expect(f"{cid}.remaining", len(items) - 2 * picker.count)] if fits_twice else []),
        ),
        path(
            "reset",
            t("Reset puts every item back.", "重置后所有项目回到池中。"),
            [step("click", f"{cid}__pick"), step("click", f"{cid}__reset")],
            [expect(f"{cid}.remaining", len(items)), expect(f"{cid}.picked", [])],
        ),
    ]
    if picker.groups or picker.group_size:
        made = picker.groups or -(-len(items) // picker.group_size)
        paths.append(
            path(
                "make_groups",
                t("I split the list into groups: everyone is in exactly one.", "我把名单分组：每个人都只在一个组里。"),
                [step("click", f"{cid}__split")],
                [expect(f"{cid}.groups", min(made, len(items)), "len_eq")],
            )
        )
    return paths


def _picker(ctx: Context, kind: str) -> AppSpec:
    t = ctx.t
    (title_en, title_zh), icon, theme, items_en, items_zh, count = _DEFAULTS[kind]
    defaults = t.items(items_en, items_zh)
    content = read_content(ctx.idea)
    own = [ctx.script(item)[:80].strip() for item in content.items if kind != "numbers"]
    own = clean_items(item for item in own if item)  # never a clause of the request (“午饭吃什么？选项有火锅”)
    if kind in ("students", "groups"):
        own = [item for item in own if not re.fullmatch(r"\d+\s*\S+", item)]  # "10 players" counts, names none
    listed = ctx.items if kind not in ("students", "groups") or list_like(ctx.items) else []  # names, not clauses
    items = (_numbers(ctx) if kind == "numbers" else None) or own or choice_options(listed, defaults, limit=200)
    people = _people(ctx) if kind in ("students", "groups") and not own and not list_like(ctx.items) else None
    if people:
        items = _roster(t, defaults, people)
    drawn = count_of(ctx.idea, r"(?:\w+\s+)?numbers", "个号码|个数字|个数") if kind == "numbers" else None
    count = (content.counts.get("picks") or drawn or count) if kind != "groups" else 1
    groups = content.counts.get("groups", 0) if kind == "groups" else 0
    size = content.group_size if kind == "groups" and not groups else 0
    if kind == "groups" and not groups and not size:
        groups = 2
    picker = PickerComponent(
        id="pick",
        title=t(title_en, title_zh),
        items=items[:200],
        count=max(1, min(count, len(items), 20)),
        no_repeat=kind != "dice",
        groups=min(groups, len(items), 50),
        group_size=min(size, 50),
    )
    tip = t(
        "Press **Pick** for a random choice; nothing repeats until everything has been picked. Edit the list in "
        "“Edit the list” (one item a line).",
        "点 **抽取** 随机选择；全部抽完之前不会重复。可以在“编辑列表”中修改（每行一项）。",
    )
    if not own and kind in ("students", "groups"):
        tip += " " + t(
            "These names are examples: paste your class list in “Edit the list”, one name a line.",
            "这些名字只是示例：把全班名单粘贴到“编辑列表”中，每行一个名字。",
        )
    components: list[Component] = [picker, TextComponent(id="tip", body=tip)]
    paths = picker_paths(ctx, picker)
    if kind == "chores":
        chores = ChecklistComponent(id="done", title=t("Done this week", "本周已完成"), items=items[:30], editable=True)
        components.append(chores)
        paths.append(
            path(
                "tick_chore",
                t("I tick a chore as done.", "我把一项家务标记为完成。"),
                [step("check", "done__item0")],
                [expect("done.done", 1)],
            )
        )
    value = t(
        f"Pick at random from {len(items)} items, fairly and without repeats.",
        f"从 {len(items)} 项中公平随机抽取，不重复。",
    )
    brief = Brief(
        title=t(title_en, title_zh),
        value=value,
        audience=t("Teachers, families and the undecided", "老师、家庭和有选择困难的人"),
        language=ctx.language,
        icon=icon,
        category="picker",
        inputs=[t("the list to pick from", "候选列表")],
        feedback=[t("the pick, what is left and the history", "抽取结果、剩余数量和历史")],
        theme=ctx.theme(theme),
    )
    return AppSpec(
        brief=brief,
        screens=[Screen(name="pick", title=t("Pick", "抽取"), icon=icon, components=components)],
        key_paths=paths,
    )


VARIANTS = (
    Variant(
        "groups",
        {
            "group maker": 10,
            "team maker": 10,
            "into groups": 10,
            "into teams": 10,
            "groups of": 8,
            "teams of": 8,
            "random groups": 10,
            "random teams": 10,
            "分组": 12,
            "分队": 12,
            "分成": 6,
            "每组": 8,
            "split": 6,
            "teams$": 4,
            "groups$": 4,
            "team generator": 10,
            "group generator": 10,
        },
        lambda ctx: _picker(ctx, "groups"),
    ),
    Variant(
        "decision",
        {"decide": 6, "decision": 8, "yes or no": 8, "between": 2, "决定": 8, "选择困难": 8},
        lambda ctx: _picker(ctx, "decision"),
    ),
    Variant(
        "students",
        {
            "student": 8,
            "class": 4,
            "name picker": 6,
            "call on": 6,
            "学生": 8,
            "点名": 10,
            "同学": 6,
            "班级": 4,
            "抽签": 6,
        },
        lambda ctx: _picker(ctx, "students"),
    ),
    Variant(
        "meals",
        {
            "meal": 8,
            "eat": 6,
            "lunch": 6,
            "dinner": 6,
            "food": 5,
            "restaurant": 6,
            "吃什么": 10,
            "午饭": 8,
            "晚饭": 8,
            "餐": 4,
        },
        lambda ctx: _picker(ctx, "meals"),
    ),
    Variant(
        "chores",
        {"chore": 10, "housework": 8, "roommate": 6, "家务": 10, "值日": 8},
        lambda ctx: _picker(ctx, "chores"),
    ),
    Variant(
        "numbers",
        {
            "random number": 10,
            "number between": 8,
            "numbers from": 8,
            "lottery number": 10,
            "number generator": 8,
            "range": 4,
            "随机数": 10,
            "号码": 4,
            "个数字": 8,
            "不重复的数": 8,
            "摇号": 8,
        },
        lambda ctx: _picker(ctx, "numbers"),
    ),
    Variant("dice", {"dice": 10, "die$": 8, "roll": 5, "骰子": 10}, lambda ctx: _picker(ctx, "dice")),
    Variant(
        "cards",
        {"deck": 6, "shuffl": 6, "playing card": 8, "card deck": 8, "洗牌": 10, "扑克": 10},
        lambda ctx: _picker(ctx, "cards"),
    ),
    Variant(
        "names",
        {"name generator": 10, "generate names": 10, "baby name": 10, "names": 4, "起名": 10, "取名": 10, "名字": 4},
        lambda ctx: _picker(ctx, "names"),
    ),
)


def build(ctx: Context) -> AppSpec:
    if asks_for_groups(ctx.idea):
        return _picker(ctx, "groups")
    variant, found = best_variant(ctx, VARIANTS)
    return variant.build(ctx) if found.score else _picker(ctx, "decision")


def score(ctx: Context) -> Match:
    found = ctx.match(KEYWORDS)
    listed = Match(2.0, ()) if found.score and len(ctx.items) >= 2 else Match()
    grouped = Match(40.0, ("groups",)) if asks_for_groups(ctx.idea) else Match()  # a clear wish: a group maker
    own = Match(10.0, ()) if found.score and len(read_content(ctx.idea).items) >= 2 else Match()  # “…: A, B, C”
    return found + listed + grouped + own


PATTERN = Pattern(
    name="picker",
    label_en="random picker",
    label_zh="随机抽取",
    score=score,
    build=build,
    hint_en="pick",
    hint_zh="随机",
)
