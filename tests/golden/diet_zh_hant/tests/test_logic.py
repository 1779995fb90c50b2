"""Example cases of every logic function, as the spec states them."""

import pytest

import logic
from tests.helpers import same


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        [{"food": "米飯（1碗）", "servings": 1}, 195.0],
        [{"food": "雞胸肉（100克）", "servings": 2}, 330.0],
    ],
)
def test_kcal(args: dict, expected: object) -> None:
    result = logic.kcal(**args)
    assert same(result, expected), f"{args} gave {result!r}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        [{"food": "米飯（1碗）", "servings": 1}, 4.0],
        [{"food": "雞胸肉（100克）", "servings": 2}, 62.0],
    ],
)
def test_protein(args: dict, expected: object) -> None:
    result = logic.protein(**args)
    assert same(result, expected), f"{args} gave {result!r}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        [{"food": "米飯（1碗）", "servings": 1}, 43.0],
        [{"food": "雞胸肉（100克）", "servings": 2}, 0.0],
    ],
)
def test_carbs(args: dict, expected: object) -> None:
    result = logic.carbs(**args)
    assert same(result, expected), f"{args} gave {result!r}"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        [{"food": "米飯（1碗）", "servings": 1}, 0.4],
        [{"food": "雞胸肉（100克）", "servings": 2}, 7.2],
    ],
)
def test_fat(args: dict, expected: object) -> None:
    result = logic.fat(**args)
    assert same(result, expected), f"{args} gave {result!r}"
