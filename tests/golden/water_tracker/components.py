"""How the components of Water Tracker look and work.

app.py calls them by the ids of their settings in spec.json. This file holds only the
kinds of component this app uses, and the texts they show in the app's language.
"""

import csv
import datetime as dt
import html
import io
import secrets

import altair as alt
import pandas as pd
import streamlit as st

STRINGS = {
    "save": "Save",
    "required": "Please fill in: {}",
    "saved": "Saved ✓",
    "once_only": "{} has already sent one — only one each.",
    "no_records": "Nothing recorded yet — add your first entry above.",
    "edit_or_delete": "Edit or delete a record",
    "choose_record": "Record",
    "save_changes": "Save changes",
    "updated": "Updated ✓",
    "delete": "Delete",
    "deleted": "Deleted",
    "goal_left": "{}{} to go",
    "under_by": "{}{} left",
    "over_by": "{}{} over",
    "of_goal": "{}% of the goal ({}{})",
    "goal_reached": "Goal reached — well done! 🎉",
    "over_limit": "Over the limit for this period.",
    "no_chart_data": "The chart appears once there are records.",
    "all": "All",
    "period": "Period",
    "period_all": "All time",
    "period_today": "Today",
    "period_last7": "Last 7 days",
    "period_week": "This week",
    "period_last30": "Last 30 days",
    "period_month": "This month",
    "search": "Search",
    "export_csv": "Export {} rows as CSV",
    "import_csv": "Import records from a CSV file",
    "import_now": "Import {} rows",
    "imported": "Imported {} rows ✓",
    "not_an_option": "“{}” is not one of: {}",
    "csv_no_columns": "The file has none of the columns this app keeps: {}",
    "csv_line": "Line {}: {} — {}",
    "empty": "empty",
    "fill_inputs": "Fill in every input to see the result.",
    "calc_error": "These inputs cannot be calculated.",
    "save_result": "Save to history",
    "history": "History ({})",
    "value": "Value",
    "from": "From",
    "to": "To",
    "swap": "Swap",
    "unit": "Unit",
    "all_units": "In every unit",
    "add_parent_first": "Add a record to “{}” first, then link to it here.",
    "open_record": "Open a record: details, edit or delete",
    "no_linked": "Nothing linked yet.",
}


def t(key: str) -> str:
    """The interface text for ``key`` in this app's language."""
    return STRINGS.get(key, key)


class App:
    """What every component shares: the definitions (spec.json) and the records."""

    def __init__(self, spec: dict, store: object) -> None:
        self.spec = spec
        self.store = store
        self.brief = spec["brief"]
        self.theme = spec["brief"]["theme"]
        self.entities = {e["name"]: e for e in spec["entities"]}
        self.metrics = {m["name"]: m for m in spec["brief"]["metrics"]}
        self.settings = {c["id"]: c for s in spec["screens"] for c in s["components"]}
        self.view: dict[str, list[dict]] = {}
        st.session_state["_out"] = {}  # a new run: forget what the last one showed

    def component(self, cid: str) -> dict:
        """A component's settings in spec.json, found by its id."""
        return self.settings[cid]

    def fields(self, entity: str) -> list[dict]:
        return self.entities[entity]["fields"]

    def records(self, entity: str) -> list[dict]:
        """The entity's records, newest first, narrowed by a filter above on the screen."""
        if entity in self.view:
            return self.view[entity]
        return self.store.rows(entity)


def publish(cid: str, name: str, value: object) -> object:
    """Notes a value the user sees, for the app's tests to check what the screen shows."""
    st.session_state.setdefault("_out", {})[f"{cid}.{name}"] = value
    return value


def visitor_id() -> str:
    """Who is looking. Flash Apps gives each visitor's browser its own id when it serves the app (a
    cookie on the app's own path), so best scores and personal records stay with their visitor.
    Run on its own (streamlit run app.py) the app has one visitor: "local"."""
    value = st.context.headers.get("X-Flash-Visitor", "")
    if len(value) == 32 and all(c in "0123456789abcdef" for c in value):
        return value
    return "local"


def visitor_is_owner() -> bool:
    """Whether the person looking made this app (signed in to Flash Apps): they see every
    visitor's submissions. Run on its own, the one person using the app is its owner."""
    if visitor_id() == "local":
        return True
    return st.context.headers.get("X-Flash-Owner", "") == "1"


CSS = """
.block-container {max-width: 760px; padding-top: 1.6rem; padding-bottom: 3rem;}
[data-testid="stMetric"] {
    background: SURFACE; border-radius: 14px; padding: 0.7rem 1rem;
    border-left: 5px solid PRIMARY;
}
[data-testid="stForm"] {border-radius: 14px; border: 1px solid SURFACE;}
.stButton > button, .stFormSubmitButton > button, .stDownloadButton > button {
    border-radius: 999px;
}
.flash-hero {
    background: linear-gradient(120deg, PRIMARY, SURFACE);
    border-radius: 18px; padding: 1.1rem 1.3rem; margin-bottom: 1rem;
}
.flash-hero h1 {
    font-size: 1.7rem; margin: 0; padding: 0; color: #fff; text-shadow: 0 1px 2px #0004;
}
.flash-hero p {margin: 0.3rem 0 0 0; color: #fff; text-shadow: 0 1px 2px #0004;}
.flash-note {opacity: 0.8; font-size: 0.9rem; margin-bottom: 0.8rem;}
@media (max-width: 640px) {
    .flash-hero h1 {font-size: 1.35rem;}
    .block-container {padding-left: 0.8rem; padding-right: 0.8rem;}
}
"""


def styled(css: str, theme: dict) -> None:
    """Adds CSS to the page, with the theme's colours for PRIMARY and SURFACE."""
    css = css.replace("PRIMARY", theme["primary"]).replace("SURFACE", theme["surface"])
    st.markdown(f"<style>{css}</style>", unsafe_allow_html=True)


def header(app: App) -> None:
    """The page's title, icon and colours, then the app's title and what it is for."""
    brief = app.brief
    st.set_page_config(page_title=brief["title"], page_icon=brief["icon"])
    styled(CSS, app.theme)
    title = html.escape(f"{brief['icon']} {brief['title']}")
    st.markdown(
        f'<div class="flash-hero"><h1>{title}</h1><p>{html.escape(brief["value"])}</p></div>',
        unsafe_allow_html=True,
    )


def screens(app: App, shown: dict) -> None:
    """Draws each screen (a function of app.py) in a tab of its own; one: no tabs."""
    if len(shown) == 1:
        for draw in shown.values():
            draw()
        return
    for tab, draw in zip(st.tabs(list(shown)), shown.values(), strict=True):
        with tab:
            app.view = {}  # a filter narrows the records of its own screen only
            draw()


def today() -> dt.date:
    return dt.date.today()


def parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def record_date(row: dict, date_field: str | None) -> dt.date | None:
    """The day a record belongs to: its date field, else the day it was created."""
    return parse_date(row.get(date_field) if date_field else row.get("created_at"))


def in_period(day: dt.date | None, period: str) -> bool:
    if period == "all":
        return True
    if day is None:
        return False
    now = today()
    if period == "today":
        return day == now
    if period == "week":
        return now - dt.timedelta(days=now.weekday()) <= day <= now
    if period == "month":
        return (day.year, day.month) == (now.year, now.month)
    return True


def number(value: object) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def shown(value: float, decimals: int) -> float | int:
    return round(value, decimals) if decimals else round(value)


def field_label(field: dict) -> str:
    unit = field.get("unit")
    return f"{field['label']} ({unit})" if unit else field["label"]


def field_widget(field: dict, key: str, value: object = None) -> object:
    """The input for one field; a value already in the session wins over ``value``."""
    label, kind = field_label(field), field["type"]
    help_text = field.get("help") or None
    if value is None:
        value = field.get("default")
    fresh = key not in st.session_state
    if kind == "long_text":
        start = str(value or "") if fresh else None
        return st.text_area(label, value=start, key=key, help=help_text, max_chars=5000)
    if kind in ("int", "float"):
        cast = int if kind == "int" else float
        low = None if field.get("min") is None else cast(field["min"])
        high = None if field.get("max") is None else cast(field["max"])
        options = {"value": None if value is None else cast(value)} if fresh else {}
        step = cast(1 if kind == "int" else 0.1)
        return st.number_input(
            label,
            min_value=low,
            max_value=high,
            step=step,
            key=key,
            help=help_text,
            **options,
        )
    if kind == "bool":
        start = bool(value) if fresh else False
        return st.checkbox(label, value=start, key=key, help=help_text)
    if kind == "date":
        options = {"value": parse_date(value) or today()} if fresh else {}
        return st.date_input(label, key=key, help=help_text, **options)
    if kind == "choice":
        choices = field["options"]
        index = choices.index(value) if value in choices else 0
        index = index if fresh else None
        return st.selectbox(label, choices, index=index, key=key, help=help_text)
    if kind == "multi_choice":
        options = {"default": list(value or [])} if fresh else {}
        choices = field["options"]
        return st.multiselect(label, choices, key=key, help=help_text, **options)
    if kind == "rating":
        low, high = int(field.get("min") or 1), int(field.get("max") or 5)
        start = int(value) if isinstance(value, int | float) else (low + high) // 2
        options = {"value": start} if fresh else {}
        return st.slider(
            label,
            min_value=low,
            max_value=high,
            step=1,
            key=key,
            help=help_text,
            **options,
        )
    start = str(value or "") if fresh else None
    return st.text_input(label, value=start, key=key, help=help_text, max_chars=500)


def missing_fields(fields: list[dict], values: dict) -> list[str]:
    """Labels of required fields left empty."""
    required = [f for f in fields if f.get("required", True) and f["type"] != "bool"]
    return [f["label"] for f in required if values.get(f["name"]) in (None, "", [])]


def flash(cid: str, message: str, error: bool = False) -> None:
    """Keeps a message for the run a change triggers (changes save in callbacks)."""
    st.session_state[f"{cid}__flash"] = (message, error)


def show_flash(cid: str) -> None:
    message, error = st.session_state.pop(f"{cid}__flash", ("", False))
    if error:
        st.error(message)
    elif message:
        st.success(message)


def cell(value: object) -> object:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "✅" if value else "—"
    return value


def record_name(row: dict, fields: list[dict]) -> str:
    """A record's name in a list or a picker: its first text values, else its number."""
    texts = [row.get(f["name"]) for f in fields if f["type"] == "text"][:2]
    parts = [str(v) for v in texts if v not in (None, "")]
    return " · ".join(parts) or f"#{row['id']}"


def link_names(app: App, links: dict) -> dict[str, dict]:
    """For each linked field (field -> parent entity), the parent's records' names by id."""
    return {
        field: {
            r["id"]: record_name(r, app.fields(parent)) for r in app.store.rows(parent)
        }
        for field, parent in links.items()
    }  # fmt: skip


def named(row: dict, names: dict[str, dict]) -> dict:
    """A record with each linked field's id shown as its parent record's name."""
    shown_row = dict(row)
    for field, by_id in names.items():
        if row.get(field) is not None:
            shown_row[field] = by_id.get(row[field], "—")
    return shown_row


def link_widget(field: dict, key: str, names: dict) -> object:
    """Picks a parent record by name; its value is the record's id."""
    if key in st.session_state and st.session_state[key] not in names:
        del st.session_state[key]  # the record it named is gone
    return st.selectbox(
        field["label"],
        list(names),
        format_func=lambda i: names.get(i, "—"),
        key=key,
    )


def entity_links(app: App, entity: str) -> dict:
    """The links the app's forms and tables give an entity's fields (field -> parent entity)."""
    found: dict = {}
    for cfg in app.settings.values():
        if cfg.get("entity") == entity:
            found.update(cfg.get("links") or {})
    return found


def already_sent(app: App, cfg: dict, values: dict) -> str:
    """The values that match a saved record on every ``once_per`` field (one vote per name), else ""."""
    names = cfg.get("once_per") or []
    if not names:
        return ""

    def same(value: object) -> str:
        return str(value).strip().casefold()

    wanted = [same(values.get(n)) for n in names]
    for row in app.store.rows(cfg["entity"]):
        if [same(row.get(n)) for n in names] == wanted:
            return " · ".join(str(values.get(n)) for n in names)
    return ""


def save_form(app: App, cfg: dict, fields: list[dict]) -> None:
    """Runs before the next run draws anything: every component shows the new record."""
    cid = cfg["id"]
    values = {f["name"]: st.session_state.get(f"{cid}__{f['name']}") for f in fields}
    missing = missing_fields(fields, values)
    if missing:
        flash(cid, t("required").format(", ".join(missing)), error=True)
        return
    taken = already_sent(app, cfg, values)
    if taken:
        flash(cid, t("once_only").format(taken), error=True)
        return
    app.store.add(cfg["entity"], values)
    st.session_state[f"{cid}__saved"] = st.session_state.get(f"{cid}__saved", 0) + 1
    for f in fields:
        del st.session_state[f"{cid}__{f['name']}"]
    flash(cid, t("saved"))


def form(app: App, cid: str) -> None:
    """A form that adds a record: one input per field, then a save button."""
    cfg = app.component(cid)
    names = cfg["fields"]
    fields = [f for f in app.fields(cfg["entity"]) if not names or f["name"] in names]
    publish(cid, "saved", st.session_state.get(f"{cid}__saved", 0))
    show_flash(cid)
    links = cfg.get("links") or {}
    names = link_names(app, links)
    for field, parent in links.items():
        if not names[field]:
            st.info(t("add_parent_first").format(app.entities[parent]["label"]))
    with st.form(f"{cid}__form"):
        if cfg.get("title"):
            st.markdown(f"**{cfg['title']}**")
        for f in fields:
            if f["name"] in links:
                link_widget(f, f"{cid}__{f['name']}", names[f["name"]])
            else:
                field_widget(f, f"{cid}__{f['name']}")
        st.form_submit_button(
            cfg.get("submit_label") or t("save"),
            key=f"{cid}__submit",
            type="primary",
            width="stretch",
            on_click=save_form,
            args=(app, cfg, fields),
        )


def streak(days: set[dt.date]) -> int:
    """Days in a row with a record, up to today (or yesterday, while today is open)."""
    day = today()
    if day not in days:
        day -= dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def metric_value(app: App, metric: dict) -> float:
    """The metric over the entity's records: a sum, count, average, ... or a streak."""
    rows = app.store.rows(metric["entity"])
    date_field, field, agg = metric.get("date_field"), metric["field"], metric["agg"]
    if agg == "streak":
        return float(streak({d for r in rows if (d := record_date(r, date_field))}))
    rows = [r for r in rows if in_period(record_date(r, date_field), metric["period"])]
    values = [number(r.get(field)) for r in rows if r.get(field) is not None]
    if agg == "count":
        return float(len(rows))
    if agg == "latest":
        return values[0] if values else 0.0
    if not values:
        return 0.0
    if agg == "sum":
        return sum(values)
    if agg == "avg":
        return sum(values) / len(values)
    return max(values) if agg == "max" else min(values)


def metric(app: App, cid: str) -> None:
    """A number computed from the records (spec.json: brief.metrics), and its goal."""
    cfg = app.component(cid)
    spec = app.metrics[cfg["metric"]]
    decimals, goal = spec.get("decimals", 0), spec.get("goal")
    value = shown(metric_value(app, spec), decimals)
    unit = f" {spec['unit']}" if spec.get("unit") else ""
    reach = spec.get("goal_kind", "reach") == "reach"
    publish(cid, "value", value)
    progress = None if not goal else round(min(value / goal, 1.0), 3)
    publish(cid, "progress", progress)
    label = cfg.get("title") or spec["label"]
    delta = None
    if goal:
        left = shown(abs(goal - value), decimals)
        if reach:
            delta = t("goal_left").format(left, unit) if value < goal else None
        else:
            delta = t("under_by" if value <= goal else "over_by").format(left, unit)
    colour = "off" if goal else "normal"
    st.metric(label, f"{value}{unit}", delta=delta, delta_color=colour)
    if goal:
        percent = int((progress or 0) * 100)
        text = t("of_goal").format(percent, shown(goal, 2), unit)
        st.progress(progress or 0.0, text=text)
        if reach and value >= goal:
            st.success(t("goal_reached"))
        elif not reach and value > goal:
            st.warning(t("over_limit"))


PERIODS = ("all", "today", "last7", "week", "last30", "month")


def in_window(day: dt.date | None, period: str) -> bool:
    if period in ("last7", "last30"):
        first = today() - dt.timedelta(days=6 if period == "last7" else 29)
        return day is not None and first <= day <= today()
    return in_period(day, period)


def row_words(row: dict) -> str:
    return " ".join(str(cell(v)) for v in row.values()).casefold()


def filter_rows(
    rows: list[dict],
    cfg: dict,
    choice: dict,
    names: dict | None = None,
) -> list[dict]:
    """The records that match every part of the filter that is set (a linked record by its name)."""
    categories, period = choice["categories"], choice["period"]
    date_field = cfg["date_field"]
    if categories:
        field = cfg["category_field"]
        rows = [r for r in rows if str(cell(r.get(field))) in categories]
    if date_field and period != "all":
        rows = [r for r in rows if in_window(record_date(r, date_field), period)]
    if choice["text"]:
        needle = choice["text"].casefold()
        rows = [r for r in rows if needle in row_words(named(r, names or {}))]
    return rows


def filter_records(app: App, cid: str) -> None:
    """Narrows the records the components below it on the same screen show."""
    cfg = app.component(cid)
    rows = app.records(cfg["entity"])
    fields = {f["name"]: f for f in app.fields(cfg["entity"])}
    parts = [p for p in ("category_field", "date_field", "search") if cfg[p]]
    choice = {"categories": [], "period": "all", "text": ""}
    for column, part in zip(st.columns(len(parts)), parts, strict=True):
        with column:
            if part == "category_field":
                field = fields[cfg["category_field"]]
                found = sorted({str(cell(r.get(field["name"]))) for r in rows})
                choice["categories"] = st.multiselect(
                    field["label"],
                    field.get("options") or found,
                    key=f"{cid}__category",
                    placeholder=t("all"),
                )
            elif part == "date_field":
                choice["period"] = st.selectbox(
                    t("period"),
                    PERIODS,
                    format_func=lambda p: t(f"period_{p}"),
                    key=f"{cid}__period",
                )
            else:
                key = f"{cid}__search"
                choice["text"] = st.text_input(
                    t("search"),
                    key=key,
                    placeholder="🔍",
                    max_chars=200,
                )
    choice["period"] = choice["period"] or "all"
    names = link_names(app, entity_links(app, cfg["entity"]))
    app.view[cfg["entity"]] = filter_rows(rows, cfg, choice, names)
    publish(cid, "rows", len(app.view[cfg["entity"]]))


def group_key(row: dict, cfg: dict) -> str | None:
    if cfg["group_by"] == "category":
        value = row.get(cfg["x"])
        return None if value in (None, "") else str(cell(value))
    day = record_date(row, cfg["x"])
    if day is None:
        return None
    if cfg["group_by"] == "week":
        return (day - dt.timedelta(days=day.weekday())).isoformat()
    if cfg["group_by"] == "month":
        return day.strftime("%Y-%m")
    return day.isoformat()


def chart_points(rows: list[dict], cfg: dict) -> dict[str, float]:
    """Groups the records and adds them up: a point per day, week, month or category."""
    groups: dict[str, list[float]] = {}
    for row in rows:
        key = group_key(row, cfg)
        if key is not None:
            value = 1.0 if cfg["y"] is None else number(row.get(cfg["y"]))
            groups.setdefault(key, []).append(value)
    agg = cfg["agg"] if cfg["y"] is not None else "count"
    reduce = {
        "sum": sum,
        "count": len,
        "avg": lambda v: sum(v) / len(v),
        "max": max,
        "min": min,
    }[agg]
    points = {k: round(float(reduce(v)), 4) for k, v in groups.items()}
    return dict(sorted(points.items())) if cfg["group_by"] != "category" else points


def chart(app: App, cid: str) -> None:
    """A bar, line or pie chart of the records, by day, week, month or category."""
    cfg = app.component(cid)
    points = chart_points(app.records(cfg["entity"]), cfg)
    publish(cid, "points", len(points))
    if cfg.get("title"):
        st.subheader(cfg["title"])
    if not points:
        st.info(t("no_chart_data"))
        return
    frame = pd.DataFrame({"label": list(points), "value": list(points.values())})
    color = app.theme["primary"]
    if cfg["chart"] == "pie":
        base = alt.Chart(frame).encode(
            theta=alt.Theta("value:Q", stack=True),
            color=alt.Color("label:N", legend=alt.Legend(title=None, orient="bottom")),
            tooltip=["label", "value"],
        )
        drawing = base.mark_arc(innerRadius=55, outerRadius=110)
    else:
        x_type = "N" if cfg["group_by"] == "category" else "O"
        axis = alt.Axis(labelAngle=-30)
        base = alt.Chart(frame).encode(
            x=alt.X(f"label:{x_type}", title=None, sort=None, axis=axis),
            y=alt.Y("value:Q", title=None),
            tooltip=["label", "value"],
        )
        if cfg["chart"] == "line":
            drawing = base.mark_line(point=True, color=color, strokeWidth=3)
        else:
            corners = {"cornerRadiusTopLeft": 6, "cornerRadiusTopRight": 6}
            drawing = base.mark_bar(color=color, **corners)
    st.altair_chart(drawing.properties(height=280), width="stretch")


def row_title(row: dict, fields: list[dict]) -> str:
    values = [row.get(f["name"]) for f in fields[:3]]
    parts = [str(cell(v)) for v in values if v not in (None, "")]
    return f"#{row['id']} · " + " · ".join(parts)


def load_row(cid: str, fields: list[dict], row: dict) -> None:
    """Puts a record's values into the edit widgets when another record is chosen."""
    if st.session_state.get(f"{cid}__loaded") == row["id"]:
        return
    for f in fields:
        value = row.get(f["name"])
        if f["type"] == "date":
            value = parse_date(value) or today()
        elif f["type"] == "float" and value is not None:
            value = float(value)
        elif f["type"] in ("int", "rating") and value is not None:
            value = int(value)
        elif f["type"] == "multi_choice":
            value = list(value or [])
        elif f["type"] == "choice" and value not in f["options"]:
            value = None
        elif f["type"] in ("text", "long_text"):
            value = str(value or "")
        st.session_state[f"{cid}__edit_{f['name']}"] = value
    st.session_state[f"{cid}__loaded"] = row["id"]


def forget_edit(cid: str, fields: list[dict]) -> None:
    for f in fields:
        st.session_state.pop(f"{cid}__edit_{f['name']}", None)
    st.session_state.pop(f"{cid}__loaded", None)


def save_edit(app: App, cfg: dict, fields: list[dict]) -> None:
    cid = cfg["id"]
    row_id = st.session_state.get(f"{cid}__row")
    state = st.session_state
    values = {f["name"]: state.get(f"{cid}__edit_{f['name']}") for f in fields}
    missing = missing_fields(fields, values)
    if missing:
        flash(cid, t("required").format(", ".join(missing)), error=True)
        return
    app.store.update(cfg["entity"], row_id, values)
    forget_edit(cid, fields)
    flash(cid, t("updated"))


def delete_row(app: App, cfg: dict, fields: list[dict]) -> None:
    cid = cfg["id"]
    app.store.delete(cfg["entity"], st.session_state.get(f"{cid}__row"))
    forget_edit(cid, fields)
    st.session_state.pop(f"{cid}__row", None)
    flash(cid, t("deleted"))


def child_lists(app: App, cfg: dict, row: dict) -> None:
    """The picked record's linked records of other entities (a customer's tickets), each a list."""
    total = 0
    for child in cfg["children"]:
        entity = app.entities[child["entity"]]
        wanted = child.get("columns") or []
        fields = [
            f
            for f in entity["fields"]
            if f["name"] != child["field"] and (not wanted or f["name"] in wanted)
        ]  # fmt: skip
        rows = [
            r
            for r in app.store.rows(child["entity"])
            if r.get(child["field"]) == row["id"]
        ]  # fmt: skip
        names = link_names(app, entity_links(app, child["entity"]))
        rows = [named(r, names) for r in rows]
        total += len(rows)
        st.markdown(f"**{entity['label']}** · {len(rows)}")
        if not rows:
            st.caption(t("no_linked"))
            continue
        listed = [
            {field_label(f): cell(r.get(f["name"])) for f in fields} for r in rows
        ]  # fmt: skip
        st.dataframe(pd.DataFrame(listed), hide_index=True, width="stretch")
    publish(cfg["id"], "children", total)


def table(app: App, cid: str) -> None:
    """The records, newest first, with a place to edit or delete one (and see what links to it)."""
    cfg = app.component(cid)
    fields = app.fields(cfg["entity"])
    rows = app.records(cfg["entity"])
    publish(cid, "rows", len(rows))
    if cfg.get("children"):
        publish(cid, "children", 0)
    show_flash(cid)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    if not rows:
        st.info(t("no_records"))
        return
    links = cfg.get("links") or {}
    names = link_names(app, links)
    columns = [f for f in fields if not cfg["columns"] or f["name"] in cfg["columns"]]
    labels = {f["name"]: field_label(f) for f in columns}
    shown_rows = [
        {labels[n]: cell(named(r, names).get(n)) for n in labels} for r in rows
    ]  # fmt: skip
    st.dataframe(pd.DataFrame(shown_rows), hide_index=True, width="stretch")
    children = cfg.get("children") or []
    if not (cfg["editable"] or cfg["deletable"] or children):
        return
    by_id = {r["id"]: r for r in rows}
    heading = t("open_record") if children else t("edit_or_delete")
    with st.expander(heading, expanded=bool(children)):
        row_id = st.selectbox(
            t("choose_record"),
            list(by_id),
            format_func=lambda i: row_title(named(by_id[i], names), fields),
            key=f"{cid}__row",
        )
        if row_id not in by_id:
            return
        if children:
            child_lists(app, cfg, by_id[row_id])
        if cfg["editable"]:
            load_row(cid, fields, by_id[row_id])
            with st.form(f"{cid}__edit"):
                for f in fields:
                    if f["name"] in links:
                        link_widget(f, f"{cid}__edit_{f['name']}", names[f["name"]])
                    else:
                        field_widget(f, f"{cid}__edit_{f['name']}")
                st.form_submit_button(
                    t("save_changes"),
                    key=f"{cid}__save",
                    on_click=save_edit,
                    args=(app, cfg, fields),
                )
        if cfg["deletable"]:
            st.button(
                t("delete"),
                key=f"{cid}__delete",
                icon="🗑️",
                on_click=delete_row,
                args=(app, cfg, fields),
            )


def to_csv(rows: list[dict], fields: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f["name"] for f in fields])
    for row in rows:
        values = [row.get(f["name"]) for f in fields]
        writer.writerow(["|".join(v) if isinstance(v, list) else v for v in values])
    return out.getvalue()


def parse_cell(field: dict, text: str) -> object:
    """One CSV cell as the field's type; raises ValueError with a readable reason."""
    text = text.strip()
    if text == "":
        return None
    kind = field["type"]
    if kind in ("int", "rating"):
        return int(float(text))
    if kind == "float":
        return float(text)
    if kind == "bool":
        return text.casefold() in ("1", "true", "yes", "y", "✅", "是", "x")
    if kind == "date":
        return dt.date.fromisoformat(text[:10]).isoformat()
    if kind == "choice" and text not in field["options"]:
        options = ", ".join(field["options"])
        raise ValueError(t("not_an_option").format(text, options))
    if kind == "multi_choice":
        return [v for v in text.split("|") if v]
    return text


def from_csv(text: str, fields: list[dict]) -> tuple[list[dict], list[str]]:
    """Rows read from CSV text (headers: field names or labels), and the problems."""
    by_header = {f["name"]: f for f in fields} | {f["label"]: f for f in fields}
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    unknown = [h for h in reader.fieldnames or [] if h not in by_header]
    if not reader.fieldnames or len(unknown) == len(reader.fieldnames):
        names = ", ".join(f["name"] for f in fields)
        return [], [t("csv_no_columns").format(names)]
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        row: dict = {}
        for heading, value in raw.items():
            field = by_header.get(heading or "")
            if field is None:
                continue
            try:
                row[field["name"]] = parse_cell(field, value or "")
            except ValueError as exc:
                problems.append(t("csv_line").format(line, field["label"], exc))
        missing = ", ".join(missing_fields(fields, row))
        if missing:
            problems.append(t("csv_line").format(line, missing, t("empty")))
        rows.append(row)
    return rows, problems


def import_rows(app: App, cfg: dict, rows: list[dict]) -> None:
    app.store.add_many(cfg["entity"], rows)
    st.session_state.pop(f"{cfg['id']}__upload", None)
    flash(cfg["id"], t("imported").format(len(rows)))


def csv_file(app: App, cid: str) -> None:
    """Downloads the records as a CSV file, and adds the rows of an uploaded one."""
    cfg = app.component(cid)
    fields = app.fields(cfg["entity"])
    rows = app.records(cfg["entity"])
    publish(cid, "rows", len(rows))
    show_flash(cid)
    st.download_button(
        t("export_csv").format(len(rows)),
        data=to_csv(rows, fields).encode("utf-8-sig"),
        file_name=f"{cfg['entity']}.csv",
        mime="text/csv",
        key=f"{cid}__export",
        icon="⬇️",
    )
    if not cfg["allow_import"]:
        return
    uploaded = st.file_uploader(t("import_csv"), type=["csv"], key=f"{cid}__upload")
    if uploaded is None:
        return
    text = uploaded.getvalue().decode("utf-8-sig", errors="replace")
    parsed, problems = from_csv(text, fields)
    if problems:
        st.error("\n\n".join(problems[:8]))
        return
    st.button(
        t("import_now").format(len(parsed)),
        key=f"{cid}__import",
        type="primary",
        on_click=import_rows,
        args=(app, cfg, parsed),
    )


def convert(value: float, source: dict, target: dict) -> float:
    """Linear units: base = (value + offset) * factor, and back."""
    base = (value + source.get("offset", 0.0)) * source["factor"]
    return base / target["factor"] - target.get("offset", 0.0)


def swap_units(cid: str) -> None:
    state, key_from, key_to = st.session_state, f"{cid}__from", f"{cid}__to"
    state[key_from], state[key_to] = state[key_to], state[key_from]


def converter(app: App, cid: str) -> None:
    """Converts a value from one unit to another (and shows it in every unit)."""
    cfg = app.component(cid)
    units = {u["name"]: u for u in cfg["units"]}
    names, decimals = list(units), cfg["decimals"]
    if cfg.get("title"):
        st.subheader(cfg["title"])
    left, right = st.columns(2)
    start = float(cfg["default_value"])
    value = left.number_input(t("value"), value=start, key=f"{cid}__value", format="%g")
    source = left.selectbox(
        t("from"),
        names,
        index=0,
        format_func=lambda n: units[n]["label"],
        key=f"{cid}__from",
    )
    target = right.selectbox(
        t("to"),
        names,
        index=1,
        format_func=lambda n: units[n]["label"],
        key=f"{cid}__to",
    )
    right.button(
        t("swap"),
        key=f"{cid}__swap",
        on_click=swap_units,
        args=(cid,),
        icon="🔁",
        width="stretch",
    )
    result = round(convert(value, units[source], units[target]), decimals)
    publish(cid, "result", result)
    st.metric(f"{units[source]['label']} → {units[target]['label']}", f"{result:g}")
    others = [
        {
            t("unit"): u["label"],
            t("value"): round(convert(value, units[source], u), decimals),
        }
        for u in cfg["units"]
    ]
    with st.expander(t("all_units")):
        st.dataframe(pd.DataFrame(others), hide_index=True, width="stretch")


def calc_input(spec: dict, key: str) -> object:
    unit, kind, default = spec.get("unit"), spec["type"], spec.get("default")
    label = f"{spec['label']} ({unit})" if unit else spec["label"]
    fresh = key not in st.session_state
    if kind in ("number", "int"):
        cast = int if kind == "int" else float
        low = None if spec.get("min") is None else cast(spec["min"])
        high = None if spec.get("max") is None else cast(spec["max"])
        step = cast(spec.get("step") or (1 if kind == "int" else 0.1))
        start = None if default is None else cast(default)
        options = {"value": start} if fresh else {}
        return st.number_input(
            label,
            min_value=low,
            max_value=high,
            step=step,
            key=key,
            **options,
        )
    if kind == "choice":
        choices = spec["options"]
        index = choices.index(default) if default in choices else 0
        return st.selectbox(label, choices, index=index if fresh else None, key=key)
    if kind == "bool":
        return st.checkbox(label, value=bool(default) if fresh else False, key=key)
    if kind == "draw":  # a secret seed nobody can guess, never made from the inputs
        again = st.button(spec["label"], key=f"{key}__new")
        if fresh or again:
            st.session_state[key] = secrets.token_hex(128)
        return st.session_state[key]
    return st.text_input(
        label,
        value=str(default or "") if fresh else None,
        key=key,
        max_chars=500,
    )


def calculate(app: App, cfg: dict, values: dict, functions: dict) -> tuple[dict, str]:
    """Every result of the calculator for these inputs, or why it cannot be computed."""
    if any(v is None or v == "" for v in values.values()):
        return {}, t("fill_inputs")
    params = {f["name"]: [p["name"] for p in f["params"]] for f in app.spec["logic"]}
    results = {}
    for result in cfg["results"]:
        name = result["function"]
        try:
            value = functions[name](**{p: values[p] for p in params[name]})
        except (ArithmeticError, ValueError, TypeError, KeyError, IndexError) as exc:
            return {}, str(exc) or t("calc_error")
        if isinstance(value, float):
            value = round(value, result["decimals"])
        results[name] = value
    return results, ""


def calculator(app: App, cid: str, functions: dict) -> None:
    """Inputs, and the results the functions of logic.py compute from them."""
    cfg = app.component(cid)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    columns = st.columns(2 if len(cfg["inputs"]) > 1 else 1)
    values = {}
    for index, spec in enumerate(cfg["inputs"]):
        with columns[index % len(columns)]:
            values[spec["name"]] = calc_input(spec, f"{cid}__{spec['name']}")
    results, error = calculate(app, cfg, values, functions)
    publish(cid, "error", error)
    for result in cfg["results"]:
        publish(cid, result["function"], results.get(result["function"]))
    if error:
        st.warning(error)
    else:
        calc_results(cfg, results)
    if cfg["history"]:
        calc_history(app, cfg, values, results, error)


def calc_results(cfg: dict, results: dict) -> None:
    """Numbers side by side; a text, list or table below them."""
    shown_results = [(r, results[r["function"]]) for r in cfg["results"]]
    numeric = [(r, v) for r, v in shown_results if isinstance(v, int | float)]
    if numeric:
        columns = st.columns(len(numeric))
        for column, (result, value) in zip(columns, numeric, strict=True):
            unit = f" {result['unit']}" if result.get("unit") else ""
            column.metric(result["label"], f"{value}{unit}")
    for result, value in shown_results:
        if isinstance(value, list | dict):
            st.markdown(f"**{result['label']}**")
            st.json(value)
        elif not isinstance(value, int | float):
            st.markdown(f"**{result['label']}**")
            st.code(str(value), language=None)


def calc_history(app: App, cfg: dict, values: dict, results: dict, error: str) -> None:
    """A button that keeps the inputs and results, and the last ones kept."""
    cid, history_key = cfg["id"], f"calc:{cfg['id']}"
    if st.button(t("save_result"), key=f"{cid}__go", disabled=bool(error), icon="💾"):
        now = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        entries = [{"at": now, **values, **results}, *app.store.get(history_key, [])]
        kept = [{k: cell(v) for k, v in e.items()} for e in entries[:50]]
        app.store.put(history_key, kept)
    entries = app.store.get(history_key, [])
    if entries:
        with st.expander(t("history").format(len(entries))):
            st.dataframe(pd.DataFrame(entries), hide_index=True, width="stretch")


def text(app: App, cid: str) -> None:
    """A title and a text (Markdown)."""
    cfg = app.component(cid)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    st.markdown(cfg["body"])
