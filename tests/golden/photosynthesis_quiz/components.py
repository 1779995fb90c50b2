"""Components of Photosynthesis Quiz, drawn from Flash Apps templates.

Change the app through its spec.json (or a follow-up sentence in Flash Apps), not here.
"""

import datetime as dt
import html
import random

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


def text(app: App, cfg: dict, view: dict) -> None:
    if cfg.get("title"):
        st.subheader(cfg["title"])
    st.markdown(cfg["body"])


def quiz_order(cfg: dict) -> list[int]:
    """Question numbers in the order shown: spec order, or shuffled once per session."""
    key = f"{cfg['id']}__order"
    if key not in st.session_state:
        order = list(range(len(cfg["questions"])))
        if cfg["shuffle"]:
            random.shuffle(order)
        st.session_state[key] = order
    return st.session_state[key]


def quiz_score(cfg: dict) -> int:
    cid = cfg["id"]
    return sum(
        1 for n, q in enumerate(cfg["questions"]) if st.session_state.get(f"{cid}__q{n}") == q["choices"][q["answer"]]
    )


def quiz_grade(app: App, cfg: dict) -> None:
    cid = cfg["id"]
    st.session_state[f"{cid}__graded"] = True
    score = quiz_score(cfg)
    if score > int(app.store.get(f"quiz:{cid}:best", 0)):
        app.store.put(f"quiz:{cid}:best", score)


def quiz_changed(cid: str) -> None:
    """A changed answer needs checking again."""
    st.session_state[f"{cid}__graded"] = False


def quiz_retry(cfg: dict) -> None:
    cid = cfg["id"]
    st.session_state[f"{cid}__graded"] = False
    for n in range(len(cfg["questions"])):
        st.session_state.pop(f"{cid}__q{n}", None)


def quiz(app: App, cfg: dict, view: dict) -> None:
    cid, questions = cfg["id"], cfg["questions"]
    graded = bool(st.session_state.get(f"{cid}__graded"))
    total = len(questions)
    answered = sum(1 for n in range(total) if st.session_state.get(f"{cid}__q{n}") is not None)
    score = quiz_score(cfg) if graded else 0
    passed = graded and score / total >= cfg["pass_mark"]
    publish(cid, "score", score)
    publish(cid, "answered", answered)
    publish(cid, "total", total)
    publish(cid, "finished", graded)
    publish(cid, "passed", passed)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    best = int(app.store.get(f"quiz:{cid}:best", 0))
    for position, n in enumerate(quiz_order(cfg), start=1):
        q = questions[n]
        right = q["choices"][q["answer"]]
        with st.container(border=True):
            choice = st.radio(
                f"**{position}.** {q['prompt']}",
                q["choices"],
                index=None,
                key=f"{cid}__q{n}",
                on_change=quiz_changed,
                args=(cid,),
            )
            if not graded:
                continue
            if choice == right:
                st.success(t("quiz_right"), icon="✅")
            elif choice is None:
                st.warning(t("quiz_unanswered").format(right), icon="❌")
            else:
                st.warning(t("quiz_wrong").format(right), icon="❌")
            if q.get("explanation"):
                st.caption(q["explanation"])
    if graded:
        mark, record = st.columns(2, wrap=False)
        mark.metric(
            t("quiz_score"),
            f"{score} / {total}",
            delta=f"{round(100 * score / total)}%",
            delta_color="off",
            delta_arrow="off",
        )
        record.metric(t("quiz_best_label"), f"{best} / {total}")
        if passed:
            st.success(t("quiz_passed"), icon="🎉")
        else:
            st.info(t("quiz_failed").format(round(100 * cfg["pass_mark"])), icon="💪")
    else:
        st.progress(answered / total, text=t("quiz_answered").format(answered, total))
        if best:
            st.caption(t("quiz_best").format(best, total))
    check, retry = st.columns([2, 1], wrap=False)
    check.button(
        t("quiz_check"),
        key=f"{cid}__submit",
        on_click=quiz_grade,
        args=(app, cfg),
        type="secondary" if graded else "primary",
        icon=":material/fact_check:",
        width="stretch",
    )
    retry.button(
        t("quiz_retry"),
        key=f"{cid}__retry",
        on_click=quiz_retry,
        args=(cfg,),
        type="primary" if graded else "secondary",
        icon=":material/restart_alt:",
        width="stretch",
    )
