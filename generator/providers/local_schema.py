"""The local provider's grammar: each stage's JSON schema tightened for a 0.5B model, and ``tidy``.

``local_schema`` bounds every list and string, keeps optional keys optional and tags first, leaves
out keys a small model gets wrong, turns rules pydantic checks after the fact into alternatives,
and names fixed by earlier stages into enums (``local_names``). ``tidy`` puts right what the
grammar cannot say before the reply is validated.
"""

from __future__ import annotations

import copy
import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.providers.base import StageRequest
from generator.providers.local_names import (
    LIMITS,
    NUMERIC,
    drop_components,
    key_path_names,
    logic_names,
    screens_names,
    variant,
)
from generator.providers.openai_schema import schema_shape
from generator.stages import STAGE_OUTPUTS, DataOut, ScreensOut

__all__ = ["local_schema", "local_shape", "tidy"]

BY_OUTPUT: dict[type[BaseModel], str] = {output: stage for stage, output in STAGE_OUTPUTS.items()}
_DROP = {"title", "default", "discriminator", "examples"}

_LEAN: dict[str, tuple[str, ...]] = {
    "DataField": ("help", "default", "min", "max", "required"),
    "Entity": ("seed", "scope"),
    "CalcInput": ("step",),
    "GameParams": ("theme", "sound"),
    "ValueOut": ("left_out", "scope"),
    "FormComponent": ("once_per",),
    "QuizComponent": ("editable",),
    "ChecklistComponent": ("reset",),
}
"""Optional keys left out of the grammar: the defaults serve, and a small model gets them wrong."""
_PLANNER_ONLY = (
    *("TextToolComponent", "DataFileComponent", "DrillComponent", "OrderComponent"),
    *("PinyinComponent", "GpaComponent"),
    "PicturesComponent",
    "MealPlanComponent",
    *("BracketComponent", "GiftDrawComponent", "CostSplitComponent", "SeatingComponent"),
    "PairRateComponent",
    "HousePointsComponent",
    "CheckFormComponent",
    "RuleComponent",
)
"""Component kinds the offline planner composes from a sentence (text tools, data files, drills, ordering
exercises) and a 0.5B model does not fill in well: left out of its grammar, so its prompt stays short."""

_TEXT = 100
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LONG = {("LogicFunction", "body"): 800, ("TextComponent", "body"): 400}
_RECORDS = ("tracker", "planner", "finance")
"""Categories whose apps keep records: their data stage must name at least one entity."""
_FIELD_NAME = {
    "type": "string",
    "pattern": "^(?:[a-hj-z][a-z0-9_]{0,31}|i|i[a-ce-z0-9_][a-z0-9_]{0,30}|id[a-z0-9_]{1,30})$",
}
"""An ident other than ``id`` (reserved for the record's own key)."""


def local_schema(output: type[BaseModel], request: StageRequest | None = None) -> dict[str, Any]:
    """The stage's JSON schema for grammar-constrained decoding by a small model (see the module)."""
    schema = copy.deepcopy(_lean(output))
    stage = BY_OUTPUT.get(output)
    done = request.done if request is not None else {}
    try:
        if stage == "value" and request is not None:
            schema["properties"]["language"] = {"enum": _languages(request)}
        elif stage == "data" and done and done.get("value", {}).get("category") in _RECORDS:
            schema["properties"]["entities"]["minItems"] = 1
        elif stage == "screens" and done:
            screens_names(schema, DataOut.model_validate(done.get("data", {})))
        elif stage == "logic" and done:
            logic_names(schema, ScreensOut.model_validate(done["screens"]))
        elif stage == "key_paths" and done:
            data = DataOut.model_validate(done.get("data", {}))
            key_path_names(schema, ScreensOut.model_validate(done["screens"]), data)
    except (KeyError, ValidationError, TypeError):
        pass  # earlier stages unusable here: the plain lean schema still bounds everything
    schema = copy.deepcopy(schema)  # the names above share nodes with module constants
    _bound_numbers(schema)
    return schema


def _bound_numbers(node: Any) -> None:
    """Numbers at most 10 digits before the point and 4 after: a small model otherwise writes
    0.3333333… until the token limit (the grammar itself has no bound on digits)."""
    if isinstance(node, list):
        for item in node:
            _bound_numbers(item)
    elif isinstance(node, dict):
        if node.get("type") in ("number", "integer"):
            node.setdefault("minimum", -1_000_000_000)
            node.setdefault("maximum", 1_000_000_000)
            if node["type"] == "number":
                node.setdefault("multipleOf", 0.0001)
        for value in node.values():
            _bound_numbers(value)


def _languages(request: StageRequest) -> list[str]:
    """The app's language: the one asked for, else the idea's script (Chinese or not)."""
    if request.language:
        return [request.language]
    return ["zh-Hans", "zh-Hant"] if _CJK.search(request.idea) else ["en"]


def local_shape(output: type[BaseModel]) -> str:
    """The compact notation of the lean schema (what the grammar allows before names are known)."""
    return _shape_cached(output)


@lru_cache(maxsize=16)
def _shape_cached(output: type[BaseModel]) -> str:
    shown = schema_shape(output.__name__, _lean(output))
    return shown.replace(f"str /{_FIELD_NAME['pattern']}/", "ident")


@lru_cache(maxsize=16)
def _lean(output: type[BaseModel]) -> dict[str, Any]:
    schema: dict[str, Any] = _tighten(output.model_json_schema())
    defs: dict[str, Any] = schema.get("$defs", {})
    for name, node in [(output.__name__, schema), *defs.items()]:
        properties: dict[str, Any] = node.get("properties", {})
        for key in _LEAN.get(name, ()):
            properties.pop(key, None)
        node["required"] = [key for key in node.get("required", []) if key in properties]
        for key, sub in properties.items():
            limit = LIMITS.get((name, key))
            if limit is not None:
                _array(sub)["maxItems"] = min(limit, _array(sub).get("maxItems", limit))
            _cap_strings(sub, _LONG.get((name, key), _TEXT))
    schema["required"] = list(schema.get("properties", {}))  # every key of the stage: no empty {} reply
    if output is ScreensOut:
        drop_components(schema, _PLANNER_ONLY)
        kind = defs["CalcInput"]["properties"]["type"]
        kind["enum"] = [k for k in kind["enum"] if k != "draw"]  # a secret draw is the planner's, for passwords
        kind.pop("description", None)
        checklist = defs["ChecklistComponent"]  # a small model's checklist names its items (none: nothing to tick)
        checklist["required"] = list(dict.fromkeys([*checklist["required"], "items"]))
        checklist["properties"]["items"]["minItems"] = 1
    if output is DataOut:
        defs["DataField"]["properties"]["name"] = _FIELD_NAME
        defs["DataField"] = _split_field(defs["DataField"])
        defs["Metric"] = _split_metric(defs["Metric"])
    return schema


def _tighten(node: Any) -> Any:
    """Titles and defaults dropped, ``oneOf`` as ``anyOf``, objects closed, tags required and first."""
    if isinstance(node, list):
        return [_tighten(item) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        return {"$ref": node["$ref"]}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP:
            continue
        if key == "oneOf":
            out["anyOf"] = _tighten(value)
        elif key in ("properties", "$defs"):
            out[key] = {name: _tighten(sub) for name, sub in value.items()}
        else:
            out[key] = _tighten(value)
    if out.get("type") == "object" and "properties" in out:
        properties: dict[str, Any] = out["properties"]
        tags = [name for name, sub in properties.items() if "const" in sub]
        out["properties"] = {name: properties[name] for name in [*tags, *(n for n in properties if n not in tags)]}
        required = {*tags, *out.get("required", [])}
        out["required"] = [n for n in out["properties"] if n in required]
        out["additionalProperties"] = False
    return out


def _array(node: dict[str, Any]) -> dict[str, Any]:
    """The array schema in ``node`` (itself, or its non-null alternative)."""
    if node.get("type") == "array":
        return node
    for option in node.get("anyOf", []):
        if option.get("type") == "array":
            return option
    return {}


def _cap_strings(node: Any, limit: int) -> None:
    if isinstance(node, list):
        for item in node:
            _cap_strings(item, limit)
    elif isinstance(node, dict):
        if node.get("type") == "string" and "pattern" not in node and "enum" not in node:
            node["maxLength"] = min(limit, node.get("maxLength", limit))
        for key, value in node.items():
            if key != "properties":
                _cap_strings(value, limit)


def _split_field(field: dict[str, Any]) -> dict[str, Any]:
    """Choice fields with options, every other type without (the spec's rule, as alternatives)."""
    kinds: list[str] = field["properties"]["type"]["enum"]
    choice = [k for k in kinds if k in ("choice", "multi_choice")]
    options = {**field["properties"]["options"], "minItems": 1}
    return {
        "anyOf": [
            variant(field, {"type": {"enum": [k for k in kinds if k not in choice]}}, drop=("options",)),
            variant(field, {"type": {"enum": choice}, "options": options}),
        ]
    }


def _split_metric(metric: dict[str, Any]) -> dict[str, Any]:
    """sum/avg/min/max/latest name a field; count and streak may."""
    field = {"type": "string", "pattern": metric["properties"]["entity"]["pattern"]}
    return {
        "anyOf": [
            variant(metric, {"agg": {"enum": ["sum", "avg", "min", "max", "latest"]}, "field": field}),
            variant(metric, {"agg": {"enum": ["count", "streak"]}}),
        ]
    }


# -- tidying a reply -----------------------------------------------------------------------------
def tidy(stage: str, data: dict[str, Any]) -> dict[str, Any]:
    """A reply with what a small model gets wrong and a grammar cannot forbid put right, before it
    is validated: repeated names made unique (or repeats dropped), references to fields of the wrong
    type repaired or dropped, a quiz answer kept among its choices. Only ever removes or renames."""
    if stage == "data":
        _tidy_data(data)
    elif stage == "screens":
        _tidy_screens(data)
    elif stage == "key_paths":
        _rename_repeats(_dicts(data.get("key_paths")), "name")
    return data


def _dicts(items: Any) -> list[dict[str, Any]]:
    return [item for item in items if isinstance(item, dict)] if isinstance(items, list) else []


def _unique(items: Any, key: str) -> list[dict[str, Any]]:
    """The items, each value of ``key`` once (the first one kept)."""
    seen: set[str] = set()
    kept = []
    for item in _dicts(items):
        value = str(item.get(key))
        if value not in seen:
            seen.add(value)
            kept.append(item)
    return kept


def _rename_repeats(items: list[dict[str, Any]], key: str, seen: set[str] | None = None) -> None:
    seen = set() if seen is None else seen
    for item in items:
        name = item.get(key)
        if not isinstance(name, str):
            continue
        fresh, n = name, 1
        while fresh in seen:
            n += 1
            fresh = f"{name[:28]}_{n}"
        item[key] = fresh
        seen.add(fresh)


def _tidy_data(data: dict[str, Any]) -> None:
    entities = _unique(data.get("entities"), "name")
    for record in entities:
        record["fields"] = _unique(record.get("fields"), "name")
        for field in record["fields"]:
            if field.get("name") == "created_at":
                field["name"] = "created"
            if isinstance(field.get("options"), list):
                field["options"] = list(dict.fromkeys(field["options"]))
    by_name = {str(e.get("name")): e for e in entities}
    metrics = []
    for metric in _unique(data.get("metrics"), "name"):
        entity: dict[str, Any] | None = by_name.get(str(metric.get("entity")))
        if entity is None and len(by_name) == 1:
            entity = next(iter(by_name.values()))
        if entity is None:
            continue
        metric["entity"] = entity["name"]
        types = {str(f.get("name")): f.get("type", "text") for f in entity["fields"]}
        numbers = [n for n, t in types.items() if t in NUMERIC]
        dates = [n for n, t in types.items() if t == "date"]
        agg = metric.get("agg", "sum")
        if agg in ("sum", "avg", "min", "max") and types.get(str(metric.get("field"))) not in NUMERIC:
            if numbers:
                metric["field"] = numbers[0]
            else:
                metric["agg"] = "count"
                metric.pop("field", None)
        elif metric.get("field") is not None and types.get(str(metric["field"])) in (None, "long_text", "multi_choice"):
            metric.pop("field")
            if metric.get("agg") == "latest":
                metric["agg"] = "count"
        if metric.get("date_field") is not None and metric["date_field"] not in dates:
            metric.pop("date_field")
        if (metric.get("period", "all") != "all" or metric.get("agg") == "streak") and not metric.get("date_field"):
            if dates:
                metric["date_field"] = dates[0]
            else:
                metric["period"] = "all"
                if metric.get("agg") == "streak":
                    metric["agg"] = "count"
        goal = metric.get("goal")
        if goal is not None and not (isinstance(goal, int | float) and goal > 0):
            metric.pop("goal")
        metrics.append(metric)
    data["entities"], data["metrics"] = entities, metrics


def _tidy_screens(data: dict[str, Any]) -> None:
    screens = _dicts(data.get("screens"))
    _rename_repeats(screens, "name")
    ids: set[str] = set()
    for screen in screens:
        components = _dicts(screen.get("components"))
        _rename_repeats(components, "id", ids)
        for component in components:
            kind = component.get("kind")
            if kind == "calculator":
                component["inputs"] = _unique(component.get("inputs"), "name")
                component["results"] = _unique(component.get("results"), "function")
            elif kind == "converter":
                component["units"] = _unique(component.get("units"), "name")
            elif kind in ("checklist", "picker") and isinstance(component.get("items"), list):
                component["items"] = list(dict.fromkeys(component["items"]))
            elif kind == "quiz":
                for question in _dicts(component.get("questions")):
                    choices = question.get("choices")
                    if isinstance(choices, list):
                        question["choices"] = choices = list(dict.fromkeys(choices))
                        answer = question.get("answer")
                        if isinstance(answer, int) and not 0 <= answer < len(choices):
                            question["answer"] = max(0, min(answer, len(choices) - 1))
        screen["components"] = components
    data["screens"] = screens
