"""The proof on one machine (issue 18): a small cluster, a burst of ideas through the JSON API, and faults.

    python -m bench.cluster [--ideas 500] [--workers 1 2 4] [--concurrency 1] [--no-faults] [--out DIR]
    make cluster CLUSTER_ARGS="--ideas 60"

Starts from nothing (bench/cluster_services.py): a throwaway PostgreSQL, two studio replicas behind nginx, two
sandbox hosts that serve the published apps (``flashapps host``; with ``--sandbox docker`` each with a Docker
engine of its own: bench/cluster_hosts.py), the workers, and a class of makers, each a gallery user with an API
token. Everything stops and is removed at the end, on Ctrl-C or an error too.

- **Burst**, once for each worker count: every idea submitted at once (``POST /api/v1/apps`` through nginx, each
  with its own ``Idempotency-Key``), each job followed (``GET /api/v1/jobs/{id}``) to done and published
  (``POST /api/v1/drafts/{id}/publish``). Each maker submits two ideas: the studio's limit is 2 jobs at once per
  maker, so the burst is a class of ``ideas / 2`` makers (the hourly limits, 30 new apps and 120 jobs per maker,
  are never reached). Reported: throughput (published apps a minute), p50/p95 from submission to a published
  app, the queue positions the API answered, and every answer other than 200/202 by status. A 429 is retried
  after its ``Retry-After``; any other refusal counts as a failure.
- **Faults**, one at a time, each under a burst of its own with two workers: a worker killed (SIGKILL) while
  every worker is in the middle of a job; a studio replica killed (SIGKILL; started again afterwards); a sandbox
  host killed while visitors write into its apps (its apps come back on the other host at their next visit;
  what was written before vs what came back: bench/cluster_host_fault.py); PostgreSQL restarted. Reported: lost
  jobs (an idea without a published app), duplicate drafts and apps (more than one per idea), and the answers
  other than 200/202 while the fault lasted (a client retries a transport error, and a 500/502/503/504 up to ten
  times, with the same Idempotency-Key, which answers the same job).

Each replica is sent one API request at a time before a burst (``Cluster.warm``): its first requests arriving
together answer 500: each thread that asks first opens the gallery and runs its Alembic migrations, at once in
one process, and Alembic's module-level context is not thread-safe (studio/services.py ``_gallery``).

Workers verify each app in this machine's sandbox backend (``--sandbox``: Docker when an engine answers, else
bubblewrap); the hosts run apps in it too. Results: ``<out>/cluster.json`` and ``cluster.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import signal
import subprocess
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.cluster_burst import IDEAS, Burst, Client, Tracked, burst, ideas_for, until
from bench.cluster_db import attempts, running_jobs
from bench.cluster_host_fault import fault_host
from bench.cluster_services import Cluster, ClusterUnavailable, start_cluster

__all__ = [
    "IDEAS",
    "Burst",
    "bench_cluster",
    "burst",
    "fault_host",
    "fault_postgres",
    "fault_replica",
    "fault_worker",
    "ideas_for",
    "main",
    "markdown",
    "run",
]

ROOT = Path(__file__).resolve().parents[1]


# -- faults ------------------------------------------------------------------------------------------
def fault_worker(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """Two workers of one job at once; once both are in the middle of a job, one is killed (SIGKILL). The other
    finds its job stalled and runs it again: the same draft, one app."""

    def kill(tracked: list[Tracked]) -> list[dict[str, Any]]:
        until(lambda: running_jobs(cluster) >= 2, 300, "both workers to hold a job")
        victim = cluster.workers[0]
        cluster.kill_worker(victim)
        return [{"fault": "worker killed (SIGKILL) mid-job", "at_s": round(time.monotonic() - started, 1)}]

    started = time.monotonic()
    result = burst(cluster, ideas, workers=2, during=kill, **options)
    retried = attempts(cluster, [t.job_id for t in result.tracked if t.job_id])
    result.events.append({"jobs_run_more_than_once": sum(1 for n in retried.values() if n > 1)})
    return result


def fault_replica(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """Replica "a" killed (SIGKILL) once jobs are running; API clients and visitors carry on through "b" (nginx);
    "a" is started again when the burst ends."""
    client = Client(cluster.base, cluster.context)

    def kill(tracked: list[Tracked]) -> list[dict[str, Any]]:
        until(lambda: running_jobs(cluster) >= 1, 300, "a job to run")
        cluster.kill_replica("a")
        at = round(time.monotonic() - started, 1)
        pages: Counter[str] = Counter()
        until(lambda: any(t.slug for t in tracked), 600, "a published app to visit")
        slug = next(t.slug for t in tracked if t.slug)
        try:
            for _ in range(10):  # visitors: the studio's front page and a published app's page, through nginx
                for path in ("/", f"/s/{slug}"):
                    status, headers, _data = client.request("GET", path, "none")
                    pages[f"GET {path.split('/')[1] or '/'} {status} from {headers.get('x-flash-replica')}"] += 1
        finally:
            client.close()
        return [{"fault": "replica a killed (SIGKILL)", "at_s": at, "visitor_pages": dict(pages)}]

    started = time.monotonic()
    try:
        return burst(cluster, ideas, workers=2, during=kill, **options)
    finally:
        if cluster.replicas["a"].poll() is not None:
            cluster.start_replica("a")
            cluster.wait_replica("a")
            cluster.warm("a")


def fault_postgres(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """PostgreSQL restarted (every connection dropped) while jobs run; the jobs resume."""

    def restart(tracked: list[Tracked]) -> list[dict[str, Any]]:
        until(lambda: running_jobs(cluster) >= 1, 300, "a job to run")
        at = round(time.monotonic() - started, 1)
        took = cluster.restart_postgres()
        return [{"fault": "PostgreSQL restarted (pg_ctl restart -m fast)", "at_s": at, "restart_s": round(took, 1)}]

    started = time.monotonic()
    return burst(cluster, ideas, workers=2, during=restart, **options)


# -- the report --------------------------------------------------------------------------------------
NOT_COVERED = (
    "Everything runs on one machine: the two sandbox hosts share its cores (with Docker each has an engine of its "
    "own), and the workers verify with this machine's engine."
)
FAULTS = (("worker", fault_worker), ("replica", fault_replica), ("host", fault_host), ("postgres", fault_postgres))


def run(*, ideas: int, levels: list[int], concurrency: int = 1, faults: bool = True, fault_ideas: int = 10,
        sandbox: str = "bubblewrap", poll_s: float = 1.0, timeout_s: float = 1800, keep: Path | None = None,
        log: Callable[[str], None] = print) -> dict[str, Any]:  # fmt: skip
    """Starts a cluster, runs a burst for each worker count and (``faults``) the four faults; the results."""
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "sandbox": sandbox, "ideas": ideas,
        "makers": "a class of users, two ideas each (2 jobs at once per maker); hourly limits at their defaults",
        "not_covered": NOT_COVERED, "bursts": [], "faults": [],
    }  # fmt: skip
    with start_cluster(keep, sandbox=sandbox) as cluster:
        log(
            f"cluster up: PostgreSQL, replicas a and b behind nginx at {cluster.base}, sandbox hosts "
            f"{' and '.join(cluster.hosts)} (sandbox: {sandbox})"
        )
        for workers in levels:
            done = burst(cluster, ideas_for(ideas, f"w{workers}-"), workers=workers, concurrency=concurrency,
                         poll_s=poll_s, timeout_s=timeout_s)  # fmt: skip
            results["bursts"].append(done.summary())
            log(_line(results["bursts"][-1]))
        if faults:
            for name, fault in FAULTS:
                done = fault(cluster, ideas_for(fault_ideas, f"{name}-"), poll_s=poll_s, timeout_s=timeout_s)
                results["faults"].append({"fault": name, **done.summary()})
                log(f"fault {name}: " + _line(results["faults"][-1]))
    return results


def _line(s: dict[str, Any]) -> str:
    p = s["to_published_s"] or {}
    return (f"{s['workers']} worker(s): {s['published']}/{s['ideas']} published, {s['apps_per_min']} apps/min, "
            f"p50 {p.get('p50')} s p95 {p.get('p95')} s, lost {s['lost_jobs']}, duplicates "
            f"{s['duplicate_drafts']}+{s['duplicate_apps']}, other answers {s['answers_other_than_2xx']}")  # fmt: skip


def markdown(results: dict[str, Any]) -> str:
    lines = [
        "# Cluster: a burst through the API, and faults", "",
        f"{results['when']}, sandbox backend `{results['sandbox']}`, {results['ideas']} ideas a burst; makers: "
        f"{results['makers']}. Two studio replicas behind nginx, two sandbox hosts serving the apps, PostgreSQL, "
        f"`flashapps worker --concurrency "
        f"{(results['bursts'] or [{'concurrency': 1}])[0]['concurrency']}` each.", "",
        "| workers | published | apps/min | p50 s | p95 s | positions answered | lost | duplicates | other answers |",
        "|---|---|---|---|---|---|---|---|---|",
    ]  # fmt: skip
    for s in results["bursts"]:
        p, q = s["to_published_s"] or {}, s["positions"]["first_answered"] or {}
        lines.append(
            f"| {s['workers']} | {s['published']}/{s['ideas']} | {s['apps_per_min']} | {p.get('p50')} | "
            f"{p.get('p95')} | {q.get('min')}–{q.get('max')} (rose {s['positions']['rises']} times) | "
            f"{s['lost_jobs']} | {s['duplicate_drafts'] + s['duplicate_apps']} | {s['answers_other_than_2xx'] or '—'} |"
        )
    if results["faults"]:
        lines += ["", "| fault | published | lost | duplicates | runs retried | other answers | what happened |",
                  "|---|---|---|---|---|---|---|"]  # fmt: skip
        for s in results["faults"]:
            retried = next((e["jobs_run_more_than_once"] for e in s["events"] if "jobs_run_more_than_once" in e), "")
            said = "; ".join(json.dumps({k: v for k, v in e.items() if k != "jobs_run_more_than_once"},
                                        ensure_ascii=False) for e in s["events"] if "fault" in e)  # fmt: skip
            lines.append(
                f"| {s['fault']} | {s['published']}/{s['ideas']} | {s['lost_jobs']} | "
                f"{s['duplicate_drafts'] + s['duplicate_apps']} | {retried} | {s['answers_other_than_2xx'] or '—'} | "
                f"{said} |"
            )
    for s in results["faults"]:
        for e in s["events"]:
            if "writes" in e:
                lines += ["", f"A sandbox host lost: {e['apps_moved']} of its {e['apps_on_it']} visited apps came "
                          f"back on the other host; of {e['writes']} records written through a visitor's form, "
                          f"{e['came_back']} came back and {e['lost']} were lost (written {e['lost_newest_s']} s "
                          f"before the loss; the stated bound is {e['bound_s']} s of newest writes, "
                          f"{e['lost_older_than_bound']} lost beyond it)."]  # fmt: skip
    lines += ["", f"Not covered: {results['not_covered']}", ""]
    return "\n".join(lines)


def bench_cluster(ideas: int, levels: tuple[int, ...] = (1, 2, 4)) -> dict[str, Any]:
    """The bursts alone, for ``make bench`` (bench/run.py): a cluster of its own, no faults."""
    return run(ideas=ideas, levels=list(levels), faults=False)


def write(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "cluster.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (out / "cluster.md").write_text(markdown(results))


def _sandbox(chosen: str) -> str:
    """``auto``: Docker when this machine's engine answers and a second engine can be started (root, dockerd)."""
    if chosen != "auto":
        return chosen
    if os.geteuid() == 0 and shutil.which("dockerd") and shutil.which("docker"):
        answered = subprocess.run(["docker", "info"], capture_output=True, timeout=60, check=False)
        if answered.returncode == 0:
            return "docker"
    return "bubblewrap"


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # the same clean-up as Ctrl-C


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.cluster", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--ideas", type=int, default=500, help="ideas in each burst (default 500, the issue's size)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="worker counts (default 1 2 4)")
    parser.add_argument("--concurrency", type=int, default=1, help="jobs at once in each worker (default 1)")
    parser.add_argument("--fault-ideas", type=int, default=10, help="ideas in each fault's burst (default 10)")
    parser.add_argument("--no-faults", action="store_true", help="only the bursts")
    parser.add_argument("--sandbox", choices=["auto", "bubblewrap", "docker", "local"], default="auto",
                        help="where apps are checked and served (auto: docker when an engine answers and a second "
                        "one can be started here, else bubblewrap)")  # fmt: skip
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between two looks at one job")
    parser.add_argument(
        "--timeout",
        type=float,
        help="seconds a burst may take at most (default: 12 s an idea, at "
        "least an hour: 500 ideas on one worker of 2 cores take about 35 minutes)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--keep", type=Path, help="run the cluster in this folder and keep it (its logs) afterwards")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        results = run(ideas=args.ideas, levels=args.workers, concurrency=args.concurrency, faults=not args.no_faults,
                      fault_ideas=args.fault_ideas, sandbox=_sandbox(args.sandbox), poll_s=args.poll,
                      timeout_s=args.timeout or max(3600.0, 12.0 * args.ideas), keep=args.keep)  # fmt: skip
    except ClusterUnavailable as error:
        print(f"the cluster cannot start here: {error}")
        return 2
    except KeyboardInterrupt:
        print("stopped; everything the cluster started is stopped and removed")
        return 130
    write(results, args.out)
    print(f"written: {args.out / 'cluster.json'}, {args.out / 'cluster.md'}")
    every = [*results["bursts"], *results["faults"]]
    bad = sum(s["lost_jobs"] + s["duplicate_drafts"] + s["duplicate_apps"] for s in every)
    bad += sum(s["refusals_other_than_429"] for s in results["bursts"])
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
