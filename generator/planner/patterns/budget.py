"""Budgets and money logs: expenses (optionally income), donations and sales, with month totals and charts."""

from __future__ import annotations

from dataclasses import dataclass

from flashapps.spec import AppSpec, Brief, DataField, Entity, FormComponent, Metric, MetricComponent, Screen
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, note_field, path, step
from generator.planner.patterns.records import choice_options, history_screen, log_screen, save_path

__all__ = ["PATTERN"]

KEYWORDS = {
    "expense": 10,
    "budget": 8,
    "spending": 8,
    "spend": 5,
    "money": 4,
    "finance": 5,
    "income": 4,
    "cost": 3,
    "receipt": 5,
    "sales": 5,
    "donat": 8,
    "funds": 5,
    "bill": 2,
    "transaction": 4,
    "ledger": 6,
    "记账": 10,
    "账本": 10,
    "开支": 8,
    "花费": 8,
    "支出": 8,
    "预算": 8,
    "收入": 4,
    "消费": 6,
    "花了": 6,
    "理财": 3,
    "捐款": 8,
    "销售": 6,
    "营业额": 6,
}


@dataclass(frozen=True)
class Ledger:
    title: tuple[str, str]
    value: tuple[str, str]
    icon: str
    theme: str
    category: tuple[str, str]
    options: tuple[list[str], list[str]]
    goal_kind: str
    total: tuple[str, str]


_EXPENSES = Ledger(
    ("Expense Tracker", "记账本"),
    (
        "Log what you spend, see where it goes and stay under your monthly budget.",
        "记下每笔花费，看清钱花在哪里，守住每月预算。",
    ),
    "💰",
    "green",
    ("Category", "类别"),
    (
        ["Food", "Transport", "Entertainment", "Shopping", "Bills", "Health", "Other"],
        ["餐饮", "交通", "娱乐", "购物", "账单", "医疗", "其他"],
    ),
    "stay_under",
    ("Spent this month", "本月支出"),
)
_DONATIONS = Ledger(
    ("Donation Tracker", "捐款记录"),
    ("Track every donation and how much you have given this year.", "记录每一笔捐款和累计捐赠金额。"),
    "💝",
    "pink",
    ("Cause", "领域"),
    (
        ["Education", "Health", "Environment", "Animals", "Disaster relief", "Other"],
        ["教育", "医疗", "环保", "动物", "救灾", "其他"],
    ),
    "reach",
    ("Given this month", "本月捐赠"),
)
_SALES = Ledger(
    ("Sales Log", "销售记录"),
    ("Record every sale and watch this month's revenue grow.", "记录每一笔销售，看本月营业额增长。"),
    "🧾",
    "teal",
    ("Product", "商品"),
    (["Product A", "Product B", "Service", "Other"], ["商品 A", "商品 B", "服务", "其他"]),
    "reach",
    ("Sales this month", "本月销售额"),
)


def _ledger(ctx: Context) -> Ledger:
    if ctx.has("donat", "charity", "捐款", "捐赠", "慈善"):
        return _DONATIONS
    if ctx.has("sales", "sale$", "revenue", "receipt", "销售", "营业额", "收银"):
        return _SALES
    return _EXPENSES


def _currency(ctx: Context) -> str:
    units = {q.unit for q in ctx.quantities}
    if "cny" in units or (ctx.zh and not units & {"usd", "eur", "gbp", "jpy"}):
        return ctx.t("CNY", "元")
    for unit, sign in (("eur", "€"), ("gbp", "£"), ("jpy", "¥")):
        if unit in units:
            return sign
    return "$"


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    ledger = _ledger(ctx)
    unit = _currency(ctx)
    options = choice_options(ctx.items, t.items(*ledger.options))
    entity = Entity(
        name="entry",
        label=t(*ledger.title),
        fields=[
            DataField(name="amount", label=t("Amount", "金额"), type="float", unit=unit, min=0.01, max=1_000_000),
            DataField(name="category", label=t(*ledger.category), type="choice", options=options, default=options[0]),
            date_field(t),
            note_field(t),
        ],
    )
    goal = ctx.goal.value if ctx.goal and ctx.goal.period == "month" else (2000.0 if ledger is _EXPENSES else None)
    if ctx.goal and ctx.goal.period == "day":
        goal = ctx.goal.value * 30
    metrics = [
        Metric(
            name="month_total",
            label=t(*ledger.total),
            entity="entry",
            field="amount",
            agg="sum",
            period="month",
            date_field="day",
            goal=goal,
            goal_kind=ledger.goal_kind,
            unit=unit,
            decimals=2,
        ),
        Metric(
            name="today_total",
            label=t("Today", "今天"),
            entity="entry",
            field="amount",
            agg="sum",
            period="today",
            date_field="day",
            unit=unit,
            decimals=2,
        ),
        Metric(
            name="count",
            label=t("Entries this month", "本月笔数"),
            entity="entry",
            agg="count",
            period="month",
            date_field="day",
        ),
    ]
    entities, screens = [entity], [log_screen(ctx, entity, [m.name for m in metrics], ledger.icon)]
    income = ledger is _EXPENSES and ctx.has("income", "earn", "salary", "收入", "工资")
    if income:
        sources = t.items(
            ["Salary", "Freelance", "Gift", "Investment", "Other"], ["工资", "兼职", "礼金", "投资", "其他"]
        )
        entities.append(
            Entity(
                name="income",
                label=t("Income", "收入"),
                fields=[
                    DataField(
                        name="amount", label=t("Amount", "金额"), type="float", unit=unit, min=0.01, max=10_000_000
                    ),
                    DataField(
                        name="source", label=t("Source", "来源"), type="choice", options=sources, default=sources[0]
                    ),
                    date_field(t),
                    note_field(t),
                ],
            )
        )
        metrics.append(
            Metric(
                name="month_income",
                label=t("Income this month", "本月收入"),
                entity="income",
                field="amount",
                agg="sum",
                period="month",
                date_field="day",
                unit=unit,
                decimals=2,
            )
        )
        screens.append(
            Screen(
                name="income",
                title=t("Income", "收入"),
                icon="💵",
                components=[
                    FormComponent(id="add_income", entity="income"),
                    MetricComponent(id="month_income", metric="month_income"),
                ],
            )
        )
    screens.append(history_screen(ctx, entity, category="category", y="amount", en="Breakdown", zh="分析", icon="📊"))
    paths = [
        save_path(
            "log_an_entry",
            t("I log 12.50 and see it in this month's total and the list.", "我记一笔 12.50，本月合计和列表随之更新。"),
            {"amount": 12.5, "category": options[1]},
            [("month_total.value", 12.5), ("today_total.value", 12.5), ("log.rows", 1)],
        ),
        save_path(
            "month_adds_up",
            t("Two entries add up in the month's total.", "两笔记录在本月合计中累加。"),
            {"amount": 20.0, "category": options[0]},
            [("month_total.value", 40.0), ("count.value", 2)],
            times=2,
        ),
    ]
    if income:
        paths.append(
            path(
                "log_income",
                t("I log my salary as income.", "我记录一笔工资收入。"),
                [step("set", "add_income__amount", 3000.0), step("click", "add_income__submit")],
                [expect("month_income.value", 3000.0, "approx")],
            )
        )
    brief = Brief(
        title=t(*ledger.title) if not income else t("Income & Expenses", "收支记账本"),
        value=t(*ledger.value),
        audience=t("Anyone who wants to know where their money goes", "想管好自己钱包的每一个人"),
        language=ctx.language,
        icon=ledger.icon,
        category="finance",
        metrics=metrics,
        inputs=[t("amount", "金额"), t(*ledger.category), t("date", "日期")],
        feedback=[
            t(
                "this month's total" + (" against the budget" if goal else ""),
                "本月合计" + ("对比预算" if goal else ""),
            ),
            t("a breakdown by category and by day", "按类别和按天的分布"),
        ],
        theme=ctx.theme(ledger.theme),
    )
    return AppSpec(brief=brief, entities=entities, screens=screens, key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="budget",
    label_en="budget & expenses",
    label_zh="记账预算",
    score=score,
    build=build,
    hint_en="expenses",
    hint_zh="记账",
)
