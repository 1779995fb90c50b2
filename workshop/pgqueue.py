"""The job queue past one machine: jobs in PostgreSQL, run by procrastinate workers (``flashapps worker``) on
any host, chosen when the jobs database setting is a PostgreSQL URL (workshop.jobs.queue_url).

Two tables hold a job: ours (``flashapps_jobs``: status, events, result, idempotency key, maker), which the
studio reads exactly as it reads the files of the in-process queue, and procrastinate's, which hands the job
to one worker, retries a transient failure with backoff, and lets a waiting job be cancelled. Both are made
by this module's Alembic migrations (``workshop/alembic``, version table ``workshop_alembic_version``).

A worker killed mid-job leaves its procrastinate job "doing" with a heartbeat that stops: every worker looks
for such stalled jobs and retries them; the task then continues the draft it noted (workshop/tasks.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import signal
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import psycopg
import sqlalchemy.exc
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url

from flashapps.errors import UserError
from flashapps.events import StageEvent
from workshop import tasks
from workshop.actions import VerifyUnavailable
from workshop.jobs import (
    ACTIVE,
    PER_MAKER,
    Admit,
    Busy,
    Cancelled,
    InProcessQueue,
    Job,
    Work,
    admit_job,
    now_iso,
    release_key,
)

__all__ = ["MAX_ATTEMPTS", "PgQueue", "SqlJobStore", "Transient", "make_app", "migrate", "run_worker"]

log = logging.getLogger("workshop.pgqueue")

MIGRATIONS_DIR = Path(__file__).with_name("alembic")
QUEUE = "flashapps"
TASK = "flashapps.run_job"
MAX_ATTEMPTS = 5
"""Runs of one job at most (the first and four retries, after 2, 4, 8 and 16 seconds)."""


class Transient(Exception):
    """A failure that may pass by itself (the sandbox engine briefly unavailable): the job is retried."""


TRANSIENT: tuple[type[Exception], ...] = (Transient, psycopg.OperationalError, sqlalchemy.exc.OperationalError,
                                          ConnectionError, TimeoutError)  # fmt: skip
"""Failures retried with backoff: a lost database connection, a sandbox engine briefly away."""
RETRIED: tuple[type[Exception], ...] = (*TRANSIENT, VerifyUnavailable)


def _sqlalchemy_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def libpq_url(url: str) -> str:
    """The same database as a libpq connection string (what procrastinate's psycopg connector takes)."""
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def migrate(engine: Engine) -> None:
    """Brings the queue's tables to the newest migration; processes starting at once take turns."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as connection:
        connection.execute(text("SELECT pg_advisory_xact_lock(hashtext('flashapps-workshop-migrate'))"))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


class SqlJobStore:
    """The jobs table: the same methods as workshop.jobs.JobStore (the files of the in-process queue)."""

    def __init__(self, url: str, *, upgrade: bool = True) -> None:
        self.engine = create_engine(_sqlalchemy_url(url), pool_pre_ping=True, pool_size=5, max_overflow=10)
        if upgrade:
            migrate(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    @contextlib.contextmanager
    def _tx(self) -> Iterator[Connection]:
        with self.engine.begin() as connection:
            yield connection

    @staticmethod
    def _row(job: Job) -> dict[str, Any]:
        return {
            "id": job.id, "kind": job.kind, "status": job.status, "key": job.key, "maker": job.maker,
            "attempts": job.attempts, "created_at": job.created_at, "updated_at": job.updated_at,
            "data": job.model_dump_json(),
        }  # fmt: skip

    def save(self, job: Job) -> None:
        """Writes the job; a job cancelled meanwhile stays cancelled (a running task's events are dropped)."""
        job.updated_at = now_iso()
        with self._tx() as db:
            done = db.execute(
                text("UPDATE flashapps_jobs SET status=:status, key=:key, attempts=:attempts, updated_at=:updated_at, "
                     "data=:data WHERE id=:id AND (status <> 'cancelled' OR :status = 'cancelled')"),
                self._row(job),
            )  # fmt: skip
        if done.rowcount == 0:
            job.status = "cancelled"

    def get(self, job_id: str) -> Job:
        with self._tx() as db:
            data = db.scalar(text("SELECT data FROM flashapps_jobs WHERE id = :id"), {"id": job_id})
        if data is None:
            raise UserError(f"No job {job_id!r}.", f"没有任务 {job_id!r}。")
        return Job.model_validate_json(data)

    def find(self, key: str) -> Job | None:
        with self._tx() as db:
            data = db.scalar(text("SELECT data FROM flashapps_jobs WHERE key = :key"), {"key": key})
        return None if data is None else Job.model_validate_json(data)

    def add(self, job: Job, *, per_maker: int | None = None) -> Job:
        """Stores a new job, or returns the one already stored with its key; raises Busy when its maker has
        ``per_maker`` jobs queued or running (counted under a lock per maker, so two tabs cannot both pass)."""
        with self._tx() as db:
            if job.maker:
                db.execute(text("SELECT pg_advisory_xact_lock(hashtext(:maker))"), {"maker": "job-maker:" + job.maker})
            if job.key and (same := db.scalar(text("SELECT data FROM flashapps_jobs WHERE key = :key"),
                                              {"key": job.key})) is not None:  # fmt: skip
                return Job.model_validate_json(same)
            if per_maker and job.maker:
                busy = db.scalar(
                    text(
                        "SELECT count(*) FROM flashapps_jobs WHERE maker = :maker AND status IN ('queued', 'running')"
                    ),
                    {"maker": job.maker},
                )
                if (busy or 0) >= per_maker:
                    raise Busy(per_maker)
            job.updated_at = now_iso()
            inserted = db.execute(
                text("INSERT INTO flashapps_jobs (id, kind, status, key, maker, attempts, created_at, updated_at, "
                     "data) "
                     "VALUES (:id, :kind, :status, :key, :maker, :attempts, :created_at, :updated_at, :data) "
                     "ON CONFLICT (key) DO NOTHING"),
                self._row(job),
            )  # fmt: skip
        if inserted.rowcount == 0 and job.key:  # the same key, from another studio replica at the same moment
            same_job = self.find(job.key)
            if same_job is not None:
                return same_job
        return job

    def set_queue_id(self, job_id: str, queue_id: int) -> None:
        with self._tx() as db:
            db.execute(text("UPDATE flashapps_jobs SET queue_id = :q WHERE id = :id"), {"q": queue_id, "id": job_id})

    def queue_id(self, job_id: str) -> int | None:
        with self._tx() as db:
            return db.scalar(text("SELECT queue_id FROM flashapps_jobs WHERE id = :id"), {"id": job_id})

    def position(self, job_id: str) -> int | None:
        """A queued job's place in the queue (1: next to start); None once it started or ended."""
        job = self.get(job_id)
        if job.status != "queued":
            return None
        with self._tx() as db:
            ahead = db.scalar(
                text("SELECT count(*) FROM flashapps_jobs WHERE status = 'queued' AND (created_at, id) < (:at, :id)"),
                {"at": job.created_at, "id": job.id},
            )
        return 1 + int(ahead or 0)

    def mark_cancelled(self, job_id: str, *, running: bool = False) -> bool:
        """Cancels a queued job (and a running one when ``running``); False when it can no longer be."""
        with self._tx() as db:
            data = db.scalar(text("SELECT data FROM flashapps_jobs WHERE id = :id FOR UPDATE"), {"id": job_id})
            if data is None:
                return False
            job = Job.model_validate_json(data)
            if job.status not in (ACTIVE if running else ("queued",)):
                return False
            job.status, job.updated_at = "cancelled", now_iso()
            release_key(job)
            db.execute(text("UPDATE flashapps_jobs SET status=:status, key=:key, updated_at=:updated_at, data=:data "
                            "WHERE id=:id"), self._row(job))  # fmt: skip
        return True

    def _jobs(self, where: str, limit: int, order: str = "created_at") -> list[Job]:
        with self._tx() as db:
            rows = db.scalars(
                text(f"SELECT data FROM flashapps_jobs {where} ORDER BY {order} DESC LIMIT :limit"), {"limit": limit}
            )
            return [Job.model_validate_json(data) for data in rows]

    def failed(self, limit: int = 100) -> list[Job]:
        """The jobs that failed for good, newest first."""
        return self._jobs("WHERE status = 'failed'", limit, "updated_at")

    def recent(self, limit: int = 20) -> list[Job]:
        return self._jobs("", limit)

    def prune(self, older_than_days: float, *, now: float | None = None) -> list[str]:
        """Removes the jobs last written more than ``older_than_days`` ago; returns their ids."""
        cutoff = dt.datetime.fromtimestamp((time.time() if now is None else now) - older_than_days * 86400, dt.UTC)
        with self._tx() as db:
            rows = db.scalars(
                text("DELETE FROM flashapps_jobs WHERE updated_at < :cutoff AND status NOT IN ('queued', 'running') "
                     "RETURNING id"),
                {"cutoff": cutoff.isoformat(timespec="milliseconds")},
            )  # fmt: skip
            return sorted(rows)


# -- procrastinate ---------------------------------------------------------------------------------
def make_app(url: str, *, worker: bool = False, env: Callable[[], tasks.TaskEnv] | None = None) -> Any:
    """A procrastinate App for the jobs database: a synchronous connector to defer and cancel from the studio,
    an asynchronous one (``worker``) to run jobs, with the task that runs a job from its data."""
    import procrastinate

    conninfo = libpq_url(url)
    connector = (
        procrastinate.PsycopgConnector(conninfo=conninfo)
        if worker
        else procrastinate.SyncPsycopgConnector(conninfo=conninfo)
    )
    app = procrastinate.App(connector=connector)
    store = functools.cache(lambda: SqlJobStore(url, upgrade=False))
    task_env = env or tasks.default_env

    @app.task(
        name=TASK,
        queue=QUEUE,
        pass_context=True,
        retry=procrastinate.RetryStrategy(
            max_attempts=MAX_ATTEMPTS - 1, exponential_wait=2, retry_exceptions=set(TRANSIENT)
        ),  # fmt: skip
    )
    def run_job(context: Any, job_id: str) -> None:
        run_one(store(), task_env(), job_id, attempt=int(context.job.attempts), should_abort=context.should_abort)

    return app


def run_one(store: SqlJobStore, env: tasks.TaskEnv, job_id: str, *, attempt: int,
            should_abort: Callable[[], bool] = lambda: False) -> None:  # fmt: skip
    """Runs one job (attempt ``attempt``, counted from 0): its events and result go to the jobs table. A
    UserError fails it for good at once; a transient failure is raised again for procrastinate to retry, until
    the last attempt, which fails it with a plain message."""
    job = store.get(job_id)
    if job.status not in ACTIVE:  # done, failed or cancelled already: a duplicate delivery does nothing
        return
    job.status, job.attempts = "running", attempt + 1
    store.save(job)
    if job.status == "cancelled":
        return

    def emit(event: StageEvent) -> None:
        job.events.append(event)
        store.save(job)
        if job.status == "cancelled" or should_abort():
            raise Cancelled(job.id)

    try:
        job.result = tasks.run(job, env, emit, lambda: store.save(job))
        job.status = "done"
    except Cancelled:
        return
    except RETRIED as exc:
        if attempt + 1 < MAX_ATTEMPTS:
            log.warning("job %s: %s, attempt %d of %d; retrying", job.id, type(exc).__name__, attempt + 1, MAX_ATTEMPTS)
            job.status = "queued"
            with contextlib.suppress(*TRANSIENT):
                store.save(job)
            if isinstance(exc, TRANSIENT):
                raise
            raise Transient(str(exc)) from exc
        job.status, job.error = "failed", _gave_up(exc)
    except UserError as exc:
        job.status, job.error = "failed", exc.messages
    except Exception as exc:  # recorded like the in-process queue records it; the details go to the log
        log.exception("job %s failed", job.id)
        job.status = "failed"
        job.error = {"en": f"Unexpected error: {type(exc).__name__}", "zh": f"意外错误：{type(exc).__name__}"}
    if job.status == "failed":
        release_key(job)
    store.save(job)


def _gave_up(exc: BaseException) -> dict[str, str]:
    if isinstance(exc, UserError):
        return exc.messages
    return {
        "en": f"This kept failing for a while ({type(exc).__name__}), so we stopped trying. Please try again later.",
        "zh": f"这一步连续失败了一段时间（{type(exc).__name__}），我们已停止重试。请稍后再试。",
    }


class PgQueue:
    """Jobs in PostgreSQL, run by ``flashapps worker`` processes on any host (procrastinate). The global
    admission limit is what the workers run at once (their ``--concurrency`` together); the rest wait, in
    order (``position``). ``per_maker`` queued or running jobs per maker."""

    def __init__(self, url: str, *, admit: Admit | None = None, per_maker: int | None = PER_MAKER) -> None:
        self.url = url
        self.store = SqlJobStore(url)
        self.admit = admit
        self.per_maker = per_maker
        self.app = make_app(url)
        self.app.open()
        self._local: InProcessQueue | None = None

    def submit(
        self, kind: str, payload: dict[str, Any], work: Work | None = None, *, key: str | None = None,
        maker: str | None = None, actor: dict[str, str] | None = None,
    ) -> Job:  # fmt: skip
        """Stores the job and hands it to the workers; the same ``key`` returns the job already made with it.
        A job given as ``work`` (a closure, such as an upload carrying its file) runs in this process."""
        if work is not None:
            if self._local is None:
                self._local = InProcessQueue(self.store, workers=2, admit=self.admit, per_maker=self.per_maker)  # type: ignore[arg-type]
            return self._local.submit(kind, payload, work, key=key, maker=maker, actor=actor)
        job, new = admit_job(self.store, kind, payload, key=key, maker=maker, actor=actor, admit=self.admit,
                             per_maker=self.per_maker)  # fmt: skip
        if not new:
            return job
        try:
            queue_id = self.app.tasks[TASK].configure(queueing_lock=job.id).defer(job_id=job.id)
        except Exception:
            job.status, job.error = "failed", _gave_up(Transient("defer"))
            release_key(job)
            self.store.save(job)
            raise
        self.store.set_queue_id(job.id, int(queue_id))
        return job

    def cancel(self, job_id: str) -> bool:
        """Cancels a waiting job; a running one is asked to stop (at its next stage)."""
        if not self.store.mark_cancelled(job_id, running=True):
            return False
        queue_id = self.store.queue_id(job_id)
        if queue_id is not None:
            with contextlib.suppress(Exception):  # already finished there: our table says cancelled anyway
                self.app.job_manager.cancel_job_by_id(queue_id, abort=True)
        return True

    def position(self, job_id: str) -> int | None:
        return self.store.position(job_id)

    def shutdown(self) -> None:
        if self._local is not None:
            self._local.shutdown()
        self.app.close()
        self.store.close()


# -- the worker ------------------------------------------------------------------------------------
async def _retry_stalled(app: Any, stalled_after: float, every: float) -> None:
    """Hands the jobs of workers that stopped sending heartbeats (killed, lost) to a live worker again; a job
    that has used its attempts fails for good instead."""
    from procrastinate.jobs import Status

    while True:
        await asyncio.sleep(every)
        try:
            await app.job_manager.prune_stalled_workers(stalled_after)
            for found in await app.job_manager.get_stalled_jobs(queue=QUEUE, seconds_since_heartbeat=stalled_after):
                if found.attempts + 1 >= MAX_ATTEMPTS:
                    await app.job_manager.finish_job_by_id_async(found.id, status=Status.FAILED, delete_job=False)
                    _fail_stalled(app, found)
                else:
                    log.warning("retrying stalled job %s (attempt %d)", found.id, found.attempts + 1)
                    await app.job_manager.retry_job(found)
        except asyncio.CancelledError:
            raise
        except Exception:  # the database briefly away: try again next round
            log.exception("looking for stalled jobs failed")


def _fail_stalled(app: Any, found: Any) -> None:
    store: SqlJobStore = app.flashapps_store
    job_id = found.task_kwargs.get("job_id")
    with contextlib.suppress(UserError):
        job = store.get(str(job_id))
        job.status, job.error = "failed", _gave_up(Transient("worker lost"))
        release_key(job)
        store.save(job)


RESTART_S = 2.0
"""Seconds before a worker that stopped by itself (its database away) starts taking jobs again."""
DATABASE_WAIT_S = 120.0
"""How long a starting worker waits for its database (restarting, or not up yet) before giving up."""


def _migrated(url: str, wait_s: float = DATABASE_WAIT_S) -> None:
    """The tables, migrated; waits for a database that is away for a moment (restarting) at the start."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            SqlJobStore(url).close()
            return
        except (psycopg.OperationalError, sqlalchemy.exc.OperationalError) as error:
            if time.monotonic() > deadline:
                raise
            log.warning("the jobs database is not answering (%s): trying again", type(error).__name__)
            time.sleep(1)


def run_worker(url: str, *, concurrency: int = 2, stalled_after: float = 30, heartbeat: float = 5,
               env: Callable[[], tasks.TaskEnv] | None = None) -> None:  # fmt: skip
    """Runs jobs until SIGTERM or SIGINT (the running ones finish first): ``concurrency`` at once.

    procrastinate's worker stops by itself when one of its side tasks fails: its listener reconnects once
    LISTEN/NOTIFY has been quiet for 30 s, and a reconnection while PostgreSQL is restarting fails; a fetch that
    finds the database away raises too. So the worker is started again (after ``RESTART_S``) until a signal
    asks it to stop; only a signal ends this function."""
    _migrated(url)
    app = make_app(url, worker=True, env=env)
    app.flashapps_store = SqlJobStore(url, upgrade=False)

    async def main() -> None:
        loop = asyncio.get_running_loop()
        stopping = asyncio.Event()
        running: list[asyncio.Task[None]] = []

        def on_signal() -> None:  # the first signal: a graceful stop; a second one: the default (at once)
            stopping.set()
            for number in (signal.SIGINT, signal.SIGTERM):
                loop.remove_signal_handler(number)
            for task in running:
                task.cancel()  # procrastinate's worker stops gracefully when cancelled

        for number in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(number, on_signal)
        async with app.open_async():
            reaper = asyncio.create_task(_retry_stalled(app, stalled_after, max(1.0, heartbeat)))
            try:
                while not stopping.is_set():
                    running[:] = [asyncio.create_task(app.run_worker_async(
                        queues=[QUEUE], concurrency=concurrency, update_heartbeat_interval=heartbeat,
                        stalled_worker_timeout=stalled_after, install_signal_handlers=False, wait=True,
                    ))]  # fmt: skip
                    try:
                        await running[0]
                    except asyncio.CancelledError:
                        if not stopping.is_set():
                            raise
                    except Exception:
                        log.exception("the worker stopped: its database went away")
                    if stopping.is_set():
                        break
                    log.warning("the worker stopped by itself (its database away?): starting again in %g s", RESTART_S)
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(stopping.wait(), RESTART_S)
            finally:
                reaper.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await reaper

    asyncio.run(main())
