"""Whose records a bundle's storage hands out: personal, shared and submissions, per visitor.

The bundle's own storage.py is imported from a rendered bundle and driven as two visitors and the
app's maker would drive it, on one SQLite file."""

from __future__ import annotations

import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from sample_specs import water_tracker

from flashapps.spec import AppSpec
from generator.planner.scope import with_scope
from generator.render import render

ANA, BEN = "a" * 32, "b" * 32


def storage_of(spec: AppSpec, folder: Path) -> ModuleType:
    bundle = render(spec, folder / "bundle")
    loaded = importlib.util.spec_from_file_location(f"storage_{folder.name}", bundle.path / "storage.py")
    assert loaded is not None and loaded.loader is not None
    module = importlib.util.module_from_spec(loaded)
    loaded.loader.exec_module(module)
    return module


def stores(tmp_path: Path, scope: str) -> tuple[object, ...]:
    spec = with_scope(water_tracker(), scope)  # type: ignore[arg-type]
    storage = storage_of(spec, tmp_path)
    entities = spec.model_dump()["entities"]
    database = tmp_path / "app.sqlite3"
    app_scope = spec.brief.scope
    ana = storage.Store(entities, database, visitor=ANA, scope=app_scope)
    ben = storage.Store(entities, database, visitor=BEN, scope=app_scope)
    maker = storage.Store(entities, database, visitor="c" * 32, scope=app_scope, owner=True)
    return ana, ben, maker


def amounts(store: object) -> list[int]:
    return sorted(row["amount"] for row in store.rows("drink"))  # type: ignore[attr-defined]


def test_personal_records_are_their_visitors_alone(tmp_path: Path) -> None:
    ana, ben, maker = stores(tmp_path, "personal")
    first = ana.add("drink", {"amount": 250, "kind": "Water"})  # type: ignore[attr-defined]
    ben.add("drink", {"amount": 400, "kind": "Tea"})  # type: ignore[attr-defined]
    assert amounts(ana) == [250] and amounts(ben) == [400]
    assert amounts(maker) == [], "personal records are not the maker's to read either"
    ben.update("drink", first, {"amount": 1, "kind": "Water"})  # type: ignore[attr-defined]
    ben.delete("drink", first)  # type: ignore[attr-defined]
    assert amounts(ana) == [250], "another visitor cannot change or delete them"
    ana.update("drink", first, {"amount": 300, "kind": "Water"})  # type: ignore[attr-defined]
    assert amounts(ana) == [300]


def test_personal_values_are_kept_per_visitor_unless_shared_on_purpose(tmp_path: Path) -> None:
    ana, ben, _ = stores(tmp_path, "personal")
    ana.put("streak", 5)  # type: ignore[attr-defined]
    assert ben.get("streak", 0) == 0 and ana.get("streak") == 5  # type: ignore[attr-defined]
    ana.put("board", ["Ana"], everyone=True)  # type: ignore[attr-defined]
    assert ben.get("board", everyone=True) == ["Ana"]  # type: ignore[attr-defined]


def test_a_shared_board_is_everyones(tmp_path: Path) -> None:
    ana, ben, _ = stores(tmp_path, "shared")
    first = ana.add("drink", {"amount": 250, "kind": "Water"})  # type: ignore[attr-defined]
    ben.add("drink", {"amount": 400, "kind": "Tea"})  # type: ignore[attr-defined]
    assert amounts(ana) == amounts(ben) == [250, 400]
    ben.delete("drink", first)  # type: ignore[attr-defined]
    assert amounts(ana) == [400]
    ana.put("streak", 5)  # type: ignore[attr-defined]
    assert ben.get("streak") == 5  # type: ignore[attr-defined]


def test_submissions_are_seen_by_their_sender_and_the_maker(tmp_path: Path) -> None:
    ana, ben, maker = stores(tmp_path, "submissions")
    ana.add("drink", {"amount": 250, "kind": "Water"})  # type: ignore[attr-defined]
    second = ben.add("drink", {"amount": 400, "kind": "Tea"})  # type: ignore[attr-defined]
    assert amounts(ana) == [250] and amounts(ben) == [400]
    assert amounts(maker) == [250, 400]
    ana.delete("drink", second)  # type: ignore[attr-defined]
    assert amounts(maker) == [250, 400]
    maker.delete("drink", second)  # type: ignore[attr-defined]  # the maker may remove one
    assert amounts(maker) == [250] and amounts(ben) == []


def test_a_visitor_exports_and_forgets_only_their_own(tmp_path: Path) -> None:
    ana, ben, _ = stores(tmp_path, "shared")
    ana.add("drink", {"amount": 250, "kind": "Water"})  # type: ignore[attr-defined]
    ben.add("drink", {"amount": 400, "kind": "Tea"})  # type: ignore[attr-defined]
    assert [r["amount"] for r in ana.own_rows("drink")] == [250]  # type: ignore[attr-defined]
    assert ana.forget_me() == 1  # type: ignore[attr-defined]
    assert amounts(ben) == [400]


@pytest.mark.parametrize("scope", ["personal", "submissions"])
def test_records_from_before_visitors_stay_readable_and_get_the_column(tmp_path: Path, scope: str) -> None:
    """A data folder made by an older version (no visitor column): its records are everyone's."""
    database = tmp_path / "app.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute(
            'CREATE TABLE "drink" (id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT, "amount" INTEGER,'
            ' "kind" TEXT, "day" TEXT, "note" TEXT)'
        )
        db.execute("INSERT INTO drink (created_at, amount, kind) VALUES ('2026-01-01T08:00:00', 7, 'Water')")
    ana, ben, _ = stores(tmp_path, scope)
    assert amounts(ana) == amounts(ben) == [7]
    ana.add("drink", {"amount": 250, "kind": "Water"})  # type: ignore[attr-defined]
    assert amounts(ben) == [7]
    with sqlite3.connect(database) as db:
        columns = [row[1] for row in db.execute('PRAGMA table_info("drink")')]
    assert "_visitor" in columns
