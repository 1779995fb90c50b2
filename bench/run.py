"""``make bench``: speed and memory figures, each the median and p95 of repeated runs.

    python -m bench.run [--small] [--out DIR]

Writes ``<out>/latest.json`` and ``latest.md`` (the machine described): idea → spec and idea →
bundle (offline, every idea); verify per backend split into start, ruff and pytest, against a
bare pytest run; idea → published app (offline, and through the scripted OpenAI-compatible
server at a stated speed) with the time to the first visible stage; throughput with 1, 2, 4, 8
generations at once; gallery search and list at 1k, 10k, 100k apps; app cold start through the
runner and the studio's memory with 10 apps running; a class at once (40 visitors on 1 app and across
10 apps: time to a usable page, app memory, refusals; bench/visitors.py). ``--small`` is the CI size: a handful of
ideas, one run, 1k apps, 1 and 2 at once. Tests never assert on these numbers.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from bench.ideas import Idea, load_ideas
from bench.report import markdown
from bench.stats import stats as _stats
from generator.generate import generate
from generator.providers.offline import OfflineProvider
from generator.render import render

__all__ = ["machine", "main", "pick"]

ROOT = Path(__file__).resolve().parents[1]


def machine() -> dict[str, object]:
    info: dict[str, object] = {
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
        info["cpu_model"] = next(line.split(":", 1)[1].strip() for line in cpuinfo.splitlines()
                                 if line.startswith("model name"))  # fmt: skip
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").split()
        info["memory_gb"] = round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 2**20, 1)
    except (OSError, StopIteration, ValueError):
        pass
    return info


def pick(ideas: list[Idea], n: int) -> list[Idea]:
    """``n`` ideas spread over the file, one in Chinese among them when the file has one."""
    if n >= len(ideas):
        return ideas
    chosen = [ideas[round(i * (len(ideas) - 1) / max(1, n - 1))] for i in range(n)]
    chinese = next((i for i in ideas if any("\u4e00" <= ch <= "\u9fff" for ch in i.text)), None)
    if chinese is not None and chinese not in chosen:
        chosen[-1] = chinese
    return chosen


def bench_generation(ideas: list[Idea], repeat: int) -> dict[str, object]:
    to_spec: list[float] = []
    to_bundle: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for round_ in range(repeat):
            for idea in ideas:
                provider = OfflineProvider()  # a fresh provider: no plan cache across runs
                began = time.perf_counter()
                generation = generate(idea.text, provider=provider)
                planned = time.perf_counter()
                render(generation.spec, Path(scratch) / f"{round_}-{idea.id}")
                done = time.perf_counter()
                to_spec.append((planned - began) * 1000)
                to_bundle.append((done - began) * 1000)
            OfflineProvider.clear_cache()
    tracemalloc.start()
    with tempfile.TemporaryDirectory() as scratch:
        for idea in ideas:
            render(generate(idea.text, provider=OfflineProvider()).spec, Path(scratch) / idea.id)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "idea_to_spec_ms": _stats(to_spec),
        "idea_to_bundle_ms": _stats(to_bundle),
        "python_heap_peak_mb": round(peak / 2**20, 2),
        "process_max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "ideas": len(ideas),
        "repeat": repeat,
    }


def bench_verify(repeat: int) -> dict[str, Any]:
    """Verify time for a typical bundle per backend (warm image), split into start, ruff, pytest;
    the baseline is a bare pytest run of the same bundle, outside any sandbox."""
    import sys

    from bench.e2e import bare_pytest_s
    from sandbox.limits import SandboxSettings
    from sandbox.verify import SandboxUnavailable, get_backend, verify

    sys.path.insert(0, str(ROOT / "tests"))
    from sample_specs import water_tracker

    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as scratch:
        bundle = render(water_tracker(), Path(scratch) / "water").path
        bare = [bare_pytest_s(bundle) for _ in range(repeat)]
        results["bare_pytest_s"] = _stats(bare)
        settings = SandboxSettings(allow_local=True)
        for name in ("docker", "bubblewrap", "local"):
            try:
                backend = get_backend(name, settings)
            except SandboxUnavailable as exc:
                results[name] = {"unavailable": str(exc)}
                continue
            verify(bundle, backend=backend, settings=settings)  # warm: image, runtime, caches
            parts: dict[str, list[float]] = {"start": [], "ruff": [], "pytest": [], "total": []}
            for _ in range(repeat):
                report = verify(bundle, backend=backend, settings=settings)
                if not report.passed:
                    raise RuntimeError(f"{name}: the benchmark bundle failed: {report.model_dump_json()}")
                for key in parts:
                    parts[key].append(report.timings_s.get(key, 0.0))
            summary: dict[str, Any] = {key: _stats(values) for key, values in parts.items()}
            summary["ratio_to_bare_pytest"] = round(summary["total"]["median"] / results["bare_pytest_s"]["median"], 2)
            results[name] = summary
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__)
    parser.add_argument("--ideas", type=Path, default=ROOT.parent / "shared" / "eval" / "ideas-dev.jsonl")
    parser.add_argument("--small", action="store_true", help="the CI size: a handful of ideas, one run, 1k apps")
    parser.add_argument("--repeat", type=int, help="runs of each figure (default 3; 1 with --small)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--no-verify", action="store_true", help="skip every figure that needs the sandbox")
    parser.add_argument("--no-runner", action="store_true", help="skip the figures of apps served by the runner")
    parser.add_argument("--gallery-sizes", type=int, nargs="*")
    parser.add_argument("--tokens-per-s", type=float, help="the scripted model's speed (default 60; 600 small)")
    parser.add_argument("--cluster", type=int, nargs="?", const=500, metavar="IDEAS",
                        help="bursts of IDEAS (500) through a cluster's API with 1, 2, 4 workers (bench/cluster.py); "
                        "full size: 60, --small: none unless asked")  # fmt: skip
    args = parser.parse_args(argv)
    small = args.small
    repeat = args.repeat or (1 if small else 3)
    sizes = args.gallery_sizes or ([1000] if small else [1000, 10_000, 100_000])
    every = load_ideas(args.ideas)
    began = time.perf_counter()
    results: dict[str, Any] = {
        "machine": machine(),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "small": small,
        "generation": bench_generation(pick(every, 5) if small else every, repeat),
    }
    from gallery.benchmark import search_latency

    results["gallery"] = {str(n): search_latency(n, repeat=5 if small else 20) for n in sizes}
    if not args.no_verify:
        from bench.e2e import bench_published, bench_throughput
        from bench.model_speed import bench_model

        results["verify"] = bench_verify(repeat if small else max(repeat, 5))
        results["published"] = bench_published(pick(every, 2 if small else 5), repeat)
        levels = [1, 2] if small else [1, 2, 4, 8]
        results["throughput"] = bench_throughput(pick(every, 2 if small else 8), levels)
        speed = args.tokens_per_s or (600 if small else 60)
        results["model"] = bench_model(repeat=repeat, tokens_per_s=speed, ttft_s=0.05 if small else 0.4)
        if not args.no_runner:
            from bench.runner_bench import bench_runner

            results["runner"] = bench_runner(apps=2 if small else 10, ideas=pick(every, 10))
            from bench.visitors import bench_visitors

            results["visitors"] = bench_visitors(visitors=10 if small else 40)
        if args.cluster or not small:
            from bench.cluster import bench_cluster

            results["cluster"] = bench_cluster(args.cluster or 60)
    results["wall_s"] = round(time.perf_counter() - began, 1)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    text = markdown(results)
    if "visitors" in results:
        from bench.visitors import visitors_markdown

        text = text.rstrip("\n") + "\n" + "\n".join(visitors_markdown(results["visitors"])) + "\n"
    if "cluster" in results:
        from bench.cluster import markdown as cluster_markdown

        text = text.rstrip("\n") + "\n\n" + cluster_markdown(results["cluster"]).replace("# Cluster", "## Cluster")
    (args.out / "latest.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
