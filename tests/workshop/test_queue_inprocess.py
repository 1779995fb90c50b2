"""The in-process queue (the embedded default) runs the same tasks from data alone, with the same rules as the
PostgreSQL queue: one job per idempotency key, a per-maker limit, places in the queue, cancel; and a task
retried after its first attempt died continues the same draft or version instead of making another."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flashapps.events import StageEvent
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import GallerySettings, open_gallery
from generator.providers import get_provider
from workshop import tasks
from workshop.actions import Workshop
from workshop.jobs import Busy, InProcessQueue, Job, JobStore
from workshop.makers import Maker, creator_hash, new_secret
from workshop.projects import ProjectStore


def _report() -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


def _env(verify: Callable[[Path], VerifyReport] | None = None) -> tasks.TaskEnv:
    return tasks.TaskEnv(
        workshop=lambda: Workshop(Settings(), verify=verify or (lambda folder: _report())),
        provider=lambda: get_provider("offline"),
        gallery=lambda: open_gallery(GallerySettings()),
    )


@pytest.fixture
def gate() -> Iterator[threading.Event]:
    release = threading.Event()
    yield release
    release.set()


@pytest.fixture
def queue(flashapps_home: Path, gate: threading.Event) -> Iterator[InProcessQueue]:
    def held(folder: Path) -> VerifyReport:
        gate.wait(timeout=60)
        return _report()

    env = _env(held)
    opened = InProcessQueue(JobStore(flashapps_home), workers=1,
                            runner=lambda job, emit, save: tasks.run(job, env, emit, save))  # fmt: skip
    yield opened
    gate.set()
    opened.shutdown()


def _create(queue: InProcessQueue, idea: str, who: str, key: str | None = None) -> Job:
    actor = tasks.actor_for(who)
    return queue.submit("create", {"idea": idea}, key=key, maker=tasks.maker_key(actor), actor=actor)


def _finish(queue: InProcessQueue, job: Job) -> Job:
    queue.futures[job.id].result(timeout=60)
    return queue.store.get(job.id)


def test_keys_limits_positions_and_cancel(queue: InProcessQueue, gate: threading.Event, flashapps_home: Path) -> None:
    first = _create(queue, "an app to track my daily water intake", "ann", key="k")
    assert _create(queue, "an app to track my daily water intake", "ann", key="k").id == first.id
    waiting = [_create(queue, idea, who) for idea, who in (("背单词小游戏", "bo"), ("每週跑步紀錄", "cy"))]
    deadline = time.monotonic() + 30
    while queue.store.get(first.id).status != "running":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert [queue.position(job.id) for job in (first, *waiting)] == [None, 1, 2]
    planets = _create(queue, "a quiz on the planets", "ann")
    with pytest.raises(Busy):
        _create(queue, "a homework timer", "ann")
    assert queue.cancel(waiting[0].id) and queue.position(waiting[1].id) == 1
    gate.set()
    assert {_finish(queue, job).status for job in (first, waiting[1], planets)} == {"done"}
    assert queue.store.get(waiting[0].id).status == "cancelled"
    owners = sorted(str(p.owner) for p in map(ProjectStore(flashapps_home).get, _drafts(flashapps_home)))
    assert owners == ["ann", "ann", "cy"]


def _drafts(home: Path) -> list[str]:
    return sorted(p.parent.name for p in (home / "projects").glob("*/project.json"))


def test_a_derived_key_is_let_go_when_its_job_fails(flashapps_home: Path) -> None:
    env = _env()
    queue = InProcessQueue(JobStore(flashapps_home), runner=lambda job, emit, save: tasks.run(job, env, emit, save))
    actor = tasks.actor_for("ann")
    key = tasks.idempotency_key("edit", {"project": "gone", "sentence": "bigger"}, actor, now=1000)
    assert key == tasks.idempotency_key("edit", {"project": "gone", "sentence": "bigger"}, actor, now=1010)
    assert key != tasks.idempotency_key("edit", {"project": "gone", "sentence": "bigger!"}, actor, now=1010)
    job = queue.submit("edit", {"project": "gone", "sentence": "bigger"}, key=key, maker="account:ann", actor=actor)
    assert _finish(queue, job).status == "failed"
    again = queue.submit("edit", {"project": "gone", "sentence": "bigger"}, key=key, maker="account:ann", actor=actor)
    assert again.id != job.id  # asking again after a failure is a new try
    queue.shutdown()


def _job(kind: str, payload: dict[str, object], actor: dict[str, str], store: JobStore) -> Job:
    job = Job(id=f"j{len(list(store.root.glob('*.json'))) if store.root.exists() else 0}x", kind=kind,
              input=payload, actor=actor)  # fmt: skip
    store.add(job)
    return job


def test_a_retried_task_continues_its_draft_and_version(flashapps_home: Path) -> None:
    """The first attempt dies after its draft (or version) was made: the retry returns it, nothing new."""
    store, env, events = JobStore(flashapps_home), _env(), []
    secret = new_secret()
    actor = tasks.actor_for(secret=secret)
    assert actor == {"creator": creator_hash(secret)} and secret not in str(actor)
    create = _job("create", {"idea": "一個記錄每天喝水量的應用"}, actor, store)
    first = tasks.run(create, env, events.append, lambda: store.save(create))
    assert create.state["project"] == first["project"]
    again = tasks.run(create, env, events.append, lambda: store.save(create))  # the retry of the same job
    assert again["project"] == first["project"] and _drafts(flashapps_home) == [first["project"]]
    project_id = str(first["project"])
    assert Workshop(Settings()).may_change(project_id, Maker(secret=secret))
    edit = _job("edit", {"project": project_id, "sentence": "目標改成每天 3 公升"}, actor, store)
    made = tasks.run(edit, env, events.append, lambda: store.save(edit))
    retried = tasks.run(edit, env, events.append, lambda: store.save(edit))
    assert made["version"] == retried["version"] == 2
    assert [v.number for v in ProjectStore(flashapps_home).versions(project_id)] == [1, 2]
    stranger = _job("edit", {"project": project_id, "sentence": "make it red"}, tasks.actor_for("mallory"), store)
    with pytest.raises(Exception, match="Only the person who made this draft"):
        tasks.run(stranger, env, events.append, lambda: store.save(stranger))
    assert all(isinstance(event, StageEvent) for event in events)


def test_a_half_made_draft_is_started_again_under_the_same_id(flashapps_home: Path) -> None:
    store, env = JobStore(flashapps_home), _env()
    job = _job("create", {"idea": "a reading log for the class"}, tasks.actor_for("ann"), store)
    job.state["project"] = "abc123def456"
    half = flashapps_home / "projects" / "abc123def456" / "bundles" / "v0001"
    half.mkdir(parents=True)
    (half / "app.py").write_text("# cut off mid-render\n")
    result = tasks.run(job, env, lambda event: None, lambda: store.save(job))
    assert result["project"] == "abc123def456" and _drafts(flashapps_home) == ["abc123def456"]
    assert "cut off" not in (half / "app.py").read_text()


def test_a_running_job_cancelled_stops_at_its_next_stage(queue: InProcessQueue, gate: threading.Event) -> None:
    job = _create(queue, "a tracker for my sleep", "ann")
    deadline = time.monotonic() + 30
    while not any(event.stage == "render" for event in queue.store.get(job.id).events):
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert queue.cancel(job.id) and not queue.cancel(job.id)
    gate.set()  # its check ends; the job does not come back to life
    queue.futures[job.id].result(timeout=60)
    stopped = queue.store.get(job.id)
    assert stopped.status == "cancelled" and stopped.result is None


def test_a_sandbox_briefly_away_is_tried_again_and_one_draft_results(flashapps_home: Path) -> None:
    """A busy engine (the check cannot run) is tried again after a pause, continuing the same draft; one that
    never answers fails the job after its pauses, with the plain words the maker sees."""
    from workshop.actions import VerifyUnavailable

    busy = VerifyUnavailable("Cannot check the app here: the engine is busy.", "这里无法检查应用：引擎忙。")
    calls: list[Path] = []
    answers_after = [2]

    def flaky(folder: Path) -> VerifyReport:
        calls.append(folder)
        if len(calls) <= answers_after[0]:
            raise busy
        return _report()

    env = _env(flaky)
    queue = InProcessQueue(JobStore(flashapps_home), workers=1,
                           runner=lambda job, emit, save: tasks.run(job, env, emit, save))  # fmt: skip
    queue.retry_pauses = (0.01, 0.01)
    try:
        done = _finish(queue, _create(queue, "an app to track my daily water intake", "ann"))
        assert done.status == "done" and done.attempts == 3 and len(calls) == 3
        assert len(ProjectStore(flashapps_home).owned_by("ann")) == 1  # the tries continued one draft
        calls.clear()
        answers_after[0] = 99  # now it never answers
        failed = _finish(queue, _create(queue, "a pomodoro timer with a daily count", "bo"))
        assert failed.status == "failed" and failed.attempts == 3 and len(calls) == 3
        assert failed.error == busy.messages
    finally:
        queue.shutdown()
