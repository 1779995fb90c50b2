"""The PostgreSQL job queue against a real, throwaway PostgreSQL and real procrastinate workers (subprocesses):
submit → a worker runs it → events and result in the jobs table; one job and one draft per idempotency key; a
worker killed mid-job (SIGKILL) → another retries it and exactly one draft results; a sandbox briefly away is
retried with backoff, a maker's mistake is not; cancel; queue positions; the failed view; SIGTERM stops a worker.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import unavailable

from tests.gallery.pg import PgServer
from workshop import tasks
from workshop.jobs import Busy, Job
from workshop.pgqueue import MAX_ATTEMPTS, PgQueue
from workshop.projects import ProjectStore

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("queue_worker.py")
FLASHAPPS = Path(sys.executable).with_name("flashapps")
IDEAS = ["an app to track my daily water intake", "每天记录读书页数的小应用", "一個記錄每週運動時間的應用"]


@pytest.fixture(scope="module")
def pg() -> Iterator[PgServer | str]:
    server = PgServer()
    try:
        yield server.start()
    except Exception as error:
        yield f"PostgreSQL could not start: {type(error).__name__}: {error}"
    finally:
        server.stop()


@pytest.fixture
def url(pg: PgServer | str) -> Iterator[str]:
    if isinstance(pg, str):
        unavailable(pg, "make test installs PostgreSQL")
    schema = f"q_{secrets.token_hex(5)}"
    yield pg.url(schema)
    pg.drop_schema(schema)


@pytest.fixture
def queue(url: str) -> Iterator[PgQueue]:
    opened = PgQueue(url)
    yield opened
    opened.shutdown()


@pytest.fixture
def workers(url: str, flashapps_home: Path) -> Iterator[Callable[..., subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []

    def start(*args: str, cli: bool = False, **env: str) -> subprocess.Popen[bytes]:
        environ = {**os.environ, "FLASHAPPS_HOME": str(flashapps_home), "PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}",
                   "FLASHAPPS_QUEUE_URL": url, "FLASHAPPS_PROVIDER": "offline", **env}  # fmt: skip
        command = [str(FLASHAPPS), "-v", "worker", *args] if cli else [sys.executable, str(WORKER), url]
        started.append(subprocess.Popen(command, env=environ, cwd=ROOT))
        return started[-1]

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def _submit(queue: PgQueue, idea: str, who: str = "ann", key: str | None = None) -> Job:
    actor = tasks.actor_for(who)
    return queue.submit("create", {"idea": idea}, key=key, maker=tasks.maker_key(actor), actor=actor)


def _wait(queue: PgQueue, job_id: str, until: Callable[[Job], bool], seconds: float = 90) -> Job:
    deadline = time.monotonic() + seconds
    while not until(job := queue.store.get(job_id)):
        assert time.monotonic() < deadline, f"job {job_id} is still {job.status}: {job.error}"
        time.sleep(0.2)
    return job


def _finished(job: Job) -> bool:
    return job.status in ("done", "failed", "cancelled")


def _drafts(home: Path) -> list[str]:
    return sorted(p.parent.name for p in (home / "projects").glob("*/project.json"))


def _procrastinate_status(queue: PgQueue, job_id: str) -> str:
    with queue.store.engine.connect() as db:
        from sqlalchemy import text

        return str(db.scalar(text("SELECT status FROM procrastinate_jobs WHERE id = :id"),
                             {"id": queue.store.queue_id(job_id)}))  # fmt: skip


def test_a_worker_runs_a_job_and_stops_on_sigterm(queue: PgQueue, workers: Callable[..., subprocess.Popen[bytes]],
                                                  flashapps_home: Path) -> None:  # fmt: skip
    job = _submit(queue, IDEAS[1])
    assert queue.position(job.id) == 1
    worker = workers("--concurrency", "2", "--no-verify", "--heartbeat", "1", cli=True)
    done = _wait(queue, job.id, _finished)
    assert done.status == "done", done.error
    assert done.result is not None and done.result["project"] == done.state["project"]
    assert {event.stage for event in done.events} >= {"value", "screens", "render"}
    assert done.attempts == 1 and queue.position(job.id) is None
    project = ProjectStore(flashapps_home).get(done.result["project"])
    assert project.owner == "ann" and project.idea == IDEAS[1]
    assert _procrastinate_status(queue, job.id) == "succeeded"
    worker.send_signal(signal.SIGTERM)
    assert worker.wait(timeout=30) == 0


def test_the_same_key_is_one_job_and_one_draft(queue: PgQueue, url: str, workers: Callable[..., subprocess.Popen[bytes]],
                                               flashapps_home: Path) -> None:  # fmt: skip
    found: list[Job] = []
    other = PgQueue(url)  # a second studio replica, asked at the same moment
    clicks = [threading.Thread(target=lambda q=q: found.append(_submit(q, IDEAS[0], key="click-1")))
              for q in (queue, other, queue, other)]  # fmt: skip
    for click in clicks:
        click.start()
    for click in clicks:
        click.join(timeout=60)
    other.shutdown()
    assert len(found) == 4 and len({job.id for job in found}) == 1
    derived = tasks.idempotency_key("create", {"idea": IDEAS[2]}, tasks.actor_for("bo"))
    first, second = _submit(queue, IDEAS[2], "bo", derived), _submit(queue, IDEAS[2], "bo", derived)
    assert first.id == second.id
    workers()
    for job in (found[0], first):
        assert _wait(queue, job.id, _finished).status == "done"
    assert len(_drafts(flashapps_home)) == 2
    with queue.store.engine.connect() as db:
        from sqlalchemy import text

        assert db.scalar(text("SELECT count(*) FROM procrastinate_jobs")) == 2
        assert db.scalar(text("SELECT count(*) FROM flashapps_jobs")) == 2


def test_a_worker_killed_mid_job_is_retried_by_another_and_one_draft_results(
    queue: PgQueue, workers: Callable[..., subprocess.Popen[bytes]], flashapps_home: Path
) -> None:
    job = _submit(queue, IDEAS[0])
    first = workers(QUEUE_TEST_SLOW="60")  # its check takes a minute: it is killed in the middle
    running = _wait(queue, job.id, lambda j: any(e.stage == "render" for e in j.events))
    assert running.status == "running" and running.state["project"]
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=30)
    workers()  # a healthy worker: finds the stalled job once the dead one's heartbeat is 3 s old
    done = _wait(queue, job.id, _finished, seconds=120)
    assert done.status == "done", done.error
    assert done.attempts == 2
    assert done.result is not None and done.result["project"] == running.state["project"]
    assert _drafts(flashapps_home) == [running.state["project"]]


def test_a_sandbox_briefly_away_is_retried_and_a_makers_mistake_is_not(
    queue: PgQueue, workers: Callable[..., subprocess.Popen[bytes]], flashapps_home: Path, tmp_path: Path
) -> None:
    flaky = tmp_path / "flaky"
    flaky.touch()
    workers(QUEUE_TEST_FLAKY=str(flaky))
    job = _submit(queue, IDEAS[0])
    actor = tasks.actor_for("ann")
    wrong = queue.submit("edit", {"project": "nosuchproject", "sentence": "make it blue"},
                         maker=tasks.maker_key(actor), actor=actor)  # fmt: skip
    done = _wait(queue, job.id, _finished)
    assert done.status == "done", done.error
    assert done.attempts == 2 and not flaky.exists()
    assert len(_drafts(flashapps_home)) == 1
    failed = _wait(queue, wrong.id, _finished)
    assert failed.status == "failed" and failed.attempts == 1
    assert failed.error is not None and "nosuchproject" in failed.error["en"]
    [listed] = queue.store.failed()
    assert (listed.id, listed.kind, listed.maker, listed.attempts) == (wrong.id, "edit", "account:ann", 1)
    assert MAX_ATTEMPTS > 2


def test_positions_per_maker_limit_and_cancel(queue: PgQueue, workers: Callable[..., subprocess.Popen[bytes]],
                                               flashapps_home: Path) -> None:  # fmt: skip
    jobs = [_submit(queue, idea, who) for idea, who in zip(IDEAS, ["ann", "bo", "cy"], strict=True)]
    assert [queue.position(job.id) for job in jobs] == [1, 2, 3]
    planets = _submit(queue, "a quiz about the planets", "ann")
    with pytest.raises(Busy) as busy:
        _submit(queue, "a timer for my homework", "ann")
    assert "2" in busy.value.message("en") and "请等" in busy.value.message("zh")
    assert queue.cancel(jobs[1].id)
    assert not queue.cancel(jobs[1].id)
    assert queue.store.get(jobs[1].id).status == "cancelled"
    assert _procrastinate_status(queue, jobs[1].id) == "cancelled"
    assert [queue.position(jobs[0].id), queue.position(jobs[2].id)] == [1, 2]
    assert queue.cancel(planets.id)  # a cancelled job no longer counts against its maker
    timer = _submit(queue, "a timer for my homework", "ann")
    assert queue.position(timer.id) == 3
    with pytest.raises(Busy):
        _submit(queue, "a list of my favourite songs", "ann")
    workers()
    for job in (jobs[0], jobs[2], timer):
        assert _wait(queue, job.id, _finished).status == "done"
    assert {queue.store.get(job.id).status for job in (jobs[1], planets)} == {"cancelled"}
    assert not queue.cancel(jobs[0].id)  # done: nothing to cancel
    assert len(_drafts(flashapps_home)) == 3


def test_the_studio_uses_the_postgresql_queue_when_the_setting_says_so(
    url: str, workers: Callable[..., subprocess.Popen[bytes]], monkeypatch: pytest.MonkeyPatch, flashapps_home: Path
) -> None:
    from studio import services

    monkeypatch.setenv("FLASHAPPS_QUEUE_URL", url)
    queue = services.jobs()
    try:
        assert isinstance(queue, PgQueue)
        job = services.start_create(IDEAS[2], owner="ann", idempotency_key="api-42")
        assert services.start_create(IDEAS[2], owner="ann", idempotency_key="api-42").id == job.id
        double = [services.start_create(IDEAS[0], secret="browser-secret") for _ in range(2)]  # a double click
        assert double[0].id == double[1].id and "browser-secret" not in double[0].model_dump_json()
        workers()
        for each in (job, double[0]):
            assert _wait(queue, each.id, _finished).status == "done"  # type: ignore[arg-type]
        assert len(_drafts(flashapps_home)) == 2
        assert services.jobs().store.get(job.id).result["project"] in _drafts(flashapps_home)  # type: ignore[index]
    finally:
        services._jobs.cache_clear()
        queue.shutdown()  # type: ignore[attr-defined]


def test_prune_removes_old_finished_jobs_from_the_table(
    queue: PgQueue, url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workshop.jobs import prune

    waiting, cancelled = _submit(queue, IDEAS[0], "ann"), _submit(queue, IDEAS[1], "bo")
    assert queue.cancel(cancelled.id)
    monkeypatch.setenv("FLASHAPPS_QUEUE_URL", url)
    assert cancelled.id not in prune()["jobs"]  # not old yet
    removed = prune(now=time.time() + 400 * 86400)["jobs"]
    assert cancelled.id in removed and waiting.id not in removed
    assert queue.store.get(waiting.id).status == "queued"


def _restart(pg: PgServer) -> None:
    """PostgreSQL restarted (fast: connections dropped), as an operator or a crash would."""
    assert pg.bin is not None
    command = [str(pg.bin / "pg_ctl"), "-D", str(pg.root / "data"), "-l", str(pg.root / "sock" / "server.log"),
               "-m", "fast", "-w", "restart"]  # fmt: skip
    if pg.as_postgres:
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/", timeout=60)
    assert done.returncode == 0


def test_jobs_resume_after_postgresql_restarts(
    pg: PgServer, queue: PgQueue, workers: Callable[..., subprocess.Popen[bytes]], flashapps_home: Path
) -> None:
    job = _submit(queue, IDEAS[0])
    worker = workers(QUEUE_TEST_SLOW="3")
    _wait(queue, job.id, lambda j: any(e.stage == "render" for e in j.events))
    _restart(pg)
    assert _wait(queue, job.id, _finished).status == "done"
    later = _submit(queue, IDEAS[1], "bo")  # the same worker, reconnected, takes the next job
    assert _wait(queue, later.id, _finished).status == "done"
    assert worker.poll() is None and len(_drafts(flashapps_home)) == 2
