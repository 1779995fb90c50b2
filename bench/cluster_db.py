"""What the cluster's database says (bench/cluster.py and its faults): drafts and apps made, each job's runs,
the jobs workers hold, and where an unfinished job stands."""

from __future__ import annotations

from bench.cluster_hosts import placements
from bench.cluster_services import Cluster

__all__ = ["apps_by_author", "attempts", "drafts", "job_states", "running_jobs"]


def drafts(cluster: Cluster) -> int:
    """Drafts made so far: folders under the shared FLASHAPPS_HOME, and rows of the drafts table once drafts
    live in the database (workshop/projects_sql.py)."""
    from sqlalchemy import text

    in_files = sum(1 for _ in (cluster.home / "projects").glob("*/project.json"))
    with placements(cluster.url).engine.connect() as db:
        if db.scalar(text("SELECT to_regclass('flashapps_projects')")) is None:
            return in_files
        return in_files + int(db.scalar(text("SELECT count(*) FROM flashapps_projects")) or 0)


def apps_by_author(cluster: Cluster) -> dict[str, int]:
    """Published apps in the gallery, counted by their author's username."""
    from sqlalchemy import create_engine, text

    engine = create_engine(cluster.url)
    try:
        with engine.connect() as db:
            rows = db.execute(text("SELECT u.username, count(*) FROM apps a JOIN users u ON u.id = a.author_id "
                                   "GROUP BY u.username")).all()  # fmt: skip
    finally:
        engine.dispose()
    return {str(name): int(count) for name, count in rows}


def attempts(cluster: Cluster, job_ids: list[str]) -> dict[str, int]:
    """How many runs each job took (from the jobs table)."""
    from workshop.pgqueue import SqlJobStore

    store = SqlJobStore(cluster.url, upgrade=False)
    try:
        return {job_id: store.get(job_id).attempts for job_id in job_ids}
    finally:
        store.close()


def job_states(cluster: Cluster, job_ids: list[str]) -> dict[str, str]:
    """Where each job stands in the database (so a job stuck says why): its status and runs in the jobs table,
    and procrastinate's status, attempts and the worker holding it (with its last heartbeat)."""
    from sqlalchemy import bindparam, create_engine, text

    engine = create_engine(cluster.url)
    try:
        with engine.connect() as db:
            rows = db.execute(
                text("SELECT f.id, f.status, f.attempts, p.status, p.attempts, p.worker_id, w.last_heartbeat "
                     "FROM flashapps_jobs f LEFT JOIN procrastinate_jobs p ON p.id = f.queue_id "
                     "LEFT JOIN procrastinate_workers w ON w.id = p.worker_id WHERE f.id IN :ids")
                .bindparams(bindparam("ids", expanding=True)), {"ids": job_ids},
            ).all()  # fmt: skip
    except Exception as error:  # the report says it; never hides the burst's own result
        return dict.fromkeys(job_ids, f"(job states unread: {type(error).__name__})")
    finally:
        engine.dispose()
    return {
        str(r[0]): f"[job {r[1]}, {r[2]} run(s); queue {r[3]}, attempts {r[4]}, worker {r[5]} last seen {r[6]}]"
        for r in rows
    }


def running_jobs(cluster: Cluster) -> int:
    """Jobs a worker holds right now (procrastinate's "doing")."""
    from sqlalchemy import create_engine, text

    engine = create_engine(cluster.url)
    try:
        with engine.connect() as db:
            return int(db.scalar(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'")) or 0)
    finally:
        engine.dispose()
