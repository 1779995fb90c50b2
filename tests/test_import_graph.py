"""The map in ../shared/DESIGN.md, checked: arrows run one way, no private name crosses a module,
and no room reaches into another room's files by path.

    flashapps  ←  generator, sandbox, gallery  ←  workshop  ←  studio

``bench/`` is tooling over every room: it may import any of them, but only their public names.
``generator/`` reads ``templates/`` as data (the only path from one room into another).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RANK = {"flashapps": 0, "generator": 1, "sandbox": 1, "gallery": 1, "workshop": 2, "studio": 3}
TOOLING = {"bench"}
ROOMS = set(RANK) | TOOLING | {"templates"}
DATA_PATHS = {("generator", "templates")}


@dataclass(frozen=True)
class Import:
    file: Path
    line: int
    module: str
    names: tuple[str, ...]


def _module_of(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _python_files() -> list[Path]:
    found: list[Path] = []
    for room in sorted(RANK.keys() | TOOLING):
        found += sorted(p for p in (ROOT / room).rglob("*.py") if "results" not in p.parts)
    return found


def _imports(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    here = _module_of(path)
    package = here if path.name == "__init__.py" else here.rpartition(".")[0]
    found: list[Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [Import(path, node.lineno, alias.name, ()) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                module = ".".join([*base, module] if module else base)
            found.append(Import(path, node.lineno, module, tuple(alias.name for alias in node.names)))
    return found


def _room(module: str) -> str:
    return module.split(".")[0]


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _where(item: Import) -> str:
    return f"{item.file.relative_to(ROOT)}:{item.line}"


ALL = [item for path in _python_files() for item in _imports(path)]


def test_the_scan_sees_the_rooms() -> None:
    rooms = {_room(_module_of(item.file)) for item in ALL}
    assert rooms == RANK.keys() | TOOLING
    assert len(ALL) > 500


def test_arrows_run_one_way() -> None:
    wrong = []
    for item in ALL:
        source, target = _room(_module_of(item.file)), _room(item.module)
        if source in RANK and target in RANK and source != target and RANK[target] >= RANK[source]:
            wrong.append(f"{_where(item)} {source} -> {item.module}")
        if target in TOOLING and source not in TOOLING:
            wrong.append(f"{_where(item)} {source} -> {item.module} (tooling)")
    assert wrong == []


def test_no_private_name_crosses_a_module() -> None:
    wrong = []
    for item in ALL:
        if _room(item.module) not in ROOMS or item.module == _module_of(item.file):
            continue
        if any(_private(part) for part in item.module.split(".")):
            wrong.append(f"{_where(item)} imports the private module {item.module}")
        wrong += [f"{_where(item)} imports {item.module}.{name}" for name in item.names if _private(name)]
    assert wrong == []


def _room_paths(path: Path) -> list[str]:
    """Where a file builds a path from its own location into another room's files:
    ``Path(__file__).parents[2] / "gallery" / "relay.py"`` (also through a name bound to such a path)."""
    source = _room(_module_of(path))
    tree = ast.parse(path.read_text(encoding="utf-8"))
    located = {
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign) and "__file__" in ast.unparse(node.value)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div)):
            continue
        base = node
        while isinstance(base, ast.BinOp) and isinstance(base.op, ast.Div):
            base = base.left
        if not ("__file__" in ast.unparse(base) or (isinstance(base, ast.Name) and base.id in located)):
            continue
        for part in (node.left, node.right):
            if isinstance(part, ast.Constant) and isinstance(part.value, str):
                head = part.value.partition("/")[0]
                if head in ROOMS and head != source and (source, head) not in DATA_PATHS:
                    found.append(f"{path.relative_to(ROOT)}:{part.lineno} {part.value!r}")
    return found


def test_no_room_reaches_into_another_by_path() -> None:
    assert [hit for path in _python_files() for hit in _room_paths(path)] == []


@pytest.mark.parametrize(
    ("source", "line", "expected"),
    [
        ("from gallery.service import Apps\n", "generator", "arrow"),
        ("from flashapps.files import _SKIP_DIRS\n", "gallery", "private"),
        ("RELAY = Path(__file__).parents[2] / 'gallery' / 'relay.py'\n", "sandbox", "path"),
        ("from flashapps.errors import UserError\n", "generator", None),
    ],
)
def test_the_checks_catch_what_they_are_for(tmp_path: Path, source: str, line: str, expected: str | None) -> None:
    room = ROOT / line
    probe = room / f"_probe_{tmp_path.name}.py"
    probe.write_text(source, encoding="utf-8")
    try:
        items = _imports(probe)
        arrow = any(RANK.get(_room(i.module), -1) >= RANK[line] and _room(i.module) != line for i in items)
        private = any(_private(name) for i in items for name in i.names)
        path = bool(_room_paths(probe))
    finally:
        probe.unlink()
    found = {"arrow": arrow, "private": private, "path": path}
    assert [kind for kind, hit in found.items() if hit] == ([expected] if expected else [])
