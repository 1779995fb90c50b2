"""Duty rosters and rotations: N a day from the list in turn, weekdays only when asked, names the sentence
gives kept; the roster function itself takes turns fairly."""

from __future__ import annotations

import datetime

import pytest

from flashapps.spec import CalculatorComponent
from generator.planner import plan


def _inputs(idea: str) -> dict[str, object]:
    result = plan(idea)
    assert result.pattern == "roster", result.pattern
    calc = next(c for c in result.spec.components() if isinstance(c, CalculatorComponent))
    return {i.name: i.default for i in calc.inputs}


@pytest.mark.parametrize(
    ("idea", "per_day", "weekdays"),
    [
        ("Cleaning rota for my classroom: 4 students on duty each school day, no weekends.", 4, True),
        ("图书角值日安排：每天3个人轮流，周末不排", 3, True),
        ("廚房輪值表，每天兩人輪流", 2, False),
    ],
)
def test_a_roster_reads_people_a_day_and_weekdays(idea: str, per_day: int, weekdays: bool) -> None:
    inputs = _inputs(idea)
    assert inputs["per_day"] == per_day
    assert inputs["weekdays_only"] is weekdays


def test_names_the_sentence_gives_are_the_list() -> None:
    inputs = _inputs("Dish duty rotation for Tom, Ada, Raj and Lin, one a day.")
    assert inputs["names"] == "Tom, Ada, Raj, Lin"
    assert inputs["per_day"] == 1


def _roster(idea: str):
    logic = plan(idea).spec.logic[0]
    params = ", ".join(p.name for p in logic.params)
    body = "\n".join("    " + line for line in logic.body.splitlines())
    scope: dict[str, object] = {"datetime": datetime}
    exec(f"def roster({params}):\n{body}", scope)  # the planner's own function body, as the bundle runs it
    return scope["roster"]


def test_turns_are_fair_and_skip_weekends() -> None:
    roster = _roster("Cleaning rota for my classroom: 2 students on duty each school day, no weekends.")
    text = roster(names="A, B, C", per_day=2, start="2025-09-05", days=3, weekdays_only=True)
    assert text.splitlines() == ["Fri 2025-09-05: A, B", "Mon 2025-09-08: C, A", "Tue 2025-09-09: B, C"]
    weekend = roster(names="A\nB", per_day=1, start="2025-09-06", days=2, weekdays_only=False)
    assert weekend.splitlines() == ["Sat 2025-09-06: A", "Sun 2025-09-07: B"]
    with pytest.raises(ValueError):
        roster(names="A, B", per_day=3, start="2025-09-05", days=3, weekdays_only=True)
