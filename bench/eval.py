"""``make eval``: every idea through the pipeline to a verified bundle, with a report.

    python -m bench.eval [--ideas FILE] [--limit N] [--jobs N] [--out DIR]

Writes ``<out>/eval-<provider>.json`` and ``.md`` and prints the table; per idea: the
pattern (or model summary), title, components, key paths, verify result, time.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pydantic import BaseModel

from bench.ideas import Idea, load_ideas
from generator.errors import UserError
from generator.pipeline import generate
from generator.providers import get_provider
from generator.providers.offline import OfflineProvider
from generator.render import render
from sandbox.verify import verify

__all__ = ["EvalRow", "evaluate", "main"]

ROOT = Path(__file__).resolve().parents[1]


class EvalRow(BaseModel):
    id: str
    idea: str
    language: str = ""
    pattern: str = ""
    title: str = ""
    components: list[str] = []
    key_paths: int = 0
    verified: bool = False
    tests: int = 0
    failed: list[str] = []
    error: str = ""
    generate_ms: float = 0.0
    verify_s: float = 0.0


def evaluate(idea: Idea, provider_name: str, workdir: Path, backend: str | None = None) -> EvalRow:
    row = EvalRow(id=idea.id, idea=idea.text[:120])
    provider = get_provider(provider_name)
    began = time.perf_counter()
    try:
        generation = generate(idea.text, provider=provider)
    except UserError as exc:
        row.error = exc.message()
        return row
    row.generate_ms = (time.perf_counter() - began) * 1000
    spec = generation.spec
    row.language, row.title = spec.brief.language, spec.brief.title
    row.pattern = provider.plan(idea.text).pattern if isinstance(provider, OfflineProvider) else "model"
    row.components, row.key_paths = spec.kinds(), len(spec.key_paths)
    bundle = render(spec, workdir / idea.id)
    report = verify(bundle.path, backend=backend)
    row.verified, row.tests = report.passed, len(report.tests)
    row.failed = [f"{t.name}: {t.output[-300:]}" for t in report.failed_tests] + [
        f"{f.tool} {f.file}:{f.line} {f.code} {f.message}" for f in report.findings
    ]
    if report.timed_out:
        row.failed.append("timed out")
    row.verify_s = report.timings_s.get("total", 0.0)
    return row


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _markdown(rows: list[EvalRow], totals: dict) -> str:
    lines = [
        f"# Evaluation: {totals['provider']} provider, {totals['ideas']} ideas",
        "",
        f"Verified: **{totals['verified']}/{totals['ideas']}** ({totals['share_verified']:.0%}). "
        f"Generate p50 {totals['generate_ms_p50']:.1f} ms, p95 {totals['generate_ms_p95']:.1f} ms; "
        f"verify p50 {totals['verify_s_p50']:.2f} s, p95 {totals['verify_s_p95']:.2f} s. Machine: {totals['machine']}.",
        "",
        "| id | pattern | title | components | paths | verified | gen ms | verify s |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "✅" if r.verified else f"❌ {(r.error or '; '.join(r.failed))[:80]}"
        title = r.title.replace("|", "\\|")
        lines.append(
            f"| {r.id} | {r.pattern} | {title} | {', '.join(r.components)} | {r.key_paths} | {mark} "
            f"| {r.generate_ms:.1f} | {r.verify_s:.2f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.eval", description=__doc__)
    parser.add_argument("--ideas", type=Path, default=ROOT.parent / "shared" / "eval" / "ideas-dev.jsonl")
    parser.add_argument("--provider", default="offline")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--backend", help="sandbox backend (default: docker when an engine answers, else bubblewrap)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any idea is not verified")
    args = parser.parse_args(argv)
    ideas = load_ideas(args.ideas, args.limit)
    with tempfile.TemporaryDirectory(prefix="flashapps-eval-") as scratch, ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda i: evaluate(i, args.provider, Path(scratch), args.backend), ideas))
    for r in rows:
        print(f"{'PASS' if r.verified else 'FAIL'} {r.id:<45} {r.pattern:<14} {r.generate_ms:7.1f} ms  {r.title}")
    gen = [r.generate_ms for r in rows if not r.error]
    ver = [r.verify_s for r in rows if not r.error]
    verified = sum(r.verified for r in rows)
    totals = {
        "provider": args.provider,
        "ideas": len(rows),
        "verified": verified,
        "share_verified": verified / len(rows) if rows else 0.0,
        "generate_ms_p50": statistics.median(gen) if gen else 0.0,
        "generate_ms_p95": _pct(gen, 0.95),
        "verify_s_p50": statistics.median(ver) if ver else 0.0,
        "verify_s_p95": _pct(ver, 0.95),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "ideas_file": str(args.ideas.name),
    }
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"eval-{args.provider}"
    stem.with_suffix(".json").write_text(
        json.dumps({"totals": totals, "rows": [r.model_dump() for r in rows]}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    stem.with_suffix(".md").write_text(_markdown(rows, totals), encoding="utf-8")
    print(f"\nverified {verified}/{len(rows)} ({totals['share_verified']:.0%}); report: {stem}.md")
    return 1 if args.strict and verified < len(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
