"""Components of Water Tracker, drawn from Flash Apps templates.

Change the app through its spec.json (or a follow-up sentence in Flash Apps), not here.
"""

import csv
import datetime as dt
import html
import io

import altair as alt
import pandas as pd
import streamlit as st

STRINGS = {
    "save": "Save",
    "required": "Please fill in: {}",
    "saved": "Saved ✓",
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
    "quiz_check": "Check answers",
    "quiz_retry": "Try again",
    "quiz_answered": "{} of {} answered",
    "quiz_right": "Right!",
    "quiz_wrong": "Not quite — the answer is: {}",
    "quiz_unanswered": "Not answered — the answer is: {}",
    "quiz_score": "Score",
    "quiz_best_label": "Best",
    "quiz_best": "Your best so far: {} / {}",
    "quiz_passed": "Passed — well done!",
    "quiz_failed": "Not passed yet — you need {}% of the answers right. Have another go!",
    "cards_front": "Question",
    "cards_back": "Answer",
    "cards_flip": "Flip",
    "cards_known": "I know it",
    "cards_unknown": "Not yet",
    "cards_next": "Next",
    "cards_shuffle": "Shuffle",
    "cards_restart": "Start over",
    "cards_badge_known": "✓ known",
    "cards_badge_unknown": "↺ to review",
    "cards_progress": "{} of {} cards sorted · {} known",
    "cards_all_sorted": "Every card sorted: {} known, {} to review.",
    "cards_add": "Add a card",
    "cards_new_front": "Front (question)",
    "cards_new_back": "Back (answer)",
    "cards_add_button": "Add card",
    "cards_added": "Card added ✓",
    "cards_need_both": "Fill in both sides of the card.",
    "checklist_progress": "{} of {} done",
    "checklist_all_done": "All done — nice work! 🎉",
    "checklist_daily": "A fresh list every day · {}",
    "checklist_new": "New item",
    "checklist_new_hint": "Type and press Add",
    "checklist_add": "Add",
    "checklist_added": "Added ✓",
    "checklist_type_first": "Type the item first.",
    "picker_pick": "Pick!",
    "picker_pick_many": "Pick {}!",
    "picker_reset": "Start over",
    "picker_waiting": "Press Pick to draw",
    "picker_left": "{} of {} left before any repeat",
    "picker_history": "Last picks ({} so far)",
    "picker_result": "Picked",
    "picker_edit": "Edit the list",
    "picker_items": "One item per line",
    "picker_saved": "List saved ✓ ({} items)",
    "picker_need_items": "Add at least one item.",
    "counter_reset": "Reset",
    "counter_goal": "{} of {} ({}%)",
    "timer_start": "Start",
    "timer_resume": "Resume",
    "timer_pause": "Pause",
    "timer_reset": "Reset",
    "timer_skip": "Skip",
    "timer_lap": "Lap",
    "timer_split": "Split",
    "timer_total": "Total",
    "timer_minutes": "Minutes",
    "timer_work": "Focus (minutes)",
    "timer_break": "Break (minutes)",
    "timer_phase_work": "Focus",
    "timer_phase_break": "Short break",
    "timer_phase_long_break": "Long break",
    "timer_mode_countdown": "Countdown",
    "timer_mode_stopwatch": "Stopwatch",
    "timer_state_idle": "Ready",
    "timer_state_running": "Running",
    "timer_state_paused": "Paused",
    "timer_state_done": "Time's up!",
    "timer_done": "Time's up!",
    "timer_cycles": "Focus sessions today: {} {}",
    "game_lang": "en",
    "game_score": "Score",
    "game_best": "Best",
    "game_start": "Start",
    "game_restart": "Play again",
    "game_game_over": "Game over",
    "game_you_win": "You win!",
    "game_time_left": "Time left",
    "game_moves": "Moves",
    "game_wpm": "WPM",
    "game_accuracy": "Accuracy",
    "game_pairs": "Pairs",
    "game_tap_to_start": "Tap to start",
    "game_level": "Level",
    "game_name_guess_number": "Guess the number",
    "game_name_tic_tac_toe": "Tic-tac-toe",
    "game_name_snake": "Snake",
    "game_name_memory": "Memory",
    "game_name_g2048": "2048",
    "game_name_whack": "Whack-a-mole",
    "game_name_typing": "Typing race",
    "game_name_breakout": "Breakout",
    "game_record": "Record your score",
    "game_player": "Player",
    "game_player_default": "Player",
    "game_save": "Save",
    "game_saved": "Score {} saved ✓",
    "game_leaderboard": "Top scores",
    "game_when": "When",
    "game_no_scores": "No scores yet — play a round and record your score.",
    "game_guess_prompt": "I'm thinking of a number from 1 to {}. You have {} tries.",
    "game_guess_start": "Make your first guess",
    "game_guess_was": "Your guess: {}",
    "game_guess_won": "Got it in {} tries!",
    "game_guess_lost": "Out of tries — that was the number.",
    "game_higher": "Higher",
    "game_lower": "Lower",
    "game_your_guess": "Your guess",
    "game_try": "Guess",
    "game_enter_number": "Enter a number from 1 to {} first.",
    "game_attempts": "Tries",
    "game_left": "Left",
    "game_fewest": "Record",
    "game_new": "New game",
    "game_ttt_playing": "Your move — you are ❌",
    "game_ttt_x": "You win!",
    "game_ttt_o": "The computer wins this one.",
    "game_ttt_draw": "A draw!",
    "game_ttt_tally": "You {} · Computer {} · Draws {}",
}


def t(key: str) -> str:
    """The interface text for ``key`` in this app's language."""
    return STRINGS.get(key, key)


def begin() -> None:
    """Starts a run: forget the values the last run published."""
    st.session_state["_out"] = {}


def publish(cid: str, name: str, value: object) -> object:
    """Records a value the user sees, so the app's tests can check what the screen shows."""
    st.session_state.setdefault("_out", {})[f"{cid}.{name}"] = value
    return value


CSS = """
.block-container {max-width: 760px; padding-top: 1.6rem; padding-bottom: 3rem;}
[data-testid="stMetric"] {
    background: SURFACE; border-radius: 14px; padding: 0.7rem 1rem; border-left: 5px solid PRIMARY;
}
[data-testid="stForm"] {border-radius: 14px; border: 1px solid SURFACE;}
.stButton > button, .stFormSubmitButton > button, .stDownloadButton > button {border-radius: 999px;}
.flash-hero {
    background: linear-gradient(120deg, PRIMARY, SURFACE);
    border-radius: 18px; padding: 1.1rem 1.3rem; margin-bottom: 1rem;
}
.flash-hero h1 {font-size: 1.7rem; margin: 0; padding: 0; color: #fff; text-shadow: 0 1px 2px #0004;}
.flash-hero p {margin: 0.3rem 0 0 0; color: #fff; text-shadow: 0 1px 2px #0004;}
@media (max-width: 640px) {
    .flash-hero h1 {font-size: 1.35rem;}
    .block-container {padding-left: 0.8rem; padding-right: 0.8rem;}
}
"""


def apply_theme(theme: dict) -> None:
    css = CSS.replace("PRIMARY", theme["primary"]).replace("SURFACE", theme["surface"])
    st.markdown(f"<style>{css}</style>", unsafe_allow_html=True)


def header(icon: str, title: str, value: str) -> None:
    st.markdown(
        f'<div class="flash-hero"><h1>{html.escape(icon)} {html.escape(title)}</h1><p>{html.escape(value)}</p></div>',
        unsafe_allow_html=True,
    )


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
    return round(value, decimals) if decimals else int(round(value))


def field_label(field: dict) -> str:
    return f"{field['label']} ({field['unit']})" if field.get("unit") else field["label"]


def field_widget(field: dict, key: str, value: object = None) -> object:
    """Draws the input for one field; a value already in the session wins over ``value``."""
    label, kind, help_text = field_label(field), field["type"], field.get("help") or None
    if value is None:
        value = field.get("default")
    fresh = key not in st.session_state
    if kind == "long_text":
        return st.text_area(label, value=str(value or "") if fresh else None, key=key, help=help_text)
    if kind in ("int", "float"):
        cast = int if kind == "int" else float
        low = None if field.get("min") is None else cast(field["min"])
        high = None if field.get("max") is None else cast(field["max"])
        start = None if value is None else cast(value)
        options = {"value": start} if fresh else {}
        step = 1 if kind == "int" else 0.1
        return st.number_input(
            label, min_value=low, max_value=high, step=cast(step), key=key, help=help_text, **options
        )
    if kind == "bool":
        return st.checkbox(label, value=bool(value) if fresh else False, key=key, help=help_text)
    if kind == "date":
        options = {"value": parse_date(value) or today()} if fresh else {}
        return st.date_input(label, key=key, help=help_text, **options)
    if kind == "choice":
        choices = field["options"]
        index = choices.index(value) if value in choices else 0
        return st.selectbox(label, choices, index=index if fresh else None, key=key, help=help_text)
    if kind == "multi_choice":
        options = {"default": list(value or [])} if fresh else {}
        return st.multiselect(label, field["options"], key=key, help=help_text, **options)
    if kind == "rating":
        low, high = int(field.get("min") or 1), int(field.get("max") or 5)
        start = int(value) if isinstance(value, int | float) else (low + high) // 2
        options = {"value": start} if fresh else {}
        return st.slider(label, min_value=low, max_value=high, step=1, key=key, help=help_text, **options)
    return st.text_input(label, value=str(value or "") if fresh else None, key=key, help=help_text)


def missing_fields(fields: list[dict], values: dict) -> list[str]:
    """Labels of required fields left empty."""
    return [
        f["label"]
        for f in fields
        if f.get("required", True) and f["type"] != "bool" and values.get(f["name"]) in (None, "", [])
    ]


def flash(cid: str, message: str, error: bool = False) -> None:
    """Keeps a message for the run a change triggers (changes are saved in widget callbacks)."""
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


class App:
    """What every component of this app shares: its store and its data model."""

    def __init__(self, store, entities: dict, metrics: dict, theme: dict, functions: dict) -> None:
        self.store = store
        self.entities = entities
        self.metrics = metrics
        self.theme = theme
        self.functions = functions

    def fields(self, entity: str) -> list[dict]:
        return self.entities[entity]["fields"]

    def records(self, entity: str, view: dict) -> list[dict]:
        """The entity's records, newest first, narrowed by any filter drawn earlier on the screen."""
        if entity in view:
            return view[entity]
        return self.store.rows(entity)


def save_form(app: App, cfg: dict, fields: list[dict]) -> None:
    """Runs before the next run draws anything, so every component shows the new record."""
    cid = cfg["id"]
    values = {f["name"]: st.session_state.get(f"{cid}__{f['name']}") for f in fields}
    missing = missing_fields(fields, values)
    if missing:
        flash(cid, t("required").format(", ".join(missing)), error=True)
        return
    app.store.add(cfg["entity"], values)
    st.session_state[f"{cid}__saved"] = st.session_state.get(f"{cid}__saved", 0) + 1
    for f in fields:
        del st.session_state[f"{cid}__{f['name']}"]
    flash(cid, t("saved"))


def form(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    fields = [f for f in app.fields(cfg["entity"]) if not cfg["fields"] or f["name"] in cfg["fields"]]
    publish(cid, "saved", st.session_state.get(f"{cid}__saved", 0))
    show_flash(cid)
    with st.form(f"{cid}__form"):
        if cfg.get("title"):
            st.markdown(f"**{cfg['title']}**")
        for f in fields:
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
    """Consecutive days with a record, ending today (or yesterday, while today is still open)."""
    day = today()
    if day not in days:
        day -= dt.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= dt.timedelta(days=1)
    return count


def metric_value(app: App, metric: dict) -> float:
    rows = app.store.rows(metric["entity"])
    if metric["agg"] == "streak":
        return float(streak({d for r in rows if (d := record_date(r, metric.get("date_field")))}))
    rows = [r for r in rows if in_period(record_date(r, metric.get("date_field")), metric["period"])]
    values = [number(r.get(metric["field"])) for r in rows if r.get(metric["field"]) is not None]
    agg = metric["agg"]
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


def metric(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    spec = app.metrics[cfg["metric"]]
    value = shown(metric_value(app, spec), spec.get("decimals", 0))
    unit = f" {spec['unit']}" if spec.get("unit") else ""
    goal = spec.get("goal")
    publish(cid, "value", value)
    progress = None if not goal else round(min(value / goal, 1.0), 3)
    publish(cid, "progress", progress)
    label = cfg.get("title") or spec["label"]
    delta = None
    if goal:
        left = shown(abs(goal - value), spec.get("decimals", 0))
        if spec.get("goal_kind", "reach") == "reach":
            delta = t("goal_left").format(left, unit) if value < goal else None
        else:
            delta = t("under_by" if value <= goal else "over_by").format(left, unit)
    st.metric(label, f"{value}{unit}", delta=delta, delta_color="off" if goal else "normal")
    if goal:
        st.progress(progress or 0.0, text=t("of_goal").format(int((progress or 0) * 100), shown(goal, 2), unit))
        if spec.get("goal_kind", "reach") == "reach" and value >= goal:
            st.success(t("goal_reached"))
        elif spec.get("goal_kind") == "stay_under" and value > goal:
            st.warning(t("over_limit"))


PERIODS = ("all", "today", "last7", "week", "last30", "month")


def in_window(day: dt.date | None, period: str) -> bool:
    if period in ("last7", "last30"):
        span = 7 if period == "last7" else 30
        return day is not None and today() - dt.timedelta(days=span - 1) <= day <= today()
    return in_period(day, period)


def filter_rows(rows: list[dict], cfg: dict, categories: list[str], period: str, text: str) -> list[dict]:
    """The records that match every part of the filter that is set."""
    if categories:
        rows = [r for r in rows if str(cell(r.get(cfg["category_field"]))) in categories]
    if cfg["date_field"] and period != "all":
        rows = [r for r in rows if in_window(record_date(r, cfg["date_field"]), period)]
    if text:
        needle = text.casefold()
        rows = [r for r in rows if needle in " ".join(str(cell(v)) for v in r.values()).casefold()]
    return rows


def filter_(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    rows = app.records(cfg["entity"], view)
    fields = {f["name"]: f for f in app.fields(cfg["entity"])}
    parts = [p for p in ("category_field", "date_field", "search") if cfg[p]]
    columns = st.columns(len(parts))
    categories: list[str] = []
    period, text = "all", ""
    for column, part in zip(columns, parts, strict=True):
        with column:
            if part == "category_field":
                field = fields[cfg["category_field"]]
                options = field.get("options") or sorted({str(cell(r.get(field["name"]))) for r in rows})
                categories = st.multiselect(field["label"], options, key=f"{cid}__category", placeholder=t("all"))
            elif part == "date_field":
                period = st.selectbox(
                    t("period"), PERIODS, format_func=lambda p: t(f"period_{p}"), key=f"{cid}__period"
                )
            else:
                text = st.text_input(t("search"), key=f"{cid}__search", placeholder="🔍")
    view[cfg["entity"]] = filter_rows(rows, cfg, categories, period or "all", text)
    publish(cid, "rows", len(view[cfg["entity"]]))


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
    """Groups records and aggregates them: one point per day, week, month or category."""
    groups: dict[str, list[float]] = {}
    for row in rows:
        key = group_key(row, cfg)
        if key is not None:
            groups.setdefault(key, []).append(1.0 if cfg["y"] is None else number(row.get(cfg["y"])))
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


def chart(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    points = chart_points(app.records(cfg["entity"], view), cfg)
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
        base = alt.Chart(frame).encode(
            x=alt.X(f"label:{x_type}", title=None, sort=None, axis=alt.Axis(labelAngle=-30)),
            y=alt.Y("value:Q", title=None),
            tooltip=["label", "value"],
        )
        if cfg["chart"] == "line":
            drawing = base.mark_line(point=True, color=color, strokeWidth=3)
        else:
            drawing = base.mark_bar(color=color, cornerRadiusTopLeft=6, cornerRadiusTopRight=6)
    st.altair_chart(drawing.properties(height=280), width="stretch")


def row_title(row: dict, fields: list[dict]) -> str:
    parts = [str(cell(row.get(f["name"]))) for f in fields[:3] if row.get(f["name"]) not in (None, "")]
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
    values = {f["name"]: st.session_state.get(f"{cid}__edit_{f['name']}") for f in fields}
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


def table(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    fields = app.fields(cfg["entity"])
    rows = app.records(cfg["entity"], view)
    publish(cid, "rows", len(rows))
    show_flash(cid)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    if not rows:
        st.info(t("no_records"))
        return
    shown_fields = [f for f in fields if not cfg["columns"] or f["name"] in cfg["columns"]]
    frame = pd.DataFrame([{field_label(f): cell(r.get(f["name"])) for f in shown_fields} for r in rows])
    st.dataframe(frame, hide_index=True, width="stretch")
    if not (cfg["editable"] or cfg["deletable"]):
        return
    by_id = {r["id"]: r for r in rows}
    with st.expander(t("edit_or_delete")):
        row_id = st.selectbox(
            t("choose_record"), list(by_id), format_func=lambda i: row_title(by_id[i], fields), key=f"{cid}__row"
        )
        if row_id not in by_id:
            return
        if cfg["editable"]:
            load_row(cid, fields, by_id[row_id])
            with st.form(f"{cid}__edit"):
                for f in fields:
                    field_widget(f, f"{cid}__edit_{f['name']}")
                st.form_submit_button(
                    t("save_changes"), key=f"{cid}__save", on_click=save_edit, args=(app, cfg, fields)
                )
        if cfg["deletable"]:
            st.button(t("delete"), key=f"{cid}__delete", icon="🗑️", on_click=delete_row, args=(app, cfg, fields))


def to_csv(rows: list[dict], fields: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([f["name"] for f in fields])
    for row in rows:
        writer.writerow(["|".join(v) if isinstance(v := row.get(f["name"]), list) else v for f in fields])
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
        raise ValueError(t("not_an_option").format(text, ", ".join(field["options"])))
    if kind == "multi_choice":
        return [v for v in text.split("|") if v]
    return text


def from_csv(text: str, fields: list[dict]) -> tuple[list[dict], list[str]]:
    """Rows read from CSV text (headers by field name or label) and the problems found."""
    by_header = {f["name"]: f for f in fields} | {f["label"]: f for f in fields}
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    unknown = [h for h in reader.fieldnames or [] if h not in by_header]
    if not reader.fieldnames or len(unknown) == len(reader.fieldnames):
        return [], [t("csv_no_columns").format(", ".join(f["name"] for f in fields))]
    rows, problems = [], []
    for number_, raw in enumerate(reader, start=2):
        row: dict = {}
        for header_, value in raw.items():
            field = by_header.get(header_ or "")
            if field is None:
                continue
            try:
                row[field["name"]] = parse_cell(field, value or "")
            except ValueError as exc:
                problems.append(t("csv_line").format(number_, field["label"], exc))
        missing = missing_fields(fields, row)
        if missing:
            problems.append(t("csv_line").format(number_, ", ".join(missing), t("empty")))
        rows.append(row)
    return rows, problems


def import_rows(app: App, cfg: dict, rows: list[dict]) -> None:
    app.store.add_many(cfg["entity"], rows)
    st.session_state.pop(f"{cfg['id']}__upload", None)
    flash(cfg["id"], t("imported").format(len(rows)))


def csv_(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    fields = app.fields(cfg["entity"])
    rows = app.records(cfg["entity"], view)
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
    parsed, problems = from_csv(uploaded.getvalue().decode("utf-8-sig", errors="replace"), fields)
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
    key_from, key_to = f"{cid}__from", f"{cid}__to"
    st.session_state[key_from], st.session_state[key_to] = st.session_state[key_to], st.session_state[key_from]


def converter(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    units = {u["name"]: u for u in cfg["units"]}
    names = list(units)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    left, right = st.columns(2)
    value = left.number_input(t("value"), value=float(cfg["default_value"]), key=f"{cid}__value", format="%g")
    source = left.selectbox(t("from"), names, index=0, format_func=lambda n: units[n]["label"], key=f"{cid}__from")
    target = right.selectbox(t("to"), names, index=1, format_func=lambda n: units[n]["label"], key=f"{cid}__to")
    right.button(t("swap"), key=f"{cid}__swap", on_click=swap_units, args=(cid,), icon="🔁", width="stretch")
    result = round(convert(value, units[source], units[target]), cfg["decimals"])
    publish(cid, "result", result)
    st.metric(f"{units[source]['label']} → {units[target]['label']}", f"{result:g}")
    others = [
        {t("unit"): u["label"], t("value"): round(convert(value, units[source], u), cfg["decimals"])}
        for u in cfg["units"]
    ]
    with st.expander(t("all_units")):
        st.dataframe(pd.DataFrame(others), hide_index=True, width="stretch")


def calc_input(spec: dict, key: str) -> object:
    label = f"{spec['label']} ({spec['unit']})" if spec.get("unit") else spec["label"]
    kind, default = spec["type"], spec.get("default")
    fresh = key not in st.session_state
    if kind in ("number", "int"):
        cast = int if kind == "int" else float
        low = None if spec.get("min") is None else cast(spec["min"])
        high = None if spec.get("max") is None else cast(spec["max"])
        step = cast(spec.get("step") or (1 if kind == "int" else 0.1))
        options = {"value": None if default is None else cast(default)} if fresh else {}
        return st.number_input(label, min_value=low, max_value=high, step=step, key=key, **options)
    if kind == "choice":
        choices = spec["options"]
        index = choices.index(default) if default in choices else 0
        return st.selectbox(label, choices, index=index if fresh else None, key=key)
    if kind == "bool":
        return st.checkbox(label, value=bool(default) if fresh else False, key=key)
    return st.text_input(label, value=str(default or "") if fresh else None, key=key)


def calculate(functions: dict, cfg: dict, values: dict) -> tuple[dict, str]:
    """Every result of the calculator for these inputs, or the reason it cannot be computed."""
    if any(v is None or v == "" for v in values.values()):
        return {}, t("fill_inputs")
    results = {}
    for result in cfg["results"]:
        function = functions[result["function"]]
        try:
            value = function(**{name: values[name] for name in result["params"]})
        except (ArithmeticError, ValueError, TypeError, KeyError, IndexError) as exc:
            return {}, str(exc) or t("calc_error")
        if isinstance(value, float):
            value = round(value, result["decimals"])
        results[result["function"]] = value
    return results, ""


def calculator(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    if cfg.get("title"):
        st.subheader(cfg["title"])
    columns = st.columns(2 if len(cfg["inputs"]) > 1 else 1)
    values = {}
    for index, spec in enumerate(cfg["inputs"]):
        with columns[index % len(columns)]:
            values[spec["name"]] = calc_input(spec, f"{cid}__{spec['name']}")
    results, error = calculate(app.functions, cfg, values)
    publish(cid, "error", error)
    for result in cfg["results"]:
        publish(cid, result["function"], results.get(result["function"]))
    if error:
        st.warning(error)
    else:
        numeric = [r for r in cfg["results"] if isinstance(results[r["function"]], int | float)]
        if numeric:
            for column, result in zip(st.columns(len(numeric)), numeric, strict=True):
                unit = f" {result['unit']}" if result.get("unit") else ""
                column.metric(result["label"], f"{results[result['function']]}{unit}")
        for result in cfg["results"]:
            value = results[result["function"]]
            if isinstance(value, list | dict):
                st.markdown(f"**{result['label']}**")
                st.json(value)
            elif not isinstance(value, int | float):
                st.markdown(f"**{result['label']}**")
                st.code(str(value), language=None)
    if not cfg["history"]:
        return
    history_key = f"calc:{cid}"
    if st.button(t("save_result"), key=f"{cid}__go", disabled=bool(error), icon="💾"):
        entry = {"at": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), **values, **results}
        entries = [entry, *app.store.get(history_key, [])][:50]
        app.store.put(history_key, [{k: cell(v) for k, v in e.items()} for e in entries])
    entries = app.store.get(history_key, [])
    if entries:
        with st.expander(t("history").format(len(entries))):
            st.dataframe(pd.DataFrame(entries), hide_index=True, width="stretch")


def text(app: App, cfg: dict, view: dict) -> None:
    if cfg.get("title"):
        st.subheader(cfg["title"])
    st.markdown(cfg["body"])
