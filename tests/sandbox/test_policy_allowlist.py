"""The policy's allow-lists hold by construction, and everything our templates and planner write stays inside them.

- No allow-listed entry is a module, and no module is reachable from one through public attributes:
  the check imports each entry and walks what it holds (the lists cannot rot into an escape).
- Every bundle we render passes: every component, every interactive spec (all canvas games), every
  calculator's logic in English, simplified and traditional Chinese, and apps planned from varied ideas.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from sample_specs import water_tracker

from flashapps.policy import ALLOWED_FILES, check_bundle, check_source
from flashapps.policy_api import DENIED_ATTRIBUTE_PREFIXES, DENIED_ATTRIBUTES, MODULE_API
from flashapps.spec import COMPONENT_KINDS, AppSpec
from generator.providers.openai_text import policy_findings
from generator.render import components_source, render
from generator.stages import LogicOut

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "templates"))
from specs_interactive import SPECS

_LOGIC_MODULES = sorted(ALLOWED_FILES["logic.py"])
_TEMPLATE_MODULES = sorted(set(MODULE_API) - set(_LOGIC_MODULES))


def _entry(module: str, entry: str) -> Any:
    value: Any = importlib.import_module(module)
    for part in entry.split("."):
        value = getattr(value, part)
    return value


def _public(value: Any) -> list[str]:
    """The attribute names policy-passing code may read on ``value``."""
    try:
        names = dir(value)
    except Exception:
        return []
    return [
        n
        for n in names
        if not n.startswith("_") and n not in DENIED_ATTRIBUTES and not n.startswith(DENIED_ATTRIBUTE_PREFIXES)
    ]


def _modules_reachable(module: str, depth: int) -> list[str]:
    """Paths from the module's entries, ``depth`` public attributes deep at most, that reach a module."""
    found, seen = [], set()
    frontier = []
    for entry in sorted(MODULE_API[module]):
        try:
            frontier.append((f"{module}.{entry}", _entry(module, entry)))
        except AttributeError:  # an entry of another Python or library version
            continue
    for _ in range(depth + 1):
        following = []
        for path, value in frontier:
            if isinstance(value, types.ModuleType):
                found.append(path)
                continue
            if id(value) in seen:
                continue
            seen.add(id(value))
            for name in _public(value):
                try:
                    following.append((f"{path}.{name}", getattr(value, name)))
                except Exception:
                    continue
        frontier = following
    return found


@pytest.mark.parametrize("module", sorted(MODULE_API))
def test_every_entry_is_a_value_never_a_module(module: str) -> None:
    present = 0
    for entry in sorted(MODULE_API[module]):
        assert not entry.startswith("_") and "__" not in entry, entry
        try:
            value = _entry(module, entry)
        except AttributeError:
            continue
        present += 1
        assert not isinstance(value, types.ModuleType), f"{module}.{entry} is a module"
    assert present >= max(1, len(MODULE_API[module]) * 2 // 3), f"most of {module}'s entries exist here"


@pytest.mark.parametrize("module", _LOGIC_MODULES)
def test_no_module_is_reachable_from_what_logic_may_touch(module: str) -> None:
    assert _modules_reachable(module, depth=3) == []


@pytest.mark.parametrize("module", _TEMPLATE_MODULES)
def test_no_module_is_reachable_from_what_templates_may_touch(module: str) -> None:
    assert _modules_reachable(module, depth=2) == []


def test_the_walk_would_find_a_module_if_an_entry_led_to_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # the walk itself can fail: an entry that is a module, or one a class attribute away from one
    monkeypatch.setitem(MODULE_API, "json", MODULE_API["json"] | {"codecs"})
    assert _modules_reachable("json", depth=0) == ["json.codecs"]
    holder = types.SimpleNamespace(inner=types.SimpleNamespace(os=importlib.import_module("os")))
    monkeypatch.setattr(importlib.import_module("fractions"), "Holder", holder, raising=False)
    monkeypatch.setitem(MODULE_API, "fractions", MODULE_API["fractions"] | {"Holder"})
    assert _modules_reachable("fractions", depth=2) == ["fractions.Holder.inner.os"]


def test_every_component_passes_the_policy() -> None:
    source = components_source(list(COMPONENT_KINDS), None, "en", "every component", set())
    assert check_source(source, "components.py", ALLOWED_FILES["components.py"]) == []


@pytest.mark.parametrize("language", ["en", "zh-Hans", "zh-Hant"])
def test_every_calculators_logic_passes_the_policy(language: str) -> None:
    from generator.planner.lang import Tr
    from generator.planner.patterns.calculator import CALCS

    t = Tr(language)  # type: ignore[arg-type]
    problems = {calc.name: policy_findings(LogicOut(logic=calc.make(t).logic)) for calc in CALCS}
    assert {name: found for name, found in problems.items() if found} == {}
    assert sum(len(calc.make(t).logic) for calc in CALCS) > 50  # the bodies were really checked


@pytest.mark.parametrize("name", sorted(SPECS))
def test_every_interactive_spec_renders_to_a_bundle_that_passes(name: str, tmp_path: Path) -> None:
    bundle = render(SPECS[name](), tmp_path / name)
    assert check_bundle(bundle.path) == []


IDEAS = [
    "an app to track my daily water",
    "a snake game for my kids with apples",
    "帮我做一个背单词的小游戏",
    "幫我設計一個日常監督飲食攝入的應用",
    "a quiz on the solar system for my class",
    "a booking system for our two tennis courts",
    "預約美髮沙龍的網站，可以選髮型師",
    "a simple CRM: customers and their support tickets",
    "图书馆借书登记系统：会员和借阅记录",
    "a website for my bakery with the menu and opening hours",
    "tetris with cats",
    "a pomodoro timer",
    "a mortgage calculator",
    "把摄氏度转换成华氏度",
    "pick a random student from my class list",
    "a seat map for our school play, rows A to F",
    "a kanban board for my job applications",
    "五子棋",
    "flashcards for spanish verbs",
    "a meeting room booking app, 30 minute slots",
]


@pytest.mark.parametrize("idea", IDEAS)
def test_planned_apps_pass_the_policy(idea: str, tmp_path: Path) -> None:
    from generator.planner import plan

    spec = plan(idea).spec
    assert isinstance(spec, AppSpec)
    assert check_bundle(render(spec, tmp_path / "app").path) == []


def test_a_bundle_module_never_offers_what_it_imports(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    app = bundle.path / "app.py"
    # storage.py imports os and json: neither is something it offers the app
    app.write_text(app.read_text() + "\nimport storage\n\nstorage.os.system('id')\nstorage.json.dumps(1)\n")
    assert [(f.file, f.code) for f in check_bundle(bundle.path)] == [("app.py", "P210")] * 2


def test_a_logic_file_that_fails_the_policy_is_reported_for_what_it_does(tmp_path: Path) -> None:
    bundle = render(water_tracker(), tmp_path / "water")
    (bundle.path / "logic.py").write_text("import os\n\nos.system('touch /tmp/pwned')\n")
    assert {(f.file, f.code) for f in check_bundle(bundle.path)} == {("logic.py", "P100")}
