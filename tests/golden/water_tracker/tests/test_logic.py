"""Example cases of every logic function, as the spec states them."""

import pytest

import logic
from tests.helpers import same


@pytest.mark.parametrize(
    ("args", "expected"),
    [[{"weight": 60}, 2100], [{"weight": 80.5}, 2817.5]],
)
def test_daily_need(args: dict, expected: object) -> None:
    result = logic.daily_need(**args)
    assert same(result, expected), f"{args} gave {result!r}"
