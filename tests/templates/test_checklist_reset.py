"""A checklist's reset button unticks every item and keeps the items added in the app."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from generator.planner import plan
from generator.render import render

_MODULES = ("components", "games", "logic", "storage")


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[AppTest]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in _MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    spec = plan("Hiking packing list with categories clothes and food, and a reset button").spec
    bundle = render(spec, tmp_path / "bundle")
    monkeypatch.syspath_prepend(str(bundle.path))
    at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    yield at
    for name in _MODULES:
        sys.modules.pop(name, None)


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def test_reset_unticks_every_item_and_keeps_added_ones(app: AppTest) -> None:
    total = _out(app, "sec0.total")
    app.text_input(key="sec0__new").set_value("Gloves")
    app.button(key="sec0__add").click().run()
    assert _out(app, "sec0.total") == total + 1  # type: ignore[operator]
    app.checkbox(key="sec0__item0").check().run()
    app.checkbox(key="sec0__item1").check().run()
    assert _out(app, "sec0.done") == 2
    app.checkbox(key="sec1__item0").check().run()
    app.button(key="sec0__reset").click().run()
    assert _out(app, "sec0.done") == 0
    assert _out(app, "sec0.total") == total + 1  # type: ignore[operator]
    assert _out(app, "sec1.done") == 1  # the other category keeps its ticks
    assert not app.checkbox(key="sec0__item0").value
