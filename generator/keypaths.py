"""Key paths as AppTest code: each step drives a widget found by its key, each expectation
reads a value the app published for the screen it drew."""

from __future__ import annotations

from flashapps.spec import AppSpec, KeyPath
from generator.pysource import py_assign, py_string

__all__ = ["form_keys", "key_path_lines", "persistence_lines"]

_CHECK = {
    "eq": "assert same({got}, expected)",
    "approx": "assert same(float({got}), float(expected))",
    "ne": "assert not same({got}, expected)",
    "gt": "assert {got} > expected",
    "gte": "assert {got} >= expected",
    "lt": "assert {got} < expected",
    "lte": "assert {got} <= expected",
    "contains": "assert expected in {got}",
    "in": "assert {got} in expected",
    "len_eq": "assert len({got}) == expected",
}


def form_keys(spec: AppSpec) -> set[str]:
    """Keys of widgets inside a form: their values reach the app only when the form is submitted."""
    entities = spec.entity_map()
    keys: set[str] = set()
    for component in spec.components():
        if component.kind == "form":
            keys |= {k for k, kind in component.widgets(entities).items() if kind != "form_submit_button"}
        elif component.kind == "table":
            keys |= {k for k in component.widgets(entities) if k.startswith(f"{component.id}__edit_")}
    return keys


def key_path_lines(spec: AppSpec, path: KeyPath, indent: int = 4) -> list[str]:
    widgets = spec.widgets()
    in_form = form_keys(spec)
    lines: list[str] = []
    for step in path.steps:
        kind = widgets[step.key]
        widget = f"at.{kind}(key={py_string(step.key)})"
        if step.action == "click":
            lines.append(f"{widget}.click().run()")
        elif step.action in ("check", "uncheck"):
            lines.append(f"{widget}.{step.action}().run()")
        else:
            value = step.value
            if kind == "date_input" and isinstance(value, str):
                lines.append(f"value = dt.date.fromisoformat({py_string(value)})")
            else:
                lines.extend(py_assign("value", value, indent).split("\n"))
            lines.append(f"{widget}.set_value(value)" + ("" if step.key in in_form else ".run()"))
        if step.action != "set" or step.key not in in_form:
            lines.append("assert not at.exception, at.exception")
    if not path.steps:
        lines.append("assert not at.exception, at.exception")
    for expect in path.expect:
        got = f"out(at, {py_string(expect.output)})"
        if expect.op == "truthy":
            lines.append(f"assert {'not ' if expect.value is False else ''}{got}")
            continue
        lines.extend(py_assign("expected", expect.value, indent).split("\n"))
        lines.append(_CHECK[expect.op].format(got=got))
    # continuation lines of a split literal carry their own indentation already
    return [line[indent:] if line.startswith(" " * indent) and line.strip() else line for line in lines]


def persistence_lines(spec: AppSpec) -> dict | None:
    """A restart test for the first key path that saves through a form and checks a table or metric."""
    outputs = {o for o in spec.outputs() if o.endswith((".rows", ".value"))}
    submits = {k for k, kind in spec.widgets().items() if kind == "form_submit_button" and k.endswith("__submit")}
    for path in spec.key_paths:
        if not any(step.key in submits for step in path.steps):
            continue
        checked = [e.output for e in path.expect if e.output in outputs]
        if checked:
            return {"lines": key_path_lines(spec, path), "output": checked[0]}
    return None
