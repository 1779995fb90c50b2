"""Interactive components (quiz, flashcards, checklist, picker, counter, timer, games) render to
bundles that are ruff-clean (with the sandbox's settings and with ruff's defaults), that carry only
the components and strings they use, and whose own key-path tests pass, in English and in Chinese;
wrong expectations fail."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from specs_interactive import SPECS, arcade_app, counter_app, quiz_app, timer_app, zh_app
from streamlit.testing.v1 import AppTest
from support import ROOT, RUFF, ruff_problems, run_bundle_tests

from flashapps.spec import CANVAS_GAMES, AppSpec
from generator.render import render

TEMPLATES = ROOT / "templates"
INTERACTIVE = ("quiz", "flashcards", "checklist", "picker", "counter", "timer", "game")
BUNDLE_MODULES = ("components", "games", "logic", "storage")


def _games(spec: AppSpec) -> set[str]:
    return {c.game for c in spec.components() if c.kind == "game"}


def test_the_specs_cover_every_interactive_kind_and_game() -> None:
    specs = [build() for build in SPECS.values()]
    kinds = {c.kind for spec in specs for c in spec.components()}
    assert set(INTERACTIVE) <= kinds
    assert {"guess_number", "tic_tac_toe", *CANVAS_GAMES} <= set().union(*(_games(s) for s in specs))
    assert {s.brief.language for s in specs} >= {"en", "zh-Hans"}


def _default_ruff_problems(bundle: Path) -> list[str]:
    """What ruff finds with its own defaults (rules, line length), no settings of ours."""
    problems = []
    for args in (["check", "--isolated", "--no-cache"], ["format", "--isolated", "--check", "--diff", "--no-cache"]):
        done = subprocess.run([str(RUFF), *args, "."], cwd=bundle, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            problems.append(done.stdout + done.stderr)
    return problems


def _strings(bundle: Path) -> dict[str, str]:
    tree = ast.parse((bundle / "components.py").read_text(encoding="utf-8"))
    found = [n.value for n in tree.body if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", "") == "STRINGS"]
    return ast.literal_eval(found[0])


@pytest.mark.parametrize("name", sorted(SPECS))
def test_bundle_is_ruff_clean_as_rendered(name: str, tmp_path: Path) -> None:
    bundle = render(SPECS[name](), tmp_path / name)
    assert ruff_problems(bundle.path) == []
    assert _default_ruff_problems(bundle.path) == []


def test_a_bundle_carries_the_components_and_strings_it_uses_only(tmp_path: Path) -> None:
    quiz = render(quiz_app(), tmp_path / "quiz").path
    source = (quiz / "components.py").read_text(encoding="utf-8")
    assert "\ndef quiz(app: App, cid: str) -> None:" in source
    for other in ("timer", "counter", "picker", "flashcards", "checklist", "canvas_game", "guess_number", "form"):
        assert f"\ndef {other}(" not in source, other
    assert {key.split("_")[0] for key in _strings(quiz)} <= {"quiz", "save", "required", "saved"}
    assert "quiz_check" in _strings(quiz)
    zh = _strings(render(zh_app(), tmp_path / "zh").path)
    names = {k.removeprefix("game_name_") for k in zh if k.startswith("game_name_")}
    assert names == {"snake", "tic_tac_toe", "guess_number"}  # its own games' names, no others
    assert {"game_ttt_x", "game_ttt_draw", "timer_phase_long_break", "cards_front", "cards_back"} <= set(zh)
    assert not [key for key in zh if key.startswith(("period_", "csv_", "export_", "readme_"))]


def test_every_string_the_components_use_exists_in_every_language() -> None:
    strings = json.loads((TEMPLATES / "app_strings.json").read_text(encoding="utf-8"))
    used: set[str] = {"left_out"}
    for kind in (*INTERACTIVE, "shared"):
        source = (TEMPLATES / "components" / f"{kind}.py.j2").read_text(encoding="utf-8")
        used |= set(re.findall(r"\bt\(\"([a-z0-9_]+)\"\)", source))
    used |= {"cards_front", "cards_back", "game_higher", "game_lower", "game_leaderboard"}
    used |= {f"timer_state_{s}" for s in ("idle", "running", "paused", "done")}
    used |= {f"timer_phase_{p}" for p in ("work", "break", "long_break")}
    used |= {f"timer_mode_{m}" for m in ("countdown", "stopwatch")}
    used |= {f"game_ttt_{s}" for s in ("playing", "x", "o", "draw")}
    used |= {f"game_name_{g}" for g in ("guess_number", "tic_tac_toe", "snake", "memory", "g2048", "breakout")}
    used |= {key for key in strings["en"] if key.startswith("game_name_")}  # a game without a name shows its own
    used |= {f"game_{s}" for s in ("score", "best", "start", "restart", "game_over", "you_win", "time_left")}
    used |= {f"game_{s}" for s in ("moves", "wpm", "accuracy", "pairs", "tap_to_start", "level")}
    assert len(used) > 100
    for language in ("en", "zh-Hans", "zh-Hant"):
        missing = sorted(used - set(strings[language]))
        assert missing == [], f"{language} lacks {missing}"
        for key in used:
            assert strings[language][key].count("{}") == strings["en"][key].count("{}"), (language, key)
    assert strings["zh-Hans"]["game_lang"] == "zh-Hans"


def test_app_hands_the_canvas_pages_to_the_components(tmp_path: Path) -> None:
    one = render(zh_app(), tmp_path / "one")
    assert '    ui.canvas_game(app, "snake", games.SNAKE)\n' in (one.path / "app.py").read_text(encoding="utf-8")
    every = render(arcade_app(), tmp_path / "every")
    source = (every.path / "app.py").read_text(encoding="utf-8")
    for game in CANVAS_GAMES:
        assert f'    ui.canvas_game(app, "g_{game}", games.{game.upper()})\n' in source
    plain = render(quiz_app(), tmp_path / "plain")
    assert "games" not in (plain.path / "app.py").read_text(encoding="utf-8")


@pytest.fixture
def bundle_imports(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Lets one bundle's modules be imported in this process, and forgets them afterwards."""
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


@pytest.mark.usefixtures("bundle_imports")
def test_canvas_pages_get_their_config_filled_in_and_escaped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = render(arcade_app(), tmp_path / "arcade")
    monkeypatch.syspath_prepend(str(bundle.path))
    at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    pages = [frame.proto.srcdoc for frame in at.get("iframe")]
    assert len(pages) == len(CANVAS_GAMES)
    titles = set()
    for page in pages:
        assert "__FLASH_CONFIG__" not in page
        assert '"<b>&"' not in page and "\\u003cb\\u003e\\u0026" in page
        found = re.search(r"const CONFIG = (\{.*?\});\n", page)
        assert found, page[:400]
        assert "\u2028" not in found.group(1) and "</" not in found.group(1)
        config = json.loads(found.group(1))
        assert config["lang"] == "en"
        assert config["params"]["items"] == ["🍎", "🍌", "<b>&"]
        assert config["strings"] == {}  # the page's own words in CONFIG.lang (a game relabels its score as moves)
        assert set(config["theme"]) == {"primary", "background", "surface", "text"}
        assert config["params"]["theme"] == config["theme"]["primary"]
        titles.add(config["title"])
        if config["title"].startswith("Snake"):
            assert config["theme"]["primary"] == "#e11d48"
        else:
            assert config["theme"]["primary"] == "#2563eb"
    strings = json.loads((TEMPLATES / "app_strings.json").read_text(encoding="utf-8"))["en"]
    names = {strings.get(f"game_name_{game}", game) for game in CANVAS_GAMES if game != "snake"}
    assert titles == {"Snake \u2028</script>", *names}


def _raw_keys(at: AppTest) -> list[str]:
    """Keys of the strings table the page shows as they are: a text the bundle's table lacks."""
    table = json.loads((TEMPLATES / "app_strings.json").read_text(encoding="utf-8"))
    keys = {key for strings in table.values() for key in strings if "_" in key}
    shown: list[str] = []
    pending: list[object] = [at.main]
    while pending:
        node = pending.pop()
        pending += list(getattr(node, "children", {}).values())
        if getattr(node, "type", "") != "iframe" and hasattr(node, "proto"):
            shown.append(str(node.proto))
    text = "\n".join(shown)
    return sorted(key for key in keys if key in text)


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def _app_test(bundle: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.syspath_prepend(str(bundle))
    at = AppTest.from_file(str(bundle / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    return at


@pytest.mark.usefixtures("bundle_imports")
def test_what_the_user_did_survives_a_restart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = render(zh_app(), tmp_path / "zh")
    at = _app_test(bundle.path, monkeypatch)
    at.checkbox(key="todo__item0").check().run()
    at.text_input(key="todo__new").set_value("跑步").run()
    at.button(key="todo__add").click().run()
    at.checkbox(key="todo__item2").check().run()  # an added item continues the numbering
    assert (_out(at, "todo.done"), _out(at, "todo.total")) == (2, 3)
    at.button(key="water__plus").click().run()
    at.radio(key="quiz__q0").set_value("二").run()
    at.button(key="quiz__submit").click().run()
    at.button(key="words__known").click().run()
    at.text_input(key="words__new_front").set_value("猫")
    at.text_area(key="words__new_back").set_value("cat")
    at.button(key="words__add_card").click().run()
    assert _out(at, "words.total") == 3
    at.text_area(key="who__items").set_value("甲\n乙\n丙").run()
    at.button(key="focus__start").click().run()
    at.button(key="focus__skip").click().run()
    at.text_input(key="snake__player").set_value("小明").run()
    at.button(key="ttt__cell4").click().run()
    at.number_input(key="num__guess").set_value(1).run()
    at.button(key="num__try").click().run()
    assert _raw_keys(at) == []

    again = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert (_out(again, "todo.done"), _out(again, "todo.total")) == (2, 3)
    assert _out(again, "water.value") == 1
    assert (_out(again, "words.known"), _out(again, "words.index"), _out(again, "words.total")) == (1, 0, 3)
    assert (_out(again, "who.remaining"), _out(again, "who.history")) == (3, 0)
    assert (_out(again, "focus.cycles"), _out(again, "focus.state"), _out(again, "focus.phase")) == (1, "idle", "work")
    assert (_out(again, "snake.player"), _out(again, "snake.best"), _out(again, "snake.plays")) == ("小明", 0, 0)
    assert (_out(again, "ttt.moves"), _out(again, "quiz.finished")) == (0, False)
    assert "目前最佳：1 / 1" in [c.value for c in again.caption]
    assert _raw_keys(again) == []


@pytest.mark.usefixtures("bundle_imports")
def test_running_clocks_move_on_by_themselves(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bundle = render(timer_app(), tmp_path / "timers")
    at = _app_test(bundle.path, monkeypatch)

    def wind_back(key: str, seconds: float) -> None:
        clock = dict(at.session_state[key])
        clock["started"] -= seconds
        at.session_state[key] = clock

    at.button(key="egg__start").click().run()
    wind_back("egg__clock", 120)
    at.run()
    assert (_out(at, "egg.state"), _out(at, "egg.remaining")) == ("running", 180)
    wind_back("egg__clock", 200)
    at.run()
    assert (_out(at, "egg.state"), _out(at, "egg.remaining")) == ("done", 0)

    at.button(key="tomato__start").click().run()
    wind_back("tomato__clock", 25 * 60 + 10)
    at.run()
    assert (_out(at, "tomato.phase"), _out(at, "tomato.cycles"), _out(at, "tomato.state")) == ("break", 1, "running")
    assert 285 <= _out(at, "tomato.remaining") <= 290  # the break started when the work phase ended
    wind_back("tomato__clock", 5 * 60 + 25 * 60)
    at.run()
    assert (_out(at, "tomato.phase"), _out(at, "tomato.cycles")) == ("long_break", 2)

    at.button(key="watch__start").click().run()
    wind_back("watch__clock", 65)
    at.button(key="watch__lap").click().run()
    at.button(key="watch__pause").click().run()
    assert (_out(at, "watch.laps"), _out(at, "watch.state"), _out(at, "watch.elapsed")) == (1, "paused", 65)
    (total,) = at.dataframe[0].value["Total"]
    assert total.startswith("01:05."), total  # minutes:seconds.tenths
    assert _raw_keys(at) == []


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SPECS))
def test_bundle_passes_its_own_key_paths(name: str, tmp_path: Path) -> None:
    spec = SPECS[name]()
    bundle = render(spec, tmp_path / name)
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert " passed" in done.stdout
    assert re.search(rf"^{len(spec.key_paths) + 1} passed", done.stdout, re.MULTILINE), done.stdout[-2000:]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("spec", "failing"),
    [
        (quiz_app(score_expected=3), "test_answer_two_of_three_right"),
        (counter_app(expected_after_plus_plus_minus=2), "test_count_up_and_down"),
    ],
    ids=["quiz_scores_two_not_three", "counter_ends_at_one_not_two"],
)
def test_a_wrong_expectation_fails_the_bundle(spec: AppSpec, failing: str, tmp_path: Path) -> None:
    bundle = render(spec, tmp_path / "wrong")
    done = run_bundle_tests(bundle.path)
    assert done.returncode != 0
    assert f"FAILED tests/test_app.py::{failing}" in done.stdout, done.stdout[-3000:]
    assert re.search(r"^1 failed, \d+ passed", done.stdout, re.MULTILINE), done.stdout[-2000:]
