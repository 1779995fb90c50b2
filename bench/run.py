"""``make bench``: speed and memory figures, each the median and p95 of repeated runs.

Writes ``bench/results/latest.json`` and ``latest.md``. Figures so far: idea → spec (the six
stages, offline) and idea → bundle on disk, over every idea of the dev set; the memory peak
of doing so. Tests never assert on these numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import tempfile
import time
import tracemalloc
from pathlib import Path

from bench.ideas import load_ideas
from generator.pipeline import generate
from generator.providers.offline import OfflineProvider
from generator.render import render

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]


def _stats(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "min": ordered[0], "max": ordered[-1], "n": len(ordered)}


def _machine() -> dict[str, object]:
    return {
        "cpu_count": os.cpu_count(),
        "machine": platform.machine(),
        "python": platform.python_version(),
        "system": platform.platform(terse=True),
    }


def bench_generation(ideas_file: Path, repeat: int) -> dict[str, object]:
    ideas = load_ideas(ideas_file)
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


def bench_verify(repeat: int) -> dict[str, object]:
    """Verify time for a typical bundle per backend (warm image), split into start, ruff, pytest;
    the baseline is a bare pytest run of the same bundle, outside any sandbox."""
    import subprocess
    import sys

    from sandbox.limits import SandboxSettings
    from sandbox.verify import SandboxUnavailable, get_backend, verify

    sys.path.insert(0, str(ROOT / "tests"))
    from sample_specs import water_tracker

    results: dict[str, object] = {}
    with tempfile.TemporaryDirectory() as scratch:
        bundle = render(water_tracker(), Path(scratch) / "water").path
        bare = []
        for _ in range(repeat):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"], cwd=bundle,
                           capture_output=True, check=True)  # fmt: skip
            bare.append(time.perf_counter() - began)
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
            summary = {key: _stats(values) for key, values in parts.items()}
            summary["ratio_to_bare_pytest"] = round(summary["total"]["median"] / results["bare_pytest_s"]["median"], 2)  # type: ignore[index]
            results[name] = summary
    return results


def _markdown(results: dict) -> str:
    gen = results["generation"]
    rows = [
        ("idea → spec (6 stages, offline)", gen["idea_to_spec_ms"]),
        ("idea → bundle on disk (offline)", gen["idea_to_bundle_ms"]),
    ]
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {results['machine']}. {gen['ideas']} ideas × {gen['repeat']} runs.",
        "",
        "| figure | median | p95 | max |",
        "|---|---|---|---|",
    ]
    lines += [f"| {name} | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms |" for name, s in rows]
    lines += [
        f"| Python heap peak (all ideas rendered) | {gen['python_heap_peak_mb']} MB | | |",
        f"| process max RSS | {gen['process_max_rss_mb']} MB | | |",
    ]
    verify = results.get("verify")
    if verify:
        lines += [
            "",
            "## Verify a typical bundle (warm)",
            "",
            "| backend | start | ruff | pytest | total (median) | p95 | × bare pytest |",
        ]
        lines += ["|---|---|---|---|---|---|---|"]
        bare = verify["bare_pytest_s"]
        lines.append(f"| bare pytest, no sandbox | | | | {bare['median']:.2f} s | {bare['p95']:.2f} s | 1.00 |")
        for name in ("docker", "bubblewrap", "local"):
            row = verify.get(name, {})
            if "total" not in row:
                lines.append(f"| {name} | unavailable: {row.get('unavailable', '')} | | | | | |")
                continue
            split = " | ".join(f"{row[k]['median']:.2f} s" for k in ("start", "ruff", "pytest", "total"))
            lines.append(f"| {name} | {split} | {row['total']['p95']:.2f} s | {row['ratio_to_bare_pytest']} |")
    gallery = results.get("gallery")
    if gallery:
        lines += ["", "## Gallery on SQLite", "", "| apps | search p50 | search p95 | list p50 | list p95 |"]
        lines += ["|---|---|---|---|---|"]
        for size, row in gallery.items():
            lines.append(
                f"| {int(size):,} | {row['search_p50_ms']:.1f} ms | {row['search_p95_ms']:.1f} ms "
                f"| {row['list_p50_ms']:.1f} ms | {row['list_p95_ms']:.1f} ms |"
            )
    model = results.get("model")
    if model:
        lines += [
            "",
            f"## Model path (scripted server: {model['tokens_per_s']} tokens/s, {model['ttft_s']} s to first token)",
            "",
            "| figure | median |",
            "|---|---|",
            f"| first visible stage | {model['first_visible_stage_s']:.2f} s |",
            f"| total to a verified app | {model['total_to_verified_s']:.2f} s |",
            f"| of which model | {model['model_s']:.2f} s |",
            f"| of which verify | {model['verify_s']:.2f} s |",
            f"| pipeline overhead beyond model and verify | {model['pipeline_overhead_s']:.3f} s |",
            f"| six stage calls (model time) | {model['six_calls_model_s']:.2f} s |",
            f"| one merged call for the same spec | {model['one_merged_call_s']:.2f} s (nothing visible until done) |",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.run", description=__doc__)
    parser.add_argument("--ideas", type=Path, default=ROOT.parent / "shared" / "eval" / "ideas-dev.jsonl")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--no-verify", action="store_true", help="skip the sandbox figures")
    parser.add_argument("--gallery-sizes", type=int, nargs="*", default=[1000, 10000, 100000])
    args = parser.parse_args(argv)
    results: dict[str, object] = {"machine": _machine(), "generation": bench_generation(args.ideas, args.repeat)}
    from gallery.benchmark import search_latency

    results["gallery"] = {str(n): search_latency(n, repeat=20) for n in args.gallery_sizes}
    if not args.no_verify:
        results["verify"] = bench_verify(max(args.repeat, 5))
        from bench.model_speed import bench_model

        results["model"] = bench_model(repeat=args.repeat)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    (args.out / "latest.md").write_text(_markdown(results), encoding="utf-8")
    print(_markdown(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
