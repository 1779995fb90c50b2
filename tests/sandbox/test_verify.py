"""verify() against the real engines: good bundles pass; broken ones are reports, not raises."""

from __future__ import annotations

from pathlib import Path

from sample_specs import water_tracker

from generator.render import render
from sandbox.backends.base import Backend
from sandbox.verify import verify


def test_a_good_bundle_passes_with_per_test_results(backend: Backend, tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    report = verify(bundle.path, backend=backend)
    assert report.passed, report.model_dump_json(indent=1)
    assert report.backend == backend.name and report.isolated
    names = {t.name for t in report.tests}
    assert "test_app::test_log_a_glass" in names
    assert any(n.startswith("test_logic::test_daily_need") for n in names)
    assert all(t.duration_s >= 0 for t in report.tests)
    assert {"start", "ruff", "pytest", "total"} <= set(report.timings_s)


def test_a_failing_key_path_is_reported_with_its_output(docker_backend: Backend, tmp_path: Path) -> None:
    spec = water_tracker()
    spec.key_paths[0].expect[0].value = 999  # the app shows 300
    bundle = render(spec, tmp_path / "water")
    report = verify(bundle.path, backend=docker_backend)
    assert not report.passed
    failed = report.failed_tests
    assert sorted(t.name for t in failed) == ["test_app::test_log_a_glass", "test_app::test_records_survive_a_restart"]
    glass = next(t for t in failed if t.name.endswith("glass"))
    assert "999" in glass.output and len(glass.output) <= 1600


def test_ruff_runs_with_our_settings_and_ignores_noqa(docker_backend: Backend, tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    logic = bundle.path / "logic.py"
    logic.write_text(logic.read_text() + "\n\nimport math  # noqa\n")
    report = verify(bundle.path, backend=docker_backend)
    assert not report.passed
    assert any(f.tool == "ruff" and f.code in ("E402", "F401") for f in report.findings)


def test_a_policy_failure_runs_nothing(docker_backend: Backend, tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    (bundle.path / "logic.py").write_text("import os\n\nos.system('touch /tmp/pwned')\n")
    report = verify(bundle.path, backend=docker_backend)
    assert not report.passed
    assert {f.code for f in report.findings} == {"P100"}
    assert report.tests == [] and "nothing of the bundle was run" in report.note


def test_an_endless_loop_in_a_test_is_killed_from_outside(docker_backend: Backend, tmp_path: Path) -> None:
    from sandbox.limits import Limits

    bundle = render(water_tracker(), tmp_path / "water")
    logic = bundle.path / "logic.py"
    logic.write_text(logic.read_text().replace("return weight * 35", "while True:\n        pass"))
    report = verify(bundle.path, backend=docker_backend, limits=Limits(timeout_s=15))
    assert not report.passed and report.timed_out
