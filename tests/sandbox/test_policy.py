"""The policy check: a bundle cannot carry files, imports or calls that our templates never write."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.policy import check_bundle, check_source
from generator.render import render


def _codes(source: str, file: str = "logic.py", allowed: frozenset[str] = frozenset({"math"})) -> list[str]:
    return [f.code for f in check_source(source, file, set(allowed))]


def test_a_rendered_bundle_passes_the_policy(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    assert check_bundle(bundle.path) == []


@pytest.mark.parametrize(
    ("source", "code"),
    [
        ("import os", "P100"),
        ("import subprocess", "P100"),
        ("from socket import socket", "P100"),
        ("import ctypes", "P100"),
        ("from . import logic", "P101"),
        ("x = eval('1')", "P300"),
        ("exec('x = 1')", "P300"),
        ("f = open('/etc/passwd')", "P300"),
        ("m = __import__('os')", "P300"),
        ("c = compile('1', 'x', 'eval')", "P300"),
        ("g = getattr(1, 'real')", "P300"),
        ("t = ().__class__.__bases__", "P200"),
        ("b = __builtins__", "P201"),
        ("s = 'x'.__class__", "P200"),
        ("def f():\n    global x", "P301"),
        ("def f(:", "P000"),
    ],
)
def test_forbidden_code_is_reported(source: str, code: str) -> None:
    assert code in _codes(source)


def test_text_that_merely_names_internals_is_data() -> None:
    # without getattr/eval/dunder access such a string cannot reach anything
    assert _codes("TITLE = '__import__ __subclasses__'") == []


def test_allowed_code_is_clean() -> None:
    source = "import math\n\n\ndef area(r: float) -> float:\n    return math.pi * r**2\n"
    assert _codes(source) == []


@pytest.mark.parametrize(
    "name",
    [
        "conftest.py",
        "pyproject.toml",
        "pytest.ini",
        "ruff.toml",
        "setup.cfg",
        "sitecustomize.py",
        "x.pth",
        "tests/conftest2.py",
        ".streamlit/secrets.toml",
    ],
)
def test_files_our_templates_never_render_are_rejected(tmp_path: Path, name: str) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    (bundle.path / name).parent.mkdir(parents=True, exist_ok=True)
    (bundle.path / name).write_text("[tool.ruff]\nselect = []\n")
    findings = check_bundle(bundle.path)
    assert [(f.file, f.code) for f in findings] == [(name, "P401")]


def test_a_symlink_to_a_host_file_is_rejected_and_not_followed(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    (bundle.path / "README.md.link").symlink_to("/etc/passwd")
    (bundle.path / "logic.py").unlink()
    (bundle.path / "logic.py").symlink_to("/etc/passwd")
    findings = check_bundle(bundle.path)
    assert {(f.file, f.code) for f in findings} == {("README.md.link", "P400"), ("logic.py", "P400")}


def test_the_data_folder_is_the_apps_own_business(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    (bundle.path / "data").mkdir()
    (bundle.path / "data" / "app.sqlite3").write_bytes(b"SQLite format 3\0")
    assert check_bundle(bundle.path) == []
