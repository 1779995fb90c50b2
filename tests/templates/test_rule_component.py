"""The rule component in generated apps, driven with real records: a request over the yearly balance is refused,
a loan falls due N days later and owes the fine per day late, the month view lists exactly who has no record,
and a reading beyond its limit is marked."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.templates.app_under_test import open_app, shown


def _add(at: AppTest, entity: str, name: str) -> AppTest:
    at.text_input(key=f"{entity}_add__name").set_value(name)
    return at.button(key=f"{entity}_add__submit").click().run()


def test_a_request_over_the_balance_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "Leave requests for my team: the manager approves or rejects, everyone gets 15 days a year"
    _, at = open_app(idea, tmp_path, monkeypatch)
    _add(at, "person", "Ana")
    at.date_input(key="leave__start").set_value(dt.date(2026, 3, 2))
    at.date_input(key="leave__end").set_value(dt.date(2026, 3, 17))  # 16 days with 15 left
    at = at.button(key="leave__submit").click().run()
    assert shown(at, "leave.days") == 16
    assert shown(at, "leave.refused") == 1
    assert shown(at, "leave.saved") == 0
    at.date_input(key="leave__end").set_value(dt.date(2026, 3, 16))  # 15 days: exactly what is left
    at = at.button(key="leave__submit").click().run()
    assert shown(at, "leave.saved") == 1
    at.date_input(key="leave__start").set_value(dt.date(2026, 5, 1))
    at.date_input(key="leave__end").set_value(dt.date(2026, 5, 1))  # one more day: 15 are waiting already
    at = at.button(key="leave__submit").click().run()
    assert shown(at, "leave.refused") == 2
    assert shown(at, "board.open") == 1
    at = at.button(key="board__next").click().run()  # approved
    assert shown(at, "board.done") == 1


def test_balance_counts_approved_days_only_this_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("员工请假申请，经理审批，每人每年10天年假，显示剩余天数", tmp_path, monkeypatch)
    _add(at, "person", "王芳")
    year = dt.date.today().year
    at.date_input(key="leave__start").set_value(dt.date(year, 1, 5))
    at.date_input(key="leave__end").set_value(dt.date(year, 1, 8))
    at = at.button(key="leave__submit").click().run()
    assert shown(at, "leave.saved") == 1
    assert shown(at, "leave.left") == 10  # waiting, not approved yet
    at = at.button(key="board__next").click().run()
    assert shown(at, "leave.left") == 6
    assert "已拒绝" not in " ".join(e.value for e in at.error)


def test_a_loan_is_due_later_and_owes_the_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "Library loans of books to readers: due 30 days later, a fine of 0.5 per day late"
    _, at = open_app(idea, tmp_path, monkeypatch)
    _add(at, "item", "The Hobbit")
    at = _add(at, "person", "Ben")
    at.date_input(key="loans__day").set_value(dt.date(2026, 3, 1))
    at = at.button(key="loans__lend").click().run()
    assert shown(at, "loans.due") == "2026-03-31"
    at = at.date_input(key="loans__asof").set_value(dt.date(2026, 3, 31)).run()
    assert shown(at, "loans.overdue") == 0
    assert shown(at, "loans.fines") == 0
    at = at.date_input(key="loans__asof").set_value(dt.date(2026, 4, 3)).run()
    assert shown(at, "loans.overdue") == 1
    assert shown(at, "loans.fines") == 1.5  # 3 days × 0.5
    at = at.button(key="loans__back").click().run()  # returned on 3 April: still owes, no longer open
    assert shown(at, "loans.open") == 0
    assert shown(at, "loans.overdue") == 0
    assert shown(at, "loans.fines") == 1.5


def test_the_month_lists_exactly_who_has_not_paid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, at = open_app("社團會費：每月登記誰交了，選一個月看誰還沒交", tmp_path, monkeypatch)
    for name in ("陳一", "林二", "黃三"):
        at = _add(at, "person", name)
    at.selectbox(key="record_add__person").set_value(2)  # the second person added
    at = at.button(key="record_add__submit").click().run()
    assert shown(at, "missing.paid") == 1
    assert shown(at, "missing.unpaid") == ["陳一", "黃三"]
    last = dt.date.today().replace(day=1) - dt.timedelta(days=1)
    at = at.selectbox(key="missing__month").set_value(f"{last.year}-{last.month:02d}").run()
    assert shown(at, "missing.unpaid") == ["陳一", "林二", "黃三"]


def test_a_reading_beyond_the_limit_is_flagged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    idea = "Blood pressure log, morning and evening, systolic diastolic pulse, flag above 140/90 in red"
    _, at = open_app(idea, tmp_path, monkeypatch)
    for high, low in ((150, 95), (120, 80), (135, 92)):
        at.number_input(key="add__systolic").set_value(high)
        at.number_input(key="add__diastolic").set_value(low)
        at = at.button(key="add__submit").click().run()
    assert shown(at, "flags.flagged") == 2  # 150/95 and 135/92 (diastolic over 90)
    at = at.checkbox(key="flags__only").check().run()
    assert shown(at, "flags.rows") == 2
    assert any("140" in c.value for c in at.caption)
    assert any("not medical advice" in c.value for c in at.caption)


@pytest.mark.parametrize(
    ("idea", "marked", "clear"),
    [
        ("Lost and found for the school office: flag items older than 30 days to donate", -31, -30),
        ("冰箱食物保质期管理，3天内过期的标红", 3, 4),
    ],
)
def test_items_are_flagged_by_their_date(
    idea: str, marked: int, clear: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _, at = open_app(idea, tmp_path, monkeypatch)
    for name, days in (("A", marked), ("B", clear)):
        at.text_input(key="add__name").set_value(name)
        at.date_input(key="add__day").set_value(dt.date.today() + dt.timedelta(days=days))
        at = at.button(key="add__submit").click().run()
    assert shown(at, "flags.flagged") == 1
    at = at.checkbox(key="flags__only").check().run()
    assert shown(at, "flags.rows") == 1
