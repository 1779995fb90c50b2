"""The capacity model: what one generation, one verification and one running app cost, measured here, and
the hosts a launch needs (README, "Scaling").

    python -m bench.capacity [--ideas FILE] [--apps 3300000] [--days 14] [--peak 10] [--out DIR]

Measured on this machine, each a median over several runs:
- **generation** (offline planner, idea → bundle on disk): CPU-seconds of this process;
- **verification** (policy + ruff + pytest of the bundle): CPU-seconds and peak memory of the checking
  processes. They run under the local backend here, the same checks without namespaces, because the kernel
  does not add the CPU of a process in a PID namespace of its own (bubblewrap, Docker) to its parent's
  ``RUSAGE_CHILDREN``; the sandbox adds only its start to the same work (``make bench``: bubblewrap 0.00 s,
  Docker 0.26 s);
- **a running app** (``streamlit run`` of a bundle): CPU-seconds to start, per minute idle, per visit (a page
  load and one script run over the WebSocket, as a browser tab does), and its resident memory after the visits.

The model turns them into hosts: generations arrive at ``apps / days`` on average and ``peak`` times that at
launch; each is verified once (``verify_runs``, more when the model path repairs); every new app is opened by its
maker and stays running until the runner stops it as idle (``idle_s``, the runner's ``idle_seconds``), so running
apps at once = arrivals × (idle_s + minutes used). Hosts are counted per resource at a stated utilisation; the
resource needing the most hosts is the one hit first. Tests never assert on these numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.ideas import Idea, load_ideas
from bench.run import ROOT, machine, pick
from generator.generate import generate
from generator.providers.offline import OfflineProvider
from generator.render import render

__all__ = ["measure", "model", "markdown", "main"]

TICK = os.sysconf("SC_CLK_TCK")


def _cpu_s(pid: int) -> float:
    """CPU-seconds used so far by process ``pid`` and its waited-for children (/proc/<pid>/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / TICK


def _children_cpu_s() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _machine_line() -> str:
    info = machine()
    return f"{info['cpu_count']} cores ({info.get('cpu_model', '?')}), {info.get('memory_gb', '?')} GB memory"


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 4) if values else 0.0


def measure_generation(ideas: list[Idea]) -> dict[str, Any]:
    provider = OfflineProvider()
    cpu: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, idea in enumerate(ideas):
            began = time.process_time()
            render(generate(idea.text, provider=provider).spec, Path(scratch) / f"b{number}")
            cpu.append(time.process_time() - began)
    return {"ideas": len(ideas), "cpu_s": _median(cpu), "cpu_s_max": round(max(cpu), 4)}


def measure_verify(ideas: list[Idea]) -> dict[str, Any]:
    from sandbox.limits import SandboxSettings
    from sandbox.verify import get_backend, verify

    settings = SandboxSettings(allow_local=True)
    backend = get_backend("local", settings)
    cpu: list[float] = []
    wall: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        bundles = [render(generate(i.text, provider=OfflineProvider()).spec, Path(scratch) / f"b{n}").path
                   for n, i in enumerate(ideas)]  # fmt: skip
        verify(bundles[0], backend=backend, settings=settings)  # warm: caches, as a busy host is
        for bundle in bundles:
            before, began = _children_cpu_s(), time.perf_counter()
            report = verify(bundle, backend=backend, settings=settings)
            wall.append(time.perf_counter() - began)
            cpu.append(_children_cpu_s() - before)
            if not report.passed:
                raise RuntimeError(f"a capacity bundle failed verification: {bundle.name}")
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"bundles": len(cpu), "cpu_s": _median(cpu), "wall_s": _median(wall), "peak_mb": round(peak_mb, 1)}


def measure_app(ideas: list[Idea], idle_s: float = 20, visits: int = 5) -> dict[str, Any]:
    from bench.shots import serve_app
    from bench.visitors import visit_once

    start: list[float] = []
    idle: list[float] = []
    per_visit: list[float] = []
    rss: list[float] = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, idea in enumerate(ideas):
            bundle = render(generate(idea.text, provider=OfflineProvider()).spec, Path(scratch) / f"b{number}").path
            with serve_app(bundle) as app:
                start.append(_cpu_s(app.pid))
                before = _cpu_s(app.pid)
                time.sleep(idle_s)
                idle.append((_cpu_s(app.pid) - before) * 60 / idle_s)
                before = _cpu_s(app.pid)
                for _ in range(visits):
                    if not asyncio.run(visit_once(app.url)):
                        raise RuntimeError(f"a visit to {idea.text!r} did not finish its script")
                per_visit.append((_cpu_s(app.pid) - before) / visits)
                rss.append(app.memory_bytes() / 2**20)
    return {
        "apps": len(start), "start_cpu_s": _median(start), "idle_cpu_s_per_min": _median(idle),
        "visit_cpu_s": _median(per_visit), "rss_mb": round(statistics.median(rss), 1),
    }  # fmt: skip


def measure(ideas: list[Idea], small: bool = False) -> dict[str, Any]:
    few = pick(ideas, 3 if small else 8)
    return {
        "generation": measure_generation(pick(ideas, 10) if small else ideas),
        "verify": measure_verify(few),
        "app": measure_app(pick(ideas, 2 if small else 4), idle_s=5 if small else 20, visits=2 if small else 5),
    }


def model(
    measured: dict[str, Any], *, apps: float = 3_300_000, days: float = 14, peak: float = 10,
    host_cores: int = 16, host_memory_gb: float = 64, cpu_use: float = 0.7, memory_use: float = 0.8,
    verify_runs: float = 1.0, idle_s: float = 600, used_min: float = 3, visits_per_app: float = 5,
) -> dict[str, Any]:  # fmt: skip
    """Hosts needed at the launch peak, per resource; the largest count is the limit hit first."""
    per_s = apps / (days * 86400)
    peak_per_s = per_s * peak
    gen, ver, app = measured["generation"], measured["verify"], measured["app"]
    running = peak_per_s * (idle_s + used_min * 60)
    making = gen["cpu_s"] + verify_runs * ver["cpu_s"]  # CPU-seconds on a worker per app
    serving = app["start_cpu_s"] + visits_per_app * app["visit_cpu_s"]  # on a sandbox host per app, idle aside
    workers_cores = peak_per_s * making / cpu_use
    serving_cores = (peak_per_s * serving + running * app["idle_cpu_s_per_min"] / 60) / cpu_use
    memory_gb = running * app["rss_mb"] / 1024 / memory_use
    hosts = {
        "workers (generate + verify), by CPU": math.ceil(workers_cores / host_cores),
        "sandbox hosts (running apps), by CPU": math.ceil(serving_cores / host_cores),
        "sandbox hosts (running apps), by memory": math.ceil(memory_gb / host_memory_gb),
    }
    first = max(hosts, key=lambda name: hosts[name])
    return {
        "assumptions": {
            "apps": apps,
            "days": days,
            "peak": peak,
            "host_cores": host_cores,
            "host_memory_gb": host_memory_gb,
            "cpu_use": cpu_use,
            "memory_use": memory_use,
            "verify_runs": verify_runs,
            "idle_s": idle_s,
            "used_min": used_min,
            "visits_per_app": visits_per_app,
        },  # fmt: skip
        "apps_per_min": round(per_s * 60, 1),
        "peak_apps_per_min": round(peak_per_s * 60, 1),
        "running_apps_at_peak": round(running),
        "hosts": hosts,
        "hit_first": first,
        "memory_hosts_if_idle_120s": math.ceil(
            peak_per_s * (120 + used_min * 60) * app["rss_mb"] / 1024 / memory_use / host_memory_gb
        ),
    }


def markdown(result: dict[str, Any]) -> str:
    m, p = result["measured"], result["model"]
    a = p["assumptions"]
    lines = [
        "# Capacity", "",
        f"Measured {result['date']} on {result['machine']}.", "",
        "| what | CPU-seconds | memory | wall |", "|---|---|---|---|",
        f"| one generation, offline (idea → bundle; {m['generation']['ideas']} ideas) | "
        f"{m['generation']['cpu_s']} (max {m['generation']['cpu_s_max']}) | | |",
        f"| one verification ({m['verify']['bundles']} bundles) | {m['verify']['cpu_s']} | "
        f"peak {m['verify']['peak_mb']} MB | {m['verify']['wall_s']} s |",
        f"| a running app: start ({m['app']['apps']} apps) | {m['app']['start_cpu_s']} | "
        f"{m['app']['rss_mb']} MB resident | |",
        f"| a running app: one minute idle | {m['app']['idle_cpu_s_per_min']} | | |",
        f"| a running app: one visit (page + script run) | {m['app']['visit_cpu_s']} | | |",
        "",
        f"Launch model: {a['apps']:,.0f} apps in {a['days']:g} days = {p['apps_per_min']} a minute on average, "
        f"{p['peak_apps_per_min']} at a {a['peak']:g}× peak; each verified {a['verify_runs']:g}×, opened "
        f"{a['visits_per_app']:g} times, used {a['used_min']:g} min and kept running {a['idle_s']:g} s after "
        f"(the runner's idle limit): **{p['running_apps_at_peak']:,} apps running at once**. Hosts of "
        f"{a['host_cores']} cores at {a['cpu_use']:.0%} and {a['host_memory_gb']:g} GB at {a['memory_use']:.0%}:",
        "", "| pool | hosts |", "|---|---|",
        *[f"| {name} | {count} |" for name, count in p["hosts"].items()],
        "",
        f"Hit first: **{p['hit_first']}**. With a 120 s idle limit the memory pool would need "
        f"{p['memory_hosts_if_idle_120s']} hosts.",
    ]  # fmt: skip
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.capacity", description=__doc__)
    parser.add_argument("--ideas", type=Path, default=ROOT.parent / "shared" / "eval" / "ideas-dev.jsonl")
    parser.add_argument("--small", action="store_true")
    parser.add_argument("--apps", type=float, default=3_300_000)
    parser.add_argument("--days", type=float, default=14)
    parser.add_argument("--peak", type=float, default=10)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    args = parser.parse_args(argv)
    measured = measure(load_ideas(args.ideas), small=args.small)
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": _machine_line(),
        "measured": measured,
        "model": model(measured, apps=args.apps, days=args.days, peak=args.peak),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "capacity.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    text = markdown(result)
    (args.out / "capacity.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
