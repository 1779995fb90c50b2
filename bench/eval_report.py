"""The totals and the markdown of an evaluation report (``bench.eval``)."""

from __future__ import annotations

import platform
import statistics
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bench.eval import EvalRow

__all__ = ["fit_markdown", "markdown", "pct", "totals_of"]


def pct(values: list[float], q: float) -> float:
    """The ``q`` quantile (nearest rank) of ``values``; 0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def totals_of(rows: list[EvalRow], provider: str, ideas_file: str, wall_s: float) -> dict[str, Any]:
    done = [r for r in rows if not r.error]
    gen = [r.generate_ms for r in done]
    ver = [r.verify_s for r in done]
    total = [r.total_s for r in done]
    verified = sum(r.verified for r in rows)
    judged = [j for r in rows for j in r.judged]
    return {
        "provider": provider,
        "ideas": len(rows),
        "verified": verified,
        "share_verified": verified / len(rows) if rows else 0.0,
        "repaired": sum(r.repair_rounds > 0 for r in rows),
        "repair_rounds": sum(r.repair_rounds for r in rows),
        "tokens": sum(r.tokens for r in rows),
        "model_calls": sum(r.model_calls for r in rows),
        "generate_ms_p50": statistics.median(gen) if gen else 0.0,
        "generate_ms_p95": pct(gen, 0.95),
        "verify_s_p50": statistics.median(ver) if ver else 0.0,
        "verify_s_p95": pct(ver, 0.95),
        "time_s_p50": statistics.median(total) if total else 0.0,
        "time_s_p95": pct(total, 0.95),
        "wall_s": round(wall_s, 1),
        "shots_taken": sum(bool(r.shot) for r in rows),
        "criteria_judged": len(judged),
        "criteria_met": sum(j.get("met") is True for j in judged),
        "machine": f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}",
        "ideas_file": ideas_file,
    }


def _cell(text: str) -> str:
    return " ".join(text.replace("|", "\\|").split())


_GRADES = {2: "2 fair fit", 1: "1 partial", 0: "0 miss"}


def _share(value: float | None) -> str:
    return "–" if value is None else f"{value:.0%}"


def _group_line(name: str, s: dict[str, Any]) -> str:
    honest = f"{s['honest']}/{s['limited']}" if s["limited"] else "–"
    language = f"{s['language_ok']}/{s['language_judged']}" if s["language_judged"] else "–"
    return (
        f"| {_cell(name)} | {s['ideas']} | {s['graded']} | {s['fit2']} | {s['fit1']} | {s['fit0']} "
        f"| {_share(s['fair_share'])} | {_share(s['criteria_mean'])} | {honest} | {language} "
        f"| {s['ungraded'] + s['invalid']} | {s['stale']} |"
    )


def fit_markdown(fit: dict[str, Any]) -> list[str]:
    """The fit section: the target and whether it is met, totals per category and language, each idea."""
    overall = fit["overall"]
    sources = ", ".join(f"`{name}`" for name in fit["grades"]) or "none given"
    lines = ["", "## Fit", "", fit["target"]["text"], "",
             f"Graded {overall['graded']} of {overall['ideas']} ideas (grades: {sources}; an idea with no app counts "
             "as a miss). Rubric and how to grade: `python -m bench.fit template`."]  # fmt: skip
    lines += [f"- ⚠ {_cell(problem)}" for problem in fit["problems"][:20]]
    if not overall["graded"] and not overall["stale"]:
        return lines
    head = [
        "| {} | ideas | graded | fit 2 | fit 1 | fit 0 | fair fit | criteria met | honest (partly/no) | language ok "
        "| ungraded | stale |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    lines += ["", head[0].format("all"), head[1], _group_line("all", overall)]
    for title, key in (("category", "by_category"), ("language", "by_language")):
        lines += ["", head[0].format(title), head[1]]
        lines += [_group_line(name, stats) for name, stats in fit[key].items()]
    lines += ["", "| id | category | language | fit | criteria met | honest | language ok | reviewer | notes |",
              "|---|---|---|---|---|---|---|---|---|"]  # fmt: skip
    marks = {True: "✅", False: "❌", None: "–"}
    for i in fit["ideas"]:
        grade = _GRADES[i["fit"]] if i["status"] in ("graded", "no app") else i["status"]
        met = i["criteria_met"]
        criteria = f"{sum(met)}/{len(met)}" if met else _share(i["criteria_share"]) if i["criteria"] else "no criteria"
        lines.append(
            f"| {i['id']} | {_cell(i['category'])} | {i['language']} | {grade} | {criteria} | {marks[i['honest']]} "
            f"| {marks[i['language_ok']]} | {_cell(i['reviewer'])[:40]} | {_cell(i['notes'])[:120]} |"
        )
    return lines


def markdown(rows: list[EvalRow], totals: dict[str, Any], fit: dict[str, Any] | None = None) -> str:
    t = totals
    lines = [
        f"# Evaluation: {t['provider']} provider, {t['ideas']} ideas ({t['ideas_file']})",
        "",
        f"Verified: **{t['verified']}/{t['ideas']}** ({t['share_verified']:.0%}); "
        f"{t['repaired']} needed repair ({t['repair_rounds']} rounds). "
        f"Time per idea p50 {t['time_s_p50']:.2f} s, p95 {t['time_s_p95']:.2f} s "
        f"(generate p50 {t['generate_ms_p50']:.1f} ms, p95 {t['generate_ms_p95']:.1f} ms; "
        f"verify p50 {t['verify_s_p50']:.2f} s, p95 {t['verify_s_p95']:.2f} s). "
        f"Tokens: {t['tokens']:,} in {t['model_calls']} model calls. Whole run {t['wall_s']:.0f} s. "
        f"Machine: {t['machine']}.",
    ]
    if t.get("shots"):
        lines += ["", f"Screenshots: {t['shots_taken']} in `{t['shots']}/` ({t.get('shots_how', '')})."]
    if t.get("criteria_judged"):
        lines += ["", f"Judge: {t['criteria_met']}/{t['criteria_judged']} acceptance criteria met "
                      f"({t['judge_calls']} judge calls)."]  # fmt: skip
    lines += [
        "",
        "| id | pattern | title | components | paths | verified | rounds | tokens | time s | shot |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        mark = "✅" if r.verified else f"❌ {_cell(r.error or '; '.join(r.failed))[:80]}"
        shot = f"[png]({r.shot})" if r.shot else _cell(r.shot_error)[:40]
        pattern = r.pattern if r.pattern != "model" else _cell(r.summary)[:80]
        lines.append(
            f"| {r.id} | {pattern} | {_cell(r.title)} | {', '.join(r.components)} | {r.key_paths} | {mark} "
            f"| {r.repair_rounds} | {r.tokens} | {r.total_s:.2f} | {shot} |"
        )
    judged = [r for r in rows if r.judged]
    if judged:
        lines += ["", "## Acceptance criteria (judge)", ""]
        for r in judged:
            met = sum(j.get("met") is True for j in r.judged)
            lines += [f"### {r.id}: {met}/{len(r.judged)} met", ""]
            for j in r.judged:
                met_it = j.get("met")
                mark = "✅" if met_it is True else "❌" if met_it is False else "?"
                lines.append(f"- {mark} {_cell(str(j['criterion']))}: {_cell(str(j.get('reason', '')))}")
            lines.append("")
    if fit is not None:
        lines += fit_markdown(fit)
    return "\n".join(lines).rstrip() + "\n"
