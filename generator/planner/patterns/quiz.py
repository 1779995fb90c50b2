"""Quizzes from built-in question banks, chosen by the idea's topic; never empty."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    Component,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    Question,
    QuizComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern, expect, path, step
from generator.planner.patterns.quiz_banks import BANKS_A, Bank
from generator.planner.patterns.quiz_banks2 import BANKS_B, GENERAL
from generator.planner.patterns.quiz_banks3 import MATH
from generator.planner.patterns.records import save_path

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
}
_BANK_WORDS = ("question bank", "teacher", "题库", "老师", "教师", "出题")


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


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    bank, matched = pick_bank(ctx)
    questions = questions_of(ctx, bank)
    title = t(*bank.title)
    quiz = QuizComponent(id="quiz", title=title, questions=questions, pass_mark=0.6)
    if matched:
        note = t(
            f"{len(questions)} questions on {title.lower()}. Pick an answer for each, then press **Check** to see "
            "your score and an explanation for every question; **Retry** starts over.",
            f"共 {len(questions)} 道关于{title}的题。每题选一个答案，然后点 **检查答案** 查看得分和每题解析；"
            f"**重来** 可以重新作答。",
        )
    else:
        topic = ctx.topic or t("your topic", "你的主题")
        note = t(
            f"There is no built-in question set on “{topic}” yet, so this quiz starts with general knowledge. "
            "Teachers: replace the questions in the app's spec (questions → prompt, choices, answer) or describe "
            "them in a follow-up sentence.",
            f"还没有关于“{topic}”的内置题目，所以先用综合知识题。老师可以在应用的 spec 中替换题目"
            "（questions → prompt、choices、answer），或用一句话描述要改的题。",
        )
    screens = [
        Screen(
            name="quiz",
            title=t("Quiz", "测验"),
            icon=bank.icon,
            components=[TextComponent(id="intro", body=note), quiz],
        ),
    ]
    entities, paths = [], []
    right = [q.choices[q.answer] for q in questions]
    wrong = questions[0].choices[(questions[0].answer + 1) % len(questions[0].choices)]
    paths.append(
        path(
            "all_right",
            t("I answer every question right and score full marks.", "我全部答对，拿到满分。"),
            [*(step("set", f"quiz__q{n}", answer) for n, answer in enumerate(right)), step("click", "quiz__submit")],
            [expect("quiz.score", len(questions)), expect("quiz.total", len(questions)), expect("quiz.passed", True)],
        )
    )
    paths.append(
        path(
            "one_wrong",
            t("One wrong answer costs one point and the score says so.", "答错一题就少一分。"),
            [
                step("set", "quiz__q0", wrong),
                *(step("set", f"quiz__q{n}", a) for n, a in enumerate(right) if n),
                step("click", "quiz__submit"),
            ],
            [expect("quiz.score", len(questions) - 1), expect("quiz.finished", True)],
        )
    )
    paths.append(
        path(
            "retry",
            t("After checking, Retry clears the answers.", "检查之后点“重来”会清空答案。"),
            [step("set", "quiz__q0", right[0]), step("click", "quiz__submit"), step("click", "quiz__retry")],
            [expect("quiz.finished", False), expect("quiz.answered", 0)],
        )
    )
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
        title=t(f"{title} Quiz", f"{title}测验"),
        value=t(
            f"Test your knowledge of {title.lower()}: instant score and an explanation for every answer.",
            f"测一测你对{title}的了解：马上得分，每题都有解析。",
        ),
        audience=t("Students and their teachers", "学生和老师"),
        language=ctx.language,
        icon=bank.icon,
        category="learning",
        inputs=[t("an answer per question", "每道题的答案")],
        feedback=[t("score, pass or fail, and explanations", "得分、是否及格和解析")],
        theme=ctx.theme("purple"),
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
