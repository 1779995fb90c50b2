"""Rendering a spec gives a bundle that a teacher can read, that is ruff-clean (with the sandbox's
settings and with ruff's defaults) and that passes its own tests."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sample_specs import water_tracker
from strategies import default_ruff_problems
from streamlit.testing.v1 import AppTest
from support import ROOT, ruff_problems, run_bundle_tests

from flashapps.spec import AppSpec, LeftOut
from generator.render import render

LEFT_OUT = [
    LeftOut(part="Reminders on my phone", reason="An app here cannot send notifications."),
    LeftOut(part="Sync with my watch", reason="Apps run without a network."),
]


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
    assert default_ruff_problems(bundle.path) == []


def test_app_py_is_the_screens_in_order_calling_components_by_id(tmp_path: Path) -> None:
    spec = water_tracker()
    source = (render(spec, tmp_path / "water").path / "app.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert [f.name for f in functions] == [f"{screen.name}_screen" for screen in spec.screens]
    for function, screen in zip(functions, spec.screens, strict=True):
        calls = [node.value for node in function.body if isinstance(node, ast.Expr)]
        assert [ast.literal_eval(call.args[1]) for call in calls] == [c.id for c in screen.components]  # type: ignore[attr-defined]
    data = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert not data & {"Millilitres", "amount", "Daily need"}  # definitions stay in spec.json
    assert len(source.splitlines()) < 60
    docstring = ast.get_docstring(tree) or ""
    assert 'flashapps edit <this folder> "' in docstring
    for name in ("spec.json", "app.py", "logic.py", "components.py", "storage.py"):
        assert f"    {name} " in docstring, name


def test_components_py_carries_only_what_the_app_uses(tmp_path: Path) -> None:
    source = (render(water_tracker(), tmp_path / "water").path / "components.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
    assert {"form", "metric", "filter_records", "chart", "table", "csv_file", "converter", "calculator"} <= functions
    assert not functions & {"quiz", "timer", "counter", "picker", "canvas_game", "not_included"}
    strings = next(
        ast.literal_eval(node.value)
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "STRINGS"
    )
    assert {"save", "period_last7", "export_csv", "swap", "fill_inputs"} <= set(strings)
    assert not [key for key in strings if key.startswith(("quiz_", "timer_", "game_", "cards_", "readme_"))]
    assert "import random" not in source and "import json" not in source


def test_what_cannot_be_built_is_listed_in_the_readme_and_on_the_first_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    spec = water_tracker()
    spec.brief.left_out = LEFT_OUT
    bundle = render(spec, tmp_path / "water")
    readme = (bundle.path / "README.md").read_text(encoding="utf-8")
    assert "## Not included\n\n- **Reminders on my phone**: An app here cannot send notifications\\.\n" in readme
    assert "## How to change it" in readme and 'flashapps edit <this folder> "' in readme
    app = (bundle.path / "app.py").read_text(encoding="utf-8")
    assert "def log_screen() -> None:\n    ui.not_included(app)\n" in app
    at = _app_test(bundle.path, monkeypatch)
    assert at.session_state["_out"]["app.left_out"] == 2
    shown = " ".join(str(m.value) for m in at.markdown)
    assert "Not included in this app:" in shown and "Sync with my watch" in shown
    plain = render(water_tracker(), tmp_path / "plain")
    assert "Not included" not in (plain.path / "README.md").read_text(encoding="utf-8")


def test_the_notes_follow_the_apps_language(tmp_path: Path) -> None:
    spec = water_tracker()
    spec.brief.language = "zh-Hant"
    spec.brief.left_out = [LeftOut(part="手錶同步", reason="這裡的應用不能連網。")]
    bundle = render(spec, tmp_path / "water")
    readme = (bundle.path / "README.md").read_text(encoding="utf-8")
    assert "## 未包含\n\n- **手錶同步**: 這裡的應用不能連網。\n" in readme
    assert "## 如何修改" in readme
    assert "如何修改：" in (bundle.path / "app.py").read_text(encoding="utf-8")
    assert default_ruff_problems(bundle.path) == []


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
    data["brief"]["left_out"] = [{"part": hostile[:80], "reason": hostile}]
    data["screens"][0]["title"] = hostile[:80]
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
    assert f"💧 {hostile[:80]}" in constants  # the screen's title arrives as data, intact
    assert "49" not in (bundle.path / "README.md").read_text()
    assert ruff_problems(bundle.path) == []
    assert default_ruff_problems(bundle.path) == []


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
    assert default_ruff_problems(bundle.path) == []
    assert (bundle.path / "tests" / "test_logic.py").read_text().count("{'weight'") + 0 == 0  # double quotes only


def test_logic_a_model_wrote_is_laid_out_for_both_line_lengths(tmp_path: Path) -> None:
    data = water_tracker().model_dump(mode="json")
    data["logic"][0]["params"] = [{"name": f"weight_in_kilograms_{n}", "type": "float"} for n in range(3)]
    data["logic"][0]["examples"] = [{"args": {f"weight_in_kilograms_{n}": 60 for n in range(3)}, "expected": 2100}]
    data["logic"][0]["body"] = (
        "total = weight_in_kilograms_0 + weight_in_kilograms_1 + weight_in_kilograms_2 + 0.0\n"
        "values = [weight_in_kilograms_0, weight_in_kilograms_1, weight_in_kilograms_2, total]\n"
        'text = "kg".lower().replace("k", "k").replace("g", "g").strip().upper().lower().strip()\n'
        "return max(values) / 3 * 35 if text else 0.0"
    )
    data["screens"][2]["components"][1]["inputs"] = [
        {"name": f"weight_in_kilograms_{n}", "label": "Weight"} for n in range(3)
    ]
    data["key_paths"][2]["steps"] = [{"action": "set", "key": "calc__weight_in_kilograms_0", "value": 60}]
    data["key_paths"][2]["expect"] = [{"output": "calc.daily_need", "value": 2100}]
    bundle = render(AppSpec.model_validate(data), tmp_path / "water")
    assert ruff_problems(bundle.path) == []
    assert default_ruff_problems(bundle.path) == []


def test_every_component_template_can_be_written_out_for_linting(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "generator.render", "--every-component", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    source = (tmp_path / "components.py").read_text(encoding="utf-8")
    for function in ("form", "quiz", "timer", "guess_number", "tic_tac_toe", "canvas_game", "csv_file"):
        assert f"\ndef {function}(app: App, cid: str" in source, function
    assert ruff_problems(tmp_path) == []
    assert default_ruff_problems(tmp_path) == []


def _app_test(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(bundle / "data"))
    monkeypatch.syspath_prepend(str(bundle))
    at = AppTest.from_file(str(bundle / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    return at


@pytest.fixture(autouse=True)
def _forget_bundle_modules() -> Iterator[None]:
    """A bundle's modules imported by AppTest must not leak into the next test."""
    yield
    for name in ("components", "games", "logic", "storage"):
        sys.modules.pop(name, None)
