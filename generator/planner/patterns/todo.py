"""Planners: to-do lists, kanban boards, daily routines and packing/shopping checklists."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    CsvComponent,
    DataField,
    Entity,
    FilterComponent,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import (
    Context,
    Match,
    Pattern,
    Variant,
    best_variant,
    date_field,
    expect,
    path,
    step,
)
from generator.planner.patterns.checklists import checklist, list_sections, sectioned
from generator.planner.patterns.records import choice_options, save_path, save_steps

__all__ = ["PATTERN"]

KEYWORDS = {
    "to-do": 8,
    "todo": 8,
    "to do list": 8,
    "task": 5,
    "kanban": 10,
    "checklist": 8,
    "check list": 8,
    "packing": 8,
    "routine": 5,
    "shopping list": 8,
    "grocery": 6,
    "planner": 4,
    "project board": 8,
    "待办": 10,
    "任务": 6,
    "清单": 6,
    "看板": 10,
    "打包": 6,
    "行李": 6,
    "购物清单": 8,
    "计划表": 6,
    "日程": 4,
}


def _tasks(ctx: Context, kanban: bool) -> AppSpec:
    t = ctx.t
    statuses = (
        choice_options(ctx.items, t.items(["To Do", "In Progress", "Done"], ["待办", "进行中", "已完成"]))
        if kanban
        else []
    )
    priorities = t.items(["High", "Medium", "Low"], ["高", "中", "低"])
    labels = t.items(["Work", "Personal", "Study", "Home", "Urgent"], ["工作", "个人", "学习", "家务", "紧急"])
    fields = [DataField(name="title", label=t("Task", "任务"))]
    if kanban:
        fields.append(
            DataField(name="status", label=t("Column", "状态"), type="choice", options=statuses, default=statuses[0])
        )
    fields += [
        DataField(
            name="priority", label=t("Priority", "优先级"), type="choice", options=priorities, default=priorities[1]
        ),
        DataField(name="labels", label=t("Labels", "标签"), type="multi_choice", options=labels, required=False),
        date_field(t, "due", "Due", "截止日期"),
    ]
    if not kanban:
        fields.append(DataField(name="done", label=t("Done", "已完成"), type="bool", default=False))
    fields.append(DataField(name="note", label=t("Details", "详情"), type="long_text", required=False))
    entity = Entity(name="task", label=t("Task", "任务"), fields=fields)
    category = "status" if kanban else "priority"
    metrics = [
        Metric(name="all_tasks", label=t("Tasks", "任务总数"), entity="task", agg="count"),
        Metric(
            name="due_today",
            label=t("Due today", "今天截止"),
            entity="task",
            agg="count",
            period="today",
            date_field="due",
        ),
        Metric(
            name="due_week",
            label=t("Due this week", "本周截止"),
            entity="task",
            agg="count",
            period="week",
            date_field="due",
        ),
    ]
    board = Screen(
        name="board",
        title=t("Board", "看板") if kanban else t("Tasks", "任务"),
        icon="🗂️" if kanban else "✅",
        components=[
            FilterComponent(id="flt", entity="task", category_field=category, date_field="due", search=True),
            TableComponent(id="log", entity="task", columns=["title", category, "due", *([] if kanban else ["done"])]),
            ChartComponent(
                id="bycat",
                title=t("By column", "按状态") if kanban else t("By priority", "按优先级"),
                entity="task",
                chart="bar" if kanban else "pie",
                group_by="category",
                x=category,
                agg="count",
            ),
            CsvComponent(id="csv", entity="task"),
        ],
    )
    add = Screen(
        name="add",
        title=t("Add", "添加"),
        icon="➕",
        components=[
            FormComponent(id="add", entity="task", submit_label=t("Add task", "添加任务")),
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
        ],
    )
    task = t("Buy milk", "买牛奶")
    values: dict[str, object] = {"title": task, "priority": priorities[0]}
    if kanban:
        values["status"] = statuses[1]
    paths = [
        save_path(
            "add_a_task",
            t("I add a task due today and see it on the board.", "我添加一个今天截止的任务，并在列表中看到它。"),
            values,
            [("all_tasks.value", 1), ("due_today.value", 1), ("log.rows", 1)],
        ),
        path(
            "filter",
            t("I filter by a column and see only its tasks.", "我按状态筛选，只看到该状态的任务。")
            if kanban
            else t("I filter by priority and see only those tasks.", "我按优先级筛选，只看到这些任务。"),
            [*save_steps(values), step("set", "flt__category", [values[category]])],
            [expect("flt.rows", 1), expect("log.rows", 1)],
        ),
        path(
            "search",
            t("Searching for a word that no task has shows nothing.", "搜索不存在的词时列表为空。"),
            [*save_steps(values), step("set", "flt__search", "zzz")],
            [expect("flt.rows", 0)],
        ),
    ]
    if kanban:
        title, value = (
            t("Project Board", "项目看板"),
            t(
                "Plan work in columns, with labels, priorities and due dates.",
                "按列管理任务，带标签、优先级和截止日期。",
            ),
        )
        note = t(
            "Move a task to another column by editing its **Column** in the table's edit panel.",
            "在表格的编辑面板里修改 **状态**，即可把任务移到另一列。",
        )
    else:
        title, value = (
            t("To-Do List", "待办清单"),
            t(
                "Keep your tasks with priorities and due dates, and tick them off.",
                "记录带优先级和截止日期的任务，完成后勾掉。",
            ),
        )
        note = t(
            "Tick **Done** when editing a task to mark it finished; filter by priority or due date.",
            "编辑任务时勾选 **已完成** 即可标记完成；可以按优先级或截止日期筛选。",
        )
    board.components.insert(0, TextComponent(id="tip", body=note))
    brief = Brief(
        title=title,
        value=value,
        audience=t("Anyone juggling tasks", "事情很多的每一个人"),
        language=ctx.language,
        icon="🗂️" if kanban else "✅",
        category="planner",
        metrics=metrics,
        inputs=[f.label for f in fields[:4]],
        feedback=[t("tasks due today and this week", "今天和本周截止的任务")],
        theme=ctx.theme("indigo" if kanban else "blue"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[add, board], key_paths=paths)


VARIANTS = (
    Variant("todo", {"to-do": 6, "todo": 6, "task": 4, "待办": 6, "任务": 4}, lambda ctx: _tasks(ctx, False)),
    Variant(
        "kanban",
        {"kanban": 10, "board": 4, "column": 5, "in progress": 6, "drag": 3, "看板": 10, "进行中": 6},
        lambda ctx: _tasks(ctx, True),
    ),
    Variant(
        "routine",
        {"routine": 8, "daily checklist": 8, "morning": 5, "例行": 8, "作息": 6, "每日清单": 8},
        lambda ctx: checklist(ctx, "routine"),
    ),
    Variant(
        "packing",
        {"packing": 10, "pack": 4, "travel": 4, "trip": 3, "luggage": 8, "打包": 10, "行李": 10, "旅行": 4},
        lambda ctx: checklist(ctx, "packing"),
    ),
    Variant(
        "shopping",
        {"shopping list": 10, "grocery": 10, "groceries": 10, "购物清单": 10, "买菜": 8},
        lambda ctx: checklist(ctx, "shopping"),
    ),
)


def build(ctx: Context) -> AppSpec:
    variant, _ = best_variant(ctx, VARIANTS)
    sections = list_sections(ctx)
    if len(sections) >= 2 and variant.name != "kanban":
        return sectioned(ctx, sections, variant.name)
    return variant.build(ctx)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="todo",
    label_en="to-do planner",
    label_zh="待办计划",
    score=score,
    build=build,
    hint_en="to-do list",
    hint_zh="待办",
)
