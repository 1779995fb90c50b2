"""Quizzes from the teacher's own content: spelling tests (the word given by its meaning, letters hidden; the
pupil types it) and questions from "question? answer" or "word - meaning" pairs; and the paths that test them."""

from __future__ import annotations

from flashapps.spec import KeyPath, Question, QuizComponent
from generator.planner.content import Content, hide_letters
from generator.planner.extract import find_topic
from generator.planner.patterns.base import Context, expect, path, step
from generator.planner.patterns.decks import HANZI, SPELLING, meaning_of

__all__ = ["SPELL_WORDS", "hanzi", "own_title", "pair_questions", "quiz_paths", "spelling_questions"]

SPELL_WORDS = ("spelling", "spell", "dictation", "拼写", "默写", "听写", "拼字")
_HANZI_WORDS = ("生字", "词语", "汉字", "语文", "chinese characters", "hanzi", "chinese words")


_NOT_TOPICS = {"kid", "kids", "son", "daughter", "child", "children", "class", "students", "pupils", "these", "this",
               "those", "them", "friday", "monday", "today", "tomorrow", "week", "test", "grade", "year"}  # fmt: skip


def own_title(ctx: Context) -> str:
    """The topic of the sentence's first line as a title (“flashcards about rivers” → “Rivers”), or ""."""
    topic = find_topic(ctx.idea.split("\n", 1)[0])
    if not topic or topic.split()[0].lower() in _NOT_TOPICS or topic.split()[-1].lower() in _NOT_TOPICS:
        return ""
    return ctx.script(topic[:1].upper() + topic[1:])


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def hanzi(ctx: Context) -> bool:
    """A dictation of Chinese words rather than a test of English spelling."""
    return ctx.has(*_HANZI_WORDS) or (ctx.zh and ctx.has("听写") and not ctx.has("英语", "英文", "单词", "english"))


def _words(ctx: Context, content: Content) -> tuple[list[tuple[str, str, str]], bool]:
    """(word, clue, explanation) for each word, and whether they came from the sentence."""
    t = ctx.t
    if content.pairs:
        latin = [(a.isascii(), b.isascii()) for a, b in content.pairs]
        if not hanzi(ctx) and all(not a and b for a, b in latin):  # “苹果 - apple”: the English word is spelt
            return [(w, meaning, "") for meaning, w in content.pairs], True
        return [(w, meaning, "") for w, meaning in content.pairs], True
    if content.items:
        found = []
        for word in content.items:
            known = meaning_of(word)
            found.append((word, t(*known) if known else "", ""))
        return found, True
    if hanzi(ctx):
        cards = HANZI.cards
        return [
            (ctx.script(w), pinyin if ctx.zh else f"{pinyin} · {en}", ctx.script(ex)) for w, en, ex, pinyin in cards
        ], False
    return [(w, t(en, zh), hint) for w, en, zh, hint in SPELLING.cards], False


def spelling_questions(ctx: Context, content: Content) -> tuple[list[Question], bool]:
    """A spelling test: each word asked by its meaning with letters hidden; the typed word is the answer."""
    t = ctx.t
    words, own = _words(ctx, content)
    wanted = content.counts.get("words") or content.counts.get("questions")
    if not own:
        words = words[: wanted or _BUILT_IN]
    questions = []
    for word, clue, why in words[:40]:
        hidden = "＿" * len(word) if clue and not word.isascii() else hide_letters(word)
        if clue:
            prompt = t(f"{clue} — {hidden}", f"{clue}——{hidden}")
        elif word.isascii():
            prompt = t(f"Spell the word: {hidden} ({len(word)} letters)", f"写出这个词：{hidden}（{len(word)} 个字母）")
        else:
            prompt = t(
                f"Write the word: {hidden} ({len(word)} characters)", f"写出这个词：{hidden}（{len(word)} 个字）"
            )
        if why and word in why:
            why = why.replace(word, "＿" * len(word))
        questions.append(Question(prompt=_short(prompt, 300), choices=[_short(word)], answer=0, explanation=why))
    return questions, own


def pair_questions(ctx: Context, pairs: list[tuple[str, str]], meaning: bool) -> tuple[list[Question], str]:
    """Questions from pairs: multiple choice among the other answers when there are enough different ones,
    else typed. ``meaning``: the pairs are words and meanings (asked “What does … mean?”)."""
    answers = [_short(a) for _, a in pairs]
    distinct = list(dict.fromkeys(answers))
    typed = len(distinct) < 3 or any(len(a) > 80 for _, a in pairs)
    questions = []
    for n, (front, back) in enumerate(pairs[:40]):
        prompt = ctx.t(f"What does “{front}” mean?", f"“{front}”是什么意思？") if meaning else front
        right = _short(back)
        if typed:
            questions.append(Question(prompt=_short(prompt, 300), choices=[right], answer=0))
            continue
        others = [a for a in distinct if a != right]
        picked = [others[(n + k) % len(others)] for k in range(min(3, len(others)))]
        picked = list(dict.fromkeys(picked))
        at = n % (len(picked) + 1)
        choices = [*picked[:at], right, *picked[at:]]
        questions.append(Question(prompt=_short(prompt, 300), choices=choices, answer=at))
    return questions, "typed" if typed else "choice"


_MAX_SET = 19
_BUILT_IN = 10  # words in a built-in spelling test when the sentence gives no count


def _misspelt(word: str) -> str:
    """A wrong answer close to ``word`` (a letter left out, or one added)."""
    return word[:-1] if len(word) > 1 else word + word


def quiz_paths(ctx: Context, quiz: QuizComponent) -> list[KeyPath]:
    """All right, one wrong (named among those to practise again), and retry; typed quizzes ignore case."""
    t = ctx.t
    cid, questions = quiz.id, quiz.questions
    right = [q.choices[q.answer] for q in questions]
    if quiz.mode == "typed":
        wrong = _misspelt(right[0])
    else:
        wrong = questions[0].choices[(questions[0].answer + 1) % len(questions[0].choices)]
    total = len(questions)
    shown = min(total, _MAX_SET)  # a key path has 20 steps at most: the first answers, then Check
    story = (
        t("I answer every question right and score full marks.", "我全部答对，拿到满分。")
        if shown == total
        else t(
            f"I answer the first {shown} questions right and score {shown}.", f"我答对前 {shown} 题，得 {shown} 分。"
        )
    )
    paths = [
        path(
            "all_right",
            story,
            [*(step("set", f"{cid}__q{n}", a) for n, a in enumerate(right[:shown])), step("click", f"{cid}__submit")],
            [
                expect(f"{cid}.score", shown),
                expect(f"{cid}.total", total),
                expect(f"{cid}.passed", shown / total >= quiz.pass_mark),
                expect(f"{cid}.missed", right[shown:]),
            ],
        ),
        path(
            "one_wrong",
            t(
                "One wrong answer costs one point and is listed with its right answer.",
                "答错一题就少一分，并列出这题的正确答案。",
            ),
            [
                step("set", f"{cid}__q0", wrong),
                *(step("set", f"{cid}__q{n}", a) for n, a in enumerate(right[:shown]) if n),
                step("click", f"{cid}__submit"),
            ],
            [
                expect(f"{cid}.score", shown - 1),
                expect(f"{cid}.finished", True),
                expect(f"{cid}.missed", [right[0], *right[shown:]]),
            ],
        ),
        path(
            "retry",
            t("After checking, Retry clears the answers.", "检查之后点“重来”会清空答案。"),
            [step("set", f"{cid}__q0", right[0]), step("click", f"{cid}__submit"), step("click", f"{cid}__retry")],
            [expect(f"{cid}.finished", False), expect(f"{cid}.answered", 0)],
        ),
    ]
    if quiz.editable:
        words = ["cat", "ship"] if ctx.language == "en" or right[0].isascii() else ["大海", "森林"]
        paths.append(
            path(
                "own_words",
                t(
                    "A parent types two new words; the test now asks those two.",
                    "家长输入两个新词，测验就只考这两个词。",
                ),
                [
                    step("set", f"{cid}__words", "\n".join(words)),
                    step("click", f"{cid}__save_words"),
                    step("set", f"{cid}__q0", words[0]),
                    step("set", f"{cid}__q1", words[1]),
                    step("click", f"{cid}__submit"),
                ],
                [expect(f"{cid}.total", 2), expect(f"{cid}.score", 2), expect(f"{cid}.missed", [])],
            )
        )
    shouted = right[0].upper()
    if quiz.mode == "typed" and shouted != right[0]:
        paths.append(
            path(
                "any_case",
                t("An answer typed in capitals with extra spaces still counts.", "用大写字母或多打空格也算对。"),
                [step("set", f"{cid}__q0", f"  {shouted} "), step("click", f"{cid}__submit")],
                [expect(f"{cid}.score", 1)],
            )
        )
    return paths
