"""Key paths as AppTest code: each step drives a widget found by its key, each expectation
reads a value the app published for the screen it drew."""

from __future__ import annotations

from flashapps.spec import AppSpec, Expect, KeyPath
from generator.pysource import WIDTH, Call, Code, Keyword, py_flat, py_literal, py_split, width

__all__ = ["form_keys", "key_path_lines", "persistence_lines"]

_COMPARE = {"gt": ">", "gte": ">=", "lt": "<", "lte": "<="}


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


def _statement(head: str, expr: object, indent: int, tail: str = "") -> str:
    return head + py_literal(expr, indent, width(head), width(tail), WIDTH) + tail


def _widget_step(kind: str, key: str, action: str, value: object, run: bool, indent: int) -> str:
    """``at.<kind>(key=...).<action>(...)[.run()]``, split as ruff splits it: the last call with
    arguments first, then the widget's own call."""
    widget = Call(f"at.{kind}", (Keyword("key", key),))
    act = Call(f".{action}", (value,) if action == "set_value" else ())
    last = "" if action == "set_value" and not run else ".run()"
    flat = py_flat(widget) + py_flat(act) + last
    if indent + width(flat) <= WIDTH:
        return flat
    if act.args and indent + width(py_flat(widget) + act.function + "(") <= WIDTH:
        return py_flat(widget) + py_split(act, indent) + last
    return py_split(widget, indent) + py_literal(act, indent, 1, width(last), WIDTH) + last


def _expectation(expect: Expect, indent: int) -> str:
    got = Call("out", (Code("at"), expect.output))
    value, op = expect.value, expect.op
    if op == "truthy":
        return _statement("assert " if value is not False else "assert not ", got, indent)
    if op in ("eq", "ne"):
        return _statement("assert " if op == "eq" else "assert not ", Call("same", (got, value)), indent)
    if op == "approx":
        return _statement("assert ", Call("same", (Call("float", (got,)), float(value))), indent)  # type: ignore[arg-type]
    flat_got, flat_value = py_flat(got), py_flat(value)
    line = {
        "contains": f"assert {flat_value} in {flat_got}",
        "in": f"assert {flat_got} in {flat_value}",
        "len_eq": f"assert len({flat_got}) == {flat_value}",
    }.get(op) or f"assert {flat_got} {_COMPARE[op]} {flat_value}"
    if indent + width(line) <= WIDTH:
        return line
    return _statement("assert ", Call("check", (got, op, value)), indent)


def key_path_lines(spec: AppSpec, path: KeyPath, indent: int = 4) -> list[str]:
    """The test body for ``path``, one source line each, without the body's own indentation."""
    widgets = spec.widgets()
    in_form = form_keys(spec)
    statements: list[str] = []
    for step in path.steps:
        kind = widgets[step.key]
        if step.action == "click":
            statements.append(_widget_step(kind, step.key, "click", None, True, indent))
        elif step.action in ("check", "uncheck"):
            statements.append(_widget_step(kind, step.key, step.action, None, True, indent))
        else:
            value: object = step.value
            if kind == "date_input" and isinstance(value, str):
                value = Call("dt.date.fromisoformat", (value,))
            statements.append(_widget_step(kind, step.key, "set_value", value, step.key not in in_form, indent))
        if step.action != "set" or step.key not in in_form:
            statements.append("assert not at.exception, at.exception")
    if not path.steps:
        statements.append("assert not at.exception, at.exception")
    statements += [_expectation(expect, indent) for expect in path.expect]
    lines = [line for statement in statements for line in statement.split("\n")]
    # continuation lines carry the body's indentation already
    return [line[indent:] if line.startswith(" " * indent) else line for line in lines]


def persistence_lines(spec: AppSpec) -> dict | None:
    """A restart test for the first key path that saves through a form and checks a table or metric."""
    outputs = {o for o in spec.outputs() if o.endswith((".rows", ".value"))}
    submits = {k for k, kind in spec.widgets().items() if kind == "form_submit_button" and k.endswith("__submit")}
    for path in spec.key_paths:
        if not any(step.key in submits for step in path.steps):
            continue
        checked = [e.output for e in path.expect if e.output in outputs]
        if checked:
            same = Call("same", (Call("out", (Code("restarted"), checked[0])), Call("out", (Code("at"), checked[0]))))
            check = _statement("assert ", same, 4).split("\n")
            return {"lines": key_path_lines(spec, path), "check": [line.removeprefix("    ") for line in check]}
    return None
