"""Names fixed by earlier stages, as enums in the local provider's grammar (``local_schema``).

The entities, fields and metrics a screen's components use, the functions and parameters the
logic writes, the widget keys, their values and the outputs a key path uses; and the schema
pieces (``_obj``, ``variant``, list lengths, value shapes) the lean schema shares.
"""

from __future__ import annotations

import copy
from typing import Any

from flashapps.spec.components import Component
from flashapps.spec.data import Entity
from generator.stages import DataOut, ScreensOut

LIMITS: dict[tuple[str, str], int] = {
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

_DATE = {"type": "string", "pattern": r"^20[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])$"}
"""An ISO date that exists in every month."""
_SCALAR = {"anyOf": [{"type": "number"}, {"type": "string", "maxLength": 80}, {"type": "boolean"}, {"type": "null"}]}
NUMERIC = ("int", "float", "rating")
_CATEGORY = ("choice", "text", "rating", "bool")
_PERIODS = ["all", "today", "last7", "week", "last30", "month"]
_PARAM_TYPES = {"number": "float", "int": "int", "text": "str", "choice": "str", "bool": "bool"}


def _obj(properties: dict[str, Any], required: list[str] | None = None) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties) if required is None else required,
        "additionalProperties": False,
    }


def variant(
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


# -- names from earlier stages -------------------------------------------------------------------
def _names(entity: Entity, types: tuple[str, ...]) -> list[str]:
    return [f.name for f in entity.fields if f.type in types]


def drop_components(schema: dict[str, Any], names: tuple[str, ...]) -> None:
    """Leaves the component kinds ``names`` (definition names) out of a screens schema."""
    _set_components(schema, dict.fromkeys(names))


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


def screens_names(schema: dict[str, Any], data: DataOut) -> None:
    """Components that show records name a real entity, its fields of the right type, a real metric."""
    defs = schema["$defs"]
    form, table, chart, filt, csv = (defs[n] for n in ("FormComponent", "TableComponent", "ChartComponent",
                                                        "FilterComponent", "CsvComponent"))  # fmt: skip
    variants: dict[str, list[dict[str, Any]]] = {n: [] for n in ("form", "table", "chart", "filter", "csv")}
    for entity in data.entities:
        name = {"const": entity.name}
        fields = {"type": "array", "items": {"enum": [f.name for f in entity.fields]}, "maxItems": len(entity.fields)}
        variants["form"].append(variant(form, {"entity": name}, optional={"fields": fields}))
        variants["table"].append(variant(table, {"entity": name}, optional={"columns": fields}))
        variants["csv"].append(variant(csv, {"entity": name}))
        dates, categories, numbers = _names(entity, ("date",)), _names(entity, _CATEGORY), _names(entity, NUMERIC)
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
                variants["chart"].append(variant(chart, {"entity": name, **group, **measure}, drop=drop))
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
        variants["filter"].append(variant(filt, fixed, optional=optional, drop=drop_keys))
    kinds: dict[str, dict[str, Any] | None] = {
        f"{kind.capitalize()}Component": ({"anyOf": options} if options else None) for kind, options in variants.items()
    }
    metric = defs["MetricComponent"]
    metrics = [m.name for m in data.metrics]
    kinds["MetricComponent"] = variant(metric, {"metric": {"enum": metrics}}) if metrics else None
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


def logic_names(schema: dict[str, Any], screens: ScreensOut) -> None:
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
                variant(
                    base,
                    {
                        "name": {"const": result.function},
                        "params": {"type": "array", "prefixItems": params, "minItems": len(params),
                                   "maxItems": len(params)},
                        "examples": {"type": "array", "items": example, "minItems": 1, "maxItems": 3},
                    },
                ),
            )  # fmt: skip
    chosen = list(functions.values())[: LIMITS[("LogicOut", "logic")]]
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


def key_path_names(schema: dict[str, Any], screens: ScreensOut, data: DataOut) -> None:
    """Steps drive real widgets with fitting values; expectations name real outputs."""
    from flashapps.spec.app import ACTIONS_FOR

    entities = {e.name: e for e in data.entities}
    components = [c for s in screens.screens for c in s.components]
    widgets = {k: kind for c in components for k, kind in c.widgets(entities).items()}
    outputs = sorted(f"{c.id}.{name}" for c in components for name in c.outputs())
    if not outputs:
        return
    values = {k: v for c in components for k, v in _set_values(c, entities).items()}
    steps: list[dict[str, Any]] = []
    for key, kind in widgets.items():
        if kind in ACTIONS_FOR["set"]:
            steps.append(_obj({"action": {"const": "set"}, "key": {"const": key}, "value": values.get(key, _SCALAR)}))
    clicks = [k for k, kind in widgets.items() if kind in ACTIONS_FOR["click"]]
    if clicks:
        steps.append(_obj({"action": {"const": "click"}, "key": {"enum": clicks}}))
    checks = [k for k, kind in widgets.items() if kind in ACTIONS_FOR["check"]]
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
_TEXTS = {"state", "phase", "status", "hint", "side", "board", "error", "player"}


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
