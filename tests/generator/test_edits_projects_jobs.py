"""Follow-up edits, versions with undo, and jobs that survive a reload."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.errors import UserError
from flashapps.events import StageEvent
from flashapps.settings import Settings
from flashapps.spec import AppSpec, GameComponent
from generator.edits import apply_edit
from generator.planner import plan
from workshop.actions import Workshop
from workshop.jobs import InProcessQueue, JobStore
from workshop.makers import Maker


def test_goal_and_weekly_chart_in_one_sentence() -> None:
    result = apply_edit(water_tracker(), "make the goal 3 litres and add a weekly chart")
    assert result.understood
    metric = next(m for m in result.spec.brief.metrics if m.name == "today")
    assert metric.goal == 3000
    charts = [c for c in result.spec.components() if c.kind == "chart" and c.group_by == "week"]
    assert len(charts) == 1 and charts[0].x == "day"


@pytest.mark.parametrize(
    ("sentence", "check"),
    [
        ("目标改成2.5升", lambda s: s.brief.metrics[0].goal == 2500),
        ("call it Hydro", lambda s: s.brief.title == "Hydro"),
        ("改名为喝水打卡", lambda s: s.brief.title == "喝水打卡"),
        ("make it green", lambda s: s.brief.theme.primary == "#16a34a"),
        ("换成紫色", lambda s: s.brief.theme.primary == "#7c3aed"),
    ],
)
def test_simple_edits_are_understood(sentence: str, check) -> None:  # type: ignore[no-untyped-def]
    result = apply_edit(water_tracker(), sentence)
    assert result.understood and result.changes
    assert check(result.spec)


def test_language_change_asks_for_a_new_plan() -> None:
    result = apply_edit(water_tracker(), "改成中文")
    assert result.understood and result.replan_language == "zh-Hans"


def test_an_edit_it_cannot_understand_says_so_and_changes_nothing() -> None:
    spec = water_tracker()
    result = apply_edit(spec, "add a login page with two-factor authentication")
    assert not result.understood and result.changes == []
    assert result.spec == spec


def _game(spec: AppSpec) -> GameComponent:
    (game,) = [c for c in spec.components() if isinstance(c, GameComponent)]
    return game


@pytest.mark.parametrize(
    ("idea", "sentence", "check", "said"),
    [
        ("gomoku", "make it harder", lambda g: g.params.difficulty == "hard", "Level: hard"),
        ("an easy sudoku", "make it harder", lambda g: g.params.difficulty == "normal", "Level: normal"),
        ("sudoku", "make it easier", lambda g: g.params.difficulty == "easy", "Level: easy"),
        ("snake", "make it harder", lambda g: g.params.speed == "fast", "Fast pace"),
        ("tetris", "slower please", lambda g: g.params.speed == "slow", "Slow pace"),
        ("snake", "faster", lambda g: g.params.speed == "fast", "Fast pace"),
        ("memory game", "use animals instead", lambda g: "🐶" in g.params.items, "🐶"),
        ("tetris", "fruit blocks instead", lambda g: "🍎" in g.params.items, "🍎"),
        ("chess", "two players", lambda g: g.params.players == 2, "Two players on one screen"),
        ("connect four for two players", "against the computer", lambda g: g.params.players == 1, "computer"),
        ("gomoku", "a 10x10 board", lambda g: g.params.size == 10, "a 10×10 board"),
        ("gomoku", "bigger board", lambda g: g.params.size > 15, "board"),
        ("hangman", "three lives", lambda g: g.params.lives == 3, "3 lives"),
        ("pong", "first to 11 wins", lambda g: g.params.target == 11, "first to 11"),
        ("五子棋", "难一点", lambda g: g.params.difficulty == "hard", "难度：困难"),
        ("貪食蛇遊戲", "換成動物", lambda g: "🐶" in g.params.items, "貪食蛇"),
        ("記憶翻牌遊戲", "改成水果", lambda g: "🍎" in g.params.items, "翻牌記憶"),
    ],
)
def test_game_follow_ups_change_the_game_and_say_what_changed(idea: str, sentence: str, check, said: str) -> None:  # type: ignore[no-untyped-def]
    spec = plan(idea).spec
    result = apply_edit(spec, sentence)
    assert result.understood, result.changes
    assert check(_game(result.spec)), _game(result.spec).params
    assert any(said in change for change in result.changes), result.changes
    assert AppSpec.model_validate(result.spec.model_dump()) == result.spec
    assert _game(spec) != _game(result.spec)  # the original is untouched


def test_two_players_turns_tic_tac_toe_into_the_page_that_has_them() -> None:
    result = apply_edit(plan("tic tac toe").spec, "two players")
    game = _game(result.spec)
    assert (game.game, game.params.players) == ("tictactoe", 2)
    keys = {s.key for p in result.spec.key_paths for s in p.steps}
    assert keys == {"game__player"}


def test_a_smaller_range_keeps_the_guess_inside_it() -> None:
    result = apply_edit(plan("guess the number").spec, "range 1 to 20")
    assert _game(result.spec).params.max_number == 20
    guesses = [s.value for p in result.spec.key_paths for s in p.steps if s.key == "game__guess"]
    assert guesses and all(isinstance(g, int) and 1 <= g <= 20 for g in guesses)


def test_a_game_follow_up_beyond_the_games_limits_says_so() -> None:
    result = apply_edit(plan("gomoku").spec, "a 40x40 board")
    assert _game(result.spec).params.size == 19
    assert any("19" in change and "40" in change for change in result.changes)


def test_a_game_already_set_that_way_says_so() -> None:
    result = apply_edit(plan("connect four").spec, "against the computer")
    assert result.understood and "already" in result.changes[0]
    assert _game(result.spec).params.players == 1


def test_game_follow_ups_keep_the_other_rules() -> None:
    result = apply_edit(plan("pong").spec, "make it green and harder")
    assert result.spec.brief.theme.primary == "#16a34a"
    assert _game(result.spec).params.difficulty == "hard"
    result = apply_edit(plan("pong").spec, "call it Paddle Party")
    assert result.spec.brief.title == "Paddle Party" and _game(result.spec).params == _game(plan("pong").spec).params


def test_every_version_is_kept_and_undo_adds_a_version(tmp_path: Path) -> None:
    shop = Workshop(Settings(home=tmp_path))
    store = shop.projects
    project = store.create("water", water_tracker())
    edited = apply_edit(water_tracker(), "call it Hydro").spec
    v2 = store.add(project.id, edited, "call it Hydro", ["title set to Hydro"])
    assert v2.number == 2 and store.get(project.id).current == 2
    undone = shop.undo(project.id, 1, actor=Maker.command_line())
    v3 = store.version(project.id, 3)
    assert undone.version == 3 and v3.spec == water_tracker() and v3.change == "undo to version 1"
    assert undone.bundle.digest == v3.digest and undone.bundle.unchanged()
    assert [v.number for v in store.versions(project.id)] == [1, 2, 3]
    assert store.version(project.id, 2).spec.brief.title == "Hydro"
    bundle = store.bundle(project.id, 2)
    assert "Hydro" in (bundle.path / "app.py").read_text()
    assert bundle.digest == store.version(project.id, 2).digest  # rendered once, and the hash kept
    with pytest.raises(UserError):
        store.get("../etc")


def test_a_job_keeps_its_events_and_result_for_a_reload(tmp_path: Path) -> None:
    store = JobStore(tmp_path)
    queue = InProcessQueue(store)

    def work(emit):  # type: ignore[no-untyped-def]
        emit(StageEvent(stage="value", summary="first", elapsed_ms=1, at_ms=1))
        emit(StageEvent(stage="data", summary="second", elapsed_ms=1, at_ms=2))
        return {"bundle": "somewhere"}

    job = queue.submit("create", {"idea": "water"}, work)
    queue.futures[job.id].result(timeout=10)
    again = JobStore(tmp_path).get(job.id)  # a fresh store: as after a page reload
    assert again.status == "done" and again.result == {"bundle": "somewhere"}
    assert [e.summary for e in again.events] == ["first", "second"]
    queue.shutdown()


def test_a_failing_job_records_the_users_message(tmp_path: Path) -> None:
    queue = InProcessQueue(JobStore(tmp_path))

    def work(emit):  # type: ignore[no-untyped-def]
        raise UserError("Type an idea first.", "请先输入一个想法。")

    job = queue.submit("create", {"idea": ""}, work)
    queue.futures[job.id].result(timeout=10)
    failed = queue.store.get(job.id)
    assert failed.status == "failed" and failed.error == {"en": "Type an idea first.", "zh": "请先输入一个想法。"}
    queue.shutdown()


def test_jobs_are_listed_newest_first(tmp_path: Path) -> None:
    queue = InProcessQueue(JobStore(tmp_path), workers=1)
    ids = []
    for n in range(3):
        ids.append(queue.submit("create", {"n": n}, lambda emit: {}).id)
        time.sleep(0.02)
    queue.shutdown()
    assert [j.id for j in queue.store.recent()] == list(reversed(ids))
