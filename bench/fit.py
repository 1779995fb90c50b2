"""Fit: whether each generated app is the app that was asked for.

    python -m bench.fit template
    python -m bench.fit packet --eval bench/results/eval-offline.json --ideas FILE --out DIR
    python -m bench.fit merge --eval bench/results/eval-offline.json --ideas FILE --grades FILE [FILE ...]

Fit is graded by someone who did not write the generator, from a review packet (``packet``: per idea
only the idea, its acceptance criteria, what the set says cannot be built, the spec and a
screenshot), or by a model judge (``bench.eval --judge``). Either way a grade is one JSON line per
idea (``template`` prints the format), keyed by the idea's id and the hash of the spec it was given:
a grade of a spec the eval no longer produces is stale and not counted. ``merge`` (or ``bench.eval
--grades``) puts the grades into the eval report: per idea and per category and language.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bench.ideas import Idea, load_ideas
from flashapps.spec import AppSpec

__all__ = [
    "RUBRIC",
    "TARGET_CATEGORY",
    "TARGET_OVERALL",
    "FitRow",
    "Grade",
    "fit_report",
    "main",
    "merge",
    "read_grades",
    "spec_hash",
    "template_text",
]

TARGET_OVERALL, TARGET_CATEGORY = 0.70, 0.50

RUBRIC = """\
- fit 2, fair fit: the app does the core thing asked, and at least about half of the acceptance criteria
  are met. A gomoku request gives a playable gomoku. A tile calculator computes tiles from the room size and
  the tile size, with waste. A repair-ticket system has tickets linked to customers, with the named status flow.
- fit 1, partial: right domain, but the key function is missing or replaced by generic record-keeping.
  Also a 1 when the core is there but most criteria are not met.
- fit 0, miss: a generic or wrong app.
- criteria met: per acceptance criterion, whether its substance is met (or the share of them that is).
- honest (only for ideas marked partly / no): the app or its result tells the user plainly what could not
  be built, and fakes nothing.
- language ok: the app speaks the idea's language and script."""

Status = Literal["graded", "stale", "ungraded", "invalid", "no app"]


class Grade(BaseModel):
    """One reviewer's (or the judge's) grade of one generated app."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    spec_hash: str = Field(min_length=8, description="the hash of the spec graded, from the packet")
    fit: Literal[0, 1, 2] | None = Field(default=None, description="2 fair fit, 1 partial, 0 miss; null: not yet")
    criteria_met: list[bool] | float | None = Field(default=None, description="a bool per criterion, or the share")
    honest: bool | None = None
    language_ok: bool | None = None
    reviewer: str = ""
    notes: str = ""

    @field_validator("criteria_met")
    @classmethod
    def _a_share(cls, value: list[bool] | float | None) -> list[bool] | float | None:
        if isinstance(value, float) and not 0.0 <= value <= 1.0:
            raise ValueError("a share of criteria met is between 0 and 1")
        return value

    def share(self) -> float | None:
        """The share of the acceptance criteria met (None: not said, or no criteria)."""
        if isinstance(self.criteria_met, list):
            return sum(self.criteria_met) / len(self.criteria_met) if self.criteria_met else None
        return self.criteria_met


class FitRow(BaseModel):
    """One idea in the fit report: its groups and the grade that counts, if any."""

    id: str
    category: str
    language: str
    feasible: str | None = None
    criteria: int = 0
    status: Status = "ungraded"
    fit: int | None = None
    criteria_met: list[bool] | None = None
    criteria_share: float | None = None
    honest: bool | None = None
    language_ok: bool | None = None
    reviewer: str = ""
    notes: str = ""


class _Row(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def idea(self) -> str: ...
    @property
    def error(self) -> str: ...
    @property
    def spec_hash(self) -> str: ...


def spec_hash(spec: AppSpec | Mapping[str, Any]) -> str:
    """A short content hash of a spec (its JSON with sorted keys): the key a grade is tied to."""
    data = spec.model_dump(mode="json") if isinstance(spec, AppSpec) else spec
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def read_grades(path: Path) -> tuple[list[Grade], list[str]]:
    """The grade lines of ``path``, and a problem per line that is not one."""
    grades, problems = [], []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            grades.append(Grade.model_validate_json(raw))
        except ValidationError as exc:
            where = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'line'}: {e['msg']}" for e in exc.errors()[:3])
            problems.append(f"{path.name}:{number}: not a grade line ({where})")
    return grades, problems


def merge(rows: Sequence[_Row], ideas: Mapping[str, Idea], grades: Iterable[Grade]) -> tuple[list[FitRow], list[str]]:
    """Each eval row with the grade that counts for it (the last one given for its id)."""
    latest: dict[str, Grade] = {}
    problems: list[str] = []
    for given in grades:
        if given.id in latest and latest[given.id].fit is not None and given.fit is not None:
            problems.append(f"{given.id}: graded more than once; the last grade counts")
        latest[given.id] = given
    unknown = sorted(set(latest) - {r.id for r in rows})
    if unknown:
        problems.append(f"{len(unknown)} grades for ideas not in this eval: {', '.join(unknown[:5])}")
    out = []
    for row in rows:
        idea = ideas.get(row.id) or Idea(id=row.id, idea=row.idea)
        item = FitRow(id=row.id, category=idea.group, language=idea.language, feasible=idea.feasible,
                      criteria=len(idea.acceptance))  # fmt: skip
        grade = latest.get(row.id)
        if not row.spec_hash:
            if row.error:  # nothing was built: a miss, whoever would have graded it
                item.status, item.fit, item.reviewer = "no app", 0, "eval"
                item.criteria_share = 0.0 if item.criteria else None
                item.notes = f"no app was built: {row.error[:120]}"
            else:
                item.notes = "the eval kept no spec of this app: run the eval again"
        elif grade is None or grade.fit is None:
            item.notes = grade.notes if grade else ""
        elif grade.spec_hash != row.spec_hash:
            item.status, item.reviewer = "stale", grade.reviewer
            item.notes = f"graded spec {grade.spec_hash}, the app is now {row.spec_hash}"
        elif isinstance(grade.criteria_met, list) and len(grade.criteria_met) != item.criteria:
            item.status, item.reviewer = "invalid", grade.reviewer
            item.notes = f"{len(grade.criteria_met)} criteria graded, the idea has {item.criteria}"
            problems.append(f"{row.id}: {item.notes}")
        else:
            item.status, item.fit, item.reviewer, item.notes = "graded", grade.fit, grade.reviewer, grade.notes
            item.criteria_met = grade.criteria_met if isinstance(grade.criteria_met, list) else None
            item.criteria_share = grade.share() if item.criteria else None
            item.honest = grade.honest if idea.limited else None
            item.language_ok = grade.language_ok
        out.append(item)
    return out, problems


def _stats(items: list[FitRow]) -> dict[str, Any]:
    graded = [r for r in items if r.status in ("graded", "no app")]
    shares = [r.criteria_share for r in graded if r.criteria_share is not None]
    limited = [r for r in graded if r.feasible in ("partly", "no")]
    fair = sum(r.fit == 2 for r in graded)
    return {
        "ideas": len(items),
        "graded": len(graded),
        "fit2": fair,
        "fit1": sum(r.fit == 1 for r in graded),
        "fit0": sum(r.fit == 0 for r in graded),
        "fair_share": fair / len(graded) if graded else None,
        "criteria_mean": statistics.fmean(shares) if shares else None,
        "limited": len(limited),
        "honest": sum(r.honest is True for r in limited),
        "language_ok": sum(r.language_ok is True for r in graded),
        "language_judged": sum(r.language_ok is not None for r in graded),
        "no_app": sum(r.status == "no app" for r in items),
        "ungraded": sum(r.status == "ungraded" for r in items),
        "stale": sum(r.status == "stale" for r in items),
        "invalid": sum(r.status == "invalid" for r in items),
    }


def _groups(items: list[FitRow], key: str) -> dict[str, dict[str, Any]]:
    names = sorted({getattr(r, key) for r in items})
    return {name: _stats([r for r in items if getattr(r, key) == name]) for name in names}


def _target(overall: dict[str, Any], by_category: dict[str, dict[str, Any]]) -> dict[str, Any]:
    pending = overall["ungraded"] + overall["stale"] + overall["invalid"]
    shares = {name: s["fair_share"] for name, s in by_category.items() if s["fair_share"] is not None}
    lowest = min(shares, key=lambda name: shares[name]) if shares else None
    graded_met = (
        bool(shares) and overall["fair_share"] >= TARGET_OVERALL and all(v >= TARGET_CATEGORY for v in shares.values())
    )
    met = None if pending or not overall["graded"] else graded_met
    text = f"Target: at least {TARGET_OVERALL:.0%} fair fit overall and no category below {TARGET_CATEGORY:.0%}. "
    if not overall["graded"]:
        text += f"No idea is graded yet ({pending} ungraded or stale): not yet known."
    else:
        text += f"Now {overall['fair_share']:.0%} fair fit overall ({overall['graded']} of {overall['ideas']} graded)"
        text += f"; lowest category {lowest} {shares[lowest]:.0%}. " if lowest is not None else ". "
        verdict = "met" if graded_met else "not met"
        text += (
            f"Not yet known: {pending} {'idea' if pending == 1 else 'ideas'} ungraded or stale "
            f"({verdict} on the graded ones)."
            if pending
            else (f"**{verdict.capitalize()}.**")
        )
    return {"overall": TARGET_OVERALL, "category": TARGET_CATEGORY, "met": met, "lowest_category": lowest,
            "pending": pending, "text": text}  # fmt: skip


def fit_report(
    rows: Sequence[_Row], ideas: Mapping[str, Idea], grades: Iterable[Grade], sources: Sequence[str] = ()
) -> dict[str, Any]:
    """The fit section of an eval report: the target, totals overall, per category and per language,
    each idea's grade, and what was wrong with the grades given."""
    items, problems = merge(rows, ideas, grades)
    overall, by_category = _stats(items), _groups(items, "category")
    return {
        "target": _target(overall, by_category),
        "overall": overall,
        "by_category": by_category,
        "by_language": _groups(items, "language"),
        "ideas": [i.model_dump() for i in items],
        "problems": problems,
        "grades": list(sources),
    }


def template_text() -> str:
    """The grade-line format, for reviewers."""
    example = Grade(id="d2-001", spec_hash="3f2a9c0d1e7b4a65", fit=2, criteria_met=[True, True, False, True],
                    honest=None, language_ok=True, reviewer="reviewer-1 (did not write the generator)",
                    notes="fills one blank per line; the poem's title shows only after submitting")  # fmt: skip
    return "\n".join([
        "One JSON line per idea, in a .jsonl file of your own:",
        "",
        json.dumps(example.model_dump(), ensure_ascii=False),
        "",
        "- id, spec_hash: copied from the idea's packet (a grade is for that spec only)",
        "- fit: 2 fair fit, 1 partial, 0 miss (null: not graded yet)",
        "- criteria_met: true/false per acceptance criterion, in order (or one share from 0 to 1)",
        "- honest: only where feasible is partly or no (else null): true when the app says plainly what it",
        "  cannot do and fakes nothing",
        "- language_ok: the app speaks the idea's language and script",
        "- reviewer: who or what graded; notes: one line on why",
        "",
        "The rubric:",
        RUBRIC,
        "",
    ])  # fmt: skip


def _merge_command(eval_json: Path, ideas_file: Path, grade_files: list[Path]) -> int:
    from bench.eval import EvalRow
    from bench.eval_report import markdown

    report = json.loads(eval_json.read_text(encoding="utf-8"))
    rows = [EvalRow.model_validate(r) for r in report["rows"]]
    grades, problems = [], []
    for path in grade_files:
        found, wrong = read_grades(path)
        grades += found
        problems += wrong
    fit = fit_report(rows, {i.id: i for i in load_ideas(ideas_file)}, grades, [p.name for p in grade_files])
    fit["problems"] = problems + fit["problems"]
    report["fit"] = fit
    eval_json.write_text(json.dumps(report, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    eval_json.with_suffix(".md").write_text(markdown(rows, report["totals"], fit), encoding="utf-8")
    for problem in fit["problems"]:
        print(f"warning: {problem}")
    print(fit["target"]["text"])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.fit", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("template", help="print the grade-line format and the rubric")
    packet = commands.add_parser("packet", help="review folders: per idea only the idea, criteria, spec, screenshot")
    merged = commands.add_parser("merge", help="put grades into an eval report (its .json and .md)")
    for sub in (packet, merged):
        sub.add_argument("--eval", type=Path, required=True, help="an eval report (bench/results/eval-*.json)")
        sub.add_argument("--ideas", type=Path, required=True, help="the ideas file the eval was run on")
    packet.add_argument("--out", type=Path, required=True, help="the folder to write the packet to")
    packet.add_argument("--only", nargs="*", default=[], help="only these idea ids")
    merged.add_argument("--grades", type=Path, nargs="+", required=True, help="grade files (later ones win)")
    args = parser.parse_args(argv)
    if args.command == "template":
        print(template_text(), end="")
        return 0
    if args.command == "packet":
        from bench.fit_packet import write_packet

        written = write_packet(args.eval, load_ideas(args.ideas), args.out, args.only)
        if not written:
            print("no app of this eval has a kept spec: run bench.eval again (it keeps them beside the report)")
            return 1
        print(f"{len(written)} ideas in {args.out} (README.md, grades-template.jsonl)")
        return 0
    return _merge_command(args.eval, args.ideas, args.grades)


if __name__ == "__main__":
    raise SystemExit(main())
