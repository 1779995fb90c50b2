"""A throwaway PostgreSQL server for the gallery tests: a cluster in a temporary folder on
127.0.0.1 with a free port, one database per test session, removed at the end.

Debian's ``postgresql`` package is installed when no server binaries are found (as root).
``initdb`` refuses to run as root, so as root the cluster belongs to the ``postgres`` user.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

__all__ = ["PgServer", "PgUnavailable"]


class PgUnavailable(RuntimeError):
    """No PostgreSQL server could be started here (the message says why)."""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _bin_dir() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if found:
        return found[-1].parent
    pg_ctl = shutil.which("pg_ctl")
    return Path(pg_ctl).resolve().parent if pg_ctl else None


def _install() -> None:
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise PgUnavailable("PostgreSQL is not installed (apt-get install -y postgresql)")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for args in (["apt-get", "update"], ["apt-get", "install", "-y", "--no-install-recommends", "postgresql"]):
        done = subprocess.run(args, capture_output=True, text=True, env=env, timeout=900, check=False)
        if done.returncode != 0:
            raise PgUnavailable(f"{' '.join(args)} failed: {done.stderr[-500:]}")


class PgServer:
    """``start()``, then ``url(schema)`` for a connection URL; ``stop()`` removes everything."""

    database = "flashapps_test"

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="flashapps-pg-"))
        self.port = _free_port()
        self.bin: Path | None = None
        self.as_postgres = os.geteuid() == 0

    def _run(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        assert self.bin is not None
        command = [str(self.bin / args[0]), *args[1:]]
        if self.as_postgres:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False, cwd="/")

    def start(self) -> PgServer:
        self.bin = _bin_dir()
        if self.bin is None:
            with Path(tempfile.gettempdir(), "flashapps-pg-install.lock").open("w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # pytest-xdist workers install once, one at a time
                self.bin = _bin_dir()
                if self.bin is None:
                    _install()
                    self.bin = _bin_dir()
        if self.bin is None:
            raise PgUnavailable("no pg_ctl found after installing postgresql")
        data, sockets = self.root / "data", self.root / "sock"
        data.mkdir()
        sockets.mkdir()
        if self.as_postgres:
            self.root.chmod(0o755)
            shutil.chown(data, "postgres")
            shutil.chown(sockets, "postgres")
        done = self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-locale")
        if done.returncode != 0:
            raise PgUnavailable(f"initdb failed: {(done.stderr or done.stdout)[-800:]}")
        options = f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off"
        log = self.root / "sock" / "server.log"
        done = self._run("pg_ctl", "-D", str(data), "-l", str(log), "-o", options, "-w", "-t", "60", "start")
        if done.returncode != 0:
            tail = log.read_text(errors="replace")[-800:] if log.exists() else ""
            raise PgUnavailable(f"pg_ctl start failed: {done.stderr[-400:]} {tail}")
        self._admin(f'CREATE DATABASE "{self.database}"')
        return self

    def _admin(self, statement: str, database: str = "postgres") -> None:
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=database,
                             autocommit=True) as connection:  # fmt: skip
            connection.execute(statement)

    def url(self, schema: str) -> str:
        """A SQLAlchemy URL whose connections use ``schema`` (created here) first."""
        self._admin(f'CREATE SCHEMA IF NOT EXISTS "{schema}"', self.database)
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{self.database}?options=-csearch_path%3D{schema}"

    def drop_schema(self, schema: str) -> None:
        with contextlib.suppress(Exception):
            self._admin(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE', self.database)

    def stop(self) -> None:
        if self.bin is not None and (self.root / "data" / "postmaster.pid").exists():
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)
