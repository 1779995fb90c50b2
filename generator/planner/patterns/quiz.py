"""Quizzes: the teacher's own questions or spelling words when the sentence lists them, else a built-in
question bank chosen by the idea's topic; never empty, never a placeholder."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    Component,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    LeftOut,
    Question,
    QuizComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.content import Content, read_content
from generator.planner.hanzi import to_simplified
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.patterns.decks import DECKS, Deck
from generator.planner.patterns.game_reading import name_hits
from generator.planner.patterns.quiz_banks import BANKS_A, Bank
from generator.planner.patterns.quiz_banks2 import BANKS_B, GENERAL
from generator.planner.patterns.quiz_banks3 import MATH
from generator.planner.patterns.records import save_path
from generator.planner.patterns.spelling import (
    SPELL_WORDS,
    own_title,
    pair_questions,
    quiz_paths,
    spelling_questions,
)

__all__ = ["BANKS", "PATTERN", "pick_bank", "questions_of"]

BANKS: tuple[Bank, ...] = (*BANKS_A, MATH, *BANKS_B)
KEYWORDS = {
    "quiz": 8,
    "trivia": 6,
    "test your knowledge": 8,
    "exam": 4,
    "questions": 3,
    "question bank": 6,
    "answer": 2,
    "multiple choice": 6,
    "测验": 8,
    "小测": 8,
    "问答": 6,
    "考试": 4,
    "答题": 8,
    "题库": 8,
    "知识竞赛": 8,
    "选择题": 6,
    "出题": 6,
    "spelling": 8,
    "spell": 6,
    "dictation": 8,
    "拼写": 8,
    "听写": 8,
    "默写": 6,
}
_BANK_WORDS = ("question bank", "teacher", "题库", "老师", "教师", "出题")
_SPOKEN = ("out loud", "aloud", "read each word", "reads each word", "read the word", "reads the word", "say the word",
           "says the word", "speak", "spoken", "pronounce", "audio", "读出", "读给", "朗读", "播放", "念出", "念给",
           "发音", "读音", "语音")  # fmt: skip


def spoken_left_out(ctx: Context) -> list[LeftOut]:
    """A spelling test asked to say the words aloud: no voice here, and what the app does instead."""
    if not ctx.has(*SPELL_WORDS) or not ctx.has(*_SPOKEN):
        return []
    t = ctx.t
    return [
        LeftOut(
            part=t("Saying the words aloud", "读出词语的声音"),
            reason=t(
                "This app has no voice. A parent or teacher can read each word aloud while the pupil types it; "
                "on screen each word shows only some of its letters (and its meaning when known).",
                "这个应用不能发出声音。可以由家长或老师读词，孩子输入；屏幕上每个词只显示部分字母（知道意思时也显示意思）作为提示。",
            ),
        )
    ]


def pick_bank(ctx: Context) -> tuple[Bank, bool]:
    """The bank for the idea's topic, and whether it really matched (else the general one)."""
    topic = Context(ctx.topic, ctx.language) if ctx.topic else None
    best, best_score = GENERAL, 0.0
    for bank in BANKS:
        found = (topic.match(bank.keywords).score * 2 if topic else 0) + ctx.match(bank.keywords).score
        if found > best_score:
            best, best_score = bank, found
    return best, best_score > 0


def questions_of(ctx: Context, bank: Bank) -> list[Question]:
    t = ctx.t
    return [
        Question(
            prompt=t(q.en, q.zh),
            choices=t.items(q.choices_en, q.choices_zh),
            answer=q.answer,
            explanation=t(q.why_en, q.why_zh) if q.why_en else "",
        )
        for q in bank.questions
    ]


def _word_deck(ctx: Context) -> Deck | None:
    """A built-in word deck (vocabulary, Spanish, kanji) that fits the idea well, for a words quiz."""
    fits = [(ctx.match(deck.keywords).score, deck) for deck in DECKS if deck.name != "capitals"]
    fit, deck = max(fits, key=lambda pair: pair[0])
    return deck if fit >= 6 else None


_SET_OF_QUESTIONS = re.compile(r"(?:\d+|[一二两三四五六七八九十]+)\s*道[^。，,.]{0,12}?题")


def _without_game_names(ctx: Context) -> Context:
    """The idea with the names of games blanked out: “spelling” in “spelling bee” names a game, not a quiz."""
    text = ctx.text
    for hit in name_hits(ctx):
        text = text[: hit.start] + " " * (hit.end - hit.start) + text[hit.end :]
    return ctx if text == ctx.text else Context(text, ctx.language)


_MATCHING = ("matching", "match", "配对", "连线", "pair up")
_SPELT_ALSO = {"Aluminium": ("Aluminum",), "Sulfur": ("Sulphur",)}
_TYPED = ("type the", "types the", "i type", "typed", "typing", "输入", "写出", "填写", "打字")


def score(ctx: Context) -> Match:
    """The quiz words, and a number of questions asked for in Chinese (“出5道关于历史的题”); matching the
    sentence's own pairs (“配对：apple - 苹果, …”) is a quiz of those pairs."""
    counted = Match(8.0, ("题",)) if _SET_OF_QUESTIONS.search(ctx.text) else Match()
    if ctx.has(*_MATCHING) and len(read_content(ctx.idea).pairs) >= 3:
        counted += Match(20.0, tuple(w for w in (ctx.where(m) for m in _MATCHING) if w)[:1])
    return _without_game_names(ctx).match(KEYWORDS) + counted


def _content(ctx: Context, content: Content) -> tuple[QuizComponent, str, str, str]:
    """The quiz, its title, icon and the note above it: the teacher's words or questions when the sentence
    lists them, else the built-in bank of its topic (cut to the count asked for)."""
    t = ctx.t
    if ctx.has(*SPELL_WORDS):
        questions, own = spelling_questions(ctx, content)
        title = t("Spelling Test", "拼写测验") if not ctx.has("听写", "默写") else t("Dictation", "听写练习")
        how = t(
            "Read each clue, type the word, then press **Check answers** to see your score and the words to practise "
            "again; **Try again** starts over.",
            "看提示写出词语，然后点 **提交答案** 查看得分和需要再练的词；**再来一次** 可以重新作答。",
        )
        quiz = QuizComponent(id="quiz", title=title, questions=questions, pass_mark=0.8, mode="typed", editable=True)
        how += " " + t(
            "**Change the words** below the test takes a new list of words.", "在下方 **修改词语** 可以换成新的词语。"
        )
        return quiz, title, "✏️", how
    if content.pairs:
        meaning = not any(q.endswith(("?", "？")) for q, _ in content.pairs)
        questions, mode = pair_questions(ctx, content.pairs, meaning)
        title = own_title(ctx) or (t("Matching Quiz", "配对测验") if ctx.has(*_MATCHING) else t("Quiz", "小测验"))
        quiz = QuizComponent(id="quiz", title=title, questions=questions, pass_mark=0.6, mode=mode)
        how = t(
            f"{len(questions)} questions. Answer each, then press **Check answers** to see your score; "
            "**Try again** starts over.",
            f"共 {len(questions)} 道题。逐题作答，然后点 **提交答案** 查看得分；**再来一次** 可以重新作答。",
        )
        return quiz, title, "📝", how
    bank, matched = pick_bank(ctx)
    questions = questions_of(ctx, bank)
    wanted = content.counts.get("questions")
    if wanted and 1 <= wanted < len(questions):
        questions = questions[:wanted]
    title = t(*bank.title)
    quiz = QuizComponent(id="quiz", title=title, questions=questions, pass_mark=0.6)
    if matched:
        note = t(
            f"{len(questions)} questions on {title.lower()}. Pick an answer for each, then press **Check answers** "
            "to see your score and an explanation for every question; **Try again** starts over.",
            f"共 {len(questions)} 道关于{title}的题。每题选一个答案，然后点 **提交答案** 查看得分和每题解析；"
            f"**再来一次** 可以重新作答。",
        )
        if wanted and wanted > len(questions):
            note += " " + t(
                f"There are {len(questions)} built-in questions, fewer than the {wanted} asked for.",
                f"内置题目只有 {len(questions)} 道，少于要求的 {wanted} 道。",
            )
        return quiz, title, bank.icon, note
    deck = _word_deck(ctx)
    if deck is not None:
        most = wanted or (len(deck.cards) if deck.name == "elements" else 12)
        pairs = [(front, t(en, zh)) for front, en, zh, _ in deck.cards][:most]
        questions, mode = pair_questions(ctx, pairs, meaning=True)
        if deck.name == "elements":  # each element asked by its symbol
            named = [(t(f"Which element has the symbol {s}?", f"元素符号 {s} 是哪种元素？"), n) for s, n in pairs]
            questions, mode = pair_questions(ctx, named, meaning=False)
        if ctx.has(*_TYPED):  # “I type the name”: the answer is written, not picked
            questions = [
                q.model_copy(update={"choices": [q.choices[q.answer], *_SPELT_ALSO.get(q.choices[q.answer], ())]})
                for q in questions
            ]
            questions = [q.model_copy(update={"answer": 0}) for q in questions]
            mode = "typed"
        title = t(*deck.title)
        quiz = QuizComponent(id="quiz", title=title, questions=questions, pass_mark=0.6, mode=mode)
        note = (
            t(
                f"{len(questions)} questions: type each answer, then press **Check answers**.",
                f"共 {len(questions)} 题：写出每题的答案，然后点 **提交答案**。",
            )
            if mode == "typed"
            else t(
                f"{len(questions)} words: choose what each one means, then press **Check answers**.",
                f"共 {len(questions)} 个词：选出每个词的意思，然后点 **提交答案**。",
            )
        )
        return quiz, title, deck.icon, note
    topic = ctx.script(ctx.topic)
    start = (
        t(f"There is no built-in question set on “{topic}”, so", f"还没有关于“{topic}”的内置题目，所以")
        if topic
        else t("There is no built-in question set for this quiz, so", "这个测验没有对应的内置题目，所以")
    )
    note = start + t(" it starts with general-knowledge questions for now.", "暂时先用综合知识题。")
    return quiz, title, bank.icon, note


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    quiz, title, icon, note = _content(ctx, read_content(ctx.idea))
    screens = [
        Screen(
            name="quiz",
            title=t("Quiz", "测验"),
            icon=icon,
            components=[TextComponent(id="intro", body=note), quiz],
        ),
    ]
    entities = []
    paths = quiz_paths(ctx, quiz)
    if ctx.has(*_BANK_WORDS):
        entity = Entity(
            name="question",
            label=t("Question", "题目"),
            fields=[
                DataField(
                    name="subject",
                    label=t("Subject", "科目"),
                    type="choice",
                    options=t.items(
                        ["Science", "Math", "History", "Geography", "Language", "Other"],
                        ["科学", "数学", "历史", "地理", "语文", "其他"],
                    ),
                ),
                DataField(name="topic", label=t("Topic", "知识点"), required=False),
                DataField(name="prompt", label=t("Question", "题目"), type="long_text"),
                DataField(name="answer", label=t("Answer", "答案")),
                DataField(name="level", label=t("Difficulty", "难度"), type="rating", min=1, max=5, default=3),
            ],
        )
        entities.append(entity)
        bank_components: list[Component] = [
            FormComponent(id="add", entity="question", submit_label=t("Add to the bank", "加入题库")),
            FilterComponent(id="flt", entity="question", category_field="subject", search=True),
            TableComponent(id="log", entity="question"),
            CsvComponent(id="csv", entity="question"),
        ]
        screens.append(Screen(name="bank", title=t("Question bank", "题库"), icon="🗂️", components=bank_components))
        paths.append(
            save_path(
                "add_a_question",
                t(
                    "A teacher adds a question to the bank and finds it in the list.",
                    "老师把一道题加入题库，并在列表中找到它。",
                ),
                {"prompt": t("What is 2 + 2?", "2 + 2 等于几？"), "answer": "4"},
                [("log.rows", 1), ("add.saved", 1)],
            )
        )
    brief = Brief(
        title=title
        if quiz.mode == "typed" or to_simplified(title).endswith(("Quiz", "测验"))
        else t(f"{title} Quiz", f"{title}测验"),
        value=t(
            f"Test your knowledge of {title.lower()}: instant score and an explanation for every answer.",
            f"测一测你对{title}的了解：马上得分，每题都有解析。",
        )
        if not ctx.has(*SPELL_WORDS)
        else t(
            f"{len(quiz.questions)} words to write from their clues: instant score and the words to practise again.",
            f"看提示写出 {len(quiz.questions)} 个词：马上得分，并列出需要再练的词。",
        ),
        audience=t("Students and their teachers", "学生和老师"),
        language=ctx.language,
        icon=icon,
        category="learning",
        inputs=[
            t("an answer per question", "每道题的答案") if quiz.mode == "choice" else t("the typed words", "写出的词语")
        ],
        feedback=[t("score, pass or fail, and explanations", "得分、是否及格和解析")],
        theme=ctx.theme("purple"),
        left_out=spoken_left_out(ctx),
    )
    return AppSpec(brief=brief, entities=entities, screens=screens, key_paths=paths)


PATTERN = Pattern(
    name="quiz",
    label_en="quiz",
    label_zh="测验",
    score=score,
    build=build,
    hint_en="quiz",
    hint_zh="测验",
)
