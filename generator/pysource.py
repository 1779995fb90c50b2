"""Spec data as Python source, laid out the way ``ruff format`` lays it out.

Model text reaches Python source only through these functions, so quoting and escaping
live in one place. Rendered code is laid out for ``WIDTH`` (ruff's default line length), and
every bracket split over several lines ends with a trailing comma: ruff keeps such a bracket
split at any line length, so a bundle passes ``ruff format --check`` both with ruff's defaults
and with the sandbox's longer lines.
"""

from __future__ import annotations

import ast
import json
import math
import unicodedata
from dataclasses import dataclass

from flashapps.pyparse import parse

__all__ = [
    "LINE_LENGTH",
    "WIDTH",
    "Call",
    "Code",
    "Keyword",
    "global_names",
    "prune",
    "py_flat",
    "py_literal",
    "py_split",
    "py_string",
    "width",
]

WIDTH = 88
"""The line length rendered bundles are laid out for: ruff's default."""

LINE_LENGTH = 120
"""The sandbox's line length (sandbox/ruff.py): a rendered bundle passes ruff at both."""


class Code(str):
    """Python source written as it is (a name, an attribute), never quoted."""

    __slots__ = ()


@dataclass(frozen=True)
class Keyword:
    """A keyword argument of a ``Call``."""

    name: str
    value: object


@dataclass(frozen=True)
class Call:
    """A call of ``function`` (source, e.g. ``"at.button"``) with these arguments."""

    function: str
    args: tuple[object, ...] = ()


def py_string(text: str) -> str:
    """A Python string literal for ``text``, quoted as the formatter prefers."""
    body = json.dumps(text, ensure_ascii=False)[1:-1]
    # json escapes exactly what a double-quoted Python literal needs, except it keeps
    # characters Python would also accept raw; line/paragraph separators are escaped for safety.
    body = body.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    if text.count('"') > text.count("'"):
        return "'" + body.replace('\\"', '"').replace("'", "\\'") + "'"
    return f'"{body}"'


def _columns(ch: str) -> int:
    if unicodedata.east_asian_width(ch) in "WF":
        return 2
    category = unicodedata.category(ch)
    if category in ("Mn", "Me") or (category == "Cf" and not "\u0600" <= ch <= "\u0605"):
        return 0
    return 0 if "\u1160" <= ch <= "\u11ff" else 1


def width(text: str) -> int:
    """Columns ``text`` takes as the formatter counts them: wide (CJK, emoji) characters twice,
    combining marks, joiners and variation selectors not at all."""
    return sum(_columns(ch) for ch in text)


def _scalar(value: object) -> str:
    if isinstance(value, Code):
        return str(value)
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
    if isinstance(value, Call):
        return value.function + "(" + ", ".join(_flat(a) for a in value.args) + ")"
    if isinstance(value, Keyword):
        return f"{value.name}={_flat(value.value)}"
    return _scalar(value)


def py_flat(value: object) -> str:
    """``value`` (JSON-like data, ``Call``s and ``Code``) as Python source on one line."""
    return _flat(value)


def py_literal(value: object, indent: int = 0, prefix: int = 0, suffix: int = 0, line: int = LINE_LENGTH) -> str:
    """``value`` (JSON-like data, ``Call``s and ``Code``) as Python source starting ``prefix``
    columns into a line indented by ``indent`` spaces and followed by ``suffix`` characters on
    its last line, split over lines where it does not fit in ``line`` columns."""
    flat = _flat(value)
    if indent + prefix + width(flat) + suffix <= line:
        return flat
    if isinstance(value, Keyword):
        head = f"{value.name}="
        return head + py_literal(value.value, indent, prefix + len(head), suffix, line)
    return py_split(value, indent, line)


def py_split(value: object, indent: int = 0, line: int = WIDTH) -> str:
    """``value`` split after its opening bracket, one item a line, each with a trailing comma
    (the items themselves split only where they do not fit in ``line`` columns)."""
    if not isinstance(value, dict | list | tuple | Call) or not (value.args if isinstance(value, Call) else value):
        return _flat(value)
    inner = indent + 4
    pad = " " * inner
    lines = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{_scalar(key)}: "
            lines.append(pad + head + py_literal(item, inner, width(head), 1, line) + ",")
        return "{\n" + "\n".join(lines) + "\n" + " " * indent + "}"
    items = value.args if isinstance(value, Call) else value
    for item in items:
        lines.append(pad + py_literal(item, inner, 0, 1, line) + ",")
    opening, closing = (value.function + "(", ")") if isinstance(value, Call) else ("[", "]")
    return opening + "\n" + "\n".join(lines) + "\n" + " " * indent + closing


def _chunks(tree: ast.Module) -> list[tuple[int, int, ast.stmt, list[ast.stmt]]]:
    """Top-level statements as (first line, last line, statement, its nodes): decorators go
    with their definition, an attribute docstring right below with its assignment."""
    body, chunks, i = tree.body, [], 0
    while i < len(body):
        node, nodes = body[i], [body[i]]
        start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
        end = node.end_lineno or node.lineno
        following = body[i + 1] if i + 1 < len(body) else None
        if (
            isinstance(node, ast.Assign | ast.AnnAssign)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            nodes.append(following)
            end = following.end_lineno or end
            i += 1
        chunks.append((start, end, node, nodes))
        i += 1
    return chunks


def _defined(node: ast.stmt) -> set[str]:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return {n.id for t in targets if t is not None for n in ast.walk(t) if isinstance(n, ast.Name)}


def _local(function: ast.AST) -> set[str]:
    """Names a function binds itself: its parameters (and its lambdas'), what it assigns."""
    names = {a.arg for a in ast.walk(function) if isinstance(a, ast.arg)}
    names |= {n.id for n in ast.walk(function) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    names |= {n.name for n in ast.walk(function) if isinstance(n, ast.FunctionDef) and n is not function}
    return names


def global_names(nodes: list[ast.stmt]) -> set[str]:
    """Module-level names these statements read (a function's own parameters and locals aside)."""
    used: set[str] = set()
    for node in nodes:
        scopes = [node] if not isinstance(node, ast.ClassDef) else node.body
        for scope in scopes:
            local = _local(scope) if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef) else set()
            used |= {n.id for n in ast.walk(scope) if isinstance(n, ast.Name) and n.id not in local}
    return used


def prune(source: str, roots: set[str]) -> str:
    """``source`` (top-level definitions only) without the definitions nothing in ``roots``
    needs, directly or through others, laid out with the blank lines ruff puts between them."""
    tree = parse(source)
    lines = source.splitlines()
    chunks = _chunks(tree)
    wanted, changed = set(roots), True
    while changed:
        changed = False
        for _, _, node, nodes in chunks:
            if _defined(node) & wanted and not global_names(nodes) <= wanted:
                wanted |= global_names(nodes)
                changed = True
    kept = [(start, end, node) for start, end, node, _ in chunks if _defined(node) & wanted]
    parts: list[str] = []
    for index, (start, end, node) in enumerate(kept):
        while start > 1 and lines[start - 2].lstrip().startswith("#"):
            start -= 1  # the comments right above a definition go with it
        if index:
            before = kept[index - 1][2]
            definitions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
            gap = 2 if isinstance(node, definitions) or isinstance(before, definitions) else 0
            parts.append("\n" * gap)
        parts.append("\n".join(lines[start - 1 : end]) + "\n")
    return "".join(parts)
