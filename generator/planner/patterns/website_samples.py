"""Example rows for a website's sections when the sentence gives none (data/websites.json: rows):
believable, short, and shown on the page as examples to replace."""

from __future__ import annotations

from generator.planner.patterns.base import Context
from generator.planner.patterns.website_kinds import ROWS

__all__ = ["sample_rows"]


def sample_rows(ctx: Context, name: str, kind: str = "", facts: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """Example (label, value) rows for the section ``name`` of a site of ``kind`` (its own rows first)."""
    rows = ROWS.get(f"{name}_{kind}") or ROWS.get(name) or ROWS["example"]
    shown = [(ctx.t(le, lz), ctx.t(ve, vz)) for le, ve, lz, vz in rows]
    if name == "location" and facts:
        place = facts.get("venue") or facts.get("town")
        if place:
            shown[0] = (shown[0][0], ctx.t(f"12 Market Street, {place}", f"{place}人民路 12 号"))
    return shown
