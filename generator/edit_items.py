"""Follow-up readers for what a quiz, deck, picker, list or word game holds: words, questions, cards and items
added, replaced (“use these words: …”) or removed, each change confirmed by name; the component's key paths
are told again to match."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    ChecklistComponent,
    FlashcardsComponent,
    GameComponent,
    PickerComponent,
    QuizComponent,
)
from generator.edit_base import ADD, REMOVE, Clause, Refused, clean_words, replace_paths
from generator.edit_content import NOUNS, card, questions, values
from generator.edit_paths import told_again

__all__ = ["add_items", "remove_items", "replace_items"]

Holder = QuizComponent | FlashcardsComponent | PickerComponent | ChecklistComponent | GameComponent
_LIMITS = {GameComponent: 40, ChecklistComponent: 60, PickerComponent: 200, FlashcardsComponent: 200, QuizComponent: 40}
_OTHER = r"\b(?:field|column|page|tab|screen|option|chart|colou?r|theme)\b|字段|页|頁|图表|圖表|颜色|顏色"
_REPLACE = (
    r"\b(?:use|replace|swap|switch to|change)\b.*?(?:\b(?:these|the following|with|to)\b|[:：])|\binstead\b"
    r"|(?:用|换成|換成|改成|改为|改為|替换成|替換成)(?:这些|這些|以下|下面的?|如下)"
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
        wanted = (GameComponent, QuizComponent, FlashcardsComponent, PickerComponent)
    ranked = [h for kind in wanted for h in holders if isinstance(h, kind)] if wanted else holders
    return ranked[0] if ranked else None


def _entries(holder: Holder) -> list[str]:
    """What the holder holds, by name: questions by prompt, cards by front, items as they are."""
    if isinstance(holder, QuizComponent):
        return [q.prompt for q in holder.questions]
    if isinstance(holder, FlashcardsComponent):
        return [x.front for x in holder.cards]
    return list(holder.params.items if isinstance(holder, GameComponent) else holder.items)


def _put(spec: AppSpec, c: Clause, holder: Holder, given: list[str], keep: bool) -> list[str]:
    """``given`` added to the holder (after what it holds when ``keep``); the names of what was put in."""
    limit = _LIMITS[type(holder)]
    if isinstance(holder, QuizComponent):
        made = questions(c, holder, given)
        holder.questions = ((holder.questions if keep else []) + made)[:limit]
        names = [q.choices[q.answer] if holder.mode == "typed" or "spell" in q.prompt or "拼写" in q.prompt
                 else q.prompt for q in made]  # fmt: skip
    elif isinstance(holder, FlashcardsComponent):
        have = {x.front.lower() for x in holder.cards} if keep else set()
        cards = [card(c, holder, v) for v in given if v.lower() not in have]
        holder.cards = ((holder.cards if keep else []) + cards)[:limit]
        names = [x.front for x in cards]
    else:
        items = _entries(holder) if keep else []
        names = [v[:80] for v in given if v.lower() not in {i.lower() for i in items}]
        if len(items) + len(names) > limit:
            raise Refused(c.t(f"the list holds at most {limit} items", f"列表最多 {limit} 项"))
        if isinstance(holder, GameComponent):
            holder.params = holder.params.model_copy(update={"items": items + names})
        else:
            holder.items = items + names
            if isinstance(holder, PickerComponent):
                holder.count = min(holder.count, len(holder.items))
    if names:
        replace_paths(spec, holder.id, told_again(spec, holder, c.app))
    return names


def _quoted(names: list[str], c: Clause) -> str:
    return c.t(", ".join(f"“{n}”" for n in names), "、".join(f"“{n}”" for n in names))


def add_items(spec: AppSpec, c: Clause) -> list[str]:
    """“add the words necessary, separate, rhythm”, “add Dan and Eve”, “add a question: What is 2+2? 4”."""
    if not c.has(ADD) or c.has(REMOVE) or c.has(_OTHER):
        return []
    holder = _target(spec, c)
    given = values(c, question=isinstance(holder, QuizComponent)) if holder is not None else []
    if holder is None or not given:
        return []
    added = _put(spec, c, holder, given, keep=True)
    if not added:
        raise Refused(c.t(f"{_quoted(given, c)} already there", f"{_quoted(given, c)}已经有了"))
    return [c.t(f"added {_quoted(added, c)}", f"添加了{_quoted(added, c)}")]


def replace_items(spec: AppSpec, c: Clause) -> list[str]:
    """“use these words: necessary, separate, rhythm”, “replace the names with Ann, Bo and Cy”, “用这些词：…”."""
    if not c.has(_REPLACE) or c.has(REMOVE) or c.has(_OTHER) or not (c.has(NOUNS) or "\n" in c.text):
        return []
    holder = _target(spec, c)
    given = values(c) if holder is not None else []
    if holder is None or not given:
        return []
    before = _entries(holder)
    put = _put(spec, c, holder, given, keep=False)
    gone = [b for b in before if b not in put]
    said = c.t(f"now {_quoted(put, c)}", f"现在是{_quoted(put, c)}")
    return [said + (c.t(f" (instead of {len(gone)} before)", f"（替换了原来的 {len(gone)} 项）") if gone else "")]


def remove_items(spec: AppSpec, c: Clause) -> list[str]:
    """“remove the question about Mars”, “remove the word friend”, “take Bob off the list”, “删除关于火星的题”."""
    if not c.has(REMOVE) or c.has(r"\b(?:field|column|page|tab|screen|option)\b|字段|页|頁|选项|選項"):
        return []
    about = c.has(r"\b(?:about|on|mentioning|with|that says|called)\s+(.+)$") or c.has(
        r"关于(.+?)的|關於(.+?)的|有关(.+?)的|有關(.+?)的"
    )
    text = next(g for g in about.groups() if g) if about else re.sub(rf"^.*?(?:{REMOVE})\s*", "", c.text, flags=re.I)
    ba = re.match(rf"^把(.+?)(?:{REMOVE})", c.text)  # “把李四删掉”: what goes comes before the verb
    text = ba.group(1) if ba and not about else text
    wanted = (
        [w.lower() for w in values(Clause(text="add " + text, t=c.t, app=c.app))]
        if not about
        else [clean_words(text).lower()]
    )
    holders = [h for h in _holders(spec) if h is _target(spec, c)] or _holders(spec)
    for holder in holders:
        if isinstance(holder, QuizComponent):
            gone = [q for q in holder.questions if any(w in q.prompt.lower() for w in wanted)]
            gone = gone or [q for q in holder.questions if q.choices[q.answer].lower() in wanted]
            kept_q = [q for q in holder.questions if q not in gone]
            names = [q.choices[q.answer] if holder.mode == "typed" else q.prompt for q in gone]
            left = len(kept_q)
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
        return [c.t(f"removed {_quoted(names, c)}", f"移除了{_quoted(names, c)}")]
    if _holders(spec):
        raise Refused(c.t(f"nothing matches “{', '.join(wanted)}”", f"没有找到“{'、'.join(wanted)}”"))
    return []
