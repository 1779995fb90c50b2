"""Inventories: items with quantity, category and location (pantry items expire), low-stock at a glance,
and optionally stock-in / stock-out movements."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    Component,
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
from generator.planner.patterns.base import Context, Match, Pattern, date_field, expect, note_field, path, step
from generator.planner.patterns.records import choice_options, save_path, save_steps, title_case
from generator.planner.patterns.records_named import GROUPS, named_list

__all__ = ["PATTERN"]

KEYWORDS = {
    "inventory": 10,
    "online store": 8,
    "shop$": 4,
    "products": 4,
    "inventaris": 10,
    "stock": 6,
    "stok": 6,
    "warehouse": 8,
    "pantry": 10,
    "expir": 6,
    "catalog": 4,
    "asset": 5,
    "sku": 8,
    "supplies": 5,
    "collection": 2,
    "items": 2,
    "库存": 10,
    "仓库": 8,
    "物品": 6,
    "进货": 8,
    "出货": 8,
    "出入库": 10,
    "储藏": 6,
    "barang": 6,
    "食材": 4,
}
_CATEGORIES = {
    "pantry": (
        ["Grains", "Canned", "Dairy", "Produce", "Snacks", "Spices", "Drinks"],
        ["主食", "罐头", "乳制品", "蔬果", "零食", "调料", "饮料"],
    ),
    "lab": (
        ["Servers", "Switches", "Storage", "VMs", "Containers", "Cables", "Other"],
        ["服务器", "交换机", "存储", "虚拟机", "容器", "线缆", "其他"],
    ),
    "shop": (["Electronics", "Clothing", "Food", "Stationery", "Other"], ["电子产品", "服装", "食品", "文具", "其他"]),
}


def _kind(ctx: Context) -> str:
    if ctx.has("pantry", "fridge", "expir", "food", "grocer", "食材", "冰箱", "过期", "保质期", "厨房"):
        return "pantry"
    if ctx.has("home lab", "server", "hardware", "switch", "vm", "container", "ip address", "服务器", "硬件", "机房"):
        return "lab"
    return "shop"


_FIELD_WORD = re.compile(
    r"\b(?:items?|quantit(?:y|ies)|qty|stock|levels?|minimum|min|max|price|cost|names?|counts?|amounts?|"
    r"location|supplier|date|expir\w*|sku|barcode|units?|reorder)\b|物品|数量|库存|价格|名称|位置|供应商|日期|最低|单价"
)


def _category_items(ctx: Context) -> list[str]:
    """The categories the sentence names; a list of the item's fields (“item, quantity, minimum level”)
    names no categories."""
    named = [ctx.script(title_case(c)) for c in named_list(ctx.idea, GROUPS)]
    if len(named) >= 2:
        return named
    items = ctx.items
    if any(_FIELD_WORD.search(i.lower()) for i in items):
        return []
    return items


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    kind = _kind(ctx)
    categories = choice_options(_category_items(ctx), t.items(*_CATEGORIES[kind]))
    fields = [
        DataField(name="item", label=t("Item", "物品")),
        DataField(name="quantity", label=t("Quantity", "数量"), type="int", min=0, max=1_000_000, default=1),
        DataField(
            name="category", label=t("Category", "类别"), type="choice", options=categories, default=categories[0]
        ),
        DataField(name="location", label=t("Location", "位置"), required=False),
    ]
    if kind == "pantry":
        fields.append(date_field(t, "expires", "Expires", "过期日期"))
    elif kind == "lab":
        fields.append(DataField(name="address", label=t("IP address / host", "IP 地址 / 主机"), required=False))
    else:
        fields.append(DataField(name="sku", label="SKU", required=False))
        fields.append(
            DataField(name="price", label=t("Unit price", "单价"), type="float", min=0, max=1_000_000, required=False)
        )
    fields.append(note_field(t))
    entity = Entity(name="item", label=t("Item", "物品"), fields=fields)
    metrics = [
        Metric(name="items", label=t("Items", "物品种类"), entity="item", agg="count"),
        Metric(name="units", label=t("Units in stock", "库存总量"), entity="item", field="quantity", agg="sum"),
        Metric(name="lowest", label=t("Lowest stock", "最低库存"), entity="item", field="quantity", agg="min"),
    ]
    if kind == "pantry":
        metrics.append(
            Metric(
                name="expiring",
                label=t("Expiring this week", "本周过期"),
                entity="item",
                agg="count",
                period="week",
                date_field="expires",
            )
        )
    entities = [entity]
    stock = Screen(
        name="stock",
        title=t("Stock", "库存"),
        icon="📦",
        components=[
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            FilterComponent(
                id="flt",
                entity="item",
                category_field="category",
                date_field="expires" if kind == "pantry" else None,
                search=True,
            ),
            TableComponent(id="log", entity="item"),
            ChartComponent(
                id="bycat",
                title=t("Units by category", "按类别的库存"),
                entity="item",
                chart="bar",
                group_by="category",
                x="category",
                y="quantity",
                agg="sum",
            ),
            CsvComponent(id="csv", entity="item"),
        ],
    )
    add_components: list[Component] = [FormComponent(id="add", entity="item", submit_label=t("Add item", "添加物品"))]
    moves = ctx.has(
        "stock-in",
        "stock-out",
        "stock in",
        "transaction",
        "movement",
        "masuk",
        "keluar",
        "入库",
        "出库",
        "进货",
        "出货",
    )
    paths = []
    if moves:
        entities.append(
            Entity(
                name="movement",
                label=t("Stock movement", "出入库"),
                fields=[
                    DataField(name="item", label=t("Item", "物品")),
                    DataField(
                        name="direction",
                        label=t("Direction", "方向"),
                        type="choice",
                        options=t.items(["In", "Out"], ["入库", "出库"]),
                    ),
                    DataField(
                        name="quantity", label=t("Quantity", "数量"), type="int", min=1, max=1_000_000, default=1
                    ),
                    date_field(t),
                    note_field(t),
                ],
            )
        )
        metrics.append(
            Metric(
                name="moves_today",
                label=t("Movements today", "今日出入库"),
                entity="movement",
                agg="count",
                period="today",
                date_field="day",
            )
        )
        add_components += [
            FormComponent(id="move", title=t("Record stock in / out", "记录出入库"), entity="movement"),
            MetricComponent(id="moves_today", metric="moves_today"),
            TableComponent(id="moves", entity="movement"),
        ]
        paths.append(
            path(
                "stock_out",
                t("I record 3 units going out.", "我记录出库 3 件。"),
                [
                    step("set", "move__item", t("Rice", "大米")),
                    step("set", "move__direction", t("Out", "出库")),
                    step("set", "move__quantity", 3),
                    step("click", "move__submit"),
                ],
                [expect("moves_today.value", 1), expect("moves.rows", 1)],
            )
        )
    add_components.append(
        TextComponent(
            id="tip",
            body=t(
                "Update quantities from the Stock tab (edit a row). The lowest stock shows what to restock first.",
                "在“库存”页编辑某行即可更新数量；最低库存提示先补哪样。",
            ),
        )
    )
    add = Screen(name="add", title=t("Add", "添加"), icon="➕", components=add_components)
    item = t("Rice", "大米")
    paths[:0] = [
        save_path(
            "add_an_item",
            t("I add 5 bags of rice and see the stock.", "我添加 5 袋大米，看到库存。"),
            {"item": item, "quantity": 5},
            [("items.value", 1), ("units.value", 5), ("lowest.value", 5), ("log.rows", 1)],
        ),
        path(
            "low_stock",
            t("The item with the least stock sets the lowest-stock number.", "库存最少的物品决定最低库存。"),
            [*save_steps({"item": item, "quantity": 5}), *save_steps({"item": t("Salt", "盐"), "quantity": 2})],
            [expect("lowest.value", 2), expect("units.value", 7), expect("items.value", 2)],
        ),
    ]
    titles = {
        "pantry": ("Pantry Inventory", "食材库存"),
        "lab": ("Home Lab Inventory", "家庭机房资产"),
        "shop": ("Inventory Manager", "库存管理"),
    }
    brief = Brief(
        title=t(*titles[kind]),
        value=t("Know what you have, where it is and what is running low.", "清楚知道有什么、放在哪、什么快没了。"),
        audience=t("Households and small businesses", "家庭和小商家"),
        language=ctx.language,
        icon="📦",
        category="other",
        metrics=metrics,
        inputs=[f.label for f in fields[:4]],
        feedback=[t("items, units and the lowest stock", "物品数、总量和最低库存")],
        theme=ctx.theme("amber" if kind == "pantry" else "slate"),
    )
    return AppSpec(brief=brief, entities=entities, screens=[add, stock], key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="inventory",
    label_en="inventory",
    label_zh="库存管理",
    score=score,
    build=build,
    hint_en="inventory",
    hint_zh="库存",
)
