"""Generate: an idea through the six stages to a validated AppSpec, with a progress event after each stage."""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from flashapps.errors import GenerationError, IdeaError
from flashapps.events import STAGES, StageEvent, StageName, StepName
from flashapps.settings import Settings
from flashapps.spec import AppSpec
from flashapps.spec.base import Language, SpecModel
from generator.planner.content import keep_lines
from generator.providers import Provider, StageRequest, get_provider
from generator.stages import STAGE_OUTPUTS, ValueOut, assemble, summarize

__all__ = ["Generation", "clean_idea", "generate", "new_bundle_dir", "usage_of"]


class Generation(BaseModel):
    """What one idea became: the spec, the provider's note on how, and every event."""

    model_config = ConfigDict(extra="forbid")

    idea: str
    provider: str
    note: str
    language: Language
    spec: AppSpec
    events: list[StageEvent]
    total_ms: float
    calls: list[dict[str, Any]] = Field(default_factory=list, description="model calls: stage, tokens, cost")


def usage_of(provider: Provider) -> list[dict[str, Any]]:
    """Every model call a provider made (offline: none), as JSON data."""
    return [call.model_dump(mode="json") for call in getattr(provider, "calls", [])]


def clean_idea(idea: str, settings: Settings | None = None) -> str:
    """The idea with spacing normalised, or an IdeaError saying how to fix it."""
    limit = (settings or Settings()).max_idea_chars
    text = keep_lines(idea or "")  # line breaks kept: a pasted list stays one item a line
    if not text:
        raise IdeaError(
            "Type an idea first, for example: an app to track my daily water intake.",
            "请先输入一个想法，例如：帮我做一个记录每天喝水量的应用。",
        )
    if len(text) > limit:
        raise IdeaError(
            f"The idea is {len(text):,} characters long; describe it in under {limit:,} "
            "(one or two sentences work best). Nothing was generated.",
            f"这个想法有 {len(text):,} 个字符，请控制在 {limit:,} 个字符以内（一两句话效果最好）。尚未生成任何内容。",
        )
    return text


def generate(
    idea: str,
    *,
    provider: Provider | None = None,
    language: Language | None = None,
    on_event: Callable[[StageEvent], None] | None = None,
    settings: Settings | None = None,
) -> Generation:
    """Runs the six stages in order, each one validated, each one announced as it finishes."""
    settings = settings or Settings()
    text = clean_idea(idea, settings)
    provider = provider or get_provider(settings=settings)
    reset = getattr(provider, "reset_usage", None)
    if callable(reset):
        reset()  # the spend cap is per generation
    start = time.perf_counter()
    events: list[StageEvent] = []
    parts: dict[StageName, SpecModel] = {}
    shown_language: str = language or "en"

    def emit(stage: StepName, summary: str, began: float) -> None:
        now = time.perf_counter()
        event = StageEvent(stage=stage, summary=summary, elapsed_ms=(now - began) * 1000, at_ms=(now - start) * 1000)
        events.append(event)
        if on_event is not None:
            on_event(event)

    for stage in STAGES:
        began = time.perf_counter()
        request = StageRequest(
            idea=text, stage=stage, language=language, done={k: v.model_dump(mode="json") for k, v in parts.items()}
        )
        output = STAGE_OUTPUTS[stage]
        try:
            parts[stage] = provider.produce(request, output)
        except ValidationError as exc:
            raise GenerationError(
                f"The {stage} stage gave an invalid result: {exc.errors()[0]['msg']}. Try rephrasing the idea.",
                f"“{stage}”阶段的结果无效：{exc.errors()[0]['msg']}。请换个说法再试。",
                stage=stage,
                attempts=1,
            ) from exc
        if isinstance(parts[stage], ValueOut):
            shown_language = parts[stage].language  # type: ignore[attr-defined]
        emit(stage, summarize(stage, parts[stage], shown_language), began)
    try:
        spec = assemble(parts)
    except ValidationError as exc:
        raise GenerationError(
            f"The stages do not fit together: {exc.errors()[0]['msg']}. Try rephrasing the idea.",
            f"各阶段的结果无法组合：{exc.errors()[0]['msg']}。请换个说法再试。",
            stage="key_paths",
            attempts=1,
        ) from exc
    return Generation(
        idea=text,
        provider=provider.name,
        note=provider.note(text, language),
        language=spec.brief.language,
        spec=spec,
        events=events,
        total_ms=(time.perf_counter() - start) * 1000,
        calls=usage_of(provider),
    )


def new_bundle_dir(settings: Settings, title: str, idea: str) -> Path:
    """A fresh folder under ``$FLASHAPPS_HOME/bundles`` named after the app."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "app"
    base = settings.bundles_dir / f"{slug}-{hashlib.sha256(idea.encode()).hexdigest()[:6]}"
    candidate, n = base, 1
    while candidate.exists():
        n += 1
        candidate = base.with_name(f"{base.name}-{n}")
    return candidate
