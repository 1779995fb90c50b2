"""A teacher's file as their app's content: a CSV or Excel sheet (columns word or question, answer, choices,
explanation; headers in English or Chinese) fills the quizzes, flashcards and pickers of the current version.

``fill_from_file`` gives the new spec and what changed, or a UserError (in en and zh) that says what to fix;
nothing is changed by a bad file. ``refuse_placeholders`` keeps placeholder text out of published apps.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING

from flashapps.errors import UserError
from flashapps.spec import (
    AppSpec,
    Card,
    Component,
    FlashcardsComponent,
    KeyPath,
    PickerComponent,
    Question,
    QuizComponent,
    Screen,
    TextComponent,
)
from generator.planner.content import Content, hide_letters, placeholders
from generator.planner.patterns.base import Context
from generator.planner.patterns.flashcards import deck_paths
from generator.planner.patterns.picker import picker_paths
from generator.planner.patterns.spelling import pair_questions, quiz_paths, spelling_questions

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_BYTES", "MAX_ROWS", "Row", "fill_from_file", "read_rows", "refuse_placeholders"]

MAX_BYTES = 2_000_000
MAX_ROWS = 200
_HEADERS: dict[str, tuple[str, ...]] = {
    "word": ("word", "words", "term", "front", "vocabulary", "单词", "单字", "词语", "词", "生字", "字词", "單詞",
             "單字", "詞語", "詞", "生詞"),
    "question": ("question", "questions", "prompt", "q", "题目", "问题", "题", "題目", "問題", "題"),
    "name": ("name", "names", "item", "items", "student", "students", "option", "名字", "姓名", "名单", "学生", "项目",
             "選項名", "學生", "名單", "項目"),
    "answer": ("answer", "answers", "meaning", "definition", "back", "a", "correct", "答案", "意思", "释义", "词义",
               "正确答案", "釋義", "詞義", "正確答案"),
    "choices": ("choices", "choice", "options", "选项", "選項", "备选", "備選"),
    "explanation": ("explanation", "why", "hint", "note", "notes", "解析", "解释", "说明", "提示", "解釋", "說明"),
}  # fmt: skip
_LOOKUP = {alias: kind for kind, aliases in _HEADERS.items() for alias in aliases}
_CHOICE_COLUMN = re.compile(r"^(?:choice|option|选项|選項)\s*[a-f1-6]$", re.IGNORECASE)
_SEPARATORS = (",", "\t", ";", "，", "；")
_CHOICE_SPLIT = re.compile(r"\s*[|;；/、]\s*")


@dataclass(frozen=True)
class Row:
    """One line of the teacher's file: what is asked (word, question or name) and what goes with it."""

    front: str
    answer: str = ""
    choices: tuple[str, ...] = ()
    explanation: str = ""
    kind: str = "word"


def _bad(en: str, zh: str) -> UserError:
    return UserError(en + " Nothing was changed.", zh + "没有做任何改动。")


def _table(filename: str, data: bytes, header: bool) -> pd.DataFrame:
    import pandas as pd  # here, not at import: the workshop starts without it

    suffix = PurePath(filename).suffix.lower()
    options = {"dtype": str, "keep_default_na": False, "header": 0 if header else None}
    if suffix in (".xlsx", ".xlsm"):
        return pd.read_excel(io.BytesIO(data), engine="openpyxl", **options)
    if suffix in (".csv", ".tsv", ".txt"):
        for encoding in ("utf-8-sig", "gb18030", "big5"):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            first = next((line for line in text.splitlines() if line.strip()), "")
            sep = max(_SEPARATORS, key=first.count) if any(c in first for c in _SEPARATORS) else ","
            return pd.read_csv(io.StringIO(text), sep=sep, engine="python", skip_blank_lines=True, **options)
        raise _bad(
            "The file's text could not be read; save it as UTF-8 CSV.",
            "无法读取文件中的文字，请另存为 UTF-8 编码的 CSV。",
        )
    raise _bad(
        f"“{filename}” is not a CSV or Excel (.xlsx) file; save your list as one of those.",
        f"“{filename}”不是 CSV 或 Excel（.xlsx）文件，请把名单另存为这两种格式之一。",
    )


def _kind(header: object) -> str | None:
    name = " ".join(str(header).strip().lower().split())
    if _CHOICE_COLUMN.match(name):
        return "choices"
    return _LOOKUP.get(name)


def read_rows(filename: str, data: bytes) -> list[Row]:
    """The rows of a CSV or XLSX file, by their headers (or, with none known, first column = item, second =
    answer, third = explanation). Raises UserError for a file that cannot be used."""
    if not data:
        raise _bad("The file is empty.", "文件是空的。")
    if len(data) > MAX_BYTES:
        raise _bad("The file is larger than 2 MB; keep only the list itself.", "文件超过 2 MB，请只保留名单本身。")
    try:
        table = _table(filename, data, header=True)
        kinds = [_kind(c) for c in table.columns]
        if not any(k in ("word", "question", "name") for k in kinds):
            table = _table(filename, data, header=False)
            kinds = ["word", "answer", "explanation"][: len(table.columns)] + [None] * max(0, len(table.columns) - 3)
    except UserError:
        raise
    except Exception as exc:  # pandas and openpyxl raise many kinds for a damaged file
        raise _bad(
            f"“{filename}” could not be read as a table ({type(exc).__name__}); check that it opens in a spreadsheet.",
            f"无法把“{filename}”读成表格（{type(exc).__name__}），请确认它能在表格软件中打开。",
        ) from exc
    front_kind = next(k for k in ("word", "question", "name", None) if k is None or k in kinds)
    rows: list[Row] = []
    for values in table.itertuples(index=False):
        cells = {k: "" for k in _HEADERS}
        extra: list[str] = []
        for kind, value in zip(kinds, values, strict=True):
            text = " ".join(str(value).split())
            if kind == "choices":
                extra += [c for c in _CHOICE_SPLIT.split(text) if c]
            elif kind and not cells[kind]:
                cells[kind] = text
        front = cells[front_kind] if front_kind else ""
        if front:
            rows.append(
                Row(front, cells["answer"], tuple(dict.fromkeys(extra)), cells["explanation"], front_kind or "")
            )
    if not rows:
        raise _bad(
            "No rows were found. Put a header row with word (or question, or name), answer, and optionally choices "
            "and explanation, then one item a row.",
            "没有找到内容。第一行请写表头：单词（或题目、名字）、答案，可选：选项、解析；之后每行一项。",
        )
    if len(rows) > MAX_ROWS:
        raise _bad(
            f"The file has {len(rows)} rows; {MAX_ROWS} at most.", f"文件有 {len(rows)} 行，最多 {MAX_ROWS} 行。"
        )
    return rows


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _choice_questions(ctx: Context, rows: list[Row]) -> tuple[list[Question], str]:
    """Questions with the file's own choices where given, else the other rows' answers as choices."""
    if not any(r.choices for r in rows):
        questions, mode = pair_questions(ctx, [(r.front, r.answer) for r in rows], meaning=rows[0].kind == "word")
    else:
        questions, mode = [], "choice"
        for row in rows:
            choices = list(dict.fromkeys(_short(c) for c in row.choices))[:5]
            right = _short(row.answer)
            if right not in choices:
                choices.append(right)
            if len(choices) < 2:
                raise _bad(
                    f"“{row.front}” has only one choice; give at least two in the choices column (split by |).",
                    f"“{row.front}”只有一个选项；请在选项列中至少写两个（用 | 分隔）。",
                )
            questions.append(Question(prompt=_short(row.front, 300), choices=choices, answer=choices.index(right)))
    return [
        q.model_copy(update={"explanation": _short(r.explanation, 300)}) if r.explanation else q
        for q, r in zip(questions, rows, strict=False)
    ], mode


def _quiz(ctx: Context, quiz: QuizComponent, rows: list[Row]) -> QuizComponent:
    rows = rows[:40]
    if quiz.mode == "typed" and rows[0].kind == "word":
        content = Content(items=[r.front for r in rows], pairs=[(r.front, r.answer) for r in rows if r.answer])
        if len(content.pairs) != len(rows):
            content.pairs = []
        questions, _ = spelling_questions(ctx, content)
        return quiz.model_copy(update={"questions": questions})
    if any(not r.answer for r in rows):
        missing = next(r.front for r in rows if not r.answer)
        raise _bad(
            f"“{missing}” has no answer: add an answer column (answer or 答案) with one for every row.",
            f"“{missing}”没有答案：请加上“答案”列，并为每一行填写答案。",
        )
    if quiz.mode == "typed":
        questions = [Question(prompt=_short(r.front, 300), choices=[_short(r.answer)], answer=0) for r in rows]
        return quiz.model_copy(update={"questions": questions})
    questions, mode = _choice_questions(ctx, rows)
    return QuizComponent.model_validate({**quiz.model_dump(), "questions": questions, "mode": mode})


def _cards(deck: FlashcardsComponent, rows: list[Row]) -> FlashcardsComponent:
    cards = [
        Card(front=_short(r.front), back=r.answer[:300], hint=r.explanation[:300])
        if r.answer
        else Card(front=hide_letters(r.front)[:80], back=r.front[:300], hint=r.explanation[:300])  # spelling cards
        for r in rows
    ]
    return deck.model_copy(update={"cards": cards})


def _touches(key_path: KeyPath, cid: str) -> bool:
    return any(s.key.startswith(f"{cid}__") for s in key_path.steps) or any(
        e.output.startswith(f"{cid}.") for e in key_path.expect
    )


def fill_from_file(spec: AppSpec, filename: str, data: bytes) -> tuple[AppSpec, list[str]]:
    """``spec`` with its quizzes, flashcards and pickers filled from the file, and a line per change."""
    rows = read_rows(filename, data)
    ctx = Context("", spec.brief.language)
    t = ctx.t
    changes: list[str] = []
    filled: dict[str, list[KeyPath]] = {}
    decks = any(isinstance(c, FlashcardsComponent) for s in spec.screens for c in s.components)
    screens = []
    for screen in spec.screens:
        components: list[Component] = []
        for component in screen.components:
            new = component
            if isinstance(component, QuizComponent):
                try:
                    new = _quiz(ctx, component, rows)
                except UserError:
                    if not decks:
                        raise
                    filled[component.id] = []  # a deck's self-test needs meanings: without them it goes
                    continue
                filled[component.id] = quiz_paths(ctx, new)
                changes.append(t(f"{new.title or 'Quiz'}: {len(new.questions)} questions from {filename}",
                                 f"{new.title or '测验'}：从 {filename} 导入 {len(new.questions)} 道题"))  # fmt: skip
            elif isinstance(component, FlashcardsComponent):
                new = _cards(component, rows)
                filled[component.id] = deck_paths(ctx, new)
                changes.append(t(f"{new.title or 'Cards'}: {len(new.cards)} cards from {filename}",
                                 f"{new.title or '卡片'}：从 {filename} 导入 {len(new.cards)} 张卡片"))  # fmt: skip
            elif isinstance(component, PickerComponent):
                items = list(dict.fromkeys(_short(r.front) for r in rows))
                new = component.model_copy(update={"items": items, "count": min(component.count, len(items))})
                new = PickerComponent.model_validate(new.model_dump())
                filled[component.id] = picker_paths(ctx, new)
                changes.append(t(f"{new.title or 'List'}: {len(items)} items from {filename}",
                                 f"{new.title or '列表'}：从 {filename} 导入 {len(items)} 项"))  # fmt: skip
            components.append(new)
        if components:
            screens.append(screen.model_copy(update={"components": components}))
    if not filled:
        raise _bad(
            "This app has no quiz, flashcards or picker to fill; a file fills those kinds of app.",
            "这个应用里没有测验、卡片或随机抽取，文件只能填充这几类应用。",
        )
    screens = [_without_stale_notes(ctx, s, filename) for s in screens]
    paths = [p for p in spec.key_paths if not any(_touches(p, cid) for cid in filled)]
    for cid, new_paths in filled.items():
        taken = {p.name for p in paths}
        paths += [p if p.name not in taken else p.model_copy(update={"name": f"{cid}_{p.name}"}) for p in new_paths]
    updated = AppSpec.model_validate({**spec.model_dump(), "screens": [s.model_dump() for s in screens],
                                      "key_paths": [p.model_dump() for p in paths]})  # fmt: skip
    return updated, changes


_STALE = ("CSV", "built-in", "内置", "內置", "示例", "general-knowledge", "综合知识", "綜合知識")
_SENTENCE = re.compile(r"(?<=[.。！!；;])\s*")


def _without_stale_notes(ctx: Context, screen: Screen, filename: str) -> Screen:
    """Sentences that told the teacher to bring their own list give way to where the content came from."""
    components = []
    for component in screen.components:
        if isinstance(component, TextComponent) and any(word in component.body for word in _STALE):
            kept = [s for s in _SENTENCE.split(component.body) if s and not any(w in s for w in _STALE)]
            body = " ".join([*kept, ctx.t(f"The content comes from {filename}.", f"内容来自 {filename}。")])
            component = component.model_copy(update={"body": body[:4000]})
        components.append(component)
    return screen.model_copy(update={"components": components})


def refuse_placeholders(spec: AppSpec) -> None:
    """Raises a UserError when the app still shows placeholder text (“your topic”, “Question 1”)."""
    found = placeholders(spec)
    if found:
        shown = "、".join(f"“{f}”" for f in found[:3])
        raise UserError(
            f"This app still shows placeholder text ({shown}); put in your own content with a follow-up sentence "
            "or a file upload, then publish.",
            f"这个应用里还有占位文字（{shown}）；请用一句话或上传文件换成你自己的内容，再发布。",
        )
