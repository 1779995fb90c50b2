"""The fit report: reviewers' grades merged into an eval by idea id and spec hash (a grade of an older
spec is stale, not counted), totals per category and language, and the target line."""

from __future__ import annotations

import pytest
from sample_specs import water_tracker

from bench.eval import EvalRow
from bench.eval_report import markdown, totals_of
from bench.fit import Grade, fit_report, merge, spec_hash
from bench.ideas import Idea

IDEAS = [
    Idea(id="t1", idea="Tile calculator with waste", acceptance=["a", "b", "c", "d"], lang="en", category="calc",
         feasible="yes"),
    Idea(id="t2", idea="BMI calculator", acceptance=["a", "b"], lang="en", category="calc", feasible="yes"),
    Idea(id="g1", idea="五子棋，人机对战", acceptance=["a", "b"], lang="zh-Hans", category="game", feasible="yes"),
    Idea(id="g2", idea="Noise meter with the mic", acceptance=["a", "b", "c"], lang="en", category="game",
         feasible="partly", note="no microphone here"),
    Idea(id="g3", idea="井字棋遊戲，與電腦對戰", acceptance=["a"], lang="zh-Hant", category="game", feasible="no"),
    Idea(id="r1", idea="修理單系統：客戶、工單和狀態", acceptance=["a", "b"], lang="zh-Hant", category="records"),
]  # fmt: skip
BY_ID = {i.id: i for i in IDEAS}


def _rows() -> list[EvalRow]:
    rows = [EvalRow(id=i.id, idea=i.text, verified=True, spec_hash=f"{i.id}-hash-0001") for i in IDEAS]
    rows[-1] = EvalRow(id="r1", idea=IDEAS[-1].text, error="The planner could not read this")  # nothing was built
    return rows


def _grades() -> list[Grade]:
    return [
        Grade(id="t1", spec_hash="t1-hash-0001", fit=2, criteria_met=[True, True, False, True], language_ok=True),
        Grade(id="t2", spec_hash="t2-hash-0001", fit=1, criteria_met=0.5, language_ok=True, honest=True),
        Grade(id="g1", spec_hash="g1-hash-0001", fit=2, criteria_met=[True, True], language_ok=False),
        Grade(id="g2", spec_hash="g2-hash-0001", fit=0, criteria_met=[False, False, True], honest=False),
        Grade(id="g3", spec_hash="g3-hash-0001", fit=2, criteria_met=[True], honest=True, language_ok=True),
    ]


def test_fresh_grades_count_per_idea() -> None:
    items, problems = merge(_rows(), BY_ID, _grades())
    by_id = {i.id: i for i in items}
    assert problems == []
    assert [i.id for i in items] == [i.id for i in IDEAS]
    assert by_id["t1"].status == "graded" and by_id["t1"].fit == 2 and by_id["t1"].criteria_share == 0.75
    assert by_id["t1"].criteria_met == [True, True, False, True]
    assert by_id["t2"].criteria_share == 0.5 and by_id["t2"].criteria_met is None
    assert by_id["t2"].honest is None  # honest is asked only of ideas that can be built in part or not at all
    assert by_id["g2"].honest is False and by_id["g3"].honest is True
    assert by_id["r1"].status == "no app" and by_id["r1"].fit == 0 and by_id["r1"].criteria_share == 0.0


def test_a_grade_of_another_spec_is_stale_and_not_counted() -> None:
    grades = _grades()
    grades[0] = grades[0].model_copy(update={"spec_hash": "t1-hash-OLD0"})
    items, _ = merge(_rows(), BY_ID, grades)
    t1 = items[0]
    assert t1.status == "stale" and t1.fit is None and t1.criteria_share is None
    assert "t1-hash-OLD0" in t1.notes and "t1-hash-0001" in t1.notes
    totals = fit_report(_rows(), BY_ID, grades)
    assert totals["overall"]["stale"] == 1 and totals["overall"]["graded"] == 5
    assert totals["by_category"]["calc"]["fit2"] == 0 and totals["target"]["met"] is None


def test_missing_null_wrong_and_repeated_grades() -> None:
    grades = [
        Grade(id="t1", spec_hash="t1-hash-0001", fit=2, criteria_met=[True, True]),  # 2 of 4 criteria graded
        Grade(id="t2", spec_hash="t2-hash-0001", fit=2),
        Grade(id="t2", spec_hash="t2-hash-0001", fit=0, notes="second look: it only adds numbers"),
        Grade(id="g1", spec_hash="g1-hash-0001"),  # a template line: not graded yet
        Grade(id="zz", spec_hash="zz-hash-0001", fit=2),
    ]
    items, problems = merge(_rows(), BY_ID, grades)
    by_id = {i.id: i for i in items}
    assert by_id["t1"].status == "invalid" and by_id["t1"].fit is None
    assert by_id["t2"].fit == 0 and by_id["t2"].notes.startswith("second look")
    assert by_id["g1"].status == by_id["g2"].status == "ungraded"
    assert any("t1" in p and "2 criteria graded, the idea has 4" in p for p in problems)
    assert any("t2: graded more than once" in p for p in problems)
    assert any("not in this eval: zz" in p for p in problems)


def test_grade_lines_are_checked() -> None:
    with pytest.raises(ValueError, match="fit"):
        Grade.model_validate({"id": "t1", "spec_hash": "t1-hash-0001", "fit": 3})
    with pytest.raises(ValueError, match="between 0 and 1"):
        Grade.model_validate({"id": "t1", "spec_hash": "t1-hash-0001", "fit": 1, "criteria_met": 1.5})
    with pytest.raises(ValueError, match="spec_hash"):
        Grade.model_validate({"id": "t1", "fit": 1})
    with pytest.raises(ValueError, match="extra"):
        Grade.model_validate({"id": "t1", "spec_hash": "t1-hash-0001", "pattern": "tracker"})


def test_totals_per_category_and_language() -> None:
    fit = fit_report(_rows(), BY_ID, _grades(), ["review.jsonl"])
    overall, cats, langs = fit["overall"], fit["by_category"], fit["by_language"]
    assert (overall["ideas"], overall["graded"], overall["fit2"], overall["fit1"], overall["fit0"]) == (6, 6, 3, 1, 2)
    assert overall["fair_share"] == 0.5 and overall["no_app"] == 1
    assert overall["criteria_mean"] == pytest.approx((0.75 + 0.5 + 1 + 1 / 3 + 1 + 0) / 6)
    assert (overall["limited"], overall["honest"]) == (2, 1)
    assert (overall["language_ok"], overall["language_judged"]) == (3, 4)
    assert list(cats) == ["calc", "game", "records"]
    assert (cats["calc"]["fit2"], cats["calc"]["fit1"], cats["calc"]["fair_share"]) == (1, 1, 0.5)
    assert cats["game"]["fair_share"] == pytest.approx(2 / 3) and cats["game"]["honest"] == 1
    assert cats["records"]["fair_share"] == 0.0
    assert list(langs) == ["en", "zh-Hans", "zh-Hant"]
    assert (langs["en"]["graded"], langs["en"]["fit2"], langs["zh-Hant"]["fit0"]) == (3, 1, 1)
    target = fit["target"]
    assert target["met"] is False and target["lowest_category"] == "records" and target["pending"] == 0
    assert "50% fair fit overall" in target["text"] and "lowest category records 0%" in target["text"]
    assert "**Not met.**" in target["text"]


def test_the_target_is_met_only_when_every_idea_is_graded() -> None:
    rows = _rows()[:5]
    grades = [g.model_copy(update={"fit": 2}) for g in _grades()]
    assert fit_report(rows, BY_ID, grades)["target"]["met"] is True
    assert "**Met.**" in fit_report(rows, BY_ID, grades)["target"]["text"]
    pending = fit_report(rows, BY_ID, grades[:4])["target"]
    assert pending["met"] is None and pending["pending"] == 1 and "met on the graded ones" in pending["text"]
    nothing = fit_report(rows, BY_ID, [])["target"]
    assert nothing["met"] is None and "No idea is graded yet" in nothing["text"]
    low = [*grades[:2], *(g.model_copy(update={"fit": 1}) for g in grades[2:])]
    assert fit_report(rows, BY_ID, low)["target"]["met"] is False  # 40 % overall, game 0 %


def test_ideas_without_category_or_lang_are_grouped_by_their_text() -> None:
    ideas = {
        "a": Idea(id="a", idea="an app to track my daily water"),
        "b": Idea(id="b", idea="帮我设计一个日常监督饮食摄入的应用"),
        "c": Idea(id="c", idea="幫我設計一個記錄飲食的應用程式"),
        "d": Idea(id="d", details="A timer.\n\nMore text."),
    }
    rows = [EvalRow(id=k, idea=v.text, spec_hash=f"{k}-hash-0001") for k, v in ideas.items()]
    grades = [Grade(id=k, spec_hash=f"{k}-hash-0001", fit=2) for k in ideas]
    fit = fit_report(rows, ideas, grades)
    assert list(fit["by_category"]) == ["uncategorised"] and fit["by_category"]["uncategorised"]["fit2"] == 4
    assert {k: v["graded"] for k, v in fit["by_language"].items()} == {"en": 2, "zh-Hans": 1, "zh-Hant": 1}
    assert fit["overall"]["criteria_mean"] is None  # no idea has criteria


def test_the_spec_hash_is_of_the_content() -> None:
    spec = water_tracker()
    assert spec_hash(spec) == spec_hash(spec.model_dump(mode="json")) and len(spec_hash(spec)) == 16
    changed = spec.model_copy(update={"brief": spec.brief.model_copy(update={"title": "Water"})})
    assert spec_hash(changed) != spec_hash(spec)
    assert spec_hash({"b": 1, "a": 2}) == spec_hash({"a": 2, "b": 1})


def test_the_report_has_a_fit_section() -> None:
    rows = _rows()
    totals = totals_of(rows, "offline", "ideas.jsonl", 1.0)
    text = markdown(rows, totals, fit_report(rows, BY_ID, _grades(), ["review.jsonl"]))
    fit = text.split("## Fit", 1)[1]
    assert "Graded 6 of 6 ideas (grades: `review.jsonl`" in fit
    assert "| all | 6 | 6 | 3 | 1 | 2 | 50% | 60% | 1/2 | 3/4 | 0 | 0 |" in fit
    assert "| calc | 2 | 2 | 1 | 1 | 0 | 50% | 62% | – | 2/2 | 0 | 0 |" in fit
    assert "| zh-Hant | 2 | 2 | 1 | 0 | 1 |" in fit
    assert "| t1 | calc | en | 2 fair fit | 3/4 | – | ✅ |" in fit
    assert "| r1 | records | zh-Hant | 0 miss | 0% |" in fit
    assert "| g2 | game | en | 0 miss | 1/3 | ❌ |" in fit
    empty = markdown(rows, totals, fit_report(rows, BY_ID, []))
    assert "No idea is graded yet" not in empty  # r1 (no app) counts as a graded miss
    assert "| t1 | calc | en | ungraded |" in empty
    assert "## Fit" not in markdown(rows, totals)
