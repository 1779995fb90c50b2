"""The week meal planner in rendered bundles: dishes picked per day and meal add up their ingredients in the
grocery list (same name and unit summed), the list is ticked off and downloaded, the user's own dishes join the
list, the week is kept and cleared; the bundles' own key-path tests pass in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_under_test import open_app, shown
from streamlit.testing.v1 import AppTest
from support import ruff_problems, run_bundle_tests

from generator.planner import plan
from generator.render import render


def test_picked_dishes_sum_into_the_grocery_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle, at = open_app("Weekday dinner planner with a grocery list for the dishes I choose", tmp_path, monkeypatch)
    assert [at.selectbox(key=f"mealplan__d{d}m0").label for d in range(5)] == ["Dinner"] * 5
    assert shown(at, "mealplan.items") == 0 and shown(at, "mealplan.picked") == 0
    at.selectbox(key="mealplan__d0m0").set_value("Tacos").run()
    at.selectbox(key="mealplan__d2m0").set_value("Burgers").run()
    at.selectbox(key="mealplan__d4m0").set_value("Tacos").run()
    grocery = shown(at, "mealplan.grocery")
    assert grocery[:5] == [
        "tortillas 16 pcs",
        "ground beef 1500 g",
        "lettuce 3 head",
        "tomato 6 pcs",
        "cheddar cheese 400 g",
    ]
    assert grocery[5:] == ["burger buns 4 pcs"] and shown(at, "mealplan.picked") == 3
    at.checkbox(key="mealplan__got1").check().run()
    assert shown(at, "mealplan.got") == 1 and at.checkbox(key="mealplan__got1").value is True
    at.selectbox(key="mealplan__d2m0").set_value(None).run()  # Burgers gone: the ticked beef stays ticked
    assert "burger buns 4 pcs" not in shown(at, "mealplan.grocery") and shown(at, "mealplan.got") == 1
    import components  # the bundle's own, as the app runs it

    lines = [{"name": "ground beef", "amount": 1000.0, "unit": "g"}, {"name": "salt", "amount": 0, "unit": ""}]
    assert components.mealplan_csv(lines).splitlines() == ["Ingredient,Amount,Unit", "ground beef,1000,g", "salt,,"]
    assert components.mealplan_plain(lines) == "[ ] ground beef 1000 g\n[ ] salt\n"
    again = AppTest.from_file(str(bundle / "app.py"), default_timeout=30).run()  # a new visit: the week is kept
    assert again.session_state["_out"]["mealplan.picked"] == 2
    assert again.selectbox(key="mealplan__d4m0").value == "Tacos"
    again.button(key="mealplan__clear").click().run()
    assert again.session_state["_out"]["mealplan.picked"] == 0
    assert again.session_state["_out"]["mealplan.items"] == 0
    assert again.selectbox(key="mealplan__d0m0").value is None


def test_own_dish_in_traditional_chinese(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("幫我排一週三餐的菜單，有紅燒肉和番茄炒蛋，自動列出要買的食材", tmp_path, monkeypatch)
    assert at.selectbox(key="mealplan__d6m2").label == "晚餐"
    assert shown(at, "mealplan.dishes")[:2] == ["紅燒肉", "番茄炒蛋"]
    at.text_input(key="mealplan__dish_name").set_value("蔥油拌麵").run()
    at.text_area(key="mealplan__dish_ingredients").set_value("麵條 200克\n蔥：2 根\n醬油 1.5 勺\n鹽").run()
    at.button(key="mealplan__dish_add").click().run()
    assert shown(at, "mealplan.dishes")[-1] == "蔥油拌麵"
    at.selectbox(key="mealplan__d0m1").set_value("蔥油拌麵").run()
    at.selectbox(key="mealplan__d1m2").set_value("番茄炒蛋").run()
    assert shown(at, "mealplan.grocery") == ["麵條 200 克", "蔥 3 根", "醬油 1.5 勺", "鹽", "番茄 3 個", "雞蛋 4 個"]
    texts = " ".join(str(m.value) for m in at.markdown) + " ".join(str(c.value) for c in at.caption)
    assert "購物清單" in " ".join(str(h.value) for h in at.subheader) and "已安排 2 / 21 餐" in texts


@pytest.mark.parametrize(
    "idea",
    [
        "一周带饭计划",
        "Plan breakfast, lunch and dinner for the weekend and total up what to buy",
        "每週晚餐菜單規劃，算出需要買什麼",
    ],
)
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
