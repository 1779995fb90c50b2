"""Jobs: a generation runs as a job with an id; its events and result are stored as they happen,
so a page reload does not lose it, and a queue could run it elsewhere later.

One small interface (``JobQueue``: submit, cancel, position) with two implementations: the in-process
queue here (a thread pool; the embedded default, state in ``$FLASHAPPS_HOME/jobs/<id>.json``, written
atomically after every event) and the PostgreSQL queue in workshop/pgqueue.py (procrastinate, run by
``flashapps worker`` on any host). Both run a job from its data alone (workshop/tasks.py), hold a maker to a
few jobs at once, return the same job for the same idempotency key, and let a waiting job be cancelled.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from flashapps.errors import UserError
from flashapps.events import StageEvent
from flashapps.settings import Settings
from generator.generate import clean_idea
from workshop.projects import open_projects, write_atomic

__all__ = [
    "Busy",
    "InProcessQueue",
    "Job",
    "JobQueue",
    "JobStore",
    "admit_job",
    "check_input",
    "now_iso",
    "prune",
    "queue_url",
]

log = logging.getLogger("workshop.jobs")

Status = Literal["queued", "running", "done", "failed", "cancelled"]
ACTIVE = ("queued", "running")
PER_MAKER = 2
"""How many jobs one maker may have queued or running at once (the default of both queues)."""


def queue_url() -> str:
    """The jobs database: ``FLASHAPPS_QUEUE_URL``, else ``FLASHAPPS_DATABASE_URL``, when it is a PostgreSQL URL
    (then jobs run on workshop/pgqueue.py's queue); empty: the in-process queue of the embedded default."""
    for name in ("FLASHAPPS_QUEUE_URL", "FLASHAPPS_DATABASE_URL"):
        url = os.environ.get(name, "")
        if url.startswith(("postgresql", "postgres:")):
            return url
    return ""


def now_iso() -> str:
    """Now, as a job stores its times (UTC, milliseconds: they sort as text)."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Job(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    kind: str
    status: Status = "queued"
    input: dict[str, Any] = Field(default_factory=dict)
    events: list[StageEvent] = Field(default_factory=list)
    result: dict[str, Any] | None = None
    error: dict[str, str] | None = Field(default=None, description="the user's message in en and zh")
    created_at: str = Field(default_factory=now_iso)
    updated_at: str = Field(default_factory=now_iso)
    key: str | None = Field(default=None, description="idempotency key: the same key is the same job")
    maker: str | None = Field(default=None, description="who asked, for the per-maker limit and the failed view")
    actor: dict[str, str] = Field(default_factory=dict, description="owner name or creator hash (never a secret)")
    attempts: int = 0
    state: dict[str, Any] = Field(default_factory=dict, description="what a task noted before acting (its project)")


def release_key(job: Job) -> None:
    """A job that failed or was cancelled lets go of a key the studio derived (``auto:``), so asking again makes
    a new job; a key the caller chose keeps naming this job."""
    if job.key is not None and job.key.startswith("auto:"):
        job.key = None


class Busy(UserError):
    """A maker already has as many jobs queued or running as allowed: they wait for one to finish."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"You already have {limit} apps being made or changed. Please wait for one to finish, then try again.",
            f"你已经有 {limit} 个应用正在制作或修改。请等其中一个完成后再试。",
        )


class JobStore:
    def __init__(self, home: Path) -> None:
        self.root = Path(home) / "jobs"
        self._lock = threading.Lock()

    def save(self, job: Job) -> None:
        """Writes the job; a job cancelled meanwhile stays cancelled (a running task's events are dropped)."""
        job.updated_at = now_iso()
        with self._lock:
            path = self.root / f"{job.id}.json"
            if job.status != "cancelled" and path.is_file() and '"status":"cancelled"' in path.read_text("utf-8"):
                job.status = "cancelled"
                return
            write_atomic(path, job.model_dump_json())

    def _all(self) -> list[Job]:
        found = []
        for path in self.root.glob("*.json"):
            with contextlib.suppress(OSError, ValueError):  # one pruned or half-read file: not a job any more
                found.append(Job.model_validate_json(path.read_text(encoding="utf-8")))
        return found

    def add(self, job: Job, *, per_maker: int | None = None) -> Job:
        """Stores a new job, or returns the one already stored with its key; raises Busy when its maker has
        ``per_maker`` jobs queued or running."""
        with self._lock:
            jobs = self._all()
            same = next((j for j in jobs if job.key and j.key == job.key), None)
            if same is not None:
                return same
            busy = sum(1 for j in jobs if job.maker and j.maker == job.maker and j.status in ACTIVE)
            if per_maker and busy >= per_maker:
                raise Busy(per_maker)
            job.updated_at = now_iso()
            write_atomic(self.root / f"{job.id}.json", job.model_dump_json())
        return job

    def find(self, key: str) -> Job | None:
        return next((job for job in self._all() if job.key == key), None)

    def position(self, job_id: str) -> int | None:
        """A queued job's place in the queue (1: next to start); None once it started or ended."""
        job = self.get(job_id)
        if job.status != "queued":
            return None
        ahead = [j for j in self._all() if j.status == "queued" and (j.created_at, j.id) < (job.created_at, job.id)]
        return 1 + len(ahead)

    def mark_cancelled(self, job_id: str, *, running: bool = False) -> bool:
        """Cancels a queued job (and a running one when ``running``); False when it can no longer be."""
        with self._lock:
            job = self.get(job_id)
            if job.status not in (ACTIVE if running else ("queued",)):
                return False
            job.status, job.updated_at = "cancelled", now_iso()
            release_key(job)
            write_atomic(self.root / f"{job.id}.json", job.model_dump_json())
        return True

    def failed(self, limit: int = 100) -> list[Job]:
        """The jobs that failed for good, newest first."""
        jobs = [job for job in self._all() if job.status == "failed"]
        return sorted(jobs, key=lambda job: job.updated_at, reverse=True)[:limit]

    def get(self, job_id: str) -> Job:
        path = self.root / f"{job_id}.json"
        if not job_id.isalnum() or not path.is_file():
            raise UserError(f"No job {job_id!r}.", f"没有任务 {job_id!r}。")
        return Job.model_validate_json(path.read_text(encoding="utf-8"))

    def recent(self, limit: int = 20) -> list[Job]:
        return sorted(self._all(), key=lambda job: job.created_at, reverse=True)[:limit]

    def prune(self, older_than_days: float, *, now: float | None = None) -> list[str]:
        """Removes the jobs last written more than ``older_than_days`` ago; returns their ids."""
        cutoff = (time.time() if now is None else now) - older_than_days * 86400
        removed = []
        for path in sorted(self.root.glob("*.json")):
            with contextlib.suppress(OSError):
                if path.stat().st_mtime < cutoff:
                    path.unlink()
                    removed.append(path.stem)
        return removed


def prune(settings: Settings | None = None, *, now: float | None = None) -> dict[str, list[str]]:
    """One sweep of a home folder: old jobs and abandoned anonymous drafts (the days are settings); with the
    PostgreSQL queue, its old finished jobs too."""
    settings = settings or Settings()
    jobs = JobStore(settings.home).prune(settings.prune_jobs_days, now=now)
    if url := queue_url():
        from workshop.pgqueue import SqlJobStore

        store = SqlJobStore(url)
        try:
            jobs += store.prune(settings.prune_jobs_days, now=now)
        finally:
            store.close()
    return {"jobs": jobs, "drafts": open_projects(settings).prune_drafts(settings.prune_drafts_days, now=now)}


def _sweep(settings: Settings) -> None:
    try:
        removed = prune(settings)
    except Exception:  # a sweep that fails is tried again next time; jobs go on
        log.exception("pruning %s failed", settings.home)
        return
    if removed["jobs"] or removed["drafts"]:
        log.info("pruned %d jobs and %d drafts", len(removed["jobs"]), len(removed["drafts"]))


Work = Callable[[Callable[[StageEvent], None]], dict[str, Any]]
"""What a job does: called with an event callback, returns the result as JSON data."""

Runner = Callable[[Job, Callable[[StageEvent], None], Callable[[], None]], dict[str, Any]]
"""Runs a job from its data alone (workshop.tasks.run): the job, an event callback, and a callback that stores
the job (the task notes its project in ``job.state`` and stores it before acting)."""


class Cancelled(Exception):
    """Raised inside a running job whose cancellation was asked for."""


class JobQueue(Protocol):
    store: Any  # JobStore (files) or workshop.pgqueue.SqlJobStore: get, recent, failed, position
    admit: Admit | None

    def submit(
        self, kind: str, payload: dict[str, Any], work: Work | None = None, *, key: str | None = None,
        maker: str | None = None, actor: dict[str, str] | None = None,
    ) -> Job: ...  # fmt: skip

    def cancel(self, job_id: str) -> bool: ...

    def position(self, job_id: str) -> int | None: ...


TEXT_KEYS = ("idea", "sentence")
"""The words a maker typed into a job's input: held to the idea's length limit before the job is stored."""


def check_input(payload: dict[str, Any], settings: Settings | None = None) -> dict[str, Any]:
    """``payload``, or the IdeaError saying how to shorten its idea or follow-up sentence, raised before anything
    is written: an idea over the limit is never stored (one that is only long in spaces is stored cleaned)."""
    limit = (settings or Settings()).max_idea_chars
    return {
        key: clean_idea(value, settings) if key in TEXT_KEYS and isinstance(value, str) and len(value) > limit
        else value
        for key, value in payload.items()
    }  # fmt: skip


Admit = Callable[[str], None]
"""Called with a job's kind before it is stored; raises UserError when the one asking must wait."""


def admit_job(
    store: Any, kind: str, payload: dict[str, Any], *, key: str | None, maker: str | None,
    actor: dict[str, str] | None, admit: Admit | None, per_maker: int | None, before: Callable[[], None] | None = None,
) -> tuple[Job, bool]:  # fmt: skip
    """What both queues do first: the input checked, the job already stored with ``key`` (and False), else the
    hourly limits (``admit``) and the per-maker limit, and a new job stored (and True)."""
    payload = check_input(payload)
    if key is not None and (same := store.find(key)) is not None:
        return same, False
    if admit is not None:
        admit(kind)
    if before is not None:
        before()
    job = Job(id=secrets.token_hex(8), kind=kind, input=payload, key=key, maker=maker, actor=actor or {})
    stored = store.add(job, per_maker=per_maker)
    return stored, stored is job  # another job with the key, stored at the same moment: that one


class InProcessQueue:
    """Runs jobs on a few threads of this process (the embedded default): ``workers`` at once is the global
    admission limit (more wait their turn, in order), ``per_maker`` queued or running jobs per maker."""

    def __init__(
        self, store: JobStore, workers: int = 2, *, admit: Admit | None = None, sweep_every: float | None = None,
        runner: Runner | None = None, per_maker: int | None = PER_MAKER,
    ) -> None:  # fmt: skip
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flashapps-job")
        self.futures: dict[str, Future[None]] = {}
        self.admit = admit
        self.runner = runner
        self.per_maker = per_maker
        self.sweep_every = sweep_every
        self.retry_pauses: tuple[float, ...] = (5.0, 20.0)
        self._swept: float | None = None
        self._sweep_lock = threading.Lock()

    def _maybe_sweep(self) -> None:
        """Prunes the home folder on a thread of its own, at most once every ``sweep_every`` seconds: new jobs
        are what fills the disk, so a studio that makes them also sweeps."""
        if self.sweep_every is None:
            return
        with self._sweep_lock:
            now = time.monotonic()
            if self._swept is not None and now - self._swept < self.sweep_every:
                return
            self._swept = now
        settings = Settings(home=self.store.root.parent)
        threading.Thread(target=_sweep, args=(settings,), name="flashapps-prune", daemon=True).start()

    def submit(
        self, kind: str, payload: dict[str, Any], work: Work | None = None, *, key: str | None = None,
        maker: str | None = None, actor: dict[str, str] | None = None,
    ) -> Job:  # fmt: skip
        """Stores and queues a job: with no ``work``, the runner runs it from its data (kind, input, actor).
        The same ``key`` returns the job already made with it (nothing is counted or run again)."""
        job, new = admit_job(self.store, kind, payload, key=key, maker=maker, actor=actor, admit=self.admit,
                             per_maker=self.per_maker, before=self._maybe_sweep)  # fmt: skip
        if not new:
            return job
        if work is None:
            if self.runner is None:
                raise ValueError("a job with no work needs a queue with a runner")
            runner = self.runner
            work = lambda emit: runner(job, emit, lambda: self.store.save(job))  # noqa: E731
        self.futures[job.id] = self._pool.submit(self._run, job, work)
        return job

    def cancel(self, job_id: str) -> bool:
        """Cancels a waiting job; a running one stops at its next stage (what it made so far stays)."""
        if not self.store.mark_cancelled(job_id, running=True):
            return False
        future = self.futures.get(job_id)
        if future is not None:
            future.cancel()
        return True

    def position(self, job_id: str) -> int | None:
        return self.store.position(job_id)

    def _run(self, job: Job, work: Work) -> None:
        if self.store.get(job.id).status == "cancelled":
            return
        job.status = "running"
        job.attempts += 1
        self.store.save(job)

        def on_event(event: StageEvent) -> None:
            job.events.append(event)
            self.store.save(job)
            if job.status == "cancelled":
                raise Cancelled(job.id)

        try:
            job.result = self._attempts(job, work, on_event)
            job.status = "done"
        except Cancelled:
            return
        except UserError as exc:
            job.status, job.error = "failed", exc.messages
        except Exception as exc:  # a job records every failure; the page shows it
            job.status = "failed"
            job.error = {"en": f"Unexpected error: {type(exc).__name__}", "zh": f"意外错误：{type(exc).__name__}"}
        if job.status == "failed":
            release_key(job)
        self.store.save(job)

    def _attempts(self, job: Job, work: Work, on_event: Callable[[StageEvent], None]) -> dict[str, Any]:
        """Runs the work; a sandbox that was briefly unavailable (a busy or restarting engine) is tried again
        after a pause, ``len(self.retry_pauses)`` times at most (the task continues what it started)."""
        from workshop.actions import VerifyUnavailable

        for pause in self.retry_pauses:
            try:
                return work(on_event)
            except VerifyUnavailable as exc:
                if self.store.get(job.id).status == "cancelled":
                    raise
                log.warning("job %s: %s; trying again in %s s", job.id, exc.messages["en"], pause)
                time.sleep(pause)
                job.attempts += 1
                self.store.save(job)
        return work(on_event)  # the last try: its failure is the job's

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
