"""Diet / food diary: pick a meal type and a food from a built-in table, see its nutrition, log the day."""

from __future__ import annotations

import json

from flashapps.spec import (
    AppSpec,
    Brief,
    CalcInput,
    CalcOutput,
    CalculatorComponent,
    DataField,
    Entity,
    Example,
    FormComponent,
    LogicFunction,
    Metric,
    MetricComponent,
    Param,
    Screen,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, note_field, path, step
from generator.planner.patterns.calc_core import fitting
from generator.planner.patterns.foods import FOODS, MEALS
from generator.planner.patterns.records import history_screen, save_path

__all__ = ["PATTERN"]

KEYWORDS = {
    "diet": 5,
    "nutrition": 6,
    "nutrient": 6,
    "calorie": 6,
    "kcal": 5,
    "meal": 3,
    "food": 3,
    "eat": 2,
    "macro": 4,
    "protein": 4,
    "intake": 1,
    "breakfast": 2,
    "lunch": 1,
    "dinner": 1,
    "饮食": 6,
    "营养": 6,
    "热量": 5,
    "卡路里": 5,
    "食物": 4,
    "吃了": 3,
    "餐": 2,
    "摄入": 2,
    "减脂": 3,
    "蛋白质": 4,
    "早餐": 2,
    "午饭": 2,
    "晚饭": 2,
}
_NUTRIENTS = (
    ("kcal", 2, ("Calories", "热量"), ("kcal", "千卡"), 0),
    ("protein", 3, ("Protein", "蛋白质"), ("g", "克"), 1),
    ("carbs", 4, ("Carbohydrates", "碳水化合物"), ("g", "克"), 1),
    ("fat", 5, ("Fat", "脂肪"), ("g", "克"), 1),
)


def score(ctx: Context) -> Match:
    found = ctx.match(KEYWORDS)
    if ctx.has("recipe", "restaurant", "菜谱", "食谱") and not ctx.has("nutrition", "calorie", "营养", "热量"):
        return Match(found.score * 0.4, found.words)
    return found


def _function(ctx: Context, name: str, column: int, label: str, foods: list[str]) -> LogicFunction:
    t = ctx.t
    table = {food: row[column] for food, row in zip(foods, FOODS, strict=True)}
    unknown = json.dumps(t("Choose a food from the list.", "请从列表中选择一种食物。"), ensure_ascii=False)
    servings = json.dumps(t("Servings must be more than 0.", "份量必须大于 0。"), ensure_ascii=False)
    body = (
        f"table = {json.dumps(table, ensure_ascii=False)}\n"
        f"if food not in table:\n    raise ValueError({unknown})\n"
        f"if servings <= 0:\n    raise ValueError({servings})\n"
        "return round(table[food] * servings, 1)"
    )
    first, second = foods[0], foods[9]
    return LogicFunction(
        name=name,
        doc=t(f"{label} in the servings of one food.", f"一种食物若干份的{label}。"),
        params=[Param(name="food", type="str"), Param(name="servings", type="float")],
        returns="float",
        body=body,
        examples=fitting(
            [
                Example(args={"food": first, "servings": 1}, expected=round(float(FOODS[0][column]) * 1, 1)),
                Example(args={"food": second, "servings": 2}, expected=round(float(FOODS[9][column]) * 2, 1)),
                Example(args={"food": second, "servings": 0.5}, expected=round(float(FOODS[9][column]) * 0.5, 1)),
            ]
        ),
    )


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    foods = [t(en, zh) for en, zh, *_ in FOODS]
    meals = t.items(*MEALS)
    logic = [_function(ctx, name, column, t(*label), foods) for name, column, label, _, _ in _NUTRIENTS]
    calculator = CalculatorComponent(
        id="nutri",
        title=t("What are you eating?", "这一餐吃了什么？"),
        inputs=[
            CalcInput(name="meal", label=t("Meal", "用餐类型"), type="choice", options=meals, default=meals[1]),
            CalcInput(name="food", label=t("Food", "食物"), type="choice", options=foods, default=foods[0]),
            CalcInput(name="servings", label=t("Servings", "份数"), type="number", default=1, step=0.5),
        ],
        results=[
            CalcOutput(function=name, label=t(*label), unit=t(*unit), decimals=decimals)
            for name, _, label, unit, decimals in _NUTRIENTS
        ],
    )
    entity = Entity(
        name="meal",
        label=t("Meal", "餐食"),
        fields=[
            DataField(name="meal", label=t("Meal", "用餐类型"), type="choice", options=meals, default=meals[1]),
            DataField(name="food", label=t("Food", "食物"), type="choice", options=foods, default=foods[0]),
            DataField(name="servings", label=t("Servings", "份数"), type="float", min=0.25, max=20, default=1.0),
            DataField(
                name="kcal",
                label=t("Calories", "热量"),
                type="int",
                unit=t("kcal", "千卡"),
                min=0,
                max=5000,
                help=t("The calories the nutrition panel shows for this meal.", "记录页营养面板显示的这餐热量。"),
            ),
            date_field(t),
            note_field(t),
        ],
    )
    metrics = [
        Metric(
            name="today_kcal",
            label=t("Calories today", "今日热量"),
            entity="meal",
            field="kcal",
            agg="sum",
            period="today",
            date_field="day",
            goal=2000,
            goal_kind="stay_under",
            unit=t("kcal", "千卡"),
        ),
        Metric(
            name="meals_today",
            label=t("Meals today", "今日餐数"),
            entity="meal",
            agg="count",
            period="today",
            date_field="day",
        ),
        Metric(
            name="week_kcal",
            label=t("Calories this week", "本周热量"),
            entity="meal",
            field="kcal",
            agg="sum",
            period="week",
            date_field="day",
            unit=t("kcal", "千卡"),
        ),
    ]
    record = Screen(
        name="record",
        title=t("Record", "记录"),
        icon="🍽️",
        components=[
            calculator,
            TextComponent(
                id="tip",
                body=t(
                    "Pick the meal and the food: its calories, protein, carbohydrates and fat update at once. "
                    "**Save result** keeps this meal in the nutrition history below.",
                    "选择用餐类型和食物，热量、蛋白质、碳水化合物和脂肪会实时更新；点 **保存结果** "
                    "把这一餐记进营养记录。",
                ),
            ),
            FormComponent(id="add", title=t("Add to today's diary", "记入今天的饮食日记"), entity="meal"),
            MetricComponent(id="today_kcal", metric="today_kcal"),
            MetricComponent(id="meals_today", metric="meals_today"),
        ],
    )
    history = history_screen(ctx, entity, category="meal", y="kcal", en="Diary", zh="日记", icon="📒")
    kcal, second = FOODS[9][2], foods[9]
    paths = [
        path(
            "see_nutrition",
            t(
                "I pick a food and two servings and see its nutrition at once.",
                "我选一种食物、两份，马上看到营养成分。",
            ),
            [
                step("set", "nutri__meal", meals[0]),
                step("set", "nutri__food", second),
                step("set", "nutri__servings", 2),
            ],
            [
                expect(f"nutri.{name}", round(float(FOODS[9][column]) * 2, 1), "approx")
                for name, column, *_ in _NUTRIENTS
            ],
        ),
        path(
            "zero_servings_refused",
            t("Zero servings is refused with a clear message.", "份数为 0 时给出清楚的提示。"),
            [step("set", "nutri__servings", 0)],
            [expect("nutri.error", None, "truthy")],
        ),
        save_path(
            "log_a_meal",
            t("I log lunch and see today's calories and meal count.", "我记下午餐，今日热量和餐数随之更新。"),
            {"meal": meals[1], "food": second, "kcal": int(kcal)},
            [("today_kcal.value", int(kcal)), ("meals_today.value", 1), ("log.rows", 1)],
        ),
    ]
    brief = Brief(
        title=t("Food & Nutrition Diary", "饮食营养日记"),
        value=t(
            "Pick a meal type and foods, see the nutrition at once and keep a daily food diary.",
            "选择用餐类型和食物，实时看到营养成分，记录每天的饮食。",
        ),
        audience=t("Anyone watching what they eat", "关注日常饮食的每一个人"),
        language=ctx.language,
        icon="🥗",
        category="tracker",
        metrics=metrics,
        inputs=[t("meal type", "用餐类型"), t("food", "食物"), t("servings", "份数")],
        feedback=[
            t("calories, protein, carbohydrates and fat of each meal", "每餐的热量、蛋白质、碳水化合物和脂肪"),
            t("today's calories against 2000 kcal", "今日热量对比 2000 千卡"),
        ],
        theme=ctx.theme("green"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[record, history], logic=logic, key_paths=paths)


PATTERN = Pattern(
    name="diet",
    label_en="food & nutrition diary",
    label_zh="饮食营养日记",
    score=score,
    build=build,
    hint_en="meal",
    hint_zh="饮食",
)
