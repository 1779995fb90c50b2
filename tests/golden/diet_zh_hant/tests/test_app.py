"""Key paths of 飲食營養日記: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import APP, out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_records_survive_a_restart(at: AppTest) -> None:
    at.selectbox(key="add__meal").set_value("午餐")
    at.selectbox(key="add__food").set_value("雞胸肉（100克）")
    at.number_input(key="add__kcal").set_value(165)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "today_kcal.value"), 165)
    assert same(out(at, "meals_today.value"), 1)
    assert same(out(at, "log.rows"), 1)
    restarted = AppTest.from_file(APP, default_timeout=30).run()
    assert not restarted.exception
    assert same(out(restarted, "today_kcal.value"), out(at, "today_kcal.value"))


def test_see_nutrition(at: AppTest) -> None:
    """我選一種食物、兩份，馬上看到營養成分。"""
    at.selectbox(key="nutri__meal").set_value("早餐").run()
    assert not at.exception, at.exception
    at.selectbox(key="nutri__food").set_value("雞胸肉（100克）").run()
    assert not at.exception, at.exception
    at.number_input(key="nutri__servings").set_value(2).run()
    assert not at.exception, at.exception
    assert same(float(out(at, "nutri.kcal")), 330.0)
    assert same(float(out(at, "nutri.protein")), 62.0)
    assert same(float(out(at, "nutri.carbs")), 0.0)
    assert same(float(out(at, "nutri.fat")), 7.2)


def test_zero_servings_refused(at: AppTest) -> None:
    """份數為 0 時給出清楚的提示。"""
    at.number_input(key="nutri__servings").set_value(0).run()
    assert not at.exception, at.exception
    assert out(at, "nutri.error")


def test_log_a_meal(at: AppTest) -> None:
    """我記下午餐，今日熱量和餐數隨之更新。"""
    at.selectbox(key="add__meal").set_value("午餐")
    at.selectbox(key="add__food").set_value("雞胸肉（100克）")
    at.number_input(key="add__kcal").set_value(165)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "today_kcal.value"), 165)
    assert same(out(at, "meals_today.value"), 1)
    assert same(out(at, "log.rows"), 1)
