"""Cross-reference checks of an AppSpec, each problem saying which name is wrong and where."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING

from flashapps.spec.data import Entity

if TYPE_CHECKING:
    from flashapps.spec.app import AppSpec
    from flashapps.spec.records import ChildList

__all__ = ["check_references"]

_NUMERIC = {"int", "float", "rating"}
_CATEGORY = {"choice", "text", "rating", "bool"}


def _repeats(what: str, names: Iterable[str]) -> list[str]:
    return [f"{what} {name!r} is defined {n} times" for name, n in Counter(names).items() if n > 1]


def _field_problem(
    entities: dict[str, Entity], where: str, entity: str, field: str | None, types: set[str]
) -> str | None:
    if field is None:
        return None
    found = entities[entity].field(field)
    if found is None:
        names = [f.name for f in entities[entity].fields]
        return f"{where}: field {field!r} does not exist in entity {entity!r} (it has {names})"
    if found.type not in types:
        return f"{where}: field {entity}.{field} is a {found.type}, expected one of {sorted(types)}"
    return None


def _link_problems(entities: dict[str, Entity], where: str, entity: str, links: dict[str, str]) -> list[str]:
    """A link is an int field of ``entity`` holding the id of a record of another entity."""
    problems: list[str] = []
    for field, parent in links.items():
        if parent not in entities:
            problems.append(f"{where}: link {field!r} points to entity {parent!r}, which does not exist")
        elif parent == entity:
            problems.append(f"{where}: link {field!r} points to its own entity {entity!r}")
        else:
            problems.append(_field_problem(entities, where, entity, field, {"int"}) or "")
    return problems


def _children_problems(
    entities: dict[str, Entity], where: str, entity: str, children: Iterable[ChildList]
) -> list[str]:
    problems: list[str] = []
    for child in children:
        if child.entity not in entities:
            problems.append(f"{where}: child entity {child.entity!r} does not exist (entities: {sorted(entities)})")
            continue
        problems.append(_field_problem(entities, where, child.entity, child.field, {"int"}) or "")
        problems += [_field_problem(entities, where, child.entity, f, set(_ALL)) or "" for f in child.columns]
    return problems


def check_references(spec: AppSpec) -> list[str]:
    entities = spec.entity_map()
    metrics = {m.name: m for m in spec.brief.metrics}
    functions = {f.name: f for f in spec.logic}
    problems: list[str] = []
    problems += _repeats("entity", (e.name for e in spec.entities))
    problems += _repeats("screen", (s.name for s in spec.screens))
    problems += _repeats("component id", (c.id for c in spec.components()))
    problems += _repeats("metric", (m.name for m in spec.brief.metrics))
    problems += _repeats("logic function", (f.name for f in spec.logic))
    problems += _repeats("key path", (k.name for k in spec.key_paths))

    def entity_missing(where: str, name: str) -> bool:
        if name in entities:
            return False
        problems.append(f"{where}: entity {name!r} does not exist (entities: {sorted(entities)})")
        return True

    for i, metric in enumerate(spec.brief.metrics):
        where = f"brief.metrics[{i}] ({metric.name!r})"
        if entity_missing(where, metric.entity):
            continue
        field_types = _NUMERIC if metric.agg in ("sum", "avg", "min", "max") else _NUMERIC | _CATEGORY | {"date"}
        problems.append(_field_problem(entities, where, metric.entity, metric.field, field_types) or "")
        problems.append(_field_problem(entities, where, metric.entity, metric.date_field, {"date"}) or "")

    for s_index, screen in enumerate(spec.screens):
        for c_index, c in enumerate(screen.components):
            where = f"screens[{s_index}].components[{c_index}] ({c.kind} {c.id!r})"
            entity = getattr(c, "entity", None)
            if entity is not None and entity_missing(where, entity):
                continue
            if c.kind in ("form", "table", "board"):
                problems += _link_problems(entities, where, c.entity, c.links)
            if c.kind == "form":
                problems += [_field_problem(entities, where, c.entity, f, set(_ALL)) or "" for f in c.fields]
                problems += [_field_problem(entities, where, c.entity, f, set(_ALL)) or "" for f in c.once_per]
            elif c.kind == "table":
                problems += [_field_problem(entities, where, c.entity, f, set(_ALL)) or "" for f in c.columns]
                problems += _children_problems(entities, where, c.entity, c.children)
            elif c.kind == "board":
                problems.append(_field_problem(entities, where, c.entity, c.status_field, {"choice"}) or "")
                status = entities[c.entity].field(c.status_field)
                if status is not None and status.type == "choice":
                    flow = [o for o in status.options if o not in c.ends]
                    problems += [
                        f"{where}: end {e!r} is not an option of {c.status_field!r}"
                        for e in c.ends
                        if e not in status.options
                    ]
                    if len(flow) < 2:
                        problems.append(f"{where}: the flow of {c.status_field!r} needs two statuses besides the ends")
                problems.append(_field_problem(entities, where, c.entity, c.amount_field, _NUMERIC) or "")
            elif c.kind == "metric" and c.metric not in metrics:
                problems.append(f"{where}: metric {c.metric!r} does not exist (metrics: {sorted(metrics)})")
            elif c.kind == "chart":
                x_types = {"date"} if c.group_by != "category" else _CATEGORY
                problems.append(_field_problem(entities, where, c.entity, c.x, x_types) or "")
                problems.append(_field_problem(entities, where, c.entity, c.y, _NUMERIC) or "")
                if c.y is None and c.agg != "count":
                    problems.append(f"{where}: agg {c.agg!r} needs a y field; without one use 'count'")
            elif c.kind == "filter":
                problems.append(_field_problem(entities, where, c.entity, c.date_field, {"date"}) or "")
                problems.append(_field_problem(entities, where, c.entity, c.category_field, _CATEGORY) or "")
            elif c.kind == "calculator":
                inputs = [i.name for i in c.inputs]
                problems += _repeats(f"{where}: input", inputs)
                for result in c.results:
                    function = functions.get(result.function)
                    if function is None:
                        problems.append(
                            f"{where}: logic function {result.function!r} does not exist "
                            f"(functions: {sorted(functions)})"
                        )
                        continue
                    missing = [p.name for p in function.params if p.name not in inputs]
                    if missing:
                        problems.append(
                            f"{where}: function {function.name!r} takes {missing}, which are not inputs {inputs}"
                        )

    widgets = spec.widgets()
    outputs = spec.outputs()
    from flashapps.spec.app import ACTIONS_FOR

    for k_index, path in enumerate(spec.key_paths):
        for s_index, step in enumerate(path.steps):
            where = f"key_paths[{k_index}] ({path.name!r}) steps[{s_index}]"
            kind = widgets.get(step.key)
            if kind is None:
                problems.append(f"{where}: no widget has key {step.key!r} (keys: {sorted(widgets)})")
            elif kind not in ACTIONS_FOR[step.action]:
                problems.append(f"{where}: cannot {step.action} a {kind} ({step.key!r})")
        for e_index, expect in enumerate(path.expect):
            if expect.output not in outputs:
                problems.append(
                    f"key_paths[{k_index}] ({path.name!r}) expect[{e_index}]: output {expect.output!r} "
                    f"does not exist (outputs: {sorted(outputs)})"
                )
    return [p for p in problems if p]


_ALL = ("text", "long_text", "int", "float", "bool", "date", "choice", "multi_choice", "rating")
