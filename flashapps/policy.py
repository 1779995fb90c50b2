"""The policy check: which files a bundle may hold, and what its Python may do (an AST allow-list).

Runs on the host before anything of the bundle runs. A bundle cannot weaken it: files our
templates never render (config files, a root conftest.py, .pth files…) are findings, symlinks
are findings and never followed, and every Python file is parsed, never imported.

What bundle code may reach, by construction (the lists live in ``flashapps.policy_api``):
- modules: only those its file may import, and of each only the entries on the module's
  allow-list (functions, classes, constants, never a module); a module name is never a value
  of its own (no ``m = random``, no ``f(random)``), so it cannot be aliased past the check;
- names: no private or dunder attributes (``x._y``, ``x.__y__``) except a class's own ``self._y``,
  no private names imported, no builtins that reach objects by name (``getattr``, ``vars``,
  ``type``…), no frame, generator or code attributes (``gi_frame``, ``f_globals``…);
- formats: ``.format`` only on a literal text (or a text of the file's own STRINGS table, looked up
  by a literal key) whose fields are plain names or numbers, never ``a.b`` or ``a[b]``; no
  ``format_map``, ``Formatter`` or ``Template``.
The container stays the real boundary: this check is a second wall, and assumes it will be
passed one day.

Finding codes: P000 syntax; P100-P103 imports; P200-P203 private, dunder and internal attributes;
P210-P212 module use; P300-P302 names and constructs; P400-P402 files; P500 formats.
"""

from __future__ import annotations

import ast
import string
import threading
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from flashapps.policy_api import (
    DENIED_ATTRIBUTE_PREFIXES,
    DENIED_ATTRIBUTES,
    DENIED_NAMES,
    MODULE_API,
    UNKNOWN_BUILTINS,
)
from flashapps.pyparse import parse
from flashapps.report import Finding

__all__ = ["ALLOWED_FILES", "LOCAL_MODULES", "check_bundle", "check_source", "imported_names", "plain_format"]

_UI = {
    "streamlit", "pandas", "altair", "datetime", "html", "json", "random", "time", "csv", "io", "math", "re", "secrets",
}  # fmt: skip
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

LOCAL_MODULES: dict[str, str] = {
    "components": "components.py",
    "logic": "logic.py",
    "storage": "storage.py",
    "games": "games.py",
    "tests": "tests/__init__.py",
    "tests.helpers": "tests/helpers.py",
}
"""The bundle's own modules, by import name: each offers the public names its file defines."""

_PARSE_LOCK = threading.Lock()
_DATA_FILES = {"spec.json", "requirements.txt", "README.md", ".streamlit/config.toml"}
_IGNORED_DIRS = {"data", "__pycache__"}
_ALLOWED_DUNDER_NAMES = {"__file__", "__name__", "__doc__"}
_ASYNC = (ast.AsyncFunctionDef, ast.AsyncFor, ast.AsyncWith, ast.Await)
_SELF_DECORATORS = {"contextmanager", "property"}
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)
_REFUSED_BUILTINS = DENIED_NAMES | UNKNOWN_BUILTINS
_T_BODY = ast.dump(parse("return STRINGS.get(key, key)").body[0])


def _finding(file: str, node: ast.AST | None, code: str, message: str) -> Finding:
    return Finding(tool="policy", file=file, line=getattr(node, "lineno", 0), code=code, message=message)


def _parse(source: str, file: str) -> ast.Module:
    with _PARSE_LOCK:  # CPython 3.11's parser is not safe across threads (recursion depth bookkeeping)
        return parse(source, filename=file)


def plain_format(text: str) -> bool:
    """Whether ``text.format(...)`` can only place its arguments: every field (nested ones in a
    format spec too) is empty, a number or a name, never ``0.attr`` or ``0[key]``."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        return False
    for _literal, field, spec, _conversion in parts:
        if field is None:
            continue
        if field and not (field.isdigit() or field.isidentifier()):
            return False
        if spec and not plain_format(spec):
            return False
    return True


def _bindings(tree: ast.AST) -> Counter[str]:
    """How many times each name is bound in ``tree`` (assigned, a parameter, defined, imported, caught)."""
    return _bindings_in(ast.walk(tree))


def _bindings_in(nodes: Iterable[ast.AST]) -> Counter[str]:
    bound: Counter[str] = Counter()
    for node in nodes:
        if isinstance(node, ast.Name) and not isinstance(node.ctx, ast.Load):
            bound[node.id] += 1
        elif isinstance(node, ast.arg):
            bound[node.arg] += 1
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            bound[node.name] += 1
        elif isinstance(node, ast.alias):
            bound[node.asname or node.name.split(".")[0]] += 1
        elif isinstance(node, ast.ExceptHandler | ast.MatchAs | ast.MatchStar) and node.name:
            bound[node.name] += 1
        elif isinstance(node, ast.MatchMapping) and node.rest:
            bound[node.rest] += 1
    return bound


def _attribute_problem(name: str) -> tuple[str, str] | None:
    """Why an attribute of that name may not be read or written on any object, if it may not."""
    if name.startswith("__") and name.endswith("__"):
        return "P200", f"dunder attribute {name!r} is not allowed"
    if name.startswith("_"):
        return "P202", f"private attribute {name!r} is not allowed"
    if name in DENIED_ATTRIBUTES or name.startswith(DENIED_ATTRIBUTE_PREFIXES):
        return "P203", f"attribute {name!r} is not allowed"
    return None


def _own_private_reads(tree: ast.Module) -> set[int]:
    """The ``self._x`` nodes that read or write a private member the class itself defines.

    Only in classes without bases (nothing private is inherited but ``object``'s dunders), in
    methods whose first parameter is never rebound, undecorated or made a context manager or
    property (so that parameter is the instance)."""
    allowed: set[int] = set()
    for cls in ast.walk(tree):
        if not isinstance(cls, ast.ClassDef) or cls.bases or cls.keywords:
            continue
        methods = [m for m in cls.body if isinstance(m, ast.FunctionDef) and (m.args.posonlyargs or m.args.args)]
        own = {n for stmt in cls.body for n in _top_bindings(stmt) if n.startswith("_")}
        for method in methods:
            first = (method.args.posonlyargs + method.args.args)[0].arg
            own |= {
                n.attr
                for n in ast.walk(method)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == first
                if isinstance(n.ctx, ast.Store)
            }
        own = {n for n in own if not (n.startswith("__") and n.endswith("__"))}
        for method in methods:
            first = (method.args.posonlyargs + method.args.args)[0].arg
            plain = all(isinstance(d, ast.Name) and d.id in _SELF_DECORATORS for d in method.decorator_list)
            if not plain or _bindings(method)[first] != 1:
                continue
            allowed |= {
                id(n)
                for n in ast.walk(method)
                if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == first
                if n.attr in own
            }
    return allowed


def _strings_table(tree: ast.Module, bound: Counter[str]) -> set[str] | None:
    """The keys of the file's own text table when ``t(key)`` can only return one of its plain-format
    texts or the key itself: ``t`` is ``return STRINGS.get(key, key)``, ``STRINGS`` a literal dict of
    literal texts, each bound once and ``STRINGS`` read nowhere else. None otherwise."""
    if bound["t"] != 1 or bound["STRINGS"] != 1:
        return None
    reads = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "STRINGS"]
    t_def = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "t"), None)
    table = next(
        (
            n.value
            for n in tree.body
            if isinstance(n, ast.Assign) and [getattr(t, "id", None) for t in n.targets] == ["STRINGS"]
        ),
        None,
    )
    if t_def is None or not isinstance(table, ast.Dict) or len(reads) != 2:  # the binding and t's one read
        return None
    args = t_def.args
    body = t_def.body[1:] if ast.get_docstring(t_def) is not None else t_def.body
    if t_def.decorator_list or [a.arg for a in args.args] != ["key"] or args.posonlyargs or args.kwonlyargs:
        return None
    if args.vararg or args.kwarg or args.defaults or len(body) != 1 or ast.dump(body[0]) != _T_BODY:
        return None
    keys = []
    for key, value in zip(table.keys, table.values, strict=True):
        texts = (key, value)
        if not all(isinstance(x, ast.Constant) and isinstance(x.value, str) and plain_format(x.value) for x in texts):
            return None
        keys.append(str(key.value))  # type: ignore[union-attr]
    return set(keys)


def _same_scope(nodes: list[ast.AST]) -> Iterator[ast.AST]:
    """``nodes`` and what they hold in the scope they are in (not the bodies of nested scopes, which
    bind their own names; their defaults, decorators and first iterables are evaluated here)."""
    stack = list(nodes)
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack += node.args.defaults + [d for d in node.args.kw_defaults if d is not None]
            stack += [] if isinstance(node, ast.Lambda) else node.decorator_list
        elif isinstance(node, ast.ClassDef):
            stack += node.bases + node.decorator_list + [k.value for k in node.keywords]
        elif isinstance(node, _COMPREHENSIONS):
            stack.append(node.generators[0].iter)
        else:
            stack += ast.iter_child_nodes(node)


def _scope_locals(scope: ast.AST) -> set[str]:
    """The names a function, lambda or comprehension binds in its own scope: read anywhere in it,
    such a name is that local (or unbound), never a builtin."""
    if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
        a = scope.args
        params = [*a.posonlyargs, *a.args, *a.kwonlyargs, *(x for x in (a.vararg, a.kwarg) if x)]
        held: list[ast.AST] = list(scope.body) if isinstance(scope.body, list) else [scope.body]
        return {p.arg for p in params} | set(_bindings_in(_same_scope(held)))
    if isinstance(scope, _COMPREHENSIONS):
        return set(_bindings_in(n for g in scope.generators for n in ast.walk(g.target)))
    return set()


def _inside(scope: ast.AST, child: ast.AST, grandchild: ast.AST | None) -> bool:
    """Whether a node reached from ``scope`` through ``child`` (then ``grandchild``) runs in it."""
    if isinstance(scope, ast.FunctionDef | ast.AsyncFunctionDef):
        return any(child is statement for statement in scope.body)
    if isinstance(scope, ast.Lambda):
        return child is scope.body
    if isinstance(scope, _COMPREHENSIONS):
        first = scope.generators[0]
        return not (child is first and grandchild is first.iter)
    return False


def _texts(node: ast.expr) -> Iterator[ast.expr]:
    """The branches a conditional expression may take."""
    if isinstance(node, ast.IfExp):
        yield from _texts(node.body)
        yield from _texts(node.orelse)
    else:
        yield node


class _Checker:
    """One pass over one file's tree."""

    def __init__(self, file: str, allowed: set[str], local: Mapping[str, frozenset[str] | None], tree: ast.Module):
        self.file, self.allowed, self.tree = file, allowed, tree
        self.local = dict(local)  # the bundle's own modules, with the names each imports
        self.found: list[Finding] = []
        self.bound = _bindings(tree)
        self.modules: dict[str, str] = {}  # the names `import` binds, to the module each names
        self.parents = {id(child): node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        self.own_private = _own_private_reads(tree)
        self.strings = _strings_table(tree, self.bound)
        self.done: set[int] = set()  # attribute nodes a module check already judged
        self.scope_locals: dict[int, set[str]] = {}

    def report(self, node: ast.AST | None, code: str, message: str) -> None:
        self.found.append(_finding(self.file, node, code, message))

    def importable(self, module: str) -> bool:
        return module.split(".")[0] in self.allowed and (module in MODULE_API or module in self.local)

    def run(self) -> list[Finding]:
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Import):
                self.check_import(node)
            elif isinstance(node, ast.ImportFrom):
                self.check_import_from(node)
        for module in self.allowed & MODULE_API.keys():  # logic.py gets its imports from the renderer
            if not self.bound[module]:
                self.modules.setdefault(module, module)
        for node in ast.walk(self.tree):  # names first: a module's chain is judged once, from its name
            if isinstance(node, ast.Name):
                self.check_name(node)
        for node in ast.walk(self.tree):
            if isinstance(node, ast.Attribute) and id(node) not in self.done:
                self.check_attribute(node)
            elif isinstance(node, ast.MatchClass):
                for name in node.kwd_attrs:  # `case C(attr=x)` reads attr, as x.attr would
                    if problem := _attribute_problem(name):
                        self.report(node, *problem)
            elif isinstance(node, ast.Global | ast.Nonlocal):
                self.report(node, "P301", "global and nonlocal are not allowed")
            elif isinstance(node, _ASYNC):
                self.report(node, "P302", "async code is not allowed")
        return self.found

    def check_import(self, node: ast.Import) -> None:
        for alias in node.names:
            if not self.importable(alias.name):
                self.report(node, "P100", f"import of {alias.name!r} is not allowed here")
            elif "." in alias.name and not alias.asname:
                self.report(node, "P100", f"write 'import {alias.name} as name' (a bare dotted import binds a package)")
            else:
                self.modules[alias.asname or alias.name] = alias.name

    def check_import_from(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level:
            self.report(node, "P101", "relative imports are not allowed")
            return
        if not self.importable(module):
            self.report(node, "P100", f"import of {module!r} is not allowed here")
            return
        for alias in node.names:
            if alias.name.startswith("_"):
                self.report(node, "P102", f"importing the private name {alias.name!r} is not allowed")
            elif module in self.local and alias.name in (self.local[module] or ()):
                self.report(node, "P103", f"{module}.{alias.name} is not allowed: {module} imports it, never offers it")
            elif module not in self.local and alias.name not in MODULE_API[module]:
                self.report(node, "P103", f"{module}.{alias.name} is not allowed (not on the allow-list of {module!r})")

    def check_name(self, node: ast.Name) -> None:
        name = node.id
        if name in _REFUSED_BUILTINS and isinstance(node.ctx, ast.Load) and self.is_builtin(node):
            self.report(node, "P300", f"{name!r} is not allowed")
        elif name.startswith("__") and name not in _ALLOWED_DUNDER_NAMES:
            self.report(node, "P201", f"name {name!r} is not allowed")
        elif name in self.modules:
            self.check_module_use(node, self.modules[name])

    def is_builtin(self, node: ast.Name) -> bool:
        """Whether a name read here may be the builtin of that name: no function scope around it binds
        it. (A module or class binding does not count: read before it, the name is still the builtin.)"""
        path: list[ast.AST] = [node]
        while (parent := self.parents.get(id(path[-1]))) is not None:
            grandchild = path[-2] if len(path) > 1 else None
            inside = isinstance(parent, _SCOPES) and _inside(parent, path[-1], grandchild)
            if inside and node.id in self.locals_of(parent):
                return False
            path.append(parent)
        return True

    def locals_of(self, scope: ast.AST) -> set[str]:
        if id(scope) not in self.scope_locals:
            self.scope_locals[id(scope)] = _scope_locals(scope)
        return self.scope_locals[id(scope)]

    def check_module_use(self, node: ast.Name, module: str) -> None:
        """``m.entry…``: the chain from a module name must start with one of the module's entries."""
        if not isinstance(node.ctx, ast.Load):
            self.report(node, "P212", f"the module name {node.id!r} cannot be rebound")
            return
        chain: list[ast.Attribute] = []
        current: ast.AST = node
        while isinstance(parent := self.parents.get(id(current)), ast.Attribute) and parent.value is current:
            chain.append(parent)
            current = parent
        if not chain:
            self.report(node, "P211", f"the module {node.id!r} can only be used as {node.id}.name")
            return
        path = [a.attr for a in chain]
        if module in self.local:
            self.check_local_use(node, module, chain)
            return
        entries = MODULE_API[module]
        k = next((k for k in range(1, len(path) + 1) if ".".join(path[:k]) in entries), 0)
        if not k:
            self.done.add(id(chain[0]))
            self.report(node, "P210", f"{module}.{path[0]} is not allowed (not on the allow-list of {module!r})")
            return
        self.done |= {id(a) for a in chain[:k]}
        if not isinstance(chain[k - 1].ctx, ast.Load):
            self.report(node, "P212", f"{module}.{'.'.join(path[:k])} cannot be changed")

    def check_local_use(self, node: ast.Name, module: str, chain: list[ast.Attribute]) -> None:
        """A bundle module offers what it defines, never what it imports (``storage.os``); None: a module
        that is a symbolic link, refused on its own. Private names are refused as on any object."""
        held = self.local[module]
        if held is not None and chain[0].attr in held:
            self.done.add(id(chain[0]))
            self.report(node, "P210", f"{module}.{chain[0].attr} is not allowed: {module} imports it, never offers it")
        elif not isinstance(chain[0].ctx, ast.Load):
            self.report(node, "P212", f"{module}.{chain[0].attr} cannot be changed")

    def check_attribute(self, node: ast.Attribute) -> None:
        if id(node) in self.own_private:
            return
        if problem := _attribute_problem(node.attr):
            self.report(node, *problem)
        elif node.attr == "format" and not self.plain_text(node.value):
            self.report(
                node,
                "P500",
                "'.format' is allowed only on a literal text whose fields are plain names (use an f-string)",
            )

    def plain_text(self, node: ast.expr) -> bool:
        """Whether ``node`` is a literal text with plain fields, or ``t("key")`` of a safe STRINGS table."""
        if isinstance(node, ast.Constant):
            return isinstance(node.value, str) and plain_format(node.value)
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "t"):
            return False
        if self.strings is None or len(node.args) != 1 or node.keywords:
            return False
        return all(
            isinstance(key, ast.Constant) and isinstance(key.value, str) and plain_format(key.value)
            for key in _texts(node.args[0])
        )


def check_source(
    source: str, file: str, allowed: set[str], local: Mapping[str, frozenset[str] | None] | None = None
) -> list[Finding]:
    """Findings for one Python file that may import the top-level modules in ``allowed``.

    ``local``: the bundle's own modules, each with the names it imports, which it never offers
    (``check_bundle`` reads them from the bundle; None for one that is a symbolic link, refused on
    its own); a file checked alone may import none of them."""
    try:
        tree = _parse(source, file)
    except SyntaxError as exc:
        return [
            Finding(tool="policy", file=file, line=exc.lineno or 0, code="P000", message=f"syntax error: {exc.msg}")
        ]
    return _Checker(file, allowed, local or {}, tree).run()


def _top_bindings(node: ast.stmt) -> set[str]:
    """The names one statement of a module or class body binds there (not inside functions)."""
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
        return {node.name}
    if isinstance(node, ast.Assign | ast.AnnAssign):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target]
        return {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return set()


def imported_names(source: str) -> frozenset[str] | None:
    """The names a bundle module binds by importing, anywhere in it: what it never offers others (a
    module it imports, or a name it took from one). None when it does not parse (refused on its own).
    Everything else it holds is its own code's, made under this same policy, so never a module."""
    try:
        tree = _parse(source, "module")
    except SyntaxError:
        return None
    return frozenset(
        a.asname or a.name.split(".")[0]
        for n in ast.walk(tree)
        if isinstance(n, ast.Import | ast.ImportFrom)
        for a in n.names
    )


def check_bundle(bundle: Path) -> list[Finding]:
    """Findings for every file of the bundle folder (its data folder and caches excepted)."""
    present: dict[str, Path | None] = {}  # None: a symbolic link, never followed
    for found_path in sorted(bundle.rglob("*")):
        parts = found_path.relative_to(bundle).parts
        if found_path.is_symlink():
            present["/".join(parts)] = None
        elif not found_path.is_dir() and not _IGNORED_DIRS & set(parts):
            present["/".join(parts)] = found_path
    sources = {
        relative: path.read_text(encoding="utf-8", errors="replace")
        for relative, path in present.items()
        if path is not None and relative in ALLOWED_FILES
    }
    local = {
        module: imported_names(sources[file]) if file in sources else None
        for module, file in LOCAL_MODULES.items()
        if file in present
    }
    found: list[Finding] = []
    for relative, path in present.items():
        if path is None:
            found.append(_finding(relative, None, "P400", "symbolic links are not allowed (never followed)"))
        elif relative in sources:
            found += check_source(sources[relative], relative, ALLOWED_FILES[relative], local)
        elif relative not in _DATA_FILES:
            found.append(_finding(relative, None, "P401", "file not rendered by Flash Apps templates"))
    for required in ("app.py", "tests/test_app.py"):
        if present.get(required) is None:
            found.append(_finding(required, None, "P402", "required file is missing"))
    return found
