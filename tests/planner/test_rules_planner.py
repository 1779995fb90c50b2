"""Record keepers whose point is a rule: the planner reads the rule and its numbers from the sentence (en, zh-Hans,
zh-Hant) into a rule component, and leaves sentences without such a rule to their own apps."""

from __future__ import annotations

import pytest

from flashapps.spec import RuleComponent
from generator.planner import plan


def _rule(idea: str) -> RuleComponent:
    planned = plan(idea)
    assert planned.pattern == "rules", (idea, planned.pattern)
    found = [c for c in planned.spec.components() if isinstance(c, RuleComponent)]
    assert len(found) == 1, idea
    return found[0]


@pytest.mark.parametrize(
    ("idea", "days"),
    [
        ("Holiday requests for the office: staff ask for days off, a manager approves, 25 days per year each", 25),
        ("Vacation requests for my team with a 20 day annual allowance and manager approval", 20),
        ("员工请假申请：填写开始和结束日期、请假类型，经理审批，每人每年12天年假，显示剩余天数", 12),
        ("員工請假系統，主管核准或駁回，每人每年有14天特休，超過餘額不能申請", 14),
        ("A time off tracker that shows each person's remaining balance after approved leave", 15),
    ],
)
def test_a_yearly_allowance_with_approval(idea: str, days: int) -> None:
    rule = _rule(idea)
    assert rule.rule == "allowance"
    assert rule.amount == days
    spec = plan(idea).spec
    assert any(c.kind == "board" for c in spec.components())  # approve or reject
    status = spec.entity_map()["request"].field("status")
    assert status is not None and rule.approved in status.options


@pytest.mark.parametrize(
    ("idea", "days", "fine", "unit"),
    [
        ("A library loan app: books and readers, a loan is due 30 days later, a fine of 0.5 per day late", 30, 0.5, ""),
        ("Tool lending library for our street: members borrow tools for 7 days, $2 a day late", 7, 2, "$"),
        ("图书借阅管理：登记图书和读者，借书后自动设置14天后的归还日期，逾期每天罚款1元", 14, 1, "元"),
        ("班級圖書借閱，借期21天，逾期每天罰款5角，列出逾期未還的書", 21, 0.5, "元"),
        ("Equipment checkout for the media club with overdue list", 14, 0, ""),
    ],
)
def test_loans_with_a_due_date_and_a_fine(idea: str, days: int, fine: float, unit: str) -> None:
    rule = _rule(idea)
    assert rule.rule == "loan"
    assert (rule.amount, rule.fine) == (days, fine)
    if unit:
        assert rule.unit == unit
    entities = plan(idea).spec.entity_map()
    assert {"loan", "item", "person"} <= set(entities)


@pytest.mark.parametrize(
    "idea",
    [
        "Tuition payments for my piano students: pick a month and list who has not paid",
        "Club dues: record who paid each month and show who still owes",
        "会员缴费记录：选择月份，列出本月还没交费的会员",
        "社團會費，每月登記誰交了，選一個月看誰還沒交",
        "Weekly check-in for volunteers: see who hasn't checked in",
    ],
)
def test_who_has_no_record_this_month(idea: str) -> None:
    rule = _rule(idea)
    assert rule.rule == "unpaid"
    assert rule.people == "person"


def test_health_readings_are_typed_and_flagged() -> None:
    rule = _rule("Blood pressure log with systolic, diastolic and pulse, morning or evening, flag above 135/85 in red")
    limits = {limit.field: limit.above for limit in rule.limits}
    assert limits["systolic"] == 135 and limits["diastolic"] == 85
    spec = plan("血压记录：早晚测量，收缩压、舒张压、心率，超标标红").spec
    reading = spec.entity_map()["reading"]
    assert {f.name: f.type for f in reading.fields}["systolic"] == "int"
    assert reading.field("when").options == ["早上", "晚上"]  # type: ignore[union-attr]
    assert any(c.kind == "chart" for c in spec.components())
    sugar = _rule("血糖記錄：空腹或餐後，單位mmol/L，空腹超過7.0標紅")
    assert [(limit.above, limit.when) for limit in sugar.limits] == [(7.0, "空腹"), (11.1, "餐後")]
    mg = _rule("Blood sugar log in mg/dL, fasting or after meals, red when too high")
    assert mg.limits[0].above == 126
    fever = _rule("Log my kid's temperature and flag anything over 38.5")
    assert fever.limits[0].above == 38.5
    assert any("not medical advice" in (c.note or "") for c in [fever])


@pytest.mark.parametrize(
    ("idea", "pattern"),
    [
        ("A plain todo list", None),
        ("A simple water tracker to log glasses of water", None),
        ("A reading log of the books I read", None),
        ("Catalogue my book collection with author and genre", None),
        ("Track my monthly expenses by category", None),
        ("我的待办清单", None),
    ],
)
def test_sentences_without_a_rule_keep_their_app(idea: str, pattern: str | None) -> None:
    planned = plan(idea)
    assert planned.pattern != "rules", idea
    assert not any(isinstance(c, RuleComponent) for c in planned.spec.components())


@pytest.mark.parametrize(
    ("idea", "days", "soon"),
    [
        ("Lost and found log for our school: flag items older than 30 days to donate", 30, False),
        ("失物招領登記，超過14天無人認領就捐出", 14, False),
        ("冰箱食物保质期管理，3天内过期的标红", 3, True),
        ("Track food in my pantry with expiry dates and warn me 5 days before", 5, True),
    ],
)
def test_items_flagged_by_age_or_expiry(idea: str, days: int, soon: bool) -> None:
    rule = _rule(idea)
    assert (rule.rule, rule.amount, rule.soon) == ("age", days, soon)


def test_a_todo_with_overdue_tasks_is_not_an_expiry_list() -> None:
    assert plan("待办清单，过期的任务标红").pattern != "rules"
