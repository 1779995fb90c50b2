"""Follow-up edits, versions with undo, and jobs that survive a reload."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.errors import UserError
from flashapps.events import StageEvent
from flashapps.settings import Settings
from generator.edits import apply_edit
from workshop.actions import Workshop
from workshop.jobs import InProcessQueue, JobStore


def test_goal_and_weekly_chart_in_one_sentence() -> None:
    result = apply_edit(water_tracker(), "make the goal 3 litres and add a weekly chart")
    assert result.understood
    metric = next(m for m in result.spec.brief.metrics if m.name == "today")
    assert metric.goal == 3000
    charts = [c for c in result.spec.components() if c.kind == "chart" and c.group_by == "week"]
    assert len(charts) == 1 and charts[0].x == "day"


@pytest.mark.parametrize(
    ("sentence", "check"),
    [
        ("目标改成2.5升", lambda s: s.brief.metrics[0].goal == 2500),
        ("call it Hydro", lambda s: s.brief.title == "Hydro"),
        ("改名为喝水打卡", lambda s: s.brief.title == "喝水打卡"),
        ("make it green", lambda s: s.brief.theme.primary == "#16a34a"),
        ("换成紫色", lambda s: s.brief.theme.primary == "#7c3aed"),
    ],
)
def test_simple_edits_are_understood(sentence: str, check) -> None:  # type: ignore[no-untyped-def]
    result = apply_edit(water_tracker(), sentence)
    assert result.understood and result.changes
    assert check(result.spec)


def test_language_change_asks_for_a_new_plan() -> None:
    result = apply_edit(water_tracker(), "改成中文")
    assert result.understood and result.replan_language == "zh-Hans"


def test_an_edit_it_cannot_understand_says_so_and_changes_nothing() -> None:
    spec = water_tracker()
    result = apply_edit(spec, "add a login page with two-factor authentication")
    assert not result.understood and result.changes == []
    assert result.spec == spec


def test_every_version_is_kept_and_undo_adds_a_version(tmp_path: Path) -> None:
    shop = Workshop(Settings(home=tmp_path))
    store = shop.projects
    project = store.create("water", water_tracker())
    edited = apply_edit(water_tracker(), "call it Hydro").spec
    v2 = store.add(project.id, edited, "call it Hydro", ["title set to Hydro"])
    assert v2.number == 2 and store.get(project.id).current == 2
    undone = shop.undo(project.id, 1)
    v3 = store.version(project.id, 3)
    assert undone.version == 3 and v3.spec == water_tracker() and v3.change == "undo to version 1"
    assert undone.bundle.digest == v3.digest and undone.bundle.unchanged()
    assert [v.number for v in store.versions(project.id)] == [1, 2, 3]
    assert store.version(project.id, 2).spec.brief.title == "Hydro"
    bundle = store.bundle(project.id, 2)
    assert "Hydro" in (bundle.path / "app.py").read_text()
    assert bundle.digest == store.version(project.id, 2).digest  # rendered once, and the hash kept
    with pytest.raises(UserError):
        store.get("../etc")


def test_a_job_keeps_its_events_and_result_for_a_reload(tmp_path: Path) -> None:
    store = JobStore(tmp_path)
    queue = InProcessQueue(store)

    def work(emit):  # type: ignore[no-untyped-def]
        emit(StageEvent(stage="value", summary="first", elapsed_ms=1, at_ms=1))
        emit(StageEvent(stage="data", summary="second", elapsed_ms=1, at_ms=2))
        return {"bundle": "somewhere"}

    job = queue.submit("create", {"idea": "water"}, work)
    queue.futures[job.id].result(timeout=10)
    again = JobStore(tmp_path).get(job.id)  # a fresh store: as after a page reload
    assert again.status == "done" and again.result == {"bundle": "somewhere"}
    assert [e.summary for e in again.events] == ["first", "second"]
    queue.shutdown()


def test_a_failing_job_records_the_users_message(tmp_path: Path) -> None:
    queue = InProcessQueue(JobStore(tmp_path))

    def work(emit):  # type: ignore[no-untyped-def]
        raise UserError("Type an idea first.", "请先输入一个想法。")

    job = queue.submit("create", {"idea": ""}, work)
    queue.futures[job.id].result(timeout=10)
    failed = queue.store.get(job.id)
    assert failed.status == "failed" and failed.error == {"en": "Type an idea first.", "zh": "请先输入一个想法。"}
    queue.shutdown()


def test_jobs_are_listed_newest_first(tmp_path: Path) -> None:
    queue = InProcessQueue(JobStore(tmp_path), workers=1)
    ids = []
    for n in range(3):
        ids.append(queue.submit("create", {"n": n}, lambda emit: {}).id)
        time.sleep(0.02)
    queue.shutdown()
    assert [j.id for j in queue.store.recent()] == list(reversed(ids))
