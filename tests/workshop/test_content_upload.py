"""A teacher's CSV or Excel file fills the app's quiz, flashcards or picker as a new version; a bad file says
what to fix in English and Chinese and changes nothing; placeholder text is never published."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest
from support import ruff_problems, run_bundle_tests

from flashapps.errors import UserError
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from flashapps.spec import AppSpec, FlashcardsComponent, PickerComponent, QuizComponent, TextComponent
from gallery import open_gallery
from generator.planner import plan
from generator.render import render
from workshop.actions import Workshop
from workshop.content import fill_from_file, read_rows
from workshop.makers import Maker


def _xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _one(spec: AppSpec, kind: type) -> object:
    [found] = [c for s in spec.screens for c in s.components if isinstance(c, kind)][:1]
    return found


def _passing(folder: Path) -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


def test_a_word_list_fills_a_spelling_test(tmp_path: Path) -> None:
    spec = plan("a spelling test for my class").spec
    data = "word,meaning\nisland,land with water all around it\nknight,a soldier of old times\nyacht,a sailing boat\n"
    new, changes = fill_from_file(spec, "week 3.csv", data.encode())
    quiz = _one(new, QuizComponent)
    assert quiz.mode == "typed" and [q.choices[0] for q in quiz.questions] == ["island", "knight", "yacht"]
    assert quiz.questions[0].prompt.startswith("land with water all around it")
    assert "3" in changes[0] and "week 3.csv" in changes[0]
    notes = " ".join(c.body for s in new.screens for c in s.components if isinstance(c, TextComponent))
    assert "CSV or Excel" not in notes and "follow-up" not in notes  # the visitor's page says nothing of making
    [right] = [p for p in new.key_paths if p.name == "all_right"]
    assert [s.value for s in right.steps if s.action == "set"] == ["island", "knight", "yacht"]
    render(new, tmp_path / "bundle")  # the new version renders


def test_an_excel_sheet_with_chinese_headers_fills_a_choice_quiz() -> None:
    spec = plan("一个关于恐龙的小测验").spec
    data = _xlsx([
        ["题目", "答案", "选项", "解析"],
        ["最大的恐龙是？", "阿根廷龙", "霸王龙|阿根廷龙|三角龙", "体长可达三十多米"],
        ["恐龙生活在哪个时代？", "中生代", "新生代|中生代", ""],
    ])  # fmt: skip
    quiz = _one(fill_from_file(spec, "恐龙.xlsx", data)[0], QuizComponent)
    assert quiz.mode == "choice"
    first = quiz.questions[0]
    assert first.prompt == "最大的恐龙是？" and first.choices == ["霸王龙", "阿根廷龙", "三角龙"] and first.answer == 1
    assert first.explanation == "体长可达三十多米" and quiz.questions[1].choices[quiz.questions[1].answer] == "中生代"


def test_choices_come_from_the_other_answers_when_the_file_has_none() -> None:
    spec = plan("a quiz about volcanoes").spec
    data = "Question,Answer\nHot rock under ground?,magma\nHot rock on top?,lava\nA sleeping volcano?,dormant\n"
    quiz = _one(fill_from_file(spec, "v.csv", data.encode())[0], QuizComponent)
    assert [q.choices[q.answer] for q in quiz.questions] == ["magma", "lava", "dormant"]
    assert all(len(q.choices) == 3 for q in quiz.questions)


def test_a_name_list_without_headers_fills_a_picker_and_its_groups() -> None:
    spec = plan("split my class into 2 teams").spec
    new, _ = fill_from_file(spec, "class.csv", b"Ava\nBo\nCara\nDev\nEmi\n")
    picker = _one(new, PickerComponent)
    assert picker.items == ["Ava", "Bo", "Cara", "Dev", "Emi"] and picker.groups == 2
    [reset] = [p for p in new.key_paths if p.name == "reset"]
    assert reset.expect[0].value == 5


def test_flashcards_and_their_self_test_come_from_the_same_rows() -> None:
    spec = plan("Spanish vocab flashcards").spec
    data = _xlsx([["單詞", "意思"], ["perro", "狗"], ["gato", "猫"], ["casa", "房子"], ["libro", "书"]])
    new, changes = fill_from_file(spec, "es.xlsx", data)
    deck = _one(new, FlashcardsComponent)
    assert [(c.front, c.back) for c in deck.cards] == [
        ("perro", "狗"),
        ("gato", "猫"),
        ("casa", "房子"),
        ("libro", "书"),
    ]
    test = _one(new, QuizComponent)
    assert [q.choices[q.answer] for q in test.questions] == ["狗", "猫", "房子", "书"]
    assert len(changes) == 2


def test_bare_words_make_spelling_cards_and_drop_a_self_test_that_needs_meanings() -> None:
    spec = plan("flashcards").spec
    new, _ = fill_from_file(spec, "w.csv", b"word\nisland\nknight\nyacht\n")
    deck = _one(new, FlashcardsComponent)
    assert [c.back for c in deck.cards] == ["island", "knight", "yacht"] and all("_" in c.front for c in deck.cards)
    assert not [c for s in new.screens for c in s.components if isinstance(c, QuizComponent)]
    assert {p.name for p in new.key_paths} == {"flip", "sort"}


@pytest.mark.slow
def test_a_filled_app_passes_its_own_tests(tmp_path: Path) -> None:
    spec = plan("a quiz about volcanoes").spec
    data = _xlsx(
        [
            ["Question", "Answer", "Choices"],
            ["Hot rock on top?", "lava", "lava|magma|ash"],
            ["Asleep?", "dormant", "active|dormant"],
        ]
    )
    new, _ = fill_from_file(spec, "v.xlsx", data)
    bundle = render(new, tmp_path / "filled")
    assert ruff_problems(bundle.path) == []
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1000:]


@pytest.mark.parametrize(
    ("name", "data", "en", "zh"),
    [
        ("empty.csv", b"", "empty", "空"),
        ("list.pdf", b"%PDF-1.4", "not a CSV or Excel", "不是 CSV"),
        ("broken.xlsx", b"this is not a spreadsheet", "could not be read", "无法"),
        ("q.csv", b"question,answer\nWhat is 2+2?,\n", "has no answer", "没有答案"),
        ("q.csv", b"question,answer\n", "No rows", "没有找到内容"),
        ("big.csv", ("word\n" + "w\n" * 300).encode(), "300 rows", "300 行"),
    ],
)
def test_a_bad_file_says_what_to_fix_in_both_languages(name: str, data: bytes, en: str, zh: str) -> None:
    spec = plan("a quiz about volcanoes").spec
    with pytest.raises(UserError) as refused:
        fill_from_file(spec, name, data)
    assert en in refused.value.message("en") and "Nothing was changed" in refused.value.message("en")
    assert zh in refused.value.message("zh") and "没有做任何改动" in refused.value.message("zh")


def test_an_app_with_nothing_to_fill_is_refused() -> None:
    with pytest.raises(UserError, match="no quiz, flashcards or picker"):
        fill_from_file(plan("an app to track my daily water intake").spec, "w.csv", b"word\nwater\n")


def test_rows_are_read_from_gb18030_and_tab_separated_text() -> None:
    rows = read_rows("词.txt", "单词\t意思\n苹果\tapple\n".encode("gb18030"))
    assert [(r.front, r.answer) for r in rows] == [("苹果", "apple")]


def test_the_workshop_makes_a_new_version_and_a_bad_file_leaves_none(flashapps_home: Path) -> None:
    shop = Workshop(Settings(), verify=_passing)
    project = shop.projects.create("spelling", plan("a spelling test").spec)
    done = shop.fill_content(project.id, "words.csv", b"word\nisland\nknight\n", actor=Maker.command_line())
    assert done.version == 2 and done.passed and done.changes
    assert [q.choices[0] for q in _one(shop.projects.version(project.id).spec, QuizComponent).questions] == [
        "island",
        "knight",
    ]
    with pytest.raises(UserError):
        shop.fill_content(project.id, "words.csv", b"", actor=Maker.command_line())
    assert [v.number for v in shop.projects.versions(project.id)] == [1, 2]


def test_placeholder_text_is_not_published(flashapps_home: Path) -> None:
    shop = Workshop(Settings(), verify=_passing)
    spec = plan("a quiz about volcanoes").spec
    quiz = _one(spec, QuizComponent)
    first = quiz.questions[0].model_copy(update={"prompt": "Question 1"})
    bad_quiz = quiz.model_copy(update={"questions": [first, *quiz.questions[1:]]})
    screen = spec.screens[0].model_copy(
        update={"components": [bad_quiz if c is quiz else c for c in spec.screens[0].components]}
    )
    bad = spec.model_copy(update={"screens": [screen, *spec.screens[1:]]})
    gallery = open_gallery()
    try:
        maker = gallery.accounts.register("teacher", "teacher-password-1")
        project = shop.projects.create("volcanoes", bad, owner="teacher")
        shop.projects.record_verify(project.id, 1, _passing(shop.projects.bundle(project.id).path))
        with pytest.raises(UserError) as refused:
            shop.publish(gallery, project.id, maker)
        assert "Question 1" in refused.value.message("en") and "占位" in refused.value.message("zh")
        assert gallery.browse().total == 0
        shop.fill_content(project.id, "v.csv", b"question,answer\nHot rock on top?,lava\nUnder ground?,magma\n",
                          actor=Maker(username="teacher"))  # fmt: skip
        assert shop.publish(gallery, project.id, maker).slug
    finally:
        gallery.close()
