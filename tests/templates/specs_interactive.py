"""Specs for the interactive components (quiz, flashcards, checklist, picker, counter, timer, games).

Each builder returns an AppSpec whose key paths drive the component through its widget keys
and check what it publishes, as a planner would write them.
"""

from __future__ import annotations

from typing import Any

from flashapps.spec import (
    CANVAS_GAMES,
    AppSpec,
    Brief,
    Card,
    ChecklistComponent,
    CounterComponent,
    Expect,
    FlashcardsComponent,
    GameComponent,
    GameParams,
    KeyPath,
    PickerComponent,
    Question,
    QuizComponent,
    Screen,
    Step,
    Theme,
    TimerComponent,
)

__all__ = [
    "SPECS",
    "arcade_app",
    "checklist_app",
    "click",
    "counter_app",
    "expect",
    "flashcards_app",
    "guess_app",
    "path",
    "picker_app",
    "quiz_app",
    "set_",
    "tic_tac_toe_app",
    "timer_app",
    "zh_app",
]


def click(key: str) -> Step:
    return Step(action="click", key=key)


def set_(key: str, value: Any) -> Step:
    return Step(action="set", key=key, value=value)


def expect(output: str, value: Any = None, op: str = "eq") -> Expect:
    return Expect(output=output, op=op, value=value)  # type: ignore[arg-type]


def path(name: str, steps: list[Step], *expects: Expect) -> KeyPath:
    return KeyPath(name=name, story=f"I {name.replace('_', ' ')}.", steps=steps, expect=list(expects))


def _app(title: str, screens: list[Screen], paths: list[KeyPath], *, language: str = "en", **brief: Any) -> AppSpec:
    return AppSpec(
        brief=Brief(title=title, value=f"{title}, made with Flash Apps.", language=language, **brief),  # type: ignore[arg-type]
        screens=screens,
        key_paths=paths,
    )


def _screen(*components: Any, name: str = "main", title: str = "Main", icon: str = "") -> Screen:
    return Screen(name=name, title=title, icon=icon, components=list(components))


QUESTIONS = [
    Question(prompt="2 + 2 = ?", choices=["3", "4", "5"], answer=1, explanation="Two and two make four."),
    Question(prompt="The capital of France?", choices=["Paris", "Rome"], answer=0, explanation="Paris, on the Seine."),
    Question(prompt="Water boils at (sea level)…", choices=["90 °C", "100 °C", "110 °C"], answer=1),
]


def quiz_app(score_expected: int = 2) -> AppSpec:
    """A three-question quiz (pass mark 0.6) and a shuffled copy on a second screen."""
    return _app(
        "Quick Quiz",
        [
            _screen(QuizComponent(id="quiz", title="General knowledge", questions=QUESTIONS, pass_mark=0.6)),
            _screen(QuizComponent(id="mixed", questions=QUESTIONS, shuffle=True), name="mixed", title="Shuffled"),
        ],
        [
            path(
                "answer_two_of_three_right",
                [set_("quiz__q0", "4"), set_("quiz__q1", "Paris"), set_("quiz__q2", "90 °C"), click("quiz__submit")],
                expect("quiz.score", score_expected),
                expect("quiz.answered", 3),
                expect("quiz.total", 3),
                expect("quiz.finished", True),
                expect("quiz.passed", True),
            ),
            path(
                "fail_with_one_right",
                [set_("quiz__q0", "4"), click("quiz__submit")],
                expect("quiz.score", 1),
                expect("quiz.answered", 1),
                expect("quiz.passed", False),
                expect("quiz.finished", True),
            ),
            path(
                "not_graded_before_checking",
                [set_("quiz__q0", "4"), set_("quiz__q1", "Paris")],
                expect("quiz.answered", 2),
                expect("quiz.score", 0),
                expect("quiz.finished", False),
                expect("quiz.passed", False),
            ),
            path(
                "retry_clears_answers",
                [set_("quiz__q0", "4"), click("quiz__submit"), click("quiz__retry")],
                expect("quiz.answered", 0),
                expect("quiz.finished", False),
                expect("quiz.score", 0),
            ),
            path(
                "a_changed_answer_is_rechecked",
                [set_("quiz__q0", "4"), click("quiz__submit"), set_("quiz__q0", "3")],
                expect("quiz.finished", False),
                expect("quiz.score", 0),
                expect("quiz.answered", 1),
            ),
            path(
                "shuffled_keys_follow_the_spec",
                [set_("mixed__q0", "4"), set_("mixed__q2", "100 °C"), click("mixed__submit")],
                expect("mixed.score", 2),
                expect("mixed.passed", True),
            ),
        ],
        icon="🧠",
        category="learning",
    )


def flashcards_app() -> AppSpec:
    cards = [
        Card(front="hola", back="hello", hint="a greeting"),
        Card(front="gato", back="cat"),
        Card(front="perro", back="dog"),
    ]
    return _app(
        "Spanish Cards",
        [_screen(FlashcardsComponent(id="deck", title="Spanish", cards=cards))],
        [
            path("flip_a_card", [click("deck__flip")], expect("deck.side", "back"), expect("deck.index", 0)),
            path(
                "know_the_first_card",
                [click("deck__flip"), click("deck__known")],
                expect("deck.index", 1),
                expect("deck.known", 1),
                expect("deck.side", "front"),
                expect("deck.remaining", 2),
                expect("deck.total", 3),
            ),
            path(
                "sort_every_card",
                [click("deck__known"), click("deck__unknown"), click("deck__unknown")],
                expect("deck.known", 1),
                expect("deck.unknown", 2),
                expect("deck.remaining", 0),
                expect("deck.index", 0),
            ),
            path("go_to_the_next_card", [click("deck__next"), click("deck__next")], expect("deck.index", 2)),
            path(
                "restart_forgets_the_sorting",
                [click("deck__known"), click("deck__restart")],
                expect("deck.known", 0),
                expect("deck.index", 0),
                expect("deck.remaining", 3),
            ),
            path(
                "shuffle_starts_at_the_top",
                [click("deck__next"), click("deck__shuffle")],
                expect("deck.index", 0),
                expect("deck.side", "front"),
                expect("deck.total", 3),
            ),
        ],
        icon="🃏",
        category="learning",
    )


def checklist_app() -> AppSpec:
    return _app(
        "Trip Checklist",
        [
            _screen(
                ChecklistComponent(id="pack", title="Packing", items=["Passport", "Charger", "Toothbrush"]),
                ChecklistComponent(id="habits", items=["Stretch", "Read"], daily=True, editable=False),
            )
        ],
        [
            path(
                "tick_one_item",
                [Step(action="check", key="pack__item0")],
                expect("pack.done", 1),
                expect("pack.total", 3),
                expect("pack.progress", 0.333),
            ),
            path(
                "tick_everything",
                [
                    Step(action="check", key="pack__item0"),
                    Step(action="check", key="pack__item1"),
                    Step(action="check", key="pack__item2"),
                ],
                expect("pack.done", 3),
                expect("pack.progress", 1.0),
            ),
            path(
                "untick_again",
                [Step(action="check", key="pack__item1"), Step(action="uncheck", key="pack__item1")],
                expect("pack.done", 0),
            ),
            path(
                "add_an_item",
                [set_("pack__new", "Sunglasses"), click("pack__add")],
                expect("pack.total", 4),
                expect("pack.done", 0),
            ),
            path(
                "daily_list_ticks",
                [Step(action="check", key="habits__item1")],
                expect("habits.done", 1),
                expect("habits.total", 2),
                expect("habits.progress", 0.5),
                expect("pack.done", 0),
            ),
        ],
        icon="🧳",
        category="planner",
    )


def picker_app() -> AppSpec:
    names = ["Ann", "Bo", "Cy"]
    return _app(
        "Who Goes Next",
        [
            _screen(
                PickerComponent(id="who", title="Pick a student", items=names),
                PickerComponent(id="team", items=names, count=3, editable=False),
            )
        ],
        [
            path(
                "pick_once",
                [click("who__pick")],
                expect("who.remaining", 2),
                expect("who.history", 1),
                expect("who.picked", 1, "len_eq"),
            ),
            path(
                "pick_everyone_once",
                [click("who__pick"), click("who__pick"), click("who__pick")],
                expect("who.remaining", 0),
                expect("who.history", 3),
            ),
            path(
                "the_pool_refills",
                [click("who__pick"), click("who__pick"), click("who__pick"), click("who__pick")],
                expect("who.remaining", 2),
                expect("who.history", 4),
            ),
            path(
                "reset_starts_over",
                [click("who__pick"), click("who__reset")],
                expect("who.remaining", 3),
                expect("who.history", 0),
                expect("who.picked", []),
            ),
            path(
                "pick_three_distinct",
                [click("team__pick")],
                expect("team.picked", 3, "len_eq"),
                expect("team.picked", "Ann", "contains"),
                expect("team.picked", "Bo", "contains"),
                expect("team.picked", "Cy", "contains"),
                expect("team.remaining", 0),
            ),
            path(
                "edit_the_list",
                [set_("who__items", "Dee\n\nDee\n"), click("who__pick")],
                expect("who.picked", ["Dee"]),
                expect("who.remaining", 0),
            ),
        ],
        icon="🎲",
        category="picker",
    )


def counter_app(expected_after_plus_plus_minus: int = 1) -> AppSpec:
    return _app(
        "Tally",
        [
            _screen(
                CounterComponent(id="cups", title="Coffee", label="Cups today", goal=3),
                CounterComponent(id="score", label="Points", step=2, allow_negative=True),
            )
        ],
        [
            path(
                "count_up_and_down",
                [click("cups__plus"), click("cups__plus"), click("cups__minus")],
                expect("cups.value", expected_after_plus_plus_minus),
            ),
            path("never_below_zero", [click("cups__minus")], expect("cups.value", 0)),
            path("negative_when_allowed", [click("score__minus")], expect("score.value", -2)),
            path("reset_to_zero", [click("score__plus"), click("score__reset")], expect("score.value", 0)),
        ],
        icon="☕",
        category="tracker",
    )


def timer_app() -> AppSpec:
    return _app(
        "Focus Timers",
        [
            _screen(TimerComponent(id="egg", title="Egg timer", mode="countdown", minutes=5)),
            _screen(
                TimerComponent(id="tomato", mode="pomodoro", cycles_before_long_break=2),
                name="pomodoro",
                title="Pomodoro",
                icon="🍅",
            ),
            _screen(TimerComponent(id="watch", mode="stopwatch"), name="stopwatch", title="Stopwatch"),
        ],
        [
            path(
                "start_the_countdown",
                [click("egg__start")],
                expect("egg.state", "running"),
                expect("egg.remaining", 295, "gte"),
                expect("egg.remaining", 300, "lte"),
                expect("egg.phase", "countdown"),
            ),
            path(
                "pause_and_resume",
                [click("egg__start"), click("egg__pause")],
                expect("egg.state", "paused"),
                expect("egg.remaining", 295, "gte"),
            ),
            path(
                "start_twice_keeps_running",
                [click("egg__start"), click("egg__pause"), click("egg__start"), click("egg__start")],
                expect("egg.state", "running"),
            ),
            path(
                "set_the_minutes",
                [set_("egg__minutes", 1), click("egg__start"), click("egg__reset")],
                expect("egg.state", "idle"),
                expect("egg.remaining", 60),
            ),
            path(
                "pomodoro_skip_to_break",
                [click("tomato__start"), click("tomato__skip")],
                expect("tomato.state", "running"),
                expect("tomato.cycles", 1),
                expect("tomato.phase", "break"),
                expect("tomato.remaining", 295, "gte"),
            ),
            path(
                "pomodoro_long_break",
                [click("tomato__start"), click("tomato__skip"), click("tomato__skip"), click("tomato__skip")],
                expect("tomato.cycles", 2),
                expect("tomato.phase", "long_break"),
            ),
            path(
                "pomodoro_work_minutes",
                [set_("tomato__work", 10)],
                expect("tomato.state", "idle"),
                expect("tomato.phase", "work"),
                expect("tomato.remaining", 600),
                expect("tomato.cycles", 0),
            ),
            path(
                "stopwatch_lap",
                [click("watch__start"), click("watch__lap")],
                expect("watch.laps", 1),
                expect("watch.state", "running"),
                expect("watch.phase", "stopwatch"),
                expect("watch.elapsed", 0, "gte"),
            ),
            path(
                "stopwatch_reset",
                [click("watch__start"), click("watch__lap"), click("watch__reset")],
                expect("watch.laps", 0),
                expect("watch.state", "idle"),
            ),
        ],
        icon="⏱️",
        category="timer",
    )


def guess_app() -> AppSpec:
    game = GameComponent(id="guess", game="guess_number", params=GameParams(max_number=2, max_attempts=2))
    return _app(
        "Guess It",
        [_screen(game)],
        [
            path(
                "first_guess",
                [set_("guess__guess", 1), click("guess__try")],
                expect("guess.attempts", 1),
                expect("guess.left", 1),
                expect("guess.status", ["won", "playing"], "in"),
                expect("guess.hint", ["", "higher"], "in"),
            ),
            path(
                "two_guesses_always_win",
                [set_("guess__guess", 1), click("guess__try"), set_("guess__guess", 2), click("guess__try")],
                expect("guess.status", "won"),
                expect("guess.hint", ""),
                expect("guess.attempts", [1, 2], "in"),
            ),
            path(
                "new_game",
                [set_("guess__guess", 1), click("guess__try"), click("guess__new")],
                expect("guess.attempts", 0),
                expect("guess.left", 2),
                expect("guess.status", "playing"),
            ),
        ],
        icon="🔢",
        kind="game",
        category="game",
    )


def tic_tac_toe_app() -> AppSpec:
    return _app(
        "Noughts and Crosses",
        [_screen(GameComponent(id="ttt", game="tic_tac_toe"))],
        [
            path(
                "take_the_centre",
                [click("ttt__cell4")],
                expect("ttt.board", "O...X...."),
                expect("ttt.moves", 2),
                expect("ttt.status", "playing"),
            ),
            path(
                "the_computer_wins",
                [click("ttt__cell8"), click("ttt__cell7"), click("ttt__cell5")],
                expect("ttt.board", "..O.OXOXX"),
                expect("ttt.status", "o"),
                expect("ttt.moves", 6),
            ),
            path(
                "a_draw",
                [
                    click("ttt__cell4"),
                    click("ttt__cell8"),
                    click("ttt__cell1"),
                    click("ttt__cell3"),
                    click("ttt__cell6"),
                ],
                expect("ttt.board", "OXOXXOXOX"),
                expect("ttt.status", "draw"),
                expect("ttt.moves", 9),
            ),
            path(
                "a_taken_cell_is_ignored",
                [click("ttt__cell4"), click("ttt__cell4"), click("ttt__cell0")],
                expect("ttt.moves", 2),
                expect("ttt.board", "O...X...."),
            ),
            path(
                "new_game",
                [click("ttt__cell0"), click("ttt__new")],
                expect("ttt.moves", 0),
                expect("ttt.board", "........."),
            ),
        ],
        icon="⭕",
        kind="game",
        category="game",
    )


def arcade_app(games: tuple[str, ...] = CANVAS_GAMES) -> AppSpec:
    """Every canvas game, twelve to a screen, each screen's first game with a leaderboard name."""
    screens, paths = [], []
    for first in range(0, len(games), 12):
        components = []
        for game in games[first : first + 12]:
            params = GameParams(items=["🍎", "🍌", "<b>&"], theme="#e11d48" if game == "snake" else None)
            title = "Snake \u2028</script>" if game == "snake" else ""  # must stay inert inside the page's script
            components.append(GameComponent(id=f"g_{game}", game=game, title=title, params=params))
        screens.append(_screen(*components, name=f"games{len(screens) + 1}", title=f"Games {len(screens) + 1}"))
        cid = f"g_{games[first]}"
        paths.append(
            path(
                f"name_on_{games[first]}_board",
                [set_(f"{cid}__player", "Mia")],
                expect(f"{cid}.player", "Mia"),
                expect(f"{cid}.best", 0),
            )
        )
    first = f"g_{games[0]}"
    paths.append(path("nothing_played_yet", [], expect(f"{first}.best", 0), expect(f"{first}.plays", 0)))
    return _app("Arcade", screens, paths, icon="🕹️", kind="game", category="game")


def zh_app() -> AppSpec:
    """A simplified-Chinese app mixing several interactive components."""
    return _app(
        "课堂小工具",
        [
            _screen(
                ChecklistComponent(id="todo", title="今日任务", items=["背单词", "做练习"], daily=True),
                CounterComponent(id="water", label="喝水（杯）", goal=8),
                name="today",
                title="今天",
                icon="📋",
            ),
            _screen(
                QuizComponent(
                    id="quiz",
                    questions=[
                        Question(prompt="1 + 1 = ?", choices=["一", "二"], answer=1, explanation="一加一等于二。")
                    ],
                ),
                FlashcardsComponent(
                    id="words", cards=[Card(front="苹果", back="apple"), Card(front="书", back="book")]
                ),
                name="learn",
                title="学习",
            ),
            _screen(
                PickerComponent(id="who", items=["小明", "小红"]),
                TimerComponent(id="focus", mode="pomodoro"),
                name="tools",
                title="工具",
            ),
            _screen(
                GameComponent(id="ttt", game="tic_tac_toe"),
                GameComponent(id="snake", game="snake"),
                GameComponent(id="num", game="guess_number"),
                name="play",
                title="游戏",
            ),
        ],
        [
            path("tick_a_task", [Step(action="check", key="todo__item0")], expect("todo.done", 1)),
            path("drink", [click("water__plus"), click("water__plus")], expect("water.value", 2)),
            path("answer", [set_("quiz__q0", "二"), click("quiz__submit")], expect("quiz.score", 1)),
            path("know_a_word", [click("words__known")], expect("words.known", 1), expect("words.index", 1)),
            path("pick_a_student", [click("who__pick")], expect("who.remaining", 1)),
            path(
                "focus_then_break",
                [click("focus__start"), click("focus__skip")],
                expect("focus.cycles", 1),
                expect("focus.phase", "break"),
            ),
            path("play_the_centre", [click("ttt__cell4")], expect("ttt.moves", 2)),
            path("name_on_the_board", [set_("snake__player", "小明")], expect("snake.player", "小明")),
        ],
        language="zh-Hans",
        icon="🎒",
        category="learning",
        theme=Theme(primary="#16a34a", background="#f0fdf4", surface="#dcfce7", text="#14281d"),
    )


SPECS = {
    "quiz": quiz_app,
    "flashcards": flashcards_app,
    "checklist": checklist_app,
    "picker": picker_app,
    "counter": counter_app,
    "timer": timer_app,
    "guess_number": guess_app,
    "tic_tac_toe": tic_tac_toe_app,
    "arcade": arcade_app,
    "zh_hans": zh_app,
}
"""Every spec this module builds, by name (each builder needs no arguments)."""
