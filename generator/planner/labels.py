"""The guard every label read from an idea passes: a clause or an instruction is never a name.

Lists, options, field labels and titles come from the idea's own words, and sentences mix the
names with what is to be done with them (“分类包括餐饮、交通，每月预算多少”, “show a chart each
week”). A label that reads as a clause — a question word, a frequency or an instruction, a verb
with its object, a dangling preposition, a clipped piece — is rejected, or cut down to the clean
noun it holds (“按语文” → “语文”, “分类包括餐饮” → “餐饮”, “英语三科” → “英语”).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from flashapps.spec import AppSpec
from generator.planner.hanzi import to_simplified, to_traditional

__all__ = ["clean_items", "clean_label", "clean_option", "clean_title", "is_clause", "noun_phrase", "with_clean_title"]

# -- Chinese -----------------------------------------------------------------------------------
_ZH_QUESTION = re.compile(
    r"多少|哪儿|哪里|哪个|哪些|哪天|什么|怎么|怎样|如何|是否|为什么|几[个次杯天小点岁本页道题分门科]|吗$|呢$"
)
_ZH_INSTRUCTION = re.compile(
    r"^(?:显示|生成|统计(?![图表数])|提醒(?!事项)|查看|输入|点击|算出|计算(?![器机])|列出|导出|打印|分享|记下|记录(?![本表册卡])|"
    r"选择(?!题)|选出|抽出)(?=[\u4e00-\u9fff])|"
    r"出一[个张份]|帮我|给我|让我|我想|我要|我们|可以|能够|做一个|做个|弄一个|来一个|然后|之后|还要|并且|而且|自动"
)
_ZH_DONE = re.compile(r"[花读做吃喝用走跑睡买学写看]了")
_ZH_VERB_OBJECT = re.compile(
    r"^(?:给|帮|让|替|为|把|对|用|跟)[\u4e00-\u9fff]+(?:做|写|画|记|算|练|学|看|找|出|生成|设计)"
)
_ZH_FREQUENCY = re.compile(r"^(?:每|一)(?:天|日|周|星期|月|年|晚|次|个人)的?|(?:每|一)(?:天|日|周|星期|月|年|晚)$")
_ZH_LEAD = re.compile(
    r"^.*?(?:包括|包含|比如|例如|譬如|像是|诸如|分别是|分为|分成|选项有|选项是|选项为|选项[:：])(?=.)|"
    r"^(?:分类|类别|选项|种类|科目|类型|项目|颜色)(?:有|是|为)?[:：]?(?=.)"
)
_ZH_PREPOSITION = re.compile(r"^(?:按照|按|依照|根据|关于|对于|针对|以及|还有|或者)(?=.)")
_ZH_COUNT_TAIL = re.compile(r"(?:[一二三四五六七八九十两\d]+|这[几些])[科个种类项门样款位名组]$")
_ZH_TAIL_PARTICLE = re.compile(r"(?:等等|之类|什么的|等)$")
_ZH_LEAD_VERB = re.compile(r"^(?:记下|记录下?|输入|填写|写下|填上|记上|包括)(?=[\u4e00-\u9fff]{2})")
_ZH_COUNT_CUT = re.compile(r"(?<=[\u4e00-\u9fff])(?:[一二三四五六七八九十两\d]+|这[几些])[科门样类项]\S*$")
_ZH_HOW_MANY = re.compile(r"(?<!第)(?:多少|几)个?(页|次|杯|本|天|分钟|小时|公里|步|道题|题|人|个人|遍|场|节课|课)$")
_ZH_MONEY = re.compile(r"(?:花了|用了|付了|赚了|挣了)?多少钱$")
_ZH_FOR_WHOM = re.compile(
    r"^(?:给|帮|为|替|教|陪)[\u4e00-\u9fff]{1,10}?(?:做|练|练习|学|学习|写|记|玩|背|准备|整理|设计)(?=[\u4e00-\u9fff]{2})"
)
_ZH_A = re.compile(r"^(?:一个|一款|一套|一份|一张|每个|每一个|个)(?=[\u4e00-\u9fff]{2})")

# -- English -----------------------------------------------------------------------------------
_EN_QUESTION = re.compile(r"\b(?:how|what|which|where|when|why|who|whom|whose|whether)\b", re.I)
_EN_INSTRUCTION = re.compile(
    r"\b(?:show|shows|showing|display|displays|view|views|viewing|generate|generates|let|lets|want|wants|"
    r"can|could|should|would|will|must|please|then|also|every|each)\b",
    re.I,
)
_EN_PERSON = re.compile(r"\b(?:I|[Ww]e|[Yy]ou|me|us)\b")
"""A person speaking (“maximum values I type”); “Among Us” is a name."""
_EN_VERB = re.compile(
    r"\b(?:see|seeing|tell|give|gives|warn|warns|remind|reminds|calculate|calculates|compute|export|print|send|"
    r"make|makes|create|creates|need|needs)\b|"
    r"^(?:add|enter|type|pick|choose|select|track|record|log|compare|count|list|sort|filter|save|store|keep|mark|"
    r"vote|rate|plan|write|draw|set|get|put|use|find|search|check|edit|delete|remove|change|update|start|stop)"
    r"\s+(?:the|a|an|my|our|your|their|his|her|its|all|some|any|each|every)\b",
    re.I,
)
_EN_FREQUENCY = re.compile(r"\s+(?:every|each|per|a)\s+(?:day|night|week|month|year|morning|evening)$", re.I)
_EN_ASK = re.compile(r"^which\s+(?=[a-z]+$)|^how (?:many|much)\s+(?=[a-z]+$)", re.I)
_OPEN_PAREN = re.compile(r"\s*[(（][^)）]*$")
_EN_LEAD = re.compile(r"^.*?\b(?:such as|including|includes|include|like|e\.g\.|namely|e\.g)\s+(?=\S)", re.I)
_EN_DANGLING = re.compile(r"(?:^|\s)(?:of|for|to|with|by|in|on|at|from|per|into|about|than|and|or|the|an?|my)$", re.I)
_EN_LETTER = re.compile(r"\s[A-Z]$")
"""“Team A”, “Plan B”: a capital letter names one of a set."""
_EN_PLACEHOLDER = re.compile(
    r"^(?:minimum|maximum|min|max|values?|numbers?|things?|items?|stuff|options?|choices?|results?|etc\.?|"
    r"(?:minimum|maximum|min|max|lowest|highest) (?:values?|numbers?))$",
    re.I,
)
_ZH_PLACEHOLDER = re.compile(r"^(?:最小值?|最大值?|数值|数字|东西|选项|结果|等等|之类|内容)$")
_EN_FILLER = re.compile(r"^(?:(?:the|a|an|my|our|some|either|both|and|or)\s+)+", re.I)
_EN_TRAIL_COUNT = re.compile(
    r"\s+(?:\d+|one|two|three|four|five|six)\s+(?:subjects?|categories|kinds|types|options)$", re.I
)

_CJK = re.compile(r"[\u3400-\u9fff]")


def _keep_script(original: str, simple: str, cleaned: str) -> str:
    """``cleaned`` (cut from ``simple``) in the script of ``original``."""
    if len(original) != len(simple):
        return cleaned
    start = simple.find(cleaned)
    return original[start : start + len(cleaned)] if start >= 0 else cleaned


def is_clause(text: str, actions: bool = False, questions: bool = True) -> bool:
    """Whether ``text`` reads as a clause or an instruction rather than a name.

    ``actions``: the label names something to do (a habit, a chore, a task), so a verb with its
    object is fine (“drink water”, “make the bed”); questions and instructions to the app are not.
    ``questions=False``: a question is fine (a prompt put to the user, a title like 今天吃什么)."""
    label = text.strip()
    if not label:
        return True
    if not questions and label.endswith(("?", "？")):
        return False  # a question put to the user
    if _CJK.search(label):
        simple = to_simplified(label)
        if (questions and (_ZH_QUESTION.search(simple) or _ZH_DONE.search(simple))) or _ZH_INSTRUCTION.search(simple):
            return True
        if _ZH_FREQUENCY.search(simple) and len(simple) > 3:
            return True
        return not actions and bool(_ZH_VERB_OBJECT.search(simple))
    if (questions and _EN_QUESTION.search(label)) or _EN_INSTRUCTION.search(label) or _EN_PERSON.search(label):
        return True
    if not actions and _EN_VERB.search(label):
        return True
    return bool(_EN_DANGLING.search(label)) and not _EN_LETTER.search(label)


def clean_label(text: str, actions: bool = False, counts: bool = False, questions: bool = True) -> str | None:
    """The clean noun a label holds (``按语文`` → ``语文``), ``text`` itself when already clean, None for a clause.

    ``counts``: the label names a number to enter, so “读了多少页” becomes 页数 (not for options);
    ``questions=False``: a question is fine (a field asking “how well it went”)."""
    label = _balanced(text.strip(" \t\"'“”‘’「」『』:：,，.。;；"))
    if not label:
        return None
    if _CJK.search(label):
        simple = to_simplified(label)
        cut = _ZH_LEAD_VERB.sub("", _ZH_PREPOSITION.sub("", _ZH_LEAD.sub("", simple)))
        cut = _ZH_A.sub("", _ZH_FOR_WHOM.sub("", cut))
        cut = _ZH_FREQUENCY.sub("", cut) or cut
        counted = _ZH_HOW_MANY.search(cut)
        if counts and (counted or _ZH_MONEY.search(cut)) and len(cut) <= 7:  # “读了多少页” → 页数, “花了多少钱” → 金额
            noun = counted.group(1).lstrip("个道") + "数" if counted else "金额"
            return to_traditional(noun) if simple != label else noun
        cut = _ZH_COUNT_CUT.sub("", _ZH_COUNT_TAIL.sub("", cut) or cut) or cut
        cut = (_ZH_TAIL_PARTICLE.sub("", cut) if len(cut) >= 4 or not cut.endswith("等") else cut) or cut
        if cut != simple:
            label = _keep_script(label, simple, cut)
        return None if is_clause(label, actions, questions) else label
    label = _EN_ASK.sub("", _EN_FREQUENCY.sub("", _EN_LEAD.sub("", label)))
    label = _EN_TRAIL_COUNT.sub("", _EN_FILLER.sub("", label)).strip(" .,")
    return None if not label or is_clause(label, actions, questions) else label


def _balanced(text: str) -> str:
    """``text`` less a bracket opened or closed by a neighbouring item (“(fiction”, “science)”)."""
    if text.count("(") + text.count("（") > text.count(")") + text.count("）"):
        text = _OPEN_PAREN.sub("", text)
    while text[-1:] in (")", "）") and text.count("(") + text.count("（") < text.count(")") + text.count("）"):
        text = text[:-1]
    while text[:1] in ("(", "（") and text.count("(") + text.count("（") > text.count(")") + text.count("）"):
        text = text[1:]
    return text.strip()


def clean_option(text: str) -> str | None:
    """A listed item as an option: its clean name (a verb phrase allowed: a habit, a chore), never a clause
    nor a word that only stands for options (“minimum”, “values”, “选项”)."""
    label = clean_label(text, actions=True)
    if label is None or _EN_PLACEHOLDER.match(label) or _ZH_PLACEHOLDER.match(to_simplified(label)):
        return None
    return label


def clean_items(items: Iterable[str], keep_one: bool = False, actions: bool = True) -> list[str]:
    """The items that are names, each cut to its clean noun; [] when fewer than two remain (unless ``keep_one``)."""
    cleaned = [c for c in (clean_option(i) if actions else clean_label(i) for i in items) if c]
    cleaned = list(dict.fromkeys(cleaned))
    return cleaned if len(cleaned) >= 2 or (keep_one and cleaned) else []


def noun_phrase(text: str) -> str:
    """The name a request holds, for a title: “帮一年级孩子做注音练习” → “注音练习”, “一个读书记录” → “读书记录”."""
    phrase = text.strip()
    if not _CJK.search(phrase):
        return phrase
    simple = to_simplified(phrase)
    cut = _ZH_A.sub("", _ZH_FOR_WHOM.sub("", _ZH_A.sub("", simple)))
    return _keep_script(phrase, simple, cut) if cut and cut != simple else phrase


def clean_title(title: str, fallback: str) -> str:
    """``title`` as a clean noun phrase (its request words cut away), else ``fallback`` when it is a clause."""
    phrase = noun_phrase(title)
    simple = to_simplified(phrase)
    return fallback if is_clause(_ZH_FREQUENCY.sub("", simple) or simple, actions=True, questions=False) else phrase


def with_clean_title(spec: AppSpec) -> AppSpec:
    """``spec`` with its title cut to the name it holds (“帮一年级孩子做注音练习” → “注音练习”)."""
    title = noun_phrase(spec.brief.title)
    entities = [e.model_copy(update={"label": noun_phrase(e.label)}) for e in spec.entities]
    if title == spec.brief.title and all(a.label == b.label for a, b in zip(entities, spec.entities, strict=True)):
        return spec
    return spec.model_copy(update={"brief": spec.brief.model_copy(update={"title": title}), "entities": entities})
