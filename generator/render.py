"""Render: an AppSpec becomes an AppBundle folder through the templates in ``templates/``.

Templates run in a ``SandboxedEnvironment`` with ``StrictUndefined``; spec text is template
context only, and reaches Python source only through ``pystr``/``pyliteral`` (or ``doc`` for
docstrings). A bundle is written to a temporary folder beside its target and moved into
place, so a failure never leaves half a bundle behind.

What a bundle holds, for a teacher to read: ``app.py`` is the screens in order, each a small
function calling the components by the ids of their settings in ``spec.json`` (which the app
reads at start); ``components.py`` holds only the components the app uses and only the texts
they show. Component sources (``templates/components/``) are Python without Jinja, joined and
pruned here; ``python -m generator.render --every-component DIR`` writes them all, to lint.
"""

from __future__ import annotations

import ast
import json
import re
import shutil
import sys
import tempfile
from collections.abc import Sequence
from importlib import metadata
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from flashapps.bundle import AppBundle
from flashapps.files import digest
from flashapps.pyparse import parse
from flashapps.spec import CANVAS_GAMES, COMPONENT_KINDS, AppSpec, CalculatorComponent, Component, GameComponent
from generator.codeformat import format_logic
from generator.keypaths import key_path_lines, persistence_lines
from generator.pysource import (
    WIDTH,
    Call,
    Code,
    global_names,
    prune,
    py_literal,
    py_string,
    width,
)

__all__ = ["TEMPLATES_DIR", "components_source", "game_page", "render", "render_files"]

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

_FUNCTION = {"filter": "filter_records", "csv": "csv_file"}
"""The function of components.py that draws a kind, where it is not the kind's own name."""
_IMPORTS = {
    "csv": "import csv",
    "dt": "import datetime as dt",
    "html": "import html",
    "io": "import io",
    "json": "import json",
    "math": "import math",
    "random": "import random",
    "re": "import re",
    "secrets": "import secrets",
    "time": "import time",
    "alt": "import altair as alt",
    "pd": "import pandas as pd",
    "st": "import streamlit as st",
}
"""The modules components.py may use, by the name they go by, standard library first."""
_THIRD_PARTY = ("alt", "pd", "st")
_LOGIC_MODULES = ("math", "statistics", "re", "datetime", "random", "string", "itertools", "collections", "json")
_FILES = ("spec.json", "app.py", "logic.py", "components.py", "games.py", "storage.py", "tests/")


def _doc(text: str) -> str:
    """Text safe inside a triple-quoted docstring on one line."""
    return " ".join(text.replace("\\", "\\\\").replace('"', "'").split())


def _markdown(text: str) -> str:
    """Text shown literally in Markdown (no links, HTML or emphasis from spec text)."""
    special = "\\`*_{}[]<>()#+-.!|"
    return "".join(f"\\{ch}" if ch in special else ch for ch in " ".join(text.split()))


def _environment() -> SandboxedEnvironment:
    env = SandboxedEnvironment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
    )
    env.filters["pystr"] = py_string
    env.filters["pyliteral"] = lambda value, prefix=0, indent=0, suffix=0: py_literal(
        value, indent, prefix, suffix, WIDTH
    )
    env.filters["doc"] = _doc
    env.filters["md"] = _markdown
    return env


_ENV = _environment()


def _strings(language: str) -> dict[str, str]:
    table = json.loads((TEMPLATES_DIR / "app_strings.json").read_text(encoding="utf-8"))
    return table[language]


def _requirements() -> list[tuple[str, str]]:
    """The bundle's runtime, pinned to the versions this studio runs (and tests) with."""
    return [(name, metadata.version(name)) for name in ("streamlit", "pandas", "altair", "pytest")]


def _statement(call: Call, indent: int) -> list[str]:
    """A call as lines of source, the first without ``indent`` (the template puts it there)."""
    lines = py_literal(call, indent, 0, 0, WIDTH).split("\n")
    return [lines[0], *(line[indent:] for line in lines[1:])]


# -- components.py ---------------------------------------------------------------------------


def _piece(name: str) -> str:
    return (TEMPLATES_DIR / "components" / f"{name}.py.j2").read_text(encoding="utf-8")


def _used_keys(tree: ast.AST, table: dict[str, str], values: set[str]) -> list[str]:
    """Keys of the strings table the code looks up with ``t(...)``: literal keys, and keys built
    from a literal prefix whose rest is a text the code or the spec's components hold."""
    literals = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    keys: set[str] = set()
    prefixes: set[str] = set()
    calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "t"]
    pending = [call.args[0] for call in calls if call.args]
    while pending:
        arg = pending.pop()
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            keys.add(arg.value)
        elif isinstance(arg, ast.IfExp):
            pending += [arg.body, arg.orelse]
        elif isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
            prefixes.add(str(arg.values[0].value))
        elif isinstance(arg, ast.BinOp) and isinstance(arg.left, ast.Constant):
            prefixes.add(str(arg.left.value))
    rests = literals | values
    keys |= {k for k in table for p in prefixes if k.startswith(p) and k.removeprefix(p) in rests}
    return [k for k in table if k in keys]


def _texts(value: object) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, dict):
        return set().union(*(_texts(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_texts(v) for v in value))
    return set()


def components_source(kinds: Sequence[str], roots: set[str] | None, language: str, title: str, values: set[str]) -> str:
    """components.py: the shared helpers and the components of ``kinds``, less what nothing in
    ``roots`` (the names app.py calls; None: keep everything) needs, with the imports and the
    strings the rest uses."""
    source = "\n\n\n".join([_piece("shared").rstrip("\n"), *(_piece(kind).rstrip("\n") for kind in kinds)])
    body = source if roots is None else prune(source, roots | {"App", "t"})
    tree = parse(body)
    table = {k: v for k, v in _strings(language).items() if not k.startswith("readme_")}
    strings = {key: table[key] for key in _used_keys(tree, table, values)}
    used = global_names(tree.body)
    standard = [line for name, line in _IMPORTS.items() if name in used and name not in _THIRD_PARTY]
    third = [line for name, line in _IMPORTS.items() if name in used and name in _THIRD_PARTY]
    imports = sorted(standard, key=lambda line: line.split()[1]) + [""] + third
    context = {"title_comment": _doc(title), "imports": imports, "strings": strings, "body": "\n\n" + body.rstrip("\n")}
    return _ENV.get_template("bundle/components.py.j2").render(context)


# -- app.py ----------------------------------------------------------------------------------


def _component_call(component: Component) -> Call:
    """How app.py draws one component: ``ui.<function>(app, "<id>", ...)``."""
    cid = component.id
    if isinstance(component, CalculatorComponent):
        names = dict.fromkeys(result.function for result in component.results)
        return Call("ui.calculator", (Code("app"), cid, {name: Code(f"logic.{name}") for name in names}))
    if isinstance(component, GameComponent) and component.game in CANVAS_GAMES:
        return Call("ui.canvas_game", (Code("app"), cid, Code(f"games.{component.game.upper()}")))
    if isinstance(component, GameComponent):
        return Call(f"ui.{component.game}", (Code("app"), cid))
    return Call(f"ui.{_FUNCTION.get(component.kind, component.kind)}", (Code("app"), cid))


def _screens(spec: AppSpec) -> tuple[list[dict], str]:
    """Each screen as a function of app.py, and the call that shows them all."""
    screens, tabs = [], {}
    for index, screen in enumerate(spec.screens):
        lines: list[str] = []
        if index == 0 and spec.brief.left_out:
            lines.append("ui.not_included(app)")
        for component in screen.components:
            if component.kind == "filter":
                lines.append("# the filter narrows the records the components below it show")
            lines += _statement(_component_call(component), 4)
        function = f"{screen.name}_screen"
        screens.append({"function": function, "lines": lines})
        title = f"{screen.icon} {screen.title}".strip()
        unique, n = title, 1
        while unique in tabs:
            n += 1
            unique = f"{title} ({n})"
        tabs[unique] = Code(function)
    show = _statement(Call("ui.screens", (Code("app"), tabs)), 0)
    if spec.brief.scope == "personal" or any(e.scope != "shared" for e in spec.entities):
        show.append("ui.your_data(app)  # a visitor's own records: export or delete them")
    return screens, "\n".join(show)


def _wrap(text: str, indent: int) -> list[str]:
    """Words of ``text`` on lines that end by column WIDTH where they can."""
    lines: list[str] = []
    for word in text.split(" "):
        if lines and indent + width(lines[-1] + " " + word) <= WIDTH:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _howto(spec: AppSpec, present: set[str], s: dict[str, str]) -> tuple[list[str], list[tuple[str, str]]]:
    """How to change the app, for the header of app.py and for the README: which file holds what."""
    example = spec.screens[0].components[0].id
    described = []
    for name in _FILES:
        if name in present:
            key = "file_" + name.removesuffix(".py").removesuffix(".json").removesuffix("/")
            described.append((name, s[key]))
    colon = s["colon"]
    command = f'flashapps edit <{s["folder"]}> "{s["example"]}"'
    lines = [f"{s['change']}{colon}".rstrip(), f"- {s['say']}", f"      {command}", f"- {s['edit']}"]
    for name, text in described:
        wrapped = _wrap(text.format(f'"{example}"'), 19)
        lines += [f"    {name:<15}{wrapped[0]}", *(" " * 19 + line for line in wrapped[1:])]
    lines += ["", f"{s['run']}{colon}streamlit run app.py    {s['tests']}{colon}pytest tests"]
    readme = [(name, text.format(f"`{example}`")) for name, text in described]
    return lines, readme


# -- logic.py --------------------------------------------------------------------------------


def _logic_context(spec: AppSpec) -> tuple[list[dict], list[str]]:
    functions = []
    for f in spec.logic:
        params = tuple(Code(f"{p.name}: {p.type}") for p in f.params)
        header = py_literal(Call(f"def {f.name}", params), 0, 0, len(f" -> {f.returns}:"), WIDTH)
        cases = [[example.args, example.expected] for example in f.examples]
        functions.append(
            {"name": f.name, "header": f"{header} -> {f.returns}:", "doc": f.doc, "body": f.body, "cases": cases}
        )
    source = "\n".join(f.body for f in spec.logic)
    imports = [f"import {m}" for m in sorted(_LOGIC_MODULES) if re.search(rf"\b{m}\.[A-Za-z_]", source)]
    return functions, imports


# -- games -----------------------------------------------------------------------------------


def game_page(name: str) -> str:
    """A game's page as a bundle carries it: the shared runtime and the game's rules inlined at their
    placeholders (templates/games/README.md); the app fills in CONFIG when it shows the page."""
    folder = TEMPLATES_DIR / "games"
    page = (folder / f"{name}.html").read_text(encoding="utf-8")
    page = page.replace("/*__FLASH_RUNTIME__*/", (folder / "runtime.js").read_text(encoding="utf-8"), 1)
    rules = folder / "rules" / f"{name}.js"
    if rules.is_file():
        page = page.replace("/*__FLASH_RULES__*/", rules.read_text(encoding="utf-8"), 1)
    return page


# -- the bundle ------------------------------------------------------------------------------


def render_files(spec: AppSpec) -> dict[str, str]:
    """Every file of the bundle for ``spec``, by relative path."""
    strings = _strings(spec.brief.language)
    s = {k.removeprefix("readme_"): v for k, v in strings.items() if k.startswith("readme_")}
    components = spec.components()
    kinds = list(dict.fromkeys(c.kind for c in components))
    canvas = sorted({c.game for c in components if c.kind == "game" and c.game in CANVAS_GAMES})
    logic_functions, logic_imports = _logic_context(spec)
    screens, show = _screens(spec)
    paths = [{"name": p.name, "story": p.story, "lines": key_path_lines(spec, p)} for p in spec.key_paths]
    persist = persistence_lines(spec)
    test_lines = [line for p in paths for line in p["lines"]] + (persist["lines"] + persist["check"] if persist else [])
    present = {"spec.json", "app.py", "components.py", "storage.py", "tests/"}
    present |= {"logic.py"} if spec.logic else set()
    present |= {"games.py"} if canvas else set()
    howto, readme_files = _howto(spec, present, s)
    context = {
        "spec": spec,
        "brief": spec.brief,
        "theme": spec.brief.theme.model_dump(),
        "s": s,
        "title_comment": _doc(spec.brief.title),
        "canvas_games": canvas,
        "uses_logic": "calculator" in kinds,
        "screens": screens,
        "show": show,
        "howto": howto,
        "readme_files": readme_files,
        "requirements": _requirements(),
        "paths": paths,
        "persist": persist,
        "uses_dates": any("dt." in line for line in test_lines),
        "uses_same": any(re.search(r"(?<![.\w])same\(", line) for line in test_lines),
        "uses_check": any(re.search(r"(?<![.\w])check\(", line) for line in test_lines),
    }
    app_source = _ENV.get_template("bundle/app.py.j2").render(context)
    called = {n.attr for n in ast.walk(parse(app_source)) if isinstance(n, ast.Attribute)}
    values = set().union(*(_texts(c.model_dump(mode="json")) for c in components))
    logic_context = dict(context, spec={"logic": logic_functions}, logic_imports=logic_imports)
    files = {
        "app.py": app_source,
        "components.py": components_source(kinds, called, spec.brief.language, spec.brief.title, values),
        "storage.py": _ENV.get_template("bundle/storage.py.j2").render(context),
        "tests/__init__.py": "",
        "tests/conftest.py": _ENV.get_template("bundle/tests/conftest.py.j2").render(context),
        "tests/helpers.py": _ENV.get_template("bundle/tests/helpers.py.j2").render(context),
        "tests/test_app.py": _ENV.get_template("bundle/tests/test_app.py.j2").render(context),
        "requirements.txt": _ENV.get_template("bundle/requirements.txt.j2").render(context),
        ".streamlit/config.toml": _ENV.get_template("bundle/config.toml.j2").render(context),
        "README.md": _ENV.get_template("bundle/README.md.j2").render(context),
        "spec.json": spec.to_json(),
    }
    if spec.logic:
        files["logic.py"] = format_logic(_ENV.get_template("bundle/logic.py.j2").render(logic_context))
        files["tests/test_logic.py"] = _ENV.get_template("bundle/tests/test_logic.py.j2").render(logic_context)
    if canvas:
        games = {name: game_page(name) for name in canvas}
        files["games.py"] = _ENV.get_template("bundle/games.py.j2").render(dict(context, games=games))
    return files


def render(spec: AppSpec, out_dir: Path, *, overwrite: bool = False) -> AppBundle:
    """Writes the bundle for ``spec`` to ``out_dir``, all at once or not at all."""
    out_dir = Path(out_dir)
    if out_dir.exists() and any(out_dir.iterdir()) and not overwrite:
        raise FileExistsError(f"{out_dir} already exists and is not empty")
    files = render_files(spec)
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.", dir=out_dir.parent))
    try:
        for relative, content in files.items():
            target = staging / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        if out_dir.exists():
            shutil.rmtree(out_dir)
        staging.rename(out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return AppBundle(out_dir, sorted(files), digest({name: text.encode() for name, text in files.items()}))


def main(argv: list[str] | None = None) -> int:
    """``--every-component DIR``: writes DIR/components.py with every component, for linting."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] != "--every-component":
        print("usage: python -m generator.render --every-component DIR", file=sys.stderr)
        return 2
    folder = Path(args[1])
    folder.mkdir(parents=True, exist_ok=True)
    source = components_source(list(COMPONENT_KINDS), None, "en", "every component", set())
    (folder / "components.py").write_text(source, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
