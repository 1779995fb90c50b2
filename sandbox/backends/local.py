"""The local backend: a child process on this machine, no isolation. Development only."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sandbox.backends.base import RunResult, cap
from sandbox.backends.serve import RELAY, ProcessServed, ServeDirs, ServeRequest, relay_args
from sandbox.limits import Limits

__all__ = ["LocalBackend"]

HERE = Path(__file__).resolve().parents[1]


class LocalBackend:
    name = "local"
    isolated = False
    app_dir = ""  # the bundle's own path
    python = sys.executable
    runner = str(HERE / "runner.py")
    ini = str(HERE / "bundle_pytest.ini")

    def available(self) -> bool:
        return True

    def run(self, bundle: Path, argv: list[str], limits: Limits) -> RunResult:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASHAPP", "PYTEST", "OPENAI"))}
        began = time.perf_counter()
        process = subprocess.Popen(
            argv, cwd=bundle, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        try:
            out, err = process.communicate(timeout=limits.timeout_s)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            out, err = process.communicate()
            timed_out = True
        stdout, cut_out = cap(out, limits.output_cap_kb)
        stderr, cut_err = cap(err, limits.output_cap_kb)
        return RunResult(
            backend=self.name,
            exit_code=None if timed_out else process.returncode,
            stdout=stdout,
            stderr=stderr,
            timed_out=timed_out,
            truncated=cut_out or cut_err,
            run_s=time.perf_counter() - began,
        )

    def serve(self, request: ServeRequest) -> ProcessServed:
        """The app as a child process group on this machine: NOT ISOLATED (development only)."""
        dirs = ServeDirs(request.code, owner=None)
        try:
            request.data.mkdir(parents=True, exist_ok=True)
            hidden = ("FLASHAPP", "PYTEST", "OPENAI", "STREAMLIT")
            env = {k: v for k, v in os.environ.items() if not k.startswith(hidden)}
            env.update({"FLASHAPP_DATA_DIR": str(request.data), "PYTHONDONTWRITEBYTECODE": "1"})
            argv = relay_args(sys.executable, str(RELAY), str(dirs.socket), str(dirs.app), request.base_path)
            return ProcessServed(self.name, argv, dirs, cwd=dirs.app, env=env)
        except BaseException:
            dirs.cleanup()
            raise
