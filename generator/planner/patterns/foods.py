"""A built-in food table: common foods with a serving size and its nutrition (approximate)."""

from __future__ import annotations

__all__ = ["FOODS", "MEALS"]

FOODS: tuple[tuple[str, str, float, float, float, float], ...] = (
    # (English, Chinese (simplified), kcal, protein g, carbs g, fat g) per serving
    ("Rice (1 bowl)", "米饭（1碗）", 195, 4.0, 43.0, 0.4),
    ("Noodles (1 bowl)", "面条（1碗）", 280, 9.0, 56.0, 2.0),
    ("Steamed bun (1)", "馒头（1个）", 220, 7.0, 45.0, 1.0),
    ("Bread (2 slices)", "面包（2片）", 160, 6.0, 30.0, 2.0),
    ("Oatmeal (1 bowl)", "燕麦粥（1碗）", 150, 5.0, 27.0, 3.0),
    ("Egg (1)", "鸡蛋（1个）", 78, 6.0, 0.6, 5.0),
    ("Milk (1 glass)", "牛奶（1杯）", 150, 8.0, 12.0, 8.0),
    ("Soy milk (1 glass)", "豆浆（1杯）", 100, 7.0, 8.0, 4.0),
    ("Yogurt (1 cup)", "酸奶（1杯）", 120, 6.0, 17.0, 3.0),
    ("Chicken breast (100 g)", "鸡胸肉（100克）", 165, 31.0, 0.0, 3.6),
    ("Beef (100 g)", "牛肉（100克）", 250, 26.0, 0.0, 15.0),
    ("Pork (100 g)", "猪肉（100克）", 240, 27.0, 0.0, 14.0),
    ("Fish (100 g)", "鱼肉（100克）", 130, 22.0, 0.0, 4.0),
    ("Tofu (100 g)", "豆腐（100克）", 80, 8.0, 2.0, 4.8),
    ("Dumplings (10)", "饺子（10个）", 420, 18.0, 50.0, 16.0),
    ("Fried rice (1 plate)", "炒饭（1盘）", 520, 12.0, 70.0, 20.0),
    ("Stir-fried greens (1 plate)", "炒青菜（1盘）", 90, 3.0, 8.0, 5.0),
    ("Broccoli (100 g)", "西兰花（100克）", 34, 2.8, 7.0, 0.4),
    ("Tomato (1)", "西红柿（1个）", 22, 1.0, 4.8, 0.2),
    ("Apple (1)", "苹果（1个）", 95, 0.5, 25.0, 0.3),
    ("Banana (1)", "香蕉（1根）", 105, 1.3, 27.0, 0.4),
    ("Orange (1)", "橙子（1个）", 62, 1.2, 15.0, 0.2),
    ("Nuts (30 g)", "坚果（30克）", 175, 6.0, 6.0, 15.0),
    ("Salad (1 bowl)", "沙拉（1碗）", 150, 3.0, 10.0, 11.0),
    ("Pizza (1 slice)", "披萨（1块）", 285, 12.0, 36.0, 10.0),
    ("Hamburger (1)", "汉堡（1个）", 500, 25.0, 40.0, 25.0),
    ("French fries (medium)", "薯条（中份）", 365, 4.0, 48.0, 17.0),
    ("Cola (1 can)", "可乐（1罐）", 140, 0.0, 39.0, 0.0),
    ("Latte (1 cup)", "拿铁（1杯）", 120, 6.0, 10.0, 6.0),
    ("Chocolate (40 g)", "巧克力（40克）", 210, 3.0, 24.0, 12.0),
)
MEALS = (("Breakfast", "Lunch", "Dinner", "Snack"), ("早餐", "午餐", "晚餐", "加餐"))
