"""The cluster's two sandbox hosts (``flashapps host``, studio/hostagent.py), each with an engine of its own.

With ``--sandbox docker`` each host gets a Docker engine of its own: a second ``dockerd`` with its own socket
(``-H unix://…``), ``--data-root``, ``--exec-root`` and ``--pidfile`` under the cluster's folder, and
``--bridge=none --iptables=false`` (no bridge network, no address range taken: sandbox containers use network
"none"); the sandbox image is copied into it from this machine's engine (``docker save | docker load``). With
bubblewrap (or the local backend) the two hosts share this machine's sandbox. Every host, engine, container and
app process started here is stopped and removed by ``SandboxHost.close``.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.cluster_services import Cluster
    from gallery.placement import Placements

__all__ = [
    "HOSTS", "HOSTS_ENV", "SYNC_S", "DockerEngine", "SandboxHost", "forget_engines", "kill_tree", "placements",
    "start_engine", "start_hosts",
]  # fmt: skip

Spawn = Callable[[list[str], Path, dict[str, str]], "subprocess.Popen[bytes]"]
HOSTS = ("host-a", "host-b")
HEARTBEAT_S, DEAD_AFTER_S, SYNC_S = 1.0, 6.0, 3.0
"""The hosts' heartbeat, after how long a silent host is lost, and how often a host saves its apps' changed data
(the bound on data lost with a host); replicas and hosts share them."""
HOSTS_ENV = {"FLASHAPPS_HOSTS_HEARTBEAT_S": str(HEARTBEAT_S), "FLASHAPPS_HOSTS_DEAD_AFTER_S": str(DEAD_AFTER_S),
             "FLASHAPPS_HOSTS_SYNC_S": str(SYNC_S)}  # fmt: skip
_ENGINES: dict[str, Any] = {}


def placements(url: str) -> Placements:
    """The placements, hosts and saved data in the cluster's database (one SQLAlchemy engine per URL here)."""
    from sqlalchemy import create_engine

    from gallery.placement import Placements

    if url not in _ENGINES:
        _ENGINES[url] = create_engine(url, pool_pre_ping=True, pool_size=2)
    return Placements(_ENGINES[url], DEAD_AFTER_S)


def forget_engines() -> None:
    for engine in _ENGINES.values():
        engine.dispose()
    _ENGINES.clear()


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError, IndexError, ValueError):
            parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            found.setdefault(parent, []).append(int(entry.name))
    return found


def kill_tree(process: subprocess.Popen[bytes]) -> None:
    """SIGKILL ``process`` and everything below it, as a lost machine would take them (apps run in sessions
    of their own, so a group kill would leave them running)."""
    children = _children()
    pids, todo = [], [process.pid]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        todo.extend(children.get(pid, []))
    for pid in pids:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


@dataclass
class DockerEngine:
    """A ``dockerd`` of one host's own (see the module)."""

    root: Path
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"unix://{self.root / 'docker.sock'}"

    def docker(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run(["docker", "-H", self.url, *args], capture_output=True, timeout=timeout, check=False)

    def stop(self) -> None:
        """Its containers removed, then the engine stopped (SIGTERM, then SIGKILL) and its mounts undone."""
        if self.process.poll() is None:
            listed = self.docker("ps", "-aq").stdout.decode().split()
            if listed:
                self.docker("rm", "-f", *listed, timeout=120)
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                kill_tree(self.process)
        kill_tree(self.process)  # containerd and its shims, when they outlived it
        from sandbox.backends.quota import unmount_under

        unmount_under(self.root)


def start_engine(root: Path, spawn: Spawn, image: str) -> DockerEngine:
    """A second Docker engine under ``root`` with ``image`` loaded into it (from this machine's engine)."""
    dockerd = shutil.which("dockerd") or "/usr/sbin/dockerd"
    root.mkdir(parents=True, exist_ok=True)
    command = [dockerd, "-H", f"unix://{root / 'docker.sock'}", "--data-root", str(root / "data"),
               "--exec-root", str(root / "exec"), "--pidfile", str(root / "docker.pid"), "--bridge=none",
               "--iptables=false", "--ip6tables=false"]  # fmt: skip
    engine = DockerEngine(root, spawn(command, root / "dockerd.log", dict(os.environ)))
    deadline = time.monotonic() + 90
    while engine.docker("info", timeout=10).returncode != 0:
        if engine.process.poll() is not None or time.monotonic() > deadline:
            tail = (root / "dockerd.log").read_text(errors="replace")[-2000:]
            engine.stop()
            raise RuntimeError(f"the Docker engine under {root} did not start:\n{tail}")
        time.sleep(0.5)
    if engine.docker("image", "inspect", image).returncode == 0:
        return engine  # started again on its data root: the image is there already
    with subprocess.Popen(["docker", "save", image], stdout=subprocess.PIPE) as saved:
        loaded = subprocess.run(["docker", "-H", engine.url, "load", "-q"], stdin=saved.stdout,
                                capture_output=True, timeout=900, check=False)  # fmt: skip
    if saved.returncode != 0 or loaded.returncode != 0:
        engine.stop()
        raise RuntimeError(f"the sandbox image could not be copied: {loaded.stderr.decode(errors='replace')}")
    return engine


@dataclass
class SandboxHost:
    """One ``flashapps host`` on 127.0.0.1:``port``, its apps' data under ``home``."""

    name: str
    port: int
    home: Path
    log: Path
    env: dict[str, str]
    engine: DockerEngine | None = None
    process: subprocess.Popen[bytes] | None = None
    killed: list[float] = field(default_factory=list)

    def command(self) -> list[str]:
        from bench.cluster_services import FLASHAPPS

        return [str(FLASHAPPS), "-v", "host", "--name", self.name, "--host", "127.0.0.1", "--port", str(self.port),
                "--home", str(self.home)]  # fmt: skip

    def start(self, spawn: Spawn) -> None:
        env = {**self.env, "DOCKER_HOST": self.engine.url} if self.engine is not None else dict(self.env)
        if self.engine is None:
            env.pop("DOCKER_HOST", None)
        self.process = spawn(self.command(), self.log, env)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kill(self) -> None:
        """SIGKILL the agent and its apps; with Docker its engine stopped too: a sandbox host lost."""
        if self.process is not None:
            kill_tree(self.process)
        if self.engine is not None:
            self.engine.stop()
        self.killed.append(time.time())

    def close(self) -> None:
        """A clean stop (SIGTERM: its apps' data saved), else killed; its engine stopped and removed."""
        if self.alive():
            assert self.process is not None
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=60)
        if self.process is not None:
            kill_tree(self.process)
        if self.engine is not None:
            self.engine.stop()


def start_hosts(cluster: Cluster, secret: str) -> None:
    """The two sandbox hosts (with Docker: an engine each, the sandbox image copied in), each waited for until
    its heartbeat is in the database."""
    from bench.cluster_services import free_ports, wait_for

    env = {**cluster.env, "FLASHAPPS_HOSTS_SECRET": secret, "FLASHAPPS_RUNNER_BACKEND": cluster.sandbox}
    image = None
    if cluster.sandbox == "docker":
        from sandbox.image import ensure_image

        image = ensure_image(log=lambda _: None)
    for name, port in zip(HOSTS, free_ports(len(HOSTS)), strict=True):
        engine = start_engine(cluster.root / f"{name}-docker", cluster._spawn, image) if image else None
        host = cluster.hosts[name] = SandboxHost(name, port, cluster.root / name, cluster.root / f"{name}.log", env,
                                                 engine)  # fmt: skip
        host.start(cluster._spawn)
    for name, host in cluster.hosts.items():
        wait_for(f"sandbox host {name}", functools.partial(_is_live, cluster, name), host.process, host.log, 120)


def _is_live(cluster: Cluster, name: str) -> bool:
    return name in cluster.live_hosts()
