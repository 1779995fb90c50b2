"""Apps made from the teacher's content work end to end: a spelling test is typed and marked, missed words are
listed with their spelling; a group maker deals every name into one group."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from generator.planner import plan
from generator.render import render

BUNDLE_MODULES = ("components", "games", "logic", "storage")


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[object]:
    """Renders an idea's app and opens it in AppTest (its modules forgotten afterwards)."""
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)

    def _open(idea: str) -> AppTest:
        bundle = render(plan(idea).spec, tmp_path / "bundle")
        monkeypatch.syspath_prepend(str(bundle.path))
        at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
        assert not at.exception, at.exception
        return at

    yield _open
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def _text(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown) + "\n".join(str(w.proto) for w in at.text_input)


def test_a_spelling_test_marks_typed_words_and_lists_the_missed_ones(app: object) -> None:
    at = app("spelling quiz for Friday with these words: island, knight, necessary")  # type: ignore[operator]
    assert len(at.radio) == 0 and len(at.text_input) == 3
    prompts = _text(at)
    assert "i _ l _ n _" in prompts or "i s _ _ n d" in prompts or "_" in prompts
    assert "island" not in prompts.split("3.")[0].lower().replace("spelling", "")
    at.text_input(key="quiz__q0").set_value(" ISLAND ").run()
    at.text_input(key="quiz__q1").set_value("night").run()
    at.text_input(key="quiz__q2").set_value("neccessary").run()
    at.button(key="quiz__submit").click().run()
    assert (_out(at, "quiz.score"), _out(at, "quiz.total")) == (1, 3)
    assert _out(at, "quiz.missed") == ["knight", "necessary"] and _out(at, "quiz.passed") is False
    shown = "\n".join(m.value for m in at.markdown)
    assert "To practise again:" in shown and "knight · necessary" in shown
    assert any("knight" in w.value for w in at.warning)  # the right spelling under the wrong answer
    at.button(key="quiz__retry").click().run()
    assert _out(at, "quiz.answered") == 0 and _out(at, "quiz.missed") == []


def test_a_chinese_dictation_in_traditional_script(app: object) -> None:
    at = app("生字聽寫：春天 - chūn tiān、森林 - sēn lín、雪花 - xuě huā")  # type: ignore[operator]
    assert len(at.text_input) == 3
    at.text_input(key="quiz__q0").set_value("春天").run()
    at.text_input(key="quiz__q1").set_value("森林").run()
    at.text_input(key="quiz__q2").set_value("雪花").run()
    at.button(key="quiz__submit").click().run()
    assert _out(at, "quiz.score") == 3 and _out(at, "quiz.passed") is True
    assert any("提交答案" in b.label for b in at.button)


def test_a_group_maker_puts_every_name_in_exactly_one_group(app: object) -> None:
    names = ["Ava", "Bo", "Cara", "Dev", "Emi", "Finn", "Gus"]
    at = app(f"split these kids into 3 teams: {', '.join(names)}")  # type: ignore[operator]
    at.button(key="pick__split").click().run()
    groups = _out(at, "pick.groups")
    assert len(groups) == 3 and sorted(n for g in groups for n in g) == sorted(names)
    assert sorted(len(g) for g in groups) == [2, 2, 3]
    assert any("Group 3" in m.value for m in at.markdown)
