"""Every calculator's logic functions really compute their example cases, in every language, and their
source imports nothing by accident."""

from __future__ import annotations

import ast
import collections
import datetime
import itertools
import json
import math
import random
import re
import statistics
import string
import subprocess
import sys
from pathlib import Path

import pytest

from flashapps.spec import LogicFunction
from generator.planner import plan
from generator.planner.lang import Tr
from generator.planner.patterns.calc_misc import GENERAL
from generator.planner.patterns.calculator import CALCS
from sandbox.ruff import ruff_check_args

_MODULES = {m.__name__: m for m in (collections, datetime, itertools, json, math, random, re, statistics, string)}
_RENDER_MODULES = ("math", "statistics", "re", "datetime", "random", "string", "itertools", "collections", "json")


def _compile(function: LogicFunction):  # type: ignore[no-untyped-def]
    source = f"def {function.name}({', '.join(p.name for p in function.params)}):\n"
    source += "\n".join(f"    {line}" for line in function.body.splitlines())
    namespace: dict = dict(_MODULES)
    exec(compile(source, function.name, "exec"), namespace)
    return namespace[function.name], source


def _same(actual: object, expected: object) -> bool:
    if isinstance(expected, float) or (isinstance(actual, float) and isinstance(expected, int)):
        return isinstance(actual, int | float) and math.isclose(actual, expected, rel_tol=1e-6, abs_tol=1e-9)
    return actual == expected


@pytest.mark.parametrize("language", ["en", "zh-Hans", "zh-Hant"])
@pytest.mark.parametrize("calc", [*CALCS, GENERAL], ids=lambda c: c.name)
def test_examples_hold(calc, language: str) -> None:  # type: ignore[no-untyped-def]
    parts = calc.make(Tr(language))
    assert parts.logic and parts.paths
    for function in parts.logic:
        run, source = _compile(function)
        for example in function.examples:
            got = run(**example.args)
            assert _same(got, example.expected), (
                f"{function.name}(**{example.args}) = {got!r}, not {example.expected!r}"
            )
        used = {
            n.value.id
            for n in ast.walk(ast.parse(source))
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name)
        }
        mentioned = {m for m in _RENDER_MODULES if f"{m}." in function.body}
        assert mentioned <= used, f"{function.name} mentions {mentioned - used} (the renderer would import it unused)"


def test_invalid_input_raises_a_readable_value_error() -> None:
    for calc in (*CALCS, GENERAL):
        parts = calc.make(Tr("en"))
        errors = [p for p in parts.paths if any(e.output == "calc.error" for e in p.expect)]
        assert errors, f"{calc.name} has no invalid-input path"


def test_expression_calculator_follows_precedence_and_refuses_junk() -> None:
    run, _ = _compile(GENERAL.make(Tr("en")).logic[0])
    assert run("2 + 3 * 4") == 14
    assert run("2 ^ 3 ^ 2") == 512
    assert run("(1 + 2) * -3") == -9
    assert run("50%") == 0.5
    for junk in ("1 / 0", "2 +", "import os", "__class__", "(1", "sqrt 4"):
        with pytest.raises((ValueError, ArithmeticError)):
            run(junk)


def test_diet_functions_use_the_food_table() -> None:
    spec = plan("a calorie counter for my meals").spec
    kcal = next(f for f in spec.logic if f.name == "kcal")
    run, _ = _compile(kcal)
    assert run("Rice (1 bowl)", 2) == 390
    with pytest.raises(ValueError, match="Servings"):
        run("Rice (1 bowl)", 0)
    with pytest.raises(ValueError, match="food"):
        run("Unicorn steak", 1)


@pytest.mark.parametrize("language", ["en", "zh-Hans"])
def test_logic_bodies_pass_the_bundle_lint(language: str, tmp_path: Path) -> None:
    """Each calculator's bodies as one module, imported as the renderer does, linted with the sandbox's settings."""
    for calc in (*CALCS, GENERAL):
        functions = []
        for function in calc.make(Tr(language)).logic:
            signature = ", ".join(f"{p.name}: {p.type}" for p in function.params)
            body = "\n".join(f"    {line}" if line else "" for line in function.body.splitlines())
            functions.append(f'def {function.name}({signature}) -> {function.returns}:\n    """Doc."""\n{body}\n')
        imports = [f"import {m}" for m in _RENDER_MODULES if any(f"{m}." in f for f in functions)]
        source = '"""Logic."""\n\n' + "\n".join(imports) + "\n\n\n" + "\n\n".join(functions)
        (tmp_path / f"logic_{calc.name}.py").write_text(source, encoding="utf-8")
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run(
        [str(ruff), *ruff_check_args(), "."], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
