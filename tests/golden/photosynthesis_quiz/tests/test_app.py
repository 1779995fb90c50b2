"""Key paths of Photosynthesis Quiz: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_all_right(at: AppTest) -> None:
    """I answer every question right and score full marks."""
    value = "Glucose and oxygen"
    at.radio(key="quiz__q0").set_value(value).run()
    assert not at.exception, at.exception
    value = "Chlorophyll"
    at.radio(key="quiz__q1").set_value(value).run()
    assert not at.exception, at.exception
    value = "Chloroplast"
    at.radio(key="quiz__q2").set_value(value).run()
    assert not at.exception, at.exception
    value = "Carbon dioxide"
    at.radio(key="quiz__q3").set_value(value).run()
    assert not at.exception, at.exception
    value = "Water"
    at.radio(key="quiz__q4").set_value(value).run()
    assert not at.exception, at.exception
    value = "They reflect green light"
    at.radio(key="quiz__q5").set_value(value).run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    expected = 6
    assert same(out(at, "quiz.score"), expected)
    expected = 6
    assert same(out(at, "quiz.total"), expected)
    expected = True
    assert same(out(at, "quiz.passed"), expected)


def test_one_wrong(at: AppTest) -> None:
    """One wrong answer costs one point and the score says so."""
    value = "Protein and water"
    at.radio(key="quiz__q0").set_value(value).run()
    assert not at.exception, at.exception
    value = "Chlorophyll"
    at.radio(key="quiz__q1").set_value(value).run()
    assert not at.exception, at.exception
    value = "Chloroplast"
    at.radio(key="quiz__q2").set_value(value).run()
    assert not at.exception, at.exception
    value = "Carbon dioxide"
    at.radio(key="quiz__q3").set_value(value).run()
    assert not at.exception, at.exception
    value = "Water"
    at.radio(key="quiz__q4").set_value(value).run()
    assert not at.exception, at.exception
    value = "They reflect green light"
    at.radio(key="quiz__q5").set_value(value).run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    expected = 5
    assert same(out(at, "quiz.score"), expected)
    expected = True
    assert same(out(at, "quiz.finished"), expected)


def test_retry(at: AppTest) -> None:
    """After checking, Retry clears the answers."""
    value = "Glucose and oxygen"
    at.radio(key="quiz__q0").set_value(value).run()
    assert not at.exception, at.exception
    at.button(key="quiz__submit").click().run()
    assert not at.exception, at.exception
    at.button(key="quiz__retry").click().run()
    assert not at.exception, at.exception
    expected = False
    assert same(out(at, "quiz.finished"), expected)
    expected = 0
    assert same(out(at, "quiz.answered"), expected)
