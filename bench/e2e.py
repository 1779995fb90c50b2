"""End to end, offline: an idea to an app published in the gallery by a signed-in user, and how
many such apps this machine makes a minute with 1, 2, 4, 8 generations at once.

Published: generate (six stages), render, verify in the sandbox (repairs included), publish to a
temporary SQLite gallery. Split per step; the baseline is a bare ``pytest`` run of the same bundle
outside any sandbox (the least any check of the app could cost). Throughput: the same batch of
ideas through generate + render + verify with N worker threads; apps a minute, per-app latency,
and the ratio to one at a time.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import sandbox
from bench.ideas import Idea
from bench.stats import stats
from generator.build import build
from generator.providers.offline import OfflineProvider
from sandbox.backends.local import own_temp_root
from sandbox.verify import get_backend, verify

__all__ = ["bare_pytest_s", "bench_published", "bench_throughput", "temp_gallery"]


def temp_gallery(folder: Path) -> Any:
    """A fresh SQLite gallery under ``folder`` and a signed-up maker: ``(gallery, user)``."""
    from gallery.core import open_gallery
    from gallery.settings import GallerySettings

    settings = GallerySettings(database_url=f"sqlite:///{folder / 'gallery.sqlite3'}", store_dir=folder / "store")
    gallery = open_gallery(settings)
    user = gallery.accounts.register("bench-maker", "bench-password-123")
    return gallery, user


def bare_pytest_s(bundle: Path) -> float:
    """Seconds of a bare ``pytest`` run of a bundle's own tests: no sandbox, no ruff, the same pytest
    settings as in the sandbox and none of this checkout's dev plugins (a bundle needs none)."""
    ini = Path(sandbox.__file__).parent / "bundle_pytest.ini"
    env = {**os.environ, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "pytest", "-c", str(ini), "--rootdir", str(bundle), "-q", "tests"]
    with own_temp_root(env) as env:
        began = time.perf_counter()
        done = subprocess.run(command, cwd=bundle, capture_output=True, check=False, timeout=300, env=env)
        took = time.perf_counter() - began
    if done.returncode != 0:
        raise RuntimeError(f"bare pytest failed on {bundle.name}: {done.stdout.decode()[-400:]}")
    return took


def one_run(idea: Idea, folder: Path, backend: Any) -> dict[str, Any]:
    """Generate, render and verify one idea offline; timings in seconds."""
    OfflineProvider.clear_cache()  # every idea planned afresh, as on a first visit
    began = time.perf_counter()
    first: list[float] = []

    def seen(event: object) -> None:
        if not first:
            first.append(time.perf_counter() - began)

    result = build(idea.text, folder, verify=lambda path: verify(path, backend=backend), provider=OfflineProvider(),
                   on_event=seen)  # fmt: skip
    done = time.perf_counter() - began
    events = result.generation.events
    return {
        "result": result,
        "first_stage_s": first[0] if first else done,
        "generate_s": sum(e.elapsed_ms for e in events if e.stage not in ("render", "verify")) / 1000,
        "render_s": sum(e.elapsed_ms for e in events if e.stage == "render") / 1000,
        "verify_s": sum(e.elapsed_ms for e in events if e.stage == "verify") / 1000,
        "built_s": done,
    }


def bench_published(ideas: list[Idea], repeat: int, backend_name: str | None = None) -> dict[str, Any]:
    """Idea → published app, offline, ``repeat`` times over ``ideas``."""
    backend = get_backend(backend_name)
    parts: dict[str, list[float]] = {k: [] for k in ("first_stage_s", "generate_s", "render_s", "verify_s",
                                                      "publish_s", "total_s")}  # fmt: skip
    bare: list[float] = []
    failed: list[str] = []
    with tempfile.TemporaryDirectory(prefix="bench-publish-") as scratch:
        gallery, user = temp_gallery(Path(scratch))
        try:
            for round_ in range(repeat):
                for idea in ideas:
                    folder = Path(scratch) / f"{round_}-{idea.id}"
                    began = time.perf_counter()
                    step = one_run(idea, folder, backend)
                    result = step["result"]
                    if not result.passed:
                        failed.append(idea.id)
                        continue
                    published = time.perf_counter()
                    gallery.apps.publish(user, result.bundle, result.report, confirm_privacy=True)
                    end = time.perf_counter()
                    step.update(publish_s=end - published, total_s=end - began)
                    for key in parts:
                        parts[key].append(step[key])
                    if round_ == 0:
                        bare.append(bare_pytest_s(result.bundle_path))
            listed = gallery.browse(page_size=1).total
        finally:
            gallery.close()
    summary: dict[str, Any] = {key: stats(values) for key, values in parts.items()}
    summary["bare_pytest_s"] = stats(bare)
    if bare and parts["total_s"]:
        summary["ratio_to_bare_pytest"] = round(statistics.median(parts["total_s"]) / statistics.median(bare), 2)
    summary.update(backend=backend.name, ideas=len(ideas), repeat=repeat, published=listed, failed=failed)
    return summary


def bench_throughput(ideas: list[Idea], levels: list[int], backend_name: str | None = None) -> dict[str, Any]:
    """The batch ``ideas`` through generate + render + verify with 1, 2, 4… generations at once."""
    backend = get_backend(backend_name)
    results: dict[str, Any] = {"batch": len(ideas), "backend": backend.name, "levels": {}}
    base_rate = 0.0
    for level in levels:
        with tempfile.TemporaryDirectory(prefix=f"bench-x{level}-") as scratch:
            began = time.perf_counter()
            with ThreadPoolExecutor(level) as pool:
                steps = list(pool.map(lambda pair: one_run(pair[1], Path(scratch) / str(pair[0]), backend),
                                      enumerate(ideas)))  # fmt: skip
            wall = time.perf_counter() - began
        rate = len(ideas) / wall * 60
        base_rate = base_rate or rate
        results["levels"][str(level)] = {
            "wall_s": round(wall, 2),
            "apps_per_min": round(rate, 2),
            "latency_s": stats([s["built_s"] for s in steps]),
            "verify_s": stats([s["verify_s"] for s in steps]),
            "verified": sum(s["result"].passed for s in steps),
            "ratio_to_1": round(rate / base_rate, 2),
        }
    return results
