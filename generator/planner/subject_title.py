"""The title guard for names made from the idea's first words: a title is a noun phrase of the app's subject.

When no kind of app fits and a name is made from the start of the idea, it may be a clause (“将图片压缩到10”,
“檢查身分證字號是”, “Compare Two”, “Whether Year”): a verb first, a 把/将 construction, a question word, a word
cut in two. Such a title is replaced by the subject the idea names, found where a clause keeps it: what a thing is
turned into (转成 X, into X), the object of 把/将, the object of the leading verb, cut at the first function word
(“检查身分证字号是否正确” → 身分证字号, “Check whether a year is a leap year” → Leap Year), in the idea's
language and script; the same for a record's name and field labels.
"""

from __future__ import annotations

import re

from flashapps.spec import AppSpec
from generator.planner.hanzi import to_simplified, to_traditional
from generator.planner.subject import without_ask

__all__ = ["is_clause_title", "subject_name", "with_subject_title"]

_ZH_VERB = (
    "计算(?![器机题表])|算出|算一下|算(?![术盘])|检查|检测|判断|比较|对比|找出|挑出|选出|转换(?!器)|转成|翻译成|压缩|识别|"
    "提取|查询|把|将|帮我|帮|求出|换算(?!表|器)|折算|拆分|合并|分配|分给|整理成|改成|变成|做成|读取|写出|列出|显示|输入|"
    "输出|上传|下载|删除|去掉|去除|加密|解密|验证|校验|核对|预测|估算|测算|测量"
)
_ZH_CLAUSE = re.compile(
    rf"^(?:{_ZH_VERB})(?=[\u4e00-\u9fff\d])|是否|是不是|能不能|有没有|多少|几[个天周小次]|之间|相差|[把将].+[成为到]"
    r"|[转翻变换改压][成为到]|[到至]\d"
)
_ZH_TARGET = re.compile(
    r"(?:转换成|转成|换成|翻成|翻译成|变成|改成|做成|转为|换算成|整理成|转换为|变为)([\u4e00-\u9fff]{2,8})"
)
_ZH_OBJECT = re.compile(rf"^(?:{_ZH_VERB})+([\u4e00-\u9fff]{{2,12}})")
_ZH_CUT = re.compile(
    rf"是否|是不是|是|到|成|为|之间|和|与|跟|从|里|的|有|在|并|还|以|后|前|能|会|要|该|相差|差|[转翻变换改压]|{_ZH_VERB}"
)
_ZH_MEASURE = re.compile(
    r"^(?:[一二两三四五六七八九十几\d]+|这|那|每|某)[个段张篇份条位名本块次组对句首件封只台辆家所间套道]?"
)
_ZH_TAIL = ("记录", "紀錄", "記錄", "纪录", "清单", "表")

_EN_VERBS = (
    "add|calculate|check|compare|compute|convert|count|create|figure|find|generate|get|help|list|make|pick|"
    "rotate|shorten|show|sort|split|tell|track|translate|turn|work|decide|determine|estimate|extract|format|"
    "merge|remove|rename|resize|compress|validate|verify|detect|guess|predict|match|measure|encode|decode"
)
_EN_CLAUSE = re.compile(
    rf"^(?:{_EN_VERBS})\b|\b(?:whether|if|how|what|which|who|between|into|than)\b|^(?:two|three|four|five|\d+)\b",
    re.I,
)
_EN_STOP = re.compile(
    r"^(?:a|an|the|my|our|your|their|some|any|two|three|four|five|six|\d+|each|every|all|of|long|short|new|"
    r"me|us|it|this|that|these|those|out|up|whether|if|how|what|which|who|is|are|was|be|and|or|to)$",
    re.I,
)
_EN_CUT = re.compile(
    r"^(?:is|are|was|were|be|has|have|can|will|and|or|but|to|for|from|with|by|in|on|at|into|than|between|"
    r"so|then|that|which|who|show|tell|see|until|before|after|per|each|every)$",
    re.I,
)


def is_clause_title(title: str) -> bool:
    """Whether a title reads as a clause of a request rather than the name of a thing."""
    text = title.strip()
    if re.search(r"[\u3400-\u9fff]", text):
        simple = to_simplified(text)
        for tail in _ZH_TAIL:
            if simple.endswith(tail) and len(simple) > len(tail):
                simple = simple[: -len(tail)]
        return bool(_ZH_CLAUSE.search(simple)) or re.fullmatch(_ZH_VERB, simple) is not None
    words = re.sub(r"\b(?:Log|List|Tracker|Records?)$", "", text).strip()
    return bool(words) and bool(_EN_CLAUSE.search(words))


def _zh_subject(idea: str) -> str | None:
    text = to_simplified(without_ask(idea))
    first = re.split(r"[，。、！？,.!?：:；;\s]", text, maxsplit=1)[0]
    target = _ZH_TARGET.search(first)
    if target:
        noun = target.group(1)
    else:
        found = _ZH_OBJECT.search(first)
        if found is None:
            return None
        noun = _ZH_MEASURE.sub("", found.group(1))
    noun = _ZH_CUT.split(_ZH_MEASURE.sub("", noun), maxsplit=1)[0]
    noun = re.sub(r"[一二两三四五六七八九十几\d]+[个段张篇份条位名本块次组对句首件封只台辆家所间套道]", "", noun)
    return noun if 2 <= len(noun) <= 8 else None


def _en_subject(idea: str) -> str | None:
    tokens = re.findall(r"[A-Za-z][A-Za-z'-]*|\d+", without_ask(idea))
    at = 0
    while at < len(tokens) and (re.fullmatch(_EN_VERBS, tokens[at], re.I) or _EN_STOP.match(tokens[at])):
        at += 1  # the verbs and small words before the object
    words: list[str] = []
    for token in tokens[at:]:
        if _EN_CUT.match(token) or re.fullmatch(_EN_VERBS, token, re.I):
            break
        if token.lower() == "of":
            words = []  # “two lists of names”: the names
            continue
        if not _EN_STOP.match(token):
            words.append(token)
    if not words or len(words) > 3:
        return None
    return " ".join(w if w.isupper() else w.capitalize() for w in words)


def subject_name(idea: str, language: str) -> str | None:
    """The thing a request is about, as a short name in the idea's language and script; None when not found."""
    if language == "en":
        return _en_subject(idea)
    noun = _zh_subject(idea)
    if noun is None:
        return None
    return to_traditional(noun) if language == "zh-Hant" else noun


def with_subject_title(spec: AppSpec, idea: str) -> AppSpec:
    """``spec`` with a clause title (and the record names and field labels that repeat it) replaced by the
    subject the idea names, told as the app's kind of name (a log of it in Chinese)."""
    title = spec.brief.title
    if not is_clause_title(title):
        return spec
    language = spec.brief.language
    noun = subject_name(idea, language)
    if noun is None or is_clause_title(noun):
        noun = {"en": "My Records", "zh-Hans": "我的记录", "zh-Hant": "我的記錄"}.get(language, "My Records")
    named = (
        noun
        if language == "en" or noun.endswith(("记录", "記錄", "清单", "清單"))
        else noun + ("記錄" if language == "zh-Hant" else "记录")
    )
    data = spec.model_dump()
    data["brief"]["title"] = named
    for entity in data["entities"]:
        if entity["label"] == title or is_clause_title(entity["label"]):
            entity["label"] = noun
        for field in entity["fields"]:
            if is_clause_title(field["label"]):
                field["label"] = {"en": "Name", "zh-Hans": "名称", "zh-Hant": "名稱"}.get(language, "Name")
    return AppSpec.model_validate(data)
