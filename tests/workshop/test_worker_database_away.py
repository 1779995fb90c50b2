"""A ``flashapps worker`` outlives PostgreSQL going away at the wrong moment (the cluster's restart fault).

procrastinate's worker stops by itself when one of its side tasks fails: its LISTEN connection is checked once
it has been quiet for 30 s (``procrastinate.connector.LISTEN_TIMEOUT``) and reconnected when dead, and a
reconnection while the server is down fails; a poll for jobs that finds the database away raises too. Before
workshop/pgqueue.py ``run_worker`` started it again, such a worker exited and its queue's jobs waited forever
(tests/cluster saw six jobs stuck after a restart whenever that check fell inside the restart). Here the
server stays down across one such check, then comes back: the same worker process takes the next job.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from procrastinate.connector import LISTEN_TIMEOUT
from support import unavailable

from tests.gallery.pg import PgServer, PgUnavailable
from workshop import tasks
from workshop.jobs import Job
from workshop.pgqueue import PgQueue

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300)]

ROOT = Path(__file__).resolve().parents[2]
WORKER = Path(__file__).with_name("queue_worker.py")


@pytest.fixture
def pg() -> Iterator[PgServer]:
    server = PgServer()
    try:
        server.start()
    except PgUnavailable as error:
        unavailable(str(error), "make test installs PostgreSQL")
    try:
        yield server
    finally:
        server.stop()


def _pg_ctl(pg: PgServer, *args: str) -> None:
    assert pg.bin is not None
    command = [str(pg.bin / "pg_ctl"), "-D", str(pg.root / "data"), "-l", str(pg.root / "sock" / "server.log"),
               "-w", *args]  # fmt: skip
    if pg.as_postgres:
        command = ["runuser", "-u", "postgres", "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, cwd="/", timeout=90)
    assert done.returncode == 0, done.stderr


def _done(queue: PgQueue, idea: str, who: str, seconds: float = 120) -> Job:
    actor = tasks.actor_for(who)
    job = queue.submit("create", {"idea": idea}, maker=tasks.maker_key(actor), actor=actor)
    deadline = time.monotonic() + seconds
    while (job := queue.store.get(job.id)).status not in ("done", "failed", "cancelled"):
        assert time.monotonic() < deadline, f"job {job.id} is still {job.status}"
        time.sleep(0.3)
    return job


def test_a_worker_takes_jobs_again_after_postgresql_was_away_across_its_listener_check(
    pg: PgServer, flashapps_home: Path, tmp_path: Path
) -> None:
    url = pg.url("away")
    queue = PgQueue(url)
    log = tmp_path / "worker.log"
    environ = {**os.environ, "FLASHAPPS_HOME": str(flashapps_home), "PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}",
               "FLASHAPPS_QUEUE_URL": url, "FLASHAPPS_PROVIDER": "offline"}  # fmt: skip
    with log.open("wb") as out:
        worker = subprocess.Popen([sys.executable, str(WORKER), url], env=environ, cwd=ROOT, stdout=out,
                                  stderr=subprocess.STDOUT)  # fmt: skip
    try:
        assert _done(queue, "an app to track my daily water intake", "ann").status == "done"  # it is up
        queue.shutdown()
        _pg_ctl(pg, "-m", "fast", "stop")
        time.sleep(LISTEN_TIMEOUT + 3)  # the listener's check and reconnection fall while the server is down
        options = f"-p {pg.port} -k {pg.root / 'sock'} -c listen_addresses=127.0.0.1 -c fsync=off"
        _pg_ctl(pg, "-o", options, "start")
        assert worker.poll() is None, log.read_text(errors="replace")[-3000:]
        queue = PgQueue(url)
        later = _done(queue, "每天记录读书页数的小应用", "bo")
        assert later.status == "done", log.read_text(errors="replace")[-3000:]
        assert worker.poll() is None  # the same process, its worker started again
    finally:
        queue.shutdown()
        worker.kill()
        worker.wait(timeout=30)
