"""Follow-up sentences read clause by clause: fields, pages, options, words, questions, items, numbers, rules,
renames and looks, in English, simplified and traditional Chinese; what changed and what was not done."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any, TypeVar

import pytest

from flashapps.errors import UserError
from flashapps.settings import Settings
from flashapps.spec import (
    AppSpec,
    CalculatorComponent,
    ChecklistComponent,
    CounterComponent,
    FlashcardsComponent,
    GameComponent,
    PickerComponent,
    QuizComponent,
    TimerComponent,
)
from generator.edit_base import split_clauses
from generator.edits import EditResult, apply_edit
from generator.planner import plan
from generator.providers import get_provider
from workshop.actions import Workshop
from workshop.makers import Maker

TRACKER = "an app to track my daily water"
QUIZ = "a quiz about the solar system"
PICKER = "a random name picker: Ann, Bob, Cara"
CALC = "a tip calculator"
LIST = "a packing checklist for camping"
DECK = "flashcards to learn French animals"
TIMER = "a pomodoro timer"
COUNTER = "a counter for laps"
TODO = "a todo list"
ZH_TRACKER = "记录我每天的阅读时间"
ZH_PICKER = "一個隨機抽籤的應用：小明、小華、小美"
T = TypeVar("T")


@cache
def _planned(idea: str) -> str:
    return plan(idea).spec.to_json()


def _spec(idea: str) -> AppSpec:
    return AppSpec.from_json(_planned(idea))


def _edit(idea: str, sentence: str) -> EditResult:
    result = apply_edit(_spec(idea), sentence)
    AppSpec.model_validate(result.spec.model_dump())  # still a whole, valid spec
    return result


def _one(spec: AppSpec, kind: type[T]) -> T:
    (found,) = [c for c in spec.components() if isinstance(c, kind)]
    return found


def _field(spec: AppSpec, label: str) -> Any:
    return next((f for e in spec.entities for f in e.fields if f.label == label), None)


def _path_keys(spec: AppSpec) -> set[str]:
    return {s.key for p in spec.key_paths for s in p.steps}


# -- clauses -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        (
            "call it Spelling Bee, make it green and add a field for the date",
            ["call it Spelling Bee", "make it green", "add a field for the date"],
        ),
        ("add the words necessary, separate, rhythm", ["add the words necessary, separate, rhythm"]),
        ("call it “Salt and Pepper” and make it blue", ["call it “Salt and Pepper”", "make it blue"]),
        ("改名为读书打卡，换成绿色，再加一个地点字段", ["改名为读书打卡", "换成绿色", "加一个地点字段"]),
        ("把名字改成喝水打卡並且換成藍色", ["把名字改成喝水打卡", "換成藍色"]),
        ("添加单词：苹果、香蕉、橙子", ["添加单词：苹果、香蕉、橙子"]),
        ("remove the question about Mars then add Dan and Eve", ["remove the question about Mars", "add Dan and Eve"]),
    ],
)
def test_a_sentence_is_cut_into_its_clauses_and_lists_stay_whole(sentence: str, clauses: list[str]) -> None:
    assert split_clauses(sentence) == clauses


# -- several changes in one sentence ---------------------------------------------------------------


def test_title_colour_and_a_new_field_in_one_sentence() -> None:
    result = _edit(TRACKER, "call it Sip Log, make it green and add a field for the place")
    assert result.spec.brief.title == "Sip Log"  # not “Sip Log, make it green and …”
    assert result.spec.brief.theme.primary == "#16a34a"
    place = _field(result.spec, "Place")
    assert place is not None and place.type == "text" and not place.required
    assert result.changes == ["title set to “Sip Log”", "colour set to green", "added the field “Place”"]
    assert result.not_done == []


def test_one_clause_that_cannot_be_made_is_said_and_the_rest_is_kept() -> None:
    result = _edit(TRACKER, "make it purple and remove the amount field")
    assert result.spec.brief.theme.primary == "#7c3aed"
    assert _field(result.spec, "Amount") is not None
    assert result.changes == ["colour set to purple"]
    assert len(result.not_done) == 1 and "remove the amount field" in result.not_done[0]


def test_chinese_clauses_each_make_their_change_and_say_so_in_chinese() -> None:
    result = _edit(ZH_TRACKER, "改名为读书打卡，换成绿色，再加一个地点字段")
    assert result.spec.brief.title == "读书打卡"
    assert result.spec.brief.theme.primary == "#16a34a"
    assert _field(result.spec, "地点") is not None
    assert result.changes == ["标题改为“读书打卡”", "颜色改为绿色", "添加了字段“地点”"]


# -- tracker: fields, options, ranges, pages -----------------------------------------------------------


def test_a_date_field_and_a_rating_field_get_their_types() -> None:
    spec = _edit(TODO, "add a field for the start date and add a rating column").spec
    assert _field(spec, "Start date").type == "date"
    rating = _field(spec, "Rating")
    assert rating is not None and (rating.type, rating.min, rating.max) == ("rating", 1, 5)


def test_a_field_with_options_is_a_choice() -> None:
    result = _edit(TRACKER, "add a field for mood with options happy, ok, sad")
    mood = _field(result.spec, "Mood")
    assert mood is not None and mood.type == "choice" and mood.options == ["happy", "ok", "sad"]


def test_a_field_already_there_is_said() -> None:
    result = _edit(TRACKER, "add a field for the note")
    assert not result.understood and "already" in result.not_done[0]


def test_removing_a_field_takes_it_out_of_forms_tables_and_paths() -> None:
    result = _edit(TRACKER, "remove the note field")
    assert _field(result.spec, "Note") is None
    assert not any(k.endswith("__note") for k in _path_keys(result.spec))
    assert result.changes == ["removed the field “Note”"]


def test_a_field_a_total_is_made_of_stays() -> None:
    result = _edit(TRACKER, "delete the amount field")
    assert not result.understood and "stays" in result.not_done[0]
    assert result.spec == _spec(TRACKER)


def test_an_option_is_added_to_the_named_choice() -> None:
    spec = _edit(TODO, "add the option Urgent to priority").spec
    assert _field(spec, "Priority").options[-1] == "Urgent"


def test_an_option_is_removed_but_one_the_apps_checks_use_stays() -> None:
    assert "Coffee" not in _field(_edit(TRACKER, "remove the option Coffee").spec, "Drink").options
    kept = _edit(TODO, "remove the option High")
    assert not kept.understood and "High" in kept.not_done[0]


def test_a_fields_range_changes_unless_the_apps_own_check_falls_outside() -> None:
    amount = _field(_edit(TRACKER, "amount between 0 and 1000").spec, "Amount")
    assert amount is not None and (amount.min, amount.max) == (0, 1000)
    refused = _edit(TRACKER, "amount max 200")
    assert not refused.understood and "300" in refused.not_done[0]


def test_a_history_page_lists_the_records_and_can_be_removed_again() -> None:
    added = _edit(TRACKER, "add a history page").spec
    assert added.screens[-1].title == "History" and [c.kind for c in added.screens[-1].components][-1] == "table"
    removed = apply_edit(added, "remove the History tab").spec
    assert [s.title for s in removed.screens] == [s.title for s in _spec(TRACKER).screens]


def test_a_page_for_something_new_keeps_records_of_its_own() -> None:
    spec = _edit(TRACKER, "add a page for recipes").spec
    assert spec.screens[-1].title == "Recipes"
    assert [c.kind for c in spec.screens[-1].components] == ["form", "table"]
    assert spec.entities[-1].label == "Recipes"


def test_a_page_that_needs_sign_in_is_refused_and_nothing_changes() -> None:
    result = _edit(TRACKER, "add a login page with two-factor authentication")
    assert not result.understood and result.spec == _spec(TRACKER)
    assert "sign-in" in result.not_done[0]


def test_removing_the_only_page_is_refused() -> None:
    result = _edit(CALC, "remove the Tip Calculator page")
    assert not result.understood and "only page" in result.not_done[0]


def test_a_goal_in_litres_and_a_limit() -> None:
    goal = _edit(TRACKER, "make the goal 3 litres").spec.brief.metrics[0]
    assert goal.goal == 3000 and goal.goal_kind == "reach"
    limit = _edit(TRACKER, "set a limit of 2500 ml").spec.brief.metrics[0]
    assert limit.goal == 2500 and limit.goal_kind == "stay_under"


def test_rename_a_field_and_a_page() -> None:
    spec = _edit(TRACKER, "rename the Note field to Comment and rename the History tab to Past").spec
    assert _field(spec, "Comment") is not None and "Past" in [s.title for s in spec.screens]


def test_dark_mode_keeps_the_accent_and_light_mode_comes_back() -> None:
    dark = _edit(TRACKER, "make it green then dark mode").spec.brief.theme
    assert (dark.background, dark.primary) == ("#0f172a", "#16a34a")
    light = apply_edit(_edit(TRACKER, "dark mode").spec, "light mode please").spec.brief.theme
    assert light.background == "#ffffff"


# -- quiz --------------------------------------------------------------------------------------------


def test_a_question_is_added_with_its_answer_and_the_paths_answer_it() -> None:
    result = _edit(QUIZ, "add the question: What is the hottest planet? Venus")
    quiz = _one(result.spec, QuizComponent)
    new = quiz.questions[-1]
    assert new.prompt == "What is the hottest planet?" and new.choices[new.answer] == "Venus"
    assert len(new.choices) >= 2 and len(set(new.choices)) == len(new.choices)
    n = len(quiz.questions)
    totals = [e.value for p in result.spec.key_paths for e in p.expect if e.output == "quiz.total"]
    assert totals == [n] and f"quiz__q{n - 1}" in _path_keys(result.spec)
    assert result.changes == ["added “What is the hottest planet?”"]


def test_words_added_to_a_quiz_become_spelling_questions() -> None:
    result = _edit(QUIZ, "add the words necessary, separate, rhythm")
    added = _one(result.spec, QuizComponent).questions[-3:]
    assert [q.choices[q.answer] for q in added] == ["necessary", "separate", "rhythm"]
    assert all(len(q.choices) >= 2 and len(set(q.choices)) == len(q.choices) for q in added)
    assert result.changes == ["added “necessary”, “separate”, “rhythm”"]


def test_the_question_about_something_is_removed() -> None:
    before = _one(_spec(QUIZ), QuizComponent)
    result = _edit(QUIZ, "remove the question about the Red Planet")
    quiz = _one(result.spec, QuizComponent)
    assert len(quiz.questions) == len(before.questions) - 1
    assert not any("Red Planet" in q.prompt for q in quiz.questions)
    assert (
        max(int(k.rsplit("q", 1)[1]) for k in _path_keys(result.spec) if k.startswith("quiz__q"))
        == len(quiz.questions) - 1
    )


def test_a_question_nobody_asked_is_said() -> None:
    result = _edit(QUIZ, "remove the question about dinosaurs")
    assert not result.understood and "dinosaurs" in result.not_done[0]


def test_pass_mark_and_shuffle() -> None:
    quiz = _one(_edit(QUIZ, "pass mark 80% and shuffle the questions").spec, QuizComponent)
    assert (quiz.pass_mark, quiz.shuffle) == (0.8, True)


def test_zh_quiz_question_removed_by_its_answer() -> None:
    result = _edit("小测验：世界各国的首都", "删除关于东京的题")
    assert not any("东京" in q.choices[q.answer] for q in _one(result.spec, QuizComponent).questions)
    assert result.changes[0].startswith("移除了")


# -- picker -----------------------------------------------------------------------------------------


def test_names_added_to_a_picker_and_its_paths_count_them() -> None:
    result = _edit(PICKER, "add Dan and Eve")
    picker = _one(result.spec, PickerComponent)
    assert picker.items == ["Ann", "Bob", "Cara", "Dan", "Eve"]
    assert result.changes == ["added “Dan”, “Eve”"]
    resets = [e.value for p in result.spec.key_paths for e in p.expect if e.output == "pick.remaining"]
    assert 5 in resets


def test_a_name_is_removed_and_one_not_there_is_said() -> None:
    assert _one(_edit(PICKER, "remove Bob").spec, PickerComponent).items == ["Ann", "Cara"]
    missing = _edit(PICKER, "remove Zed")
    assert not missing.understood and "Zed" in missing.not_done[0]


def test_picker_draws_two_and_allows_repeats() -> None:
    picker = _one(_edit(PICKER, "pick 2 at a time, allow repeats").spec, PickerComponent)
    assert (picker.count, picker.no_repeat) == (2, False)


def test_a_number_picker_gets_a_new_range() -> None:
    picker = _one(_edit("a raffle picker for tickets 1 to 50", "change the range to 5 to 60").spec, PickerComponent)
    assert picker.items[0] == "5" and picker.items[-1] == "60"


@pytest.mark.parametrize(
    ("idea", "sentence"),
    [
        ("pick a random number between 1 and 10", "change the range to 5 to 50"),
        ("随机数生成器，1到10之间", "范围改成5到50"),
    ],
)
def test_a_random_number_draw_gets_a_new_range(idea: str, sentence: str) -> None:
    result = _edit(idea, sentence)
    calc = _one(result.spec, CalculatorComponent)
    ends = {i.name: i.default for i in calc.inputs if i.name in ("low", "high")}
    assert ends == {"low": 5, "high": 50}
    assert result.changes


def test_traditional_chinese_names_added_and_said_in_traditional() -> None:
    result = _edit(ZH_PICKER, "加上小強和小剛，每次抽2個")
    picker = _one(result.spec, PickerComponent)
    assert picker.items[-2:] == ["小強", "小剛"] and picker.count == 2
    assert result.changes == ["添加了“小強”、“小剛”", "每次抽 2 個"]


# -- calculator ----------------------------------------------------------------------------------------


def test_a_calculator_default_changes() -> None:
    calc = _edit(CALC, "set the default tip to 20").spec
    (tip,) = [i for c in calc.components() if c.kind == "calculator" for i in c.inputs if i.name == "percent"]
    assert tip.default == 20


def test_a_calculator_range_that_its_own_check_falls_outside_is_said() -> None:
    result = _edit(CALC, "people between 1 and 20")
    assert not result.understood and "0" in result.not_done[0]


def test_a_new_calculator_input_is_refused_with_why() -> None:
    result = _edit(CALC, "add a field for tax")
    assert not result.understood and "formula" in result.not_done[0]


# -- lists, decks, timers, counters, games -----------------------------------------------------------------


def test_items_added_to_a_checklist_and_all_done_ticks_them_all() -> None:
    result = _edit(LIST, "add sunscreen and a hat to the list")
    checklist = _one(result.spec, ChecklistComponent)
    assert checklist.items[-2:] == ["sunscreen", "hat"]
    ticks = {k for k in _path_keys(result.spec) if k.startswith("chk__item")}
    assert ticks == {f"chk__item{n}" for n in range(len(checklist.items))}


def test_a_checklist_starts_fresh_every_day() -> None:
    assert _one(_edit(LIST, "reset it every day").spec, ChecklistComponent).daily


def test_a_card_with_its_back_is_added_and_a_bare_word_asks_for_the_back() -> None:
    result = _edit(DECK, "add the card le chat = cat")
    card = _one(result.spec, FlashcardsComponent).cards[-1]
    assert (card.front, card.back) == ("le chat", "cat")
    bare = _edit(DECK, "add the word la souris")
    assert not bare.understood and "la souris" in bare.not_done[0]


def test_pomodoro_break_and_work_minutes() -> None:
    timer = _one(_edit(TIMER, "make the breaks 10 minutes and work 50 minutes").spec, TimerComponent)
    assert (timer.break_minutes, timer.work_minutes) == (10, 50)
    too_long = _edit(TIMER, "make the breaks 90 minutes")
    assert not too_long.understood and "60" in too_long.not_done[0]


def test_a_counter_counts_by_five_and_its_path_follows() -> None:
    result = _edit(COUNTER, "count by 5")
    counter = _one(result.spec, CounterComponent)
    assert counter.step == 5
    ups = [e.value for p in result.spec.key_paths for e in p.expect if e.output == f"{counter.id}.value"]
    assert 10 in ups


def test_words_added_to_a_word_game() -> None:
    spec = _spec("a hangman game")
    game = _one(spec, GameComponent)
    game.params = game.params.model_copy(update={"items": ["cat", "dog"]})
    result = apply_edit(spec, "add the words necessary, separate, rhythm")
    assert _one(result.spec, GameComponent).params.items == ["cat", "dog", "necessary", "separate", "rhythm"]
    assert result.changes == ["added “necessary”, “separate”, “rhythm”"]
    assert _one(apply_edit(result.spec, "remove the word dog").spec, GameComponent).params.items[:2] == [
        "cat",
        "necessary",
    ]


def test_use_these_words_replaces_a_spelling_tests_words_as_typed_questions() -> None:
    result = _edit("a spelling test for my class", "use these words: necessary, separate, rhythm")
    quiz = _one(result.spec, QuizComponent)
    assert quiz.mode == "typed" and [q.choices for q in quiz.questions] == [["necessary"], ["separate"], ["rhythm"]]
    assert "n _ c _ s s _ r _" in quiz.questions[0].prompt  # asked as the planner asks: letters hidden
    assert result.changes[0].startswith("now “necessary”, “separate”, “rhythm”")
    totals = {p.name: e.value for p in result.spec.key_paths for e in p.expect if e.output == "quiz.total"}
    assert totals["all_right"] == 3  # the teacher's own-words path types its own two words


def test_a_pasted_list_of_pairs_after_the_first_line() -> None:
    result = _edit(
        "a spelling test for my class", "call it Week 3 and use these words:\nnecessary - needed\nrhythm - a beat"
    )
    assert result.spec.brief.title == "Week 3"
    quiz = _one(result.spec, QuizComponent)
    assert [(q.prompt.split(" — ")[0], q.choices[0]) for q in quiz.questions] == [
        ("needed", "necessary"),
        ("a beat", "rhythm"),
    ]


def test_a_typed_word_is_removed_by_the_word() -> None:
    result = _edit("a spelling test with these words: cat, dog, fish", "remove the word dog")
    assert [q.choices[0] for q in _one(result.spec, QuizComponent).questions] == ["cat", "fish"]
    assert result.changes == ["removed “dog”"]


def test_names_replaced_in_simplified_chinese() -> None:
    result = _edit(PICKER, "用这些名字：小明、小红、小刚")
    assert _one(result.spec, PickerComponent).items == ["小明", "小红", "小刚"]
    assert result.changes == ["现在是“小明”、“小红”、“小刚”（替换了原来的 3 项）"]


def test_game_settings_still_reach_the_game() -> None:
    result = _edit("pong", "call it Paddle Party and make it harder")
    assert result.spec.brief.title == "Paddle Party"
    assert _one(result.spec, GameComponent).params.difficulty == "hard"


# -- the workshop ------------------------------------------------------------------------------------------


def test_an_edit_that_cannot_be_made_keeps_the_version_and_says_why(tmp_path: Path) -> None:
    shop = Workshop(Settings(home=tmp_path))
    project = shop.projects.create(TRACKER, _spec(TRACKER))
    with pytest.raises(UserError) as refused:
        shop.edit(
            project.id,
            "remove the amount field and add a login page",
            get_provider("offline"),
            actor=Maker.command_line(),
        )
    message = refused.value.message("en")
    assert "not changed" in message and "remove the amount field" in message and "add a login page" in message
    assert shop.projects.get(project.id).current == 1
    assert [v.number for v in shop.projects.versions(project.id)] == [1]
    assert shop.projects.version(project.id).spec == _spec(TRACKER)


def test_a_partial_edit_is_a_new_version_that_lists_both(tmp_path: Path) -> None:
    shop = Workshop(Settings(home=tmp_path))
    project = shop.projects.create(TRACKER, _spec(TRACKER))
    outcome = shop.edit(
        project.id, "make it blue and remove the amount field", get_provider("offline"), actor=Maker.command_line()
    )
    assert outcome.version == 2 and outcome.changes == ["colour set to blue"]
    assert len(outcome.not_done) == 1 and "amount" in outcome.not_done[0]
    assert outcome.result()["not_done"] == outcome.not_done
    assert shop.projects.version(project.id).spec.brief.theme.primary == "#2563eb"


# -- more shapes of a follow-up ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("idea", "sentence", "check"),
    [
        ("expense tracker", "remove the category Other", lambda s: "Other" not in _field(s, "Category").options),
        ("expense tracker", "add Rent as a category", lambda s: _field(s, "Category").options[-1] == "Rent"),
        ("a mood journal", "add a checkbox for exercised today", lambda s: _field(s, "Exercised today").type == "bool"),
        (
            "一個待辦清單",
            "新增一個欄位：地點，選項有家裡、公司",
            lambda s: _field(s, "地點").options == ["家裡", "公司"],
        ),
        (
            "a book list",
            "add a column for the publisher and a field for pages read",
            lambda s: _field(s, "Publisher") is not None and _field(s, "Pages read").type == "int",
        ),
        ("track my sleep", "please remove the charts", lambda s: not [c for c in s.components() if c.kind == "chart"]),
        ("track my sleep", "make the bars purple", lambda s: s.brief.theme.primary == "#7c3aed"),
        ("a BMI calculator", "make the default height 180", lambda s: _input(s, "height").default == 180),
        (
            "一个随机点名的应用：张三、李四、王五",
            "把李四删掉",
            lambda s: _one(s, PickerComponent).items == ["张三", "王五"],
        ),
        ("記錄每天喝水", "把標題改成喝水日記，然後換成粉紅色", lambda s: s.brief.theme.primary == "#db2777"),
        ("记录每天的步数", "目标改成一万步", lambda s: s.brief.metrics[0].goal == 10000),
        ("a shopping list", "add a thing: oat milk", lambda s: _one(s, ChecklistComponent).items[-1] == "oat milk"),
        ("a team splitter for my class", "split into 4 groups", lambda s: _one(s, PickerComponent).groups == 4),
        ("一个分组的应用：把全班分成几个小组", "每组3人", lambda s: _one(s, PickerComponent).group_size == 3),
        (
            "a pomodoro timer",
            "long breaks of 20 minutes and 3 cycles before a long break",
            lambda s: (
                (_one(s, TimerComponent).long_break_minutes, _one(s, TimerComponent).cycles_before_long_break)
                == (20, 3)
            ),
        ),
    ],
)
def test_more_follow_ups_make_their_change(idea: str, sentence: str, check: Any) -> None:
    result = _edit(idea, sentence)
    assert result.understood and not result.not_done, result.not_done
    assert check(result.spec)


def _units(spec: AppSpec) -> list[str]:
    return [u.name for c in spec.components() if c.kind == "converter" for u in c.units]


def test_a_converter_loses_and_gets_back_units_but_keeps_the_ones_its_check_uses() -> None:
    removed = _edit("a unit converter for length", "remove yards and millimetres")
    assert "yd" not in _units(removed.spec) and "mm" not in _units(removed.spec)
    assert removed.changes == ["removed “Yards”, “Millimetres”"]
    back = apply_edit(removed.spec, "add yards")
    assert _units(back.spec)[-1] == "yd"
    kept = _edit("a unit converter for length", "remove miles")
    assert not kept.understood and "Miles" in kept.not_done[0]


def _input(spec: AppSpec, name: str) -> Any:
    return next(i for c in spec.components() if c.kind == "calculator" for i in c.inputs if i.name == name)


def test_removing_a_chart_takes_its_checks_with_it() -> None:
    before = _spec(TRACKER)
    result = _edit(TRACKER, "remove the charts")
    assert not [c for c in result.spec.components() if c.kind == "chart"]
    charts = {c.id for c in before.components() if c.kind == "chart"}
    assert not [e for p in result.spec.key_paths for e in p.expect if e.output.split(".")[0] in charts]
    assert result.changes == [f"removed {len(charts)} charts"]
