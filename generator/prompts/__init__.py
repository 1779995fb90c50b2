"""Prompt texts of the model-backed provider: ``system.md`` plus one file per stage.

A regular package (not a bare folder) so that its ``*.md`` files ship as package data.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

__all__ = ["load"]


@cache
def load(name: str) -> str:
    """The text of ``<name>.md`` (``system`` or a stage name), without trailing blank lines."""
    return files(__package__).joinpath(f"{name}.md").read_text(encoding="utf-8").strip()
