"""Spec data as Python source: literals laid out the way ``ruff format`` lays them out.

Model text reaches Python source only through these functions, so quoting and escaping
live in one place, and a rendered bundle passes ``ruff format --check`` as rendered.
"""

from __future__ import annotations

import json
import math
import unicodedata

__all__ = ["LINE_LENGTH", "py_assign", "py_literal", "py_string", "width"]

LINE_LENGTH = 120
"""The line length of rendered bundles (and of the ruff settings that check them)."""


def py_string(text: str) -> str:
    """A Python string literal for ``text``, quoted as the formatter prefers."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    # json escapes exactly what a double-quoted Python literal needs, except it keeps
    # characters Python would also accept raw; line/paragraph separators are escaped for safety.
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if text.count('"') > text.count("'"):
        return "'" + body.replace('\\"', '"').replace("'", "\\'") + "'"
    return f'"{body}"'


def width(text: str) -> int:
    """Columns ``text`` takes, counting wide (CJK, emoji) characters twice, as the formatter does."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _scalar(value: object) -> str:
    if value is None or isinstance(value, bool):
        return repr(value)
    if isinstance(value, int):
        return repr(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"cannot write {value!r} into Python source")
        return repr(value)
    if isinstance(value, str):
        return py_string(value)
    raise TypeError(f"cannot write a {type(value).__name__} into Python source")


def _flat(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_scalar(k)}: {_flat(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flat(v) for v in value) + "]"
    return _scalar(value)


def py_literal(value: object, indent: int = 0, prefix: int = 0, suffix: int = 0) -> str:
    """``value`` (JSON-like data) as a Python literal starting ``prefix`` columns into a line
    indented by ``indent`` spaces, followed by ``suffix`` characters on its last line."""
    flat = _flat(value)
    if indent + prefix + width(flat) + suffix <= LINE_LENGTH or not isinstance(value, dict | list | tuple):
        return flat
    if not value:
        return flat
    inner = indent + 4
    pad = " " * inner
    # One element is split around the brackets only; several get a line each and a trailing comma.
    comma = "," if len(value) > 1 else ""
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{_scalar(key)}: "
            lines.append(pad + head + py_literal(item, inner, width(head), len(comma)) + comma)
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    for item in value:
        lines.append(pad + py_literal(item, inner, 0, len(comma)) + comma)
    return "[\n" + "\n".join(lines) + "\n" + " " * indent + "]"


def py_assign(name: str, value: object, indent: int = 0) -> str:
    """``name = value`` as the formatter writes it (a long scalar goes in parentheses when that fits)."""
    head = f"{name} = "
    source = py_literal(value, indent, width(head))
    too_long = "\n" not in source and indent + width(head + source) > LINE_LENGTH
    if too_long and indent + 4 + width(source) <= LINE_LENGTH:
        return f"{head}(\n{' ' * (indent + 4)}{source}\n{' ' * indent})"
    return head + source
