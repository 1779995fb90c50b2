"""Helpers the app's tests share."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def out(app: AppTest, name: str) -> object:
    """A value the app showed (components publish what they draw for the tests to read)."""
    shown = app.session_state["_out"]
    assert name in shown, f"the app did not show {name!r}; it showed {sorted(shown)}"
    return shown[name]


def same(actual: object, expected: object) -> bool:
    """Equality that lets floats differ in their last digits."""
    if isinstance(expected, float) or (isinstance(actual, float) and isinstance(expected, int)):
        return isinstance(actual, int | float) and actual == pytest.approx(expected, rel=1e-6, abs=1e-9)
    if isinstance(expected, list) and isinstance(actual, list | tuple):
        return len(actual) == len(expected) and all(same(a, e) for a, e in zip(actual, expected, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict):
        return actual.keys() == expected.keys() and all(same(actual[k], v) for k, v in expected.items())
    return actual == expected
