"""What a request asks for that an app made here cannot do, and why: the spec's brief.left_out.

The capabilities, the words that signal them and what to tell the person live in
data/cannot_build.json (its "about" says how a phrase is written). This module reads the
sentence for them: a phrase the sentence declines ("no login needed", "不需要联网") does not
count, and neither, for data a person can type, does one they say they type themselves.

A sentence whose subject is a game ("a this-or-that game where…", "一个XX小游戏") that was built as another kind
of app is told so too: which game it asked for and which app it got (``APP`` in a reason stands for the app's
title until ``with_left_out`` knows it).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from flashapps.spec import AppSpec, LeftOut
from flashapps.spec.base import Language
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context
from generator.planner.patterns.game_catalogue import catalogue as game_catalogue
from generator.planner.patterns.game_reading import content_words, game_subject, name_hits, unknown_name

__all__ = [
    "APP",
    "DATA",
    "MAX_LEFT_OUT",
    "Capability",
    "capabilities",
    "find_left_out",
    "game_asked",
    "NO_KIND_PART",
    "no_kind_fits",
    "with_left_out",
]

DATA = Path(__file__).resolve().parent / "data" / "cannot_build.json"
MAX_LEFT_OUT = 8
APP = "{app}"
"""Where the app's title goes in what a game idea built as another app is told (filled by ``with_left_out``)."""

_EN_GAP = r"(?:\s+[^\s,.;:!?，。；：！？]+){0,3}\s+"
_ZH_GAP = r"[^,.;:!?，。；：！？\n]{0,6}"
_SENTENCE = re.compile(r"[!?。！？\n]|\.(?=\s|$)")
_CLAUSE = re.compile(r"[,;:，；：、()（）]|\bbut\b|\bthough\b|但是|可是|不过|但")
_DECLINE_BEFORE_EN = re.compile(
    r"(?<![a-z])(?:no|not|without|never|nor|none|instead of|rather than|except|skip|avoid|\w+n't|dont|doesnt|wont)"
    r"(?![a-z])"
)
_BRIDGE = frozenset(
    "need needs needed want wants wanted to be have has any a an the do does it this that will should can must for of"  # noqa: SIM905
    " also even ever my our your their external online real live use using support include including require requires"
    " required with send sending connect connecting sync syncing post posting take taking accept accepting show"
    " showing fetch fetching track tracking go get in into on from by".split()
)
"""Words that may stand between a refusal and what it refuses (“doesn't need to sync with …”)."""
_DECLINE_AFTER_EN = re.compile(
    r"(?<![a-z])(?:(?:is|are)?\s*(?:not|n't) (?:needed|required|necessary|wanted)|unnecessary|optional)(?![a-z])"
)
_DECLINE_ZH = re.compile(
    r"不需要|不需|不用|不要|无需|无须|不必|不想|没有|不含|不包括|不带|不接|不连|不做|不能|不会|不是|而非|免(?!费)"
    r"|(?<![分特区类级个告离性识辨])别(?![的人处])"
)
_DECLINE_AFTER_ZH = re.compile(r"^[^,，。；]{0,2}(?:不需要|不用|不必|可有可无)")
_TYPED_EN = re.compile(
    r"(?<![a-z])(?:(?:i|we|you|they|users?|people|parents|students|customers|staff)\s+(?:\S+\s+)?"
    r"(?:enter|type|input|log|record|write|note|jot|put|fill|add)\w*|manually|by hand|myself|ourselves)(?![a-z])"
)
_TYPED_START = re.compile(r"\s*(?:enter|type|input|log|record|write|note|jot|add|fill)\w*\s")
_BY_HAND = re.compile(r"(?<![a-z])(?:manually|by hand|myself|ourselves|yourself)(?![a-z])")
_LIST_ITEM = re.compile(r"|(?:or|nor)(?:\s+\S+)?|[^\x00-\x7f]{1,4}")
"""What stands before an ask that is one item of a list (“, or external APIs”, “、支付和聊天”)."""
_OTHER_VERB = re.compile(r"\b(?:and|then|it|so|which|that)\b|就|然后|再|并|它")
_TYPED_ZH = re.compile(r"(?<!自动)(?:输入|手动|手填|手写|记录|记下|填写|填入|录入|自己填|自己写)")


@dataclass(frozen=True)
class _Phrase:
    """A phrase: the ask, and other parts that must be in the same sentence."""

    ask: re.Pattern[str]
    context: tuple[re.Pattern[str], ...]


@dataclass(frozen=True)
class Capability:
    """One thing an app made here cannot do, the phrases that ask for it and what to say."""

    key: str
    group: str
    fallback: bool
    typed_ok: bool
    phrases: tuple[_Phrase, ...]
    unless: tuple[_Phrase, ...]
    part: dict[str, str]
    reason: dict[str, str]

    def left_out(self, language: Language) -> LeftOut:
        return LeftOut(part=self.part[language], reason=self.reason[language])


def _normal(text: str) -> str:
    """Lower case, simplified characters, plain apostrophes, hyphens as spaces, single spaces."""
    text = to_simplified(text).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\be[- ]mail", "email", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)
    return " ".join(text.split())


def _word(word: str) -> str:
    """An English word with its usual endings (``$``: the word alone)."""
    if word.endswith("$"):
        return re.escape(word[:-1])
    if len(word) <= 2 or not word[-1].isalpha():
        return re.escape(word)
    if len(word) == 3:
        return re.escape(word) + "s?"
    if word.endswith("e"):
        return re.escape(word[:-1]) + "(?:es?|ed|ing)"
    if word.endswith("y") and word[-2] not in "aeiou":
        return re.escape(word[:-1]) + "(?:y|ies|ied|ying)"
    return re.escape(word) + f"(?:s|es|ed|ing|{re.escape(word[-1])}(?:ed|ing))?"


def _alternative(alt: str) -> str:
    if not alt.isascii():
        return re.escape(alt)
    words = r"\s+".join(_word(w) for w in alt.split("_") if w)
    return rf"(?<![a-z0-9]){words}(?![a-z0-9])"


def _part(text: str) -> re.Pattern[str]:
    """One part of a phrase as a pattern: words, a/b alternatives and '..' gaps (see the data's about)."""
    pieces: list[str] = []
    previous_ascii, gap = False, False
    for token in _normal(text).split():
        if token == "..":
            gap = True
            continue
        alternatives = [a for a in token.split("/") if a]
        ascii_ = all(a.isascii() for a in alternatives)
        if pieces:
            english = previous_ascii and ascii_
            pieces.append((_EN_GAP if english else _ZH_GAP) if gap else (r"\s+" if english else r"\s*"))
        pieces.append("(?:" + "|".join(_alternative(a) for a in alternatives) + ")")
        previous_ascii, gap = ascii_, False
    return re.compile("".join(pieces))


def _phrase(text: str) -> _Phrase:
    ask, *context = (_part(p) for p in text.split(" + "))
    return _Phrase(ask, tuple(context))


@cache
def capabilities() -> tuple[Capability, ...]:
    """The capabilities of data/cannot_build.json, their phrases compiled."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    return tuple(
        Capability(
            key=entry["key"],
            group=entry["group"],
            fallback=entry.get("fallback", False),
            typed_ok=entry.get("typed_ok", False),
            phrases=tuple(_phrase(p) for words in entry["words"].values() for p in words),
            unless=tuple(_phrase(p) for p in entry.get("except", [])),
            part=entry["part"],
            reason=entry["reason"],
        )
        for entry in data["capabilities"]
    )


def _refuses(before: str, tail: int = 0) -> bool:
    """Whether the words just before an ask turn it down (“no”, “doesn't need to use”, “without X or”, “不需要”);
    ``tail``: how many words (an earlier item of the same list) may follow the refusal."""
    if _DECLINE_ZH.search(before[-8:]):
        return True
    text = " ".join(before.split()[-6 - tail :])
    found = list(_DECLINE_BEFORE_EN.finditer(text))
    if not found:
        return False
    between = text[found[-1].end() :].split()
    if "or" in between or "nor" in between:  # “without payments or …”: the refusal covers the whole list
        between = between[max(i for i, w in enumerate(between) if w in ("or", "nor")) + 1 :]
    return all(word in _BRIDGE for word in between[: len(between) - tail])


def _declined(sentence: str, start: int, end: int, typed_ok: bool) -> bool:
    """Whether the sentence turns the words at start:end down, or (typed_ok) says it types them in."""
    *earlier, before = _CLAUSE.split(sentence[:start])
    after = _CLAUSE.split(sentence[end:], maxsplit=1)[0]
    if _refuses(before) or _DECLINE_AFTER_EN.search(" ".join(after.split()[:4])) or _DECLINE_AFTER_ZH.search(after[:8]):
        return True
    if _LIST_ITEM.fullmatch(before.strip()):  # “no login, payments or chat”: an item of a declined list
        for piece in reversed(earlier[-4:]):
            if _refuses(piece, tail=3):
                return True
            if len(piece.split()) > 3 or (len(piece.strip()) > 8 and not piece.isascii()):
                break
    if not typed_ok:
        return False
    own = _OTHER_VERB.split(before)[-1]  # “I enter the title and it fetches …”: the typing is of something else
    return bool(
        _TYPED_EN.search(" ".join(own.split()[-6:]))
        or _TYPED_ZH.search(own[-8:])
        or _TYPED_START.match(before)
        or _BY_HAND.search(" ".join(after.split()[:5]))
    )


def _sentences(text: str) -> list[tuple[int, str]]:
    out, start = [], 0
    for match in _SENTENCE.finditer(text):
        out.append((start, text[start : match.start()]))
        start = match.end()
    out.append((start, text[start:]))
    return [(s, t) for s, t in out if t.strip()]


def _asked(phrase: _Phrase, sentences: list[tuple[int, str]], typed_ok: bool) -> int | None:
    """Where the idea asks for the phrase (the first place it does not decline it), else None."""
    for offset, sentence in sentences:
        if any(part.search(sentence) is None for part in phrase.context):
            continue
        for match in phrase.ask.finditer(sentence):
            if not _declined(sentence, match.start(), match.end(), typed_ok):
                return offset + match.start()
    return None


def game_asked(ctx: Context) -> LeftOut | None:
    """What to tell an idea whose subject is a game when another kind of app is built for it: the game it names
    (one of the library's, or one that is not there) or the game it describes; None when it asks for no game."""
    if not game_subject(ctx):
        return None
    messages, language = game_catalogue().messages, ctx.language
    hits = [h for h in name_hits(ctx) if h.cannot is None]
    if hits and hits[0].near is None:
        name, message = hits[0].shown, "named_app"
    elif hits and hits[0].near is not None:
        name, message = hits[0].near.label(language), "app_instead"
    else:
        name, message = unknown_name(ctx) or "", "app_instead"
    if not name and len(content_words(ctx)) < 2:
        return None  # “a fun game”: the app built for it says what it is
    if not name:
        return LeftOut(part=messages["described_part"](language), reason=messages["described_app"](language))
    reason = messages[message](language).replace("{name}", name)
    return LeftOut(part=name[:80], reason=reason[:300])


_QUIZ_LIKE = ("quiz", "practice", "drill", "test", "测验", "练习", "小测", "测试")


def _about_app(item: LeftOut, title: str) -> LeftOut | None:
    """``item`` with the app's title in place of APP; None when the title already is what was asked (a “quiz
    game” built as a quiz)."""
    if APP not in item.reason:
        return item
    asked = to_simplified(item.part).casefold()
    shown = to_simplified(title).casefold()
    words = re.findall(r"[a-z0-9]+", asked)
    if (words and all(w.rstrip("s") in shown for w in words)) or (not words and asked in shown):
        return None
    if any(w in _QUIZ_LIKE for w in words or [asked]) and any(w in shown for w in _QUIZ_LIKE):
        return None  # a “quiz game” built as a practice drill or a test is what was asked
    return item.model_copy(update={"reason": item.reason.replace(APP, title)[:300]})


def find_left_out(ctx: Context) -> list[LeftOut]:
    """What ``ctx``'s idea asks for that an app made here cannot do, in the order the idea asks, in its language
    (a game the idea asks for first: it is only told when another kind of app is built)."""
    sentences = _sentences(_normal(ctx.idea))
    found: dict[str, tuple[int, Capability]] = {}
    for capability in capabilities():
        if any(_asked(p, sentences, False) is not None for p in capability.unless):
            continue
        places = [p for p in (_asked(ph, sentences, capability.typed_ok) for ph in capability.phrases) if p is not None]
        if places:
            found[capability.key] = (min(places), capability)
    groups = {c.group for _, c in found.values() if not c.fallback}
    kept = sorted((place, c.key, c) for place, c in found.values() if not (c.fallback and c.group in groups))
    game = game_asked(ctx)
    return ([game] if game else []) + [c.left_out(ctx.language) for _, _, c in kept][: MAX_LEFT_OUT - bool(game)]


def with_left_out(spec: AppSpec, found: list[LeftOut]) -> AppSpec:
    """``spec`` with ``found`` added to brief.left_out after what is there, each part once, at most eight (APP in a
    reason becomes the app's title)."""
    merged = list(spec.brief.left_out)
    seen = {item.part.casefold() for item in merged}
    for each in found:
        item = _about_app(each, spec.brief.title)
        if item is not None and len(merged) < MAX_LEFT_OUT and item.part.casefold() not in seen:
            merged.append(item)
            seen.add(item.part.casefold())
    if len(merged) == len(spec.brief.left_out):
        return spec
    return spec.model_copy(update={"brief": spec.brief.model_copy(update={"left_out": merged})})


NO_KIND_PART = {"en": "The app as described", "zh-Hans": "所描述的应用本身", "zh-Hant": "所描述的應用程式本身"}
_NO_KIND_REASON = {
    "en": "This generator has no kind of app yet for what this idea describes, so this is the closest honest one: "
    "a list to keep “{title}” records in. Say what you enter and what the app should work out or show, or change it "
    "with a sentence.",
    "zh-Hans": "这个生成器还没有能做这个想法所描述的事的应用类型，"
    "所以先做了最接近的一种：记录「{title}」的简单列表。可以换个说法，说清楚要输入什么、应用要算出或显示什么，也可以用一句话修改它。",
    "zh-Hant": "這個生成器還沒有能做這個想法所描述的事的應用程式類型，"
    "所以先做了最接近的一種：記錄「{title}」的簡單列表。可以換個說法，說清楚要輸入什麼、應用程式要算出或顯示什麼，也可以用一句話修改它。",
}


def no_kind_fits(spec: AppSpec) -> AppSpec:
    """``spec``, a generic list built because no kind of app fits the idea, saying so in brief.left_out (first), so
    the person is never handed a stand-in in silence."""
    language = spec.brief.language
    said = LeftOut(
        part=NO_KIND_PART[language], reason=_NO_KIND_REASON[language].replace("{title}", spec.brief.title)[:300]
    )
    kept = [said, *spec.brief.left_out][:MAX_LEFT_OUT]
    return spec.model_copy(update={"brief": spec.brief.model_copy(update={"left_out": kept})})
