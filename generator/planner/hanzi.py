"""Simplified ↔ traditional Chinese through OpenCC's dictionaries (opencc-python-reimplemented).

Traditional text follows the Taiwan character standard (``s2tw``: 這裡, 麵包, 複習, 每週) with the
idea's own vocabulary kept; simplified text (``t2s``) is what keywords are matched against. The
converters load once, lazily, and short strings are cached.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar

import opencc
from pydantic import BaseModel

__all__ = [
    "AMBIGUOUS",
    "SIMPLIFIED_ONLY",
    "TRADITIONAL_ONLY",
    "simplified_forms",
    "to_simplified",
    "to_traditional",
    "traditional_model",
]

_DICTIONARY = Path(opencc.__file__).parent / "dictionary"


def _characters(name: str) -> dict[str, list[str]]:
    """One of OpenCC's character tables: each character with its forms in the other script, most usual first."""
    table: dict[str, list[str]] = {}
    with (_DICTIONARY / name).open(encoding="utf-8") as lines:
        for line in lines:
            key, _, forms = line.rstrip("\n").partition("\t")
            if len(key) == 1 and forms:
                table[key] = forms.split()
    return table


_S2T = _characters("STCharacters.txt")
_T2S = _characters("TSCharacters.txt")
_TW = {c: forms[0] for c, forms in _characters("TWVariants.txt").items()}


def _taiwan(char: str) -> str:
    """The usual traditional form of a simplified character as Taiwan writes it (吃 stays 吃, 里 → 裡)."""
    first = _S2T[char][0]
    return _TW.get(first, first)


AMBIGUOUS = frozenset("后干几朴冲丑斗范准云适术叶价胜余着游松只台面里系征表周制卷谷咸才了")
"""Characters written the same way in many traditional texts: no evidence of either script."""
SIMPLIFIED_ONLY = frozenset(c for c in _S2T if _taiwan(c) != c and c not in _T2S) - AMBIGUOUS
"""Characters whose usual traditional form differs (and that are no traditional form themselves)."""
TRADITIONAL_ONLY = frozenset(c for c, forms in _T2S.items() if forms[0] != c and c not in _S2T) - AMBIGUOUS
_STRICT_SIMPLIFIED = frozenset(c for c, forms in _S2T.items() if c not in forms)
"""Characters no traditional text uses in any word (为, 订, 册…)."""
_SIMPLIFIED_FORMS = SIMPLIFIED_ONLY | _STRICT_SIMPLIFIED
_KEPT = frozenset("台") | (frozenset(_T2S) - _SIMPLIFIED_FORMS)
"""Characters a traditional text already holds stay as written (台 as Taiwan writes it, 乾, 於…)."""


_ACCOUNT = re.compile(r"(?<!蚊)帐(?!篷|子|幕)")
"""帳 of accounts (記帳, 帳單) is 账 in simplified text, as keywords write it; 帐 stays for tents."""


@cache
def _converter(name: str) -> opencc.OpenCC:
    return opencc.OpenCC(name)


@lru_cache(maxsize=8192)
def to_traditional(text: str) -> str:
    """Traditional characters (Taiwan standard) for ``text``; traditional and English text stay as written."""
    if not any(ch in _S2T for ch in text):
        return text
    converted = str(_converter("s2tw").convert(text))
    if len(converted) != len(text):
        return converted
    return "".join(a if a in _KEPT else b for a, b in zip(text, converted, strict=True))


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """Simplified characters for ``text`` (used to match keywords whatever the script)."""
    if not any(ch in _T2S for ch in text):
        return text
    return _ACCOUNT.sub("账", str(_converter("t2s").convert(text)))


def simplified_forms(text: str) -> list[str]:
    """The characters of ``text`` that only simplified Chinese writes, in context (公里 and 皇后 are fine)."""
    converted = to_traditional(text)
    if len(converted) != len(text):
        return [ch for ch in text if ch in _STRICT_SIMPLIFIED]
    return [a for a, b in zip(text, converted, strict=True) if a != b and a in _SIMPLIFIED_FORMS]


_Model = TypeVar("_Model", bound=BaseModel)


def _traditional_value(value: Any) -> Any:
    if isinstance(value, str):
        return to_traditional(value)
    if isinstance(value, list):
        return [_traditional_value(v) for v in value]
    if isinstance(value, dict):
        return {k: _traditional_value(v) for k, v in value.items()}
    return value


def traditional_model(model: _Model, keep: frozenset[str] = frozenset()) -> _Model:
    """``model`` with every string in traditional characters (the top-level fields in ``keep`` as they were)."""
    data = model.model_dump(by_alias=True)
    converted = {k: (v if k in keep else _traditional_value(v)) for k, v in data.items()}
    return type(model).model_validate(converted)
