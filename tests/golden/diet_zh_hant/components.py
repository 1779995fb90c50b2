"""Components of 飲食營養日記, drawn from Flash Apps templates.

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
    "save": "儲存",
    "required": "請填寫：{}",
    "saved": "已儲存 ✓",
    "no_records": "還沒有記錄——在上面新增第一筆吧。",
    "edit_or_delete": "編輯或刪除記錄",
    "choose_record": "選擇記錄",
    "save_changes": "儲存修改",
    "updated": "已更新 ✓",
    "delete": "刪除",
    "deleted": "已刪除",
    "goal_left": "還差 {}{}",
    "under_by": "還剩 {}{}",
    "over_by": "超出 {}{}",
    "of_goal": "已完成目標的 {}%（{}{}）",
    "goal_reached": "目標達成，太棒了！🎉",
    "over_limit": "本期已超出上限。",
    "no_chart_data": "有記錄後這裡會顯示圖表。",
    "all": "全部",
    "period": "時間範圍",
    "period_all": "全部時間",
    "period_today": "今天",
    "period_last7": "最近 7 天",
    "period_week": "本週",
    "period_last30": "最近 30 天",
    "period_month": "本月",
    "search": "搜尋",
    "export_csv": "匯出 {} 筆記錄為 CSV",
    "import_csv": "從 CSV 檔案匯入記錄",
    "import_now": "匯入 {} 筆記錄",
    "imported": "已匯入 {} 筆記錄 ✓",
    "not_an_option": "「{}」不是可選項：{}",
    "csv_no_columns": "檔案裡沒有本應用需要的欄位：{}",
    "csv_line": "第 {} 行：{} — {}",
    "empty": "為空",
    "fill_inputs": "填寫所有輸入即可看到結果。",
    "calc_error": "這些輸入無法計算。",
    "save_result": "儲存到歷史",
    "history": "歷史記錄（{}）",
    "value": "數值",
    "from": "從",
    "to": "到",
    "swap": "互換",
    "unit": "單位",
    "all_units": "所有單位換算",
    "quiz_check": "提交答案",
    "quiz_retry": "再來一次",
    "quiz_answered": "已作答 {} / {}",
    "quiz_right": "答對了！",
    "quiz_wrong": "不對喔，正確答案是：{}",
    "quiz_unanswered": "未作答，正確答案是：{}",
    "quiz_score": "得分",
    "quiz_best_label": "最佳成績",
    "quiz_best": "目前最佳：{} / {}",
    "quiz_passed": "通過了，真棒！",
    "quiz_failed": "還沒通過——需要答對 {}%。再試一次吧！",
    "cards_front": "問題",
    "cards_back": "答案",
    "cards_flip": "翻面",
    "cards_known": "記住了",
    "cards_unknown": "還不會",
    "cards_next": "下一張",
    "cards_shuffle": "洗牌",
    "cards_restart": "重新開始",
    "cards_badge_known": "✓ 已記住",
    "cards_badge_unknown": "↺ 待複習",
    "cards_progress": "已整理 {} / {} 張 · 記住 {} 張",
    "cards_all_sorted": "全部整理完畢：記住 {} 張，待複習 {} 張。",
    "cards_add": "新增卡片",
    "cards_new_front": "正面（問題）",
    "cards_new_back": "背面（答案）",
    "cards_add_button": "新增",
    "cards_added": "卡片已新增 ✓",
    "cards_need_both": "請填寫卡片的正反兩面。",
    "checklist_progress": "已完成 {} / {}",
    "checklist_all_done": "全部完成，做得好！🎉",
    "checklist_daily": "每天重新開始 · {}",
    "checklist_new": "新項目",
    "checklist_new_hint": "輸入後點擊新增",
    "checklist_add": "新增",
    "checklist_added": "已新增 ✓",
    "checklist_type_first": "請先輸入項目內容。",
    "picker_pick": "抽一個！",
    "picker_pick_many": "抽 {} 個！",
    "picker_reset": "重新開始",
    "picker_waiting": "點擊「抽」開始",
    "picker_left": "還剩 {} / {} 個未抽到",
    "picker_history": "抽取紀錄（共 {} 次）",
    "picker_result": "結果",
    "picker_edit": "編輯清單",
    "picker_items": "每行一項",
    "picker_saved": "清單已儲存 ✓（{} 項）",
    "picker_need_items": "請至少新增一項。",
    "counter_reset": "歸零",
    "counter_goal": "{} / {}（{}%）",
    "timer_start": "開始",
    "timer_resume": "繼續",
    "timer_pause": "暫停",
    "timer_reset": "重設",
    "timer_skip": "跳過",
    "timer_lap": "計圈",
    "timer_split": "單圈",
    "timer_total": "累計",
    "timer_minutes": "分鐘",
    "timer_work": "專注（分鐘）",
    "timer_break": "休息（分鐘）",
    "timer_phase_work": "專注",
    "timer_phase_break": "短休息",
    "timer_phase_long_break": "長休息",
    "timer_mode_countdown": "倒數計時",
    "timer_mode_stopwatch": "碼錶",
    "timer_state_idle": "準備就緒",
    "timer_state_running": "計時中",
    "timer_state_paused": "已暫停",
    "timer_state_done": "時間到！",
    "timer_done": "時間到！",
    "timer_cycles": "今日專注：{} 次 {}",
    "game_lang": "zh-Hant",
    "game_score": "得分",
    "game_best": "最佳",
    "game_start": "開始",
    "game_restart": "再玩一次",
    "game_game_over": "遊戲結束",
    "game_you_win": "你贏了！",
    "game_time_left": "剩餘時間",
    "game_moves": "步數",
    "game_wpm": "每分鐘字數",
    "game_accuracy": "準確率",
    "game_pairs": "配對",
    "game_tap_to_start": "點擊開始",
    "game_level": "關卡",
    "game_name_guess_number": "猜數字",
    "game_name_tic_tac_toe": "井字棋",
    "game_name_snake": "貪食蛇",
    "game_name_memory": "翻牌配對",
    "game_name_g2048": "2048",
    "game_name_whack": "打地鼠",
    "game_name_typing": "打字挑戰",
    "game_name_breakout": "打磚塊",
    "game_record": "記錄你的得分",
    "game_player": "玩家",
    "game_player_default": "玩家",
    "game_save": "儲存",
    "game_saved": "已儲存得分 {} ✓",
    "game_leaderboard": "排行榜",
    "game_when": "時間",
    "game_no_scores": "還沒有成績——玩一局後記錄你的得分吧。",
    "game_guess_prompt": "我想了一個 1 到 {} 之間的數字，你有 {} 次機會。",
    "game_guess_start": "猜一個數字吧",
    "game_guess_was": "你猜的是：{}",
    "game_guess_won": "用了 {} 次就猜中了！",
    "game_guess_lost": "機會用完了，答案就是它。",
    "game_higher": "再大一點",
    "game_lower": "再小一點",
    "game_your_guess": "你的猜測",
    "game_try": "猜",
    "game_enter_number": "請先輸入 1 到 {} 之間的數字。",
    "game_attempts": "已猜",
    "game_left": "剩餘",
    "game_fewest": "最少次數",
    "game_new": "新遊戲",
    "game_ttt_playing": "輪到你了——你是 ❌",
    "game_ttt_x": "你贏了！",
    "game_ttt_o": "這局電腦贏了。",
    "game_ttt_draw": "平手！",
    "game_ttt_tally": "你 {} · 電腦 {} · 平手 {}",
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
