"""The catalogue: every pattern the offline planner can build, most specific first (ties go to the earlier)."""

from generator.planner.patterns import (
    booking,
    budget,
    calc_grades,
    calculator,
    collection,
    compute,
    converter,
    diet,
    drills,
    events,
    flashcards,
    game,
    habit,
    inventory,
    mealplan,
    notes,
    picker,
    pictures,
    pinyin,
    poll,
    quiz,
    records_submit,
    roster,
    rules,
    scoreboard,
    texttools,
    timer,
    todo,
    tracker,
    signup,
    website,
    zhuyin,
)
from generator.planner.patterns import bracket, costsplit, giftdraw, housepoints, pairrate, seating
from generator.planner.patterns.base import Pattern

__all__ = ["CATALOGUE", "FALLBACK", "by_name"]

CATALOGUE: tuple[Pattern, ...] = (
    rules.PATTERN,
    compute.PATTERN,
    bracket.PATTERN,
    giftdraw.PATTERN,
    costsplit.PATTERN,
    seating.PATTERN,
    pairrate.PATTERN,
    housepoints.PATTERN,
    mealplan.PATTERN,
    diet.PATTERN,
    texttools.PATTERN,
    calc_grades.PATTERN,
    calculator.PATTERN,
    converter.PATTERN,
    pictures.PATTERN,
    drills.PATTERN,
    signup.PATTERN,
    zhuyin.PATTERN,
    pinyin.PATTERN,
    quiz.PATTERN,
    flashcards.PATTERN,
    timer.PATTERN,
    booking.PATTERN,
    game.PATTERN,
    picker.PATTERN,
    poll.PATTERN,
    records_submit.PATTERN,
    roster.PATTERN,
    habit.PATTERN,
    budget.PATTERN,
    inventory.PATTERN,
    events.PATTERN,
    todo.PATTERN,
    scoreboard.PATTERN,
    website.PATTERN,
    notes.PATTERN,
    collection.PATTERN,
    tracker.PATTERN,
)
FALLBACK: Pattern = collection.PATTERN
"""Built when no pattern fits: a collection named after the idea's own subject."""


def by_name(name: str) -> Pattern:
    """The catalogue entry called ``name``."""
    return next(p for p in CATALOGUE if p.name == name)
