"""Checklists split into the categories a sentence names, with a reset; the fallback collection keeps the
fields a sentence lists and never makes up statuses or ratings."""

from __future__ import annotations

import pytest

from flashapps.spec import AppSpec, ChecklistComponent
from generator.planner import plan


def _checklists(spec: AppSpec) -> list[ChecklistComponent]:
    return [c for c in spec.components() if isinstance(c, ChecklistComponent)]


@pytest.mark.parametrize(
    ("idea", "titles"),
    [
        (
            "Beach trip packing list with categories clothes, toiletries and documents",
            ["Clothes", "Toiletries", "Documents"],
        ),
        ("出差行李清单，分成证件、电子、洗漱三类，能一键重置", ["证件", "电子", "洗漱"]),
        ("搬家打包清單，分為廚房、臥室、書房", ["廚房", "臥室", "書房"]),
    ],
)
def test_a_list_with_named_categories_has_one_checklist_each_and_a_reset(idea: str, titles: list[str]) -> None:
    spec = plan(idea).spec
    lists = _checklists(spec)
    assert [c.title for c in lists] == titles
    assert all(c.reset and c.editable for c in lists)
    assert not any(item in titles for c in lists for item in c.items)  # no category repeated as an item


def test_common_categories_start_with_usual_items_and_others_start_empty() -> None:
    spec = plan("Camping checklist with categories gear, food and fishing stuff")
    lists = _checklists(spec.spec)
    assert lists[0].items and lists[1].items
    assert lists[2].items == []


def test_a_single_checklist_gets_a_reset_only_when_asked() -> None:
    asked = _checklists(plan("Packing list for my ski trip with a reset button").spec)
    assert len(asked) == 1 and asked[0].reset
    plain = _checklists(plan("Packing list for my ski trip").spec)
    assert len(plain) == 1 and not plain[0].reset


@pytest.mark.parametrize(
    "idea",
    [
        "Duty roster for my class: 25 students, 3 on duty each school day, rotating fairly, weekends skipped.",
        "值日生輪流表：全班30人，每天2人，週末不排。",
        "Something for my neighbourhood garden club",
    ],
)
def test_the_fallback_never_makes_up_status_or_rating_fields(idea: str) -> None:
    spec = plan(idea).spec
    for entity in spec.entities:
        names = {f.name for f in entity.fields}
        assert not names & {"group", "details", "rating"}, names
        labels = {f.label for f in entity.fields}
        assert not labels & {"Rating", "Status", "评分", "評分", "状态", "狀態"}, labels
    assert "：" not in spec.brief.title and ":" not in spec.brief.title


def test_an_inventory_field_list_names_no_categories() -> None:
    spec = plan("Low stock alerts for my art supplies: item, quantity, minimum level.").spec
    category = next(f for e in spec.entities for f in e.fields if f.name == "category")
    assert not {"Item", "Quantity", "Minimum level"} & set(category.options)
    named = plan("Pantry inventory with categories baking, canned food and spices").spec
    category = next(f for e in named.entities for f in e.fields if f.name == "category")
    assert category.options == ["Baking", "Canned food", "Spices"]


@pytest.mark.parametrize(
    "idea", ["Track my squats every day and show my total", "记录我的跳绳次数", "記錄每天做了幾個伏地挺身，顯示總數"]
)
def test_a_counted_activity_is_logged_as_a_number_not_a_rating(idea: str) -> None:
    spec = plan(idea).spec
    amount = next(f for e in spec.entities for f in e.fields if f.name == "amount")
    assert amount.type == "int"
    assert "每天" not in spec.brief.title and "every" not in spec.brief.title.lower()


def test_a_whether_item_of_a_log_is_a_yes_no_field() -> None:
    spec = plan("Garden log: plant name, date watered, amount in ml, whether I added compost").spec
    flag = next(f for e in spec.entities for f in e.fields if f.type == "bool")
    assert flag.label == "Added compost"


def test_a_status_board_names_its_statuses_after_a_colon() -> None:
    result = plan("Job status board for my sign shop: quoted, approved, printing, installed.")
    assert result.pattern == "collection"
    board = next(c for c in result.spec.components() if c.kind == "board")
    status = result.spec.entity_map()[board.entity].field(board.status_field)
    assert status is not None and status.options[:4] == ["Quoted", "Approved", "Printing", "Installed"]
