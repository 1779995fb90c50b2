"""Key paths of Water Tracker: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import APP, out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_records_survive_a_restart(at: AppTest) -> None:
    at.number_input(key="add__amount").set_value(300)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "today.value"), 300)
    assert same(out(at, "list.rows"), 1)
    assert same(out(at, "add.saved"), 1)
    restarted = AppTest.from_file(APP, default_timeout=30).run()
    assert not restarted.exception
    assert same(out(restarted, "today.value"), out(at, "today.value"))


def test_log_a_glass(at: AppTest) -> None:
    """I log a 250 ml glass and see today's total grow."""
    at.number_input(key="add__amount").set_value(300)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "today.value"), 300)
    assert same(out(at, "list.rows"), 1)
    assert same(out(at, "add.saved"), 1)


def test_convert(at: AppTest) -> None:
    """I convert 2 cups to ml."""
    at.number_input(key="conv__value").set_value(2).run()
    assert not at.exception, at.exception
    at.selectbox(key="conv__from").set_value("cup").run()
    assert not at.exception, at.exception
    at.selectbox(key="conv__to").set_value("ml").run()
    assert not at.exception, at.exception
    assert same(float(out(at, "conv.result")), 480.0)


def test_need(at: AppTest) -> None:
    """I see my need"""
    at.number_input(key="calc__weight").set_value(70).run()
    assert not at.exception, at.exception
    assert same(out(at, "calc.daily_need"), 2450)
