"""A burst of ideas through the cluster's JSON API (bench/cluster.py): every idea submitted at once through
nginx, each job followed to done and its draft published, with what the clients saw (``Burst.summary()``).

Each maker submits two ideas (the studio's limit is 2 jobs at once per maker). A 429 is retried after its
``Retry-After``; a transport error, and a 500/502/503/504 up to ten times, with the same Idempotency-Key (which
answers the same job); every answer other than 200/202 is counted.
"""

from __future__ import annotations

import http.client
import json
import math
import ssl
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from bench.cluster_db import apps_by_author, drafts, job_states
from bench.cluster_services import Cluster, Maker
from bench.stats import stats

__all__ = ["IDEAS", "Burst", "Client", "Tracked", "burst", "ideas_for", "until"]

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


def ideas_for(count: int, tag: str) -> list[str]:
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
    drafts_before, apps_before = drafts(cluster), sum(apps_by_author(cluster).values())
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
        workers_then = cluster.worker_exits()  # before they are stopped: one that stopped by itself shows here
        if not keep_workers:
            cluster.stop_workers()
    result.ended = time.monotonic()
    result.drafts_made = drafts(cluster) - drafts_before
    result.apps_made = sum(apps_by_author(cluster).values()) - apps_before
    unfinished = [t for t in tracked if t.published is None]
    states = job_states(cluster, [t.job_id for t in unfinished if t.job_id]) if unfinished else {}
    result.failures += [f"{t.idea!r}: {t.status} {t.error or ''} {states.get(t.job_id or '', '')}".strip()
                        for t in unfinished]  # fmt: skip
    if unfinished:
        result.failures.append(f"workers at the end: {workers_then}")
    return result


# -- waiting for what a fault needs ----------------------------------------------------------------
def until(check: Callable[[], bool], seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {seconds:g} s for {what}")
        time.sleep(0.2)
