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
    expected = "back"
    assert same(out(at, "cards.side"), expected)
    expected = 16
    assert same(out(at, "cards.total"), expected)


def test_sort(at: AppTest) -> None:
    """我把一张标为认识，一张标为还不熟。"""
    at.button(key="cards__known").click().run()
    assert not at.exception, at.exception
    at.button(key="cards__unknown").click().run()
    assert not at.exception, at.exception
    expected = 1
    assert same(out(at, "cards.known"), expected)
    expected = 1
    assert same(out(at, "cards.unknown"), expected)
    expected = 14
    assert same(out(at, "cards.remaining"), expected)
    expected = 2
    assert same(out(at, "cards.index"), expected)


def test_self_test(at: AppTest) -> None:
    """我选对每个意思，通过自我测验。"""
    value = "丰富的；大量的"
    at.radio(key="test__q0").set_value(value).run()
    assert not at.exception, at.exception
    value = "好处；益处"
    at.radio(key="test__q1").set_value(value).run()
    assert not at.exception, at.exception
    value = "好奇的"
    at.radio(key="test__q2").set_value(value).run()
    assert not at.exception, at.exception
    value = "决定；查明"
    at.radio(key="test__q3").set_value(value).run()
    assert not at.exception, at.exception
    value = "高效的"
    at.radio(key="test__q4").set_value(value).run()
    assert not at.exception, at.exception
    value = "灵活的；可弯曲的"
    at.radio(key="test__q5").set_value(value).run()
    assert not at.exception, at.exception
    value = "慷慨的；大方的"
    at.radio(key="test__q6").set_value(value).run()
    assert not at.exception, at.exception
    value = "习惯"
    at.radio(key="test__q7").set_value(value).run()
    assert not at.exception, at.exception
    at.button(key="test__submit").click().run()
    assert not at.exception, at.exception
    expected = 8
    assert same(out(at, "test.score"), expected)
    expected = True
    assert same(out(at, "test.passed"), expected)
