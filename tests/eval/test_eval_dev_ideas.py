"""Every idea of the dev set becomes, offline, an app whose own tests pass in the sandbox.

The ideas were written by other people; nothing in the planner knows them by their wording.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.eval import evaluate, main
from bench.ideas import load_ideas

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ideas-dev.jsonl"
IDEAS = load_ideas(DEV) if DEV.is_file() else []


@pytest.mark.slow
@pytest.mark.parametrize("idea", IDEAS, ids=[i.id for i in IDEAS])
def test_dev_idea_becomes_a_verified_app(idea, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    row = evaluate(idea, "offline", tmp_path)
    assert row.error == ""
    assert len(row.components) >= 2 and row.key_paths >= 1
    assert row.verified, "\n".join(row.failed)


def test_the_dev_set_is_there() -> None:
    assert len(IDEAS) >= 100


def test_make_eval_writes_a_report_for_any_jsonl(tmp_path: Path) -> None:
    ideas = tmp_path / "ideas.jsonl"
    rows = [{"id": "a", "idea": "an app to track my daily water intake"}, {"id": "b", "idea": "BMI 计算器", "extra": 1}]
    ideas.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    assert main(["--ideas", str(ideas), "--out", str(tmp_path / "out"), "--jobs", "1", "--no-shots"]) == 0
    report = json.loads((tmp_path / "out" / "eval-offline.json").read_text())
    assert report["totals"]["ideas"] == 2
    assert {r["id"] for r in report["rows"]} == {"a", "b"}
    assert all(r["verified"] for r in report["rows"]), report["rows"]
    assert "| a |" in (tmp_path / "out" / "eval-offline.md").read_text()
