"""``make eval``: every idea through the whole flow (generate, render, verify, repair) with a report.

    python -m bench.eval [--ideas FILE] [--provider offline|openai|local] [--limit N] [--jobs N]
                         [--out DIR] [--no-shots] [--judge]

Works on any JSONL with ``id`` and ``idea`` (``details`` and ``acceptance`` used when present).
Writes ``<out>/eval-<provider>.json`` and ``.md``; per idea: the pattern (or the model's spec
summary), components, key paths, verify result, repair rounds, time, tokens. With screenshots
(default) each verified app is photographed into ``<out>/eval-<provider>-shots/<id>.png`` and
linked from the report; with ``--judge`` (a model provider) the model says which acceptance
criteria each app meets, from its spec and screenshot.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from pydantic import BaseModel

from bench.eval_report import markdown, totals_of
from bench.ideas import Idea, load_ideas
from flashapps.errors import UserError
from flashapps.spec import AppSpec
from generator.build import build
from generator.providers import get_provider
from generator.providers.offline import OfflineProvider
from sandbox.verify import verify

__all__ = ["EvalRow", "evaluate", "main"]

ROOT = Path(__file__).resolve().parents[1]


class EvalRow(BaseModel):
    id: str
    idea: str
    language: str = ""
    pattern: str = ""
    title: str = ""
    summary: str = ""
    components: list[str] = []
    key_paths: int = 0
    verified: bool = False
    tests: int = 0
    failed: list[str] = []
    error: str = ""
    repair_rounds: int = 0
    tokens: int = 0
    model_calls: int = 0
    generate_ms: float = 0.0
    verify_s: float = 0.0
    total_s: float = 0.0
    shot: str = ""
    shot_error: str = ""
    judged: list[dict[str, object]] = []


def spec_summary(spec: AppSpec) -> str:
    """One line on what a spec holds: screens, entities and their fields, functions, key paths."""
    entities = "; ".join(f"{e.name}({', '.join(f.name for f in e.fields)})" for e in spec.entities)
    screens = ", ".join(s.title for s in spec.screens)
    functions = ", ".join(f.name for f in spec.logic)
    parts = [f"screens: {screens}", f"data: {entities}" if entities else "", f"logic: {functions}" if functions else ""]
    return " | ".join(p for p in parts if p)[:300]


def evaluate(idea: Idea, provider_name: str, workdir: Path, backend: str | None = None) -> EvalRow:
    """The idea through the flow with ``provider_name``; the bundle stays at ``workdir / idea.id``."""
    row = EvalRow(id=idea.id, idea=idea.text[:120])
    began = time.perf_counter()
    try:
        provider = get_provider(provider_name)
    except UserError as exc:
        row.error = exc.message("en")
        return row
    try:
        result = build(idea.text, workdir / idea.id, verify=lambda folder: verify(folder, backend=backend),
                       provider=provider)  # fmt: skip
    except UserError as exc:
        row.error = exc.message("en")
        row.total_s = time.perf_counter() - began
        return row
    finally:
        close = getattr(provider, "close", None)
        if close is not None:  # the client only: a local model's server is shared by the whole run
            close()
    generation, report = result.generation, result.report
    spec = generation.spec
    row.total_s = time.perf_counter() - began
    row.generate_ms = sum(e.elapsed_ms for e in generation.events if e.stage not in ("render", "verify"))
    row.language, row.title = spec.brief.language, spec.brief.title
    row.pattern = provider.plan(idea.text).pattern if isinstance(provider, OfflineProvider) else "model"
    row.summary = spec_summary(spec)
    row.components, row.key_paths = spec.kinds(), len(spec.key_paths)
    row.repair_rounds = len(result.rounds)
    row.model_calls = len(generation.calls)
    row.tokens = sum(int(c.get("prompt_tokens", 0)) + int(c.get("completion_tokens", 0)) for c in generation.calls)
    row.verified = result.passed
    if report is None:
        return row
    row.tests = len(report.tests)
    row.failed = [f"{t.name}: {t.output[-300:]}" for t in report.failed_tests]
    row.failed += [f"{f.tool} {f.file}:{f.line} {f.code} {f.message}" for f in report.findings]
    if report.timed_out:
        row.failed.append("timed out")
    row.verify_s = float(report.timings_s.get("total", 0.0))
    return row


def _shoot(rows: list[EvalRow], workdir: Path, shots: Path) -> None:
    from bench.shots import Photographer, ShotError

    shots.mkdir(parents=True, exist_ok=True)
    with Photographer() as camera:
        for row in rows:
            if not row.verified:
                continue
            target = shots / f"{row.id}.png"
            try:
                camera.shoot(workdir / row.id, target)
                row.shot = f"{shots.name}/{target.name}"
            except ShotError as exc:
                row.shot_error = str(exc)[:200]
            except Exception as exc:  # a browser hiccup on one app must not lose the whole report
                row.shot_error = f"{exc.__class__.__name__}: {str(exc)[:160]}"
            print(f"shot {row.id}: {row.shot or row.shot_error}", flush=True)


def _judge(rows: list[EvalRow], ideas: dict[str, Idea], provider_name: str, workdir: Path, out: Path) -> int:
    from bench.judge import Judge
    from generator.providers.openai_provider import OpenAIProvider

    provider = get_provider(provider_name)
    if not isinstance(provider, OpenAIProvider):
        raise UserError(
            "--judge needs a model: use --provider openai (with FLASHAPPS_LLM_* set) or --provider local.",
            "--judge 需要模型：请使用 --provider openai（并设置 FLASHAPPS_LLM_*）或 --provider local。",
        )
    judge = Judge(provider)
    for row in rows:
        criteria = ideas[row.id].acceptance
        if not row.verified or not criteria:
            continue
        spec = AppSpec.from_json((workdir / row.id / "spec.json").read_text(encoding="utf-8"))
        try:
            verdicts = judge.judge(ideas[row.id].text, spec, criteria, out / row.shot if row.shot else None)
            row.judged = [v.model_dump() for v in verdicts]
        except UserError as exc:
            row.judged = [{"criterion": c, "met": None, "reason": exc.message("en")[:200]} for c in criteria]
    return judge.calls


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.eval", description=__doc__)
    parser.add_argument("--ideas", type=Path, default=ROOT.parent / "shared" / "eval" / "ideas-dev.jsonl")
    parser.add_argument("--provider", default="offline")
    parser.add_argument("--limit", type=int)
    parser.add_argument("--only", nargs="*", help="only these idea ids")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results")
    parser.add_argument("--backend", help="sandbox backend (default: docker when an engine answers, else bubblewrap)")
    parser.add_argument("--no-shots", action="store_true", help="no screenshots of the verified apps")
    parser.add_argument("--judge", action="store_true", help="the model judges each acceptance criterion")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any idea is not verified")
    args = parser.parse_args(argv)
    ideas = load_ideas(args.ideas, None if args.only else args.limit)
    if args.only:
        ideas = [i for i in ideas if i.id in set(args.only)][: args.limit]
    if args.judge and args.provider == "offline":
        parser.error("--judge needs a model provider (--provider openai or local)")
    args.out.mkdir(parents=True, exist_ok=True)
    stem = args.out / f"eval-{args.provider}"
    shots = args.out / f"eval-{args.provider}-shots"
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="flashapps-eval-") as scratch:
        work = Path(scratch)
        jobs = 1 if args.provider == "local" else args.jobs  # one local model server: stages queue anyway
        with ThreadPoolExecutor(jobs) as pool:
            rows = list(pool.map(lambda i: evaluate(i, args.provider, work, args.backend), ideas))
        for r in rows:
            mark = "PASS" if r.verified else "FAIL"
            print(f"{mark} {r.id:<45} {r.pattern:<14} {r.total_s:6.1f} s  {r.title}", flush=True)
        if not args.no_shots:
            for old in shots.glob("*.png") if shots.is_dir() else []:
                old.unlink()
            _shoot(rows, work, shots)
        judge_calls = _judge(rows, {i.id: i for i in ideas}, args.provider, work, args.out) if args.judge else 0
    totals = totals_of(rows, args.provider, args.ideas.name, time.perf_counter() - began)
    totals.update(shots="" if args.no_shots else shots.name, judge_calls=judge_calls)
    if not args.no_shots:
        from bench.shots import HOW

        totals["shots_how"] = HOW
    stem.with_suffix(".json").write_text(
        json.dumps({"totals": totals, "rows": [r.model_dump() for r in rows]}, ensure_ascii=False, indent=1) + "\n",
        encoding="utf-8",
    )
    stem.with_suffix(".md").write_text(markdown(rows, totals), encoding="utf-8")
    print(f"\nverified {totals['verified']}/{len(rows)} ({totals['share_verified']:.0%}); report: {stem}.md")
    sys.stdout.flush()
    return 1 if args.strict and totals["verified"] < len(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
