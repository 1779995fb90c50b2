"""A form with ``once_per`` refuses a second record with the same values (one vote per name, ignoring case),
says so in the app's language, and still saves a record with other values."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from generator.planner import plan
from generator.render import render

_MODULES = ("components", "games", "logic", "storage")


@pytest.fixture(
    params=[
        "Class vote for the trip: options are zoo, museum or beach; each kid votes once.",
        "班级春游投票，选项有动物园、博物馆、海边，每人只能投一票",
    ]
)
def app(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[AppTest]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in _MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    spec = plan(request.param).spec
    bundle = render(spec, tmp_path / "bundle")
    monkeypatch.syspath_prepend(str(bundle.path))
    at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    yield at
    for name in _MODULES:
        sys.modules.pop(name, None)


def _vote(at: AppTest, voter: str, option: int) -> None:
    box = at.selectbox(key="add__choice")
    box.set_value(box.options[option])
    at.text_input(key="add__voter").set_value(voter)
    at.button(key="add__submit").click().run()
    assert not at.exception, at.exception


def test_one_vote_per_name(app: AppTest) -> None:
    _vote(app, "Mia", 0)
    assert app.session_state["_out"]["votes.value"] == 1
    _vote(app, " mia ", 1)
    assert app.session_state["_out"]["votes.value"] == 1
    assert any("mia" in e.value for e in app.error)
    _vote(app, "Leo", 1)
    assert app.session_state["_out"]["votes.value"] == 2
