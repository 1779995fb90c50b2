"""The text tool and the CSV cleaner, driven in rendered bundles: counts (a Chinese character is one word),
case changes, line operations, extraction, a limit, CSV cleaning steps; bundles are ruff-clean and their
own key-path tests pass in English and Chinese; a wrong expectation fails."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import ruff_problems, run_bundle_tests

from flashapps.spec import AppSpec
from generator.planner import plan
from generator.render import render

_MODULES = ("components", "games", "logic", "storage")
Open = Callable[[str], AppTest]


@pytest.fixture
def open_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Open]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))

    def opened(idea: str) -> AppTest:
        for name in _MODULES:
            sys.modules.pop(name, None)
        bundle = render(plan(idea).spec, tmp_path / str(abs(hash(idea))))
        monkeypatch.syspath_prepend(str(bundle.path))
        at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
        assert not at.exception, at.exception
        return at

    yield opened
    for name in _MODULES:
        sys.modules.pop(name, None)


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def test_counts_take_a_chinese_character_as_a_word_and_flag_the_limit(open_app: Open) -> None:
    at = open_app("字数统计：中文按字算，英文按单词算，标点符号单独统计，不超过 10 字")
    at.text_area(key="tool__text").set_value("你好，世界！Hello world.").run()
    assert (_out(at, "tool.words"), _out(at, "tool.cjk"), _out(at, "tool.latin")) == (6, 4, 2)
    assert _out(at, "tool.punct") == 3 and _out(at, "tool.over") is False
    at.text_area(key="tool__text").set_value("一二三四五六七八九十 eleven").run()
    assert _out(at, "tool.over") is True and at.error


def test_case_and_line_operations_apply_in_order(open_app: Open) -> None:
    at = open_app(
        "paste a list: remove duplicate lines, sort it alphabetically and convert it to UPPERCASE or lowercase"
    )
    labels = at.multiselect(key="tool__ops").options
    assert len(labels) == 2  # remove duplicates, sort
    at.selectbox(key="tool__case").set_value(at.selectbox(key="tool__case").options[0]).run()
    at.text_area(key="tool__text").set_value("pear\napple\npear\nFig").run()
    assert _out(at, "tool.result") == "APPLE\nFIG\nPEAR"
    at.multiselect(key="tool__ops").set_value([]).run()
    assert _out(at, "tool.result") == "PEAR\nAPPLE\nPEAR\nFIG"


def test_sentence_case_and_extraction(open_app: Open) -> None:
    at = open_app("text case converter with sentence case")
    cases = at.selectbox(key="tool__case").options
    at.selectbox(key="tool__case").set_value(next(c for c in cases if c.startswith("Sentence"))).run()
    at.text_area(key="tool__text").set_value("hello WORLD. bye").run()
    assert _out(at, "tool.result") == "Hello world. Bye"
    at = open_app("提取一段文字里的所有邮箱和链接")
    at.text_area(key="tool__text").set_value("写信给 ann@example.com，或看 https://example.org/x。").run()
    assert _out(at, "tool.result") == "ann@example.com\nhttps://example.org/x"


def test_the_csv_cleaner_trims_dedupes_fills_and_sorts(open_app: Open) -> None:
    at = open_app("CSV cleaner: trim spaces, remove duplicate rows, fill empty cells with none, sort by a column")
    at.text_area(key="file__paste").set_value("name,score\n Ann ,3\nAnn,3\nBob,\nCy,10\n").run()
    assert (_out(at, "file.read"), _out(at, "file.rows"), _out(at, "file.removed")) == (4, 3, 1)
    at.selectbox(key="file__sort").set_value("score").run()
    at.checkbox(key="file__desc").check().run()
    assert _out(at, "file.first") == {"name": "Cy", "score": "10"}  # sorted as numbers, not as text
    at.selectbox(key="file__blanks").set_value(at.selectbox(key="file__blanks").options[2]).run()
    assert _out(at, "file.rows") == 2


@pytest.mark.parametrize(
    "idea",
    [
        "a word counter for my essay with a 250-word limit, sentences and paragraphs too",
        "把一段文字里重复的行删掉，再按字母排序，然后合并成一行",
        "上傳CSV檔案，刪除重複的列，篩選和排序後下載，再畫個圖表",
        "find and replace words, trim extra spaces and number the lines",
    ],
)
def test_planned_bundles_are_ruff_clean_and_pass_their_own_tests(idea: str, tmp_path: Path) -> None:
    spec: AppSpec = plan(idea).spec
    bundle = render(spec, tmp_path / "app")
    assert ruff_problems(bundle.path) == []
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_a_wrong_expectation_fails(tmp_path: Path) -> None:
    spec = plan("remove blank lines from a pasted text").spec
    broken = spec.model_copy(deep=True)
    broken.key_paths[0].expect[0].value = "not what the tool gives"
    bundle = render(broken, tmp_path / "app")
    assert run_bundle_tests(bundle.path).returncode != 0
