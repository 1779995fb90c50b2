"""Key paths of Photosynthesis Quiz: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_all_right(at: AppTest) -> None:
    """I answer every question right and score full marks."""
    at.radio(key="quiz__q0").set_value("Glucose and oxygen").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q1").set_value("Chlorophyll").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q2").set_value("Chloroplast").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q3").set_value("Carbon dioxide").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q4").set_value("Water").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q5").set_value("They reflect green light").run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "quiz.score"), 6)
    assert same(out(at, "quiz.total"), 6)
    assert same(out(at, "quiz.passed"), True)
    assert same(out(at, "quiz.missed"), [])


def test_one_wrong(at: AppTest) -> None:
    """One wrong answer costs one point and is listed with its right answer."""
    at.radio(key="quiz__q0").set_value("Protein and water").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q1").set_value("Chlorophyll").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q2").set_value("Chloroplast").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q3").set_value("Carbon dioxide").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q4").set_value("Water").run()
    assert not at.exception, at.exception
    at.radio(key="quiz__q5").set_value("They reflect green light").run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "quiz.score"), 5)
    assert same(out(at, "quiz.finished"), True)
    assert same(out(at, "quiz.missed"), ["Glucose and oxygen"])


def test_retry(at: AppTest) -> None:
    """After checking, Retry clears the answers."""
    at.radio(key="quiz__q0").set_value("Glucose and oxygen").run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    at.button(key="quiz__retry").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "quiz.finished"), False)
    assert same(out(at, "quiz.answered"), 0)
