"""Flashcards: a built-in deck (vocabulary, kanji, capitals, Spanish) or one made from a quiz bank, plus a
self-test quiz made from the same cards."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    Card,
    FlashcardsComponent,
    KeyPath,
    Question,
    QuizComponent,
    Screen,
    TextComponent,
)
from generator.planner.content import Content, hide_letters, read_content
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.decks import DECKS, Deck, meaning_of
from generator.planner.patterns.quiz import pick_bank, questions_of
from generator.planner.patterns.spelling import own_title

__all__ = ["PATTERN", "deck_paths", "pick_deck"]

KEYWORDS = {
    "flashcard": 10,
    "flash card": 10,
    "cards": 3,
    "memorize": 5,
    "memorise": 5,
    "spaced repetition": 8,
    "srs": 6,
    "vocabulary": 6,
    "vocab": 6,
    "learn words": 6,
    "review": 2,
    "卡片": 6,
    "闪卡": 10,
    "记忆卡": 10,
    "背单词": 10,
    "单词": 5,
    "词汇": 5,
    "背诵": 6,
    "记单词": 10,
    "单词卡": 10,
    "单字卡": 10,
    "字卡": 8,
    "单字": 5,
    "生词": 6,
    "word practice": 8,
    "practice words": 8,
    "practise words": 8,
    "sight words": 10,
    "word list": 5,
}


def pick_deck(ctx: Context) -> tuple[Deck | None, float]:
    best: tuple[Deck | None, float] = (None, 0.0)
    for deck in DECKS:
        found = ctx.match(deck.keywords).score
        if found > best[1]:
            best = (deck, found)
    return best


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


def _own_cards(ctx: Context, content: Content) -> list[Card]:
    """The teacher's cards: “front - back” pairs, or words (backed by their meaning when a built-in deck knows
    it, else by their spelling, the front showing the word with letters hidden)."""
    if content.pairs:
        return [Card(front=_short(f), back=b[:300]) for f, b in content.pairs]
    known = [meaning_of(word) for word in content.items]
    if all(known):
        return [Card(front=_short(w), back=ctx.t(*m)) for w, m in zip(content.items, known, strict=True) if m]
    return [
        Card(front=hide_letters(w)[:80], back=w[:300], hint=ctx.t(*m) if m else "")
        for w, m in zip(content.items, known, strict=True)
    ]


def _short(text: str) -> str:
    return text if len(text) <= 80 else text[:79] + "…"


def _cards(ctx: Context) -> tuple[list[Card], str, str]:
    """The cards, the deck title and its icon: the teacher's own when the sentence lists them, a built-in deck
    when one fits, else the topic's quiz bank; cut to the number of cards asked for."""
    content = read_content(ctx.idea)
    cards, title, icon = _found_cards(ctx, content)
    wanted = content.counts.get("cards") or content.counts.get("words")
    return (cards[:wanted] if wanted and not content.listed else cards), title, icon


def _found_cards(ctx: Context, content: Content) -> tuple[list[Card], str, str]:
    t = ctx.t
    if content.listed and (cards := _own_cards(ctx, content)):
        return cards[:200], own_title(ctx) or t("My Cards", "我的卡片"), "🗂️"
    deck, fit = pick_deck(ctx)
    bank, matched = pick_bank(ctx)
    if deck is not None and (fit >= 6 or not matched):
        cards = []
        for front, back_en, back_zh, hint in deck.cards:
            if ctx.zh and deck.name == "capitals":
                front, back = (t("", part) for part in back_zh.split(" — "))
            else:
                back = t(back_en, back_zh)
            cards.append(Card(front=front, back=back, hint=hint))
        return cards, t(*deck.title), deck.icon
    if deck is None and not matched:
        deck = DECKS[0]
        return [Card(front=f, back=t(en, zh), hint=h) for f, en, zh, h in deck.cards], t(*deck.title), deck.icon
    cards = [
        Card(front=q.prompt, back=q.choices[q.answer] + (f" — {q.explanation}" if q.explanation else ""))
        for q in questions_of(ctx, bank)
    ]
    return cards, t(*bank.title), bank.icon


def _self_test(ctx: Context, cards: list[Card]) -> list[Question]:
    """Multiple-choice questions: each card's back among three other backs (deterministic)."""
    backs = [c.back for c in cards]
    if any(" _" in c.front for c in cards):
        return []  # spelling cards: the back is the word itself
    if len(set(backs)) != len(backs) or any(len(b) > 80 for b in backs) or len(cards) < 4:
        return []
    questions = []
    for n, card in enumerate(cards[:8]):
        others = [backs[(n + k) % len(backs)] for k in (1, 3, 5)]
        choices = list(dict.fromkeys([*others[: n % 4], card.back, *others[n % 4 :]]))
        prompt = ctx.t(f"What does “{card.front}” mean?", f"“{card.front}”是什么意思？")
        questions.append(Question(prompt=prompt[:300], choices=choices, answer=choices.index(card.back)))
    return questions


def deck_paths(ctx: Context, deck: FlashcardsComponent) -> list[KeyPath]:
    """Flip the first card; sort one as known and one as still learning (one only in a deck of two or less)."""
    t, cid, total = ctx.t, deck.id, len(deck.cards)
    flip = path(
        "flip",
        t("I flip the first card and see its answer.", "我翻开第一张卡片，看到答案。"),
        [step("click", f"{cid}__flip")],
        [expect(f"{cid}.side", "back"), expect(f"{cid}.total", total)],
    )
    if total <= 2:
        sort = path(
            "sort",
            t("I mark a card as known.", "我把一张卡片标为认识。"),
            [step("click", f"{cid}__known")],
            [expect(f"{cid}.known", 1), expect(f"{cid}.remaining", total - 1), expect(f"{cid}.index", 1 % total)],
        )
        return [flip, sort]
    sort = path(
        "sort",
        t("I mark one card as known and one as still learning.", "我把一张标为认识，一张标为还不熟。"),
        [step("click", f"{cid}__known"), step("click", f"{cid}__unknown")],
        [
            expect(f"{cid}.known", 1),
            expect(f"{cid}.unknown", 1),
            expect(f"{cid}.remaining", total - 2),
            expect(f"{cid}.index", 2),
        ],
    )
    return [flip, sort]


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    cards, title, icon = _cards(ctx)
    deck = FlashcardsComponent(id="cards", title=title, cards=cards, editable=True)
    how = t(
        "Tap **Flip** to see the answer, then sort the card: **Know it** or **Still learning**. "
        "Add your own cards below the deck; shuffle to mix them up.",
        "点 **翻面** 查看答案，再把卡片分到“认识”或“还不熟”。可以在卡组下方添加自己的卡片，也可以洗牌。",
    )
    if any(" _" in c.front for c in cards):
        how += " " + t(
            "Each card shows a word with letters hidden; flip it to check your spelling.",
            "每张卡片显示隐去部分字母的单词，翻面核对拼写。",
        )
    screens = [
        Screen(name="study", title=t("Study", "学习"), icon=icon, components=[TextComponent(id="how", body=how), deck])
    ]
    paths = deck_paths(ctx, deck)
    questions = _self_test(ctx, cards)
    if questions:
        quiz = QuizComponent(id="test", title=t("Test yourself", "自我测验"), questions=questions, pass_mark=0.75)
        screens.append(Screen(name="test", title=t("Test", "测验"), icon="✅", components=[quiz]))
        paths.append(
            path(
                "self_test",
                t("I pass the self-test by choosing every right meaning.", "我选对每个意思，通过自我测验。"),
                [
                    *(step("set", f"test__q{n}", q.choices[q.answer]) for n, q in enumerate(questions)),
                    step("click", "test__submit"),
                ],
                [expect("test.score", len(questions)), expect("test.passed", True)],
            )
        )
    brief = Brief(
        title=title if title.endswith(("Cards", "卡片")) else t(f"{title} Flashcards", f"{title}卡片"),
        value=t(
            f"Learn {title.lower()} with flip cards, sort what you know and test yourself.",
            f"用翻转卡片学习{title}，区分已掌握和未掌握的内容，再做个小测验。",
        ),
        audience=t("Learners of every age", "各个年龄的学习者"),
        language=ctx.language,
        icon=icon,
        category="learning",
        inputs=[t("known / still learning for each card", "每张卡片认识或不熟")],
        feedback=[
            t("cards known, still learning and left", "认识、不熟和剩余的卡片数"),
            t("self-test score", "自测得分"),
        ],
        theme=ctx.theme("indigo"),
    )
    return AppSpec(brief=brief, screens=screens, key_paths=paths)


PATTERN = Pattern(
    name="flashcards",
    label_en="flashcards",
    label_zh="记忆卡片",
    score=score,
    build=build,
    hint_en="flashcards",
    hint_zh="卡片",
)
