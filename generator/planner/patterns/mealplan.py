"""Week meal planners: the days and meals a sentence names (else Monday to Sunday, dinner), a dish picked per
cell from a dish list (the dishes the sentence names first, then a built-in set of common home dishes in its
language) and the grocery list summed from the picked dishes. Recognised by what the request is about (planning
meals for days, and what to buy for them), never a shopping list alone, a diet log, recipes or a menu site."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from flashapps.spec import (
    AppSpec,
    Brief,
    Component,
    Dish,
    Ingredient,
    KeyPath,
    MealPlanComponent,
    Screen,
    TextComponent,
)
from generator.planner.extract import find_list
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step

__all__ = ["PATTERN", "grocery_of", "read_days", "read_meals"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "dishes.json"

_MEAL_WORDS = (
    "meal", "dinner", "lunch", "breakfast", "supper", "menu", "dish", "what to eat", "what we eat", "food plan",
    "晚餐", "晚饭", "午餐", "午饭", "中饭", "早餐", "早饭", "三餐", "菜单", "菜谱", "带饭", "便当", "饭菜", "吃什么",
    "做什么菜", "吃啥", "伙食", "食谱",
)  # fmt: skip
_PLAN_WORDS = (
    "plan", "schedule", "week", "weekday", "weekend", "monday", "friday", "sunday", "days", "rota", "prep",
    "计划", "安排", "规划", "排", "一周", "每周", "本周", "下周", "星期", "周一", "周五", "周末", "工作日", "天",
)  # fmt: skip
_BUY_WORDS = (
    "grocery", "groceries", "shopping", "what to buy", "buy", "ingredient", "shop for", "supermarket",
    "购物", "买", "食材", "采购", "原料", "配料", "超市",
)  # fmt: skip
_WEEK_WORDS = (
    "week", "weekday", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "一周", "每周", "本周", "下周", "星期", "周一", "周二", "周三", "周四", "周五", "周六", "周日", "周末", "工作日",
    "礼拜", "这周", "这星期", "这个星期",
)  # fmt: skip
_PLAN_NOUNS = (
    "meal plan", "meal-plan", "mealplan", "meal prep", "menu plan", "dinner plan", "lunch plan", "plan meals",
    "plan our meals", "plan my meals", "plan dinners", "plan lunches", "plan breakfasts", "plan the meals",
    "菜单规划", "菜单计划", "带饭计划", "饮食计划", "三餐计划", "晚餐计划", "午餐计划", "早餐计划", "排菜单",
    "一周菜单", "每周菜单", "吃什么",
)  # fmt: skip
_STRONG = (
    "meal plan",
    "meal-plan",
    "mealplan",
    "meal prep",
    "menu plan",
    "菜单规划",
    "带饭计划",
    "一周菜单",
    "每周菜单",
)
_NOT_MINE = (
    "restaurant", "cafe", "café", "website", "landing page", "餐厅", "饭店", "餐馆", "网站", "网页", "外卖",
    "random", "spin", "wheel", "decide for me", "随机", "转盘", "抽签",
)  # fmt: skip
_DIET_WORDS = ("calorie", "kcal", "macro", "protein", "卡路里", "热量", "大卡", "蛋白质", "营养")

_DAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")
_DAY_RE = (
    r"(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    r"(?:周|星期|礼拜)[一二三四五六日天1-7])"
)
_ZH_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "日": 7, "天": 7}
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10, "fourteen": 14}

_DAY_COUNT = r"(?<![\d.])(?:\d{1,2}|two|three|four|five|six|seven|ten)[\s-]*days?\b|[\d一二两三四五六七八九十]+\s*天"

_MEALS = (
    ("breakfast", ("breakfast", "早餐", "早饭", "早点", "早上")),
    ("lunch", ("lunch", "午餐", "午饭", "中饭", "中午", "带饭", "便当")),
    ("dinner", ("dinner", "supper", "晚餐", "晚饭", "晚上")),
    ("snack", ("snack", "加餐", "点心", "下午茶")),
)
_MEAL_NAMES = {
    "breakfast": ("Breakfast", "早餐"),
    "lunch": ("Lunch", "午餐"),
    "dinner": ("Dinner", "晚餐"),
    "snack": ("Snack", "加餐"),
}
_ALL_MEALS = ("three meals", "all meals", "every meal", "3 meals", "三餐", "三顿", "一日三餐")


def _day_index(word: str) -> int:
    word = word.lower()
    if len(word) == 1:
        return _ZH_DIGITS[word] - 1
    if word[0] in "周星礼":
        return (_ZH_DIGITS.get(word[-1]) or int(word[-1])) - 1
    return ("mon", "tue", "wed", "thu", "fri", "sat", "sun").index(word[:3])


def read_days(ctx: Context) -> list[str]:
    """The days the sentence names: a range, weekdays, the weekend, named days, a number of days, else a week."""
    names = _DAYS_ZH if ctx.zh else _DAYS_EN
    text = ctx.text.split(" | ")[0]
    joined = re.search(
        _DAY_RE + r"\s*(?:to|through|thru|until|-|–|~|～|到|至)\s*(" + _DAY_RE + r"|[一二三四五六日天])", text
    )
    if joined:
        first, last = _day_index(joined[1]), _day_index(joined[2])
        span = (last - first) % 7 + 1
        if span > 1:
            return [ctx.script(names[(first + k) % 7]) for k in range(span)]
    if ctx.has("weekday", "work day", "workday", "school day", "schoolday", "工作日", "上班日", "上学日", "上班"):
        return [ctx.script(d) for d in names[:5]]
    if ctx.has("weekend", "周末"):
        return [ctx.script(d) for d in names[5:]]
    named = sorted({_day_index(m[1]) for m in re.finditer(r"(?<![a-z])" + _DAY_RE + r"(?![a-z])", text)})
    if len(named) >= 2:
        return [ctx.script(names[n]) for n in named]
    count = re.search(r"(\d{1,2}|" + "|".join(_EN_NUMBERS) + r")[\s-]*days?\b", text) or re.search(
        r"(\d{1,2}|[一二两三四五六七八九十])\s*天", text
    )
    if count:
        word = count[1]
        n = int(word) if word.isdigit() else _EN_NUMBERS.get(word) or _ZH_DIGITS.get(word) or 10
        if n != 7 and 1 <= n <= 14:
            return [ctx.t(f"Day {k}", f"第{k}天") for k in range(1, n + 1)]
    return [ctx.script(d) for d in names]


def _meal_keys(ctx: Context) -> list[str]:
    if ctx.has(*_ALL_MEALS):
        return ["breakfast", "lunch", "dinner"]
    return [name for name, words in _MEALS if ctx.has(*words)] or ["dinner"]


def read_meals(ctx: Context) -> list[str]:
    """The meals the sentence names, in the day's order; all three for “three meals”; else dinner."""
    return [ctx.t(*_MEAL_NAMES[name]) for name in _meal_keys(ctx)]


@cache
def _builtin() -> dict[str, list[dict]]:
    data: dict[str, list[dict]] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


def _dish(ctx: Context, row: dict, name: str | None = None) -> Dish:
    ingredients = [Ingredient(name=ctx.script(i[0]), amount=i[1], unit=ctx.script(i[2])) for i in row["ingredients"]]
    return Dish(name=name or ctx.script(row["name"]), ingredients=ingredients)


def _own_words(item: str) -> bool:
    """A listed item that reads as a dish, not a day, a meal or a clause of the request."""
    low = item.lower()
    plain = not any(w in low for w in (*_PLAN_WORDS, *_BUY_WORDS, *_MEAL_WORDS, *_DIET_WORDS) if len(w) > 1)
    short = len(item) <= 10 if re.search(r"[\u4e00-\u9fff]", item) else len(item.split()) <= 4
    return plain and short and not re.search(r"\d", item)


def _rank(meal: str | None, planned: list[str]) -> int:
    """Dishes for the one meal planned first, then dishes for any meal, then those for meals not planned."""
    if meal in planned and len(planned) == 1:
        return 0
    return 1 if meal is None or meal in planned else 2


_ZH_LEAD = re.compile(r"^(?:我们|我|家里|家|平时|常|爱|想|要|喜欢|比如|例如|像|有|包括|吃|做)+")


def _zh_items(text: str) -> list[str]:
    """Dishes a Chinese sentence lists with 、 (“想吃酸菜鱼、水煮牛肉和番茄炒蛋”), leading verbs left out."""
    found: list[str] = []
    for run in re.finditer(
        r"[\u4e00-\u9fff]{2,12}(?:[、/][\u4e00-\u9fff]{1,12})+(?:(?:和|及|还有|或)[\u4e00-\u9fff]{2,8})?", text
    ):
        parts = re.split(r"[、/]|和|及|还有|或", run[0])
        found += [p for p in (_ZH_LEAD.sub("", part) for part in parts) if 2 <= len(p) <= 8]
    return found


def _named_at(ctx: Context, row: dict, text: str) -> int:
    """Where the sentence names a built-in dish (by its name or another it goes by), else -1."""
    for name in (row["name"], *row.get("also", ())):
        name = name.lower()
        found = re.search(r"(?<![a-z])" + re.escape(name) + r"(?![a-z])", text) if name.isascii() else None
        at = found.start() if found else (-1 if name.isascii() else text.find(name))
        if at >= 0:
            return at
    return -1


def read_dishes(ctx: Context) -> list[Dish]:
    """The dishes the sentence names first, in its order (with the built-in ingredients where known), then the
    built-in set, the dishes for the one meal planned first."""
    rows = _builtin()["zh" if ctx.zh else "en"]
    text = ctx.text.split(" | ")[0]
    named: list[tuple[int, Dish]] = []
    used: set[int] = set()
    for n, row in enumerate(rows):
        at = _named_at(ctx, row, text)
        if at >= 0:
            used.add(n)
            named.append((at, _dish(ctx, row)))
    items = find_list(ctx.idea) or (_zh_items(text) if ctx.zh else [])
    for item in items:
        simple = to_simplified(item).lower()
        if not _own_words(item) or any(simple in d.name.lower() or to_simplified(d.name) in simple for _, d in named):
            continue
        known = next((n for n, r in enumerate(rows) if n not in used and simple.rstrip("s") in r["name"].lower()), None)
        shown = ctx.script(item) if ctx.zh else item[:1].upper() + item[1:]
        if known is not None:
            used.add(known)
        dish = _dish(ctx, rows[known], shown[:80]) if known is not None else Dish(name=shown[:80])
        named.append((max(text.find(simple), 0), dish))
    keys = _meal_keys(ctx)
    rest = [row for n, row in enumerate(rows) if n not in used]
    rest.sort(key=lambda row: _rank(row.get("meal"), keys))
    dishes = [d for _, d in sorted(named, key=lambda p: p[0])] + [_dish(ctx, row) for row in rest]
    return list({d.name: d for d in reversed(dishes)}.values())[::-1][:80]


def grocery_of(plan: MealPlanComponent, picked: list[str]) -> list[str]:
    """The grocery lines (“name amount unit”) of the picked dish names, as the app sums them."""
    dishes = {d.name: d for d in plan.dishes}
    totals: dict[tuple[str, str], list] = {}
    for name in picked:
        for ing in dishes[name].ingredients:
            key = (ing.name.strip().lower(), ing.unit.strip().lower())
            totals.setdefault(key, [ing.name.strip(), 0.0, ing.unit.strip()])[1] += ing.amount
    return [" ".join(p for p in (n, f"{round(a, 2):g}" if a else "", u) if p) for n, a, u in totals.values()]


def _paths(ctx: Context, plan: MealPlanComponent) -> list[KeyPath]:
    t = ctx.t
    with_food = [d for d in plan.dishes if d.ingredients]
    first = with_food[0]
    shared = next(
        (d for d in with_food[1:] if {i.name for i in d.ingredients} & {i.name for i in first.ingredients}),
        with_food[1],
    )
    last_day = len(plan.days) - 1
    second = f"d{last_day}m0" if last_day else "d0m1" if len(plan.meals) > 1 else ""
    picks = [("d0m0", first), (second, shared)] if second else [("d0m0", first)]
    steps = [step("set", f"mealplan__{cell}", dish.name) for cell, dish in picks]
    lines = grocery_of(plan, [dish.name for _, dish in picks])
    where = plan.days[last_day] if last_day else plan.meals[-1]
    own = t("Pasta with peas", "青豆炒饭")
    own_lines = t("pasta 200 g\nfrozen peas 100 g", "米饭 1 碗\n青豆 100 克")
    own_steps = [
        step("set", "mealplan__dish_name", own),
        step("set", "mealplan__dish_ingredients", ctx.script(own_lines)),
        step("click", "mealplan__dish_add"),
        step("set", "mealplan__d0m0", ctx.script(own)),
    ]
    return [
        path(
            "two_dishes_grocery",
            t(
                f"{first.name} on {plan.days[0]} and {shared.name} on {where} add up their ingredients in the "
                "grocery list.",
                f"{plan.days[0]}选{first.name}、{where}选{shared.name}，购物清单把选中菜品的食材加在一起。",
            ),
            steps,
            [
                expect("mealplan.picked", len(picks)),
                expect("mealplan.grocery", lines),
                expect("mealplan.items", len(lines)),
            ],
        ),
        path(
            "tick_and_clear",
            t("A ticked item counts as bought.", "勾选的食材算已买。"),
            [*steps, step("check", "mealplan__got0")],
            [expect("mealplan.got", 1)],
        ),
        path(
            "clear_week",
            t("Clearing the week empties the plan and the list.", "清空本周后，菜单和购物清单都清空。"),
            [*steps, step("click", "mealplan__clear")],
            [expect("mealplan.picked", 0), expect("mealplan.items", 0)],
        ),
        path(
            "own_dish",
            t(
                "A dish the user adds can be picked and brings its ingredients.",
                "自己添加的菜可以选用，食材进入购物清单。",
            ),
            own_steps,
            [expect("mealplan.picked", 1), expect("mealplan.items", 2)],
        ),
    ]


def _score(ctx: Context) -> Match:
    meal = ctx.has(*_MEAL_WORDS)
    if not meal or ctx.has(*_NOT_MINE):
        return Match()
    buy, plan = ctx.has(*_BUY_WORDS), ctx.has(*_PLAN_WORDS)
    week = ctx.has(*_WEEK_WORDS) or bool(re.search(_DAY_COUNT, ctx.text))
    if ctx.has(*_STRONG) and not (ctx.has(*_DIET_WORDS) and not buy):
        return Match(40.0 + (10.0 if buy else 0.0), tuple(filter(None, (ctx.where(w) for w in _STRONG))))
    planned = ctx.has(*_PLAN_NOUNS) or (plan and week) or (week and buy)
    if ctx.has(*_DIET_WORDS) and not buy:
        return Match()  # a diet plan with calories: the diet pattern's
    if not (planned and (buy or week)):
        return Match()
    words = [w for w in (*_PLAN_NOUNS, *_MEAL_WORDS, *_WEEK_WORDS, *_BUY_WORDS) if ctx.where(w)]
    shown = tuple(dict.fromkeys(filter(None, (ctx.where(w) for w in words[:4]))))
    return Match(40.0 + (10.0 if buy else 0.0), shown)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    days, meals = read_days(ctx), read_meals(ctx)
    dishes = read_dishes(ctx)
    plan = MealPlanComponent(id="mealplan", days=days, meals=meals, dishes=dishes)
    how = t(
        "Pick a dish for each meal of the week: the grocery list below adds up the ingredients of the dishes picked "
        "(the same ingredient in the same unit is summed). Tick items off while shopping, download the list, or add "
        "your own dishes with their ingredients. The plan is kept; **Clear the week** starts again.",
        "给这一周的每一餐选一道菜：下面的购物清单会把选中菜品的食材加起来（同一食材、同一单位合并）。买菜时可以逐项"
        "勾选，也可以下载清单，或添加自己的菜和食材。计划会保存下来；点**清空本周**重新开始。",
    )
    title = t("Weekly Meal Planner", "一周菜单与购物清单")
    components: list[Component] = [
        plan,
        TextComponent(id="how", title=t("How it works", "说明"), body=ctx.script(how)),
    ]
    screen = Screen(name="week", title=ctx.script(title), icon="🥗", components=components)
    brief = Brief(
        title=ctx.script(title),
        value=ctx.script(
            t(
                f"Plan {len(days)} days of {', '.join(meals).lower()} from a dish list and get the grocery list "
                "summed from the dishes you pick.",
                f"为{len(days)}天的{'、'.join(meals)}从菜品中选菜，自动汇总要买的食材。",
            )
        ),
        audience=ctx.script(t("Home cooks", "在家做饭的人")),
        language=ctx.language,
        icon="🥗",
        category="planner",
        inputs=[ctx.script(w) for w in (t("dish per meal", "每餐的菜"), t("your own dishes", "自己的菜品"))],
        feedback=[ctx.script(w) for w in (t("grocery list", "购物清单"), t("meals planned", "已安排的餐数"))],
        theme=ctx.theme("green"),
    )
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=_paths(ctx, plan))


PATTERN = Pattern(
    name="mealplan",
    label_en="Weekly meal planner",
    label_zh="一周菜单",
    score=_score,
    build=build,
    hint_en="meal plan",
    hint_zh="菜单",
)
