"""What every pattern shares: the idea as read (Context), keyword matching, themes and small builders."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from flashapps.spec import AppSpec, DataField, Expect, KeyPath, Step, Theme
from flashapps.spec.base import Language
from generator.planner.extract import Goal, Quantity, find_goal, find_list, find_quantities, find_topic
from generator.planner.foreign import english_hints
from generator.planner.hanzi import to_simplified, to_traditional
from generator.planner.lang import Tr

__all__ = [
    "THEMES",
    "Context",
    "Match",
    "Pattern",
    "Variant",
    "best_variant",
    "date_field",
    "expect",
    "note_field",
    "path",
    "step",
]

_SENTENCE = re.compile(r"[.!?。！？\n]")


@lru_cache(maxsize=4096)
def _keyword_pattern(word: str) -> re.Pattern[str]:
    """``word`` at the start of a word; ``word$``: the whole word or its plural."""
    exact = word.endswith("$")
    core = re.escape(word.rstrip("$"))
    return re.compile(rf"(?<![a-z0-9]){core}" + (r"(?:e?s)?(?![a-z0-9])" if exact else ""))


@dataclass(frozen=True)
class Match:
    """How well a pattern fits an idea and the idea's words that made it fit."""

    score: float = 0.0
    words: tuple[str, ...] = ()

    def __add__(self, other: Match) -> Match:
        return Match(self.score + other.score, tuple(dict.fromkeys(self.words + other.words)))


@dataclass
class Context:
    """The idea as the patterns read it: normalised text, language and the facts extracted from it."""

    idea: str
    language: Language
    text: str = ""
    head: str = ""
    t: Tr = field(init=False)

    def __post_init__(self) -> None:
        self.t = Tr(self.language)
        self.text = " ".join(to_simplified(self.idea).lower().split())
        first = _SENTENCE.split(self.text, maxsplit=1)[0]
        self.head = first[:200] if len(self.text) > 200 else self.text
        hints, head_hints = english_hints(self.text), english_hints(self.head)
        if hints:  # words of other languages count through their English equivalents
            self.text, self.head = f"{self.text} | {hints}", f"{self.head} | {head_hints}"

    @cached_property
    def quantities(self) -> list[Quantity]:
        return find_quantities(self.idea)

    @cached_property
    def goal(self) -> Goal | None:
        return find_goal(self.idea)

    @cached_property
    def items(self) -> list[str]:
        """Items listed in the idea, written in the app's script."""
        return [self.script(item) for item in find_list(self.idea)]

    def script(self, text: str) -> str:
        """The idea's own words in the app's Chinese script (unchanged for English)."""
        if self.language == "zh-Hant":
            return to_traditional(text)
        return to_simplified(text) if self.language == "zh-Hans" else text

    @cached_property
    def topic(self) -> str:
        return find_topic(self.idea)

    @property
    def zh(self) -> bool:
        return self.t.zh

    @staticmethod
    def _pattern(word: str) -> re.Pattern[str]:
        return _keyword_pattern(word)

    def where(self, word: str) -> str | None:
        """The idea's own spelling of a keyword it holds (``track`` → ``tracker``), else None.

        ASCII keywords match at the start of a word (``name$`` only the whole word or its plural);
        Chinese keywords match anywhere, whatever the script of the idea."""
        if word.isascii():
            match = self._pattern(word).search(self.text)
            if match is None:
                return None
            end = match.end()
            while end < len(self.text) and (self.text[end].isalnum() or self.text[end] in "-'"):
                end += 1
            return self.text[match.start() : end]
        if word not in self.text:
            return None
        return to_traditional(word) if self.language == "zh-Hant" else word

    def position(self, word: str) -> int:
        """Where a keyword first occurs in the idea (its length when it does not)."""
        if word.isascii():
            match = self._pattern(word).search(self.text)
            return match.start() if match else len(self.text)
        found = self.text.find(word)
        return found if found >= 0 else len(self.text)

    def has(self, *words: str) -> bool:
        return any(self.where(w) for w in words)

    def match(self, keywords: Mapping[str, float]) -> Match:
        """Sum of the weights of the keywords found (doubled when in the idea's first sentence)."""
        score, words = 0.0, []
        for word, weight in keywords.items():
            shown = self.where(word)
            if shown is None:
                continue
            in_head = (self._pattern(word).search(self.head) is not None) if word.isascii() else word in self.head
            score += weight * (2 if in_head else 1)
            if weight > 0:
                words.append(shown)
        return Match(score, tuple(dict.fromkeys(words)))

    def theme(self, default: str) -> Theme:
        """The palette the idea asks for by colour word, else the pattern's own."""
        for name, words in _COLOUR_WORDS.items():
            if self.has(*words):
                return THEMES[name]
        return THEMES[default]


@dataclass(frozen=True)
class Variant:
    """One kind of app inside a pattern family (a BMI calculator, a pomodoro timer…)."""

    name: str
    keywords: Mapping[str, float]
    build: Callable[[Context], AppSpec]


def best_variant(ctx: Context, variants: Iterable[Variant]) -> tuple[Variant, Match]:
    """The variant whose keywords fit best; the first one on a tie (or when nothing fits)."""
    scored = [(ctx.match(v.keywords), i, v) for i, v in enumerate(variants)]
    match, _, variant = max(scored, key=lambda s: (s[0].score, -s[1]))
    return variant, match


@dataclass(frozen=True)
class Pattern:
    """A catalogue entry: how well it fits an idea and how to build the app."""

    name: str
    label_en: str
    label_zh: str
    score: Callable[[Context], Match]
    build: Callable[[Context], AppSpec]
    hint_en: str = ""
    hint_zh: str = ""


def _theme(primary: str, surface: str, background: str = "#ffffff", text: str = "#0f172a") -> Theme:
    return Theme(primary=primary, background=background, surface=surface, text=text)


THEMES: dict[str, Theme] = {
    "blue": _theme("#2563eb", "#eff6ff"),
    "sky": _theme("#0284c7", "#e0f2fe"),
    "teal": _theme("#0d9488", "#ccfbf1"),
    "green": _theme("#16a34a", "#dcfce7"),
    "orange": _theme("#ea580c", "#ffedd5"),
    "amber": _theme("#b45309", "#fef3c7"),
    "red": _theme("#dc2626", "#fee2e2"),
    "pink": _theme("#db2777", "#fce7f3"),
    "purple": _theme("#7c3aed", "#ede9fe"),
    "indigo": _theme("#4f46e5", "#e0e7ff"),
    "slate": _theme("#475569", "#e2e8f0"),
    "brown": _theme("#92400e", "#fde68a", "#fffbeb", "#292524"),
    "pastel": _theme("#60a5fa", "#dbeafe", "#f8fbff", "#1e3a5f"),
    "dark": _theme("#a78bfa", "#1e293b", "#0f172a", "#e2e8f0"),
}
_COLOUR_WORDS: dict[str, tuple[str, ...]] = {
    "dark": ("dark theme", "dark mode", "sleek dark", "dark surface", "暗色", "深色", "黑色主题"),
    "pastel": ("pastel", "淡蓝", "浅蓝", "马卡龙"),
    "pink": ("pink", "粉色", "粉红"),
    "purple": ("purple", "violet", "紫色"),
    "green": ("green theme", "green color", "绿色"),
    "orange": ("orange theme", "橙色"),
    "red": ("red theme", "红色"),
    "blue": ("blue theme", "blue color", "蓝色"),
}


def date_field(t: Tr, name: str = "day", en: str = "Date", zh: str = "日期") -> DataField:
    """A date field; forms start it at today."""
    return DataField(name=name, label=t(en, zh), type="date")


def note_field(t: Tr, name: str = "note", en: str = "Note", zh: str = "备注") -> DataField:
    return DataField(name=name, label=t(en, zh), required=False)


def step(action: str, key: str, value: object = None) -> Step:
    return Step.model_validate({"action": action, "key": key, "value": value})


def expect(output: str, value: object = None, op: str = "eq") -> Expect:
    return Expect.model_validate({"output": output, "op": op, "value": value})


def path(name: str, story: str, steps: list[Step], expects: list[Expect]) -> KeyPath:
    return KeyPath(name=name, story=story, steps=steps, expect=expects)
