"""A bundle made from an idea and opened in Streamlit's AppTest, as the component tests drive it: the planner's
spec rendered into a folder, the bundle's own modules imported fresh, the first run without an exception."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from generator.planner import plan
from generator.render import render

__all__ = ["open_app", "shown"]

BUNDLE_MODULES = ("components", "storage", "logic", "games")


def open_app(idea: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, timeout: float = 30) -> tuple[Path, AppTest]:
    """(the bundle's folder, its app after the first run) for ``idea``."""
    bundle = render(plan(idea).spec, tmp_path / "app").path
    monkeypatch.syspath_prepend(str(bundle))
    for module in BUNDLE_MODULES:  # another test's bundle of the same names
        monkeypatch.delitem(sys.modules, module, raising=False)
    at = AppTest.from_file(str(bundle / "app.py"), default_timeout=timeout).run()
    assert not at.exception, at.exception
    return bundle, at


def shown(at: AppTest, name: str) -> Any:
    """What a component put out under ``name`` on the last run (its ``_out`` entry: the key itself, or the one
    key that ends with ``.name``)."""
    assert not at.exception, at.exception
    out = at.session_state["_out"]
    if name in out:
        return out[name]
    found = [key for key in out if key.endswith(f".{name}")]
    assert len(found) == 1, (name, sorted(out))
    return out[found[0]]
