"""Key paths of Water Tracker: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import APP, out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_records_survive_a_restart(at: AppTest) -> None:
    value = 300
    at.number_input(key="add__amount").set_value(value)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    expected = 300
    assert same(out(at, "today.value"), expected)
    expected = 1
    assert same(out(at, "list.rows"), expected)
    expected = 1
    assert same(out(at, "add.saved"), expected)
    restarted = AppTest.from_file(APP, default_timeout=30).run()
    assert not restarted.exception
    assert out(restarted, "today.value") == out(at, "today.value")


def test_log_a_glass(at: AppTest) -> None:
    """I log a 250 ml glass and see today's total grow."""
    value = 300
    at.number_input(key="add__amount").set_value(value)
    at.form_submit_button(key="add__submit").click().run()
    assert not at.exception, at.exception
    expected = 300
    assert same(out(at, "today.value"), expected)
    expected = 1
    assert same(out(at, "list.rows"), expected)
    expected = 1
    assert same(out(at, "add.saved"), expected)


def test_convert(at: AppTest) -> None:
    """I convert 2 cups to ml."""
    value = 2
    at.number_input(key="conv__value").set_value(value).run()
    assert not at.exception, at.exception
    value = "cup"
    at.selectbox(key="conv__from").set_value(value).run()
    assert not at.exception, at.exception
    value = "ml"
    at.selectbox(key="conv__to").set_value(value).run()
    assert not at.exception, at.exception
    expected = 480
    assert same(float(out(at, "conv.result")), float(expected))


def test_need(at: AppTest) -> None:
    """I see my need"""
    value = 70
    at.number_input(key="calc__weight").set_value(value).run()
    assert not at.exception, at.exception
    expected = 2450
    assert same(out(at, "calc.daily_need"), expected)
