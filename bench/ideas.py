"""Idea files: JSONL with ``id`` and ``idea`` (``details``, ``acceptance``, ``lang``, ``category``,
``feasible`` and ``note`` used when present)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

__all__ = ["UNCATEGORISED", "Idea", "load_ideas"]

UNCATEGORISED = "uncategorised"


class Idea(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    idea: str | None = None
    details: str | None = None
    acceptance: list[str] = []
    lang: str | None = None
    category: str | None = None
    feasible: str | None = None  # yes, partly or no
    note: str | None = None

    @property
    def text(self) -> str:
        """The sentence to generate from: the idea, else the first paragraph of the details."""
        if self.idea and self.idea.strip():
            return self.idea.strip()
        paragraph = (self.details or "").strip().split("\n\n")[0]
        return " ".join(paragraph.split())[:600]

    @property
    def language(self) -> str:
        """The idea's language: its ``lang``, else read from its text (en, zh-Hans or zh-Hant)."""
        if self.lang and self.lang.strip():
            return self.lang.strip()
        from generator.planner.lang import detect_language

        return detect_language(self.text)

    @property
    def group(self) -> str:
        """The idea's category, or ``uncategorised``."""
        return self.category.strip() if self.category and self.category.strip() else UNCATEGORISED

    @property
    def limited(self) -> bool:
        """Whether the set says the idea can be built only in part here, or not at all."""
        return self.feasible in ("partly", "no")


def load_ideas(path: Path, limit: int | None = None) -> list[Idea]:
    ideas = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip():
            try:
                ideas.append(Idea.model_validate_json(raw))
            except ValueError as exc:
                raise SystemExit(f"{path}:{number}: not an idea line ({exc.__class__.__name__}): {raw[:80]}") from exc
    return ideas[:limit] if limit else ideas
