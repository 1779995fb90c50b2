"""Helpers the app's tests share."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")


def out(app: AppTest, name: str) -> object:
    """A value the app showed (components publish what they draw, for the tests)."""
    shown = app.session_state["_out"]
    assert name in shown, f"the app did not show {name!r}; it showed {sorted(shown)}"
    return shown[name]


def same(actual: object, expected: object) -> bool:
    """Equality that lets floats differ in their last digits."""
    loose = isinstance(actual, float) and isinstance(expected, int)
    if isinstance(expected, float) or loose:
        close = pytest.approx(expected, rel=1e-6, abs=1e-9)
        return isinstance(actual, int | float) and actual == close
    if isinstance(expected, list) and isinstance(actual, list | tuple):
        if len(actual) != len(expected):
            return False
        return all(same(a, e) for a, e in zip(actual, expected, strict=True))
    if isinstance(expected, dict) and isinstance(actual, dict):
        if actual.keys() != expected.keys():
            return False
        return all(same(actual[k], v) for k, v in expected.items())
    return actual == expected
