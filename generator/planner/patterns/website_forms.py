"""The form a website ends with, by what it takes: a table reservation, a booking, an order, an RSVP,
a sign-up, a message or a wish; with the fields the sentence adds (a yes/no question, its options)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from flashapps.spec import DataField, Entity, SiteItem
from generator.planner.patterns.base import Context

__all__ = ["SiteForm", "form_entity"]

_OPTIONS = re.compile(r"[(（]([^()（）]{3,80})[)）]")
_SPLIT = re.compile(r"\s*(?:,|，|、|/|\bor\b|\band\b|或者|或|和)\s*", re.IGNORECASE)
_YES_NO = re.compile(r"是否([\u4e00-\u9fff]{2,6})")
_DAY = "2030-05-04"
_HOW_MANY = ("how many people", "how many guests", "number of people", "party size", "headcount", "人数", "几个人",
             "几人", "几位")  # fmt: skip
_DIGIT = re.compile(r"\d")


@dataclass
class SiteForm:
    """The form's record, its words on the page and for the owner, and a filled-in example."""

    entity: Entity
    title: str
    submit: str
    count_label: str
    inbox: str
    story: str
    inputs: str
    value: str
    values: dict[str, object] = field(default_factory=dict)
    chart_field: str | None = None
    sum_field: str | None = None
    sum_value: int = 0


def _options(ctx: Context) -> tuple[list[str], str]:
    """Options the sentence lists in brackets ("meal choice (beef, fish or veg)"), and their name."""
    for found in _OPTIONS.finditer(ctx.idea):
        parts = [p.strip(" .") for p in _SPLIT.split(found.group(1)) if p.strip(" .")]
        if 2 <= len(parts) <= 8 and all(len(p) <= 30 and len(p.split()) <= 3 and not _DIGIT.search(p) for p in parts):
            before = re.findall(r"([A-Za-z]+(?: [A-Za-z]+)?|[\u4e00-\u9fff]{2,6})\s*$", ctx.idea[: found.start()])
            name = re.sub(r"^(?:and|or|a|an|the|their|your)\s+", "", before[0], flags=re.IGNORECASE) if before else ""
            options = list(dict.fromkeys(ctx.script(p[:1].upper() + p[1:]) for p in parts))
            return options, ctx.script(name[:1].upper() + name[1:])[:80]
    return [], ""


def _base(ctx: Context, contact: str) -> list[DataField]:
    t = ctx.t
    second = (
        DataField(name="phone", label=t("Phone", "电话"))
        if contact == "phone"
        else DataField(name="email", label=t("Email", "邮箱"), help=t("name@example.com", "name@example.com"))
    )
    return [DataField(name="name", label=t("Name", "姓名")), second]


_Form = tuple[str, str, str, str, str, list[DataField], str | None, str | None]


def _kinds(ctx: Context, offer: list[str]) -> dict[str, _Form]:
    """Per form: title, submit, count label, owner's tab, record label, extra fields, chart field, sum field."""
    t = ctx.t
    day = DataField(name="day", label=t("Date", "日期"), type="date")
    time = DataField(name="time", label=t("Time", "时间"), default="10:00", required=False)
    note = DataField(name="note", label=t("Note", "备注"), type="long_text", required=False)
    service = (
        [DataField(name="service", label=t("Service", "服务项目"), type="choice", options=offer, default=offer[0])]
        if offer
        else []
    )
    item = (
        [DataField(name="item", label=t("Item", "商品"), type="choice", options=offer, default=offer[0])]
        if offer
        else []
    )
    people = DataField(name="guests", label=t("People", "人数"), type="int", min=1, max=30, default=2)
    return {
        "reservation": (
            t("📅 Book a table", "📅 预订座位"), t("Book", "预订"), t("Reservations", "预订数"),
            t("Reservations", "预订"), t("Reservation", "预订"), [day, time, people, note], None, "guests",
        ),
        "booking": (
            t("📅 Book an appointment", "📅 在线预约"), t("Book", "提交预约"), t("Bookings", "预约数"),
            t("Bookings", "预约"), t("Booking", "预约"), [*service, day, time, note], "service" if offer else None,
            None,
        ),
        "order": (
            t("🛒 Order ahead", "🛒 预订下单"), t("Place order", "提交订单"), t("Orders", "订单数"),
            t("Orders", "订单"), t("Order", "订单"),
            [*item, DataField(name="quantity", label=t("Quantity", "数量"), type="int", min=1, max=99, default=1),
             DataField(name="day", label=t("Pick-up date", "取货日期"), type="date"), note],
            "item" if offer else None, "quantity",
        ),
        "rsvp": (
            t("💌 RSVP", "💌 回复出席"), t("Send my reply", "提交回复"), t("Replies", "回复数"),
            t("Replies", "回复"), t("Reply", "回复"),
            [DataField(name="attending", label=t("Attending?", "是否出席"), type="choice",
                       options=t.items(["Yes", "No"], ["出席", "不出席"]), default=t("Yes", "出席")),
             DataField(name="guests", label=t("How many people", "人数"), type="int", min=0, max=20, default=1,
                       help=t("0 if you can't come", "不能来请填 0")),
             note],
            "attending", "guests",
        ),
        "signup": (
            t("✍️ Sign up", "✍️ 报名"), t("Sign me up", "提交报名"), t("Sign-ups", "报名人数"),
            t("Sign-ups", "报名"), t("Sign-up", "报名"), [note], None, None,
        ),
        "contact": (
            t("✉️ Get in touch", "✉️ 联系我们"), t("Send", "发送"), t("Messages", "留言数"),
            t("Messages", "留言"), t("Message", "留言"),
            [DataField(name="message", label=t("Message", "留言"), type="long_text")], None, None,
        ),
        "wish": (
            t("💖 Leave a wish", "💖 写下祝福"), t("Send", "送出"), t("Wishes", "祝福数"),
            t("Wishes", "祝福墙"), t("Wish", "祝福"),
            [DataField(name="message", label=t("Your wish", "你的祝福"), type="long_text")], None, None,
        ),
    }  # fmt: skip


def form_entity(
    ctx: Context, form: str, offer: list[SiteItem], pick: tuple[str, str] | None = None, deposit: bool = False
) -> SiteForm:
    """The form ``form`` for this sentence: its record and what the owner sees of it."""
    t = ctx.t
    labels = list(dict.fromkeys(i.label for i in offer))[:30]
    title, submit, count_label, inbox, record, extra, chart, total = _kinds(ctx, labels)[form]
    if pick:
        extra = [f.model_copy(update={"label": t(*pick)}) if f.name in ("service", "item") else f for f in extra]
    contact = "phone" if form in ("reservation", "booking", "order") or ctx.has("phone", "电话") else "email"
    fields = _base(ctx, contact) if form != "wish" else [DataField(name="name", label=t("Name", "姓名"))]
    options, named = _options(ctx)
    if options:
        chosen = DataField(
            name="choice", label=named or t("Choice", "选择"), type="choice", options=options, default=options[0]
        )
        if form == "rsvp":
            extra = [*extra[:2], chosen.model_copy(update={"required": False}), *extra[2:]]
        elif not any(f.type == "choice" for f in extra):
            extra = [chosen, *extra]
        chart = chart or "choice"
    if not total and ctx.has(*_HOW_MANY):
        extra = [
            *extra,
            DataField(name="guests", label=t("How many people", "人数"), type="int", min=1, max=30, default=1),
        ]
        total = "guests"
    for asked in dict.fromkeys(_YES_NO.findall(ctx.idea)):
        if not any(f.label.endswith(asked) for f in extra):
            extra = [*extra, DataField(name=f"yes_{len(extra)}", label=ctx.script(f"是否{asked}"), type="bool")]
    if deposit:
        status = t.items(["Deposit due", "Paid"], ["待付定金", "已付"])
        extra = [*extra, DataField(name="deposit", label=t("Deposit", "定金"), type="choice", options=status,
                                   default=status[0])]  # fmt: skip
    fields += extra
    entity = Entity(name="submission", label=record, fields=fields[:12])
    values: dict[str, object] = {
        "name": t("Ana Lee", "李安"),
        contact: "ana@example.com" if contact == "email" else "555 0100",
    }
    for f in entity.fields:
        if f.type == "choice" and f.options:
            values[f.name] = f.options[-1] if f.name == "choice" else f.options[0]
        elif f.type == "date":
            values[f.name] = _DAY
        elif f.type == "long_text" and f.name == "message":
            values[f.name] = t("Hello!", "你好！")
    if total:
        values[total] = 3
    values = {k: v for k, v in values.items() if entity.field(k) is not None}
    story = t(
        f"A visitor fills in '{title.split(' ', 1)[-1]}' and the owner sees it.",
        f"访客填写“{title.split(' ', 1)[-1]}”，主人能看到这条信息。",
    )
    return SiteForm(
        entity=entity,
        title=title,
        submit=submit,
        count_label=count_label,
        inbox=inbox,
        story=story,
        inputs=t.join([f.label for f in entity.fields[:4]])[:80],
        value=" ".join(w if w.isupper() else w.lower() for w in title.split(" ")[1:]),
        values=values,
        chart_field=chart,
        sum_field=total,
        sum_value=3 if total else 0,
    )
