"""``--provider local``: the openai provider pointed at a model served on this machine.

The model (``FLASHAPPS_LOCAL_MODEL``: ``local-small`` by default, or ``local``) is installed
and checked on first use, its server started on demand in a child process on 127.0.0.1 and
stopped when idle or at exit (``generator.localmodel``). Calls run at temperature 0 with a
token cap per stage.

A model of 0.5B parameters cannot be trusted to keep names straight or to stop on its own, so
its replies are held to a grammar (llguidance, compact JSON: no indentation tokens) built from
the stage's JSON schema and tightened for it (``local_schema``):

- every list and string bounded, most a little tighter than the spec (few items, short texts);
- optional keys stay optional (fewer tokens), discriminator tags come first;
- keys a small model gets wrong and the app does without are left out (seed rows, help texts);
- rules pydantic checks after the fact become alternatives (a choice field has options, other
  fields have none; sum/avg/min/max metrics name a field);
- names fixed by earlier stages become enums: the entities, fields and metrics a screen's
  components use, the functions and parameters the logic writes, the widget keys, their values
  and the outputs a key path uses.

What the grammar cannot say, ``tidy`` puts right before validation (repeated names renamed,
references to fields of the wrong type repaired or dropped, a quiz answer kept among its choices).
Everything is still validated against the stage's pydantic model.

The prompt is the openai provider's without the reply's shape (the grammar holds the reply to
it; a 0.5B model copies its notation instead), and each stage runs in its own server slot, whose
prompt cache then serves the same stage of the next idea: only the idea and the earlier stages'
output are read again (measured: 4,300 prompt tokens read for the first idea, 1,800 for the next).
"""

from __future__ import annotations

import copy
import json
import re
from functools import lru_cache
from typing import Any, TypeVar

from pydantic import BaseModel, SecretStr, ValidationError

from generator.llm_settings import LLMSettings
from generator.localmodel import MODELS, LocalModelSettings, LocalServer, shared_server
from generator.providers._openai_schema import schema_shape
from generator.providers.base import StageRequest
from generator.providers.openai_provider import OpenAIProvider, _Reply
from generator.spec.base import Language
from generator.spec.components import Component
from generator.spec.data import Entity
from generator.stages import STAGE_OUTPUTS, STAGES, DataOut, ScreensOut

__all__ = ["STAGE_MAX_TOKENS", "LocalProvider", "local_schema", "local_shape", "tidy"]

T = TypeVar("T", bound=BaseModel)

STAGE_MAX_TOKENS: dict[str, int] = {
    "value": 200,
    "data": 700,
    "feedback": 200,
    "screens": 1200,
    "logic": 900,
    "key_paths": 1000,
}
"""Completion tokens per stage (compact JSON): room for the longest reply the grammar allows in
practice (its lists and texts are bounded), so that a reply is cut off only by a runaway loop."""

SHAPE_IN_PROMPT = False
"""Whether the prompt shows the reply's shape (measured: without it, shorter prompts and better replies)."""

_BY_OUTPUT: dict[type[BaseModel], str] = {output: stage for stage, output in STAGE_OUTPUTS.items()}
_DROP = {"title", "default", "discriminator", "examples"}
_SHAPE_HEAD = "Reply with one JSON object of this shape ("

_LEAN: dict[str, tuple[str, ...]] = {
    "DataField": ("help", "default", "min", "max", "required"),
    "Entity": ("seed",),
    "CalcInput": ("step",),
    "GameParams": ("theme",),
}
"""Optional keys left out of the grammar: the defaults serve, and a small model gets them wrong."""

_LIMITS: dict[tuple[str, str], int] = {
    ("ScreensOut", "screens"): 2,
    ("Screen", "components"): 5,
    ("FeedbackOut", "feedback"): 3,
    ("KeyPathsOut", "key_paths"): 3,
    ("KeyPath", "steps"): 8,
    ("KeyPath", "expect"): 3,
    ("DataOut", "entities"): 2,
    ("DataOut", "metrics"): 3,
    ("DataOut", "inputs"): 5,
    ("Entity", "fields"): 5,
    ("DataField", "options"): 6,
    ("CalcInput", "options"): 8,
    ("CalculatorComponent", "inputs"): 4,
    ("CalculatorComponent", "results"): 2,
    ("ConverterComponent", "units"): 6,
    ("QuizComponent", "questions"): 4,
    ("Question", "choices"): 4,
    ("FlashcardsComponent", "cards"): 8,
    ("ChecklistComponent", "items"): 8,
    ("PickerComponent", "items"): 8,
    ("GameParams", "items"): 8,
    ("LogicOut", "logic"): 4,
    ("LogicFunction", "examples"): 2,
    ("LogicFunction", "params"): 4,
}
"""List lengths for a small model: what one small app needs, well inside the spec's bounds."""

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
_DATE = {"type": "string", "pattern": r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"}
"""An ISO date that exists in every month."""
_SCALAR = {"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 80}, {"type": "boolean"}, {"type": "null"}]}
_NUMERIC = ("int", "float", "rating")
_CATEGORY = ("choice", "text", "rating", "bool")
_PERIODS = ["all", "today", "last7", "week", "last30", "month"]
_PARAM_TYPES = {"number": "float", "int": "int", "text": "str", "choice": "str", "bool": "bool"}


class LocalProvider(OpenAIProvider):
    """The openai provider on a ``LocalServer``; the server is shared by every provider of the process."""

    name = "local"

    def __init__(self, local: LocalModelSettings | None = None, server: LocalServer | None = None) -> None:
        self.local = local = local or LocalModelSettings()
        self.server = server or shared_server(local)
        model = local.local_model if server is None else server.model.stem
        settings = LLMSettings(
            _env_file=None,
            preset=None,
            base_url=self.server.url or "http://127.0.0.1:9/v1",  # the real port is set on each call
            api_key=SecretStr("local"),  # never a real key: nothing leaves this machine
            model=model,
            stage_models={},
            timeout_s=local.local_timeout_s,
            max_tokens=max(STAGE_MAX_TOKENS.values()),
            max_retries=0,
            max_attempts=local.local_max_attempts,
            temperature=0.0,
            spend_cap_usd=None,
            structured="json_schema",
        )
        super().__init__(settings)
        self._request: StageRequest | None = None
        self._stage = ""
        self.timings: list[dict[str, Any]] = []
        """llama.cpp's own figures per call: prompt tokens read (``prompt_n``, ``prompt_ms``; the
        cached prefix, ``cache_n``, is not read again) and tokens written (``predicted_n``, ``predicted_ms``)."""
        create = self._client.chat.completions.create

        def timed(**arguments: Any) -> Any:
            completion = create(**arguments)
            figures = (getattr(completion, "model_extra", None) or {}).get("timings")
            if isinstance(figures, dict):
                keys = ("prompt_n", "prompt_ms", "predicted_n", "predicted_ms", "cache_n")
                self.timings.append({"stage": self._stage, **{k: figures.get(k) for k in keys}})
            return completion

        setattr(self._client.chat.completions, "create", timed)  # noqa: B010 (an instance attribute, on purpose)

    def __repr__(self) -> str:
        return f"LocalProvider(model={self.settings.model!r}, server={self.server!r})"

    def note(self, idea: str, language: Language | None) -> str:
        info = MODELS.get(self.settings.model or "")
        title = info.title if info else self.server.model.name
        return (
            f"local model {self.settings.model} ({title}) on 127.0.0.1 "
            f"(llama.cpp, {self.server.threads_used} thread{'s' if self.server.threads_used != 1 else ''})"
        )

    def produce(self, request: StageRequest, output: type[T]) -> T:
        if _only_answer(request, output):  # the grammar admits one reply: reading the prompt would be waste
            return output.model_validate({"logic": []})
        with self.server.use() as url:
            if str(self._client.base_url).rstrip("/") != url:
                self._client.base_url = url
            self._request = request
            return super().produce(request, output)

    def _complete(
        self, stage: str, model: str, messages: list[dict[str, str]], output: type[BaseModel], attempt: int
    ) -> _Reply:
        self._stage = stage
        reply = super()._complete(stage, model, messages, output, attempt)
        try:
            data = json.loads(reply.content)
        except ValueError:
            return reply
        if isinstance(data, dict):
            reply.content = json.dumps(tidy(stage, data), ensure_ascii=False)
        return reply

    def _arguments(self, model: str, messages: list[dict[str, str]], output: type[BaseModel]) -> dict[str, Any]:
        arguments = super()._arguments(model, _without_shape(messages, output), output)
        stage = _BY_OUTPUT.get(output, "")
        arguments[self._tokens_param] = STAGE_MAX_TOKENS.get(stage, self.settings.max_tokens)
        if self.mode == "json_schema":  # the grammar itself: compact JSON, no whitespace to generate
            schema = {**local_schema(output, self._request), "x-guidance": {"whitespace_flexible": False}}
            arguments.pop("response_format", None)
            arguments["extra_body"] = {"grammar": "%llguidance {}\nstart: %json " + json.dumps(schema)}
        if stage in STAGES and self.server.slots >= len(STAGES):  # each stage in its own slot: its cached prompt
            arguments.setdefault("extra_body", {})["id_slot"] = STAGES.index(stage)
        return arguments


def _only_answer(request: StageRequest, output: type[BaseModel]) -> bool:
    """Whether the logic stage can only answer ``{"logic": []}`` (no calculator names a function):
    measured, that call read 460-880 prompt tokens (8-16 s here) to write 5."""
    if request.stage != "logic" or _BY_OUTPUT.get(output) != "logic" or request.feedback:
        return False
    logic = local_schema(output, request)["properties"]["logic"]
    return bool(logic.get("maxItems") == 0)


def _without_shape(messages: list[dict[str, str]], output: type[BaseModel]) -> list[dict[str, str]]:
    """The messages without the reply's shape at the end of the user message: the grammar holds the
    reply to it, and a 0.5B model copies its notation (``"title": "text(1-80)"``) instead of
    following it. The stage's instructions in the system message still say what each key is for."""
    if len(messages) < 2 or messages[0]["role"] != "system":
        return messages
    user = messages[1]["content"]
    cut = user.rfind("\n\n" + _SHAPE_HEAD)
    if cut < 0:
        return messages
    if SHAPE_IN_PROMPT:  # then at the end of the system message, the same for every idea (cached)
        legend = user[cut + 2 :].split("\n", 1)[0]
        system = f"{messages[0]['content']}\n\n{legend}\n{local_shape(output)}"
        return [{"role": "system", "content": system}, {**messages[1], "content": user[:cut]}, *messages[2:]]
    return [messages[0], {**messages[1], "content": user[:cut]}, *messages[2:]]


# -- the schema ----------------------------------------------------------------------------------
def local_schema(output: type[BaseModel], request: StageRequest | None = None) -> dict[str, Any]:
    """The stage's JSON schema for grammar-constrained decoding by a small model (see the module)."""
    schema = copy.deepcopy(_lean(output))
    stage = _BY_OUTPUT.get(output)
    done = request.done if request is not None else {}
    try:
        if stage == "value" and request is not None:
            schema["properties"]["language"] = {"enum": _languages(request)}
        elif stage == "data" and done and done.get("value", {}).get("category") in _RECORDS:
            schema["properties"]["entities"]["minItems"] = 1
        elif stage == "screens" and done:
            _screens_names(schema, DataOut.model_validate(done.get("data", {})))
        elif stage == "logic" and done:
            _logic_names(schema, ScreensOut.model_validate(done["screens"]))
        elif stage == "key_paths" and done:
            data = DataOut.model_validate(done.get("data", {}))
            _key_path_names(schema, ScreensOut.model_validate(done["screens"]), data)
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
            limit = _LIMITS.get((name, key))
            if limit is not None:
                _array(sub)["maxItems"] = min(limit, _array(sub).get("maxItems", limit))
            _cap_strings(sub, _LONG.get((name, key), _TEXT))
    schema["required"] = list(schema.get("properties", {}))  # every key of the stage: no empty {} reply
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


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def _variant(
    base: dict[str, Any],
    fixed: dict[str, Any],
    *,
    optional: dict[str, Any] | None = None,
    drop: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A copy of an object schema with properties replaced (``fixed`` ones required), some removed;
    constant properties (tags, fixed names) first."""
    properties = {k: v for k, v in base["properties"].items() if k not in drop}
    properties.update(fixed)
    properties.update(optional or {})
    head = [k for k, v in properties.items() if "const" in v]
    properties = {k: properties[k] for k in [*head, *(k for k in properties if k not in head)]}
    required = set(base.get("required", [])) | set(fixed)
    return {**base, "properties": properties, "required": [k for k in properties if k in required]}


def _split_field(field: dict[str, Any]) -> dict[str, Any]:
    """Choice fields with options, every other type without (the spec's rule, as alternatives)."""
    kinds: list[str] = field["properties"]["type"]["enum"]
    choice = [k for k in kinds if k in ("choice", "multi_choice")]
    options = {**field["properties"]["options"], "minItems": 1}
    return {
        "anyOf": [
            _variant(field, {"type": {"enum": [k for k in kinds if k not in choice]}}, drop=("options",)),
            _variant(field, {"type": {"enum": choice}, "options": options}),
        ]
    }


def _split_metric(metric: dict[str, Any]) -> dict[str, Any]:
    """sum/avg/min/max/latest name a field; count and streak may."""
    field = {"type": "string", "pattern": metric["properties"]["entity"]["pattern"]}
    return {
        "anyOf": [
            _variant(metric, {"agg": {"enum": ["sum", "avg", "min", "max", "latest"]}, "field": field}),
            _variant(metric, {"agg": {"enum": ["count", "streak"]}}),
        ]
    }


# -- names from earlier stages -------------------------------------------------------------------
def _names(entity: Entity, types: tuple[str, ...]) -> list[str]:
    return [f.name for f in entity.fields if f.type in types]


def _set_components(schema: dict[str, Any], kinds: dict[str, dict[str, Any] | None]) -> None:
    """Replaces component definitions (None: the kind cannot be used in this app)."""
    defs = schema["$defs"]
    union: list[dict[str, Any]] = defs["Screen"]["properties"]["components"]["items"]["anyOf"]
    for name, node in kinds.items():
        ref = {"$ref": f"#/$defs/{name}"}
        if node is None:
            union[:] = [option for option in union if option != ref]
            defs.pop(name, None)
        else:
            defs[name] = node


def _screens_names(schema: dict[str, Any], data: DataOut) -> None:
    """Components that show records name a real entity, its fields of the right type, a real metric."""
    defs = schema["$defs"]
    form, table, chart, filt, csv = (defs[n] for n in ("FormComponent", "TableComponent", "ChartComponent",
                                                        "FilterComponent", "CsvComponent"))  # fmt: skip
    variants: dict[str, list[dict[str, Any]]] = {n: [] for n in ("form", "table", "chart", "filter", "csv")}
    for entity in data.entities:
        name = {"const": entity.name}
        fields = {"type": "array", "items": {"enum": [f.name for f in entity.fields]}, "maxItems": len(entity.fields)}
        variants["form"].append(_variant(form, {"entity": name}, optional={"fields": fields}))
        variants["table"].append(_variant(table, {"entity": name}, optional={"columns": fields}))
        variants["csv"].append(_variant(csv, {"entity": name}))
        dates, categories, numbers = _names(entity, ("date",)), _names(entity, _CATEGORY), _names(entity, _NUMERIC)
        groups: list[dict[str, Any]] = []
        if dates:
            groups.append({"group_by": {"enum": ["day", "week", "month"]}, "x": {"enum": dates}})
        if categories:
            groups.append({"group_by": {"const": "category"}, "x": {"enum": categories}})
        measures: list[dict[str, Any]] = [{"agg": {"const": "count"}}]
        if numbers:
            measures.insert(0, {"y": {"enum": numbers}, "agg": {"enum": ["sum", "avg", "max", "min", "count"]}})
        for group in groups:
            for measure in measures:
                drop = () if "y" in measure else ("y",)
                variants["chart"].append(_variant(chart, {"entity": name, **group, **measure}, drop=drop))
        nullable = {"date_field": dates, "category_field": categories}
        fixed: dict[str, Any] = {"entity": name}
        optional = {
            key: {"anyOf": [{"enum": options}, {"type": "null"}]} for key, options in nullable.items() if options
        }
        drop_keys = tuple(key for key, options in nullable.items() if not options)
        first = next((key for key, options in nullable.items() if options), None)
        if first is None:  # a filter needs something to filter by
            fixed["search"] = {"const": True}
        else:
            fixed[first] = {"enum": nullable[first]}
            optional.pop(first)
        variants["filter"].append(_variant(filt, fixed, optional=optional, drop=drop_keys))
    kinds: dict[str, dict[str, Any] | None] = {
        f"{kind.capitalize()}Component": ({"anyOf": options} if options else None) for kind, options in variants.items()
    }
    metric = defs["MetricComponent"]
    metrics = [m.name for m in data.metrics]
    kinds["MetricComponent"] = _variant(metric, {"metric": {"enum": metrics}}) if metrics else None
    _set_components(schema, kinds)
    if data.entities:  # an app that keeps records opens on a form to add one and a table to see them
        first = copy.deepcopy(defs["Screen"])
        components = first["properties"]["components"]
        components["prefixItems"] = [{"$ref": "#/$defs/FormComponent"}, {"$ref": "#/$defs/TableComponent"}]
        components["minItems"] = 2
        defs["FirstScreen"] = first
        schema["properties"]["screens"]["prefixItems"] = [{"$ref": "#/$defs/FirstScreen"}]


def _calculators(screens: ScreensOut) -> list[Component]:
    return [c for s in screens.screens for c in s.components if c.kind == "calculator"]


def _arg_schema(kind: str, options: list[str]) -> dict[str, Any]:
    if kind == "number":
        return {"type": "number"}
    if kind == "int":
        return {"type": "integer"}
    if kind == "bool":
        return {"type": "boolean"}
    if kind == "choice" and options:
        return {"enum": options}
    return {"type": "string", "maxLength": 80}


def _logic_names(schema: dict[str, Any], screens: ScreensOut) -> None:
    """One function per calculator result, in order, taking that calculator's inputs by name."""
    functions: dict[str, dict[str, Any]] = {}
    base = schema["$defs"]["LogicFunction"]
    for calculator in _calculators(screens):
        inputs = calculator.inputs  # type: ignore[union-attr]
        params = [_obj({"name": {"const": i.name}, "type": {"const": _PARAM_TYPES[i.type]}}) for i in inputs]
        args = _obj({i.name: _arg_schema(i.type, list(i.options)) for i in inputs})
        example = _obj({"args": args, "expected": _SCALAR})
        for result in calculator.results:  # type: ignore[union-attr]
            functions.setdefault(
                result.function,
                _variant(
                    base,
                    {
                        "name": {"const": result.function},
                        "params": {"type": "array", "prefixItems": params, "minItems": len(params),
                                   "maxItems": len(params)},
                        "examples": {"type": "array", "items": example, "minItems": 1, "maxItems": 3},
                    },
                ),
            )  # fmt: skip
    chosen = list(functions.values())[: _LIMITS[("LogicOut", "logic")]]
    logic: dict[str, Any] = {"type": "array", "maxItems": 0}
    if chosen:
        logic = {"type": "array", "prefixItems": chosen, "minItems": len(chosen), "maxItems": len(chosen)}
    schema["properties"]["logic"] = logic
    schema["required"] = ["logic"]


def _field_value(entity: Entity | None, name: str) -> dict[str, Any]:
    field = entity.field(name) if entity else None
    if field is None:
        return _SCALAR
    if field.type in ("int", "rating"):
        low = field.min if field.min is not None else (1 if field.type == "rating" else None)
        high = field.max if field.max is not None else (5 if field.type == "rating" else None)
        bounds = {k: v for k, v in (("minimum", low), ("maximum", high)) if v is not None}
        return {"type": "integer", **bounds}
    if field.type == "float":
        return {"type": "number"}
    if field.type == "date":
        return _DATE
    if field.type == "choice":
        return {"enum": list(field.options)}
    if field.type == "multi_choice":
        return {"type": "array", "items": {"enum": list(field.options)}, "minItems": 1, "maxItems": len(field.options)}
    return {"type": "string", "minLength": 1, "maxLength": 80}


def _set_values(component: Component, entities: dict[str, Entity]) -> dict[str, dict[str, Any]]:
    """What a "set" step may put in each of a component's widgets."""
    c: Any = component
    key = component.key
    text = {"type": "string", "minLength": 1, "maxLength": 80}
    number = {"type": "number"}
    if c.kind == "form":
        entity = entities.get(c.entity)
        names = c.shown_fields(entity) if entity else []
        return {key(n): _field_value(entity, n) for n in names}
    if c.kind == "table":
        entity = entities.get(c.entity)
        values = {key("row"): {"type": "integer", "minimum": 1, "maximum": 50}}
        for f in entity.fields if entity else []:
            values[key(f"edit_{f.name}")] = _field_value(entity, f.name)
        return values
    if c.kind == "filter":
        entity = entities.get(c.entity)
        category = entity.field(c.category_field) if entity and c.category_field else None
        options = list(category.options) if category is not None and category.options else []
        item = {"enum": options} if options else text
        return {key("category"): {"type": "array", "items": item, "maxItems": 4}, key("period"): {"enum": _PERIODS},
                key("search"): text}  # fmt: skip
    if c.kind == "calculator":
        return {key(i.name): _arg_schema(i.type, list(i.options)) for i in c.inputs}
    if c.kind == "converter":
        units = {"enum": [u.name for u in c.units]}
        return {key("value"): number, key("from"): units, key("to"): units}
    if c.kind == "timer":
        return {key(n): {"type": "number", "exclusiveMinimum": 0} for n in ("minutes", "work", "break")}
    if c.kind == "quiz":
        return {key(f"q{i}"): {"enum": list(q.choices)} for i, q in enumerate(c.questions)}
    if c.kind == "game":
        return {key("guess"): {"type": "integer"}, key("player"): text, key("score"): {"type": "integer"}}
    return {key("new"): text, key("items"): {"type": "string", "maxLength": 300}}


def _key_path_names(schema: dict[str, Any], screens: ScreensOut, data: DataOut) -> None:
    """Steps drive real widgets with fitting values; expectations name real outputs."""
    from generator.spec.app import _ACTIONS_FOR

    entities = {e.name: e for e in data.entities}
    components = [c for s in screens.screens for c in s.components]
    widgets = {k: kind for c in components for k, kind in c.widgets(entities).items()}
    outputs = sorted(f"{c.id}.{name}" for c in components for name in c.outputs())
    if not outputs:
        return
    values = {k: v for c in components for k, v in _set_values(c, entities).items()}
    steps: list[dict[str, Any]] = []
    for key, kind in widgets.items():
        if kind in _ACTIONS_FOR["set"]:
            steps.append(_obj({"action": {"const": "set"}, "key": {"const": key}, "value": values.get(key, _SCALAR)}))
    clicks = [k for k, kind in widgets.items() if kind in _ACTIONS_FOR["click"]]
    if clicks:
        steps.append(_obj({"action": {"const": "click"}, "key": {"enum": clicks}}))
    checks = [k for k, kind in widgets.items() if kind in _ACTIONS_FOR["check"]]
    if checks:
        steps.append(_obj({"action": {"enum": ["check", "uncheck"]}, "key": {"enum": checks}}))
    defs = schema["$defs"]
    path = defs["KeyPath"]
    if steps:  # a path walks: at least one step
        defs["Step"] = {"anyOf": steps}
        path["properties"]["steps"]["minItems"] = 1
        path["required"] = [k for k in path["properties"] if k in {*path["required"], "steps"}]
    else:
        defs["Step"] = {"type": "object", "maxProperties": 0}
        path["properties"]["steps"]["maxItems"] = 0
    ops = defs["Expect"]["properties"]["op"]
    functions = {r.function for c in _calculators(screens) for r in c.results}  # type: ignore[union-attr]
    defs["Expect"] = {"anyOf": [_obj({"output": {"const": o}, "op": ops, "value": _output_value(o, functions)})
                                for o in outputs]}  # fmt: skip
    form = next((c for c in screens.screens[0].components if c.kind == "form"), None)
    if form is not None and form.entity in entities:
        path["properties"]["steps"] = _adds_one_record(form, entities[form.entity], values)
        path["properties"]["expect"] = {"type": "array", "prefixItems": [_obj({
            "output": {"const": f"{form.id}.saved"}, "op": {"const": "eq"}, "value": {"const": 1}})],
            "minItems": 1, "maxItems": 1}  # fmt: skip
        schema["properties"]["key_paths"]["maxItems"] = 1


def _adds_one_record(form: Any, entity: Entity, values: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """The steps of an app that keeps records: fill in the first form (values of the field's type)
    and submit it once, so that one record is saved: what a 0.5B model can be relied on to check."""
    steps = [
        _obj({"action": {"const": "set"}, "key": {"const": form.key(name)}, "value": values[form.key(name)]})
        for name in form.shown_fields(entity)
        if (field := entity.field(name)) is not None and field.type != "bool"
    ]
    steps.append(_obj({"action": {"const": "click"}, "key": {"const": form.key("submit")}}))
    return {"type": "array", "prefixItems": steps, "minItems": len(steps), "maxItems": len(steps)}


_COUNTS = {"saved", "rows", "points", "total", "score", "answered", "known", "unknown", "remaining", "index", "laps",
           "cycles", "history", "plays", "moves", "attempts", "left", "done", "best", "elapsed"}  # fmt: skip
_TEXTS = {"state", "phase", "status", "hint", "side", "board", "error"}


def _output_value(output: str, functions: set[str]) -> dict[str, Any]:
    """What an output's value can be, from its name (``form.saved`` counts, ``timer.state`` is a word);
    null always (``truthy`` takes none)."""
    name = output.split(".", 1)[1]
    null = {"type": "null"}
    if name in _COUNTS:
        return {"anyOf": [{"type": "integer", "minimum": 0}, null]}
    if name in ("value", "progress", "result", "picked") or name in functions:
        items = {"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 80}]}
        return {"anyOf": [*items["anyOf"], {"type": "array", "items": items, "maxItems": 8}, null]}
    if name in _TEXTS:
        words = {"type": "string", "maxLength": 80}
        return {"anyOf": [words, {"type": "array", "items": words, "maxItems": 6}, null]}
    if name in ("finished", "passed"):
        return {"anyOf": [{"type": "boolean"}, null]}
    return _SCALAR


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
        numbers = [n for n, t in types.items() if t in _NUMERIC]
        dates = [n for n, t in types.items() if t == "date"]
        agg = metric.get("agg", "sum")
        if agg in ("sum", "avg", "min", "max") and types.get(str(metric.get("field"))) not in _NUMERIC:
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
