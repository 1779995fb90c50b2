"""Every generated text field has a length limit: the widgets carry ``max_chars`` and the bundle's storage cuts a
text past its limit when it is written and when it is read (issue 17: one 20 MB record crashed an app on every
later visit). Ideas are our own; the apps come from the offline planner."""

from __future__ import annotations

import ast
import importlib.util
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from streamlit.testing.v1 import AppTest

from generator.generate import generate
from generator.render import render

HUGE = "x" * (20 * 1024 * 1024)
BUNDLE_MODULES = ("components", "games", "logic", "storage")
IDEAS = ["a journal to write my daily notes and mood", "一个记录读书笔记和心得的日记本", "一個記錄每日心情和想法的日記"]


@pytest.fixture
def bundle_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


def _bundle(idea: str, folder: Path) -> Path:
    return render(generate(idea).spec, folder).path


def _storage(bundle: Path) -> ModuleType:
    loaded = importlib.util.spec_from_file_location(f"storage_{bundle.parent.name}", bundle / "storage.py")
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def _text_fields(bundle: Path) -> tuple[str, list[dict]]:
    import json

    spec = json.loads((bundle / "spec.json").read_text(encoding="utf-8"))
    for entity in spec["entities"]:
        texts = [f for f in entity["fields"] if f["type"] in ("text", "long_text")]
        if texts:
            return entity["name"], entity["fields"]
    raise AssertionError("no text field in this app")


@pytest.mark.parametrize("idea", IDEAS)
def test_a_20_mb_text_is_cut_when_stored(tmp_path: Path, idea: str) -> None:
    bundle = _bundle(idea, tmp_path / "bundle")
    storage = _storage(bundle)
    name, fields = _text_fields(bundle)
    store = storage.Store(json_entities(bundle), tmp_path / "app.sqlite3", visitor="v" * 32)
    store.add(name, {f["name"]: HUGE for f in fields if f["type"] in ("text", "long_text")})
    store.put("notes", {"items": [HUGE, "short"]})
    assert (tmp_path / "app.sqlite3").stat().st_size < 200_000
    [row] = store.rows(name)
    for field in fields:
        if field["type"] == "long_text":
            assert row[field["name"]] == "x" * 5000
        elif field["type"] == "text":
            assert row[field["name"]] == "x" * 500
    assert store.get("notes") == {"items": ["x" * 5000, "short"]}


def f_type(fields: list[dict], name: str) -> str:
    return next(str(f["type"]) for f in fields if f["name"] == name)


def json_entities(bundle: Path) -> list[dict]:
    import json

    return list(json.loads((bundle / "spec.json").read_text(encoding="utf-8"))["entities"])


@pytest.mark.usefixtures("bundle_imports")
def test_an_app_holding_a_20_mb_record_from_before_still_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = _bundle(IDEAS[0], tmp_path / "bundle")
    storage = _storage(bundle)
    name, fields = _text_fields(bundle)
    database = tmp_path / "data" / "app.sqlite3"
    store = storage.Store(json_entities(bundle), database, visitor="local")
    text = next(f["name"] for f in fields if f["type"] in ("text", "long_text"))
    samples = {"choice": None, "rating": 3, "date": "2026-12-01", "int": 1, "float": 1.5, "bool": False}
    row = {f["name"]: (f.get("options") or [None])[0] if f["type"] == "choice" else samples.get(f["type"], "hi")
           for f in fields}  # fmt: skip
    record = {"id": store.add(name, {k: ([] if v == "hi" and f_type(fields, k) == "multi_choice" else v)
                                     for k, v in row.items()})}  # fmt: skip
    with sqlite3.connect(database) as db:  # written the way an earlier version of the app let it be
        db.execute(f'UPDATE "{name}" SET "{text}" = ? WHERE id = ?', (HUGE, record["id"]))
        db.execute("INSERT OR REPLACE INTO _kv (key, value) VALUES (?, ?)", ("big", '"' + HUGE + '"'))
    monkeypatch.syspath_prepend(str(bundle))
    at = AppTest.from_file(str(bundle / "app.py"), default_timeout=60).run()
    assert not at.exception, at.exception
    assert not any(HUGE[:6000] in (m.value or "") for m in at.markdown)
    tables = [frame.value for frame in at.dataframe]
    assert tables, "the records show in a table"
    longest = max(len(str(cell)) for table in tables for column in table.columns for cell in table[column])
    assert longest <= 5000, "the page carries the whole 20 MB text"


@pytest.mark.parametrize("idea", IDEAS)
def test_every_text_widget_of_a_bundle_has_a_limit(tmp_path: Path, idea: str) -> None:
    source = (_bundle(idea, tmp_path / "bundle") / "components.py").read_text(encoding="utf-8")
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("text_input", "text_area")
    ]
    assert calls
    for call in calls:
        assert any(k.arg == "max_chars" for k in call.keywords), ast.unparse(call)[:120]


def test_every_component_template_limits_its_text_widgets() -> None:
    folder = Path(__file__).resolve().parents[2] / "templates" / "components"
    for template in sorted(folder.glob("*.py.j2")):
        text = template.read_text(encoding="utf-8")
        for start in [i for i in range(len(text)) if text.startswith((".text_input(", ".text_area("), i)]:
            depth, end = 0, start
            for end in range(text.index("(", start), len(text)):
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                if depth == 0:
                    break
            assert "max_chars" in text[start:end], f"{template.name}: {text[start : start + 80]}"
