"""What a follow-up brings for a quiz, deck or list, turned into the component's own entries: the values a
clause lists (a pasted list, “word - meaning” pairs, “question? answer” lines), questions (typed spelling
questions as the planner makes them, or choices), and cards (a word's built-in meaning when none is given)."""

from __future__ import annotations

import re

from flashapps.spec import Card, FlashcardsComponent, Question, QuizComponent
from generator.edit_base import ADD, Clause, Refused, clean_words, listed
from generator.planner.content import Content, read_content
from generator.planner.patterns.base import Context
from generator.planner.patterns.decks import meaning_of
from generator.planner.patterns.spelling import spelling_questions

__all__ = ["NOUNS", "card", "questions", "values"]

NOUNS = (
    r"\b(?:words?|questions?|cards?|items?|names?|students?|people|persons?|things?|entries|options?|choices?|"
    r"tasks?|players?|foods?|places?)\b|单词|單詞|词语|詞語|生词|生詞|词|詞|题目|題目|问题|問題|题|題|卡片|卡|名字|"
    r"学生|學生|人名|项目|項目|事项|事項|选项|選項"
)
_VERB = rf"{ADD}|\b(?:use|replace|change|switch|swap|make)\b|用|换成|換成|改成|改为|改為|替换|替換"
_TAIL = (
    r"\s+(?:to|into|in|onto|on|from|of|off)\s+(?:the|my|this)?\s*(?:list|deck|quiz|game|picker|pool|wheel|app|"
    r"cards?|questions?|names?|words?)\b.*$|\s+(?:too|as well|instead)$"
    r"|(?:到|进|進|入)?(?:列表|清单|清單|卡组|卡組|题库|題庫|名单|名單)(?:里|裡|中)?$"
)
_PAIR = re.compile(r"^(.+?)\s*(?:=|:|：|\smeans\s|\s[-–—]\s|→|->)\s*(.+)$")
_ASKED = re.compile(r"^(.+?[?？])\s*(?:(?:the )?answer(?: is)?|答案(?:是|为|為)?)?\s*[:：]?\s*(.+)$", re.I)


def values(c: Clause, question: bool = False) -> list[str]:
    """The entries a clause lists after its verb: a pasted or introduced list first, else “a, b and c”; a single
    “question? answer” stays whole when ``question``."""
    if question and re.search(r"[?？]", c.text) and "\n" not in c.text:
        noun = r"(?:question|题目|題目|问题|問題|题|題)"
        head = rf"^.*?(?:{ADD})\s*(?:an?\s+|one\s+|the\s+|一道|一个|一個)?(?:new\s+)?{noun}?\s*[:：]?\s*"
        return [re.sub(head, "", c.text, count=1, flags=re.I)]
    content: Content = read_content(c.text)
    if content.items:
        return [clean_words(i, False) for i in content.items if clean_words(i, False)]
    text = re.sub(rf"^.*?(?:{_VERB})\s*", "", c.text.split("\n")[0], count=1, flags=re.I)
    text = re.sub(r"^(?:an?|the|some|more|new)\s+\w+\s*[:：]\s*", "", text, flags=re.I)  # “a habit: drink water”
    filler = r"(?:the|a|an|some|these|this|those|more|new|few|following|with)"
    text = re.sub(rf"^(?:{filler}\s+)*(?:{NOUNS})?\s*(?:with|to|as)?\s*[:：]?\s*", "", text, flags=re.I)
    text = re.sub(r"^(?:一些|几个|幾個|一个|一個|个|個|以下|这些|這些|下面的)?\s*(?:的)?\s*", "", text)
    text = re.sub(rf"^(?:{NOUNS})\s*[:：]?\s*", "", text, flags=re.I)
    text = re.sub(_TAIL, "", text, flags=re.I)
    target = re.search(r"\s+(?:to|into|onto|in|on)\s+(?:the|my|this|our)\s+(\w+)(?:\s+list)?$", text, re.I)
    if target and target.group(1).lower().endswith("s"):  # “… to the habits”; “a trip to the zoo” stays
        text = text[: target.start()]
    return listed(text)


def _misspelled(word: str) -> list[str]:
    """Plausible wrong spellings of an English word (for a “which spelling is right?” question)."""
    found: list[str] = []
    doubled = re.search(r"([a-z])\1", word)
    if doubled:
        found.append(word[: doubled.start()] + word[doubled.start() + 1 :])
    single = re.search(r"(?<=[aeiou])([bcdfglmnprst])(?=[aeiou])", word)
    if single:
        found.append(word[: single.start()] + single.group(1) + word[single.start() :])
    swaps = {"a": "e", "e": "a", "i": "e", "o": "u", "u": "o"}
    for at in range(len(word) - 2, 0, -1):
        if word[at] in swaps:
            found.append(word[:at] + swaps[word[at]] + word[at + 1 :])
            break
    for pair, other in (("ie", "ei"), ("ei", "ie"), ("h", ""), ("c", "s"), ("y", "i")):
        if pair in word[1:]:
            found.append(word[0] + word[1:].replace(pair, other, 1))
    if len(word) > 3:
        found.append(word[0] + word[2] + word[1] + word[3:])
    return [w for n, w in enumerate(found) if w != word and w not in found[:n] and w]


def _choice(c: Clause, quiz: QuizComponent, value: str) -> Question:
    """A multiple-choice question for ``value``: “prompt? answer (, wrong…)”, “word = meaning”, or an English
    word to spell."""
    found = _ASKED.match(value) or _PAIR.match(value)
    if found:
        given = listed(found.group(2))
        prompt, answer = found.group(1).strip(), given[0] if given else ""
        if not answer:
            raise Refused(c.t(f"say the answer to “{prompt}”", f"请说出“{prompt}”的答案"))
        if not _ASKED.match(value):
            prompt = c.app(f"What does “{prompt}” mean?", f"“{prompt}”是什么意思？")
        numeric = answer.replace(".", "", 1).isdigit()
        pool = [x for q in quiz.questions for x in q.choices]
        others = [x for x in pool if x != answer and x.replace(".", "", 1).isdigit() == numeric]
        wrong = list(dict.fromkeys([g for g in given[1:] if g != answer] or others))[:3]
        if numeric and len(wrong) < 2:
            more = [f"{float(answer) + d:g}" for d in (1, -1, 10)]
            wrong += [m for m in more if m not in wrong and m != answer][: 3 - len(wrong)]
        if not wrong:
            raise Refused(c.t(f"say a wrong choice or two for “{prompt}” too", f"请为“{prompt}”也给一两个错误选项"))
    elif re.fullmatch(r"[A-Za-z'-]{3,40}", value):
        prompt, answer = c.app("Which spelling is right?", "哪个拼写是对的？"), value
        wrong = _misspelled(value.lower())[:3]
    else:
        raise Refused(c.t(f"for “{value}”, say the question and its answer, like “What is 2+2? 4”",
                          f"“{value}”：请说出题目和答案，例如“2+2等于几？4”"))  # fmt: skip
    at = len(prompt) % (len(wrong) + 1)
    return Question(prompt=prompt[:300], choices=[*wrong[:at], answer[:80], *wrong[at:]], answer=at)


def questions(c: Clause, quiz: QuizComponent, given: list[str]) -> list[Question]:
    """New questions for ``quiz`` in its own kind: typed (a spelling test) or multiple choice."""
    if quiz.mode != "typed":
        return [_choice(c, quiz, v) for v in given]
    asked = [m for v in given if (m := _ASKED.match(v))]
    if asked:
        return [Question(prompt=m.group(1)[:300], choices=[clean_words(m.group(2))[:80]], answer=0) for m in asked]
    pairs = [(clean_words(m.group(1)), clean_words(m.group(2), False)) for v in given if (m := _PAIR.match(v))]
    words = [v for v in given if not _PAIR.match(v)]
    made, _ = spelling_questions(Context("", c.app.language), Content(items=words, pairs=pairs))
    return made


def card(c: Clause, deck: FlashcardsComponent, value: str) -> Card:
    """A card for “front = back”, or for a word whose meaning a built-in deck knows."""
    pair = _PAIR.match(value)
    if pair:
        return Card(front=clean_words(pair.group(1))[:80], back=clean_words(pair.group(2), False)[:300])
    known = meaning_of(value)
    if known:
        return Card(front=value[:80], back=c.app(*known)[:300])
    raise Refused(c.t(f"say what the back of “{value}” shows, like “{value} = its meaning”",
                      f"请说出“{value}”背面的内容，例如“{value} = 意思”"))  # fmt: skip
