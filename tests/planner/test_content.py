"""The teacher's own content: lists, pairs and counts read from a sentence, and what the planner makes of them
(spelling tests, quizzes, flashcards, pickers and groups) without ever showing placeholder text."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec, FlashcardsComponent, PickerComponent, QuizComponent, TextComponent
from generator.planner import plan
from generator.planner.content import hide_letters, placeholders, read_content, read_count, read_items


def _component(spec: AppSpec, kind: type) -> object:
    found = [c for s in spec.screens for c in s.components if isinstance(c, kind)]
    assert found, f"no {kind.__name__} in {[c.kind for s in spec.screens for c in s.components]}"
    return found[0]


def _notes(spec: AppSpec) -> str:
    return " ".join(c.body for s in spec.screens for c in s.components if isinstance(c, TextComponent))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("a spelling quiz with these words: necessary, separate, rhythm and calendar",
         ["necessary", "separate", "rhythm", "calendar"]),
        ("抽签：张三、李四、王五", ["张三", "李四", "王五"]),
        ("點名用的名單：陳大文、李小明、黃美玲", ["陳大文", "李小明", "黃美玲"]),
        ("my class list\n1. Ava Stone\n2. Bo Li\n3. Cara Diaz", ["Ava Stone", "Bo Li", "Cara Diaz"]),
        ("words for Friday:\n- island\n- knight\n- yacht", ["island", "knight", "yacht"]),
        ("pick 3 random winners from: Ann, Bo, Cy, Di, Ed", ["Ann", "Bo", "Cy", "Di", "Ed"]),
    ],
)  # fmt: skip
def test_lists_are_read_in_order(text: str, items: list[str]) -> None:
    assert read_items(text) == items


@pytest.mark.parametrize(
    "text",
    [
        "Group maker: paste my class list and split them randomly into 3 teams",
        "隨機分組：全班32人分成8組，每組4人，可以重新分",
        "Times tables drill: choose which tables (2–12), 20 random questions, a 60-second timer",
        "an app to track my daily water intake",
    ],
)
def test_a_sentence_that_describes_features_lists_nothing(text: str) -> None:
    assert read_items(text) == []


def test_pairs_of_words_and_meanings_and_of_questions_and_answers() -> None:
    words = read_content("vocab cards\nubiquitous - found everywhere\nephemeral = lasting a short time\ncandid: honest")
    assert words.pairs == [
        ("ubiquitous", "found everywhere"),
        ("ephemeral", "lasting a short time"),
        ("candid", "honest"),
    ]
    asked = read_content("quiz:\nWhat is 3 x 4? 12\n首都是哪里？北京\nLargest ocean? Answer: Pacific")
    assert asked.pairs == [("What is 3 x 4?", "12"), ("首都是哪里？", "北京"), ("Largest ocean?", "Pacific")]


@pytest.mark.parametrize(
    ("text", "kind", "count"),
    [
        ("A spelling quiz with 10 words", "words", 10),
        ("spelling test for this week's twelve words", "words", None),
        ("出20道题的口算练习", "questions", 20),
        ("split the class into 3 teams", "groups", 3),
        ("把全班分成八个小组", "groups", 8),
        ("我想做一个单词默写", "words", None),
        ("random picker for my class of 28 students", "picks", None),
        ("pick 2 random names each time", "picks", 2),
    ],
)
def test_counts(text: str, kind: str, count: int | None) -> None:
    assert read_count(text, kind) == count


def test_group_size() -> None:
    assert read_content("make random teams of 4 from my class list").group_size == 4
    assert read_content("班上抽籤分組，每組5人").group_size == 5


def test_hidden_letters_keep_the_first_and_the_length() -> None:
    for word in ("necessary", "rhythm", "island", "cat"):
        shown = hide_letters(word).split(" ")
        assert len(shown) == len(word) and shown[0] == word[0]
        assert "_" in shown and all(c in ("_", w) for c, w in zip(shown, word, strict=True))


def test_a_spelling_test_of_the_teachers_words_is_typed_not_chosen() -> None:
    spec = plan("a spelling test with these words: necessary, separate, rhythm, yacht, island").spec
    quiz = _component(spec, QuizComponent)
    assert quiz.mode == "typed"
    assert [q.choices[q.answer] for q in quiz.questions] == ["necessary", "separate", "rhythm", "yacht", "island"]
    for q in quiz.questions:
        assert q.choices[q.answer] not in q.prompt  # the word is never shown whole
    assert "meaning" not in quiz.questions[0].prompt and "needed" in quiz.questions[0].prompt
    assert {p.name for p in spec.key_paths} >= {"all_right", "one_wrong", "any_case"}
    assert placeholders(spec) == []


def test_a_spelling_test_without_words_uses_built_in_words_and_tells_visitors_nothing_meant_for_the_maker() -> None:
    spec = plan("A spelling quiz with 10 words for my year 4 class").spec
    quiz = _component(spec, QuizComponent)
    assert quiz.mode == "typed" and len(quiz.questions) == 10
    assert all(q.choices[q.answer].isalpha() for q in quiz.questions)
    notes = _notes(spec)
    assert "follow-up" not in notes and "CSV" not in notes and "create page" not in notes  # the studio says how
    assert "your topic" not in notes and placeholders(spec) == []


def test_pasted_meaning_pairs_in_chinese_spell_the_english_word() -> None:
    spec = plan("我想做一个单词默写：\n苹果 - apple\n香蕉 - banana\n橙子 - orange").spec
    quiz = _component(spec, QuizComponent)
    assert quiz.mode == "typed" and spec.brief.language == "zh-Hans"
    assert [q.choices[0] for q in quiz.questions] == ["apple", "banana", "orange"]
    assert quiz.questions[0].prompt.startswith("苹果")


def test_traditional_dictation_stays_traditional() -> None:
    spec = plan("生字聽寫，8個詞").spec
    quiz = _component(spec, QuizComponent)
    assert spec.brief.language == "zh-Hant" and quiz.mode == "typed" and len(quiz.questions) == 8
    answers = "".join(q.choices[0] for q in quiz.questions)
    assert "陽" in answers and "阳" not in answers


def test_question_and_answer_lines_become_the_quiz() -> None:
    spec = plan(
        "a quiz for my class:\nWhat is 6 x 7? 42\nCapital of Italy? Rome\nH2O is? water\nFastest land animal? cheetah"
    ).spec
    quiz = _component(spec, QuizComponent)
    assert [q.prompt for q in quiz.questions][:2] == ["What is 6 x 7?", "Capital of Italy?"]
    assert [q.choices[q.answer] for q in quiz.questions] == ["42", "Rome", "water", "cheetah"]
    assert all(len(q.choices) >= 3 for q in quiz.questions) and quiz.mode == "choice"


def test_an_unknown_topic_says_plainly_that_there_are_no_built_in_questions_on_it() -> None:
    for idea, words in (("a quiz about volcanoes", "volcanoes"), ("一个关于恐龙的小测验", "恐龙")):
        spec = plan(idea).spec
        notes = _notes(spec)
        assert words in notes and ("no built-in" in notes or "没有" in notes) and placeholders(spec) == []
        assert "CSV" not in notes  # how the maker adds questions is the studio's to say, not the visitor's page


def test_a_count_cuts_a_built_in_bank() -> None:
    quiz = _component(plan("a 4 question quiz about the planets").spec, QuizComponent)
    assert len(quiz.questions) == 4


def test_picker_takes_the_list_and_the_count() -> None:
    picker = _component(plan("抽签：张三、李四、王五").spec, PickerComponent)
    assert picker.items == ["张三", "李四", "王五"]
    picker = _component(plan("random name picker: Amy, Ben, Carlos, Dina, Eli, pick 2").spec, PickerComponent)
    assert picker.items == ["Amy", "Ben", "Carlos", "Dina", "Eli"] and picker.count == 2


@pytest.mark.parametrize(
    ("idea", "groups", "size"),
    [
        ("split these kids into 3 teams: Amy, Ben, Carlos, Dina, Eli, Finn, Gus", 3, 0),
        ("把全班分成6个小组", 6, 0),
        ("make random teams of 4 from my class list", 0, 4),
        ("隨機分組：全班32人分成8組，每組4人，可以重新分", 8, 0),
    ],
)
def test_groups(idea: str, groups: int, size: int) -> None:
    spec = plan(idea).spec
    picker = _component(spec, PickerComponent)
    assert (picker.groups, picker.group_size) == (groups, size)
    assert "make_groups" in {p.name for p in spec.key_paths}
    assert placeholders(spec) == []


def test_flashcards_from_pairs_and_from_bare_words() -> None:
    deck = _component(
        plan("flashcards for my class\napple - 苹果\nbanana - 香蕉\ncherry - 樱桃").spec, FlashcardsComponent
    )
    assert [(c.front, c.back) for c in deck.cards] == [("apple", "苹果"), ("banana", "香蕉"), ("cherry", "樱桃")]
    spec = plan("flashcards with these words: necessary, photosynthesis, onomatopoeia").spec
    deck = _component(spec, FlashcardsComponent)
    assert [c.back for c in deck.cards] == ["necessary", "photosynthesis", "onomatopoeia"]
    assert all("_" in c.front for c in deck.cards)


@pytest.mark.parametrize(
    ("idea", "pattern"),
    [
        ("word practice for my kid: cat, dog, sun, hat, fish", "flashcards"),
        ("幫我做英文單字卡：apple - 蘋果、banana - 香蕉、grape - 葡萄", "flashcards"),
        ("出5道关于中国历史的题", "quiz"),
        ("a random picker for our class reading order: Mia, Noah, Olivia, Liam", "picker"),
        ("split these kids into 3 teams: Ava, Bo, Cara, Dev, Emi, Finn, Gus", "picker"),
        ("spelling test: island, knight, yacht", "quiz"),
    ],
)
def test_the_teachers_content_picks_the_kind_of_app(idea: str, pattern: str) -> None:
    found = plan(idea)
    assert found.pattern == pattern
    assert found.spec.brief.title not in ("Kid Flashcards", "These Quiz")


def test_placeholders_are_found_and_real_content_is_not() -> None:
    spec = plan("a quiz on photosynthesis").spec
    assert placeholders(spec) == []
    quiz = _component(spec, QuizComponent)
    bad = quiz.model_copy(update={"title": "Question 1"})
    broken = spec.model_copy(update={"screens": [s.model_copy(update={"components": [bad]}) for s in spec.screens[:1]]})
    assert placeholders(broken) == ["Question 1"]
    note = TextComponent(id="n", body="还没有关于“你的主题”的题目")
    assert placeholders(
        spec.model_copy(update={"screens": [spec.screens[0].model_copy(update={"components": [note]})]})
    )


SENTENCES = [
    "a quiz", "quiz me", "做一个测验", "做一個測驗", "a spelling quiz", "英语单词听写", "flashcards",
    "random name picker", "随机点名", "隨機分組", "team maker", "a quiz about my topic", "trivia night questions",
    "a spelling bee practice app", "vocabulary quiz with 5 words", "GCSE chemistry quiz, 8 questions",
    "an app to track my daily water", "記錄每天的開支", "a pomodoro timer", "scoreboard for two teams",
    "a poll for our class trip", "帮我做一个背单词的小游戏", "a todo list", "待办清单", "tic tac toe",
    "a landing page for my bakery", "a notes app", "BMI calculator", "抽籤決定誰先報告",
]  # fmt: skip


@pytest.mark.parametrize("idea", SENTENCES)
def test_no_placeholder_reaches_a_planned_app(idea: str) -> None:
    assert placeholders(plan(idea).spec) == []
