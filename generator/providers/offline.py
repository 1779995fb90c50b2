"""The offline provider: the deterministic pattern planner behind the provider interface.

It plans the whole app once per idea (fast and free) and hands each stage its slice, so the
stages and their events look the same as with a model behind them.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TypeVar

from pydantic import BaseModel

from flashapps.spec.base import Language
from generator.planner import Plan, plan
from generator.stages import split

from .base import StageRequest

__all__ = ["OfflineProvider"]

T = TypeVar("T", bound=BaseModel)


@lru_cache(maxsize=64)
def _plan(idea: str, language: Language | None) -> Plan:
    return plan(idea, language)


class OfflineProvider:
    name = "offline"

    def plan(self, idea: str, language: Language | None = None) -> Plan:
        return _plan(idea, language)

    def produce(self, request: StageRequest, output: type[T]) -> T:
        part = split(_plan(request.idea, request.language).spec)[request.stage]
        return output.model_validate(part.model_dump())

    def note(self, idea: str, language: Language | None) -> str:
        return _plan(idea, language).reason

    @staticmethod
    def clear_cache() -> None:
        """Forget earlier plans (benchmarks time planning itself)."""
        _plan.cache_clear()
