"""Rule apps over people and their records: leave requests against a yearly allowance (approved on a board),
loans with an automatic due date and a fine a day late, and who has no record in a picked month."""

from __future__ import annotations

import datetime as dt

from flashapps.spec import (
    AppSpec,
    BoardComponent,
    Brief,
    Component,
    DataField,
    Entity,
    FormComponent,
    Metric,
    RuleComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import Context, expect, path, step
from generator.planner.patterns.rules_read import RuleRead

__all__ = ["build_people_rule"]

_PEOPLE = (
    (("student", "pupil", "学生", "學生", "学员", "學員"), ("Students", "学生"), "🎒"),
    (("reader", "读者", "讀者"), ("Readers", "读者"), "📖"),
    (("volunteer", "志愿者", "志工"), ("Volunteers", "志愿者"), "🙋"),
    (("employee", "staff", "team", "worker", "员工", "員工", "同事"), ("Staff", "员工"), "👥"),
    (("member", "会员", "會員", "社员", "社員", "成员", "成員"), ("Members", "会员"), "👥"),
    (("tenant", "租客", "房客"), ("Tenants", "租客"), "🏠"),
)
_ITEMS = (
    (("book", "书", "書", "图书", "圖書"), ("Books", "图书"), "📚"),
    (("tool", "工具"), ("Tools", "工具"), "🧰"),
    (("equipment", "device", "camera", "laptop", "器材", "设备", "設備"), ("Equipment", "器材"), "🎥"),
    (("game", "游戏", "桌游"), ("Games", "游戏"), "🎲"),
)


def _pick(ctx: Context, table: tuple, fallback: tuple) -> tuple[str, str, str]:
    for words, (en, zh), icon in table:
        if ctx.has(*words):
            return ctx.t(en, zh), ctx.t(en, zh), icon
    en, zh, icon = fallback
    return ctx.t(en, zh), ctx.t(en, zh), icon


def _people(ctx: Context, fallback: tuple) -> Entity:
    label = _pick(ctx, _PEOPLE, fallback)[0]
    fields = [DataField(name="name", label=ctx.t("Name", "姓名"), type="text")]
    fields.append(DataField(name="note", label=ctx.t("Note", "备注"), type="text", required=False))
    return Entity(name="person", label=label, fields=fields)


def _link(ctx: Context, name: str, en: str, zh: str) -> DataField:
    return DataField(name=name, label=ctx.t(en, zh), type="int", required=True)


def _list_screen(ctx: Context, entity: Entity, icon: str, submit: tuple[str, str]) -> Screen:
    components: list[Component] = [
        FormComponent(id=f"{entity.name}_add", entity=entity.name, submit_label=ctx.t(*submit)),
        TableComponent(id=f"{entity.name}_list", entity=entity.name),
    ]
    return Screen(name=entity.name, title=entity.label, icon=icon, components=components)


def _add(entity: str, value: str) -> list:
    return [step("set", f"{entity}_add__name", value), step("click", f"{entity}_add__submit")]


def _brief(ctx: Context, title: str, value: str, icon: str, metrics: list[Metric], inputs: list[str]) -> Brief:
    return Brief(
        title=title,
        value=value,
        audience=ctx.t("A team, a class or a club that keeps records", "需要管理记录的团队、班级或社团"),
        language=ctx.language,
        icon=icon,
        category="planner",
        metrics=metrics,
        inputs=inputs,
        feedback=[ctx.t("the rule worked out on every record", "每条记录都按规则自动计算")],
        theme=ctx.theme("indigo"),
    )


def _allowance(ctx: Context, rule: RuleRead) -> AppSpec:
    t = ctx.t
    people = _people(ctx, ("Staff", "员工", "👥"))
    flow = t.items(["Pending", "Approved"], ["待审批", "已批准"])
    ends = [t("Rejected", "已驳回")]
    kinds = t.items(["Annual", "Sick", "Personal"], ["年假", "病假", "事假"])
    fields = [
        _link(ctx, "person", people.label, people.label),
        DataField(name="start", label=t("From", "开始日期"), type="date"),
        DataField(name="end", label=t("To", "结束日期"), type="date"),
        DataField(name="kind", label=t("Type", "类型"), type="choice", options=kinds, default=kinds[0]),
        DataField(name="reason", label=t("Reason", "事由"), type="text", required=False),
        DataField(name="status", label=t("Status", "状态"), type="choice", options=[*flow, *ends], default=flow[0]),
    ]
    requests = Entity(name="request", label=t("Requests", "申请"), fields=fields)
    days = int(rule.amount) if float(rule.amount).is_integer() else rule.amount
    check = RuleComponent(
        id="leave",
        rule="allowance",
        entity="request",
        people="person",
        person="person",
        start="start",
        end="end",
        status="status",
        approved=flow[1],
        amount=rule.amount,
        title=t(f"Ask for time off ({days} days a year)", f"申请休假（每年 {days} 天）"),
    )
    board = BoardComponent(id="board", entity="request", status_field="status", ends=ends, links={"person": "person"})
    how = t(
        f"Each person has {days} days a year. A request counts its days from the first to the last day; "
        "it is refused when it asks more than is left (approved and waiting days taken off). "
        "The manager approves or rejects each request on the board.",
        f"每人每年 {days} 天。申请天数按开始到结束日期（含首尾）计算；"
        "超过剩余天数（已批准和待审批的都算）会被拒绝。经理在看板上批准或驳回。",
    )
    screens = [
        Screen(
            name="ask",
            title=t("Request", "申请"),
            icon="🏖️",
            components=[check, TextComponent(id="how", body=how)],
        ),
        Screen(name="approve", title=t("Approve", "审批"), icon="✅", components=[board]),
        Screen(
            name="requests",
            title=t("All requests", "全部申请"),
            icon="🗂️",
            components=[TableComponent(id="request_list", entity="request", links={"person": "person"})],
        ),
        _list_screen(ctx, people, "👥", ("Add person", "添加人员")),
    ]
    name = ctx.script("王芳") if ctx.zh else "Ana Silva"
    over = int(rule.amount) + 1
    paths = [
        path(
            "refuse_over_balance",
            t(
                f"A request for {over} days with {days} left is refused; one for 2 days is sent.",
                f"剩 {days} 天时申请 {over} 天被拒绝；申请 2 天则提交成功。",
            ),
            [
                *_add("person", name),
                step("set", "leave__start", "2026-03-02"),
                step("set", "leave__end", f"2026-03-{1 + over:02d}" if over < 30 else "2026-04-30"),
                step("click", "leave__submit"),
                step("set", "leave__end", "2026-03-03"),
                step("click", "leave__submit"),
            ],
            [expect("leave.refused", 1), expect("leave.saved", 1), expect("board.open", 1)],
        )
    ]
    metrics = [Metric(name="count", label=t("Requests", "申请数"), entity="request", agg="count")]
    value = t(
        f"Time-off requests with approval and a {days}-day yearly allowance per person.",
        f"请假申请与审批，每人每年 {days} 天额度，自动算剩余天数。",
    )
    title = t("Leave Requests", "请假申请")
    brief = _brief(ctx, title, value, "🏖️", metrics, [requests.label, people.label])
    return AppSpec(brief=brief, entities=[requests, people], screens=screens, key_paths=paths)


def _loan(ctx: Context, rule: RuleRead) -> AppSpec:
    t = ctx.t
    people = _people(ctx, ("Borrowers", "借用人", "👥"))
    item_label, _, item_icon = _pick(ctx, _ITEMS, ("Items", "物品", "📦"))
    items = Entity(
        name="item",
        label=item_label,
        fields=[
            DataField(name="name", label=t("Name", "名称"), type="text"),
            DataField(name="code", label=t("Code", "编号"), type="text", required=False),
        ],
    )
    fields = [
        _link(ctx, "item", item_label, item_label),
        _link(ctx, "person", people.label, people.label),
        DataField(name="lent", label=t("Lent on", "借出日期"), type="date"),
        DataField(name="due", label=t("Due", "应还日期"), type="date"),
        DataField(name="returned", label=t("Returned on", "归还日期"), type="date", required=False),
    ]
    loans = Entity(name="loan", label=t("Loans", "借阅"), fields=fields)
    days = int(rule.amount)
    fine = rule.fine
    unit = rule.unit or ("" if not ctx.zh else "元")
    check = RuleComponent(
        id="loans",
        rule="loan",
        entity="loan",
        people="person",
        person="person",
        items="item",
        item="item",
        start="lent",
        end="due",
        returned="returned",
        amount=days,
        fine=fine,
        unit=unit,
        title=t(f"Lend (due in {days} days)", f"借出（{days} 天后到期）"),
    )
    fine_text = f"{fine:g} {unit}".strip()
    how = t(
        f"A loan is due {days} days after the day it is lent." + (f" Each day late costs {fine_text}." if fine else ""),
        f"借出后 {days} 天到期。" + (f"逾期每天罚款 {fine_text}。" if fine else ""),
    )
    links = {"item": "item", "person": "person"}
    screens = [
        Screen(name="lend", title=t("Loans", "借还"), icon="🔁", components=[check, TextComponent(id="how", body=how)]),
        Screen(
            name="history",
            title=t("All loans", "借阅记录"),
            icon="🗂️",
            components=[TableComponent(id="loan_list", entity="loan", links=links)],
        ),
        _list_screen(ctx, items, item_icon, ("Add", "添加")),
        _list_screen(ctx, people, "👥", ("Add person", "添加人员")),
    ]
    owed = round(3 * fine, 2)
    paths = [
        path(
            "due_and_fine",
            t(
                f"Lent on 1 March, it is due {days} days later; three days after that it owes {3 * fine:g}.",
                f"3月1日借出，{days} 天后到期；逾期三天应罚 {3 * fine:g}。",
            ),
            [
                *_add("item", ctx.script("小王子") if ctx.zh else "The Hobbit"),
                *_add("person", ctx.script("李明") if ctx.zh else "Ben Okafor"),
                step("set", "loans__day", "2026-03-01"),
                step("click", "loans__lend"),
                step("set", "loans__asof", _plus("2026-03-01", days + 3)),
            ],
            [
                expect("loans.due", _plus("2026-03-01", days)),
                expect("loans.overdue", 1),
                expect("loans.fines", int(owed) if float(owed).is_integer() else owed),
            ],
        )
    ]
    metrics = [Metric(name="count", label=t("Loans", "借阅数"), entity="loan", agg="count")]
    value = t(
        f"Lend {item_label.lower()} to {people.label.lower()}: due {days} days later, "
        "late ones listed with their fine.",
        f"登记{item_label}借给{people.label}：{days} 天后自动到期，列出逾期与罚款。",
    )
    title = t(f"{item_label.removesuffix('s')} Loans", f"{item_label}借阅")
    brief = _brief(ctx, title, value, item_icon, metrics, [loans.label, item_label, people.label])
    return AppSpec(brief=brief, entities=[loans, items, people], screens=screens, key_paths=paths)


def _plus(day: str, days: int) -> str:
    return (dt.date.fromisoformat(day) + dt.timedelta(days=days)).isoformat()


def _unpaid(ctx: Context, rule: RuleRead) -> AppSpec:
    t = ctx.t
    people = _people(ctx, ("Members", "成员", "👥"))
    pay = ctx.has("pay", "paid", "fee", "tuition", "due", "owe", "交费", "缴", "繳", "费", "費", "付", "交钱", "学费")
    checkin = ctx.has("check in", "checked in", "check-in", "签到", "簽到", "打卡", "sign in", "signed in")
    if checkin and not pay:
        en, zh, icon = "Check-ins", "签到", "🙋"
    elif pay:
        en, zh, icon = "Payments", "缴费", "💳"
    else:
        en, zh, icon = "Records", "记录", "🗒️"
    fields = [
        _link(ctx, "person", people.label, people.label),
        DataField(name="day", label=t("Date", "日期"), type="date"),
    ]
    if pay:
        fields.append(DataField(name="amount", label=t("Amount", "金额"), type="float", required=False, min=0))
    fields.append(DataField(name="note", label=t("Note", "备注"), type="text", required=False))
    records = Entity(name="record", label=t(en, zh), fields=fields)
    check = RuleComponent(
        id="missing",
        rule="unpaid",
        entity="record",
        people="person",
        person="person",
        start="day",
        title=t(f"Who has no {en.lower()[:-1]} this month", f"本月谁还没有{zh}"),
    )
    links = {"person": "person"}
    screens = [
        Screen(
            name="record",
            title=t(en, zh),
            icon=icon,
            components=[
                FormComponent(id="record_add", entity="record", links=links, submit_label=t("Save", "保存")),
                check,
                TableComponent(id="record_list", entity="record", links=links),
            ],
        ),
        _list_screen(ctx, people, "👥", ("Add person", "添加人员")),
    ]
    first, second = ("王芳", "李明") if ctx.zh else ("Ana Silva", "Ben Okafor")
    paths = [
        path(
            "list_who_has_none",
            t(
                "Two people, one record this month: the month lists only the other one.",
                "两个人，本月只有一人有记录：月份视图只列出另一个人。",
            ),
            [
                *_add("person", ctx.script(first)),
                *_add("person", ctx.script(second)),
                step("click", "record_add__submit"),
            ],
            [expect("missing.unpaid", [ctx.script(second)]), expect("missing.paid", 1)],
        )
    ]
    metrics = [Metric(name="count", label=t(en, zh), entity="record", agg="count")]
    value = t(
        f"{en} per person; pick a month to see who has none yet.",
        f"按人登记{zh}，选一个月份即可看到谁还没有。",
    )
    title = t(f"{people.label.removesuffix('s')} {en}", f"{people.label}{zh}")
    brief = _brief(ctx, title, value, icon, metrics, [records.label, people.label])
    return AppSpec(brief=brief, entities=[records, people], screens=screens, key_paths=paths)


def build_people_rule(ctx: Context, rule: RuleRead) -> AppSpec:
    builder = {"allowance": _allowance, "loan": _loan, "unpaid": _unpaid}[rule.rule]
    return builder(ctx, rule)
