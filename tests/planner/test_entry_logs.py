"""Logs whose fields a sentence lists: a name for each entry and its numbers, typed by what they name, and the
summary per named thing the sentence asks for, in English, simplified and traditional Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import ruff_problems, run_bundle_tests

from flashapps.bundle import AppBundle
from flashapps.spec import AppSpec, ChartComponent
from generator.planner import plan


def _types(spec: AppSpec) -> dict[str, str]:
    (entity,) = spec.entities
    return {f.label: f.type for f in entity.fields}


def _per_thing(spec: AppSpec) -> ChartComponent:
    charts = [c for c in spec.components() if isinstance(c, ChartComponent) and c.group_by == "category"]
    assert charts, f"no chart per named thing in {spec.kinds()}"
    return charts[0]


def test_a_workout_log_names_the_exercise_and_shows_the_best_weight_per_exercise() -> None:
    spec = plan("workout log: exercise, sets, reps, weight (kg). I want my heaviest weight per exercise").spec
    assert spec.brief.category == "tracker"
    assert _types(spec) == {"Exercise": "text", "Sets": "int", "Reps": "int", "Weight": "float", "Date": "date"}
    chart = _per_thing(spec)
    (entity,) = spec.entities
    assert (entity.field(chart.x).label, entity.field(chart.y).label, chart.agg) == ("Exercise", "Weight", "max")


def test_a_listening_log_sums_minutes_per_album_each_week() -> None:
    spec = plan("Music practice journal - piece name, minutes practiced, tempo, how well it went. Weekly total").spec
    types = _types(spec)
    assert types["Piece name"] == "text" and types["Minutes practiced"] == "int"
    assert types["How well it went"] == "rating"
    headline = next(m for m in spec.brief.metrics if m.name == "headline")
    assert (headline.agg, headline.period) == ("sum", "week")


def test_a_chinese_log_keeps_its_script_and_types_its_fields() -> None:
    simplified = plan("钓鱼记录：地点、鱼的种类、重量（公斤）、日期，统计每个地点一共钓了多少").spec
    assert simplified.brief.language == "zh-Hans" and simplified.brief.title == "钓鱼记录"
    assert _types(simplified) == {"地点": "text", "鱼的种类": "text", "重量": "float", "日期": "date"}
    assert _per_thing(simplified).agg == "sum"
    traditional = plan("騎車日誌：路線、距離（公里）、用時（分鐘），顯示每條路線的最遠距離").spec
    assert traditional.brief.language == "zh-Hant" and "日誌" in traditional.brief.title
    assert _types(traditional)["路線"] == "text" and _types(traditional)["距離"] == "float"
    assert _per_thing(traditional).agg == "max"


def test_a_page_one_has_reached_is_never_added_up() -> None:
    spec = plan("读书记录：书名、总页数、今天读到第几页、感想").spec
    chart = _per_thing(spec)
    (entity,) = spec.entities
    assert entity.field(chart.y).label == "今天读到第几页" and chart.agg == "max"


@pytest.mark.parametrize(
    "idea",
    [
        "an app to track my daily water intake",  # a subject the lexicon knows keeps its own tracker
        "log sleep hours, mood and stress every day",  # numbers only: the daily check-in
        "a reading log for my 3rd grader",  # no fields listed
    ],
)
def test_sentences_that_list_no_named_thing_are_not_entry_logs(idea: str) -> None:
    spec = plan(idea).spec
    assert not any(e.name == "entry" for e in spec.entities), spec.kinds()


def test_graders_are_an_audience_not_grades() -> None:
    spec = plan("Reading log for my 2nd grader: book title, minutes read, parent initials").spec
    assert spec.brief.category == "tracker"
    assert _types(spec)["Book title"] == "text" and _types(spec)["Parent initials"] == "text"


@pytest.mark.parametrize(
    "idea",
    [
        "gym log - exercise, sets, reps, weight. show my best lift per exercise",
        "钓鱼記錄：地點、魚的種類、重量（公斤）",
    ],
)
def test_an_entry_log_bundle_lints_and_passes_its_own_tests(idea: str, build: Callable[[AppSpec], AppBundle]) -> None:
    bundle = build(plan(idea).spec)
    assert ruff_problems(Path(bundle.path)) == []
    done = run_bundle_tests(Path(bundle.path))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
