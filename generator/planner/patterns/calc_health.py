"""Calculators about bodies, weather and dates: BMI, BMR, calories burned, wind chill, age, days between."""

from __future__ import annotations

import re

from generator.planner.lang import Tr
from generator.planner.patterns.base import Context
from generator.planner.patterns.calc_core import Calc, CalcParts, calc_path, choice, error_path, fn, msg, num, out

__all__ = ["HEALTH"]


def _bmi_read(ctx: Context) -> CalcParts:
    """The cut-offs the idea names: China's (24 / 28), Asia-Pacific (23 / 25) or the WHO's (25 / 30)."""
    if re.search(r"中国|国内|china|chinese|卫健委|卫生部", ctx.text):
        return _bmi(ctx.t, (24.0, 28.0), ctx.t("China's standard", "中国标准"))
    if re.search(r"asia|亚洲|亚太", ctx.text):
        return _bmi(ctx.t, (23.0, 25.0), ctx.t("the Asia-Pacific standard", "亚太标准"))
    return _bmi(ctx.t)


def _bmi(t: Tr, cuts: tuple[float, float] = (25.0, 30.0), standard: str = "") -> CalcParts:
    over, obese = cuts
    standard = standard or t("the WHO standard", "世卫组织标准")
    bad = msg(t, "Weight and height must be above zero.", "体重和身高必须大于 0。")
    labels = t.items(["Underweight", "Normal", "Overweight", "Obese"], ["偏瘦", "正常", "超重", "肥胖"])
    guard = f"if weight <= 0 or height <= 0:\n    raise ValueError({bad})\n"
    bmi = fn(
        "bmi",
        t("Body mass index from weight (kg) and height (cm).", "由体重（公斤）和身高（厘米）算出 BMI。"),
        "weight:float, height:float",
        "float",
        guard + "return round(weight / (height / 100) ** 2, 1)",
        [({"weight": 70, "height": 175}, 22.9), ({"weight": 50, "height": 170}, 17.3)],
    )
    body = guard + (
        "bmi = weight / (height / 100) ** 2\n"
        f'if bmi < 18.5:\n    return "{labels[0]}"\nif bmi < {over:g}:\n    return "{labels[1]}"\n'
        f'if bmi < {obese:g}:\n    return "{labels[2]}"\nreturn "{labels[3]}"'
    )
    category = fn(
        "category",
        t(f"The category of a BMI by {standard}.", f"按{standard}得出的 BMI 分类。"),
        "weight:float, height:float",
        "str",
        body,
        [({"weight": 70, "height": 175}, labels[1]), ({"weight": 95, "height": 180}, labels[2 if obese > 29.3 else 3])],
    )
    return CalcParts(
        t("BMI Calculator", "BMI 计算器"),
        t(
            "Enter your weight and height to see your body mass index and what it means.",
            "输入体重和身高，马上知道 BMI 和对应的体型分类。",
        ),
        "⚖️",
        "teal",
        [
            num("weight", t("Weight", "体重"), 70, t("kg", "公斤")),
            num("height", t("Height", "身高"), 175, t("cm", "厘米")),
        ],
        [out("bmi", "BMI", "", 1), out("category", t("Category", "分类"))],
        [bmi, category],
        [
            calc_path(
                "my_bmi",
                t(
                    "I enter 70 kg and 175 cm and see BMI 22.9, normal.",
                    "输入 70 公斤、175 厘米，看到 BMI 22.9、正常。",
                ),
                {"weight": 70, "height": 175},
                {"bmi": 22.9, "category": labels[1]},
            ),
            error_path(
                "zero_height", t("A height of 0 is refused with a message.", "身高为 0 时给出提示。"), {"height": 0}
            ),
        ],
        t(
            f"By {standard}:\n\n| BMI | Category |\n|---|---|\n| < 18.5 | Underweight |\n"
            f"| 18.5 – {over - 0.1:g} | Normal |\n| {over:g} – {obese - 0.1:g} | Overweight |\n| ≥ {obese:g} | Obese |",
            f"按{standard}：\n\n| BMI | 分类 |\n|---|---|\n| < 18.5 | 偏瘦 |\n| 18.5 – {over - 0.1:g} | 正常 |\n"
            f"| {over:g} – {obese - 0.1:g} | 超重 |\n| ≥ {obese:g} | 肥胖 |",
        ),
    )


def _bmr(t: Tr) -> CalcParts:
    bad = msg(t, "Weight, height and age must be above zero.", "体重、身高和年龄必须大于 0。")
    sexes = t.items(["Male", "Female"], ["男", "女"])
    levels = t.items(
        ["Sedentary", "Light exercise", "Moderate exercise", "Very active"],
        ["久坐", "轻度运动", "中度运动", "高强度运动"],
    )
    guard = f"if weight <= 0 or height <= 0 or age <= 0:\n    raise ValueError({bad})\n"
    base = f'base = 10 * weight + 6.25 * height - 5 * age\nbase += 5 if sex == "{sexes[0]}" else -161\n'
    factors = ", ".join(f'"{name}": {f}' for name, f in zip(levels, (1.2, 1.375, 1.55, 1.725), strict=True))
    bmr = fn(
        "bmr",
        t("Basal metabolic rate (Mifflin–St Jeor), kcal a day.", "基础代谢率（Mifflin–St Jeor 公式），千卡/天。"),
        "weight:float, height:float, age:int, sex:str",
        "int",
        guard + base + "return round(base)",
        [
            ({"weight": 70, "height": 175, "age": 30, "sex": sexes[0]}, 1649),
            ({"weight": 60, "height": 165, "age": 25, "sex": sexes[1]}, 1345),
        ],
    )
    tdee = fn(
        "tdee",
        t("Calories a day to keep your weight at this activity level.", "按活动水平维持体重每天所需热量。"),
        "weight:float, height:float, age:int, sex:str, activity:str",
        "int",
        guard + base + f"factors = {{{factors}}}\nreturn round(base * factors.get(activity, 1.2))",
        [({"weight": 70, "height": 175, "age": 30, "sex": sexes[0], "activity": levels[2]}, 2556)],
    )
    return CalcParts(
        t("Daily Calorie Needs", "每日热量需求"),
        t("Find your basal metabolic rate and the calories you need each day.", "算出基础代谢率和每天需要摄入的热量。"),
        "🔥",
        "orange",
        [
            num("weight", t("Weight", "体重"), 70, t("kg", "公斤")),
            num("height", t("Height", "身高"), 175, t("cm", "厘米")),
            num("age", t("Age", "年龄"), 30, "", 1),
            choice("sex", t("Sex", "性别"), sexes),
            choice("activity", t("Activity", "活动水平"), levels),
        ],
        [
            out("bmr", t("BMR", "基础代谢"), t("kcal/day", "千卡/天"), 0),
            out("tdee", t("Daily needs", "每日所需"), t("kcal/day", "千卡/天"), 0),
        ],
        [bmr, tdee],
        [
            calc_path(
                "my_needs",
                t(
                    "I enter my details and see BMR 1649 and needs 2556 kcal.",
                    "输入个人数据，看到基础代谢 1649、每日所需 2556 千卡。",
                ),
                {"weight": 70, "height": 175, "age": 30, "sex": sexes[0], "activity": levels[2]},
                {"bmr": 1649, "tdee": 2556},
            ),
            error_path(
                "zero_weight", t("A weight of 0 is refused with a message.", "体重为 0 时给出提示。"), {"weight": 0}
            ),
        ],
    )


_METS = (
    ("Walking", "步行", 3.5),
    ("Running", "跑步", 9.8),
    ("Cycling", "骑行", 7.5),
    ("Swimming", "游泳", 8.0),
    ("Yoga", "瑜伽", 3.0),
    ("Strength training", "力量训练", 5.0),
    ("Dancing", "跳舞", 5.5),
    ("Basketball", "篮球", 6.5),
)


def _burned(t: Tr) -> CalcParts:
    bad = msg(t, "Weight and minutes must be above zero.", "体重和时长必须大于 0。")
    names = [t(en, zh) for en, zh, _ in _METS]
    table = ", ".join(f'"{n}": {met}' for n, (_, _, met) in zip(names, _METS, strict=True))
    body = (
        f"if weight <= 0 or minutes <= 0:\n    raise ValueError({bad})\nmets = {{{table}}}\n"
        "return round(mets.get(activity, 4.0) * weight * minutes / 60, 1)"
    )
    burned = fn(
        "burned",
        t("Calories burned: MET × weight (kg) × hours.", "消耗热量 = MET × 体重（公斤）× 小时。"),
        "activity:str, weight:float, minutes:float",
        "float",
        body,
        [
            ({"activity": names[1], "weight": 70, "minutes": 30}, 343.0),
            ({"activity": names[0], "weight": 60, "minutes": 60}, 210.0),
        ],
    )
    return CalcParts(
        t("Calories Burned", "运动消耗计算"),
        t("See how many calories an activity burns for your weight and time.", "按体重和运动时长算出消耗了多少热量。"),
        "🔥",
        "orange",
        [
            choice("activity", t("Activity", "运动"), names, names[1]),
            num("weight", t("Weight", "体重"), 70, t("kg", "公斤")),
            num("minutes", t("Duration", "时长"), 30, t("min", "分钟")),
        ],
        [out("burned", t("Burned", "消耗"), "kcal", 0)],
        [burned],
        [
            calc_path(
                "my_run",
                t("30 minutes of running at 70 kg burns 343 kcal.", "70 公斤跑步 30 分钟消耗 343 千卡。"),
                {"activity": names[1], "weight": 70, "minutes": 30},
                {"burned": 343.0},
            ),
            error_path(
                "no_time", t("Zero minutes is refused with a message.", "时长为 0 时给出提示。"), {"minutes": 0}
            ),
        ],
    )


HEALTH: tuple[Calc, ...] = (
    Calc.reading("bmi", {"bmi": 10, "body mass": 10, "体重指数": 10, "身体质量指数": 10}, _bmi_read),
    Calc("bmr", {"bmr": 10, "tdee": 10, "metabolic": 8, "calorie needs": 8, "基础代谢": 10, "代谢": 6}, _bmr),
    Calc("burned", {"calories burned": 10, "burn": 5, "met value": 6, "消耗": 6, "燃烧": 6, "燃脂": 6}, _burned),
)
