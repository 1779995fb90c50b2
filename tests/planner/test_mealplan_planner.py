"""Week meal planners from a sentence: recognised by what the request is about (meals planned for days, and what
to buy for them), with the days and meals it names, the dishes it names first, in its language and script; a
shopping list alone, a diet log, recipes, a menu website or a random dinner pick stay what they were."""

from __future__ import annotations

import pytest

from flashapps.spec import MealPlanComponent
from generator.planner import plan
from generator.planner.patterns.mealplan import grocery_of

WEEK_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _mealplan(idea: str) -> MealPlanComponent:
    result = plan(idea)
    assert result.pattern == "mealplan", (idea, result.pattern)
    found = [c for c in result.spec.components() if isinstance(c, MealPlanComponent)]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(
    ("idea", "days", "meals"),
    [
        ("a weekly dinner planner that makes my grocery list", WEEK_EN, ["Dinner"]),
        ("pack lunches for the kids Monday to Thursday and show what to buy", WEEK_EN[:4], ["Lunch"]),
        ("plan three meals a day for the week and sum up the ingredients", WEEK_EN, ["Breakfast", "Lunch", "Dinner"]),
        ("weekday meal prep: choose a dinner per day and get a shopping list", WEEK_EN[:5], ["Dinner"]),
        ("breakfast and supper plan for the weekend with groceries", WEEK_EN[5:], ["Breakfast", "Dinner"]),
        ("dinner plan for the next 4 days with a shopping list", ["Day 1", "Day 2", "Day 3", "Day 4"], ["Dinner"]),
        ("帮我安排下周的晚饭，顺便列出要买的菜", ["周一", "周二", "周三", "周四", "周五", "周六", "周日"], ["晚餐"]),
        ("工作日带饭计划", ["周一", "周二", "周三", "周四", "周五"], ["午餐"]),
        ("星期一到五的午饭计划，列出要买的菜", ["周一", "周二", "周三", "周四", "周五"], ["午餐"]),
        (
            "plan dinners Friday to Monday and make a shopping list",
            ["Friday", "Saturday", "Sunday", "Monday"],
            ["Dinner"],
        ),
        ("meal prep app", WEEK_EN, ["Dinner"]),
        ("星期一到星期三的早饭和午饭安排，算一下要买什么", ["周一", "周二", "周三"], ["早餐", "午餐"]),
        (
            "規劃這週一日三餐的菜單，列出要採買的食材",
            ["週一", "週二", "週三", "週四", "週五", "週六", "週日"],
            ["早餐", "午餐", "晚餐"],
        ),
    ],
)
def test_days_and_meals_from_the_sentence(idea: str, days: list[str], meals: list[str]) -> None:
    component = _mealplan(idea)
    assert (component.days, component.meals) == (days, meals)


def test_named_dishes_come_first_with_known_ingredients() -> None:
    component = _mealplan("dinner menu for the week with a shopping list; we like lasagna, tacos and my gran's pie")
    names = [d.name for d in component.dishes]
    assert names[:3] == ["Lasagna", "Tacos", "Gran's pie"]
    assert [i.name for i in component.dishes[0].ingredients][:2] == ["lasagna sheets", "ground beef"]
    assert component.dishes[2].ingredients == []
    assert len(names) >= 20 and len(set(names)) == len(names)


def test_traditional_chinese_dishes_stay_traditional() -> None:
    component = _mealplan("每週晚餐菜單規劃：糖醋排骨、麻婆豆腐，自動算出要買的食材")
    names = [d.name for d in component.dishes]
    assert names[:2] == ["糖醋排骨", "麻婆豆腐"]
    assert "紅燒肉" in names and "红烧肉" not in names
    assert {i.name for i in component.dishes[1].ingredients} >= {"豆腐", "豆瓣醬"}


def test_breakfast_plans_offer_breakfast_dishes_first() -> None:
    component = _mealplan("周末早餐计划，列出要买的东西")
    assert component.meals == ["早餐"] and component.days == ["周六", "周日"]
    assert {d.name for d in component.dishes[:4]} == {"白粥配咸蛋", "包子豆浆", "鸡蛋饼", "牛奶燕麦"}


def test_grocery_sums_the_same_ingredient_and_unit() -> None:
    component = _mealplan("weekly meal planner with a grocery list")
    lines = grocery_of(component, ["Tacos", "Burgers", "Scrambled eggs on toast", "Fried rice"])
    assert "ground beef 1000 g" in lines and "egg 9 pcs" in lines and "tomato 4 pcs" in lines
    assert len(lines) == len(set(lines))


def test_the_key_paths_pick_dishes_that_share_an_ingredient() -> None:
    spec = plan("一周带饭计划").spec
    component = _mealplan("一周带饭计划")
    first = spec.key_paths[0]
    assert [s.key for s in first.steps] == ["mealplan__d0m0", "mealplan__d6m0"]
    picked = [str(s.value) for s in first.steps]
    grocery = next(e.value for e in first.expect if e.output == "mealplan.grocery")
    assert grocery == grocery_of(component, picked)
    assert isinstance(grocery, list)
    assert len(grocery) < sum(len(d.ingredients) for d in component.dishes if d.name in picked)


@pytest.mark.parametrize(
    ("idea", "pattern"),
    [
        ("shopping list with checkboxes", "todo"),
        ("grocery shopping list for the supermarket", "todo"),
        ("超市购物清单", "todo"),
        ("calorie tracker for my diet", "diet"),
        ("记录每天吃了什么和卡路里", "diet"),
        ("健身饮食计划，每天记录蛋白质和热量", "diet"),
        ("diet meal plan with calories for weight loss", "diet"),
        ("my recipe collection with ingredients and steps", "collection"),
        ("我的菜谱收藏", "collection"),
        ("a website for my restaurant showing the menu", "website"),
        ("餐廳每週菜單網站", "website"),
        ("what should I eat tonight? pick a random dinner for me", "picker"),
        ("weekly cleaning schedule for the family", "events"),
    ],
)
def test_other_food_and_list_requests_keep_their_app(idea: str, pattern: str) -> None:
    assert plan(idea).pattern == pattern


@pytest.mark.parametrize(
    ("idea", "first"),
    [
        ("一周晚饭计划，想吃酸菜鱼、水煮牛肉、番茄炒蛋，列出要买的菜", ["酸菜鱼", "水煮牛肉", "番茄炒蛋"]),
        ("我们家这周的菜单：红烧肉、清蒸鱼和地三鲜，帮我算要买什么", ["红烧肉", "清蒸鱼", "地三鲜"]),
        (
            "meal plan for the week with pizza, curry and burgers, and a grocery list",
            ["Homemade pizza", "Chicken curry", "Burgers"],
        ),
        ("這週晚餐想做西紅柿炒雞蛋和麻婆豆腐，幫我排菜單並列出要買的", ["番茄炒蛋", "麻婆豆腐"]),
    ],
)
def test_dishes_named_anywhere_come_first_in_the_sentence_order(idea: str, first: list[str]) -> None:
    component = _mealplan(idea)
    assert [d.name for d in component.dishes[: len(first)]] == first
    known = [d for d in component.dishes[: len(first)] if d.name in ("番茄炒蛋", "Homemade pizza", "红烧肉")]
    assert all(d.ingredients for d in known)


def test_ordering_the_groceries_online_is_left_out_not_faked() -> None:
    result = plan("weekly meal planner that orders the groceries online from my supermarket")
    assert result.pattern == "mealplan"
    assert [item.part for item in result.spec.brief.left_out] == [
        "Ordering the groceries from a shop or a delivery service"
    ]
    assert plan("weekly meal planner that builds a grocery list").spec.brief.left_out == []
