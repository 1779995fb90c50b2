"""The six stages of the flow as typed outputs, and how they assemble into an AppSpec.

value → data → feedback → screens → logic → key_paths. Each stage's output is a pydantic
model a provider must produce; a stage sees the idea and every earlier stage's output.
"""

from __future__ import annotations

from typing import Literal, cast

from pydantic import Field

from flashapps.events import StageName
from flashapps.spec import AppSpec, Brief, Entity, KeyPath, LeftOut, LogicFunction, Metric, Scope, Screen, Theme
from flashapps.spec.base import Language, ShortText, SpecModel, Text

__all__ = [
    "STAGE_OUTPUTS",
    "DataOut",
    "FeedbackOut",
    "KeyPathsOut",
    "LogicOut",
    "ScreensOut",
    "ValueOut",
    "assemble",
    "split",
    "summarize",
]


class ValueOut(SpecModel):
    """Stage 1: what the app is for, for whom, in which language, and how it looks."""

    title: ShortText
    value: Text = Field(min_length=1)
    audience: Text = ""
    language: Language = "en"
    icon: str = Field(default="✨", min_length=1, max_length=8)
    kind: Literal["app", "game"] = "app"
    category: Literal[
        "tracker", "calculator", "converter", "learning", "timer", "planner", "picker", "finance", "game", "other"
    ] = "other"
    theme: Theme = Field(default_factory=Theme)
    left_out: list[LeftOut] = Field(
        default_factory=list, max_length=8, description="parts of the request that cannot be built here, and why"
    )
    scope: Scope = Field(
        default="shared", description="whose the app's other state is (counters, progress): personal or shared"
    )


class DataOut(SpecModel):
    """Stage 2: core metrics, the inputs collected, and the entities that hold them."""

    entities: list[Entity] = Field(default_factory=list, max_length=8)
    metrics: list[Metric] = Field(default_factory=list, max_length=8)
    inputs: list[ShortText] = Field(default_factory=list, max_length=12)


class FeedbackOut(SpecModel):
    """Stage 3: what the user sees back (totals, charts, scores), in plain words."""

    feedback: list[Text] = Field(min_length=1, max_length=8)


class ScreensOut(SpecModel):
    """Stage 4: the screens and their components."""

    screens: list[Screen] = Field(min_length=1, max_length=6)


class LogicOut(SpecModel):
    """Stage 5: named pure functions with example cases."""

    logic: list[LogicFunction] = Field(default_factory=list, max_length=12)


class KeyPathsOut(SpecModel):
    """Stage 6: the user paths that must work; they become the bundle's AppTest tests."""

    key_paths: list[KeyPath] = Field(min_length=1, max_length=10)


STAGE_OUTPUTS: dict[StageName, type[SpecModel]] = {
    "value": ValueOut,
    "data": DataOut,
    "feedback": FeedbackOut,
    "screens": ScreensOut,
    "logic": LogicOut,
    "key_paths": KeyPathsOut,
}


def split(spec: AppSpec) -> dict[StageName, SpecModel]:
    """The stage outputs a finished spec is made of."""
    brief = spec.brief
    value = ValueOut(
        **brief.model_dump(
            include={"title", "value", "audience", "language", "icon", "kind", "category", "theme", "left_out", "scope"}
        )
    )
    return {
        "value": value,
        "data": DataOut(entities=spec.entities, metrics=brief.metrics, inputs=brief.inputs),
        "feedback": FeedbackOut(feedback=brief.feedback or [brief.value]),
        "screens": ScreensOut(screens=spec.screens),
        "logic": LogicOut(logic=spec.logic),
        "key_paths": KeyPathsOut(key_paths=spec.key_paths),
    }


def assemble(parts: dict[StageName, SpecModel]) -> AppSpec:
    """The AppSpec from every stage's output (validated as a whole: references included)."""
    value, data = cast(ValueOut, parts["value"]), cast(DataOut, parts["data"])
    feedback = cast(FeedbackOut, parts["feedback"])
    brief = Brief(**value.model_dump(), metrics=data.metrics, inputs=data.inputs, feedback=feedback.feedback)
    screens, logic = cast(ScreensOut, parts["screens"]), cast(LogicOut, parts["logic"])
    paths = cast(KeyPathsOut, parts["key_paths"])
    return AppSpec(
        brief=brief, entities=data.entities, screens=screens.screens, logic=logic.logic, key_paths=paths.key_paths
    )


_SUMMARY = {
    "en": {
        "value": "{title}: {value}",
        "data": "{entities} kind(s) of record, {fields} field(s), {metrics} core metric(s): {metric_names}",
        "feedback": "{feedback}",
        "screens": "{screens} screen(s): {components}",
        "logic": "{functions} function(s) with {cases} example case(s): {function_names}",
        "key_paths": "{paths} key path(s) to verify: {stories}",
    },
    "zh": {
        "value": "{title}：{value}",
        "data": "{entities} 类记录、{fields} 个字段、{metrics} 个核心指标：{metric_names}",
        "feedback": "{feedback}",
        "screens": "{screens} 个页面：{components}",
        "logic": "{functions} 个函数，{cases} 个示例：{function_names}",
        "key_paths": "{paths} 条关键路径待验证：{stories}",
    },
}


def summarize(stage: StageName, out: SpecModel, language: str) -> str:
    """One line, in the user's language, saying what a stage produced."""
    table = _SUMMARY["zh" if language.startswith("zh") else "en"]
    sep = "、" if language.startswith("zh") else ", "
    facts: dict[str, object] = {}
    if isinstance(out, ValueOut):
        facts = {"title": out.title, "value": out.value}
    elif isinstance(out, DataOut):
        facts = {
            "entities": len(out.entities),
            "fields": sum(len(e.fields) for e in out.entities),
            "metrics": len(out.metrics),
            "metric_names": sep.join(m.label for m in out.metrics) or "—",
        }
    elif isinstance(out, FeedbackOut):
        facts = {"feedback": sep.join(out.feedback)}
    elif isinstance(out, ScreensOut):
        kinds = [c.kind for s in out.screens for c in s.components]
        facts = {"screens": len(out.screens), "components": sep.join(dict.fromkeys(kinds))}
    elif isinstance(out, LogicOut):
        facts = {
            "functions": len(out.logic),
            "cases": sum(len(f.examples) for f in out.logic),
            "function_names": sep.join(f.name for f in out.logic) or "—",
        }
    elif isinstance(out, KeyPathsOut):
        facts = {"paths": len(out.key_paths), "stories": sep.join(p.story for p in out.key_paths)}
    line = table[stage].format(**facts)
    return line if len(line) <= 200 else line[:199] + "…"
