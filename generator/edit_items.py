"""Follow-up readers for what a quiz, deck, picker, list or word game holds: words, questions, cards and items
added or removed, each change confirmed by name; the component's key paths are told again to match."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Card,
    ChecklistComponent,
    FlashcardsComponent,
    GameComponent,
    PickerComponent,
    Question,
    QuizComponent,
)
from generator.edit_base import ADD, REMOVE, Clause, Refused, clean_words, listed, replace_paths
from generator.edit_paths import told_again

__all__ = ["add_items", "remove_items"]

Holder = QuizComponent | FlashcardsComponent | PickerComponent | ChecklistComponent | GameComponent
_NOUNS = (
    r"\b(?:words?|questions?|cards?|items?|names?|students?|people|persons?|things?|entries|options?|choices?|"
    r"tasks?|players?|foods?|places?)\b|单词|單詞|词语|詞語|生词|生詞|词|詞|题目|題目|问题|問題|题|題|卡片|卡|名字|"
    r"学生|學生|人名|项目|項目|事项|事項|选项|選項"
)
_TAIL = (
    r"\s+(?:to|into|in|onto|on|from|of|off)\s+(?:the|my|this)?\s*(?:list|deck|quiz|game|picker|pool|wheel|app|"
    r"cards?|questions?|names?|words?)\b.*$|\s+(?:too|as well)$"
    r"|(?:到|进|進|入)?(?:列表|清单|清單|卡组|卡組|题库|題庫|名单|名單)(?:里|裡|中)?$"
)


def _holders(spec: AppSpec) -> list[Holder]:
    found: list[Holder] = []
    for x in spec.components():
        if isinstance(x, QuizComponent | FlashcardsComponent | PickerComponent | ChecklistComponent) or (
            isinstance(x, GameComponent) and x.params.items
        ):
            found.append(x)
    return found


def _target(spec: AppSpec, c: Clause) -> Holder | None:
    holders = _holders(spec)
    wanted: tuple[type, ...] = ()
    if c.has(r"questions?|题|題|问题|問題"):
        wanted = (QuizComponent,)
    elif c.has(r"cards?|deck|卡"):
        wanted = (FlashcardsComponent,)
    elif c.has(r"\blist\b|清单|清單|列表"):
        wanted = (ChecklistComponent, PickerComponent)
    elif c.has(r"words?|词|詞|vocab"):
        wanted = (GameComponent, FlashcardsComponent, QuizComponent, PickerComponent)
    ranked = [h for kind in wanted for h in holders if isinstance(h, kind)] if wanted else holders
    return ranked[0] if ranked else None


def _values(c: Clause) -> list[str]:
    text = re.sub(rf"^.*?(?:{ADD})\s*", "", c.text, count=1, flags=re.I)
    text = re.sub(
        rf"^(?:(?:the|a|an|some|these|this|more|new|few|following)\s+)*(?:{_NOUNS})?\s*[:：]?\s*", "", text, flags=re.I
    )
    text = re.sub(r"^(?:一些|几个|幾個|一个|一個|个|個|以下|这些|這些|下面的)?\s*(?:的)?\s*", "", text)
    text = re.sub(rf"^(?:{_NOUNS})\s*[:：]?\s*", "", text, flags=re.I)
    text = re.sub(_TAIL, "", text, flags=re.I)
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


def _question(c: Clause, quiz: QuizComponent, value: str) -> Question:
    """A question for ``value``: “prompt? answer” / “word = meaning” / an English word to spell."""
    asked = re.match(r"(.+?[?？])\s*(?:(?:the )?answer(?: is)?|答案(?:是|为|為)?)?\s*[:：]?\s*(.+)$", value, re.I)
    pair = re.match(r"(.+?)\s*(?:=|:|：| means | - )\s*(.+)$", value)
    pool = [ch for q in quiz.questions for ch in q.choices]
    if asked or pair:
        found = asked or pair
        assert found is not None
        given = listed(found.group(2))
        prompt, answer = found.group(1).strip(), given[0] if given else ""
        if pair and not asked:
            prompt = c.app(f"What does “{prompt}” mean?", f"“{prompt}”是什么意思？")
        numeric = answer.replace(".", "", 1).isdigit()
        others = [p for p in pool if p != answer and p.replace(".", "", 1).isdigit() == numeric]
        wrong = list(dict.fromkeys([g for g in given[1:] if g != answer] or others))[:3]
        if numeric and len(wrong) < 2:
            wrong += [f"{float(answer) + d:g}" for d in (1, -1, 10) if f"{float(answer) + d:g}" not in wrong][
                : 3 - len(wrong)
            ]
        if not wrong:
            raise Refused(c.t(f"say a wrong choice or two for “{prompt}” too", f"请为“{prompt}”也给一两个错误选项"))
    elif re.fullmatch(r"[A-Za-z'-]{3,40}", value):
        prompt, answer = c.app("Which spelling is right?", "哪个拼写是对的？"), value
        wrong = _misspelled(value.lower())[:3]
    else:
        raise Refused(c.t(f"for “{value}”, say the question and its answer, like “What is 2+2? 4”",
                          f"“{value}”：请说出题目和答案，例如“2+2等于几？4”"))  # fmt: skip
    at = len(prompt) % (len(wrong) + 1)
    choices = wrong[:at] + [answer] + wrong[at:]
    return Question(prompt=prompt[:300], choices=choices, answer=at)


def _card(c: Clause, deck: FlashcardsComponent, value: str) -> Card:
    pair = re.match(r"(.+?)\s*(?:=|:|：| means | - |→|->)\s*(.+)$", value)
    if pair:
        return Card(front=clean_words(pair.group(1))[:80], back=clean_words(pair.group(2))[:300])
    spelling = any(card.back.replace("-", "").replace(" ", "").lower() == card.front.lower() for card in deck.cards)
    if spelling and value.isascii():
        return Card(front=value[:80], back="-".join(value))
    raise Refused(c.t(f"say what the back of “{value}” shows, like “{value} = its meaning”",
                      f"请说出“{value}”背面的内容，例如“{value} = 意思”"))  # fmt: skip


def add_items(spec: AppSpec, c: Clause) -> list[str]:
    """“add the words necessary, separate, rhythm”, “add Dan and Eve”, “add a question: What is 2+2? 4”."""
    if not c.has(ADD) or c.has(REMOVE) or c.has(r"\b(?:field|column|page|tab|screen|option|chart)\b|字段|页|頁|图表"):
        return []
    holder = _target(spec, c)
    if holder is None:
        return []
    values = _values(c)
    if isinstance(holder, QuizComponent) and re.search(r"[?？]", c.text):
        values = [
            re.sub(
                rf"^.*?(?:{ADD})\s*(?:an?\s+|one\s+|the\s+|一道|一个|一個)?(?:new\s+)?(?:question|题目|題目|问题|問題|题|題)?\s*[:：]?\s*",
                "",
                c.text,
                count=1,
                flags=re.I,
            )
        ]
    if not values:
        return []
    added: list[str] = []
    if isinstance(holder, QuizComponent):
        new_q = [_question(c, holder, v) for v in values]
        holder.questions = (holder.questions + new_q)[:40]
        added = [
            q.choices[q.answer] if q.prompt.startswith(("Which spelling", "哪个拼写")) else q.prompt for q in new_q
        ]
    elif isinstance(holder, FlashcardsComponent):
        cards = [_card(c, holder, v) for v in values if v.lower() not in {x.front.lower() for x in holder.cards}]
        holder.cards = (holder.cards + cards)[:200]
        added = [x.front for x in cards]
    else:
        items = holder.params.items if isinstance(holder, GameComponent) else holder.items
        new = [v[:80] for v in values if v.lower() not in {i.lower() for i in items}]
        limit = {GameComponent: 40, ChecklistComponent: 60, PickerComponent: 200}[type(holder)]
        if len(items) + len(new) > limit:
            raise Refused(c.t(f"the list holds at most {limit} items", f"列表最多 {limit} 项"))
        if isinstance(holder, GameComponent):
            holder.params = holder.params.model_copy(update={"items": items + new})
        else:
            holder.items = items + new
        added = new
    if not added:
        raise Refused(c.t("those are already there", "这些已经有了"))
    replace_paths(spec, holder.id, told_again(spec, holder, c.app))
    return [c.t(f"added {', '.join(f'“{a}”' for a in added)}", f"添加了{'、'.join(f'“{a}”' for a in added)}")]


def remove_items(spec: AppSpec, c: Clause) -> list[str]:
    """“remove the question about Mars”, “remove the word friend”, “take Bob off the list”, “删除关于火星的题”."""
    if not c.has(REMOVE) or c.has(r"\b(?:field|column|page|tab|screen|option)\b|字段|页|頁|选项|選項"):
        return []
    about = c.has(r"\b(?:about|on|mentioning|with|that says|called)\s+(.+)$") or c.has(
        r"关于(.+?)的|關於(.+?)的|有关(.+?)的|有關(.+?)的"
    )
    text = next(g for g in about.groups() if g) if about else re.sub(rf"^.*?(?:{REMOVE})\s*", "", c.text, flags=re.I)
    wanted = (
        [w.lower() for w in _values(Clause(text="add " + text, t=c.t, app=c.app))]
        if not about
        else [clean_words(text).lower()]
    )
    holders = [h for h in _holders(spec) if h is _target(spec, c)] or _holders(spec)
    for holder in holders:
        if isinstance(holder, QuizComponent):
            gone = [q for q in holder.questions if any(w in q.prompt.lower() for w in wanted)]
            gone = gone or [q for q in holder.questions if q.choices[q.answer].lower() in wanted]
            kept_q = [q for q in holder.questions if q not in gone]
            names, left = [q.prompt for q in gone], len(kept_q)
        elif isinstance(holder, FlashcardsComponent):
            gone_c = [x for x in holder.cards if x.front.lower() in wanted or x.back.lower() in wanted]
            kept_c = [x for x in holder.cards if x not in gone_c]
            names, left = [x.front for x in gone_c], len(kept_c)
        else:
            items = holder.params.items if isinstance(holder, GameComponent) else holder.items
            names = [i for i in items if i.lower() in wanted]
            inside = [i for i in items if any(re.search(rf"\b{re.escape(w)}\b", i.lower()) for w in wanted)]
            names = names or (inside if len(inside) == len(wanted) else [])
            kept_i, left = [i for i in items if i not in names], len(items) - len(names)
        if not names:
            continue
        if left == 0:
            raise Refused(c.t("that would leave nothing", "这样就一项都不剩了"))
        if isinstance(holder, QuizComponent):
            holder.questions = kept_q
        elif isinstance(holder, FlashcardsComponent):
            holder.cards = kept_c
        elif isinstance(holder, GameComponent):
            holder.params = holder.params.model_copy(update={"items": kept_i})
        else:
            holder.items = kept_i
        replace_paths(spec, holder.id, told_again(spec, holder, c.app))
        return [c.t(f"removed {', '.join(f'“{n}”' for n in names)}", f"移除了{'、'.join(f'“{n}”' for n in names)}")]
    if _holders(spec):
        raise Refused(c.t(f"nothing matches “{', '.join(wanted)}”", f"没有找到“{'、'.join(wanted)}”"))
    return []
