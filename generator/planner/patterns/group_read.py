"""What the group and event tools read from a sentence: the names it lists (people, teams, households), a count
of them, pairs kept apart, a currency, a grid size; and the app they share (one screen, a note, a brief)."""

from __future__ import annotations

import re
from typing import Literal

from flashapps.spec import AppSpec, Brief, Component, KeyPath, Screen, TextComponent
from generator.planner.extract import chinese_number, find_list
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context

__all__ = ["count_of", "group_app", "listed_names", "number_word", "pairs_apart"]

_EN_NUMBERS = {
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "sixteen": 16, "twenty": 20, "thirty-two": 32,
}  # fmt: skip
_NOT_A_NAME = (
    "不", "能", "每", "记录", "输入", "显示", "算出", "可以", "自动", "列出", "结果", "抽到", "互抽", "打分", "排",
    "分", "钱", "付", "谁", "的", "加", "减", "图", "表", "是", "夫妻", "一家",
)  # fmt: skip
_EN_CLAUSE = re.compile(
    r"\b(?:enter|show|must|can|should|never|not|each|every|who|what|with|draw|split|pay|paid|owe|record|track|"
    r"list|rules?|and then|people|players|teams|members|names?|charts?|buttons?|tables?|apps?|colou?rs?|points?|"
    r"scores?|totals?|graphs?|bars?)\b",
    re.I,
)
_EN_NAME = r"[A-Z][\w'-]+(?: [A-Z][\w'-]+)?"
_EN_LIST = re.compile(rf"{_EN_NAME}(?:\s*,\s*{_EN_NAME})+(?:,?\s+(?:and|&)\s+{_EN_NAME})?")
_ZH_LIST = re.compile(r"[\u4e00-\u9fffA-Za-z]{1,8}(?:[、，,][\u4e00-\u9fffA-Za-z]{1,8}){2,}")


def number_word(word: str) -> int | None:
    """12, “twelve”, 十二 → 12; else None."""
    word = word.strip().lower()
    if word.isdigit():
        return int(word)
    if word in _EN_NUMBERS:
        return _EN_NUMBERS[word]
    value = chinese_number(word) if re.fullmatch(r"[一二两三四五六七八九十百]+", word) else None
    return int(value) if value else None


def _name_like(item: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", item):
        simple = to_simplified(item)
        return 1 <= len(simple) <= 4 and not any(w in simple for w in _NOT_A_NAME) and not re.search(r"\d", simple)
    words = item.split()
    return 1 <= len(words) <= 3 and not _EN_CLAUSE.search(item) and not re.search(r"\d", item) and len(item) <= 30


def listed_names(ctx: Context, limit: int = 64) -> list[str]:
    """The names the sentence lists (three or more, or two joined by “and”), as written, in its script; clauses
    and counts in the list are left out."""
    found = [x.strip(" .;:：") for x in find_list(ctx.idea)]
    if not ctx.zh and len([x for x in found if _name_like(x)]) < 2:
        runs = sorted(_EN_LIST.findall(ctx.idea), key=len)
        found = re.split(r"\s*,\s*(?:and\s+|&\s*)?|\s+(?:and|&)\s+", runs[-1]) if runs else found
    if ctx.zh and len(found) < 3:
        run = _ZH_LIST.search(ctx.idea)
        found = [x for x in re.split(r"[、，,]", run[0])] if run else found
    names = [x for x in found if _name_like(x)]
    names = [re.sub(r"^(?:and|or|和|及)\s*", "", n) for n in names]
    names = [n[:1].upper() + n[1:] if n.isascii() else ctx.script(n) for n in names if n]
    return list(dict.fromkeys(names))[:limit] if len(set(names)) >= 2 else []


def count_of(ctx: Context, nouns_en: str, nouns_zh: str) -> int | None:
    """The number before one of the nouns: “6 teams”, “eight players”, “10支队伍”, “五个人”."""
    text = ctx.text.split(" | ")[0]
    words = "|".join(_EN_NUMBERS)
    found = re.search(rf"\b(\d{{1,3}}|{words})\s+(?:[a-z-]+\s+){{0,2}}(?:{nouns_en})\b", text) or re.search(
        rf"(\d{{1,3}}|[一二两三四五六七八九十]{{1,3}})\s*(?:{nouns_zh})", text
    )
    return number_word(found[1]) if found else None


def pairs_apart(ctx: Context, names: list[str]) -> list[list[str]]:
    """Couples or households named together (“Anna and Ben are a couple”, “A & B”, “小王和小李是夫妻”)."""
    groups: list[list[str]] = []
    text = to_simplified(ctx.idea).lower()
    for one in names:
        for two in names:
            a, b = to_simplified(one).lower(), to_simplified(two).lower()
            joined = re.search(rf"(?<![\w]){re.escape(a)}\s*(?:&|\+|and|和|与|跟)\s*{re.escape(b)}(?![a-z])", text)
            if one == two or not joined or sorted((one, two)) in [sorted(g) for g in groups]:
                continue
            if not _run_of_list(text, joined.start(), joined.end()):
                groups.append([one, two])
    return groups


def _run_of_list(text: str, at: int, end: int) -> bool:
    """True when “a and b” ends the list of everyone (“…, Eva and Frank. Anna and Ben are a couple”)."""
    before = text[max(at - 3, 0) : at]
    after = re.split(r"[;.,，。；、]", text[end:], maxsplit=1)[0]
    return bool(re.search(r"[,、，]\s*$", before)) and not re.search(
        r"are |is |是|couple|married|partner|夫妻|情侣|一家|household|family", after
    )


def group_app(
    ctx: Context,
    component: Component,
    title: tuple[str, str],
    icon: str,
    how: tuple[str, str],
    value: tuple[str, str],
    paths: list[KeyPath],
    theme: str,
    category: Literal["other", "picker", "finance", "planner"] = "other",
) -> AppSpec:
    """One screen: the tool, then how it works; the brief in the idea's language."""
    t = ctx.t
    name = ctx.script(t(*title))
    note = TextComponent(id="how", title=ctx.script(t("How it works", "说明")), body=ctx.script(t(*how)))
    screen = Screen(name="main", title=name, icon=icon, components=[component, note])
    brief = Brief(
        title=name,
        value=ctx.script(t(*value)),
        audience=ctx.script(t("A group of friends, a family or a class", "朋友、家人或班级")),
        language=ctx.language,
        icon=icon,
        category=category,
        theme=ctx.theme(theme),
    )
    return AppSpec(brief=brief, entities=[], screens=[screen], key_paths=paths)
