"""The pinyin and GPA components in rendered bundles: typed pinyin counts with tone marks or numbers (ü as v),
choices and tones are graded, the missed ones come back and new rounds draw from the items; courses added give
their grade points and the credit-weighted GPA on the scale read from the sentence. The bundles' own key-path
tests pass, in English and Chinese."""

from __future__ import annotations

from pathlib import Path

import pytest
from app_under_test import open_app, shown
from support import ruff_problems, run_bundle_tests

from flashapps.policy import check_bundle
from generator.planner import plan
from generator.render import render


def test_typed_pinyin_counts_with_marks_numbers_and_v(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("Type the pinyin of these words: 绿色, 妈妈, 女儿, 学校", tmp_path, monkeypatch)
    questions = at.session_state["pinyin__state"]["questions"]
    assert [q["task"] for q in questions] == ["type"] * 4
    assert [q["answer"] for q in questions] == ["lǜsè", "māma", "nǚ'ér", "xuéxiào"]
    for n, typed in enumerate(["lv4 se4", "MĀ ma", "nü3er2", "xue2xiao3"]):
        at.text_input(key=f"pinyin__t{n}").set_value(typed).run()
    at.button(key="pinyin__check").click().run()
    assert (shown(at, "pinyin.score"), shown(at, "pinyin.missed")) == (3, ["学校 xuéxiào"])
    at.button(key="pinyin__again").click().run()
    assert shown(at, "pinyin.questions") == ["学校"] and shown(at, "pinyin.round") == 2
    at.text_input(key="pinyin__t0").set_value("xuéxiào").run()
    at.button(key="pinyin__check").click().run()
    assert (shown(at, "pinyin.score"), shown(at, "pinyin.missed")) == (1, [])


def test_tone_and_choice_questions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("拼音和声调练习：这些字：山 水 花 鸟 的，每轮10题", tmp_path, monkeypatch)
    questions = at.session_state["pinyin__state"]["questions"]
    assert [q["task"] for q in questions[:5]] == ["pinyin", "tone", "pinyin", "tone", "pinyin"]
    first = questions[0]
    assert first["answer"] == "shān" and len(first["choices"]) == 4 and len(set(first["choices"])) == 4
    assert questions[1]["answer"] == "第三声 ˇ" and questions[1]["choices"][-1] == "轻声"
    assert questions[3]["answer"] == "第三声 ˇ"  # 鸟 niǎo
    assert questions[5]["task"] == "tone" and questions[5]["item"] == 0 and questions[5]["answer"] == "第一声 ˉ"
    assert questions[9]["answer"] == "轻声"  # 的 de
    at.radio(key="pinyin__c0").set_value("shān").run()
    at.radio(key="pinyin__c1").set_value("第四声 ˋ").run()
    at.button(key="pinyin__check").click().run()
    assert shown(at, "pinyin.score") == 1
    assert shown(at, "pinyin.missed")[0] == "水 shuǐ"
    at.button(key="pinyin__new").click().run()
    again = at.session_state["pinyin__state"]["questions"]
    assert shown(at, "pinyin.round") == 2 and len(again) == 10 and shown(at, "pinyin.answered") == 0
    texts = {"山", "水", "花", "鸟", "的"}
    assert all(q["answer"] in q["choices"] for q in again if q["task"] != "type")
    assert set(shown(at, "pinyin.questions")) <= texts


def test_initials_and_finals(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("声母韵母练习：这些字：绿 吃 雪 安", tmp_path, monkeypatch)
    questions = at.session_state["pinyin__state"]["questions"]
    asked = [(q["task"], q["answer"]) for q in questions]
    assert asked[:4] == [("initial", "l"), ("final", "i"), ("initial", "x"), ("final", "an")]
    assert asked[4:] == [("final", "ü"), ("initial", "ch"), ("final", "üe"), ("final", "an")]


def test_gpa_on_the_chinese_percentage_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("绩点计算器：每门课输入学分和百分制分数，按4.0算", tmp_path, monkeypatch)
    assert shown(at, "gpa.gpa") is None and shown(at, "gpa.courses") == 0
    for name, credits, score in (("高数", 4.0, 95.0), ("英语", 2.0, 83.0), ("体育", 1.0, 59.0)):
        at.text_input(key="gpa__name").set_value(name).run()
        at.number_input(key="gpa__credits").set_value(credits).run()
        at.number_input(key="gpa__score").set_value(score).run()
        at.button(key="gpa__add").click().run()
    assert shown(at, "gpa.points") == [4.0, 3.3, 0.0]
    assert shown(at, "gpa.gpa") == round((16 + 6.6) / 7, 2)
    assert shown(at, "gpa.credits") == 7
    at.selectbox(key="gpa__drop").set_value(2).run()
    at.button(key="gpa__remove").click().run()
    assert (shown(at, "gpa.gpa"), shown(at, "gpa.courses")) == (round(22.6 / 6, 2), 2)


def test_gpa_letters_on_the_sentence_own_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app(
        "GPA with our school's table: A=5, B=4, C=3, D=1, and credits for each course", tmp_path, monkeypatch
    )
    assert at.selectbox(key="gpa__grade").options == ["A", "B", "C", "D"]
    for credits, grade in ((2.0, "A"), (2.0, "D")):
        at.number_input(key="gpa__credits").set_value(credits).run()
        at.selectbox(key="gpa__grade").set_value(grade).run()
        at.button(key="gpa__add").click().run()
    assert (shown(at, "gpa.gpa"), shown(at, "gpa.points")) == (3.0, [5.0, 1.0])


@pytest.mark.parametrize(
    "idea",
    [
        "給一年級孩子的拼音練習，看拼音選漢字，也要會寫拼音",
        "Mandarin tone quiz for beginners, 6 questions a round",
        "声母韵母认读练习，给小学生用",
        "計算我的GPA，每門課有學分和等級（A、A-、B+…）",
        "5-point GPA calculator from percentage scores and credits",
    ],
)
def test_bundle_tests_pass_and_are_ruff_clean(idea: str, tmp_path: Path) -> None:
    bundle = render(plan(idea).spec, tmp_path / "app").path
    assert ruff_problems(bundle) == []
    assert check_bundle(bundle) == []  # the sandbox's policy: only plain texts are formatted
    done = run_bundle_tests(bundle)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
