"""Property-based: any valid AppSpec, across the whole vocabulary, renders to a bundle that
is ruff-clean as rendered and passes its own tests."""

from __future__ import annotations

import ast
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import app_specs
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
        assert check_bundle(bundle.path) == []  # the sandbox policy accepts what templates write
        assert AppSpec.from_json((bundle.path / "spec.json").read_text(encoding="utf-8")) == spec


@pytest.mark.slow
@settings(max_examples=8, **_SETTINGS)
@given(spec=app_specs())
def test_any_spec_renders_to_a_bundle_whose_tests_pass(spec: AppSpec) -> None:
    with tempfile.TemporaryDirectory() as folder:
        bundle = render(spec, Path(folder) / "app")
        done = run_bundle_tests(bundle.path)
        assert done.returncode == 0, done.stdout[-5000:] + done.stderr[-2000:]
