"""Rendering a spec gives a bundle that is ruff-clean and passes its own tests."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from sample_specs import water_tracker
from support import ruff_problems, run_bundle_tests

from flashapps.spec import AppSpec
from generator.render import render


def test_bundle_has_the_files_design_promises(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    for name in ("app.py", "logic.py", "storage.py", "spec.json", "requirements.txt", "README.md"):
        assert (bundle.path / name).is_file(), name
    assert (bundle.path / "tests" / "test_app.py").is_file()
    assert (bundle.path / "tests" / "test_logic.py").is_file()
    assert bundle.spec == water_tracker()
    assert "streamlit==" in (bundle.path / "requirements.txt").read_text()


def test_bundle_is_ruff_clean_as_rendered(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    assert ruff_problems(bundle.path) == []


def test_render_refuses_to_overwrite_and_leaves_nothing_half_written(tmp_path: Path) -> None:
    target = tmp_path / "app"
    render(water_tracker(), target)
    with pytest.raises(FileExistsError):
        render(water_tracker(), target)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app"]


def test_spec_text_cannot_break_out_of_python_source(tmp_path: Path) -> None:
    spec = water_tracker()
    data = spec.model_dump(mode="json")
    hostile = '"""; import os; os.system("echo pwned") #\\'
    data["brief"]["title"] = hostile[:80]
    data["brief"]["value"] = "'\"\n{{ 7*7 }}{% raw %}" + hostile
    data["entities"][0]["fields"][0]["label"] = hostile[:80]
    bundle = render(AppSpec.model_validate(data), tmp_path / "hostile")
    for name in ("app.py", "components.py", "logic.py", "tests/test_app.py"):
        tree = ast.parse((bundle.path / name).read_text())
        imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
        assert "os" not in imported, name
        calls = [n.func.attr for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute)]
        assert "system" not in calls, name
    app_tree = ast.parse((bundle.path / "app.py").read_text())
    constants = [n.value for n in ast.walk(app_tree) if isinstance(n, ast.Constant)]
    assert hostile[:80] in constants  # the title arrives as data, intact
    assert "49" not in (bundle.path / "README.md").read_text()
    assert ruff_problems(bundle.path) == []


@pytest.mark.slow
def test_rendered_bundle_passes_its_own_tests(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def test_long_example_cases_wrap_as_ruff_format_would(tmp_path: Path) -> None:
    data = water_tracker().model_dump(mode="json")
    data["logic"][0]["examples"] = [{"args": {"weight": 50 + n}, "expected": (50 + n) * 35} for n in range(10)]
    bundle = render(AppSpec.model_validate(data), tmp_path / "water")
    assert ruff_problems(bundle.path) == []
    assert (bundle.path / "tests" / "test_logic.py").read_text().count("{'weight'") + 0 == 0  # double quotes only
