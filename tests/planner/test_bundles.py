"""A representative idea per pattern renders to a bundle that lints clean and passes its own tests."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import ruff_problems, run_bundle_tests

from flashapps.bundle import AppBundle
from flashapps.spec import AppSpec
from generator.planner import plan

IDEAS = {
    "tracker": "an app to track my daily water intake, 2 litres a day",
    "daily_log": "An app where users input hours of sleep, stress levels, caffeine/alcohol intake, then get a daily wellness score",
    "diet": "幫我設計一個日常監督飲食攝入的應用",
    "calculator": "BMI calculator",
    "expression": "帮我做一个计算器",
    "converter": "convert km to miles",
    "quiz": "a quiz on photosynthesis for my class",
    "flashcards": "帮我做一个背单词的小游戏",
    "timer": "a pomodoro timer",
    "picker": "pick between pizza, sushi and tacos",
    "todo": "kanban board with columns Backlog, Doing and Shipped",
    "budget": "personal expense tracker with income and a budget",
    "habit": "習慣打卡",
    "scoreboard": "count beers with plus and minus buttons",
    "leaderboard": "scoreboard for Red, Blue and Green teams",
    "poll": "a poll to vote between Tokyo, Paris and Rome",
    "game": "tic tac toe",
    "notes": "a notes app with tags and search",
    "inventory": "pantry inventory with expiry dates",
    "events": "a birthday countdown and event calendar",
    "collection": "my book library with authors and reading status",
    "website": "a landing page for my coffee shop",
}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(IDEAS))
def test_planned_bundle_lints_and_passes_its_tests(name: str, build: Callable[[AppSpec], AppBundle]) -> None:
    spec = plan(IDEAS[name]).spec
    bundle = build(spec)
    assert ruff_problems(Path(bundle.path)) == []
    done = run_bundle_tests(Path(bundle.path))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
