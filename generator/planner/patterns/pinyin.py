"""Pinyin and tone practice: the characters or words the idea lists (else a built-in graded list), read with
pypinyin when the app is made and embedded in it; the kinds of question, the round size and the script are
read from the idea."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from flashapps.spec import (
    AppSpec,
    Brief,
    Card,
    Component,
    FlashcardsComponent,
    KeyPath,
    PinyinComponent,
    PinyinItem,
    Screen,
    TextComponent,
)
from flashapps.spec.study import PinyinTask
from generator.planner.content import read_content
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step

__all__ = ["PATTERN", "pinyin_items", "read_pinyin", "read_tasks"]

_DATA = Path(__file__).resolve().parents[1] / "data" / "pinyin_words.json"
_STRINGS = Path(__file__).resolve().parents[3] / "templates" / "app_strings.json"

_STRONG = {
    "pinyin": 20,
    "拼音": 20,
    "声调": 14,
    "四声": 14,
    "第几声": 14,
    "轻声": 8,
    "声母": 16,
    "韵母": 16,
    "整体认读": 16,
    "mandarin tone": 16,
    "chinese tone": 16,
    "tone mark": 14,
}
_PRACTICE = {"practice": 4, "quiz": 4, "drill": 4, "test": 3, "练习": 4, "测验": 4, "小测": 4, "测试": 3, "题": 2}
_TASK_WORDS: dict[PinyinTask, tuple[str, ...]] = {
    "tone": ("tone", "声调", "四声", "第几声", "几声", "轻声"),
    "type": (
        "type",
        "typing",
        "打字",
        "键盘",
        "write the pinyin",
        "spell",
        "写拼音",
        "写出拼音",
        "拼写",
        "输入拼音",
        "打拼音",
        "写出",
    ),
    "character": (
        "pick the character",
        "choose the character",
        "which character",
        "character for",
        "看拼音选",
        "看拼音写",
        "拼音选汉字",
        "拼音选字",
        "拼音找汉字",
        "选出对应的汉字",
        "选出正确的汉字",
        "认汉字",
    ),
    "initial": ("initial", "声母"),
    "final": ("finals", "final sound", "声母和韵母", "韵母"),
    "pinyin": (
        "right pinyin",
        "correct pinyin",
        "choose the pinyin",
        "pick the pinyin",
        "选拼音",
        "选出拼音",
        "正确的拼音",
        "正确拼音",
        "读音",
    ),
}
_TONE_ASKED = r"\btones?\b(?!\s*(?:numbers?|marks?|digits?))|声调(?!符号|数字)|四声|第几声|几声|轻声"
_ORDER: tuple[PinyinTask, ...] = ("pinyin", "type", "character", "tone", "initial", "final")
# a vocabulary or translation quiz that shows pinyin is not pinyin practice
_VOCAB = (
    "vocabulary",
    "english meaning",
    "meaning",
    "translate",
    "translation",
    "英文",
    "英语",
    "意思",
    "翻译",
    "词汇",
)
_CONVERT = (
    *("into pinyin", "to pinyin", "converter", "convert", "annotate", "transliterat", "romaniz"),
    *("转成", "转换", "转为", "标在", "标注", "注上", "加上拼音", "加拼音", "生成拼音"),
)
_LIST_MARK = re.compile(
    r"(?:字|词|詞|词语|詞語|生字|words?|characters?|hanzi)\s*(?:[:：]|\b(?:like|such as)\b|如|有)\s*$"
)
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_AFTER_ITEM = " \t\n,，、/;；。.!！?？)）"
_SEPARATOR = re.compile(r"^[\s,，、/;；]+$")


def _score(ctx: Context) -> Match:
    found = ctx.match(_STRONG)
    spoken = ctx.has("mandarin", "chinese", "普通话", "汉语", "中文")
    if spoken and ctx.has("tone", "tones") and ctx.has(*_PRACTICE, "learn"):
        found = found + Match(16, ("tones",))
    if not found.score:
        return Match()
    practice = ctx.has(*_TASK_WORDS["tone"], *_TASK_WORDS["initial"], "practice", "练习", "练", "pinyin quiz")
    if ctx.has(*_VOCAB) and not practice:
        return Match()
    if ctx.has(*_CONVERT) and not ctx.has(*_PRACTICE, "练", "learn", "学"):
        return Match()  # a tool that writes the pinyin of a text (text tools)
    return found + ctx.match(_PRACTICE)


def read_tasks(ctx: Context) -> list[PinyinTask]:
    """The kinds of question the idea asks for, in a fixed order; choosing the pinyin, the tone and typing it
    when it names none."""
    wanted = [task for task in _ORDER if ctx.has(*_TASK_WORDS[task])]
    if "tone" in wanted and not re.search(_TONE_ASKED, ctx.text):
        wanted.remove("tone")  # "tone numbers" and "tone marks" say how to type, not what to ask
    if "final" in wanted and "initial" not in wanted and not ctx.has("韵母", "finals"):
        wanted.remove("final")
    if wanted == ["tone"] and ctx.has("拼音", "pinyin") and not ctx.has("第几声", "几声", "which tone", "四声"):
        wanted = ["pinyin", "tone"]
    return wanted or ["pinyin", "tone", "type"]


def _listed(idea: str) -> list[str]:
    """The characters or words the idea lists after a list word (“这些字：春 夏 秋 冬”, “words: 你好, 谢谢”),
    or three or more runs of one or two characters side by side; the separators stay of one kind (spaces, or
    commas) and an item is followed by a separator or the end of a clause (“每轮8题” is no item)."""
    runs = [
        m
        for m in _HAN_RUN.finditer(idea)
        if len(m.group()) <= 4 and (m.end() == len(idea) or idea[m.end()] in _AFTER_ITEM)
    ]
    best: list[str] = []
    start = 0
    while start < len(runs):
        end, kind = start + 1, ""
        while end < len(runs):
            between = idea[runs[end - 1].end() : runs[end].start()]
            here = "comma" if re.search(r"[,，、/;；]", between) else "space"
            if not _SEPARATOR.match(between) or kind not in ("", here):
                break
            end, kind = end + 1, here
        group = [m.group() for m in runs[start:end]]
        before = idea[max(0, runs[start].start() - 16) : runs[start].start()]
        marked = _LIST_MARK.search(before) is not None
        if (marked and len(group) >= 2) or (len(group) >= 3 and all(len(g) <= 2 for g in group)):
            best = group if len(group) > len(best) else best
        start = end
    return best


def _joined(marked: list[str]) -> str:
    """Syllables written together, with an apostrophe before one that starts with a, o or e (“tiān'ān”)."""
    text = marked[0]
    for syllable in marked[1:]:
        text += ("'" if syllable[:1] in "aāáǎàoōóǒòeēéěè" else "") + syllable
    return text


def pinyin_items(words: list[str]) -> list[PinyinItem]:
    """Each word with its reading (the word-level one for words); any that pypinyin cannot read is left out."""
    from pypinyin import Style, lazy_pinyin  # its dictionaries take a second to load: only when asked

    found: list[PinyinItem] = []
    for word in dict.fromkeys(words):
        numbered = lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
        marked = lazy_pinyin(word, style=Style.TONE, errors="ignore")
        if len(word) >= 2 and to_simplified(word) in _neutral_last() and len(numbered) == len(word):
            numbered[-1] = numbered[-1][:-1] + "5"
            marked[-1] = numbered[-1][:-1]
        syllables = [s.replace("ü", "v").replace("v", "ü") for s in numbered]
        if len(syllables) != len(word) or not all(re.fullmatch(r"[a-zü]*[aeiouü][a-zü]*[1-5]", s) for s in syllables):
            continue
        found.append(PinyinItem(text=word, pinyin=_joined(marked), syllables=syllables))
    return found


@lru_cache(maxsize=1)
def _builtin() -> dict[str, object]:
    data: dict[str, object] = json.loads(_DATA.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _neutral_last() -> frozenset[str]:
    return frozenset(str(w) for w in _builtin()["neutral_last"])  # type: ignore[attr-defined]


def _count(ctx: Context, size: int) -> int:
    counts = read_content(ctx.idea).counts
    wanted = counts.get("questions") or counts.get("rounds") or 10
    return max(1, min(int(wanted), 40, size))


def read_pinyin(ctx: Context) -> PinyinComponent:
    """The practice the idea asks for: its own characters or words, else the built-in first-grade
    characters (common words for learners who ask for words)."""
    content_items = [i for i in read_content(ctx.idea).items if _HAN_RUN.fullmatch(i) and len(i) <= 4]
    own = _listed(ctx.idea) or (content_items if len(content_items) >= 2 else [])
    if own:
        words = [ctx.script(w) for w in own]
    else:
        data = _builtin()
        wants_words = ctx.has("words", "word", "词语", "词", "vocabulary", "hsk", "learner", "beginner", "adult")
        listed = list(data["words"]) if wants_words else list(str(data["characters"]))  # type: ignore[call-overload]
        words = [ctx.script(str(w)) for w in listed]
    items = pinyin_items(words)
    if len(items) < 2:
        items = pinyin_items([ctx.script(c) for c in str(_builtin()["characters"])])
    tasks = read_tasks(ctx)
    if len({i.text for i in items}) < 4 and "character" in tasks and len(tasks) > 1:
        tasks.remove("character")
    return PinyinComponent(id="pinyin", items=items, tasks=tasks, count=_count(ctx, len(items) * len(tasks)))


# -- the paths the app's tests walk ----------------------------------------------------------------------------


_INITIALS = ("zh", "ch", "sh", *"bpmfdtnlgkhjqxrzcsyw")


def _split(syllable: str) -> tuple[str, str]:
    """The initial and final of a numbered syllable, as the app splits it."""
    base = syllable[:-1]
    for initial in _INITIALS:
        if base.startswith(initial) and len(base) > len(initial):
            final = base[len(initial) :]
            if initial in ("j", "q", "x", "y") and final.startswith("u"):
                final = "ü" + final[1:]
            return initial, final
    return "", base


def _first_answer(ctx: Context, practice: PinyinComponent) -> tuple[str, object]:
    """The widget and the right answer of the first question of the first round (asked in spec order)."""
    item, task = practice.items[0], practice.tasks[0]
    syllable = item.syllables[0]
    initial, final = _split(syllable)
    if task == "initial" and not initial:
        task = "final"
    if task == "type":
        return "pinyin__t0", "".join(s.replace("ü", "v") for s in item.syllables)
    if task == "character":
        return "pinyin__c0", item.text
    if task == "tone":
        strings = json.loads(_STRINGS.read_text(encoding="utf-8"))[ctx.language]
        return "pinyin__c0", strings[f"pinyin_tone_{syllable[-1]}"]
    if task in ("initial", "final"):
        return "pinyin__c0", initial if task == "initial" else final
    return "pinyin__c0", item.pinyin


def _paths(ctx: Context, practice: PinyinComponent) -> list[KeyPath]:
    t = ctx.t
    total = practice.count
    key, answer = _first_answer(ctx, practice)
    return [
        path(
            "check_blank",
            t(
                "Checking a round with nothing answered scores 0 and lists every item with its reading.",
                "什么都没答就提交，得 0 分，并列出每一题的正确读音。",
            ),
            [step("click", "pinyin__check")],
            [
                expect("pinyin.finished", True),
                expect("pinyin.score", 0),
                expect("pinyin.total", total),
                expect("pinyin.missed", total, "len_eq"),
            ],
        ),
        path(
            "first_right",
            t(
                f"The right answer to the first question (“{practice.items[0].text}”) scores a point.",
                f"第一题（“{practice.items[0].text}”）答对得一分。",
            ),
            [step("set", key, answer), step("click", "pinyin__check")],
            [expect("pinyin.score", 1), expect("pinyin.missed", total - 1, "len_eq")],
        ),
        path(
            "practise_missed",
            t(
                "The missed questions come back in a new round, with the answers cleared.",
                "做错的题会在新的一轮里再出一遍，答案已清空。",
            ),
            [step("click", "pinyin__check"), step("click", "pinyin__again")],
            [expect("pinyin.round", 2), expect("pinyin.finished", False), expect("pinyin.total", total)],
        ),
        path(
            "new_round",
            t("New questions start round 2 with nothing answered.", "换一组新题后进入第 2 轮，还没有作答。"),
            [step("click", "pinyin__new")],
            [expect("pinyin.round", 2), expect("pinyin.answered", 0), expect("pinyin.total", total)],
        ),
    ]


# -- the app ---------------------------------------------------------------------------------------------------

_TASK_NAMES: dict[PinyinTask, tuple[str, str]] = {
    "pinyin": ("choose the pinyin of a character or word", "给汉字或词语选出正确的拼音"),
    "tone": ("say which tone a character has (1–4 or neutral)", "判断一个字是第几声（一到四声或轻声）"),
    "type": (
        "type the pinyin (tone marks, or numbers like ma3; ü as v)",
        "写出拼音（可写声调符号，或写数字如 ma3；ü 写作 v）",
    ),
    "character": ("choose the character for a pinyin", "看拼音选汉字"),
    "initial": ("find the initial (声母)", "找出声母"),
    "final": ("find the final (韵母)", "找出韵母"),
}


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    practice = read_pinyin(ctx)
    asks = [t(*_TASK_NAMES[task]) for task in practice.tasks]
    sample = ctx.script("、") if ctx.zh else ", "
    shown = sample.join(i.text for i in practice.items[:12]) + ("…" if len(practice.items) > 12 else "")
    note = t(
        f"{practice.count} questions a round on {len(practice.items)} items ({shown}): "
        + "; ".join(asks)
        + ". Press **Check answers** to see the score and the right answers; **Practise the missed ones** asks the "
        "mistakes again and **New questions** draws a new round. The readings come from a pronunciation "
        "dictionary; words use their word reading.",
        f"每轮 {practice.count} 题，共 {len(practice.items)} 个字词（{shown}）："
        + "；".join(asks)
        + "。点 **提交答案** 查看得分和正确答案；**再练错题** 把做错的题再出一遍，**换一组新题** 开始新的一轮。"
        "读音来自拼音词典，词语按整词读音。",
    )
    title = t("Pinyin Practice", "拼音练习")
    if practice.tasks == ["tone"]:
        title = t("Tone Practice", "声调练习")
    elif set(practice.tasks) <= {"initial", "final"}:
        title = t("Initials and Finals", "声母韵母练习")
    components: list[Component] = [TextComponent(id="intro", body=ctx.script(note)), practice]
    brief = Brief(
        title=ctx.script(title),
        value=ctx.script(
            t(
                "Pinyin and tone practice in rounds, checked at once, with the mistakes to practise again.",
                "拼音和声调分轮练习，马上判分，错题可以再练。",
            )
        ),
        audience=ctx.script(t("Chinese learners and primary-school children", "学习中文的人和小学生")),
        language=ctx.language,
        icon="🀄",
        category="learning",
        inputs=[ctx.script(t("answers chosen or typed", "选择或写出的答案"))],
        feedback=[ctx.script(t("score, the mistakes and the right readings", "得分、错题和正确读音"))],
        theme=ctx.theme("red"),
    )
    screens = [Screen(name="practice", title=ctx.script(t("Practice", "练习")), icon="🀄", components=components)]
    if ctx.has("flashcard", "flash card", "闪卡", "卡片", "字卡", "识字卡"):  # the cards first, the practice after
        cards = [Card(front=i.text, back=i.pinyin) for i in practice.items]
        deck = FlashcardsComponent(id="cards", cards=cards, editable=False)
        screens.insert(0, Screen(name="cards", title=ctx.script(t("Cards", "卡片")), icon="🃏", components=[deck]))
    return AppSpec(brief=brief, entities=[], screens=screens, key_paths=_paths(ctx, practice))


PATTERN = Pattern(
    name="pinyin",
    label_en="pinyin practice",
    label_zh="拼音练习",
    score=_score,
    build=build,
    hint_en="pinyin",
    hint_zh="拼音",
)
