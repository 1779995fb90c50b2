"""Key paths of 英语单词卡片: each test is a user story the app must support."""

from streamlit.testing.v1 import AppTest

from tests.helpers import out, same


def test_every_screen_draws_without_error(at: AppTest) -> None:
    assert not at.exception
    assert not at.error, [e.value for e in at.error]


def test_flip(at: AppTest) -> None:
    """我翻开第一张卡片，看到答案。"""
    at.button(key="cards__flip").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "cards.side"), "back")
    assert same(out(at, "cards.total"), 16)


def test_sort(at: AppTest) -> None:
    """我把一张标为认识，一张标为还不熟。"""
    at.button(key="cards__known").click().run()
    assert not at.exception, at.exception
    at.button(key="cards__unknown").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "cards.known"), 1)
    assert same(out(at, "cards.unknown"), 1)
    assert same(out(at, "cards.remaining"), 14)
    assert same(out(at, "cards.index"), 2)


def test_self_test(at: AppTest) -> None:
    """我选对每个意思，通过自我测验。"""
    at.radio(key="test__q0").set_value("丰富的；大量的").run()
    assert not at.exception, at.exception
    at.radio(key="test__q1").set_value("好处；益处").run()
    assert not at.exception, at.exception
    at.radio(key="test__q2").set_value("好奇的").run()
    assert not at.exception, at.exception
    at.radio(key="test__q3").set_value("决定；查明").run()
    assert not at.exception, at.exception
    at.radio(key="test__q4").set_value("高效的").run()
    assert not at.exception, at.exception
    at.radio(key="test__q5").set_value("灵活的；可弯曲的").run()
    assert not at.exception, at.exception
    at.radio(key="test__q6").set_value("慷慨的；大方的").run()
    assert not at.exception, at.exception
    at.radio(key="test__q7").set_value("习惯").run()
    assert not at.exception, at.exception
    at.button(key="test__submit").click().run()
    assert not at.exception, at.exception
    assert same(out(at, "test.score"), 8)
    assert same(out(at, "test.passed"), True)
