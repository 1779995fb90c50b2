"""Shared building blocks of the AppSpec: strict models, bounded text and identifiers.

Every list and string is bounded so that a small model filling these schemas cannot loop
until its token limit, and so that a spec stays small enough to store, diff and remix.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, StringConstraints

__all__ = [
    "Color",
    "Ident",
    "Language",
    "LongText",
    "Scalar",
    "ShortText",
    "SpecModel",
    "Text",
]


class SpecModel(BaseModel):
    """Base of every spec model: unknown keys are errors, values are checked on assignment."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True, str_strip_whitespace=True)


Ident = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,31}$")]
"""A machine name: lower-case ASCII, digits and underscores, starting with a letter."""

ShortText = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Text = Annotated[str, StringConstraints(max_length=300)]
LongText = Annotated[str, StringConstraints(max_length=4000)]
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$")]

Language = Literal["en", "zh-Hans", "zh-Hant"]
"""Languages a generated app can speak: English, simplified and traditional Chinese."""

Scalar = Annotated[str, StringConstraints(max_length=300)] | int | float | bool | None
"""A value a seed row, an example case or a key-path step may carry (strings bounded like Text)."""
