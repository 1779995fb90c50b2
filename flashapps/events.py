"""The one stage order, and the progress event every step of a generation emits."""

from __future__ import annotations

from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["STAGES", "STEPS", "StageEvent", "StageName", "StepName"]

StageName = Literal["value", "data", "feedback", "screens", "logic", "key_paths"]
"""The six stages, in order: value → data → feedback → screens → logic → key_paths."""
StepName = Literal[StageName, "render", "verify"]
"""Every step a maker sees: the six stages, then render and verify."""

STAGES: tuple[StageName, ...] = get_args(StageName)
STEPS: tuple[StepName, ...] = (*STAGES, "render", "verify")


class StageEvent(BaseModel):
    """One step finished: its name, a one-line summary in the user's language, its timing."""

    model_config = ConfigDict(extra="forbid")

    stage: StepName
    summary: str
    elapsed_ms: float = Field(description="how long this step took")
    at_ms: float = Field(description="time since the generation started")
    ok: bool = True
