"""Components of 英语单词卡片, drawn from Flash Apps templates.

Change the app through its spec.json (or a follow-up sentence in Flash Apps), not here.
"""

import datetime as dt
import html
import random

import streamlit as st

STRINGS = {
    "save": "保存",
    "required": "请填写：{}",
    "saved": "已保存 ✓",
    "no_records": "还没有记录——在上面添加第一条吧。",
    "edit_or_delete": "编辑或删除记录",
    "choose_record": "选择记录",
    "save_changes": "保存修改",
    "updated": "已更新 ✓",
    "delete": "删除",
    "deleted": "已删除",
    "goal_left": "还差 {}{}",
    "under_by": "还剩 {}{}",
    "over_by": "超出 {}{}",
    "of_goal": "已完成目标的 {}%（{}{}）",
    "goal_reached": "目标达成，太棒了！🎉",
    "over_limit": "本期已超出上限。",
    "no_chart_data": "有记录后这里会显示图表。",
    "all": "全部",
    "period": "时间范围",
    "period_all": "全部时间",
    "period_today": "今天",
    "period_last7": "最近 7 天",
    "period_week": "本周",
    "period_last30": "最近 30 天",
    "period_month": "本月",
    "search": "搜索",
    "export_csv": "导出 {} 条记录为 CSV",
    "import_csv": "从 CSV 文件导入记录",
    "import_now": "导入 {} 条记录",
    "imported": "已导入 {} 条记录 ✓",
    "not_an_option": "“{}”不是可选项：{}",
    "csv_no_columns": "文件里没有本应用需要的列：{}",
    "csv_line": "第 {} 行：{} — {}",
    "empty": "为空",
    "fill_inputs": "填写所有输入即可看到结果。",
    "calc_error": "这些输入无法计算。",
    "save_result": "保存到历史",
    "history": "历史记录（{}）",
    "value": "数值",
    "from": "从",
    "to": "到",
    "swap": "互换",
    "unit": "单位",
    "all_units": "所有单位换算",
    "quiz_check": "提交答案",
    "quiz_retry": "再来一次",
    "quiz_answered": "已作答 {} / {}",
    "quiz_right": "答对了！",
    "quiz_wrong": "不对哦，正确答案是：{}",
    "quiz_unanswered": "未作答，正确答案是：{}",
    "quiz_score": "得分",
    "quiz_best_label": "最佳成绩",
    "quiz_best": "目前最佳：{} / {}",
    "quiz_passed": "通过了，真棒！",
    "quiz_failed": "还没通过——需要答对 {}%。再试一次吧！",
    "cards_front": "问题",
    "cards_back": "答案",
    "cards_flip": "翻面",
    "cards_known": "记住了",
    "cards_unknown": "还不会",
    "cards_next": "下一张",
    "cards_shuffle": "洗牌",
    "cards_restart": "重新开始",
    "cards_badge_known": "✓ 已记住",
    "cards_badge_unknown": "↺ 待复习",
    "cards_progress": "已整理 {} / {} 张 · 记住 {} 张",
    "cards_all_sorted": "全部整理完毕：记住 {} 张，待复习 {} 张。",
    "cards_add": "添加卡片",
    "cards_new_front": "正面（问题）",
    "cards_new_back": "背面（答案）",
    "cards_add_button": "添加",
    "cards_added": "卡片已添加 ✓",
    "cards_need_both": "请填写卡片的正反两面。",
    "checklist_progress": "已完成 {} / {}",
    "checklist_all_done": "全部完成，干得好！🎉",
    "checklist_daily": "每天重新开始 · {}",
    "checklist_new": "新项目",
    "checklist_new_hint": "输入后点击添加",
    "checklist_add": "添加",
    "checklist_added": "已添加 ✓",
    "checklist_type_first": "请先输入项目内容。",
    "picker_pick": "抽一个！",
    "picker_pick_many": "抽 {} 个！",
    "picker_reset": "重新开始",
    "picker_waiting": "点击“抽”开始",
    "picker_left": "还剩 {} / {} 个未抽到",
    "picker_history": "抽取记录（共 {} 次）",
    "picker_result": "结果",
    "picker_edit": "编辑列表",
    "picker_items": "每行一项",
    "picker_saved": "列表已保存 ✓（{} 项）",
    "picker_need_items": "请至少添加一项。",
    "counter_reset": "清零",
    "counter_goal": "{} / {}（{}%）",
    "timer_start": "开始",
    "timer_resume": "继续",
    "timer_pause": "暂停",
    "timer_reset": "重置",
    "timer_skip": "跳过",
    "timer_lap": "计圈",
    "timer_split": "单圈",
    "timer_total": "累计",
    "timer_minutes": "分钟",
    "timer_work": "专注（分钟）",
    "timer_break": "休息（分钟）",
    "timer_phase_work": "专注",
    "timer_phase_break": "短休息",
    "timer_phase_long_break": "长休息",
    "timer_mode_countdown": "倒计时",
    "timer_mode_stopwatch": "秒表",
    "timer_state_idle": "准备就绪",
    "timer_state_running": "计时中",
    "timer_state_paused": "已暂停",
    "timer_state_done": "时间到！",
    "timer_done": "时间到！",
    "timer_cycles": "今日专注：{} 次 {}",
    "game_lang": "zh-Hans",
    "game_score": "得分",
    "game_best": "最佳",
    "game_start": "开始",
    "game_restart": "再玩一次",
    "game_game_over": "游戏结束",
    "game_you_win": "你赢了！",
    "game_time_left": "剩余时间",
    "game_moves": "步数",
    "game_wpm": "每分钟字数",
    "game_accuracy": "准确率",
    "game_pairs": "配对",
    "game_tap_to_start": "点击开始",
    "game_level": "关卡",
    "game_name_guess_number": "猜数字",
    "game_name_tic_tac_toe": "井字棋",
    "game_name_snake": "贪吃蛇",
    "game_name_memory": "翻牌配对",
    "game_name_g2048": "2048",
    "game_name_whack": "打地鼠",
    "game_name_typing": "打字挑战",
    "game_name_breakout": "打砖块",
    "game_record": "记录你的得分",
    "game_player": "玩家",
    "game_player_default": "玩家",
    "game_save": "保存",
    "game_saved": "已保存得分 {} ✓",
    "game_leaderboard": "排行榜",
    "game_when": "时间",
    "game_no_scores": "还没有成绩——玩一局后记录你的得分吧。",
    "game_guess_prompt": "我想了一个 1 到 {} 之间的数字，你有 {} 次机会。",
    "game_guess_start": "猜一个数字吧",
    "game_guess_was": "你猜的是：{}",
    "game_guess_won": "用了 {} 次就猜中了！",
    "game_guess_lost": "机会用完了，答案就是它。",
    "game_higher": "再大一点",
    "game_lower": "再小一点",
    "game_your_guess": "你的猜测",
    "game_try": "猜",
    "game_enter_number": "请先输入 1 到 {} 之间的数字。",
    "game_attempts": "已猜",
    "game_left": "剩余",
    "game_fewest": "最少次数",
    "game_new": "新游戏",
    "game_ttt_playing": "轮到你了——你是 ❌",
    "game_ttt_x": "你赢了！",
    "game_ttt_o": "这局电脑赢了。",
    "game_ttt_draw": "平局！",
    "game_ttt_tally": "你 {} · 电脑 {} · 平局 {}",
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


FLASHCARDS_CSS = """
.flash-card {
    background: SURFACE; border-radius: 22px; padding: 1.2rem 1.2rem 1rem; margin: 0.3rem 0 0.8rem;
    min-height: 13rem; display: flex; flex-direction: column; justify-content: space-between;
    border: 2px solid PRIMARY; box-shadow: 0 6px 18px #00000014;
}
.flash-card.back {background: linear-gradient(160deg, SURFACE, PRIMARY33);}
.flash-card .top, .flash-card .bottom {display: flex; justify-content: space-between; font-size: 0.85rem; opacity: 0.75;}
.flash-card .side {text-transform: uppercase; letter-spacing: 0.08em; font-weight: 700; color: PRIMARY;}
.flash-card .text {
    font-size: clamp(1.5rem, 7vw, 2.2rem); font-weight: 700; text-align: center; padding: 1rem 0.2rem;
    overflow-wrap: anywhere; line-height: 1.25;
}
.flash-card.back .text {font-size: clamp(1.15rem, 5vw, 1.5rem); font-weight: 600;}
.flash-card .hint {text-align: center; font-style: italic; opacity: 0.75; font-size: 0.95rem;}
.flash-card .badge {border-radius: 999px; padding: 0 0.6rem; background: PRIMARY22;}
"""


def flashcards_deck(app: App, cfg: dict) -> list[dict]:
    """Spec cards (ids s0, s1, …) and the cards the user added (a0, a1, …), in that order."""
    cards = [dict(c, id=f"s{n}") for n, c in enumerate(cfg["cards"])]
    added = app.store.get(f"flashcards:{cfg['id']}:added", []) if cfg["editable"] else []
    return cards + [dict(c, id=f"a{n}") for n, c in enumerate(added)]


def flashcards_sorted(app: App, cid: str) -> dict:
    return app.store.get(f"flashcards:{cid}:sorted", {})


def flashcards_move(cid: str, total: int, step: int = 1) -> None:
    st.session_state[f"{cid}__pos"] = (st.session_state.get(f"{cid}__pos", 0) + step) % max(total, 1)
    st.session_state[f"{cid}__side"] = "front"


def flashcards_flip(cid: str) -> None:
    side = st.session_state.get(f"{cid}__side", "front")
    st.session_state[f"{cid}__side"] = "back" if side == "front" else "front"


def flashcards_mark(app: App, cid: str, card_id: str, mark: str, total: int) -> None:
    """Sorts the current card into known or unknown (kept across restarts) and shows the next one."""
    marks = flashcards_sorted(app, cid)
    marks[card_id] = mark
    app.store.put(f"flashcards:{cid}:sorted", marks)
    flashcards_move(cid, total)


def flashcards_shuffle(cid: str, total: int) -> None:
    order = list(range(total))
    random.shuffle(order)
    st.session_state[f"{cid}__order"] = order
    st.session_state[f"{cid}__pos"] = 0
    st.session_state[f"{cid}__side"] = "front"


def flashcards_restart(app: App, cid: str, total: int) -> None:
    app.store.put(f"flashcards:{cid}:sorted", {})
    st.session_state[f"{cid}__order"] = list(range(total))
    st.session_state[f"{cid}__pos"] = 0
    st.session_state[f"{cid}__side"] = "front"


def flashcards_add(app: App, cfg: dict) -> None:
    cid = cfg["id"]
    front = " ".join(str(st.session_state.get(f"{cid}__new_front") or "").split())
    back = " ".join(str(st.session_state.get(f"{cid}__new_back") or "").split())
    if not front or not back:
        flash(cid, t("cards_need_both"), error=True)
        return
    added = app.store.get(f"flashcards:{cid}:added", [])
    app.store.put(f"flashcards:{cid}:added", [*added, {"front": front[:80], "back": back[:300], "hint": ""}])
    del st.session_state[f"{cid}__new_front"], st.session_state[f"{cid}__new_back"]
    flash(cid, t("cards_added"))


def flashcards(app: App, cfg: dict, view: dict) -> None:
    cid = cfg["id"]
    deck = flashcards_deck(app, cfg)
    total = len(deck)
    order = [n for n in st.session_state.get(f"{cid}__order", []) if n < total]
    order += [n for n in range(total) if n not in order]  # cards added since the deck was shuffled
    st.session_state[f"{cid}__order"] = order
    pos = st.session_state.get(f"{cid}__pos", 0) % total
    side = st.session_state.get(f"{cid}__side", "front")
    card = deck[order[pos]]
    marks = flashcards_sorted(app, cid)
    known = sum(1 for c in deck if marks.get(c["id"]) == "known")
    unknown = sum(1 for c in deck if marks.get(c["id"]) == "unknown")
    publish(cid, "index", pos)
    publish(cid, "side", side)
    publish(cid, "known", known)
    publish(cid, "unknown", unknown)
    publish(cid, "remaining", total - known - unknown)
    publish(cid, "total", total)
    primary = app.theme["primary"]
    css = FLASHCARDS_CSS.replace("PRIMARY", primary).replace("SURFACE", app.theme["surface"])
    st.markdown(f"<style>{css}</style>", unsafe_allow_html=True)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    text = card["front"] if side == "front" else card["back"]
    hint = card.get("hint") if side == "front" else ""
    sorted_as = {"known": t("cards_badge_known"), "unknown": t("cards_badge_unknown")}.get(marks.get(card["id"], ""))
    badge = f'<span class="badge">{html.escape(sorted_as)}</span>' if sorted_as else ""
    st.markdown(
        f'<div class="flash-card {side}">'
        f'<div class="top"><span class="side">{html.escape(t("cards_" + side))}</span>'
        f"<span>{pos + 1} / {total}</span></div>"
        f'<div class="text">{html.escape(text)}</div>'
        f'<div class="bottom"><span class="hint">{"💡 " + html.escape(hint) if hint else ""}</span>'
        f"{badge}</div></div>",
        unsafe_allow_html=True,
    )
    st.button(
        t("cards_flip"),
        key=f"{cid}__flip",
        on_click=flashcards_flip,
        args=(cid,),
        type="primary",
        icon=":material/flip:",
        width="stretch",
    )
    knew, missed = st.columns(2, wrap=False)
    knew.button(
        t("cards_known"),
        key=f"{cid}__known",
        on_click=flashcards_mark,
        args=(app, cid, card["id"], "known", total),
        icon=":material/check_circle:",
        width="stretch",
    )
    missed.button(
        t("cards_unknown"),
        key=f"{cid}__unknown",
        on_click=flashcards_mark,
        args=(app, cid, card["id"], "unknown", total),
        icon=":material/replay:",
        width="stretch",
    )
    with st.container(horizontal=True, horizontal_alignment="distribute"):
        st.button(
            t("cards_next"),
            key=f"{cid}__next",
            on_click=flashcards_move,
            args=(cid, total),
            icon=":material/arrow_forward:",
            type="tertiary",
        )
        st.button(
            t("cards_shuffle"),
            key=f"{cid}__shuffle",
            on_click=flashcards_shuffle,
            args=(cid, total),
            icon=":material/shuffle:",
            type="tertiary",
        )
        st.button(
            t("cards_restart"),
            key=f"{cid}__restart",
            on_click=flashcards_restart,
            args=(app, cid, total),
            icon=":material/restart_alt:",
            type="tertiary",
        )
    st.progress((known + unknown) / total, text=t("cards_progress").format(known + unknown, total, known))
    if known + unknown == total:
        st.success(t("cards_all_sorted").format(known, unknown))
    show_flash(cid)
    if cfg["editable"]:
        with st.expander(t("cards_add")), st.form(f"{cid}__add_form"):
            st.text_input(t("cards_new_front"), key=f"{cid}__new_front")
            st.text_area(t("cards_new_back"), key=f"{cid}__new_back", height=90)
            st.form_submit_button(
                t("cards_add_button"), key=f"{cid}__add_card", on_click=flashcards_add, args=(app, cfg), icon="➕"
            )


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
