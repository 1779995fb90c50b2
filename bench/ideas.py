"""Idea files: JSONL with ``id`` and ``idea`` (``details`` and ``acceptance`` used when present)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict

__all__ = ["Idea", "load_ideas"]


class Idea(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    idea: str | None = None
    details: str | None = None
    acceptance: list[str] = []

    @property
    def text(self) -> str:
        """The sentence to generate from: the idea, else the first paragraph of the details."""
        if self.idea and self.idea.strip():
            return self.idea.strip()
        paragraph = (self.details or "").strip().split("\n\n")[0]
        return " ".join(paragraph.split())[:600]


def load_ideas(path: Path, limit: int | None = None) -> list[Idea]:
    ideas = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if raw.strip():
            try:
                ideas.append(Idea.model_validate_json(raw))
            except ValueError as exc:
                raise SystemExit(f"{path}:{number}: not an idea line ({exc.__class__.__name__}): {raw[:80]}") from exc
    return ideas[:limit] if limit else ideas
