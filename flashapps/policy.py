"""The policy check: which files a bundle may hold, and what its Python may do (an AST allow-list).

Runs on the host before anything of the bundle runs. A bundle cannot weaken it: files our
templates never render (config files, a root conftest.py, .pth files…) are findings, symlinks
are findings and never followed, and every Python file is parsed, never imported.
"""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from flashapps.report import Finding

__all__ = ["ALLOWED_FILES", "check_bundle", "check_source"]

_UI = {"streamlit", "pandas", "altair", "datetime", "html", "json", "random", "time", "csv", "io", "math", "re"}
_LOCAL = {"components", "logic", "storage", "games"}
_LOGIC = {
    "math", "statistics", "re", "datetime", "random", "string", "itertools", "collections", "json",
    "functools", "decimal", "fractions",
}  # fmt: skip

ALLOWED_FILES: dict[str, set[str]] = {
    "app.py": {"streamlit"} | _LOCAL,
    "components.py": _UI,
    "games.py": set(),
    "logic.py": _LOGIC,
    "storage.py": {"datetime", "json", "os", "sqlite3", "collections", "contextlib", "pathlib"},
    "tests/__init__.py": set(),
    "tests/conftest.py": {"pathlib", "pytest", "streamlit", "tests"},
    "tests/helpers.py": {"pathlib", "pytest", "streamlit"},
    "tests/test_app.py": {"datetime", "streamlit", "tests"},
    "tests/test_logic.py": {"pytest", "logic", "tests"},
}
"""Every Python file a bundle may hold, with the top-level modules it may import."""

_PARSE_LOCK = threading.Lock()
_DATA_FILES = {"spec.json", "requirements.txt", "README.md", ".streamlit/config.toml"}
_IGNORED_DIRS = {"data", "__pycache__"}

_FORBIDDEN_CALLS = {
    "exec", "eval", "compile", "open", "__import__", "globals", "locals", "vars", "getattr", "setattr",
    "delattr", "breakpoint", "input", "memoryview", "exit", "quit", "help", "classmethod", "staticmethod",
}  # fmt: skip
_ALLOWED_DUNDER_NAMES = {"__file__", "__name__", "__doc__"}
_STREAMLIT_SUBMODULES = {"streamlit", "streamlit.testing.v1"}


def _finding(file: str, node: ast.AST | None, code: str, message: str) -> Finding:
    return Finding(tool="policy", file=file, line=getattr(node, "lineno", 0), code=code, message=message)


def check_source(source: str, file: str, allowed: set[str]) -> list[Finding]:
    """Findings for one Python file that may import the top-level modules in ``allowed``."""
    try:
        with _PARSE_LOCK:  # CPython 3.11's parser is not safe across threads (recursion depth bookkeeping)
            tree = ast.parse(source, filename=file)
    except SyntaxError as exc:
        return [
            Finding(tool="policy", file=file, line=exc.lineno or 0, code="P000", message=f"syntax error: {exc.msg}")
        ]
    found: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
            if isinstance(node, ast.ImportFrom) and node.level:
                found.append(_finding(file, node, "P101", "relative imports are not allowed"))
            for name in names:
                top = name.split(".")[0]
                if top not in allowed or (top == "streamlit" and name not in _STREAMLIT_SUBMODULES):
                    found.append(_finding(file, node, "P100", f"import of {name!r} is not allowed here"))
        elif isinstance(node, ast.Attribute) and node.attr.startswith("__") and node.attr.endswith("__"):
            found.append(_finding(file, node, "P200", f"dunder attribute {node.attr!r} is not allowed"))
        elif isinstance(node, ast.Name):
            if node.id in _FORBIDDEN_CALLS:
                found.append(_finding(file, node, "P300", f"{node.id!r} is not allowed"))
            elif node.id.startswith("__") and node.id not in _ALLOWED_DUNDER_NAMES:
                found.append(_finding(file, node, "P201", f"name {node.id!r} is not allowed"))
        elif isinstance(node, ast.Global | ast.Nonlocal):
            found.append(_finding(file, node, "P301", "global and nonlocal are not allowed"))
    return found


def check_bundle(bundle: Path) -> list[Finding]:
    """Findings for every file of the bundle folder (its data folder and caches excepted)."""
    found: list[Finding] = []
    present: set[str] = set()
    for path in sorted(bundle.rglob("*")):
        relative = path.relative_to(bundle).as_posix()
        if path.is_symlink():
            found.append(_finding(relative, None, "P400", "symbolic links are not allowed (never followed)"))
            continue
        if path.is_dir() or _IGNORED_DIRS & set(path.relative_to(bundle).parts):
            continue
        present.add(relative)
        if relative in ALLOWED_FILES:
            source = path.read_text(encoding="utf-8", errors="replace")
            found += check_source(source, relative, ALLOWED_FILES[relative])
        elif relative not in _DATA_FILES:
            found.append(_finding(relative, None, "P401", "file not rendered by Flash Apps templates"))
    for required in ("app.py", "tests/test_app.py"):
        if required not in present:
            found.append(_finding(required, None, "P402", "required file is missing"))
    return found
