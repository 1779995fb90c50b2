"""Builders shared by the record-keeping patterns: a log screen, a history screen, a save path."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from flashapps.spec import (
    ChartComponent,
    Component,
    CsvComponent,
    Entity,
    FilterComponent,
    FormComponent,
    KeyPath,
    MetricComponent,
    Screen,
    Step,
    TableComponent,
)
from generator.planner.labels import clean_option
from generator.planner.patterns.base import Context, expect, path, step

__all__ = ["choice_options", "history_screen", "log_screen", "save_path", "save_steps", "title_case"]


def log_screen(
    ctx: Context, entity: Entity, metrics: list[str], icon: str, *, en: str = "Log", zh: str = "记录", submit: str = ""
) -> Screen:
    """A form for the entity followed by its metrics."""
    components: list[Component] = [FormComponent(id="add", entity=entity.name, submit_label=submit)]
    components += [MetricComponent(id=m, metric=m) for m in metrics]
    return Screen(name="log", title=ctx.t(en, zh), icon=icon, components=components)


def history_screen(
    ctx: Context,
    entity: Entity,
    *,
    date: str | None = "day",
    category: str | None = None,
    search: bool = False,
    y: str | None = None,
    agg: str = "sum",
    line: bool = False,
    by_category: bool = True,
    table_title: str = "",
    en: str = "History",
    zh: str = "历史",
    icon: str = "📈",
) -> Screen:
    """Filter, charts by day and by category, the table and CSV export."""
    components: list[Component] = []
    if date or category or search:
        components.append(
            FilterComponent(id="flt", entity=entity.name, date_field=date, category_field=category, search=search)
        )
    chart_agg = agg if y else "count"
    if date:
        components.append(
            ChartComponent(
                id="trend",
                title=ctx.t("By day", "按天"),
                entity=entity.name,
                chart="line" if line else "bar",
                group_by="day",
                x=date,
                y=y,
                agg=chart_agg,
            )
        )
    if category and by_category:
        components.append(
            ChartComponent(
                id="bycat",
                title=ctx.t("By category", "按类别"),
                entity=entity.name,
                chart="pie" if chart_agg in ("sum", "count") else "bar",
                group_by="category",
                x=category,
                y=y,
                agg=chart_agg,
            )
        )
    components.append(TableComponent(id="log", title=table_title, entity=entity.name))
    components.append(CsvComponent(id="csv", entity=entity.name))
    return Screen(name="history", title=ctx.t(en, zh), icon=icon, components=components)


def save_steps(values: Mapping[str, object]) -> list[Step]:
    """Fill the form ``add`` with ``values`` and save it."""
    return [*(step("set", f"add__{field}", value) for field, value in values.items()), step("click", "add__submit")]


def save_path(
    name: str, story: str, values: Mapping[str, object], expects: Sequence[tuple[str, object]], times: int = 1
) -> KeyPath:
    """Fill the form ``add`` with ``values`` and save it ``times`` times, then check ``expects``."""
    steps = [s for _ in range(times) for s in save_steps(values)]
    checks = [expect(output, value, "approx" if isinstance(value, float) else "eq") for output, value in expects]
    return path(name, story, steps, checks)


def choice_options(items: list[str], fallback: list[str], limit: int = 12) -> list[str]:
    """Listed items as choice options (unique, short), else the fallback options."""
    named = [c for c in (clean_option(i) for i in items) if c]  # never a clause of the request
    cleaned = list(dict.fromkeys(title_case(i.strip())[:80] for i in named))[:limit]
    return cleaned if len(cleaned) >= 2 else fallback


def title_case(text: str) -> str:
    """First letter upper-cased (other letters kept as written)."""
    return text[:1].upper() + text[1:] if text else text
