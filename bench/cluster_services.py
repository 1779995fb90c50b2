"""A small Flash Apps cluster on 127.0.0.1, started from nothing and removed at the end (bench/cluster.py and
tests/cluster share it).

``start_cluster()`` starts a throwaway PostgreSQL (tests/gallery/pg.py), two ``flashapps studio`` replicas ("a"
and "b": one FLASHAPPS_HOME, one database) behind nginx with the committed configuration
(docs/deploy/nginx-replicas.conf, only its ports and certificate paths replaced; a self-signed certificate), two
sandbox hosts ("host-a" and "host-b", ``flashapps host``: bench/cluster_hosts.py; with Docker each has an engine of
its own), and ``flashapps worker`` processes on demand. The replicas and hosts share ``FLASHAPPS_HOSTS_SECRET``:
a replica runs no app itself, it places each app on a host (gallery/placement.py) and proxies visitors to it.
``Cluster.makers(n)`` registers gallery users with API tokens. Everything is stopped and removed when the
``with`` block ends, by an error or Ctrl-C too; each child process also dies with this one
(``PR_SET_PDEATHSIG``), so nothing keeps running if this process is killed.

Workers verify each app with this machine's sandbox backend (its own Docker engine with ``--sandbox docker``).
"""

from __future__ import annotations

import contextlib
import ctypes
import http.client
import os
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from bench.cluster_hosts import HOSTS_ENV, SandboxHost, forget_engines, placements, start_hosts
from tests.gallery.pg import PgServer, PgUnavailable

__all__ = [
    "Cluster",
    "ClusterUnavailable",
    "Maker",
    "free_ports",
    "nginx_main",
    "nginx_site",
    "start_cluster",
    "wait_for",
]

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / "docs" / "deploy" / "nginx-replicas.conf"
FLASHAPPS = Path(sys.executable).with_name("flashapps")
PASSWORD = "cluster-password-1"
SCHEMA = "cluster"


class ClusterUnavailable(RuntimeError):
    """PostgreSQL, nginx or openssl is missing or would not start here (the message says which and why)."""


@dataclass(frozen=True)
class Maker:
    username: str
    token: str


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def free_ports(count: int) -> list[int]:
    """``count`` free ports, each with a free next one (a replica's studio and its apps' origin)."""
    found: list[int] = []
    for _ in range(500):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        taken = {*found, *(p + 1 for p in found)}
        if port < 65535 and port not in taken and port + 1 not in taken and not _listening(port + 1):
            found.append(port)
            if len(found) == count:
                return found
    raise ClusterUnavailable("no free ports on 127.0.0.1")


def _need(name: str) -> str:
    found = shutil.which(name) or next((p for p in (f"/usr/sbin/{name}", f"/usr/bin/{name}") if Path(p).exists()), None)
    if found is None:
        raise ClusterUnavailable(f"{name} is not installed (apt-get install {name})")
    return found


def nginx_site(cert: Path, key: Path, https: int, apps_https: int, http: int, replicas: list[int]) -> str:
    """The committed nginx example with these ports and certificate (each line replaced must be there once)."""
    text = CONFIG.read_text()
    for old, new in (
        ("server 127.0.0.1:8501 ", f"server 127.0.0.1:{replicas[0]} "),
        ("server 127.0.0.1:8502 ", f"server 127.0.0.1:{replicas[0] + 1} "),
        ("server 127.0.0.1:8511 ", f"server 127.0.0.1:{replicas[1]} "),
        ("server 127.0.0.1:8512 ", f"server 127.0.0.1:{replicas[1] + 1} "),
        ("listen 443 ssl;  # the studio", f"listen 127.0.0.1:{https} ssl;"),
        ("listen 443 ssl;  # the apps, one origin each", f"listen 127.0.0.1:{apps_https} ssl;"),
        ("listen 80;", f"listen 127.0.0.1:{http};"),
        ("/etc/ssl/flashapps/studio/fullchain.pem", str(cert)),
        ("/etc/ssl/flashapps/studio/privkey.pem", str(key)),
        ("/etc/ssl/flashapps/apps/fullchain.pem", str(cert)),
        ("/etc/ssl/flashapps/apps/privkey.pem", str(key)),
    ):
        if text.count(old) != 1:
            raise RuntimeError(f"docs/deploy/nginx-replicas.conf no longer has {old!r} once")
        text = text.replace(old, new)
    return text


def nginx_main(prefix: Path) -> str:
    """nginx's main file for a server of our own under ``prefix`` (its pid, logs and temp folders there)."""
    temp = " ".join(
        f"{kind}_temp_path {prefix}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"pid {prefix}/nginx.pid;\nerror_log {prefix}/logs/error.log;\nevents {{ worker_connections 4096; }}\n"
        f"http {{\n access_log off;\n {temp}\n include {prefix}/site.conf;\n}}\n"
    )


def _stop(process: subprocess.Popen[bytes], sig: int = signal.SIGTERM, grace: float = 30) -> None:
    """Stops a child started in its own session (its whole process group), waiting for it."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        try:
            process.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)  # anything it left in its group (a sandbox run)


def wait_for(what: str, ready: Callable[[], bool], process: subprocess.Popen[bytes] | None, log: Path,
              seconds: float = 120) -> None:  # fmt: skip
    deadline = time.monotonic() + seconds
    while not ready():
        if (process is not None and process.poll() is not None) or time.monotonic() > deadline:
            tail = log.read_text(errors="replace")[-3000:] if log.exists() else ""
            raise RuntimeError(f"{what} did not start:\n{tail}")
        time.sleep(0.2)


def _says(log: Path, words: str) -> bool:
    return log.exists() and words in log.read_text(errors="replace")


def _ready(log: Path, words: str) -> Callable[[], bool]:
    return lambda: _says(log, words)


@dataclass
class Cluster:
    root: Path
    pg: PgServer
    url: str  # the database (SQLAlchemy URL)
    base: str  # the studio through nginx (https)
    apps: str  # the apps' origin through nginx (https)
    context: ssl.SSLContext
    env: dict[str, str]
    ports: dict[str, int]  # replica name -> its studio port (its apps' origin: the next one)
    replicas: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)
    workers: list[subprocess.Popen[bytes]] = field(default_factory=list)
    nginx: subprocess.Popen[bytes] | None = None
    sandbox: str = "bubblewrap"
    hosts: dict[str, SandboxHost] = field(default_factory=dict)
    _made: int = 0
    _worker_logs: int = 0
    _hosts_secret: str = ""
    _warm_token: str | None = None

    @property
    def home(self) -> Path:
        return self.root / "home"

    def _spawn(self, command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen[bytes]:
        with log.open("ab") as out:
            return subprocess.Popen(command, env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                                    start_new_session=True, preexec_fn=_die_with_parent)  # fmt: skip

    # -- replicas ----------------------------------------------------------------------------------
    def start_replica(self, name: str, hosts_secret: str | None = None) -> None:
        """Replica ``name``; with ``hosts_secret`` (kept for a restart) it serves apps through the sandbox hosts."""
        if hosts_secret is not None:
            self._hosts_secret = hosts_secret
        log = self.root / f"replica-{name}.log"
        log.write_bytes(b"")
        command = [sys.executable, "-m", "studio.cli", "studio", "--host", "127.0.0.1", "--port", str(self.ports[name])]
        env = {**self.env, "FLASHAPPS_REPLICA": name}
        if self._hosts_secret:
            env["FLASHAPPS_HOSTS_SECRET"] = self._hosts_secret
        self.replicas[name] = self._spawn(command, log, env)

    def wait_replica(self, name: str) -> None:
        log = self.root / f"replica-{name}.log"
        wait_for(f"replica {name}", _ready(log, "running at"), self.replicas[name], log, 180)

    def warm(self, name: str) -> None:
        """One API request at a time straight to the replica, so it opens the gallery and the job queue before
        the burst: a replica's first requests arriving together each run the Alembic migrations at once, and
        Alembic's module-level context is not thread-safe (studio/services.py ``_gallery``: 500 answers)."""
        if self._warm_token is None:
            self._warm_token = self.makers(1, "warmup")[0].token
        for path in ("/api/v1/apps?page_size=1", "/api/v1/jobs/none"):
            connection = http.client.HTTPConnection("127.0.0.1", self.ports[name], timeout=120)
            try:
                connection.request("GET", path, headers={"Authorization": f"Bearer {self._warm_token}"})
                connection.getresponse().read()
            finally:
                connection.close()

    def kill_replica(self, name: str) -> None:
        """SIGKILL, as a crash would."""
        _stop(self.replicas[name], signal.SIGKILL)

    # -- workers -----------------------------------------------------------------------------------
    def start_workers(self, count: int, *, concurrency: int = 1, stalled_after: float = 6,
                      heartbeat: float = 1, wait: bool = True) -> list[subprocess.Popen[bytes]]:  # fmt: skip
        """``count`` more ``flashapps worker`` processes; with ``wait``, returns once each is taking jobs."""
        started = []
        for _ in range(count):
            self._worker_logs += 1  # a log of its own: "Starting worker" in an earlier one says nothing of it
            log = self.root / f"worker-{self._worker_logs}.log"
            command = [str(FLASHAPPS), "-v", "worker", "--concurrency", str(concurrency),
                       "--stalled-after", str(stalled_after), "--heartbeat", str(heartbeat)]  # fmt: skip
            self.workers.append(self._spawn(command, log, self.env))
            started.append((self.workers[-1], log))
        if wait:
            for process, log in started:
                wait_for(f"worker {log.stem}", _ready(log, "Starting worker"), process, log, 120)
        return [process for process, _ in started]

    def stop_workers(self) -> None:
        """SIGTERM: each finishes its running jobs, then stops."""
        for process in self.workers:
            _stop(process, signal.SIGTERM, grace=120)
        self.workers.clear()

    def kill_worker(self, process: subprocess.Popen[bytes]) -> None:
        _stop(process, signal.SIGKILL)

    def worker_exits(self) -> str:
        """Each worker still started: running, or the exit code it ended with (a worker that stopped by itself)."""
        return ", ".join("running" if p.poll() is None else f"exited {p.returncode}" for p in self.workers) or "none"

    # -- sandbox hosts ---------------------------------------------------------------------------
    def live_hosts(self) -> set[str]:
        """The sandbox hosts whose heartbeat is recent."""
        return {h.name for h in placements(self.url).live()}

    # -- PostgreSQL --------------------------------------------------------------------------------
    def restart_postgres(self) -> float:
        """``pg_ctl restart -m fast`` (every connection dropped), as an operator or a crash would; its seconds."""
        assert self.pg.bin is not None
        command = [str(self.pg.bin / "pg_ctl"), "-D", str(self.pg.root / "data"), "-l",
                   str(self.pg.root / "sock" / "server.log"), "-m", "fast", "-w", "restart"]  # fmt: skip
        if self.pg.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        started = time.monotonic()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd="/", timeout=120, check=True)
        return time.monotonic() - started

    # -- makers and what they made -----------------------------------------------------------------
    def makers(self, count: int, prefix: str = "maker") -> list[Maker]:
        """``count`` new gallery users, each with an API token (as ``flashapps gallery token create`` makes)."""
        from gallery import GallerySettings, open_gallery

        gallery = open_gallery(GallerySettings(database_url=self.url, store_dir=self.home / "gallery-store"))
        made = []
        try:
            for _ in range(count):
                self._made += 1
                user = gallery.accounts.register(f"{prefix}{self._made:04d}", PASSWORD)
                token, _view = gallery.api_tokens.create(user, "cluster bench")
                made.append(Maker(user.username, token))
        finally:
            gallery.close()
        return made

    def close(self) -> None:
        for process in self.workers:
            _stop(process, signal.SIGKILL)
        self.workers.clear()
        if self.nginx is not None:
            _stop(self.nginx, signal.SIGQUIT)
        for process in self.replicas.values():
            _stop(process, signal.SIGINT)
        for host in self.hosts.values():
            with contextlib.suppress(Exception):
                host.close()
        from sandbox.backends.quota import unmount_under

        unmount_under(self.root)  # the apps' data folders, mounted with a size limit when run as root


def _migrate(url: str, home: Path) -> None:
    """The gallery's and the queue's tables, made here once before any replica or host starts: processes that
    migrate a new database at once race (the gallery's migrations take no lock; two create alembic_version)."""
    from gallery import GallerySettings, open_gallery
    from workshop.pgqueue import SqlJobStore

    open_gallery(GallerySettings(database_url=url, store_dir=home / "gallery-store")).close()
    SqlJobStore(url).close()


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [_need("openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


@contextlib.contextmanager
def start_cluster(root: Path | None = None, *, sandbox: str = "bubblewrap", keep: bool = False,
                  env: dict[str, str] | None = None) -> Iterator[Cluster]:  # fmt: skip
    """PostgreSQL, two replicas behind nginx, two sandbox hosts (workers: ``Cluster.start_workers``); all stopped
    and ``root`` removed at the end (``keep``: the logs stay). Raises ClusterUnavailable when PostgreSQL, nginx
    or openssl cannot be had here."""
    nginx = _need("nginx")
    made_root = root is None
    root = Path(tempfile.mkdtemp(prefix="flashapps-cluster-")) if root is None else root
    root.mkdir(parents=True, exist_ok=True)
    server = PgServer()
    cluster: Cluster | None = None
    try:
        try:
            server.start()
        except (PgUnavailable, OSError, subprocess.SubprocessError) as error:
            raise ClusterUnavailable(f"PostgreSQL could not start: {type(error).__name__}: {error}") from error
        url = server.url(SCHEMA)
        a, b, https, apps_https, http = free_ports(5)
        common = {
            **os.environ, "FLASHAPPS_HOME": str(root / "home"), "FLASHAPPS_DATABASE_URL": url,
            "FLASHAPPS_PUBLIC_URL": f"https://127.0.0.1:{https}", "FLASHAPPS_APPS_URL": f"https://127.0.0.1:{apps_https}",
            "FLASHAPPS_RUNNER_BACKEND": "local", "FLASHAPPS_SANDBOX_ALLOW_LOCAL": "1", "PYTHONUNBUFFERED": "1",
            "FLASHAPPS_SANDBOX_BACKEND": sandbox, "FLASHAPPS_PROVIDER": "offline", "FLASHAPPS_FORWARDED_HOPS": "1",
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16), **HOSTS_ENV, **(env or {}),
        }  # fmt: skip
        hosts_secret = secrets.token_hex(24)
        for unset in ("FLASHAPP_DATA_DIR", "FLASHAPPS_GALLERY_DATABASE_URL", "FLASHAPPS_QUEUE_URL"):
            common.pop(unset, None)
        (root / "home").mkdir(exist_ok=True)
        _migrate(url, root / "home")
        cert, key = _certificate(root)
        context = ssl.create_default_context(cafile=str(cert))
        cluster = Cluster(root, server, url, f"https://127.0.0.1:{https}", f"https://127.0.0.1:{apps_https}",
                          context, common, {"a": a, "b": b}, sandbox=sandbox)  # fmt: skip
        for name in cluster.ports:
            cluster.start_replica(name, hosts_secret)
        prefix = root / "nginx"
        (prefix / "logs").mkdir(parents=True)
        (prefix / "site.conf").write_text(nginx_site(cert, key, https, apps_https, http, [a, b]))
        (prefix / "nginx.conf").write_text(nginx_main(prefix))
        cluster.nginx = cluster._spawn(
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off; master_process off;"],
            prefix / "logs" / "stdout.log", dict(os.environ),
        )  # fmt: skip
        for name in cluster.ports:
            cluster.wait_replica(name)
            cluster.warm(name)
        wait_for("nginx", lambda: _listening(https), cluster.nginx, prefix / "logs" / "error.log", 30)
        start_hosts(cluster, hosts_secret)
        yield cluster
    finally:
        if cluster is not None:
            cluster.close()
        forget_engines()
        server.stop()
        if made_root and not keep:
            shutil.rmtree(root, ignore_errors=True)
