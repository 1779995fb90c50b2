"""A stage's pydantic schema in the two forms a model is given it.

``strict_schema``: for ``response_format: json_schema`` — every object closed and fully
required, keywords strict mode rejects removed, ``oneOf`` as ``anyOf``, ``const`` as ``enum``.
``shape``: a compact type notation for the prompt (a fraction of the JSON Schema's tokens),
e.g. ``Screen = {name: ident, title: text(1-80), icon?: text(≤8), components: [...](1-12)}``
(``ident``: lower_snake_case name; ``color``: ``#rrggbb``; ``scalar``: string, number, bool or null).
The reply is always validated against the pydantic model itself, so neither form needs to
carry every constraint.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

__all__ = ["schema_shape", "shape", "strict_schema"]

_DROP = {"title", "default", "discriminator", "minLength", "maxLength", "examples"}
_IDENT = "^[a-z][a-z0-9_]{0,31}$"
_COLOR = "^#[0-9a-fA-F]{6}$"


def strict_schema(model: type[BaseModel]) -> tuple[dict[str, Any], bool]:
    """The schema for ``response_format``, and whether it can be ``strict`` (no open-ended maps)."""
    return _strict_cached(model)


@lru_cache(maxsize=32)
def _strict_cached(model: type[BaseModel]) -> tuple[dict[str, Any], bool]:
    open_maps: list[bool] = []
    schema = _strictify(model.model_json_schema(), open_maps)
    return schema, not open_maps


def _strictify(node: Any, open_maps: list[bool]) -> Any:
    if isinstance(node, list):
        return [_strictify(item, open_maps) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:  # strict mode takes no keywords beside $ref
        return {"$ref": node["$ref"]}
    if node.get("x-pairs") and node.get("patternProperties"):  # a map the model accepts as {key, value} pairs
        (value,) = node["patternProperties"].values()
        pair = {"type": "object", "properties": {"key": {"type": "string"}, "value": value}}
        return {"type": "array", "description": node.get("description", ""), "items": _strictify(pair, open_maps)}
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key in _DROP:
            continue
        if key == "const":
            out["enum"] = [value]
        elif key == "oneOf":
            out["anyOf"] = _strictify(value, open_maps)
        elif key in ("properties", "$defs"):
            out[key] = {name: _strictify(sub, open_maps) for name, sub in value.items()}
        else:
            out[key] = _strictify(value, open_maps)
    if out.get("type") == "object":
        if "properties" in out:
            out["required"] = list(out["properties"])
            out["additionalProperties"] = False
        else:
            open_maps.append(True)
    return out


def shape(model: type[BaseModel]) -> str:
    """The compact notation of ``model``: the root line first, then each type it uses."""
    return _shape_cached(model)


@lru_cache(maxsize=32)
def _shape_cached(model: type[BaseModel]) -> str:
    return schema_shape(model.__name__, model.model_json_schema())


def schema_shape(name: str, schema: dict[str, Any]) -> str:
    """A JSON schema written as short type lines, one per definition it uses."""
    defs: dict[str, Any] = schema.get("$defs", {})
    lines: dict[str, str] = {}
    pending = [(name, schema)]
    while pending:
        name, node = pending.pop(0)
        if name in lines:
            continue
        used: list[str] = []
        lines[name] = f"{name} = {_type(node, used)}"
        pending += [(ref, defs[ref]) for ref in used if ref not in lines and ref in defs]
    return "\n".join(lines.values())


def _type(node: dict[str, Any], used: list[str]) -> str:
    if "$ref" in node:
        ref = node["$ref"].rsplit("/", 1)[-1]
        used.append(ref)
        return ref
    for key in ("anyOf", "oneOf"):
        if key in node:
            options = list(dict.fromkeys(_type(option, used) for option in node[key]))
            return _simplify(options)
    if "const" in node:
        return json.dumps(node["const"], ensure_ascii=False)
    if "enum" in node:
        return "|".join(json.dumps(v, ensure_ascii=False) for v in node["enum"])
    kind = node.get("type")
    if kind == "object":
        if "properties" not in node:
            extra = node.get("additionalProperties")
            return "{str: " + (_type(extra, used) if isinstance(extra, dict) else "any") + "}"
        required = set(node.get("required", []))
        fields = []
        properties: dict[str, Any] = node["properties"]
        tags = [key for key, sub in properties.items() if "const" in sub]  # discriminators: always given, first
        for key in [*tags, *(k for k in properties if k not in tags)]:
            sub = properties[key]
            text = f"{key}: {_type(sub, used)}" if key in required or key in tags else f"{key}?: {_type(sub, used)}"
            if sub.get("description") and len(sub["description"]) <= 90:
                text += f" /* {sub['description']} */"
            fields.append(text)
        return "{" + ", ".join(fields) + "}"
    if kind == "array":
        return f"[{_type(node.get('items', {}), used)}]" + _bounds(node, "minItems", "maxItems")
    if kind == "string":
        pattern = node.get("pattern")
        if pattern == _IDENT:
            return "ident"
        if pattern == _COLOR:
            return "color"
        if pattern:
            return f"str /{pattern}/"
        return "text" + _bounds(node, "minLength", "maxLength")
    if kind in ("integer", "number"):
        low = node.get("minimum", node.get("exclusiveMinimum"))
        high = node.get("maximum", node.get("exclusiveMaximum"))
        name = "int" if kind == "integer" else "number"
        if "exclusiveMinimum" in node and high is None:
            return f"{name} >{_num(low)}"
        return name + (f" {_num(low)}..{_num(high)}" if low is not None and high is not None else "")
    if kind == "boolean":
        return "bool"
    if kind == "null":
        return "null"
    return "any"


def _bounds(node: dict[str, Any], low_key: str, high_key: str) -> str:
    low, high = node.get(low_key), node.get(high_key)
    if high is None:
        return f"(≥{low})" if low else ""
    return f"({low}-{high})" if low else f"(≤{high})"


def _num(value: Any) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


_SCALARS = {"text", "int", "number", "bool", "null"}


def _simplify(options: list[str]) -> str:
    """Unions of JSON scalars, and of lists and maps of them, in a few words."""
    plain = [o.split("(")[0] for o in options]
    if {"text", "int", "number", "bool"} <= set(plain):
        rest = [o for o, p in zip(options, plain, strict=True) if p not in _SCALARS]
        nested = {
            "[" + _simplify([x.strip() for x in r[1:-1].split("|")]) + "]" if r.startswith("[") else r for r in rest
        }
        return " | ".join(["scalar", *sorted(nested)])
    return " | ".join(options)
