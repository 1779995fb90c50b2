"""The status board, linked records and a parent's detail, driven in a rendered bundle: a record picked from
its parent's records shows the parent's name, moves along the flow column by column (or off it to an end),
and is listed under its parent; the references of a board and its links are checked."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import ruff_problems

from flashapps.spec import (
    AppSpec,
    BoardComponent,
    Brief,
    ChildList,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    KeyPath,
    Screen,
    TableComponent,
)
from generator.render import render

_MODULES = ("components", "games", "logic", "storage")


def _spec(language: str = "en", ends: tuple[str, ...] = ("Rejected",)) -> AppSpec:
    flow = ["Pending", "Checked", "Approved"] if language == "en" else ["待审批", "已审核", "已批准"]
    people = Entity(
        name="person",
        label="People" if language == "en" else "员工",
        fields=[
            DataField(name="name", label="Name", type="text"),
            DataField(name="team", label="Team", required=False),
        ],
    )
    request = Entity(
        name="request",
        label="Requests",
        fields=[
            DataField(name="person", label="Person", type="int"),
            DataField(name="reason", label="Reason", type="text"),
            DataField(name="days", label="Days", type="float", required=False),
            DataField(name="status", label="Status", type="choice", options=[*flow, *ends], default=flow[0]),
        ],
    )
    links = {"person": "person"}
    return AppSpec(
        brief=Brief(title="Leave", value="Requests and who asked.", language=language),
        entities=[request, people],
        screens=[
            Screen(
                name="board",
                title="Board",
                components=[
                    BoardComponent(
                        id="board",
                        entity="request",
                        status_field="status",
                        amount_field="days",
                        ends=list(ends),
                        links=links,
                    )
                ],
            ),
            Screen(
                name="requests",
                title="Requests",
                components=[
                    FormComponent(id="req_add", entity="request", links=links),
                    FilterComponent(id="req_flt", entity="request", search=True),
                    TableComponent(id="req_list", entity="request", links=links),
                ],
            ),
            Screen(
                name="people",
                title="People",
                components=[
                    FormComponent(id="person_add", entity="person"),
                    TableComponent(
                        id="person_list", entity="person", children=[ChildList(entity="request", field="person")]
                    ),
                ],
            ),
        ],
        key_paths=[
            KeyPath.model_validate(
                {
                    "name": "ask",
                    "story": "Ana asks for two days off; the board shows it open.",
                    "steps": [
                        {"action": "set", "key": "person_add__name", "value": "Ana"},
                        {"action": "click", "key": "person_add__submit"},
                        {"action": "set", "key": "req_add__reason", "value": "Dentist"},
                        {"action": "click", "key": "req_add__submit"},
                    ],
                    "expect": [{"output": "board.open", "value": 1}, {"output": "person_list.rows", "value": 1}],
                }
            )
        ],
    )


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[AppTest]:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in _MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    bundle = render(_spec(), tmp_path / "bundle")
    monkeypatch.syspath_prepend(str(bundle.path))
    at = AppTest.from_file(str(bundle.path / "app.py"), default_timeout=30).run()
    assert not at.exception, at.exception
    yield at
    for name in _MODULES:
        sys.modules.pop(name, None)


def _out(at: AppTest, name: str) -> object:
    assert not at.exception, at.exception
    return at.session_state["_out"][name]


def _add_person(at: AppTest, name: str) -> None:
    at.text_input(key="person_add__name").set_value(name)
    at.button(key="person_add__submit").click().run()


def _add_request(at: AppTest, person: int, reason: str, days: float = 2.0) -> None:
    at.selectbox(key="req_add__person").set_value(person)
    at.text_input(key="req_add__reason").set_value(reason)
    at.number_input(key="req_add__days").set_value(days)
    at.button(key="req_add__submit").click().run()


def _status(at: AppTest) -> list[str]:
    return [str(v) for v in at.dataframe[1].value["Status"]] if len(at.dataframe) > 1 else []


def test_a_linked_record_is_picked_from_its_parents_records_by_name(app: AppTest) -> None:
    assert any("“People”" in i.value for i in app.info)  # add one of them first
    assert app.selectbox(key="req_add__person").options == []
    _add_person(app, "Ana")
    _add_person(app, "Ben")
    picker = app.selectbox(key="req_add__person")
    assert sorted(picker.options) == ["Ana", "Ben"]
    _add_request(app, 1, "Dentist")
    shown = app.dataframe[0].value
    assert list(shown["Person"]) == ["Ana"]  # the name, not the id
    app.selectbox(key="person_list__row").set_value(2).run()
    assert _out(app, "person_list.children") == 0
    app.selectbox(key="person_list__row").set_value(1).run()
    assert _out(app, "person_list.children") == 1
    _add_request(app, 2, "Holiday")
    app.text_input(key="req_flt__search").set_value("ben").run()  # a request found by its person's name
    assert _out(app, "req_flt.rows") == 1


def test_a_record_moves_along_the_flow_and_stops_at_its_end(app: AppTest) -> None:
    _add_person(app, "Ana")
    _add_request(app, 1, "Dentist", 1.5)
    _add_request(app, 1, "Holiday", 3.0)
    assert (_out(app, "board.open"), _out(app, "board.done")) == (2, 0)
    app.selectbox(key="board__pick").set_value(1).run()
    app.button(key="board__next").click().run()
    assert _out(app, "board.moved") == 1
    app.selectbox(key="board__pick").set_value(1).run()
    app.button(key="board__next").click().run()
    assert (_out(app, "board.open"), _out(app, "board.done"), _out(app, "board.moved")) == (1, 1, 2)
    assert 1 not in app.selectbox(key="board__pick").options  # an approved one is closed
    app.button(key="board__go_2").click().run()  # the card's own arrow
    app.selectbox(key="board__pick").set_value(2).run()
    app.button(key="board__end0").click().run()
    assert (_out(app, "board.open"), _out(app, "board.done"), _out(app, "board.moved")) == (0, 2, 4)
    headers = [m.value for m in app.markdown if m.value.startswith("**") and "(" in m.value]
    assert "**Approved** (1) · 1.5" in headers and "**Rejected** (1) · 3" in headers
    assert "**Pending** (0) · 0" in headers


def test_a_board_bundle_is_ruff_clean_in_chinese(tmp_path: Path) -> None:
    bundle = render(_spec("zh-Hans", ends=()), tmp_path / "zh")
    assert ruff_problems(Path(bundle.path)) == []
    source = (Path(bundle.path) / "components.py").read_text(encoding="utf-8")
    assert "进入下一步" in source and "Move to the next step" not in source


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"ends": ["Lost"]}, "end 'Lost' is not an option"),
        ({"status_field": "reason"}, "expected one of ['choice']"),
        ({"links": {"person": "team"}}, "entity 'team', which does not exist"),
        ({"links": {"reason": "person"}}, "field request.reason is a text"),
    ],
)
def test_a_board_or_a_link_that_names_the_wrong_thing_is_rejected(change: dict, problem: str) -> None:
    spec = _spec().model_dump()
    spec["screens"][0]["components"][0].update(change)
    with pytest.raises(ValueError, match=problem.replace("[", r"\[").replace("]", r"\]").replace("(", r"\(")):
        AppSpec.model_validate(spec)
