"""Render: an AppSpec becomes an AppBundle folder through the templates in ``templates/``.

Templates run in a ``SandboxedEnvironment`` with ``StrictUndefined``; spec text is template
context only, and reaches Python source only through ``pystr``/``pyliteral`` (or ``doc`` for
docstrings). A bundle is written to a temporary folder beside its target and moved into
place, so a failure never leaves half a bundle behind.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from flashapps.bundle import AppBundle
from flashapps.files import digest
from flashapps.spec import CANVAS_GAMES, AppSpec
from generator.keypaths import key_path_lines, persistence_lines
from generator.pysource import py_literal, py_string

__all__ = ["TEMPLATES_DIR", "game_page", "render", "render_files"]

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"

_FUNCTION = {"filter": "filter_", "csv": "csv_"}
_KIND_IMPORTS = {
    "calculator": ["import pandas as pd"],
    "chart": ["import altair as alt", "import pandas as pd"],
    "converter": ["import pandas as pd"],
    "csv": ["import csv", "import io"],
    "game": ["import json", "import random", "import pandas as pd"],
    "picker": ["import random", "import pandas as pd"],
    "flashcards": ["import random"],
    "quiz": ["import random"],
    "table": ["import pandas as pd"],
    "timer": ["import math", "import time", "import pandas as pd"],
}
_BASE_IMPORTS = ["import datetime as dt", "import html", "import streamlit as st"]
_THIRD_PARTY = {"altair", "pandas", "streamlit"}
_LOGIC_MODULES = ("math", "statistics", "re", "datetime", "random", "string", "itertools", "collections", "json")


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
    env.filters["pyliteral"] = lambda value, prefix=0, indent=0, suffix=0: py_literal(value, indent, prefix, suffix)
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


def _component_context(spec: AppSpec) -> tuple[list[dict], list[dict]]:
    functions = {f.name: f for f in spec.logic}
    screens, flat = [], []
    for screen in spec.screens:
        items = []
        for component in screen.components:
            cfg = component.model_dump(mode="json")
            if component.kind == "calculator":
                for result in cfg["results"]:
                    result["params"] = [p.name for p in functions[result["function"]].params]
            if component.kind == "game" and component.game in CANVAS_GAMES:
                cfg["html"] = component.game.upper()
            item = {
                "const": f"C_{component.id.upper()}",
                "function": _FUNCTION.get(component.kind, component.kind),
                "cfg": cfg,
            }
            items.append(item)
            flat.append(item)
        screens.append({"title": screen.title, "icon": screen.icon, "components": items})
    return screens, flat


def _logic_context(spec: AppSpec) -> tuple[list[dict], list[str]]:
    functions = []
    for f in spec.logic:
        signature = ", ".join(f"{p.name}: {p.type}" for p in f.params)
        cases = [[example.args, example.expected] for example in f.examples]
        functions.append(
            {"name": f.name, "signature": signature, "returns": f.returns, "doc": f.doc, "body": f.body, "cases": cases}
        )
    source = "\n".join(f.body for f in spec.logic)
    imports = [f"import {m}" for m in sorted(_LOGIC_MODULES) if re.search(rf"\b{m}\.[A-Za-z_]", source)]
    return functions, imports


def _format_logic(source: str) -> str:
    """Logic bodies may come from a model: lay them out as ruff format does (templates need not)."""
    ruff = Path(sys.executable).with_name("ruff")
    if not ruff.exists():
        return source
    args = [str(ruff), "format", "--isolated", "--line-length", "120", "--target-version", "py311", "-"]
    done = subprocess.run(args, input=source, capture_output=True, text=True, check=False)
    return done.stdout if done.returncode == 0 else source  # unparsable: the sandbox reports it


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


def render_files(spec: AppSpec) -> dict[str, str]:
    """Every file of the bundle for ``spec``, by relative path."""
    strings = _strings(spec.brief.language)
    screens, components = _component_context(spec)
    kinds = list(dict.fromkeys(c["cfg"]["kind"] for c in components))
    canvas = sorted({c["cfg"]["game"] for c in components if c["cfg"].get("html")})
    wanted = sorted({*_BASE_IMPORTS, *(line for kind in kinds for line in _KIND_IMPORTS.get(kind, []))})
    third_party = [line for line in wanted if line.split()[1] in _THIRD_PARTY]
    imports = [line for line in wanted if line not in third_party] + [""] + third_party
    logic_functions, logic_imports = _logic_context(spec)
    brief = spec.brief
    names = [f.name for f in spec.logic]
    functions_source = "{" + ", ".join(f"{py_string(n)}: logic.{n}" for n in names) + "}"
    if len(functions_source) + len("FUNCTIONS = ") > 120:
        functions_source = "{\n" + "".join(f"    {py_string(n)}: logic.{n},\n" for n in names) + "}"
    paths = [{"name": p.name, "story": p.story, "lines": key_path_lines(spec, p)} for p in spec.key_paths]
    context = {
        "spec": spec,
        "logic_imports": logic_imports,
        "brief": brief,
        "theme": brief.theme.model_dump(),
        "header": {"icon": brief.icon, "title": brief.title, "value": brief.value},
        "entities": {e.name: e.model_dump(mode="json") for e in spec.entities},
        "metrics": {m.name: m.model_dump(mode="json") for m in brief.metrics},
        "functions_source": functions_source,
        "components": components,
        "screens": screens,
        "tab_titles": [f"{s['icon']} {s['title']}".strip() for s in screens],
        "kinds": kinds,
        "canvas_games": canvas,
        "imports": imports,
        "strings": {k: v for k, v in strings.items() if not k.startswith("readme_")},
        "s": {k.removeprefix("readme_"): v for k, v in strings.items() if k.startswith("readme_")},
        "title_comment": _doc(brief.title),
        "requirements": _requirements(),
        "paths": paths,
        "persist": persistence_lines(spec),
        "uses_dates": any("dt." in line for p in paths for line in p["lines"]),
        "uses_same": any("same(" in line for p in paths for line in p["lines"]),
    }
    logic_context = dict(context, spec={"logic": logic_functions})
    files = {
        "app.py": _ENV.get_template("bundle/app.py.j2").render(context),
        "components.py": _ENV.get_template("bundle/components.py.j2").render(context),
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
        files["logic.py"] = _format_logic(_ENV.get_template("bundle/logic.py.j2").render(logic_context))
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
