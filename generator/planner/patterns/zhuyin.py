"""Zhuyin (注音符號, bopomofo) practice, as Taiwanese learners read Mandarin: the pinyin practice built with each
reading in zhuyin with its tone mark (ㄇㄚ, ㄏㄠˇ, ˙ㄉㄜ), in traditional characters. The same kinds of question
(choose the reading, the tone, the character, the initial or final, type the reading) are read from the idea as
for pinyin; typed answers are zhuyin. Asked for by name (注音, ㄅㄆㄇ, zhuyin, bopomofo), or by a traditional-
Chinese idea about 拼音 or tones that speaks in Taiwan's terms (國語, 一聲, 台灣) and names no Hanyu Pinyin."""

from __future__ import annotations

import re

from flashapps.spec import AppSpec, PinyinComponent, TextComponent
from generator.planner.hanzi import to_traditional
from generator.planner.patterns import pinyin
from generator.planner.patterns.base import Context, Match, Pattern

__all__ = ["PATTERN", "wants_zhuyin", "zhuyin_of"]

_NAMED = re.compile(r"注音|ㄅㄆㄇ|\bzhuyin\b|\bbopomofo\b|\bbo-?po-?mo-?fo\b", re.I)
_TAIWAN = ("国语", "台湾", "臺湾", "一声", "二声", "三声", "四声", "taiwan")
_HANYU = re.compile(r"汉语拼音|\bhanyu\b|罗马拼音|\bpinyin\b", re.I)
_MARKS = {"1": "", "2": "ˊ", "3": "ˇ", "4": "ˋ"}


def wants_zhuyin(ctx: Context) -> bool:
    """The idea asks for zhuyin by name, or is traditional Chinese about pinyin or tones in Taiwan's terms."""
    if _NAMED.search(ctx.idea):
        return True
    taiwan = ctx.language == "zh-Hant" and ctx.has(*_TAIWAN) and not _HANYU.search(ctx.idea)
    return taiwan and ctx.has("拼音", "声调", "读音")


def zhuyin_of(syllable: str) -> str:
    """A numbered pinyin syllable in zhuyin with its tone mark (“hao3” → “ㄏㄠˇ”, “de5” → “˙ㄉㄜ”)."""
    from pypinyin import Style  # its dictionaries take a second to load: only when asked
    from pypinyin.style import convert

    bare = str(convert(syllable[:-1].replace("ü", "v"), Style.BOPOMOFO, strict=True))
    bare = "".join(ch for ch in bare if ch not in "ˉˊˇˋ˙")
    return "˙" + bare if syllable[-1] == "5" else bare + _MARKS[syllable[-1]]


def _as_pinyin(idea: str) -> str:
    """The idea told in pinyin's words, so that the pinyin reading finds its items, kinds of question and size."""
    return _NAMED.sub("拼音", idea)


def _score(ctx: Context) -> Match:
    if not wants_zhuyin(ctx):
        return Match()
    inner = pinyin.PATTERN.score(Context(_as_pinyin(ctx.idea), ctx.language))
    if not inner.score and not ctx.has("练习", "练", "学", "认", "practice", "learn", "quiz", "drill", "测验"):
        return Match()
    named = _NAMED.search(ctx.idea)
    said = named.group(0) if named else next(ctx.script(w) for w in (*_TAIWAN, "拼音", "声调") if ctx.has(w))
    return Match(max(inner.score, 20) + 4, (said,))


def _script(ctx: Context) -> Context:
    """The idea read for a traditional app (a Chinese idea) or an English one."""
    return Context(_as_pinyin(ctx.idea), "en" if ctx.language == "en" else "zh-Hant")


def build(ctx: Context) -> AppSpec:
    inner = _script(ctx)
    t = inner.t
    spec = pinyin.build(inner)
    practice = next(x for x in spec.components() if isinstance(x, PinyinComponent))
    first = practice.items[0].model_copy()
    for item in practice.items:
        item.text = to_traditional(item.text)
        item.zhuyin = [zhuyin_of(s) for s in item.syllables]
    practice.notation = "zhuyin"
    shown = t("、", "、").join(i.text for i in practice.items[:12]) + ("…" if len(practice.items) > 12 else "")
    for x in spec.components():
        if isinstance(x, TextComponent) and x.id == "intro":
            x.body = t(
                f"{practice.count} questions a round on {len(practice.items)} characters or words ({shown}), each "
                "read in zhuyin with its tone mark (first tone unmarked, ˊ ˇ ˋ, and ˙ before a neutral syllable). "
                "Choose the zhuyin, the tone or the character, or type the zhuyin. Press **Check answers** for the "
                "score and the right readings; **Practise the missed ones** asks the mistakes again.",
                f"每輪 {practice.count} 題，共 {len(practice.items)} 個字詞（{shown}），每個都標上注音和聲調"
                "（一聲不標，ˊ ˇ ˋ，輕聲在前面加 ˙）。選出注音、聲調或字，或寫出注音。"
                "點 **提交答案** 看得分和正確讀音；**再練錯題** 把做錯的題再出一遍。",
            )
    spec.brief.title = t("Zhuyin Practice", "注音練習")
    spec.brief.value = t(
        "Zhuyin (bopomofo) and tone practice in rounds, checked at once, with the mistakes to practise again.",
        "注音符號和聲調分輪練習，馬上判分，錯題可以再練。",
    )
    spec.brief.audience = t("Children and learners in Taiwan reading Mandarin", "學注音的小朋友和學國語的人")
    spec.brief.language = inner.language
    now = practice.items[0]
    for path in spec.key_paths:  # the first question's right answer, as the app asks it in zhuyin
        for step in path.steps:
            if step.key.startswith("pinyin__t") and isinstance(step.value, str):
                step.value = "".join(now.zhuyin)
            elif step.value == first.pinyin:
                step.value = " ".join(now.zhuyin)
            elif step.value == first.text:
                step.value = now.text
    return AppSpec.model_validate(spec.model_dump())


PATTERN = Pattern(
    name="zhuyin",
    label_en="zhuyin practice",
    label_zh="注音练习",
    score=_score,
    build=build,
    hint_en="zhuyin",
    hint_zh="注音",
)
