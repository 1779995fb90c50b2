"""``make bench`` and ``make eval`` in their small (CI) size, so neither rots: the reports are
written with every section and sane values. Nothing here asserts on how fast anything was."""

from __future__ import annotations

import json
import os
import struct
from pathlib import Path

import pytest
from sample_specs import water_tracker
from scripted_server import TEST_KEY, ScriptedServer, ok

from bench import eval as bench_eval
from bench import run as bench_run
from bench.ideas import load_ideas
from bench.shots import available
from flashapps.events import STAGES
from generator.stages import split

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ideas-dev.jsonl"
needs_dev = pytest.mark.skipif(not DEV.is_file(), reason="the dev ideas live in ../shared/eval")
needs_chromium = pytest.mark.skipif(bool(available()), reason=f"screenshots need {available()}")


def _sane(row: dict[str, float]) -> None:
    assert row["n"] >= 1 and 0 < row["min"] <= row["median"] <= row["p95"] <= row["max"], row


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.slow
@needs_dev
def test_small_bench_writes_every_section(tmp_path: Path) -> None:
    assert bench_run.main(["--small", "--out", str(tmp_path)]) == 0
    results = json.loads((tmp_path / "latest.json").read_text())
    assert results["small"] is True and results["machine"]["cpu_count"] >= 1
    _sane(results["generation"]["idea_to_bundle_ms"])
    assert list(results["gallery"]) == ["1000"] and results["gallery"]["1000"]["search_p50_ms"] > 0
    verify = results["verify"]
    _sane(verify["bare_pytest_s"])
    assert any("total" in verify[name] for name in ("docker", "bubblewrap", "local"))
    published = results["published"]
    assert published["failed"] == [] and published["published"] == published["ideas"] * published["repeat"]
    for key in ("first_stage_s", "verify_s", "publish_s", "total_s"):
        _sane(published[key])
    assert published["first_stage_s"]["median"] < published["total_s"]["median"]
    assert published["ratio_to_bare_pytest"] > 0
    levels = results["throughput"]["levels"]
    assert list(levels) == ["1", "2"] and levels["1"]["ratio_to_1"] == 1.0
    assert all(row["verified"] == results["throughput"]["batch"] and row["apps_per_min"] > 0 for row in levels.values())
    model = results["model"]
    assert 0 < model["first_visible_stage_s"] < model["total_to_verified_s"] <= model["total_to_published_s"]
    assert model["ratio_published_to_model_s"] >= 1
    runner = results["runner"]
    if "unavailable" not in runner:
        _sane(runner["cold_start_s"])
        assert runner["memory"]["apps"] == 2 and runner["memory"]["total_mb"] > runner["memory"]["studio_mb"] > 0
    text = (tmp_path / "latest.md").read_text()
    for heading in ("Verify a typical bundle", "Idea → published app", "Throughput", "Gallery on SQLite", "Model path"):
        assert heading in text


@pytest.mark.slow
@needs_dev
@needs_chromium
def test_small_eval_reports_and_photographs_five_ideas(tmp_path: Path) -> None:
    ideas = load_ideas(DEV)
    chosen = [i.id for i in ideas[:: max(1, len(ideas) // 4)][:4]] + ["seed-diet-zh"]
    assert bench_eval.main(["--ideas", str(DEV), "--only", *chosen, "--out", str(tmp_path)]) == 0
    report = json.loads((tmp_path / "eval-offline.json").read_text())
    totals, rows = report["totals"], report["rows"]
    assert totals["ideas"] == 5 and {r["id"] for r in rows} == set(chosen)
    assert totals["verified"] == 5 and totals["share_verified"] == 1.0 and totals["shots_taken"] == 5
    assert 0 < totals["time_s_p50"] <= totals["time_s_p95"]
    zh = next(r for r in rows if r["id"] == "seed-diet-zh")
    assert zh["language"].startswith("zh")
    markdown = (tmp_path / "eval-offline.md").read_text()
    for row in rows:
        assert row["pattern"] and row["components"] and row["key_paths"] >= 1 and row["tests"] >= 1
        shot = tmp_path / row["shot"]
        width, height = _png_size(shot)
        assert 300 <= width <= 800 and height >= 600
        assert f"]({row['shot']})" in markdown and f"| {row['id']} |" in markdown


@pytest.mark.slow
@needs_chromium
def test_eval_with_a_model_and_the_judge(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ideas = tmp_path / "ideas.jsonl"
    criteria = ["User can log how much water they drank", "User can export to PDF"]
    ideas.write_text(json.dumps({"id": "water", "idea": "track my daily water", "acceptance": criteria}) + "\n")
    with ScriptedServer() as server:
        parts = split(water_tracker())
        verdicts = {"verdicts": [{"criterion": 1, "met": True, "reason": "a form logs amounts"},
                                 {"criterion": 2, "met": False, "reason": "no PDF export"}]}  # fmt: skip
        server.script(*(ok(parts[stage]) for stage in STAGES), ok(verdicts))
        for name, value in {"BASE_URL": server.url, "API_KEY": TEST_KEY, "MODEL": "m", "MAX_RETRIES": "0"}.items():
            monkeypatch.setenv(f"FLASHAPPS_LLM_{name}", value)
        code = bench_eval.main(["--ideas", str(ideas), "--provider", "openai", "--judge", "--out", str(tmp_path)])
        judge_body = server.bodies[-1]
    assert code == 0
    row = json.loads((tmp_path / "eval-openai.json").read_text())["rows"][0]
    assert row["verified"] and row["pattern"] == "model" and row["tokens"] > 0 and row["model_calls"] == 6
    assert "drink(amount" in row["summary"] and "screens: Log" in row["summary"]
    assert [j["met"] for j in row["judged"]] == [True, False]
    assert any(part.get("type") == "image_url" for part in judge_body["messages"][-1]["content"])
    markdown = (tmp_path / "eval-openai.md").read_text()
    assert "1/2 acceptance criteria met" in markdown and "no PDF export" in markdown
    assert TEST_KEY not in markdown and os.environ.get("FLASHAPPS_LLM_API_KEY") == TEST_KEY
