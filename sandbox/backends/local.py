"""The local backend: a child process on this machine, no isolation. Development only."""

from __future__ import annotations

import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sandbox.backends.base import RunResult, app_environment, run_process
from sandbox.backends.quota import attach
from sandbox.backends.serve import RELAY, ProcessServed, ServeDirs, ServeRequest, relay_args
from sandbox.limits import Limits

__all__ = ["LocalBackend", "own_temp_root"]

HERE = Path(__file__).resolve().parents[1]


@contextmanager
def own_temp_root(env: dict[str, str]) -> Iterator[dict[str, str]]:
    """``env`` with a temp root of its own (``TMPDIR``, removed afterwards), as the isolated backends' private
    /tmp. Runs at once otherwise share /tmp/pytest-of-<user>, and one pytest deleting another's old numbered
    folders as it ends fails the other. Every run of a bundle's tests on this machine goes through here."""
    with tempfile.TemporaryDirectory(prefix="flashapps-run-", ignore_cleanup_errors=True) as tmp:
        yield {**env, "TMPDIR": tmp}


class LocalBackend:
    name = "local"
    isolated = False
    app_dir = ""  # the bundle's own path
    python = sys.executable
    checker = str(HERE / "inside" / "check.py")
    ini = str(HERE / "bundle_pytest.ini")

    def available(self) -> bool:
        return True

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        with own_temp_root(app_environment()) as env:
            return run_process(self.name, argv, limits, cwd=bundle, env=env)

    def serve(self, request: ServeRequest) -> ProcessServed:
        """The app as a child process group on this machine: NOT ISOLATED (development only). Its environment
        is the allow-list's (no key of the studio's); its data quota is watched, not mounted."""
        guard = attach(request.data, request.data_quota_mb, isolated=False)
        dirs = ServeDirs(request.code, owner=None)
        try:
            env = app_environment({"FLASHAPP_DATA_DIR": str(request.data)})
            argv = relay_args(sys.executable, str(RELAY), str(dirs.socket), str(dirs.app), request.base_path)
            return ProcessServed(self.name, argv, dirs, cwd=dirs.app, env=env, guard=guard)
        except BaseException:
            dirs.cleanup()
            raise
