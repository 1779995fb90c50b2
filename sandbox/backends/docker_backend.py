"""The Docker backend: one labelled, hardened, throwaway container per run.

No network, read-only root and bundle, a sized tmpfs, every capability dropped,
no-new-privileges, pids/memory(=memory+swap)/CPU/nofile/fsize limits, a non-root user, the
engine's log capped, a wall clock enforced from here by killing, and removal in every path.
``runtime="runsc"`` runs it under gVisor where the daemon has that runtime registered.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from pathlib import Path
from typing import Any

import docker
import docker.errors
import docker.models.containers
import requests
from docker.types import LogConfig, Ulimit
from docker.utils.socket import frames_iter

from sandbox.backends.base import Head, RunResult
from sandbox.backends.quota import DataGuard, attach
from sandbox.backends.serve import ServeDirs, ServeRequest, over_quota, relay_args
from sandbox.limits import INSTANCE, LABEL, OWNER, Limits, instance_id

__all__ = ["SERVE_LABEL", "DockerBackend", "DockerServed", "remove_leftovers"]

log = logging.getLogger(__name__)

SERVE_LABEL = "flashapps.serve"
"""Containers that serve an app carry this label too, with the app's URL name."""

ATTACH = {"stdout": 1, "stderr": 1, "stream": 1, "logs": 1}

ENGINE_TIMEOUT_S = 120
"""How long one call to the engine may take: a busy engine (many containers starting at once on a small
machine) can take well over docker-py's own 60 s default to create or inspect a container."""


def _read_output(sock: Any, out: Head, err: Head) -> threading.Thread:
    """A thread that reads a container's multiplexed output (1 stdout, 2 stderr) until it ends."""

    def pump() -> None:
        try:
            for stream, data in frames_iter(sock, False):
                (err if stream == 2 else out).feed(data)
        except OSError:
            pass  # the container was removed under us: what was read is kept
        finally:  # over a unix socket this is a SocketIO: the socket closes once it and its file are both closed
            getattr(sock, "_sock", sock).close()
            sock.close()

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    return reader


def confinement(limits: Limits) -> dict[str, Any]:
    """The container options every sandboxed run and served app shares: no network, the limits, no privileges."""
    fsize = limits.fsize_mb * 2**20
    return {
        "user": limits.user,
        "network_mode": "none",
        "read_only": limits.read_only_root,
        "tmpfs": {"/tmp": f"size={limits.tmpfs_mb}m,mode=1777"},
        "cap_drop": list(limits.cap_drop),
        "security_opt": ["no-new-privileges"] if limits.no_new_privileges else [],
        "pids_limit": limits.pids,
        "mem_limit": f"{limits.memory_mb}m",
        "memswap_limit": f"{limits.memory_mb}m",
        "nano_cpus": int(limits.cpus * 1e9),
        "ulimits": [
            Ulimit(name="nofile", soft=limits.nofile, hard=limits.nofile),
            Ulimit(name="fsize", soft=fsize, hard=fsize),
        ],
        "log_config": LogConfig(type="json-file", config={"max-size": limits.log_max_size, "max-file": "1"}),
    }


class DockerBackend:
    name = "docker"
    isolated = True
    app_dir = "/app"
    python = "/opt/venv/bin/python"
    checker = "/opt/flashapps/check.py"
    ini = "/opt/flashapps/bundle_pytest.ini"

    def __init__(
        self,
        image: str | None = None,
        runtime: str = "runc",
        client: docker.DockerClient | None = None,
        home: Path | None = None,
    ):
        self._client = client
        self._image = image
        self._home = home
        self._instance: str | None = None
        self.runtime = runtime
        if runtime == "runsc":
            self.name = "docker+gvisor"

    @property
    def instance(self) -> str:
        """This studio's id on a shared engine (kept in its home): its containers carry it, its sweeps
        look at nothing else."""
        if self._instance is None:
            self._instance = instance_id(self._home)
        return self._instance

    def labels(self, **more: str) -> dict[str, str]:
        return {LABEL: "1", OWNER: str(os.getpid()), INSTANCE: self.instance, **more}

    @property
    def client(self) -> docker.DockerClient:
        if self._client is None:
            self._client = docker.from_env(timeout=ENGINE_TIMEOUT_S)
        return self._client

    @property
    def image(self) -> str:
        if self._image is None:
            from sandbox.image import ensure_image

            self._image = ensure_image(self.client, log=lambda _: None)
        return self._image

    def available(self) -> bool:
        if self._client is None and not _engine_socket_answers():
            return False
        try:
            return bool(self.client.ping()) and (self.runtime == "runc" or self.runtime in self._runtimes())
        except (docker.errors.DockerException, requests.exceptions.RequestException):
            self.close()  # an engine that does not answer: its half-open connection is not kept
            return False

    def close(self) -> None:
        """Lets go of the engine's connections (a later call opens new ones)."""
        if self._client is not None:
            self._client.close()
            self._client = None

    def _runtimes(self) -> set[str]:
        return set(self.client.info().get("Runtimes", {}))

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        try:
            return self._run(bundle, argv, limits)
        except (docker.errors.DockerException, requests.exceptions.RequestException) as exc:
            from sandbox.verify import SandboxUnavailable

            log.warning("the engine failed a check run", exc_info=exc)
            self.close()  # a later run opens a fresh connection
            raise SandboxUnavailable("the sandbox engine did not answer in time; try again in a minute") from exc

    def _run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        began = time.perf_counter()
        container = self.client.containers.create(
            self.image,
            command=argv,
            working_dir=self.app_dir,
            environment={"HOME": "/tmp", "PYTHONDONTWRITEBYTECODE": "1", "MPLCONFIGDIR": "/tmp"},
            volumes={str(bundle): {"bind": self.app_dir, "mode": "ro"}},
            labels=self.labels(),
            runtime=self.runtime,
            **confinement(limits),
            stdin_open=False,
            detach=True,
        )
        out, err = Head(limits.output_cap_kb), Head(limits.output_cap_kb)
        timed_out = False
        try:
            # attached before the start, read while it runs: the engine's own log is capped and rotates
            reader = _read_output(self.client.api.attach_socket(container.id, params=ATTACH), out, err)
            container.start()
            started = time.perf_counter()
            try:
                status = container.wait(timeout=limits.timeout_s)
                exit_code: int | None = int(status.get("StatusCode", -1))
            except (requests.exceptions.ReadTimeout, requests.exceptions.ConnectionError):
                timed_out, exit_code = _kill_overdue(container), None
                if not timed_out:  # it ended by itself as the time ran out: its own status stands
                    exit_code = int(container.wait(timeout=30).get("StatusCode", -1))
            reader.join(timeout=10)
            container.reload()
            oom = bool(container.attrs.get("State", {}).get("OOMKilled"))
            return RunResult(
                backend=self.name,
                exit_code=exit_code,
                stdout=out.text(),
                stderr=err.text(),
                timed_out=timed_out,
                oom_killed=oom,
                truncated=out.cut or err.cut,
                start_s=started - began,
                run_s=time.perf_counter() - started,
            )
        finally:
            _remove(container)

    def serve(self, request: ServeRequest) -> DockerServed:
        """The app in a long-running container: no network, read-only root and code, the data folder
        read-write at /data, the socket folder at /run/flashapp, the limits, a non-root user."""
        limits = request.limits
        uid, _, gid = limits.user.partition(":")
        owner = (int(uid), int(gid or uid))
        guard = attach(request.data, request.data_quota_mb, isolated=True)
        dirs = ServeDirs(request.code, owner=owner)
        try:
            relay = dirs.add_relay(request.data)
            argv = relay_args(self.python, "/opt/flashapps-serve/relay.py", "/run/flashapp/app.sock", self.app_dir,
                              request.base_path)  # fmt: skip
            container = self.client.containers.create(
                self.image,
                command=argv,
                working_dir=self.app_dir,
                environment={
                    "HOME": "/tmp",
                    "PYTHONDONTWRITEBYTECODE": "1",
                    "PYTHONUNBUFFERED": "1",
                    "MPLCONFIGDIR": "/tmp",
                    "FLASHAPP_DATA_DIR": "/data",
                },  # fmt: skip
                volumes={
                    str(dirs.app): {"bind": self.app_dir, "mode": "ro"},
                    str(relay): {"bind": "/opt/flashapps-serve/relay.py", "mode": "ro"},
                    str(request.data): {"bind": "/data", "mode": "rw"},
                    str(dirs.sock): {"bind": "/run/flashapp", "mode": "rw"},
                },
                labels=self.labels(**{SERVE_LABEL: request.key}),
                runtime=self.runtime,
                **confinement(limits),
                stdin_open=False,
                detach=True,
            )
        except BaseException:
            dirs.cleanup()
            raise
        served = DockerServed(self.name, container, dirs, guard)
        try:
            container.start()
        except BaseException:
            served.stop()
            raise
        return served


class DockerServed:
    """A container serving one app; ``stop`` removes it and its scratch folder in every path."""

    def __init__(
        self,
        backend: str,
        container: docker.models.containers.Container,
        dirs: ServeDirs,
        guard: DataGuard | None = None,
    ) -> None:
        self.backend = backend
        self.container = container
        self.dirs = dirs
        self.guard = guard
        self.socket = dirs.socket

    def alive(self) -> bool:
        try:
            self.container.reload()
        except docker.errors.NotFound:
            return False
        if self.container.status not in ("created", "running"):
            return False
        if over_quota(self.guard):
            self.stop()
            return False
        return True

    def stop(self) -> None:
        try:
            self.container.stop(timeout=3)
        except docker.errors.NotFound:
            pass
        except docker.errors.APIError:
            pass  # removal below forces it
        _remove(self.container)
        self.dirs.cleanup()

    def memory_bytes(self) -> int | None:
        try:
            stats = self.container.stats(stream=False)
        except docker.errors.APIError:
            return None
        memory = stats.get("memory_stats") or {}
        if "usage" not in memory:
            return None
        return int(memory["usage"]) - int((memory.get("stats") or {}).get("inactive_file", 0))

    def logs(self) -> str:
        try:
            return self.container.logs(tail=100).decode("utf-8", errors="replace")
        except docker.errors.APIError:
            return ""


def _kill_overdue(container: docker.models.containers.Container) -> bool:
    """Kills a container past its time. False when it had ended by itself meanwhile (the engine answers
    409, "is not running"): a verify run's own pytest timeout and this wait can run out together."""
    try:
        container.kill()
    except docker.errors.APIError as exc:
        if exc.response is None or exc.response.status_code != 409:
            raise
        return False
    return True


def _remove(container: docker.models.containers.Container) -> None:
    """Removes a container; one already being removed (or gone) is fine."""
    try:
        container.remove(force=True)
    except docker.errors.NotFound:
        return
    except docker.errors.APIError as exc:
        if "already in progress" not in str(exc):
            raise


def _alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _engine_socket_answers() -> bool:
    """Whether the engine's unix socket (``DOCKER_HOST``, else the default) takes a connection. Asked first
    because docker-py leaves the socket of a refused connection open (a ResourceWarning in every caller)."""
    url = os.environ.get("DOCKER_HOST") or "unix:///var/run/docker.sock"
    if not url.startswith("unix://"):
        return True  # a TCP engine: docker-py's own ping says
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
        probe.settimeout(5)
        try:
            probe.connect(url.removeprefix("unix://"))
        except OSError:
            return False
    return True


def remove_leftovers(client: docker.DockerClient | None = None, instance: str | None = None) -> int:
    """Removes this studio's sandbox containers left by this process, or by one of its processes that no
    longer exists (a crash). Only containers labelled with ``instance`` (this home's id, ``instance_id``)
    are looked at: another studio on the same engine has its own, and its process ids mean nothing
    here. Returns how many."""
    client = client or docker.from_env()
    mine = str(os.getpid())
    ours = {"label": [LABEL, f"{INSTANCE}={instance or instance_id()}"]}
    leftovers = [
        c
        for c in client.containers.list(all=True, filters=ours, ignore_removed=True)
        if c.labels.get(OWNER) == mine or not _alive(c.labels.get(OWNER, ""))
    ]
    for container in leftovers:
        _remove(container)
    return len(leftovers)
