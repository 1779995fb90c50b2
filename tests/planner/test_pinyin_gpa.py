"""Pinyin and tone practice and GPA calculators read from the sentence: the words listed (else a graded list),
the kinds of question and the round size; the grade scale named or implied, never an average of percentages.
Vocabulary and spelling quizzes stay quizzes, and a weighted grade stays the grade calculator."""

from __future__ import annotations

import pytest

from flashapps.spec import GpaComponent, PinyinComponent
from generator.planner import plan
from generator.planner.patterns.calc_grades import gpa_of


def _made(idea: str, pattern: str) -> object:
    """The one component of ``pattern``'s kind the idea's app holds."""
    result = plan(idea)
    assert result.pattern == pattern, (idea, result.pattern)
    found = [c for c in result.spec.components() if c.kind == pattern]
    assert len(found) == 1
    return found[0]


def _pinyin(idea: str) -> PinyinComponent:
    found = _made(idea, "pinyin")
    assert isinstance(found, PinyinComponent)
    return found


def _gpa(idea: str) -> GpaComponent:
    found = _made(idea, "gpa")
    assert isinstance(found, GpaComponent)
    return found


def test_listed_characters_are_read_with_their_tones() -> None:
    practice = _pinyin("声调小测验，用这些字：江 河 湖 海 绿，每轮5题")
    assert [i.text for i in practice.items] == ["江", "河", "湖", "海", "绿"]
    assert [i.pinyin for i in practice.items] == ["jiāng", "hé", "hú", "hǎi", "lǜ"]
    assert practice.items[4].syllables == ["lü4"]
    assert practice.tasks == ["tone"] and practice.count == 5


def test_words_take_their_word_reading_and_the_neutral_tone() -> None:
    practice = _pinyin("Pinyin practice for these words: 银行, 行走, 东西, 漂亮")
    readings = {i.text: (i.pinyin, i.syllables) for i in practice.items}
    assert readings["银行"] == ("yínháng", ["yin2", "hang2"])
    assert readings["行走"][1] == ["xing2", "zou3"]
    assert readings["东西"] == ("dōngxi", ["dong1", "xi5"])  # the neutral tone dictionaries mark
    assert practice.tasks == ["pinyin", "tone", "type"] and practice.count == 10


def test_traditional_chinese_keeps_its_script_and_the_round_size() -> None:
    practice = _pinyin("小朋友的拼音練習：這些字：書 馬 魚 鳥，每輪八題，選出正確的拼音")
    assert [i.text for i in practice.items] == ["書", "馬", "魚", "鳥"]
    assert [i.pinyin for i in practice.items] == ["shū", "mǎ", "yú", "niǎo"]
    assert practice.tasks == ["pinyin"] and practice.count == 4  # no more questions than the items allow


@pytest.mark.parametrize(
    ("idea", "tasks"),
    [
        ("一年级拼音练习：看拼音选汉字", ["character"]),
        ("Pinyin typing drill: type the pinyin with tone numbers", ["type"]),
        ("声母和韵母认读小游戏，给一年级", ["initial", "final"]),
        ("Mandarin tone practice: which tone is each character, including the neutral tone", ["tone"]),
        ("拼音练习", ["pinyin", "tone", "type"]),
    ],
)
def test_the_kinds_of_question_follow_the_sentence(idea: str, tasks: list[str]) -> None:
    assert _pinyin(idea).tasks == tasks


def test_without_a_list_the_graded_characters_are_used() -> None:
    practice = _pinyin("给一年级小朋友的拼音练习，选出正确的拼音，每轮12题")
    assert len(practice.items) >= 40 and practice.count == 12
    assert all(len(i.text) == 1 for i in practice.items)
    learners = _pinyin("Pinyin quiz for adult beginners learning Mandarin words")
    assert all(len(i.text) == 2 for i in learners.items)


@pytest.mark.parametrize(
    "idea",
    [
        "A Chinese to English vocabulary quiz, showing the pinyin, with the meaning to choose",
        "Weekly spelling test for my daughter: river, mountain, ocean",
        "英语单词听写：apple, pear, grape",
        "中文词汇翻译测验，10个词",
    ],
)
def test_vocabulary_and_spelling_quizzes_are_not_pinyin_practice(idea: str) -> None:
    assert plan(idea).pattern != "pinyin"


def test_us_letter_grades_weighted_by_credits() -> None:
    gpa = _gpa("GPA calculator for my semester: each class has credits and a letter grade")
    assert gpa.by == "letter" and gpa.top == 4.0
    points = {s.grade: s.points for s in gpa.scale}
    assert points["A-"] == 3.7 and points["C+"] == 2.3 and points["F"] == 0
    assert gpa_of(gpa, [(3, "A"), (4, "B+")]) == 3.6
    assert gpa_of(gpa, [(1, "A"), (3, "C")]) == 2.5


def test_percentages_use_the_chinese_university_table_not_an_average() -> None:
    gpa = _gpa("帮我算平均绩点：每门课有学分和百分制分数")
    assert gpa.by == "score" and gpa.top == 4.0
    assert "中国高校" in gpa.scale_note
    assert gpa_of(gpa, [(3, 92), (2, 86)]) == 3.88
    assert gpa_of(gpa, [(2, 83), (2, 59)]) == 1.65
    assert gpa_of(gpa, [(1, 100), (1, 60)]) != 80


def test_us_percentages_and_43_and_five_point_scales() -> None:
    us = _gpa("Convert my percentage grades to a GPA, weighted by credit hours")
    assert us.by == "score" and gpa_of(us, [(1, 91)]) == 3.7
    high = _gpa("GPA on the 4.3 scale, A+ is 4.3, courses with credits")
    assert high.top == 4.3 and gpa_of(high, [(2, "A+"), (2, "B")]) == 3.65
    five = _gpa("五分制绩点计算器，输入每门课的学分和分数")
    assert five.by == "linear" and gpa_of(five, [(1, 85)]) == 3.5 and gpa_of(five, [(1, 55)]) == 0


def test_the_sentence_own_table_is_used() -> None:
    levels = _gpa("計算績點：優=4，良=3，中=2，及格=1，不及格=0，按學分加權")
    assert [(s.grade, s.points) for s in levels.scale] == [("優", 4), ("良", 3), ("中", 2), ("及格", 1), ("不及格", 0)]
    ranges = _gpa("My school's GPA table: 90-100 = 4, 80-89 = 3, 70-79 = 2, 60-69 = 1, with credits per course")
    assert ranges.by == "score" and gpa_of(ranges, [(3, 95), (1, 72)]) == 3.5
    letters = _gpa("GPA with A=5, B=4, C=3, D=1 per credit")
    assert {s.grade: s.points for s in letters.scale} == {"A": 5, "B": 4, "C": 3, "D": 1}


def test_a_weighted_grade_of_one_course_stays_the_grade_calculator() -> None:
    assert plan("Grade calculator: homework 20%, quizzes 30%, final 50%").pattern == "calculator"
    assert plan("Average of my test scores: 88, 92, 75").pattern != "gpa"


def test_tones_of_mandarin_words_typing_and_cards() -> None:
    assert _pinyin("I am learning Mandarin, quiz me on the tones of common words").tasks == ["tone"]
    assert _pinyin("拼音打字练习，每轮6题").tasks == ["type"]
    result = plan("Pinyin flashcards for the first-grade characters")
    decks = [c for c in result.spec.components() if c.kind == "flashcards"]
    assert result.pattern == "pinyin" and len(decks) == 1
    practice = _pinyin("Pinyin flashcards for the first-grade characters")
    assert [(c.front, c.back) for c in decks[0].cards][:2] == [(i.text, i.pinyin) for i in practice.items[:2]]


@pytest.mark.parametrize(
    "idea",
    ["turn a Chinese paragraph into pinyin", "把一段中文转成拼音", "The tone of my Chinese essay: a checker"],
)
def test_a_pinyin_converter_or_a_tone_of_voice_is_no_practice(idea: str) -> None:
    assert plan(idea).pattern != "pinyin"


def test_plain_letters_and_chinese_ranges_without_signs() -> None:
    plain = _gpa("GPA calculator where A is 4, B is 3, C is 2, D is 1 and F is 0")
    assert [s.grade for s in plain.scale] == ["A", "B", "C", "D", "F"]  # no A- the sentence never named
    ranges = _gpa("绩点换算：90分以上4.0，80-89分3.0，70-79分2.0，60-69分1.0，60分以下0")
    assert [(s.low, s.points) for s in ranges.scale] == [(90, 4), (80, 3), (70, 2), (60, 1), (0, 0)]
    assert gpa_of(ranges, [(2, 95), (2, 65)]) == 2.5
