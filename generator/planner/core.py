"""plan(): read the idea, rank the catalogue, build the best pattern's app and say why."""

from __future__ import annotations

from generator.planner.content import keep_lines
from generator.planner.hanzi import traditional_model
from generator.planner.honesty import find_left_out, no_kind_fits, with_left_out
from generator.planner.labels import with_clean_title
from generator.planner.lang import Tr, detect_language, normalize_language
from generator.planner.model import Plan
from generator.planner.patterns import CATALOGUE, FALLBACK
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.scope import default_scope, read_scope, with_scope
from generator.planner.subject_title import with_subject_title

__all__ = ["MAX_IDEA", "plan", "rank"]

MAX_IDEA = 4000
"""Longer ideas are cut: the opening says what the app is, the rest adds details."""
_MIN_SCORE = 3.0


def rank(ctx: Context) -> list[tuple[Pattern, Match]]:
    """Every pattern with how well it fits, best first (catalogue order breaks ties)."""
    scored = [(p, p.score(ctx), i) for i, p in enumerate(CATALOGUE)]
    scored.sort(key=lambda s: (-s[1].score, s[2]))
    return [(p, m) for p, m, _ in scored]


def _reason(t: Tr, pattern: Pattern, match: Match, fallback: bool, other: Pattern | None) -> str:
    label = t(pattern.label_en, pattern.label_zh)
    if fallback or not match.words:
        return t(
            f"Built a {label} app because no words of the idea pointed to a more specific kind of app; "
            f"mention e.g. “track”, “quiz”, “timer” or “calculator” to get another one.",
            f"选择了「{label}」模板：想法中没有指向更具体类型的词；可以加上“记录”“测验”“计时器”或“计算器”等词换一种应用。",
        )
    words = t.join(list(match.words[:3]))
    hint = t(other.hint_en, other.hint_zh) if other is not None else t("track", "记录")
    return t(
        f"Built a {label} app because the idea mentions {words}; rephrase with other words "
        f"(e.g. “{hint}”) for another kind of app.",
        f"选择了「{label}」模板，因为想法中提到了{words}；想要别的类型，可以换个说法（例如“{hint}”）。",
    )


def _other(ranking: list[tuple[Pattern, Match]], best: Pattern) -> Pattern | None:
    """The runner-up, else a pattern far from the chosen one, to suggest in the reason."""
    for pattern, match in ranking:
        if pattern is not best and match.score >= _MIN_SCORE:
            return pattern
    return next((p for p, _ in ranking if p.name in ("tracker", "quiz") and p is not best), None)


def plan(idea: str, language: str | None = None) -> Plan:
    """The app for ``idea``: the best-fitting catalogue pattern, built in the idea's language
    (or ``language``: en, zh-Hans or zh-Hant). Raises ValueError for an empty idea."""
    if not isinstance(idea, str) or not idea.strip():
        raise ValueError("The idea is empty: describe the app in a sentence, e.g. “an app to track my daily water”.")
    text = keep_lines(idea)[:MAX_IDEA]  # line breaks kept: a pasted list stays one item a line
    chosen = normalize_language(language) or detect_language(text)
    ctx = Context(text, chosen)
    ranking = rank(ctx)
    best, match = ranking[0]
    fallback = match.score < _MIN_SCORE
    if fallback:
        best, match = FALLBACK, FALLBACK.score(ctx)
    spec = best.build(ctx)
    if spec.brief.kind != "game":  # a game says itself what it leaves out (game.py)
        spec = with_left_out(spec, find_left_out(ctx))
    spec = with_scope(spec, read_scope(text) or default_scope(best.name))
    spec = with_clean_title(spec)
    if best is FALLBACK:  # a name made from the idea's first words: never a clause of the request
        spec = with_subject_title(spec, text)
    if spec.brief.language == "zh-Hant":  # every string in traditional characters, whatever made it
        spec = traditional_model(spec)
    alternatives = [p.name for p, m in ranking if p is not best and m.score >= _MIN_SCORE][:3]
    return Plan(
        spec=no_kind_fits(spec) if fallback else spec,  # a stand-in is never handed over in silence
        pattern=best.name,
        reason=_reason(ctx.t, best, match, fallback, _other(ranking, best)),
        alternatives=alternatives,
        language=chosen,
    )
