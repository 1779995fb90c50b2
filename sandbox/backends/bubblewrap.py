"""The bubblewrap backend: Debian's bwrap with every namespace unshared, for machines without Docker.

Never root inside: limits are set with prlimit, then setpriv drops to nobody (65534) with no
capabilities, and only then does bwrap build the sandbox (as root, bwrap would expose the
host's files and environment). Only /usr, the runtime, the checker and the bundle are mounted,
all read-only; /tmp is a sized tmpfs; the environment is cleared; the network namespace is
empty. Weaker than Docker: no cgroup, so memory is bounded per process (address space) and
processes per user (RLIMIT_NPROC), not for the whole run.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from sandbox.backends.base import RunResult, run_process
from sandbox.backends.quota import attach
from sandbox.backends.serve import ProcessServed, ServeDirs, ServeRequest, relay_args
from sandbox.limits import Limits, SandboxSettings

__all__ = ["BubblewrapBackend", "ensure_runtime"]

HERE = Path(__file__).resolve().parents[1]
NOBODY = "65534"
DATA_DIR = "/data"
SOCKET_DIR = "/run/flashapp"
RELAY_PATH = "/opt/flashapps/relay.py"


def ensure_runtime(settings: SandboxSettings | None = None) -> Path:
    """A world-readable folder with the sandbox runtime's packages, for Debian's python3."""
    from sandbox.image import recipe_hash, wheels

    settings = settings or SandboxSettings()
    site = Path(settings.runtime_dir) / f"site-{recipe_hash()}"
    if (site / ".complete").exists():
        return site
    partial = site.with_name(site.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    requirements = HERE / "recipe" / "requirements.txt"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-index", "--find-links", str(wheels()), "--target",
         str(partial), "-r", str(requirements)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    for path in [partial, *partial.rglob("*")]:
        if not path.is_symlink():
            path.chmod(path.stat().st_mode | 0o444 | (0o111 if path.is_dir() else 0))
    (partial / ".complete").write_text("ok\n")
    shutil.rmtree(site, ignore_errors=True)
    partial.rename(site)
    Path(settings.runtime_dir).chmod(0o755)
    return site


class BubblewrapBackend:
    name = "bubblewrap"
    isolated = True
    app_dir = "/app"
    python = "/usr/bin/python3"
    checker = "/opt/flashapps/check.py"
    ini = "/opt/flashapps/bundle_pytest.ini"

    def __init__(self, settings: SandboxSettings | None = None) -> None:
        self.settings = settings or SandboxSettings()
        self._site: Path | None = None

    def available(self) -> bool:
        return all(shutil.which(tool) for tool in ("bwrap", "setpriv", "prlimit")) and Path(self.python).exists()

    @property
    def site(self) -> Path:
        if self._site is None:
            self._site = ensure_runtime(self.settings)
        return self._site

    def command(self, bundle: Path, argv: list[str], limits: Limits) -> list[str]:
        mb = 2**20
        limit = [
            "prlimit",
            f"--nproc={limits.pids}",
            f"--nofile={limits.nofile}",
            f"--fsize={limits.fsize_mb * mb}",
            f"--cpu={limits.cpu_seconds}",
            f"--as={limits.address_space_mb * mb}",
            "--",
        ]
        drop = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--inh-caps=-all", "--"]
        wrap = ["bwrap", "--unshare-all", "--die-with-parent", "--new-session", "--clearenv", "--cap-drop", "ALL"]
        wrap += ["--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib"]
        wrap += ["--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin"]
        wrap += ["--ro-bind-try", "/etc/localtime", "/etc/localtime", "--proc", "/proc", "--dev", "/dev"]
        wrap += ["--size", str(limits.tmpfs_mb * mb), "--tmpfs", "/tmp"]
        wrap += ["--ro-bind", str(self.site), "/opt/site"]
        wrap += [
            "--ro-bind",
            str(HERE / "inside" / "check.py"),
            self.checker,
            "--ro-bind",
            str(HERE / "bundle_pytest.ini"),
            self.ini,
        ]
        wrap += ["--ro-bind", str(bundle), self.app_dir, "--remount-ro", "/", "--chdir", self.app_dir]
        for key, value in {
            "HOME": "/tmp",
            "PATH": "/opt/site/bin:/usr/bin:/bin",
            "PYTHONPATH": "/opt/site",
            "PYTHONDONTWRITEBYTECODE": "1",
            "LANG": "C.UTF-8",
        }.items():
            wrap += ["--setenv", key, value]
        return [*limit, *drop, *wrap, "--", *argv]

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        env = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin"}
        return run_process(self.name, self.command(bundle, argv, limits), limits, env=env)

    def serve(self, request: ServeRequest) -> ProcessServed:
        """The app in the same namespaces as ``run`` (no network), long-running, with the data folder
        read-write at /data and the socket folder at /run/flashapp. The data folder may sit where
        nobody cannot reach it by path (under /root), so it is first bound onto the scratch folder
        in a private mount namespace of its own (gone with the app). Weaker than Docker: no cgroup
        limits for the whole app."""
        owner = (int(NOBODY), int(NOBODY))
        guard = attach(request.data, request.data_quota_mb, isolated=True)
        dirs = ServeDirs(request.code, owner=owner)
        try:
            relay = dirs.add_relay(request.data)
            reachable = dirs.root / "data"
            reachable.mkdir(mode=0o755)
            socket = f"{SOCKET_DIR}/{dirs.socket.name}"
            argv = relay_args(self.python, RELAY_PATH, socket, self.app_dir, request.base_path)
            command = self.command(dirs.app, argv, request.limits)
            extra = ["--bind", str(reachable), DATA_DIR, "--bind", str(dirs.sock), SOCKET_DIR]
            extra += ["--ro-bind", str(relay), RELAY_PATH, "--setenv", "FLASHAPP_DATA_DIR", DATA_DIR]
            extra += ["--setenv", "PYTHONUNBUFFERED", "1"]
            at = command.index("--remount-ro")
            command[at:at] = extra
            at = command.index("setpriv")
            mount = 'mount --bind -- "$1" "$2" && shift 2 && exec "$@"'
            command[at:at] = ["unshare", "--mount", "--propagation", "private", "--", "/bin/sh", "-c", mount, "sh",
                              str(request.data), str(reachable)]  # fmt: skip
            env = {"PATH": "/usr/bin:/bin:/usr/sbin:/sbin"}
            return ProcessServed(self.name, command, dirs, guard, env=env)
        except BaseException:
            dirs.cleanup()
            raise
