"""Apps served through the runner, as a visitor meets them: the studio (``studio/server.py``
under uvicorn, a child process on a free 127.0.0.1 port) with ``apps`` published apps.

Cold start: the first request to ``/apps/<slug>/`` until the app's ``/_stcore/health`` answers
through the proxy (the app starts in the sandbox on that first visit); then each app's page is
drawn in headless Chromium, so every app has served a real session. Memory, once all are up:
the studio process's RSS, each app's (a Docker container's memory use, or the RSS of the
app's process tree under the studio for bubblewrap and local), their total, and the peak of
that total measured after each app started. Baselines: a bare ``streamlit run`` of the same
bundle, no sandbox, no proxy, for both the start and the memory.
"""

from __future__ import annotations

import contextlib
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.e2e import one_run, temp_gallery
from bench.ideas import Idea
from bench.shots import Photographer, ShotError, available, free_port, serve_app, wait_healthy
from bench.stats import stats
from sandbox.backends.quota import unmount_under
from sandbox.backends.serve import tree_rss
from sandbox.verify import get_backend

__all__ = ["bench_runner"]

_MB = 2**20


def _get(url: str, timeout: float = 120) -> int:
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        answer.read()
        return int(answer.status)


def _rss(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return 0


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == pid:
                    found.append(int(entry.name))
    return found


class _Meter:
    """The studio's own RSS and each app's memory (bytes), by backend."""

    def __init__(self, studio_pid: int, backend: str) -> None:
        self.pid, self.backend = studio_pid, backend
        self._client: Any = None
        if backend.startswith("docker"):
            import docker

            self._client = docker.from_env()

    def apps(self) -> dict[str, int]:
        if self._client is None:  # process backends: every child process tree of the studio is an app
            return {str(child): tree_rss(child) or 0 for child in _children(self.pid)}
        from sandbox.backends.docker_backend import SERVE_LABEL
        from sandbox.limits import OWNER

        found = {}
        for container in self._client.containers.list(filters={"label": f"{OWNER}={self.pid}"}, ignore_removed=True):
            with contextlib.suppress(Exception):
                memory = container.stats(stream=False, one_shot=True).get("memory_stats") or {}
                used = int(memory.get("usage", 0)) - int((memory.get("stats") or {}).get("inactive_file", 0))
                found[container.labels.get(SERVE_LABEL, container.name)] = used
        return found

    def studio(self) -> int:
        return _rss(self.pid)


@contextlib.contextmanager
def _studio(home: Path, gallery_dir: Path, apps: int, backend: str | None) -> Iterator[tuple[str, int]]:
    port = free_port()
    env = {
        **os.environ,
        "FLASHAPPS_HOME": str(home),
        "FLASHAPPS_GALLERY_DATABASE_URL": f"sqlite:///{gallery_dir / 'gallery.sqlite3'}",
        "FLASHAPPS_GALLERY_STORE_DIR": str(gallery_dir / "store"),
        "FLASHAPPS_RUNNER_MAX_RUNNING": str(apps + 1),
        "FLASHAPPS_RUNNER_IDLE_SECONDS": "3600",
    }
    if backend:
        env["FLASHAPPS_RUNNER_BACKEND"] = backend
    command = [sys.executable, "-m", "studio.server", "--host", "127.0.0.1", "--port", str(port)]
    log = (home / "studio.log").open("wb")
    process = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}/_stcore/health", 90, process)
        yield f"http://127.0.0.1:{port}", process.pid
    finally:
        process.terminate()  # the lifespan stops every app
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        unmount_under(home)  # apps' data folders stay mounted after the studio (root): the scratch home goes next


def _baseline(bundles: list[Path], camera: Photographer | None) -> tuple[list[float], list[int]]:
    starts, memory = [], []
    for bundle in bundles:
        with serve_app(bundle) as app:
            starts.append(app.startup_s)
            if camera is not None:
                camera.load(app.url)
            memory.append(app.memory_bytes())
    return starts, memory


def bench_runner(apps: int, ideas: list[Idea], backend_name: str | None = None) -> dict[str, Any]:
    """Cold start through the runner and memory with ``apps`` apps running (see the module)."""
    try:
        import studio.server  # noqa: F401
    except ImportError as exc:
        return {"unavailable": f"no app runner in this checkout ({exc.name})"}
    backend = get_backend(backend_name)
    with tempfile.TemporaryDirectory(prefix="bench-runner-") as scratch, contextlib.ExitStack() as stack:
        home, gallery_dir = Path(scratch) / "home", Path(scratch) / "gallery"
        home.mkdir()
        gallery_dir.mkdir()
        gallery, user = temp_gallery(gallery_dir)
        slugs, bundles = [], []
        for n in range(apps):
            idea = ideas[n % len(ideas)]
            step = one_run(idea, Path(scratch) / f"b{n}-{idea.id}", backend)
            result = step["result"]
            if result.passed:
                view = gallery.apps.publish(user, result.bundle, result.report, confirm_privacy=True)
                slugs.append(view.slug)
                bundles.append(result.bundle_path)
        gallery.close()
        camera = stack.enter_context(Photographer()) if not available() else None
        bare_start, bare_memory = _baseline(bundles[:3], camera)
        cold, draw, warm = [], [], []
        peak = 0
        with _studio(home, gallery_dir, apps, backend_name) as (url, pid):
            meter = _Meter(pid, backend.name)
            for slug in slugs:
                began = time.perf_counter()
                _get(f"{url}/apps/{slug}/")
                wait_healthy(f"{url}/apps/{slug}/_stcore/health", 60)
                cold.append(time.perf_counter() - began)
                if camera is not None:
                    with contextlib.suppress(ShotError):
                        draw.append(camera.load(f"{url}/apps/{slug}/"))
                peak = max(peak, meter.studio() + sum(meter.apps().values()))  # between starts: timings untouched
            for _ in range(5):
                for slug in slugs:
                    began = time.perf_counter()
                    _get(f"{url}/apps/{slug}/_stcore/health", 10)
                    warm.append(time.perf_counter() - began)
            time.sleep(1)  # let the last page's session settle
            studio_bytes, app_bytes = meter.studio(), meter.apps()
    total = studio_bytes + sum(app_bytes.values())
    per_app = sorted(app_bytes.values()) or [0]
    return {
        "backend": backend.name,
        "apps": len(slugs),
        "cold_start_s": stats(cold),
        "first_draw_s": stats(draw),
        "warm_request_s": stats(warm),
        "bare_streamlit_start_s": stats(bare_start),
        "ratio_cold_to_bare": round(statistics.median(cold) / statistics.median(bare_start), 2) if bare_start else None,
        "memory": {
            "apps": len(app_bytes),
            "how": "studio: RSS of its process; apps: "
            + (
                "each container's memory use (docker stats, less inactive file cache)"
                if backend.name.startswith("docker")
                else "RSS of each app's process tree"
            ),  # fmt: skip
            "studio_mb": round(studio_bytes / _MB, 1),
            "apps_total_mb": round(sum(app_bytes.values()) / _MB, 1),
            "app_median_mb": round(statistics.median(per_app) / _MB, 1),
            "app_max_mb": round(per_app[-1] / _MB, 1),
            "total_mb": round(total / _MB, 1),
            "peak_mb": round(max(peak, total) / _MB, 1),
            "bare_app_mb": round(statistics.median(bare_memory) / _MB, 1) if bare_memory else 0.0,
        },
    }
