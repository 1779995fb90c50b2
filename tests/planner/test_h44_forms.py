"""Polls with the candidates a sentence names and one vote per name; forms many people fill in (exit slips,
sign-up sheets) with the fields and categories the sentence lists."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec
from flashapps.spec.references import check_references
from generator.planner import plan
from generator.planner.patterns.records_named import CANDIDATES, GROUPS, named_list


def _spec(idea: str) -> AppSpec:
    return plan(idea).spec


def _fields(spec: AppSpec, entity: str) -> dict[str, object]:
    found = spec.entity_map()[entity]
    return {f.name: f for f in found.fields}


def _form(spec: AppSpec):
    return next(c for c in spec.components() if c.kind == "form")


@pytest.mark.parametrize(
    ("idea", "options"),
    [
        ("Vote for team captain: the nominees are Priya, Tom and Wei; everyone votes once.", ["Priya", "Tom", "Wei"]),
        ("社团选社长投票，候选人有张伟、李娜、王强，每人只能投一票", ["张伟", "李娜", "王强"]),
        ("班上選模範生投票，候選人是陳怡、林志明和黃小華，一人一票", ["陳怡", "林志明", "黃小華"]),
    ],
)
def test_a_poll_takes_the_candidates_named_and_one_vote_per_name(idea: str, options: list[str]) -> None:
    spec = _spec(idea)
    choice = _fields(spec, "vote")["choice"]
    assert choice.options == options  # type: ignore[attr-defined]
    assert _form(spec).once_per == ["voter"]
    assert _fields(spec, "vote")["voter"].required  # type: ignore[attr-defined]
    assert "one_vote_each" in [k.name for k in spec.key_paths]


def test_a_poll_without_a_once_rule_keeps_the_name_optional() -> None:
    spec = _spec("Quick poll for where the team goes for lunch: options are tacos, ramen or salad")
    assert _fields(spec, "vote")["choice"].options == ["Tacos", "Ramen", "Salad"]  # type: ignore[attr-defined]
    assert _form(spec).once_per == []


def test_named_lists_stop_at_the_clause_after_them() -> None:
    assert named_list("候选人有甲、乙、丙，每人只能投一票。", CANDIDATES) == ["甲", "乙", "丙"]
    assert named_list("Shopping list with categories dairy, bakery and frozen, plus a reset", GROUPS) == [
        "dairy",
        "bakery",
        "frozen",
    ]
    assert named_list("a vote for lunch", CANDIDATES) == []


def test_an_exit_slip_has_the_listed_fields_a_rating_range_and_one_per_name_a_day() -> None:
    spec = _spec(
        "Exit slip for my history class: each pupil types their name, the most surprising fact of the lesson "
        "and a difficulty rating from 1 to 7. I want to see the slips for each day."
    )
    assert (
        plan(
            "Exit slip for my history class: each pupil types their name, the most surprising fact of the lesson "
            "and a difficulty rating from 1 to 7. I want to see the slips for each day."
        ).pattern
        == "submissions"
    )
    fields = list(_fields(spec, "answer").values())
    kinds = [f.type for f in fields]  # type: ignore[attr-defined]
    assert kinds == ["text", "long_text", "rating", "date"]
    rating = fields[2]
    assert (rating.min, rating.max) == (1, 7)  # type: ignore[attr-defined]
    assert "title" not in _fields(spec, "answer") and "rating" not in _fields(spec, "answer")
    assert _form(spec).once_per == ["name", "day"]
    assert any(m.agg == "avg" for m in spec.brief.metrics)
    assert not check_references(spec)


def test_a_sign_up_reads_named_categories_and_typed_fields() -> None:
    spec = _spec("Bake sale sign-up: parents choose cookies, cakes, muffins or bread, and leave their phone number.")
    fields = _fields(spec, "answer")
    assert fields["category"].options == ["Cookies", "Cakes", "Muffins", "Bread"]  # type: ignore[attr-defined]
    assert "phone" in fields
    assert any(c.kind == "chart" and c.x == "category" for c in spec.components())


@pytest.mark.parametrize(
    ("idea", "types"),
    [
        ("春游报名：家长填写姓名、电话、同行人数，还有是否需要接送。", ["text", "text", "int", "bool"]),
        ("讀書會報名：成員填寫姓名、手機、想讀的書。", ["text", "text", "text"]),
    ],
)
def test_chinese_sign_ups_type_their_fields(idea: str, types: list[str]) -> None:
    spec = _spec(idea)
    fields = [f for f in spec.entity_map()["answer"].fields if f.type != "date"]
    assert [f.type for f in fields] == types
    assert spec.brief.language in ("zh-Hans", "zh-Hant")


def test_a_form_once_per_must_name_fields_of_its_entity() -> None:
    spec = _spec("Quick poll for where the team goes for lunch: options are tacos, ramen or salad, one vote each")
    data = spec.model_dump()
    for screen in data["screens"]:
        for component in screen["components"]:
            if component["kind"] == "form":
                component["once_per"] = ["nobody"]
    with pytest.raises(ValueError, match="nobody"):
        AppSpec.model_validate(data)


def test_an_election_title_stays_in_the_ideas_script() -> None:
    assert _spec("班級幹部選舉投票，每人只能投一票").brief.title == "推選投票"
    assert _spec("班干部选举投票，每人只能投一票").brief.title == "推选投票"
