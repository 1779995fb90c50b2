"""Property-based: any valid AppSpec, across the whole vocabulary, renders to a bundle that
is ruff-clean as rendered (with the sandbox's settings and with ruff's defaults), carries only
the code its app.py calls, and passes its own tests."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import app_specs, default_ruff_problems
from support import ruff_problems, run_bundle_tests

from flashapps.policy import check_bundle
from flashapps.spec import AppSpec
from generator.render import render

_SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}


@settings(max_examples=40, **_SETTINGS)
@given(spec=app_specs())
def test_any_spec_renders_to_ruff_clean_python(spec: AppSpec) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundle = render(spec, Path(folder) / "app")
        for name in bundle.files:
            if name.endswith(".py"):
                ast.parse((bundle.path / name).read_text(encoding="utf-8"), filename=name)
        assert ruff_problems(bundle.path) == []
        assert default_ruff_problems(bundle.path) == []
        assert check_bundle(bundle.path) == []  # the sandbox policy accepts what templates write
        assert _unused(bundle.path) == set()
        assert AppSpec.from_json((bundle.path / "spec.json").read_text(encoding="utf-8")) == spec


def _unused(bundle: Path) -> set[str]:
    """Top-level names of components.py that neither app.py nor the rest of components.py use."""
    app = ast.parse((bundle / "app.py").read_text(encoding="utf-8"))
    called = {n.attr for n in ast.walk(app) if isinstance(n, ast.Attribute)}
    tree = ast.parse((bundle / "components.py").read_text(encoding="utf-8"))
    unused = set()
    for node in tree.body:
        names = {getattr(node, "name", "")} | {t.id for t in getattr(node, "targets", []) if isinstance(t, ast.Name)}
        others = [n for n in tree.body if n is not node]
        read = {n.id for other in others for n in ast.walk(other) if isinstance(n, ast.Name)}
        unused |= {name for name in names if name and name not in read | called}
    return unused - {"STRINGS"}


@pytest.mark.slow
@settings(max_examples=8, **_SETTINGS)
@given(spec=app_specs())
def test_any_spec_renders_to_a_bundle_whose_tests_pass(spec: AppSpec) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundle = render(spec, Path(folder) / "app")
        done = run_bundle_tests(bundle.path)
        assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
