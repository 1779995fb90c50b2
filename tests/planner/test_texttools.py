"""Text and file tools: the sentence's operations become a text tool or a CSV cleaner, in en, zh-Hans and
zh-Hant; a counting word in another kind of idea does not; what cannot be built here is said in left_out."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec
from flashapps.spec.texttools import DataFileComponent, TextToolComponent
from generator.planner import plan


def _tool(idea: str) -> tuple[str, AppSpec, TextToolComponent | DataFileComponent | None]:
    result = plan(idea)
    found = [c for c in result.spec.components() if isinstance(c, TextToolComponent | DataFileComponent)]
    return result.pattern, result.spec, found[0] if found else None


@pytest.mark.parametrize(
    ("idea", "ops", "cases", "counts"),
    [
        ("an essay word counter that also shows sentences and reading time", [], [], ["words", "sentences", "minutes"]),
        ("switch my text between UPPERCASE and lowercase", [], ["upper", "lower"], []),
        (
            "tidy a pasted list: delete empty lines, drop duplicate lines and put it in alphabetical order",
            ["drop_blank", "dedupe", "sort"],
            [],
            [],
        ),
        ("search and replace a phrase across a long document", ["replace"], [], []),
        ("grab every URL and e-mail address from a newsletter I paste in", ["emails", "links"], [], []),
        ("我要一个统计作文字数的小工具，还要显示段落数", [], [], ["words", "paragraphs"]),
        ("把名单里重复的行删掉，再按字母顺序排序", ["dedupe", "sort"], [], []),
        ("英文字母大小寫轉換，全部大寫或全部小寫", [], ["upper", "lower"], []),
        ("文章貼上後把連續空格合併、刪除空行", ["trim", "squeeze", "drop_blank"], [], []),
    ],
)
def test_text_operations_named_in_the_sentence_are_the_tools(
    idea: str, ops: list[str], cases: list[str], counts: list[str]
) -> None:
    pattern, spec, tool = _tool(idea)
    assert pattern == "texttools" and isinstance(tool, TextToolComponent)
    assert set(ops) <= set(tool.ops) and set(cases) <= set(tool.cases) and set(counts) <= set(tool.counts)
    assert not set(tool.ops) - set(ops) - {"squeeze", "trim"}  # nothing unasked beyond tidying spaces
    assert "tool__text" in tool.widgets({}) and spec.key_paths


def test_cjk_counts_limits_and_frequency_come_from_the_sentence() -> None:
    _, _, tool = _tool("字數統計：中文按字算，英文按單詞算，標點符號單獨統計，最多 150 字")
    assert isinstance(tool, TextToolComponent)
    assert {"words", "cjk", "latin", "punct"} <= set(tool.counts) and tool.limit == 150
    assert tool.words["cjk"] == "漢字"  # the idea's own script
    _, _, tool = _tool("a tweet length checker: characters with and without spaces, limit 280")
    assert isinstance(tool, TextToolComponent) and (tool.limit, tool.limit_on) == (280, "chars")
    _, _, tool = _tool("show the 7 most common words in a speech I paste")
    assert isinstance(tool, TextToolComponent) and tool.top == 7


def test_split_and_join_take_the_named_separator() -> None:
    _, _, tool = _tool("join the lines of my list into one line separated by semicolons")
    assert isinstance(tool, TextToolComponent) and tool.ops == ["join"] and tool.separator == ";"


@pytest.mark.parametrize(
    ("idea", "steps", "blanks", "fill"),
    [
        (
            "clean my CSV export: strip spaces in cells, remove duplicate rows and fill missing values with N/A",
            ["trim", "dedupe", "blanks"],
            "fill",
            "N/A",
        ),
        (
            "a spreadsheet viewer where I upload a file, keep only some columns, sort it and draw a chart",
            ["columns", "sort", "chart"],
            "keep",
            None,
        ),
        ("上传 CSV 文件，删除完全空白的行，按某一列筛选后导出", ["blanks", "filter"], "drop_empty", None),
        ("上傳CSV檔案後刪除重複的資料列並重新命名欄位", ["dedupe", "rename"], "keep", None),
    ],
)
def test_file_cleaning_steps_come_from_the_sentence(idea: str, steps: list[str], blanks: str, fill: str | None) -> None:
    pattern, spec, tool = _tool(idea)
    assert pattern == "texttools" and isinstance(tool, DataFileComponent)
    assert tool.steps == steps and tool.blanks == blanks
    if fill is not None:
        assert tool.fill == fill
    assert spec.key_paths[0].expect[0].output == "file.read"


def test_several_files_are_put_together_when_asked() -> None:
    for idea in ("combine three CSV files into a single table", "把好几个表格合并成一个，然后下载"):
        _, _, tool = _tool(idea)
        assert isinstance(tool, DataFileComponent) and tool.merge


@pytest.mark.parametrize(
    "idea",
    [
        "count my pushups every morning",
        "a tracker to count how many words I learn each day",
        "a shopping list that removes duplicate items",
        "a to-do list I can sort by priority",
        "vocabulary flashcards with 20 words",
        "记录每天背了多少个单词",
        "給一年級孩子做注音練習：顯示一個字，選出正確的注音",
        "a journal where I write a few words every evening",
    ],
)
def test_a_counting_or_list_word_in_another_kind_of_idea_is_no_text_tool(idea: str) -> None:
    assert plan(idea).pattern != "texttools"


@pytest.mark.parametrize(
    ("idea", "part"),
    [
        ("turn a Chinese paragraph into pinyin", "Pinyin"),
        ("做一個文字轉 QR code 的工具", "二維碼"),
        ("二维码生成器", "二维码"),
        ("QR code maker for our Wi-Fi password", "QR"),
        ("upload an Excel xlsx file and remove duplicate rows", "Excel"),
        ("把简体中文转换成繁体中文", "简体"),
    ],
)
def test_what_cannot_be_made_exactly_is_said_and_the_closest_tool_is_built(idea: str, part: str) -> None:
    pattern, spec, tool = _tool(idea)
    assert pattern == "texttools" and tool is not None
    assert any(part in item.part for item in spec.brief.left_out)


def test_an_amount_in_chinese_capital_numerals_is_no_case_change() -> None:
    _, _, tool = _tool("把金额转成人民币大写")
    assert not (isinstance(tool, TextToolComponent) and tool.cases)
