"""``make eval``: every idea through the whole flow (generate, render, verify, repair) with a report.

    python -m bench.eval [--ideas FILE] [--provider offline|openai|local] [--limit N] [--jobs N]
                         [--out DIR] [--no-shots] [--judge [--judge-provider NAME]] [--grades FILE ...]

Works on any JSONL with ``id`` and ``idea`` (``details``, ``acceptance``, ``lang``, ``category``,
``feasible`` and ``note`` used when present). Writes ``<out>/eval-<provider>.json`` and ``.md``; per
idea: the pattern (or the model's spec summary), components, key paths, verify result, repair
rounds, time, tokens, and the hash of its spec (kept in ``<out>/eval-<provider>-specs/<id>.json``).
With screenshots (default) each verified app is photographed into
``<out>/eval-<provider>-shots/<id>.png`` and linked from the report. The fit section (``bench.fit``)
counts the grades given: ``--grades`` merges reviewers' grade files, ``--judge`` has a model (the
eval's, or ``--judge-provider``'s) say which acceptance criteria each app meets and grade its fit,
written as grade lines to ``<out>/eval-<provider>.judge-grades.jsonl``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import BaseModel

from bench.eval_report import markdown, totals_of
from bench.fit import Grade, fit_report, read_grades, spec_hash
from bench.ideas import Idea, load_ideas
from flashapps.errors import UserError
from flashapps.spec import AppSpec
from generator.build import build
from generator.providers import get_provider
from generator.providers.offline import OfflineProvider
from sandbox.verify import verify

if TYPE_CHECKING:
    from generator.providers.openai_provider import OpenAIProvider

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
    spec_hash: str = ""
    spec_file: str = ""
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
    row.spec_hash = spec_hash(json.loads((workdir / idea.id / "spec.json").read_text(encoding="utf-8")))
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


def _keep_specs(rows: list[EvalRow], workdir: Path, specs: Path) -> None:
    """Each built app's spec beside the report, where a review packet and later merges find it."""
    shutil.rmtree(specs, ignore_errors=True)
    for row in rows:
        if row.spec_hash:
            specs.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(workdir / row.id / "spec.json", specs / f"{row.id}.json")
            row.spec_file = f"{specs.name}/{row.id}.json"


def _judge_provider(name: str) -> OpenAIProvider:
    from generator.providers.openai_provider import OpenAIProvider

    provider = get_provider(name)
    if not isinstance(provider, OpenAIProvider):
        raise UserError(
            "--judge needs a model: use --judge-provider openai (with FLASHAPPS_LLM_* set) or local.",
            "--judge 需要模型：请使用 --judge-provider openai（并设置 FLASHAPPS_LLM_*）或 local。",
        )
    return provider


def _judge(rows: list[EvalRow], ideas: dict[str, Idea], provider: OpenAIProvider, out: Path) -> tuple[int, list[Grade]]:
    """The judge's verdicts on each built app's criteria (in the rows) and its fit grades."""
    from bench.judge import Asked, Judge

    judge = Judge(provider)
    reviewer = f"judge: {provider.settings.model_for('judge')}"
    grades = []
    for row in rows:
        if not row.spec_file:
            continue
        idea = ideas[row.id]
        spec = AppSpec.from_json((out / row.spec_file).read_text(encoding="utf-8"))
        asked = Asked(language=idea.language, feasible=idea.feasible, note=idea.note or "")
        try:
            found = judge.grade(idea.text, spec, idea.acceptance, out / row.shot if row.shot else None, asked)
        except UserError as exc:
            row.judged = [{"criterion": c, "met": None, "reason": exc.message("en")[:200]} for c in idea.acceptance]
            continue
        row.judged = [v.model_dump() for v in found.criteria]
        if found.fit is not None:
            grades.append(Grade(id=row.id, spec_hash=row.spec_hash, fit=found.fit, honest=found.honest,
                                criteria_met=[v.met is True for v in found.criteria], language_ok=found.language_ok,
                                reviewer=reviewer, notes=found.notes))  # fmt: skip
    return judge.calls, grades


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
    parser.add_argument("--judge", action="store_true", help="a model judges each acceptance criterion and fit")
    parser.add_argument("--judge-provider", help="the judge's model (default: the eval's provider, else openai)")
    parser.add_argument("--grades", type=Path, nargs="+", default=[], help="reviewers' grade files (bench.fit)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when any idea is not verified")
    args = parser.parse_args(argv)
    ideas = load_ideas(args.ideas, None if args.only else args.limit)
    if args.only:
        ideas = [i for i in ideas if i.id in set(args.only)][: args.limit]
    judge_provider = None
    if args.judge:
        try:
            name = args.judge_provider or ("openai" if args.provider == "offline" else args.provider)
            judge_provider = _judge_provider(name)
        except UserError as exc:
            parser.error(exc.message("en"))
    grades: list[Grade] = []
    problems: list[str] = []
    for path in args.grades:
        if not path.is_file():
            parser.error(f"no grades file {path}")
        found, wrong = read_grades(path)
        grades, problems = grades + found, problems + wrong
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
        _keep_specs(rows, work, args.out / f"eval-{args.provider}-specs")
        if not args.no_shots:
            for old in shots.glob("*.png") if shots.is_dir() else []:
                old.unlink()
            _shoot(rows, work, shots)
    by_id = {i.id: i for i in ideas}
    judge_calls, sources = 0, [p.name for p in args.grades]
    if judge_provider is not None:
        judge_calls, judged = _judge(rows, by_id, judge_provider, args.out)
        judged_file = stem.with_name(stem.name + ".judge-grades.jsonl")
        judged_file.write_text("".join(g.model_dump_json() + "\n" for g in judged), encoding="utf-8")
        grades, sources = judged + grades, [judged_file.name, *sources]  # a reviewer's grade wins over the judge's
    fit = fit_report(rows, by_id, grades, sources)
    fit["problems"] = problems + fit["problems"]
    totals = totals_of(rows, args.provider, args.ideas.name, time.perf_counter() - began)
    totals.update(shots="" if args.no_shots else shots.name, judge_calls=judge_calls)
    if not args.no_shots:
        from bench.shots import HOW

        totals["shots_how"] = HOW
    stem.with_suffix(".json").write_text(
        json.dumps({"totals": totals, "rows": [r.model_dump() for r in rows], "fit": fit}, ensure_ascii=False, indent=1)
        + "\n",
        encoding="utf-8",
    )
    stem.with_suffix(".md").write_text(markdown(rows, totals, fit), encoding="utf-8")
    for problem in fit["problems"]:
        print(f"warning: {problem}")
    print(f"\nverified {totals['verified']}/{len(rows)} ({totals['share_verified']:.0%}); report: {stem}.md")
    print(fit["target"]["text"])
    sys.stdout.flush()
    return 1 if args.strict and totals["verified"] < len(rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
