"""Record systems read from a sentence: the kinds of records and their fields, the links between them, a
status flow and a name from the sentence's subject, in English, simplified and traditional Chinese."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support import ruff_problems, run_bundle_tests

from flashapps.bundle import AppBundle
from flashapps.spec import AppSpec, BoardComponent, Entity, TableComponent
from generator.planner import plan


def _entity(spec: AppSpec, name: str) -> Entity:
    found = spec.entity_map().get(name)
    assert found is not None, f"no entity {name!r} in {sorted(spec.entity_map())}"
    return found


def _fields(spec: AppSpec, entity: str) -> dict[str, str]:
    return {f.name: f.type for f in _entity(spec, entity).fields}


def _board(spec: AppSpec) -> BoardComponent:
    boards = [c for c in spec.components() if isinstance(c, BoardComponent)]
    assert boards, f"no board in {spec.kinds()}"
    return boards[0]


def _statuses(spec: AppSpec) -> list[str]:
    board = _board(spec)
    field = _entity(spec, board.entity).field(board.status_field)
    assert field is not None
    return field.options


def _children(spec: AppSpec, entity: str) -> set[str]:
    tables = [c for c in spec.components() if isinstance(c, TableComponent) and c.entity == entity]
    return {child.entity for t in tables for child in t.children}


def test_tickets_linked_to_customers_with_the_named_statuses_in_order() -> None:
    spec = plan(
        "Our bike workshop needs repair tickets linked to customers; a ticket goes "
        "booked in → waiting for parts → fixed → collected"
    ).spec
    assert _fields(spec, "ticket")["customer"] == "int"
    assert _statuses(spec) == ["Booked in", "Waiting for parts", "Fixed", "Collected"]
    assert _board(spec).links == {"customer": "customer"}
    assert _children(spec, "customer") == {"ticket"}
    assert "customer" in [c.entity for c in spec.components() if c.kind == "form"]


def test_an_explicit_field_list_becomes_exactly_those_fields_with_sensible_types() -> None:
    spec = plan("keep a register of donations: name, phone, date and amount").spec
    assert _fields(spec, "donation") == {"name": "text", "phone": "text", "date": "date", "amount": "float"}


def test_a_word_in_a_field_list_does_not_decide_the_kind_of_app() -> None:
    made = plan("a CRM for my bakery: customers with name, phone, birthday and notes")
    assert made.pattern == "collection"
    assert _fields(made.spec, "customer") == {"name": "text", "phone": "text", "birthday": "date", "notes": "long_text"}
    assert made.spec.brief.title == "Bakery CRM"


@pytest.mark.parametrize(
    ("idea", "child", "parent"),
    [
        ("a forum for our chess club where members write posts and others leave replies", "reply", "post"),
        ("a gradebook: students and their grades per subject", "grade", "student"),
        ("a small lending library for our street: members borrow books", "loan", "member"),
        ("幫我做一個學生成績管理：學生、成績（科目、分數、日期）", "grade", "student"),
    ],
)
def test_kinds_of_records_link_child_to_parent(idea: str, child: str, parent: str) -> None:
    spec = plan(idea).spec
    assert _fields(spec, child)[parent] == "int"
    assert child in _children(spec, parent)


def test_a_lending_or_approval_gets_its_usual_flow_when_none_is_named() -> None:
    lending = plan("a small lending library for our street: members borrow books").spec
    assert _statuses(lending) == ["Out", "Returned"]
    leave = plan("time-off requests from employees that the manager approves or rejects").spec
    assert _statuses(leave) == ["Pending", "Approved", "Rejected"]
    assert _board(leave).ends == ["Rejected"]
    lending_zh = plan("帮我做一个图书室借阅管理：读者、图书、借阅记录").spec
    assert _statuses(lending_zh) == ["借出", "已归还"]
    assert _fields(lending_zh, "loan")["reader"] == "int"


def test_chinese_sentences_keep_their_script_and_their_named_statuses() -> None:
    spec = plan(
        "帮我做一个维修工单系统：客户、工单（设备型号、故障、报价），状态：已接收 → 维修中 → 待取件 → 已取件"
    ).spec
    assert spec.brief.language == "zh-Hans"
    assert spec.brief.title == "维修工单系统"
    assert _statuses(spec) == ["已接收", "维修中", "待取件", "已取件"]
    ticket = _entity(spec, "ticket")
    assert {"customer", "model", "problem", "quote"} <= {f.name for f in ticket.fields}
    steps = plan("报销审批：员工提交报销申请，先主管审核，再到财务确认，被驳回要写原因").spec
    assert _statuses(steps) == ["待主管审核", "待财务确认", "已完成", "已驳回"]
    assert _board(steps).ends == ["已驳回"]
    hant = plan("幫我做一個學生成績管理：學生、成績（科目、分數、日期）").spec
    assert hant.brief.language == "zh-Hant"
    assert hant.brief.title == "學生成績管理"
    labels = [f.label for f in _entity(hant, "grade").fields]
    assert "分數" in labels and "科目" in labels and "学生" not in labels


@pytest.mark.parametrize(
    ("idea", "title"),
    [
        ("Please help me make an app for my dog walking business: clients and their dogs", "Dog Walking"),
        ("I want a system for our choir: members and their attendance at rehearsals (present/late/absent)", "Choir"),
        ("帮我做一个健身房会员管理：会员、消费记录", "健身房会员管理"),
        ("請幫我做一個社區圖書借閱管理，讀者和借閱紀錄", "社區圖書借閱管理"),
    ],
)
def test_the_name_comes_from_the_subject_never_the_first_words(idea: str, title: str) -> None:
    made = plan(idea).spec.brief.title
    assert title in made
    for opening in ("Please", "Help", "I Want", "帮我", "幫我", "請", "做一个"):
        assert not made.startswith(opening), made


@pytest.mark.parametrize(
    ("idea", "title"),
    [
        ("Please help me keep my stamp collection organised", "Stamp Collection"),
        ("I want something for my seashells", "Seashells"),
        ("帮我做一个整理邮票的东西", "邮票记录"),
    ],
)
def test_a_plain_collection_is_named_after_what_it_keeps(idea: str, title: str) -> None:
    assert plan(idea).spec.brief.title == title


def test_records_of_records_link_down_the_chain_and_the_leaf_is_the_main_kind() -> None:
    spec = plan("我想要一个宠物医院的病历系统：主人、宠物、就诊记录（日期、症状、费用）").spec
    assert spec.entities[0].name == "consultation"
    assert _fields(spec, "consultation") == {"pet": "int", "date": "date", "symptoms": "long_text", "fee": "float"}
    assert _fields(spec, "pet")["owner"] == "int"
    first = spec.key_paths[0].steps
    order = [s.key for s in first if s.action == "click"]
    assert order == ["owner_add__submit", "pet_add__submit", "consultation_add__submit"]


def test_options_in_brackets_become_the_choices_of_the_kind_before_them() -> None:
    spec = plan("a class attendance register: students and a daily roll call (present/absent/late)").spec
    status = _entity(spec, "attendance").field("status")
    assert status is not None and status.options == ["Present", "Absent", "Late"]
    assert _fields(spec, "attendance")["student"] == "int"


@pytest.mark.slow
@pytest.mark.parametrize(
    "idea",
    [
        "Repair tickets for my bike shop: each ticket has a customer, bike model, problem and price; "
        "status: booked in → in repair → ready → collected",
        "幫我做一個請假審批：員工提交請假申請，主管批准或駁回",
        "我想要一个宠物医院的病历系统：主人、宠物、就诊记录（日期、症状、费用）",
    ],
)
def test_a_records_bundle_lints_and_passes_its_own_tests(idea: str, build: Callable[[AppSpec], AppBundle]) -> None:
    spec = plan(idea).spec
    assert set(spec.kinds()) >= {"form", "table", "filter"}
    bundle = build(spec)
    assert ruff_problems(Path(bundle.path)) == []
    done = run_bundle_tests(Path(bundle.path))
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
