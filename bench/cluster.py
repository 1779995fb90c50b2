"""The proof on one machine (issue 18): a small cluster, a burst of ideas through the JSON API, and faults.

    python -m bench.cluster [--ideas 500] [--workers 1 2 4] [--concurrency 1] [--no-faults] [--out DIR]
    make cluster CLUSTER_ARGS="--ideas 60"

Starts from nothing (bench/cluster_services.py): a throwaway PostgreSQL, two studio replicas behind nginx, the
workers, and a class of makers, each a gallery user with an API token. Everything stops and is removed at the
end, on Ctrl-C or an error too.

- **Burst**, once for each worker count: every idea submitted at once (``POST /api/v1/apps`` through nginx, each
  with its own ``Idempotency-Key``), each job followed (``GET /api/v1/jobs/{id}``) to done and published
  (``POST /api/v1/drafts/{id}/publish``). Each maker submits two ideas: the studio's limit is 2 jobs at once per
  maker, so the burst is a class of ``ideas / 2`` makers (the hourly limits, 30 new apps and 120 jobs per maker,
  are never reached). Reported: throughput (published apps a minute), p50/p95 from submission to a published
  app, the queue positions the API answered, and every answer other than 200/202 by status. A 429 is retried
  after its ``Retry-After``; any other refusal counts as a failure.
- **Faults**, one at a time, each under a burst of its own with two workers: a worker killed (SIGKILL) while
  every worker is in the middle of a job; a studio replica killed (SIGKILL; started again afterwards); PostgreSQL
  restarted. Reported: lost jobs (an idea without a published app), duplicate drafts and apps (more than one per
  idea), and the answers other than 200/202 while the fault lasted (a client retries a transport error, and a
  500/502/503/504 up to ten times, with the same Idempotency-Key, which answers the same job).

Each replica is sent one API request at a time before a burst (``Cluster.warm``): its first requests arriving
together answer 500: each thread that asks first opens the gallery and runs its Alembic migrations, at once in
one process, and Alembic's module-level context is not thread-safe (studio/services.py ``_gallery``).

Workers verify each app in this machine's sandbox backend (``--sandbox``, bubblewrap by default); several sandbox
hosts are not built yet, and each replica serves apps itself. Results: ``<out>/cluster.json`` and ``cluster.md``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import math
import signal
import ssl
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.cluster_services import Cluster, ClusterUnavailable, Maker, start_cluster
from bench.stats import stats

__all__ = [
    "IDEAS",
    "Burst",
    "bench_cluster",
    "burst",
    "fault_postgres",
    "fault_replica",
    "fault_worker",
    "main",
    "markdown",
    "run",
]

ROOT = Path(__file__).resolve().parents[1]

IDEAS = [
    "an app to track my daily water intake",
    "a reading log where pupils record the pages they read each day",
    "a spelling quiz for ten words from this week's list",
    "a timer for my homework with short breaks",
    "a tally of the birds we see in the school garden",
    "a class chore rota that shows who waters the plants",
    "a list of my favourite songs with a rating for each",
    "每天记录读书页数的小应用",
    "记录每周跑步公里数的应用",
    "一個記錄每週運動時間的應用",
    "班級圖書借閱登記表",
    "记录每天喝了几杯水",
    "a packing list for the class trip",
    "a mood diary with one word a day",
    "a score keeper for our table tennis matches",
    "a vocabulary practice for French colours",
]
"""Sentences a class might type; each burst numbers them (``… (12)``) so every submission is its own idea."""

RETRIED = (500, 502, 503, 504)
"""A replica gone or the database away for a moment: the client asks again, a few times (the same
Idempotency-Key); each such answer is counted and reported, and in a burst without a fault it is a failure."""
TRIES = 10


class Client:
    """HTTPS to nginx, one kept-alive connection per thread; ``request`` answers (status, headers, JSON)."""

    def __init__(self, base: str, context: ssl.SSLContext) -> None:
        host, _, port = base.removeprefix("https://").partition(":")
        self.host, self.port, self.context = host, int(port), context
        self._local = threading.local()

    def _connection(self) -> http.client.HTTPSConnection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = http.client.HTTPSConnection(self.host, self.port, context=self.context, timeout=60)
            self._local.connection = connection
        return connection

    def reset(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
        self._local.connection = None

    def request(self, method: str, path: str, token: str, body: Any = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], Any]:  # fmt: skip
        sent = {"Authorization": f"Bearer {token}", **(headers or {})}
        data = None
        if body is not None:
            data, sent["Content-Type"] = json.dumps(body), "application/json"
        connection = self._connection()
        try:
            connection.request(method, path, body=data, headers=sent)
            response = connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.reset()
            raise
        if response.getheader("Connection", "").lower() == "close":
            self.reset()
        try:
            parsed = json.loads(raw) if raw else None
        except ValueError:
            parsed = raw.decode(errors="replace")[:300]
        return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed

    def close(self) -> None:
        self.reset()


@dataclass
class Tracked:
    """One idea of a burst, as its maker's client saw it."""

    idea: str
    maker: Maker
    key: str = field(default_factory=lambda: uuid.uuid4().hex)
    submitted: float = 0.0
    job_id: str | None = None
    positions: list[int] = field(default_factory=list)
    status: str = "unsent"
    draft_id: str | None = None
    slug: str | None = None
    published: float | None = None
    error: str | None = None


@dataclass
class Burst:
    """What a burst measured (``summary()`` for the report)."""

    workers: int
    concurrency: int
    tracked: list[Tracked]
    started: float
    ended: float
    answers: Counter[str] = field(default_factory=Counter)  # "POST /apps 429" -> count (everything but 200/202)
    failures: list[str] = field(default_factory=list)
    drafts_made: int = 0
    apps_made: int = 0
    events: list[dict[str, Any]] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        done = [t for t in self.tracked if t.published is not None]
        seconds = [t.published - t.submitted for t in done if t.published is not None]
        first = [t.positions[0] for t in self.tracked if t.positions]
        rises = sum(1 for t in self.tracked for x, y in zip(t.positions, t.positions[1:], strict=False) if y > x)
        span = (max((t.published or 0) for t in done) - self.started) if done else 0.0
        refusals = {k: v for k, v in self.answers.items() if not k.endswith(" 429")}  # 5xx, transport errors too
        return {
            "workers": self.workers, "concurrency": self.concurrency, "ideas": len(self.tracked),
            "published": len(done), "lost_jobs": len(self.tracked) - len(done),
            "duplicate_drafts": max(0, self.drafts_made - len({t.job_id for t in self.tracked if t.job_id})),
            "duplicate_apps": max(0, self.apps_made - len({t.slug for t in done})),
            "distinct_jobs": len({t.job_id for t in self.tracked if t.job_id}),
            "seconds": round(span, 1),
            "apps_per_min": round(len(done) / span * 60, 2) if span > 0 else None,
            "to_published_s": _seconds(seconds),
            "positions": {
                "first_answered": {"min": min(first), "max": max(first)} if first else None,
                "queued_at_submission": sum(1 for p in first if p > 1),
                "rises": rises, "seen": sum(len(t.positions) for t in self.tracked),
            },
            "answers_other_than_2xx": dict(sorted(self.answers.items())),
            "refusals_other_than_429": sum(refusals.values()),
            "failures": self.failures[:20], "events": self.events,
        }  # fmt: skip


def _seconds(values: list[float]) -> dict[str, float] | None:
    """p50, p95, min and max, in seconds to one decimal (None when nothing was published)."""
    if not values:
        return None
    found = stats(values)
    return {"p50": round(found["median"], 1), "p95": round(found["p95"], 1), "min": round(found["min"], 1),
            "max": round(found["max"], 1)}  # fmt: skip


def _ideas(count: int, tag: str) -> list[str]:
    return [f"{IDEAS[i % len(IDEAS)]} ({tag}{i + 1})" for i in range(count)]


class _Run:
    """The clients of one burst: submit every idea at once, then follow each job and publish it."""

    def __init__(self, cluster: Cluster, client: Client, tracked: list[Tracked], poll_s: float, deadline: float,
                 result: Burst) -> None:  # fmt: skip
        self.cluster, self.client, self.tracked, self.poll_s = cluster, client, tracked, poll_s
        self.deadline, self.result = deadline, result
        self.lock = threading.Lock()

    def _note(self, what: str, status: int | str) -> None:
        with self.lock:
            self.result.answers[f"{what} {status}"] += 1

    def _ask(self, method: str, path: str, what: str, item: Tracked, body: Any = None,
             headers: dict[str, str] | None = None) -> tuple[int, Any]:  # fmt: skip
        """One call, retried after a 429's Retry-After, a transport error or a 502/503/504, until the deadline."""
        tries = 0
        while time.monotonic() < self.deadline:
            try:
                status, answered, data = self.client.request(method, path, item.maker.token, body, headers)
            except (OSError, http.client.HTTPException) as error:
                self._note(what, type(error).__name__)
                time.sleep(1)
                continue
            if status in (200, 202):
                return status, data
            self._note(what, status)
            if status == 429:
                time.sleep(min(30.0, float(answered.get("retry-after", "1") or 1)))
            elif status in RETRIED and tries < TRIES:
                tries += 1
                time.sleep(1)
            else:
                return status, data
        return 0, "deadline"

    def submit(self, item: Tracked) -> None:
        item.submitted = time.monotonic()
        status, data = self._ask("POST", "/api/v1/apps", "POST /apps", item, {"idea": item.idea},
                                 {"Idempotency-Key": item.key})  # fmt: skip
        if status != 202:
            item.status, item.error = "refused", f"{status}: {data}"
            return
        item.job_id, item.status = data["id"], data["status"]
        if data.get("position") is not None:
            item.positions.append(int(data["position"]))

    def follow(self, item: Tracked) -> bool:
        """One look at the job (and its publishing once done); False when nothing more is to be done."""
        status, data = self._ask("GET", f"/api/v1/jobs/{item.job_id}", "GET /jobs", item)
        if status != 200:
            item.status, item.error = "unfollowed", f"{status}: {data}"
            return False
        item.status = data["status"]
        if data.get("position") is not None:
            item.positions.append(int(data["position"]))
        if item.status in ("failed", "cancelled"):
            item.error = json.dumps(data.get("error"), ensure_ascii=False)
            return False
        if item.status != "done":
            return True
        item.draft_id = data["result"]["draft_id"]
        status, data = self._ask("POST", f"/api/v1/drafts/{item.draft_id}/publish", "POST /publish", item,
                                 {"confirm_privacy": True})  # fmt: skip
        if status != 200:
            item.status, item.error = "unpublished", f"{status}: {data}"
            return False
        item.slug, item.published, item.status = data["slug"], time.monotonic(), "published"
        return False

    def run(self, followers: int) -> None:
        def submit(item: Tracked) -> None:
            try:
                self.submit(item)
            finally:
                self.client.reset()  # the pool's threads end here: their connections with them

        with ThreadPoolExecutor(max_workers=min(64, len(self.tracked))) as pool:
            list(pool.map(submit, self.tracked))
        waiting = [(time.monotonic() + self.poll_s, i) for i, t in enumerate(self.tracked) if t.job_id]

        def follower() -> None:
            try:
                follow_until_done()
            finally:
                self.client.reset()  # this thread's connection ends with it

        def follow_until_done() -> None:
            while time.monotonic() < self.deadline:
                with self.lock:
                    if not waiting:
                        return
                    waiting.sort()
                    due, index = waiting.pop(0)
                time.sleep(max(0.0, due - time.monotonic()))
                item = self.tracked[index]
                try:
                    again = self.follow(item)
                except Exception as error:  # an answer not as the API describes it: this idea is reported lost
                    item.status, item.error, again = "unfollowed", f"{type(error).__name__}: {error}", False
                if again:
                    with self.lock:
                        waiting.append((time.monotonic() + self.poll_s, index))

        threads = [threading.Thread(target=follower, daemon=True) for _ in range(followers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()


def burst(cluster: Cluster, ideas: list[str], *, workers: int, concurrency: int = 1, poll_s: float = 1.0,
          timeout_s: float = 1800, followers: int = 8, during: Callable[[list[Tracked]], list[dict[str, Any]]]
          | None = None, keep_workers: bool = False) -> Burst:  # fmt: skip
    """Submits every idea at once through nginx (two per maker), follows each job and publishes it. Starts
    ``workers`` workers first (stopped at the end unless ``keep_workers``); ``during`` runs beside the clients
    (a fault) and answers what it did."""
    makers = cluster.makers(math.ceil(len(ideas) / 2))
    tracked = [Tracked(idea, makers[i // 2]) for i, idea in enumerate(ideas)]
    if workers:
        cluster.start_workers(workers, concurrency=concurrency)
    drafts_before, apps_before = cluster.drafts(), sum(cluster.apps_by_author().values())
    client = Client(cluster.base, cluster.context)
    started = time.monotonic()
    result = Burst(workers, concurrency, tracked, started, started)
    run = _Run(cluster, client, tracked, poll_s, started + timeout_s, result)
    fault: threading.Thread | None = None
    if during is not None:

        def faulting() -> None:
            try:
                result.events.extend(during(tracked))
            except Exception as error:  # the report says it; the burst's own checks still run
                result.failures.append(f"the fault itself failed: {type(error).__name__}: {error}")

        fault = threading.Thread(target=faulting, daemon=True)
        fault.start()
    try:
        run.run(followers)
        if fault is not None:
            fault.join(timeout=max(1.0, run.deadline - time.monotonic()))
    finally:
        client.close()
        if not keep_workers:
            cluster.stop_workers()
    result.ended = time.monotonic()
    result.drafts_made = cluster.drafts() - drafts_before
    result.apps_made = sum(cluster.apps_by_author().values()) - apps_before
    result.failures += [f"{t.idea!r}: {t.status} {t.error or ''}".strip() for t in tracked if t.published is None]
    return result


# -- faults ------------------------------------------------------------------------------------------
def _until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds:g} s for {what}")
        time.sleep(0.2)


def _running(cluster: Cluster) -> int:
    """Jobs a worker holds right now (procrastinate's "doing")."""
    from sqlalchemy import create_engine, text

    engine = create_engine(cluster.url)
    try:
        with engine.connect() as db:
            return int(db.scalar(text("SELECT count(*) FROM procrastinate_jobs WHERE status = 'doing'")) or 0)
    finally:
        engine.dispose()


def fault_worker(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """Two workers of one job at once; once both are in the middle of a job, one is killed (SIGKILL). The other
    finds its job stalled and runs it again: the same draft, one app."""

    def kill(tracked: list[Tracked]) -> list[dict[str, Any]]:
        _until(lambda: _running(cluster) >= 2, 300, "both workers to hold a job")
        victim = cluster.workers[0]
        cluster.kill_worker(victim)
        return [{"fault": "worker killed (SIGKILL) mid-job", "at_s": round(time.monotonic() - started, 1)}]

    started = time.monotonic()
    result = burst(cluster, ideas, workers=2, during=kill, **options)
    retried = cluster.attempts([t.job_id for t in result.tracked if t.job_id])
    result.events.append({"jobs_run_more_than_once": sum(1 for n in retried.values() if n > 1)})
    return result


def fault_replica(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """Replica "a" killed (SIGKILL) once jobs are running; API clients and visitors carry on through "b" (nginx);
    "a" is started again when the burst ends."""
    client = Client(cluster.base, cluster.context)

    def kill(tracked: list[Tracked]) -> list[dict[str, Any]]:
        _until(lambda: _running(cluster) >= 1, 300, "a job to run")
        cluster.kill_replica("a")
        at = round(time.monotonic() - started, 1)
        pages: Counter[str] = Counter()
        _until(lambda: any(t.slug for t in tracked), 600, "a published app to visit")
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
        _until(lambda: _running(cluster) >= 1, 300, "a job to run")
        at = round(time.monotonic() - started, 1)
        took = cluster.restart_postgres()
        return [{"fault": "PostgreSQL restarted (pg_ctl restart -m fast)", "at_s": at, "restart_s": round(took, 1)}]

    started = time.monotonic()
    return burst(cluster, ideas, workers=2, during=restart, **options)


# -- the report --------------------------------------------------------------------------------------
NOT_COVERED = (
    "Several sandbox hosts are not built yet: each worker verifies apps with this machine's sandbox backend and "
    "each studio replica serves apps itself, so the 'stop a sandbox host' fault is not run."
)


def run(*, ideas: int, levels: list[int], concurrency: int = 1, faults: bool = True, fault_ideas: int = 10,
        sandbox: str = "bubblewrap", poll_s: float = 1.0, timeout_s: float = 1800, keep: Path | None = None,
        log: Callable[[str], None] = print) -> dict[str, Any]:  # fmt: skip
    """Starts a cluster, runs a burst for each worker count and (``faults``) the three faults; the results."""
    results: dict[str, Any] = {
        "when": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "sandbox": sandbox, "ideas": ideas,
        "makers": "a class of users, two ideas each (2 jobs at once per maker); hourly limits at their defaults",
        "not_covered": NOT_COVERED, "bursts": [], "faults": [],
    }  # fmt: skip
    with start_cluster(keep, sandbox=sandbox) as cluster:
        log(f"cluster up: PostgreSQL, replicas a and b behind nginx at {cluster.base} (sandbox: {sandbox})")
        for workers in levels:
            done = burst(cluster, _ideas(ideas, f"w{workers}-"), workers=workers, concurrency=concurrency,
                         poll_s=poll_s, timeout_s=timeout_s)  # fmt: skip
            results["bursts"].append(done.summary())
            log(_line(results["bursts"][-1]))
        if faults:
            for name, fault in (("worker", fault_worker), ("replica", fault_replica), ("postgres", fault_postgres)):
                done = fault(cluster, _ideas(fault_ideas, f"{name}-"), poll_s=poll_s, timeout_s=timeout_s)
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
        f"{results['makers']}. Two studio replicas behind nginx, PostgreSQL, `flashapps worker --concurrency "
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
    lines += ["", f"Not covered: {results['not_covered']}", ""]
    return "\n".join(lines)


def bench_cluster(ideas: int, levels: tuple[int, ...] = (1, 2, 4)) -> dict[str, Any]:
    """The bursts alone, for ``make bench`` (bench/run.py): a cluster of its own, no faults."""
    return run(ideas=ideas, levels=list(levels), faults=False)


def write(results: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "cluster.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    (out / "cluster.md").write_text(markdown(results))


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
    parser.add_argument("--sandbox", choices=["bubblewrap", "docker", "local"], default="bubblewrap")
    parser.add_argument("--poll", type=float, default=1.0, help="seconds between two looks at one job")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds a burst may take at most")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--keep", type=Path, help="run the cluster in this folder and keep it (its logs) afterwards")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    try:
        results = run(ideas=args.ideas, levels=args.workers, concurrency=args.concurrency, faults=not args.no_faults,
                      fault_ideas=args.fault_ideas, sandbox=args.sandbox, poll_s=args.poll,
                      timeout_s=args.timeout, keep=args.keep)  # fmt: skip
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
