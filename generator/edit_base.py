"""What every follow-up reader shares: the sentence cut into clauses, the words a clause lists, and the
key paths kept true after a change.

A reader takes the spec and one clause; it returns what it changed (in the user's language), an empty
list when the clause is not about it, or raises ``Refused`` when it understood the clause but cannot
make the change (the reason, in the user's language, goes back to the user).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from flashapps.spec import AppSpec, KeyPath
from flashapps.spec.base import Language
from generator.planner.extract import chinese_number
from generator.planner.hanzi import SIMPLIFIED_ONLY, TRADITIONAL_ONLY, to_simplified
from generator.planner.lang import Tr, detect_language

__all__ = [
    "ADD",
    "REMOVE",
    "Clause",
    "Refused",
    "clean_words",
    "listed",
    "number",
    "prune_paths",
    "replace_paths",
    "split_clauses",
    "steps_fit",
]


class Refused(Exception):
    """The clause was understood, but its change cannot be made; ``reason`` is in the user's language."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class Clause:
    """One clause of a follow-up: its text, ``t`` for the user's language and ``app`` for the app's."""

    text: str
    t: Tr
    app: Tr

    @property
    def low(self) -> str:
        return self.text.lower()

    def has(self, pattern: str) -> re.Match[str] | None:
        return re.search(pattern, self.text, re.I)


ADD = r"\b(?:add|include|insert|append|put in|put|plus)\b|加上|加入|添加|增加|新增|加|添|補上|补上"
REMOVE = (
    r"\b(?:remove|delete|drop|hide|take out|take away|get rid of|without|no longer|don'?t need|do not need|lose)\b"
    r"|删除|删掉|删去|去掉|去除|移除|拿掉|不要|刪除|刪掉|刪去|拿走|不需要|隐藏|隱藏"
)

# Words that start (or make) a clause of their own; a piece without any is a continuation of a list.
_ACTION = re.compile(
    r"\b(?:add|include|insert|append|put|remove|delete|drop|take|get rid|without|call|name|rename|title|make|set|"
    r"change|turn|use|switch|let|allow|limit|show|hide|give|increase|decrease|raise|lower|reset|pick|draw|count|"
    r"shuffle|goal|target|colou?r|theme|dark|light|chart|graph|field|column|page|tab|screen|option|question|"
    r"word|card|minutes?|seconds?|range|between|pass|font|repeat|more|fewer|no|don'?t|do not|only|keep|also|"
    r"harder|easier|faster|slower|bigger|smaller|larger|longer|shorter|players?|lives|board|levels?|difficulty)\b"
    r"|加|添|增|删|刪|去掉|去除|移除|拿掉|不要|叫|改名|名字|标题|標題|改|换|換|设|設|让|讓|使用|用这|用這|用以下|"
    r"颜色|顏色|[红紅绿綠蓝藍紫橙粉青黄黃黑灰棕]色|深色|浅色|淺色|主题|主題|目标|目標|图表|圖表|字段|栏|欄|页|頁|"
    r"选项|選項|题|題|词|詞|卡片|分钟|分鐘|范围|範圍|之间|之間|及格|重复|重複|每次|模式|更|难|難|简单|簡單|"
    r"快一点|快一點|慢一点|慢一點|玩家|人玩|条命|條命|棋盘|棋盤|关卡|關卡",
    re.I,
)
_OPTIONS = re.compile(r"(?:with (?:the )?)?(?:options?|choices?)\s*(?:are|:)|选项|選項", re.I)
"""A piece that gives the options of the field the clause before it adds."""
_VERB_FIRST = re.compile(r"(?:再|然后|然後)?(?:加|添|增加|删|刪|去掉|移除|改|换|換|把|设|設|让|讓|叫)")
_SPLIT = re.compile(
    r"\s*(,|;|，|；|。|、|\band then\b|\bthen\b|\band\b|\balso\b|并且|並且|然后|然後|同时|同時|"
    r"(?<=\S)再(?=[加添删刪去改换換把设設让讓用叫做]))\s*",
    re.I,
)
_QUOTED = re.compile(r"[\"“「『'‘][^\"”」』'’]*[\"”」』'’]")


def split_clauses(sentence: str) -> list[str]:
    """The clauses of a follow-up: cut at and / then / commas (and 并且 / 然后 / 再 / 、 / ，), with the pieces
    of a list (“add the words a, b and c”) joined back to the clause that started it. Quoted text is never cut."""
    text = " ".join(sentence.split())
    quoted: list[str] = []

    def hide(match: re.Match[str]) -> str:
        quoted.append(match.group(0))
        return f"\x00{len(quoted) - 1}\x00"

    hidden = _QUOTED.sub(hide, text)
    clauses: list[str] = []
    pieces = _SPLIT.split(hidden)
    for at in range(0, len(pieces), 2):
        piece = pieces[at].strip(" .!。！")
        if not piece:
            continue
        shown = re.sub(r"\x00(\d+)\x00", lambda m: quoted[int(m.group(1))], piece)
        bare = re.sub(r"\x00\d+\x00", "", piece)
        listing = pieces[at - 1].strip() == "、" and not _VERB_FIRST.match(bare)  # 、 enumerates: a list goes on
        if clauses and (listing or not _ACTION.search(bare) or _OPTIONS.match(bare)):
            sep = pieces[at - 1].strip()
            glue = f" {sep} " if sep.isascii() and sep.isalpha() else f"{sep} " if sep.isascii() else sep
            clauses[-1] += glue + shown
        else:
            clauses.append(shown)
    return clauses


def clause(text: str, sentence: str, app_language: Language) -> Clause:
    """A clause told in the sentence's language (the user's), about an app in ``app_language``."""
    user = detect_language(sentence)
    if user != "en" and app_language != "en":
        scripts = {ch for ch in sentence if ch in SIMPLIFIED_ONLY or ch in TRADITIONAL_ONLY}
        user = user if scripts else app_language
    return Clause(text=text, t=Tr(user), app=Tr(app_language))


_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
    "九": 9, "十": 10,
}  # fmt: skip


def number(text: str) -> float | None:
    """A number written with digits or as a word (“three”, “三”)."""
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"[零一二两兩三四五六七八九十百千万萬]+", text):
        return chinese_number(to_simplified(text))
    return float(_NUMBER_WORDS[text.lower()]) if text.lower() in _NUMBER_WORDS else None


def clean_words(text: str, articles: bool = True) -> str:
    """A value without its quotes and the filler around it (and a leading article, unless ``articles`` is False)."""
    text = text.strip(" .:：!！?？\"“”'‘’「」『』")
    return re.sub(r"^(?:the|a|an|some)\s+", "", text, flags=re.I).strip() if articles else text


def listed(text: str) -> list[str]:
    """The values a clause lists: “a, b and c”, “a、b和c”, “a / b or c”, quoted or not (in order, once each)."""
    parts = re.split(r"\s*(?:,|，|、|;|；|/|\band\b|\bor\b|和|或者|或|及)\s*", text, flags=re.I)
    found: list[str] = []
    for part in parts:
        word = clean_words(part)
        if word and word not in found and len(word) <= 80:
            found.append(word)
    return found


def steps_fit(spec: AppSpec, key: str, low: float | None, high: float | None, c: Clause, label: str) -> None:
    """Refused when one of the app's own checks enters a number in ``key`` outside ``low``..``high``."""
    for path in spec.key_paths:
        for s in path.steps:
            value = s.value
            number = isinstance(value, int | float) and not isinstance(value, bool)
            if s.key == key and number and ((low is not None and value < low) or (high is not None and value > high)):  # type: ignore[operator]
                raise Refused(c.t(f"the app's own check enters {value:g} in “{label}”",
                                      f"应用自带的检查会在“{label}”里填 {value:g}"))  # fmt: skip


def _touches(path: KeyPath, cid: str) -> bool:
    return any(s.key.startswith(f"{cid}__") for s in path.steps) or any(
        e.output.startswith(f"{cid}.") for e in path.expect
    )


def replace_paths(spec: AppSpec, cid: str, paths: list[KeyPath]) -> None:
    """The component's key paths told again (``paths``); the others kept, names kept apart, at most ten."""
    kept = [p for p in spec.key_paths if not _touches(p, cid)]
    names = {p.name for p in kept}
    for new in paths:
        if new.name in names:
            new.name = f"{cid}_{new.name}"[:32]
        names.add(new.name)
    spec.key_paths[:] = (kept + paths)[-10:] if len(kept) + len(paths) > 10 else kept + paths


def prune_paths(spec: AppSpec, t: Tr) -> None:
    """Key paths without the steps and checks on widgets and values the app no longer has; a path with no
    check left goes. Raises Refused when no path would be left."""
    widgets, outputs = spec.widgets(), spec.outputs()
    kept: list[KeyPath] = []
    for path in spec.key_paths:
        expects = [e for e in path.expect if e.output in outputs]
        if not expects:
            continue
        path.steps[:] = [s for s in path.steps if s.key in widgets]
        path.expect[:] = expects
        kept.append(path)
    if not kept:
        raise Refused(t("nothing in the app could be checked after that", "这样改完，应用里就没有可以检查的部分了"))
    spec.key_paths[:] = kept
