"""How the components of 英语单词卡片 look and work.

app.py calls them by the ids of their settings in spec.json. This file holds only the
kinds of component this app uses, and the texts they show in the app's language.
"""

import html
import random
import re

import pandas as pd
import streamlit as st

STRINGS = {
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
    "quiz_type_here": "在这里输入答案",
    "quiz_missed": "需要再练的：",
    "quiz_spell": "写出这个词：{}（长度 {}）",
    "quiz_edit_words": "修改词语",
    "quiz_words_label": "词语，每行一个",
    "quiz_save_words": "使用这些词语",
    "left_out": "这个应用没有包含：",
    "your_data": "我的数据",
    "your_data_personal": "你的记录只属于你：这个应用的其他访客看不到。",
    "your_data_submissions": "你提交的内容只有你和这个应用的制作者能看到。",
    "your_data_export": "下载我的{}（{} 条）",
    "your_data_sure": "是的，删除我在这里添加的所有内容",
    "your_data_forget": "删除我的数据",
    "your_data_owner": "这个应用是你做的：你能看到每位访客提交的内容。",
    "your_data_forgotten": "已删除你的 {} 条记录，这里不再保留你的任何内容。",
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


def not_included(app: App) -> None:
    """A small note: what was asked for that this app does not do, and why."""
    left_out = app.brief["left_out"]
    items = [(html.escape(i["part"]), html.escape(i["reason"])) for i in left_out]
    listed = "".join(f"<li><b>{part}</b>: {reason}</li>" for part, reason in items)
    note = f"{html.escape(t('left_out'))}<ul>{listed}</ul>"
    st.markdown(f'<div class="flash-note">{note}</div>', unsafe_allow_html=True)
    publish("app", "left_out", len(app.brief["left_out"]))


def your_data_forget(app: App) -> None:
    gone = app.store.forget_me()
    st.session_state["your_data__sure"] = False
    st.toast(t("your_data_forgotten").format(gone), icon=":material/delete:")


def your_data(app: App) -> None:
    """Where the visitor's records live, and their own records to take away or delete."""
    private = [e for e in app.entities.values() if e.get("scope", "shared") != "shared"]
    scopes = {e.get("scope") for e in private} | {app.brief.get("scope", "shared")}
    with st.expander(t("your_data"), icon=":material/lock:"):
        if "submissions" in scopes:
            owner = app.store.owner
            st.caption(t("your_data_owner" if owner else "your_data_submissions"))
        if "personal" in scopes:
            st.caption(t("your_data_personal"))
        for entity in private:
            own = app.store.own_rows(entity["name"])
            publish("your_data", entity["name"], len(own))
            flat = [{k: cell(v) for k, v in r.items()} for r in own]
            table = pd.DataFrame(flat)
            st.download_button(
                t("your_data_export").format(entity["label"], len(own)),
                table.to_csv(index=False).encode("utf-8-sig"),
                file_name=f"{entity['name']}.csv",
                mime="text/csv",
                key=f"your_data__export_{entity['name']}",
                icon=":material/download:",
                disabled=not own,
            )
        sure = st.checkbox(t("your_data_sure"), key="your_data__sure")
        st.button(
            t("your_data_forget"),
            key="your_data__forget",
            on_click=your_data_forget,
            args=(app,),
            disabled=not sure,
            icon=":material/delete:",
        )


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


def text(app: App, cid: str) -> None:
    """A title and a text (Markdown)."""
    cfg = app.component(cid)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    st.markdown(cfg["body"])


FLASHCARDS_CSS = """
.flash-card {
    background: SURFACE; border-radius: 22px; padding: 1.2rem 1.2rem 1rem;
    margin: 0.3rem 0 0.8rem; min-height: 13rem; display: flex; flex-direction: column;
    justify-content: space-between;
    border: 2px solid PRIMARY; box-shadow: 0 6px 18px #00000014;
}
.flash-card.back {background: linear-gradient(160deg, SURFACE, PRIMARY33);}
.flash-card .top, .flash-card .bottom {
    display: flex; justify-content: space-between; font-size: 0.85rem; opacity: 0.75;
}
.flash-card .side {
    text-transform: uppercase; letter-spacing: 0.08em; font-weight: 700; color: PRIMARY;
}
.flash-card .text {
    font-size: clamp(1.5rem, 7vw, 2.2rem); font-weight: 700; text-align: center;
    padding: 1rem 0.2rem;
    overflow-wrap: anywhere; line-height: 1.25;
}
.flash-card.back .text {font-size: clamp(1.15rem, 5vw, 1.5rem); font-weight: 600;}
.flash-card .hint {
    text-align: center; font-style: italic; opacity: 0.75; font-size: 0.95rem;
}
.flash-card .badge {border-radius: 999px; padding: 0 0.6rem; background: PRIMARY22;}
"""


def flashcards_deck(app: App, cfg: dict) -> list[dict]:
    """The spec's cards (ids s0, s1, …), then the ones the user added (a0, a1, …)."""
    cards = [dict(c, id=f"s{n}") for n, c in enumerate(cfg["cards"])]
    key = f"flashcards:{cfg['id']}:added"
    added = app.store.get(key, []) if cfg["editable"] else []
    return cards + [dict(c, id=f"a{n}") for n, c in enumerate(added)]


def flashcards_sorted(app: App, cid: str) -> dict:
    return app.store.get(f"flashcards:{cid}:sorted", {})


def flashcards_move(cid: str, total: int, step: int = 1) -> None:
    pos = st.session_state.get(f"{cid}__pos", 0) + step
    st.session_state[f"{cid}__pos"] = pos % max(total, 1)
    st.session_state[f"{cid}__side"] = "front"


def flashcards_flip(cid: str) -> None:
    side = st.session_state.get(f"{cid}__side", "front")
    st.session_state[f"{cid}__side"] = "back" if side == "front" else "front"


def flashcards_mark(app: App, cid: str, card_id: str, mark: str, total: int) -> None:
    """Sorts the card into known or unknown (kept across restarts); shows the next."""
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
    app.store.put(
        f"flashcards:{cid}:added",
        [*added, {"front": front[:80], "back": back[:300], "hint": ""}],
    )
    del st.session_state[f"{cid}__new_front"], st.session_state[f"{cid}__new_back"]
    flash(cid, t("cards_added"))


def flashcards(app: App, cid: str) -> None:
    """Cards to flip and sort into known and not yet known (kept across restarts)."""
    cfg = app.component(cid)
    deck = flashcards_deck(app, cfg)
    total = len(deck)
    order = [n for n in st.session_state.get(f"{cid}__order", []) if n < total]
    # cards added since the deck was shuffled come last
    order += [n for n in range(total) if n not in order]
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
    styled(FLASHCARDS_CSS, app.theme)
    if cfg.get("title"):
        st.subheader(cfg["title"])
    text = card["front"] if side == "front" else card["back"]
    hint = card.get("hint") if side == "front" else ""
    sorted_as = {
        "known": t("cards_badge_known"),
        "unknown": t("cards_badge_unknown"),
    }.get(marks.get(card["id"], ""))
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
    st.progress(
        (known + unknown) / total,
        text=t("cards_progress").format(known + unknown, total, known),
    )
    if known + unknown == total:
        st.success(t("cards_all_sorted").format(known, unknown))
    show_flash(cid)
    if cfg["editable"]:
        with st.expander(t("cards_add")), st.form(f"{cid}__add_form"):
            st.text_input(t("cards_new_front"), key=f"{cid}__new_front", max_chars=500)
            st.text_area(
                t("cards_new_back"),
                key=f"{cid}__new_back",
                height=90,
                max_chars=5000,
            )
            st.form_submit_button(
                t("cards_add_button"),
                key=f"{cid}__add_card",
                on_click=flashcards_add,
                args=(app, cfg),
                icon="➕",
            )


def quiz_order(cfg: dict) -> list[int]:
    """Question numbers in the order shown: spec order, or shuffled once per session."""
    key = f"{cfg['id']}__order"
    if len(st.session_state.get(key) or []) != len(cfg["questions"]):
        order = list(range(len(cfg["questions"])))
        if cfg["shuffle"]:
            random.shuffle(order)
        st.session_state[key] = order
    return st.session_state[key]


def quiz_plain(text: object) -> str:
    """An answer as compared: case and spacing ignored (“ Rhythm ” == “rhythm”)."""
    return " ".join(str(text or "").casefold().split())


def quiz_right(cfg: dict, n: int) -> bool:
    q = cfg["questions"][n]
    given = st.session_state.get(f"{cfg['id']}__q{n}")
    if cfg.get("mode") == "typed":
        accepted = {quiz_plain(c) for c in q["choices"]}
        return bool(quiz_plain(given)) and quiz_plain(given) in accepted
    return given == q["choices"][q["answer"]]


def quiz_score(cfg: dict) -> int:
    return sum(1 for n in range(len(cfg["questions"])) if quiz_right(cfg, n))


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


def quiz_hidden(word: str) -> str:
    """The word with every other letter hidden, the first kept (“friend” → “f _ i _ n _”)."""
    if not word.isascii():
        return word[:1] + "＿" * (len(word) - 1)
    shown = [ch if n % 2 == 0 or not ch.isalpha() else "_" for n, ch in enumerate(word)]
    return " ".join(shown)


def quiz_own_words(app: App, cfg: dict) -> dict:
    """The quiz as set up: with the words saved in the app when they were replaced there."""
    words = app.store.get(f"quiz:{cfg['id']}:words") if cfg.get("editable") else None
    if not words:
        return cfg
    asked = [
        {
            "prompt": t("quiz_spell").format(quiz_hidden(w), len(w)),
            "choices": [w],
            "answer": 0,
            "explanation": "",
        }
        for w in words
    ]
    return {**cfg, "questions": asked}


def quiz_save_words(app: App, cid: str) -> None:
    """The words typed in the box (one a line, or split by commas) become the quiz; answers start afresh."""
    text = str(st.session_state.get(f"{cid}__words") or "")
    parts = [w.strip()[:80] for w in re.split(r"[\n,，、;；]", text)]
    words = list(dict.fromkeys(w for w in parts if w))
    app.store.put(f"quiz:{cid}:words", words[:40])
    st.session_state[f"{cid}__graded"] = False
    for n in range(40):
        st.session_state.pop(f"{cid}__q{n}", None)


def quiz_word_editor(app: App, cfg: dict) -> None:
    cid = cfg["id"]
    key = f"{cid}__words"
    shown = "\n".join(q["choices"][q["answer"]] for q in cfg["questions"])
    start = {"value": shown} if key not in st.session_state else {}
    with st.expander(t("quiz_edit_words"), icon=":material/edit:"):
        st.text_area(
            t("quiz_words_label"),
            key=key,
            height=160,
            max_chars=4000,
            **start,
        )
        st.button(
            t("quiz_save_words"),
            key=f"{cid}__save_words",
            on_click=quiz_save_words,
            args=(app, cid),
        )


def quiz(app: App, cid: str) -> None:
    """Multiple-choice questions, checked together: the score and the best score."""
    cfg = quiz_own_words(app, app.component(cid))
    questions = cfg["questions"]
    graded = bool(st.session_state.get(f"{cid}__graded"))
    total = len(questions)
    typed = cfg.get("mode") == "typed"
    answers = [st.session_state.get(f"{cid}__q{n}") for n in range(total)]
    answered = sum(1 for answer in answers if str(answer or "").strip())
    score = quiz_score(cfg) if graded else 0
    passed = graded and score / total >= cfg["pass_mark"]
    missed = []
    for n, q in enumerate(questions):
        if graded and not quiz_right(cfg, n):
            missed.append(q["choices"][q["answer"]])
    publish(cid, "missed", missed)
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
            if typed:
                choice = st.text_input(
                    f"**{position}.** {q['prompt']}",
                    key=f"{cid}__q{n}",
                    on_change=quiz_changed,
                    args=(cid,),
                    placeholder=t("quiz_type_here"),
                    autocomplete="off",
                    max_chars=500,
                )
            else:
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
            if quiz_right(cfg, n):
                st.success(t("quiz_right"), icon="✅")
            elif choice is None or not str(choice).strip():
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
        if missed:
            words = " · ".join(html.escape(m) for m in missed)
            st.markdown(f"**{t('quiz_missed')}** {words}")
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
    if typed and cfg.get("editable"):
        quiz_word_editor(app, cfg)
