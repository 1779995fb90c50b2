"""Every idea of the shared dev set plans, offline, to a valid, deterministic, substantial app."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flashapps.spec import AppSpec
from generator.planner import plan
from generator.planner.lang import Tr
from generator.planner.patterns import by_name

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ideas-dev.jsonl"
ROWS = (
    [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()] if DEV.is_file() else []
)
_SUBSTANTIAL = {
    "form",
    "table",
    "metric",
    "chart",
    "filter",
    "calculator",
    "converter",
    "timer",
    "quiz",
    "flashcards",
    "checklist",
    "picker",
    "counter",
    "game",
    "csv",
    "texttool",
    "datafile",
    *("bracket", "giftdraw", "costsplit", "seating", "pairrate", "housepoints"),
}


def _text(row: dict) -> str:
    return (row.get("idea") or "").strip() or row["details"]


def substantial(spec: AppSpec) -> int:
    """Components that do something (text counts when it says something real)."""
    return sum(1 for c in spec.components() if c.kind in _SUBSTANTIAL or (c.kind == "text" and len(c.body) >= 60))


def test_the_dev_set_is_there() -> None:
    assert len(ROWS) >= 100


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_dev_idea_plans_to_a_substantial_app(row: dict) -> None:
    first = plan(_text(row))
    again = plan(_text(row))
    assert first.model_dump_json() == again.model_dump_json(), "planning is not deterministic"
    spec = AppSpec.from_json(first.spec.to_json())
    assert substantial(spec) >= 2, spec.kinds()
    assert spec.key_paths and all(p.expect for p in spec.key_paths)
    pattern = by_name(first.pattern)
    assert Tr(first.language)(pattern.label_en, pattern.label_zh) in first.reason, first.reason
    assert first.reason.count("\n") == 0 and len(first.reason) < 300
    assert first.pattern not in first.alternatives


def test_long_details_plan_too() -> None:
    """The first paragraph (as the eval harness sends it) and the whole text both plan."""
    for row in ROWS:
        if row.get("details"):
            paragraph = " ".join(row["details"].strip().split("\n\n")[0].split())[:600]
            assert plan(paragraph).spec.screens
            assert plan(row["details"]).spec.screens


def test_seed_diet_idea() -> None:
    result = plan("幫我設計一個日常監督飲食攝入的應用")
    spec = result.spec
    assert result.language == "zh-Hant" and spec.brief.language == "zh-Hant"
    assert result.pattern == "diet"
    fields = {f.name: f for f in spec.entity_map()["meal"].fields}
    assert fields["meal"].type == "choice" and "早餐" in fields["meal"].options
    assert fields["food"].type == "choice" and "米飯（1碗）" in fields["food"].options
    calculator = next(c for c in spec.components() if c.kind == "calculator")
    assert {i.name for i in calculator.inputs} == {"meal", "food", "servings"}
    assert {r.function for r in calculator.results} == {"kcal", "protein", "carbs", "fat"}
    assert calculator.history, "each meal's nutrition is recorded as it is chosen"
    assert {m.name for m in spec.brief.metrics} >= {"today_kcal", "meals_today"}
    assert "飲食" in result.reason
