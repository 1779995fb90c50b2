"""The capacity model (README, "Scaling"): its arithmetic from given costs, and a small real measurement so
the figures it is fed cannot rot. Nothing asserts on how fast anything was."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import capacity

DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "ideas-dev.jsonl"

COSTS = {
    "generation": {"ideas": 1, "cpu_s": 0.2, "cpu_s_max": 0.5},
    "verify": {"bundles": 1, "cpu_s": 4.0, "wall_s": 5.0, "peak_mb": 200.0},
    "app": {"apps": 1, "start_cpu_s": 0.6, "idle_cpu_s_per_min": 0.25, "visit_cpu_s": 0.5, "rss_mb": 150.0},
}


def test_arrivals_and_running_apps_follow_the_launch() -> None:
    plan = capacity.model(COSTS, apps=3_300_000, days=14, peak=10, idle_s=600, used_min=3)
    assert plan["apps_per_min"] == pytest.approx(3_300_000 / 14 / 1440, abs=0.1)
    assert plan["peak_apps_per_min"] == pytest.approx(10 * plan["apps_per_min"], abs=0.1)
    # every app opened at the peak stays running for its use plus the idle limit
    assert plan["running_apps_at_peak"] == pytest.approx(plan["peak_apps_per_min"] / 60 * 780, rel=0.01)


def test_hosts_scale_with_each_cost_and_the_largest_pool_is_hit_first() -> None:
    plan = capacity.model(COSTS)
    heavier = capacity.model({**COSTS, "verify": {**COSTS["verify"], "cpu_s": 40.0}})
    workers = "workers (generate + verify), by CPU"
    memory = "sandbox hosts (running apps), by memory"
    assert heavier["hosts"][workers] > 5 * plan["hosts"][workers]
    assert plan["hit_first"] == max(plan["hosts"], key=lambda name: plan["hosts"][name])
    assert heavier["hit_first"] == workers
    shorter = capacity.model(COSTS, idle_s=120)
    assert shorter["hosts"][memory] < plan["hosts"][memory]
    assert plan["memory_hosts_if_idle_120s"] == shorter["hosts"][memory]
    double = capacity.model(COSTS, peak=20)
    assert double["running_apps_at_peak"] == pytest.approx(2 * plan["running_apps_at_peak"], rel=0.01)


@pytest.mark.slow
@pytest.mark.skipif(not DEV.is_file(), reason="the dev ideas live in ../shared/eval")
def test_small_capacity_run_measures_every_cost(tmp_path: Path) -> None:
    assert capacity.main(["--small", "--ideas", str(DEV), "--out", str(tmp_path)]) == 0
    result = json.loads((tmp_path / "capacity.json").read_text(encoding="utf-8"))
    measured = result["measured"]
    assert measured["generation"]["cpu_s"] > 0
    assert measured["verify"]["cpu_s"] > 0.5, "the checks' own processes must be counted, not only the parent's"
    assert measured["verify"]["peak_mb"] > 20
    assert measured["app"]["start_cpu_s"] > 0 and measured["app"]["visit_cpu_s"] > 0
    assert measured["app"]["rss_mb"] > 20
    text = (tmp_path / "capacity.md").read_text(encoding="utf-8")
    assert "Hit first" in text and str(result["model"]["running_apps_at_peak"]) in text.replace(",", "")
