"""An expectation's value must suit its comparison: a spec whose test could never pass is refused
at validation (and its stage asked again), not rendered into a test that fails whatever the app does."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from flashapps.spec import Expect


@pytest.mark.parametrize(
    ("op", "value"),
    [("in", None), ("in", 3), ("approx", "x"), ("approx", None), ("gt", None), ("lte", [1]), ("contains", None),
     ("len_eq", None), ("len_eq", -1), ("len_eq", 1.5), ("len_eq", True)],
)  # fmt: skip
def test_a_value_that_cannot_be_compared_is_refused(op: str, value: object) -> None:
    with pytest.raises(ValidationError, match=f"op '{op}'"):
        Expect.model_validate({"output": "form.saved", "op": op, "value": value})


@pytest.mark.parametrize(
    ("op", "value"),
    [("in", ["playing", "won"]), ("in", "abc"), ("approx", 2.5), ("gt", 0), ("gte", "2024-01-01"),
     ("contains", "x"), ("len_eq", 0), ("eq", None), ("ne", None), ("truthy", None), ("truthy", False)],
)  # fmt: skip
def test_values_that_suit_the_comparison_are_kept(op: str, value: object) -> None:
    assert Expect.model_validate({"output": "form.saved", "op": op, "value": value}).value == value
