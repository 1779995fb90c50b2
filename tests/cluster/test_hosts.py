"""Apps served from several sandbox hosts: two ``flashapps host`` processes, a throwaway PostgreSQL holding the
placements, heartbeats and saved data, and a studio replica's proxy (studio/serving/hosts.py) in front.

Checked: a request to a host without a valid signature gets 401 (HTTP and WebSocket); an app is placed on the
least-loaded live host, recorded in the database, and any replica finds it there; a host killed without a clean
stop (SIGKILL, it and its apps) is no longer used once its heartbeat is older than the bound, and its app starts
on the other host at the next visit with the data written more than ``sync_s`` before the kill; a host stopped
cleanly saves its apps' data and leaves.

In ``make test`` both hosts use one Docker-free sandbox (bubblewrap where installed, else the local backend): a
second Docker engine would need the sandbox image loaded into its own image store (``docker save | docker load``,
about 900 MB). By hand, ``FLASHAPPS_TEST_HOSTS_SANDBOX=docker`` runs them on Docker, and
``FLASHAPPS_TEST_DOCKER_HOST_B=unix:///…`` gives host b an engine of its own (its own socket, data root, exec
root and pid file, ``--bridge=none --iptables=false``).
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import importlib.util
import io
import os
import secrets
import shutil
import signal
import sqlite3
import subprocess
import sys
import tarfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import httpx2
import pytest
from pydantic import SecretStr
from sample_specs import water_tracker
from sqlalchemy import update
from support import ROOT, unavailable
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from gallery.db import make_engine, migrate
from gallery.placement import AppPlacement, Placements
from sandbox.backends.docker_backend import SERVE_LABEL
from sandbox.backends.quota import unmount_under
from sandbox.limits import OWNER
from studio.hostagent import pack, unpack
from studio.serving.hosts import AUTH_HEADER, HostRunner, HostSettings, sign, signed_ok
from tests.gallery.pg import PgServer, PgUnavailable
from workshop.projects import ProjectStore

pytestmark = [pytest.mark.slow, pytest.mark.timeout(300), pytest.mark.xdist_group("cluster")]

SANDBOX = os.environ.get("FLASHAPPS_TEST_HOSTS_SANDBOX") or ("bubblewrap" if shutil.which("bwrap") else "local")
HEARTBEAT_S, DEAD_AFTER_S, SYNC_S = 0.5, 3.0, 1.5
"""Short, so the test is quick: a host is lost 3 s after its last heartbeat; data is saved every 1.5 s."""
LOADED_S = 5.0
"""What a busy CI machine may add to a background thread's round (the bound itself is SYNC_S)."""


def _runner_support() -> ModuleType:
    """tests/runner/runner_support.py (the proxy on a real server, one Streamlit script run over a WebSocket)."""
    if "runner_support" in sys.modules:
        return sys.modules["runner_support"]
    spec = importlib.util.spec_from_file_location("runner_support", ROOT / "tests" / "runner" / "runner_support.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["runner_support"] = module
    spec.loader.exec_module(module)
    return module


def _tree(pid: int) -> list[int]:
    """``pid`` and every process below it (apps run in sessions of their own: a group kill would miss them)."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def _kill_tree(process: subprocess.Popen[bytes]) -> None:
    for pid in _tree(process.pid):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    process.wait(timeout=30)


def docker_host(name: str) -> str:
    """The Docker engine host ``name`` uses (``FLASHAPPS_TEST_DOCKER_HOST_A`` ...), or "" for the default."""
    return os.environ.get(f"FLASHAPPS_TEST_DOCKER_HOST_{name.upper()}", "")


def _remove_containers(owners: set[str], url: str) -> None:
    import docker

    client = docker.DockerClient(base_url=url) if url else docker.from_env()
    try:
        for container in client.containers.list(all=True, filters={"label": SERVE_LABEL}, ignore_removed=True):
            if container.labels.get(OWNER) in owners:
                container.remove(force=True)
    finally:
        client.close()


@dataclass
class Hosts:
    root: Path
    url: str
    secret: str
    key: str
    placements: Placements
    ports: dict[str, int]
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    def start(self, name: str) -> None:
        free = _runner_support().free_port
        self.ports[name] = port = free()
        env = {
            **os.environ, "FLASHAPPS_HOME": str(self.root / "home"), "FLASHAPPS_DATABASE_URL": self.url,
            "FLASHAPPS_HOSTS_SECRET": self.secret, "FLASHAPPS_HOSTS_HEARTBEAT_S": str(HEARTBEAT_S),
            "FLASHAPPS_HOSTS_DEAD_AFTER_S": str(DEAD_AFTER_S), "FLASHAPPS_HOSTS_SYNC_S": str(SYNC_S),
            "FLASHAPPS_RUNNER_BACKEND": SANDBOX, "FLASHAPPS_SANDBOX_ALLOW_LOCAL": "1", "PYTHONUNBUFFERED": "1",
        }  # fmt: skip
        env.pop("DOCKER_HOST", None)
        if docker_host(name):
            env["DOCKER_HOST"] = docker_host(name)
        with (self.root / f"host-{name}.log").open("wb") as log:
            self.processes[name] = subprocess.Popen(
                [sys.executable, "-m", "studio.cli", "-v", "host", "--name", name, "--port", str(port),
                 "--home", str(self.root / f"host-{name}")],
                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + 90
        while name not in {h.name for h in self.placements.live()}:
            if self.processes[name].poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"host {name} did not start:\n{self.log(name)}")
            time.sleep(0.2)

    def log(self, name: str) -> str:
        return (self.root / f"host-{name}.log").read_text(errors="replace")[-4000:]

    def data(self, name: str) -> Path:
        return self.root / f"host-{name}" / "appdata" / self.key


@pytest.fixture(scope="module")
def hosts(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Hosts]:
    root = tmp_path_factory.mktemp("hosts")
    try:
        pg = PgServer().start()
    except PgUnavailable as error:
        unavailable(str(error), "make test installs PostgreSQL")
    try:
        url = pg.url("hosts")
        engine = make_engine(url)
        migrate(engine)
        project = ProjectStore(root / "home").create("track my water", water_tracker())
        made = Hosts(root, url, secrets.token_hex(16), f"draft-{project.id}", Placements(engine, DEAD_AFTER_S), {})
        try:
            made.start("a")
            made.start("b")
            yield made
        finally:
            for process in made.processes.values():
                if process.poll() is None:
                    _kill_tree(process)
            if SANDBOX == "docker":  # the killed hosts' app containers (a lost machine would take them along)
                for name, process in made.processes.items():
                    _remove_containers({str(process.pid)}, docker_host(name))
            engine.dispose()
            unmount_under(root)
    finally:
        pg.stop()


class Replica:
    """A studio replica's app proxy over the hosts (what studio/server.py builds with FLASHAPPS_HOSTS_SECRET)."""

    def __init__(self, hosts: Hosts) -> None:
        settings = HostSettings(secret=SecretStr(hosts.secret), dead_after_s=DEAD_AFTER_S)
        self.runner = HostRunner(lambda key: key, lambda: hosts.placements, settings)
        self.server = _runner_support().ProxyServer(self.runner)

    def __enter__(self) -> Replica:
        self.server.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.__exit__(*exc)
        self.runner.stop_all()

    def page(self, key: str) -> httpx2.Response:
        return httpx2.get(f"{self.server.url}/apps/{key}/", timeout=60)

    def session(self, key: str) -> bytes:
        result: bytes = asyncio.run(_runner_support().app_session(f"{self.server.url}/apps/{key}/"))
        return result


def _record(database: Path, amount: int) -> None:
    """A record as the water app keeps it (what a visitor's form would add)."""
    with sqlite3.connect(database, timeout=10) as db:
        db.execute(
            "INSERT INTO drink (created_at, amount, kind, day, note) VALUES (datetime('now'), ?, 'Tea', "
            "date('now'), ?)",
            (amount, f"HOST-MARKER-{amount}"),
        )


def _saved_rows(archive: bytes) -> set[str]:
    """The markers in a saved copy of the water app's data (none in a copy saved before the app made its table)."""
    work = Path(os.environ.get("TMPDIR", "/tmp")) / f"hosts-{secrets.token_hex(4)}"
    try:
        unpack(work, archive)
        if not (work / "app.sqlite3").exists():
            return set()
        with sqlite3.connect(work / "app.sqlite3") as db:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'drink'").fetchone() is None:
                return set()
            return {row[0] for row in db.execute("SELECT note FROM drink WHERE note LIKE 'HOST-MARKER-%'")}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _running_on(hosts: Hosts) -> str:
    """The host the app runs on, started through a replica if need be (each test may run alone)."""
    with Replica(hosts) as replica:
        assert replica.page(hosts.key).status_code == 200
        assert b"Tea" in replica.session(hosts.key)  # its script ran: its tables exist
    placed = hosts.placements.host_of(hosts.key)
    assert placed is not None and hosts.processes[placed.name].poll() is None
    return placed.name


# -- the signature ----------------------------------------------------------------------------
def test_a_signature_binds_the_method_path_clock_and_secret() -> None:
    key = b"k" * 32
    value = sign(key, "POST", "/_host/ensure/abc?evict_open=1", now=1000.0)
    assert signed_ok(key, value, "POST", "/_host/ensure/abc?evict_open=1", 30, now=1010.0)
    assert not signed_ok(key, value, "GET", "/_host/ensure/abc?evict_open=1", 30, now=1010.0)
    assert not signed_ok(key, value, "POST", "/_host/ensure/abd?evict_open=1", 30, now=1010.0)
    assert not signed_ok(key, value, "POST", "/_host/ensure/abc?evict_open=1", 30, now=1031.0)
    assert not signed_ok(b"x" * 32, value, "POST", "/_host/ensure/abc?evict_open=1", 30, now=1000.0)
    assert not signed_ok(key, "", "POST", "/", 30, now=1000.0)


def test_a_host_answers_only_signed_requests(hosts: Hosts) -> None:
    base = f"http://127.0.0.1:{hosts.ports['a']}"
    secret = hosts.secret.encode()
    assert httpx2.get(f"{base}/_host/health").status_code == 401
    wrong = sign(b"not the cluster's secret at all", "GET", "/_host/health")
    assert httpx2.get(f"{base}/_host/health", headers={AUTH_HEADER: wrong}).status_code == 401
    stale = sign(secret, "GET", "/_host/health", now=time.time() - 120)
    assert httpx2.get(f"{base}/_host/health", headers={AUTH_HEADER: stale}).status_code == 401
    other_path = sign(secret, "GET", "/_host/ensure")
    assert httpx2.get(f"{base}/_host/health", headers={AUTH_HEADER: other_path}).status_code == 401
    good = httpx2.get(f"{base}/_host/health", headers={AUTH_HEADER: sign(secret, "GET", "/_host/health")})
    assert good.status_code == 200 and good.json()["name"] == "a"
    assert httpx2.post(f"{base}/_host/ensure/{hosts.key}").status_code == 401
    assert httpx2.get(f"{base}/apps/{hosts.key}/").status_code == 401
    assert hosts.key not in good.json()["running"]  # nothing unsigned started it

    async def socket(headers: dict[str, str]) -> int:
        try:
            async with connect(f"ws://127.0.0.1:{hosts.ports['a']}/apps/{hosts.key}/_stcore/stream",
                               additional_headers=headers, open_timeout=10):  # fmt: skip
                return 101
        except InvalidStatus as refused:
            return refused.response.status_code

    assert asyncio.run(socket({})) == 401
    assert asyncio.run(socket({AUTH_HEADER: wrong})) == 401


# -- placement and a lost host ----------------------------------------------------------------
def test_placement_is_least_loaded_live_host_and_skips_lost_ones(hosts: Hosts) -> None:
    past = Placements(hosts.placements.engine, DEAD_AFTER_S, clock=lambda: time.time() - 3600)
    past.beat("lost", "http://127.0.0.1:9", "local", 0)  # its last heartbeat an hour ago
    past.claim("probe-app", "lost")
    try:
        assert {h.name for h in hosts.placements.live()} == {"a", "b"}
        assert hosts.placements.placed()["probe-app"] == "lost"
        assert hosts.placements.host_of("probe-app") is None  # placed on a lost host: not used
        first = hosts.placements.place("probe-app")
        second = hosts.placements.place("probe-app-2")
        assert first is not None and second is not None
        assert {first.name, second.name} == {"a", "b"}  # one each: the least-loaded live host every time
        kept = hosts.placements.place("probe-app")  # its heartbeat time may have moved on meanwhile
        assert kept is not None and kept.name == first.name  # kept where it is while that host lives
        assert hosts.placements.placed()["probe-app"] == first.name
    finally:
        for key in ("probe-app", "probe-app-2"):
            for name in ("a", "b", "lost"):
                hosts.placements.release(key, name)
        past.leave("lost")


def test_a_studio_replica_with_the_secret_serves_apps_from_the_hosts(hosts: Hosts) -> None:
    port = _runner_support().free_port()
    while _runner_support().free_port() == port + 1:
        port = _runner_support().free_port()
    env = {
        **os.environ, "FLASHAPPS_HOME": str(hosts.root / "replica"), "FLASHAPPS_DATABASE_URL": hosts.url,
        "FLASHAPPS_HOSTS_SECRET": hosts.secret, "FLASHAPPS_HOSTS_DEAD_AFTER_S": str(DEAD_AFTER_S),
        "FLASHAPPS_RUNNER_BACKEND": "local", "PYTHONUNBUFFERED": "1",
    }  # fmt: skip
    for unset in ("FLASHAPP_DATA_DIR", "FLASHAPPS_GALLERY_DATABASE_URL", "FLASHAPPS_QUEUE_URL", "FLASHAPPS_REPLICA"):
        env.pop(unset, None)
    log = hosts.root / "replica.log"
    with log.open("wb") as out:
        replica = subprocess.Popen(
            [sys.executable, "-m", "studio.cli", "studio", "--host", "127.0.0.1", "--port", str(port)],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while b"running at" not in log.read_bytes():
            assert replica.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.2)
        page = httpx2.get(f"http://127.0.0.1:{port + 1}/apps/{hosts.key}/", timeout=90)
        assert page.status_code == 200, page.text[:500]
        placed = hosts.placements.host_of(hosts.key)
        assert placed is not None and placed.name in ("a", "b")
        assert not (hosts.root / "replica" / "appdata" / hosts.key).exists()  # nothing ran on the replica itself
        assert hosts.data(placed.name).is_dir()  # it runs on the host it is placed on
        said = log.read_text(errors="replace")
        assert f"Apps run with {SANDBOX}" in said or SANDBOX != "bubblewrap"  # the banner tells of the hosts' sandbox
        assert ("NOT ISOLATED" in said) == (SANDBOX == "local")  # not of the replica's own (local) setting
    finally:
        replica.send_signal(signal.SIGINT)
        try:
            replica.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _kill_tree(replica)


def test_a_lost_hosts_app_comes_back_on_the_other_with_its_older_data(hosts: Hosts) -> None:
    key = hosts.key
    with Replica(hosts) as one, Replica(hosts) as two:
        assert one.page(key).status_code == 200
        first = hosts.placements.host_of(key)
        assert first is not None and first.name in ("a", "b")
        assert hosts.placements.placed()[key] == first.name
        assert key in one.runner.running() and key not in two.runner.running()
        assert two.page(key).status_code == 200  # any replica finds the app where it is placed
        assert two.runner.running()[key] == one.runner.running()[key] == f"http://127.0.0.1:{hosts.ports[first.name]}"
        assert b"Tea" in two.session(key)  # the WebSocket through replica and host runs the script
        lost, other = first.name, "b" if first.name == "a" else "a"

        older = 4000 + secrets.randbelow(999)
        _record(hosts.data(lost) / "app.sqlite3", older)
        written = time.time()
        saved_at = None
        while time.time() - written < SYNC_S + 1.5 or saved_at is None:  # older than the bound at the kill
            assert time.time() - written < SYNC_S + LOADED_S, "the write was not saved within the bound"
            saved = hosts.placements.snapshot(key)
            if saved_at is None and saved is not None and f"HOST-MARKER-{older}" in _saved_rows(saved[1]):
                saved_at = saved[2] / 1000
            time.sleep(0.1)
        assert written - 0.05 <= saved_at <= written + SYNC_S + LOADED_S  # saved after the write, within the bound
        newest = 5000 + secrets.randbelow(999)
        _record(hosts.data(lost) / "app.sqlite3", newest)  # written just before the loss: may be lost

        _kill_tree(hosts.processes[lost])  # no clean stop: neither its apps nor its data were told
        killed = time.monotonic()
        answers = []
        while time.monotonic() - killed < DEAD_AFTER_S + 60:
            answer = one.page(key)
            answers.append(answer.status_code)
            if answer.status_code == 200:
                break
            assert answer.status_code in (502, 503), answer.text[:300]  # "please wait", never "no such app"
            time.sleep(0.5)
        assert answers[-1] == 200, (answers, hosts.log(other))
        moved = hosts.placements.host_of(key)
        assert moved is not None and moved.name == other
        assert time.monotonic() - killed >= DEAD_AFTER_S - 1  # not before the heartbeat bound said it was lost
        shown = one.session(key)
        assert str(older).encode() in shown, "the app came back without the data older than the bound"
        with sqlite3.connect(hosts.data(other) / "app.sqlite3") as db:
            notes = {row[0] for row in db.execute("SELECT note FROM drink")}
        assert f"HOST-MARKER-{older}" in notes
        assert two.page(key).status_code == 200  # the other replica follows the new placement
        assert two.runner.running()[key] == f"http://127.0.0.1:{hosts.ports[other]}"


def test_a_host_taken_for_lost_stops_its_copy_without_saving_it(hosts: Hosts) -> None:
    key = hosts.key
    name = _running_on(hosts)
    elsewhere = Placements(hosts.placements.engine, DEAD_AFTER_S)
    elsewhere.beat("elsewhere", "http://127.0.0.1:9", "local", 0)
    try:
        with hosts.placements.engine.begin() as connection:  # what a replica did while this host looked lost
            connection.execute(update(AppPlacement).where(AppPlacement.key == key).values(host="elsewhere"))
        stale = 7000 + secrets.randbelow(999)
        _record(hosts.data(name) / "app.sqlite3", stale)
        health = f"http://127.0.0.1:{hosts.ports[name]}/_host/health"
        deadline = time.monotonic() + SYNC_S * 4 + 10
        while time.monotonic() < deadline:
            signed = {AUTH_HEADER: sign(hosts.secret.encode(), "GET", "/_host/health")}
            if key not in httpx2.get(health, headers=signed).json()["running"]:
                break
            time.sleep(0.2)
        else:
            raise AssertionError(f"the host kept serving an app placed elsewhere:\n{hosts.log(name)}")
        saved = hosts.placements.snapshot(key)
        assert saved is not None and f"HOST-MARKER-{stale}" not in _saved_rows(saved[1])
        assert hosts.placements.placed().get(key) == "elsewhere"  # not released from under the other host
    finally:
        elsewhere.leave("elsewhere")
    with Replica(hosts) as replica:  # visited again: placed back on the one live host, with the saved data
        assert replica.page(key).status_code == 200
    assert hosts.placements.placed().get(key) == name


def test_a_clean_stop_saves_the_data_and_leaves(hosts: Hosts) -> None:
    key = hosts.key
    name = _running_on(hosts)
    marker = 6000 + secrets.randbelow(999)
    _record(hosts.data(name) / "app.sqlite3", marker)
    hosts.processes[name].send_signal(signal.SIGTERM)  # at once: before any periodic save could run
    hosts.processes[name].wait(timeout=60)
    saved = hosts.placements.snapshot(key)
    assert saved is not None and f"HOST-MARKER-{marker}" in _saved_rows(saved[1])
    assert name not in {h.name for h in hosts.placements.live()}
    assert key not in hosts.placements.placed()


def test_a_copy_is_never_taken_mid_write_and_unpacks_only_inside(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    (folder / "sub").mkdir(parents=True)
    (folder / "app.sqlite3").write_bytes(b"x" * 100)
    (folder / "sub" / "note.txt").write_text("kept")
    (folder / "link").symlink_to("/etc/passwd")
    (folder / "app.sqlite3-journal").write_bytes(b"j")
    assert pack(folder, 10**6, tries=2) is None  # a SQLite write in progress: no torn copy
    (folder / "app.sqlite3-journal").unlink()
    digest, archive = pack(folder, 10**6) or ("", b"")
    assert pack(folder, 10**6) == (digest, archive)  # the same files, the same copy
    assert pack(folder, 10) is None  # over the limit: not saved
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(archive))) as tar:
        names = tar.getnames()
    assert sorted(names) == ["app.sqlite3", "sub", "sub/note.txt"]  # no link
    target = tmp_path / "restored"
    target.mkdir()
    (target / "stale.txt").write_text("gone")
    unpack(target, archive)
    assert sorted(p.relative_to(target).as_posix() for p in target.rglob("*")) == ["app.sqlite3", "sub", "sub/note.txt"]
    evil = io.BytesIO()
    with tarfile.open(fileobj=evil, mode="w") as tar:
        info = tarfile.TarInfo("../escaped.txt")
        info.size = 1
        tar.addfile(info, io.BytesIO(b"!"))
    with pytest.raises(tarfile.TarError):
        unpack(tmp_path / "evil", gzip.compress(evil.getvalue()))
    assert not (tmp_path / "escaped.txt").exists()
