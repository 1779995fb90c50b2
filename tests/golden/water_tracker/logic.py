"""Logic of Water Tracker: pure functions, each with example cases in tests/test_logic.py."""


def daily_need(weight: float) -> float:
    """Water a person needs per day."""
    if weight <= 0:
        raise ValueError("Weight must be above zero.")
    return weight * 35
