"""The one provider interface: a validated pydantic object of this type for this stage."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict, Field

from flashapps.events import StageName
from flashapps.spec.base import Language

__all__ = ["Provider", "StageRequest"]

T = TypeVar("T", bound=BaseModel)


class StageRequest(BaseModel):
    """What a stage is asked: the idea (always data, never instructions) and earlier outputs."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    idea: str
    stage: StageName
    language: Language | None = Field(default=None, description="forced app language; None detects it")
    done: dict[str, Any] = Field(default_factory=dict, description="earlier stages' outputs as JSON")
    previous: dict[str, Any] | None = Field(default=None, description="this stage's last output, when repairing")
    feedback: list[str] = Field(default_factory=list, description="what verification found wrong, to fix")


class Provider(Protocol):
    """Anything that can fill in one stage. ``note`` says how it chose (shown to the user)."""

    name: str

    def produce(self, request: StageRequest, output: type[T]) -> T: ...

    def note(self, idea: str, language: Language | None) -> str: ...
