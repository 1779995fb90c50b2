"""Logic written by a model or the planner, laid out as ruff format would at its default line length,
in a way the sandbox's longer lines keep (templates need none of this)."""

from __future__ import annotations

import ast
import difflib
import subprocess
import sys
from pathlib import Path

from flashapps.pyparse import parse
from generator.pysource import LINE_LENGTH, WIDTH

__all__ = ["format_logic"]


def _ruff_format(source: str, line_length: int) -> str | None:
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        return None
    args = [str(ruff), "format", "--isolated", "--line-length", str(line_length), "--target-version", "py311", "-"]
    done = subprocess.run(args, input=source, capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else None


def format_logic(source: str) -> str:
    """Logic bodies may come from a model: lay them out as ruff format does at its default line
    length, in a way the sandbox's longer lines keep (templates need none of this): a trailing
    comma in every bracket split over lines, else ``# fmt: skip`` on a statement they would join."""
    formatted = _ruff_format(source, WIDTH)
    if formatted is None:
        return source  # no ruff here, or unparsable: the sandbox reports it
    if _ruff_format(formatted, LINE_LENGTH) == formatted:
        return formatted
    formatted = _ruff_format(_magic_commas(formatted), WIDTH) or formatted
    if _ruff_format(formatted, LINE_LENGTH) == formatted:
        return formatted
    skipped = _skip_unstable(formatted)
    stable = _ruff_format(skipped, WIDTH) == skipped == _ruff_format(skipped, LINE_LENGTH)
    return skipped if stable else formatted


def _skip_unstable(source: str) -> str:
    """``# fmt: skip`` after each statement (or compound statement's header) that ruff lays out
    differently at the sandbox's line length."""
    wide = (_ruff_format(source, LINE_LENGTH) or source).split("\n")
    lines = source.split("\n")
    changed = set()
    for tag, first, last, _, _ in difflib.SequenceMatcher(a=lines, b=wide, autojunk=False).get_opcodes():
        if tag != "equal":
            changed |= set(range(first + 1, max(last, first + 1) + 1))
    spans = []
    for node in ast.walk(parse(source)):
        if isinstance(node, ast.stmt) and not isinstance(node, ast.FunctionDef | ast.ClassDef):
            body = getattr(node, "body", None)
            end = body[0].lineno - 1 if isinstance(body, list) and body else node.end_lineno or node.lineno
            spans.append((node.lineno, end))
    ends = set()
    for line in changed:
        around = [span for span in spans if span[0] <= line <= span[1]]
        if around:
            ends.add(min(around, key=lambda span: span[1] - span[0])[1])
    for end in ends:
        if "#" not in lines[end - 1]:
            lines[end - 1] += "  # fmt: skip"
    return "\n".join(lines)


def _magic_commas(source: str) -> str:
    """A trailing comma after the last item of every call, list, dict or set split over lines."""
    tree = parse(source)
    lines = source.split("\n")
    spots = []
    for node in ast.walk(tree):
        items: list[ast.expr | ast.keyword] = []
        if isinstance(node, ast.Call) and not (len(node.args) == 1 and isinstance(node.args[0], ast.GeneratorExp)):
            items = [*node.args, *node.keywords]
        elif isinstance(node, ast.List | ast.Set):
            items = list(node.elts)
        elif isinstance(node, ast.Dict):
            items = [v for v in node.values if v is not None]
        if items and isinstance(node, ast.expr) and node.lineno != node.end_lineno:
            last = max(items, key=lambda item: (item.end_lineno or 0, item.end_col_offset or 0))
            spots.append((last.end_lineno or 0, last.end_col_offset or 0, node.end_lineno or 0))
    for row, column, closing in sorted(spots, reverse=True):
        text = lines[row - 1]
        if row != closing and not text[column:].lstrip().startswith(","):
            lines[row - 1] = text[:column] + "," + text[column:]
    changed = "\n".join(lines)
    try:
        same = ast.dump(parse(changed)) == ast.dump(tree)
    except SyntaxError:
        same = False
    return changed if same else source
