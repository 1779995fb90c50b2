"""Jobs: a generation runs as a job with an id; its events and result are stored as they happen,
so a page reload does not lose it, and a queue could run it elsewhere later.

One small interface (``JobQueue.submit``) with an in-process implementation (a thread pool);
state lives in ``$FLASHAPPS_HOME/jobs/<id>.json``, written atomically after every event.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
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
from workshop.projects import ProjectStore, write_atomic

__all__ = ["InProcessQueue", "Job", "JobQueue", "JobStore", "check_input", "prune"]

log = logging.getLogger("workshop.jobs")

Status = Literal["queued", "running", "done", "failed"]


def _now() -> str:
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
    created_at: str = Field(default_factory=_now)
    updated_at: str = Field(default_factory=_now)


class JobStore:
    def __init__(self, home: Path) -> None:
        self.root = Path(home) / "jobs"
        self._lock = threading.Lock()

    def save(self, job: Job) -> None:
        job.updated_at = _now()
        with self._lock:
            write_atomic(self.root / f"{job.id}.json", job.model_dump_json())

    def get(self, job_id: str) -> Job:
        path = self.root / f"{job_id}.json"
        if not job_id.isalnum() or not path.is_file():
            raise UserError(f"No job {job_id!r}.", f"没有任务 {job_id!r}。")
        return Job.model_validate_json(path.read_text(encoding="utf-8"))

    def recent(self, limit: int = 20) -> list[Job]:
        jobs = [Job.model_validate_json(p.read_text(encoding="utf-8")) for p in self.root.glob("*.json")]
        return sorted(jobs, key=lambda job: job.created_at, reverse=True)[:limit]

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
    """One sweep of a home folder: old jobs and abandoned anonymous drafts (the days are settings)."""
    settings = settings or Settings()
    return {
        "jobs": JobStore(settings.home).prune(settings.prune_jobs_days, now=now),
        "drafts": ProjectStore(settings.home).prune_drafts(settings.prune_drafts_days, now=now),
    }


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


class JobQueue(Protocol):
    store: JobStore

    def submit(self, kind: str, payload: dict[str, Any], work: Work) -> Job: ...


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


class InProcessQueue:
    """Runs jobs on a few threads of this process (the embedded default)."""

    def __init__(
        self, store: JobStore, workers: int = 2, *, admit: Admit | None = None, sweep_every: float | None = None
    ) -> None:
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="flashapps-job")
        self.futures: dict[str, Future[None]] = {}
        self.admit = admit
        self.sweep_every = sweep_every
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

    def submit(self, kind: str, payload: dict[str, Any], work: Work) -> Job:
        payload = check_input(payload)
        if self.admit is not None:
            self.admit(kind)
        self._maybe_sweep()
        job = Job(id=secrets.token_hex(8), kind=kind, input=payload)
        self.store.save(job)
        self.futures[job.id] = self._pool.submit(self._run, job, work)
        return job

    def _run(self, job: Job, work: Work) -> None:
        job.status = "running"
        self.store.save(job)

        def on_event(event: StageEvent) -> None:
            job.events.append(event)
            self.store.save(job)

        try:
            job.result = work(on_event)
            job.status = "done"
        except UserError as exc:
            job.status, job.error = "failed", exc.messages
        except Exception as exc:  # a job records every failure; the page shows it
            job.status = "failed"
            job.error = {"en": f"Unexpected error: {type(exc).__name__}", "zh": f"意外错误：{type(exc).__name__}"}
        self.store.save(job)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)
