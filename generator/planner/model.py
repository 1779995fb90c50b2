"""What the offline planner returns: the spec and why it was chosen."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from flashapps.spec import AppSpec
from flashapps.spec.base import Language

__all__ = ["Plan"]


class Plan(BaseModel):
    """A planned app: the spec, the catalogue pattern it came from and a sentence saying why."""

    model_config = ConfigDict(extra="forbid")

    spec: AppSpec
    pattern: str = Field(description="the catalogue entry the app was built from")
    reason: str = Field(min_length=1, description="one sentence, in the app's language, on why this pattern")
    alternatives: list[str] = Field(default_factory=list, description="the next best patterns, best first")
    language: Language
