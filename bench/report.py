"""The markdown of ``make bench`` (``bench/results/latest.md``) from its JSON results."""

from __future__ import annotations

from typing import Any

__all__ = ["markdown"]


def _s(row: dict[str, float], unit: str = "s", scale: float = 1.0, digits: int = 2) -> tuple[str, str]:
    return f"{row['median'] * scale:.{digits}f} {unit}", f"{row['p95'] * scale:.{digits}f} {unit}"


def _machine(m: dict[str, Any]) -> str:
    memory = f", {m['memory_gb']} GB memory" if m.get("memory_gb") else ""
    cpu = f" ({m['cpu_model']})" if m.get("cpu_model") else ""
    return f"{m['cpu_count']} cores{cpu}{memory}, {m['machine']}, Python {m['python']}, {m['system']}"


def _generation(gen: dict[str, Any]) -> list[str]:
    lines = ["| figure | median | p95 | max |", "|---|---|---|---|"]
    for name, key in (("idea → spec (6 stages, offline)", "idea_to_spec_ms"),
                      ("idea → bundle on disk (offline)", "idea_to_bundle_ms")):  # fmt: skip
        s = gen[key]
        lines.append(f"| {name} | {s['median']:.1f} ms | {s['p95']:.1f} ms | {s['max']:.1f} ms |")
    lines += [
        f"| Python heap peak (all ideas rendered) | {gen['python_heap_peak_mb']} MB | | |",
        f"| process max RSS | {gen['process_max_rss_mb']} MB | | |",
    ]
    return lines


def _verify(verify: dict[str, Any]) -> list[str]:
    lines = ["", "## Verify a typical bundle (warm)", "",
             "| backend | start | ruff | pytest | total (median) | p95 | × bare pytest |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    bare = verify["bare_pytest_s"]
    lines.append(f"| bare pytest, no sandbox | | | | {bare['median']:.2f} s | {bare['p95']:.2f} s | 1.00 |")
    for name in ("docker", "bubblewrap", "local"):
        row = verify.get(name, {})
        if "total" not in row:
            lines.append(f"| {name} | unavailable: {row.get('unavailable', '')} | | | | | |")
            continue
        split = " | ".join(f"{row[k]['median']:.2f} s" for k in ("start", "ruff", "pytest", "total"))
        lines.append(f"| {name} | {split} | {row['total']['p95']:.2f} s | {row['ratio_to_bare_pytest']} |")
    return lines


def _published(pub: dict[str, Any]) -> list[str]:
    lines = ["", f"## Idea → published app, offline ({pub['ideas']} ideas × {pub['repeat']}, {pub['backend']} "
             "sandbox, SQLite gallery, a signed-in maker)", "",
             "| step | median | p95 |", "|---|---|---|"]  # fmt: skip
    for name, key in (("first visible stage", "first_stage_s"), ("six stages", "generate_s"),
                      ("render", "render_s"), ("verify (repairs included)", "verify_s"),
                      ("publish to the gallery", "publish_s"), ("**total, idea → published**", "total_s"),
                      ("baseline: bare pytest of the same bundle", "bare_pytest_s")):  # fmt: skip
        median, p95 = _s(pub[key], "ms", 1000, 1) if key != "total_s" and pub[key]["median"] < 0.5 else _s(pub[key])
        lines.append(f"| {name} | {median} | {p95} |")
    ratio = pub.get("ratio_to_bare_pytest")
    if ratio is not None:
        lines.append(f"| total × bare pytest | {ratio} | |")
    if pub.get("failed"):
        lines.append(f"\nNot verified (left out of the figures): {', '.join(pub['failed'])}")
    return lines


def _throughput(tp: dict[str, Any]) -> list[str]:
    lines = ["", f"## Throughput: {tp['batch']} ideas through generate + render + verify ({tp['backend']}), "
             "N at once", "",
             "| at once | apps / min | × one at a time | latency median | latency p95 | verify median | verified |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for level, row in tp["levels"].items():
        lines.append(
            f"| {level} | {row['apps_per_min']:.1f} | {row['ratio_to_1']:.2f} | {row['latency_s']['median']:.2f} s "
            f"| {row['latency_s']['p95']:.2f} s | {row['verify_s']['median']:.2f} s | {row['verified']}/{tp['batch']} |"
        )
    return lines


def _gallery(gallery: dict[str, Any]) -> list[str]:
    lines = ["", "## Gallery on SQLite", "",
             "| apps | search p50 | search p95 | list p50 | list p95 | search p50 × 1k |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    base = next(iter(gallery.values()))["search_p50_ms"]
    for size, row in gallery.items():
        lines.append(
            f"| {int(size):,} | {row['search_p50_ms']:.1f} ms | {row['search_p95_ms']:.1f} ms "
            f"| {row['list_p50_ms']:.1f} ms | {row['list_p95_ms']:.1f} ms | {row['search_p50_ms'] / base:.2f} |"
        )
    return lines


def _model(model: dict[str, Any]) -> list[str]:
    lines = ["", f"## Model path (scripted OpenAI-compatible server: {model['tokens_per_s']} tokens/s, "
             f"{model['ttft_s']} s to first token; {model['repeat']} runs)", "",
             "| figure | median |", "|---|---|",
             f"| first visible stage | {model['first_visible_stage_s']:.2f} s |",
             f"| total to a verified app | {model['total_to_verified_s']:.2f} s |"]  # fmt: skip
    if "total_to_published_s" in model:  # fmt: skip
        lines += [
            f"| **total to a published app** | {model['total_to_published_s']:.2f} s "
            f"(p95 {model['published_p95_s']:.2f} s) |",
            f"| published × the model's own time (baseline) | {model['ratio_published_to_model_s']} |",
        ]
    lines += [
        f"| of which model | {model['model_s']:.2f} s |",
        f"| of which verify | {model['verify_s']:.2f} s |",
        f"| pipeline overhead beyond model and verify | {model['pipeline_overhead_s']:.3f} s |",
        f"| six stage calls (model time) | {model['six_calls_model_s']:.2f} s |",
        f"| one merged call for the same spec | {model['one_merged_call_s']:.2f} s (nothing visible until done) |",
    ]
    return lines


def _runner(runner: dict[str, Any]) -> list[str]:
    if "unavailable" in runner:
        return ["", f"## Apps through the runner: not measured ({runner['unavailable']})"]
    cold, bare = runner["cold_start_s"], runner["bare_streamlit_start_s"]
    mem = runner["memory"]
    lines = ["", f"## Apps through the runner ({runner['backend']} sandbox, studio under uvicorn)", "",
             "| figure | median | p95 | × baseline |", "|---|---|---|---|",
             f"| app cold start: first request to /apps/<slug>/ until health answers | {cold['median']:.2f} s "
             f"| {cold['p95']:.2f} s | {runner['ratio_cold_to_bare']} |",
             f"| baseline: bare `streamlit run` of the same bundle until health | {bare['median']:.2f} s "
             f"| {bare['p95']:.2f} s | 1.00 |",
             f"| first draw of the page in Chromium, through the proxy | {runner['first_draw_s']['median']:.2f} s "
             f"| {runner['first_draw_s']['p95']:.2f} s | |",
             f"| warm request to a running app | {runner['warm_request_s']['median'] * 1000:.1f} ms "
             f"| {runner['warm_request_s']['p95'] * 1000:.1f} ms | |",
             "", f"Memory with {mem['apps']} apps running ({mem['how']}):", "",
             "| process | RSS |", "|---|---|",
             f"| studio (uvicorn) | {mem['studio_mb']:.0f} MB |",
             f"| apps, total | {mem['apps_total_mb']:.0f} MB |",
             f"| app median / max | {mem['app_median_mb']:.0f} MB / {mem['app_max_mb']:.0f} MB |",
             f"| **studio + {mem['apps']} apps** | **{mem['total_mb']:.0f} MB** (peak seen {mem['peak_mb']:.0f} MB) |",
             f"| baseline: one bare `streamlit run` app | {mem['bare_app_mb']:.0f} MB |"]  # fmt: skip
    return lines


def markdown(results: dict[str, Any]) -> str:
    gen = results["generation"]
    size = "small (CI) size" if results.get("small") else "full size"
    lines = ["# Benchmarks", "",
             f"Machine: {_machine(results['machine'])}. {size}; {gen['ideas']} ideas × {gen['repeat']} runs. "
             f"Each figure is the median and p95 of repeated runs; run at {results.get('date', '')} "
             f"in {results.get('wall_s', 0):.0f} s.", ""]  # fmt: skip
    lines += _generation(gen)
    for key, part in (("verify", _verify), ("published", _published), ("throughput", _throughput),
                      ("gallery", _gallery), ("model", _model), ("runner", _runner)):  # fmt: skip
        if results.get(key):
            lines += part(results[key])
    return "\n".join(lines) + "\n"
