"""Small websites for a named business or event: the sections the sentence names (about, menu or
services with prices, opening hours, location, gallery, schedule...) with a menu bar, and a form
(reservation, booking, order, RSVP, sign-up or message) whose submissions the owner sees."""

from __future__ import annotations

import re

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    Component,
    CsvComponent,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    SiteComponent,
    SiteItem,
    SiteSection,
    SiteTile,
    TableComponent,
)
from generator.planner.hanzi import to_simplified
from generator.planner.lang import has_cjk
from generator.planner.patterns.base import THEMES, Context, Match, Pattern, expect, path
from generator.planner.patterns.records import save_path
from generator.planner.patterns.website_forms import form_entity
from generator.planner.patterns.website_kinds import FORMS, SECTIONS, Kind, SectionWord
from generator.planner.patterns.website_reading import (
    find_date,
    find_form,
    find_hours,
    find_kind,
    find_name,
    find_prices,
    find_sections,
    find_town,
    find_venue,
    kind_phrase,
)
from generator.planner.patterns.website_samples import sample_rows

__all__ = ["PATTERN"]

KEYWORDS = {
    "website": 8,
    "web site": 8,
    "web page": 6,
    "webpage": 6,
    "landing page": 12,
    "landing": 6,
    "homepage": 8,
    "home page": 6,
    "one-page": 3,
    "one page": 3,
    "site for": 6,
    "site": 3,
    "page for": 4,
    "rsvp": 6,
    "invitation page": 8,
    "hero": 5,
    "testimonial": 6,
    "call-to-action": 6,
    "waitlist": 6,
    "lead generation": 8,
    "showcase": 4,
    "portfolio": 6,
    "birthday card": 8,
    "greeting card": 8,
    "opening hours": 4,
    "落地页": 12,
    "官网": 10,
    "主页": 8,
    "网站": 8,
    "网页": 8,
    "介绍页": 10,
    "展示页": 8,
    "邀请页": 10,
    "邀请函": 8,
    "页面": 3,
    "贺卡": 8,
    "营业时间": 4,
}
_COLOURS = {
    "green": ("green$", "绿色", "绿"),
    "red": ("red$", "红色"),
    "blue": ("blue$", "navy", "蓝色"),
    "pink": ("pink$", "粉色", "粉红"),
    "purple": ("purple", "violet", "lavender", "紫色"),
    "orange": ("orange$", "橙色"),
    "amber": ("yellow$", "gold$", "golden", "黄色", "金色"),
    "brown": ("brown$", "warm", "rustic", "棕色", "咖啡色"),
    "teal": ("teal", "turquoise", "mint", "青色", "薄荷"),
    "dark": ("dark", "black", "黑色", "暗色", "深色"),
    "pastel": ("pastel", "马卡龙", "浅蓝"),
}
_PALETTE = ("#fde68a", "#bfdbfe", "#fbcfe8", "#bbf7d0", "#ddd6fe", "#fed7aa", "#a5f3fc", "#fecaca")
_PRICING = (
    ("Starter", "Free", "Trying it out", "入门版", "免费", "先试试"),
    ("Pro", "$19 / month", "For growing teams", "专业版", "¥129 / 月", "成长中的团队"),
    ("Business", "$49 / month", "Everything included", "企业版", "¥329 / 月", "全部功能"),
)
_DAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_DAYS_ZH = ("周一", "周二", "周三", "周四", "周五", "周六", "周日")


def _theme_name(ctx: Context, kind: Kind | None) -> str:
    """The colour the sentence names first, else the kind's own."""
    named = [(ctx.position(w), name) for name, words in _COLOURS.items() for w in words if ctx.where(w)]
    return min(named)[1] if named else (kind.colour if kind else "indigo")


def _hours(ctx: Context, kind: Kind | None) -> SiteSection:
    t = ctx.t
    said = find_hours(ctx)
    weekdays, saturday = (said, said) if said else ("8:00–18:00", "9:00–16:00")
    if kind and kind.name in ("bar", "restaurant") and not said:
        weekdays, saturday = "17:00–23:00", "12:00–23:30"
    rows = [
        SiteItem(label=t(f"{_DAYS_EN[0]}–{_DAYS_EN[4]}", f"{_DAYS_ZH[0]}至{_DAYS_ZH[4]}"), value=weekdays,
                 days=[0, 1, 2, 3, 4]),
        SiteItem(label=t(_DAYS_EN[5], _DAYS_ZH[5]), value=saturday, days=[5]),
        SiteItem(label=t(_DAYS_EN[6], _DAYS_ZH[6]), value=t("Closed", "休息"), days=[6]),
    ]  # fmt: skip
    return SiteSection(
        id="hours", kind="hours", title=t("Opening hours", "营业时间"), icon="🕘", items=rows, sample=not said
    )


def _offer(ctx: Context, kind: Kind | None, title: str) -> SiteSection:
    t = ctx.t
    said = find_prices(ctx)
    if said:
        items = [SiteItem(label=label[:80], value=price) for label, price in said[:40]]
    elif kind and kind.items:
        items = [SiteItem(label=t(le, lz), value=t(ve, vz)) for le, ve, lz, vz in kind.items]
    else:
        items = [SiteItem(label=label, value=value) for label, value in sample_rows(ctx, "offer")]
    return SiteSection(id="offer", kind="menu", title=title, icon="📋", items=items, sample=not said)


def _section(ctx: Context, word: SectionWord, kind: Kind | None, facts: dict[str, str]) -> SiteSection:
    """One section as the sentence names it, filled with the sentence's facts or marked examples."""
    t = ctx.t
    label = t(*kind.label) if kind else t("place", "小店")
    if word.name == "offer":
        return _offer(ctx, kind, t(*kind.offer) if kind else t(*word.title))
    if word.name == "hours":
        return _hours(ctx, kind)
    if word.name == "about":
        body = t(*kind.about).format(kind=label) if kind else t(*_ABOUT)
        if facts["town"]:
            body += t(f"\nYou'll find us in {facts['town']}.", f"\n我们在{facts['town']}。")
        title = t("About me", "关于我") if kind and kind.personal else t(*word.title)
        return SiteSection(id="about", kind="about", title=title, icon=word.icon, body=body, sample=True)
    if word.name == "gallery":
        emojis = kind.tiles if kind else ("✨", "😊", "🌟", "🎉", "💡", "📍")
        tiles = [SiteTile(emoji=e, color=_PALETTE[i % len(_PALETTE)]) for i, e in enumerate(emojis)]
        return SiteSection(id="gallery", kind="gallery", title=t(*word.title), icon=word.icon, tiles=tiles, sample=True)
    if word.name == "pricing":
        items = [SiteItem(label=t(a, d), value=t(b, e), note=t(c, f)) for a, b, c, d, e, f in _PRICING]
        return SiteSection(id="pricing", kind="pricing", title=t(*word.title), icon=word.icon, items=items, sample=True)
    if word.name == "details":
        rows = [(t("When", "时间"), facts["date"]), (t("Where", "地点"), facts["venue"] or facts["town"])]
        shown = [SiteItem(label=a, value=b) for a, b in rows if b]
        sample = len(shown) < 2
        shown = shown or [SiteItem(label=a, value=b) for a, b in sample_rows(ctx, "details")]
        return SiteSection(id="details", kind="list", title=t(*word.title), icon=word.icon, items=shown, sample=sample)
    rows = sample_rows(ctx, word.name, kind.name if kind else "", facts)
    section_kind = word.kind if word.kind in ("reviews", "schedule", "location") else "list"
    items = [SiteItem(label=a, value=b) for a, b in rows]
    return SiteSection(id=word.name, kind=section_kind, title=t(*word.title), icon=word.icon, items=items, sample=True)


_ABOUT = (
    "Welcome! A few words about who we are and what we do.",
    "欢迎！这里简单介绍我们是谁、做什么。",
)


def _sections(ctx: Context, kind: Kind | None, facts: dict[str, str]) -> list[SiteSection]:
    """The sentence's sections in its order; a sentence that names few gets the kind's usual ones."""
    by_name = {s.name: s for s in SECTIONS}
    named = [s.name for s, _ in find_sections(ctx)]
    usual = ["about", "offer" if (kind is None or kind.items) else "", "hours" if kind and kind.hours else ""]
    usual += [*(kind.extra if kind else ()), "location" if kind is None or kind.place else "", "gallery"]
    if facts["date"] or facts["venue"]:
        usual.insert(1, "details")
    first = [n for n in dict.fromkeys(["about", *named]) if n in by_name]
    rest = [n for n in dict.fromkeys(usual) if n and n in by_name and n not in first] if len(named) < 3 else []
    build = [_section(ctx, by_name[n], kind, facts) for n in first]
    build += _unnamed(ctx, kind, len(named))
    build += [_section(ctx, by_name[n], kind, facts) for n in rest]
    return build[:12]


_GENERIC_PART = re.compile(r"介绍|简介|信息|列表|\b(?:list|info|information|introduction|details|section)\b")


_CLAUSE = re.compile(r"(?:还|也|要|可以|能|and |also |can |so )")


def _unnamed(ctx: Context, kind: Kind | None, named: int) -> list[SiteSection]:
    """Listed parts of the site that no section word names ("food stalls", "摊位介绍"): a list each,
    under the sentence's own words, with example rows to replace."""
    known = [w for s in SECTIONS for w in s.words] + [w for ws in FORMS.values() for w in ws]
    known += list(kind.words if kind else ()) + ["form", "page", "site", "表", "页"]
    found: list[SiteSection] = []
    words = [w.rstrip("$").strip() for w in known if len(w.rstrip("$").strip()) > 1]
    if not any(w in to_simplified(item).lower() for item in ctx.items for w in words):
        return []  # a list of other things (colours, moods), not of the site's parts
    for item in ctx.items:
        low = to_simplified(item).lower()
        core = _GENERIC_PART.sub("", low).strip()
        if len(item) > 30 or any((w in low and 2 * len(w) > len(low)) or w in core for w in words):
            continue
        if _CLAUSE.match(low) or (has_cjk(low) and len(low) > 8):  # a wish, not the name of a part
            continue
        rows = sample_rows(ctx, "")
        title = item[:1].upper() + item[1:]
        found.append(SiteSection(id=f"part_{len(found) + 1}", kind="list", title=title[:80], icon="📌",
                                 items=[SiteItem(label=a, value=b) for a, b in rows], sample=True))  # fmt: skip
    return found if named + len(found) >= 2 else []


def _takes_deposit(ctx: Context) -> bool:
    """Whether the sentence asks for payment or a deposit: online payment is not here (the planner's
    honesty note says so in brief.left_out); each submission is kept as 'deposit due' instead."""
    return ctx.has("pay$", "paid", "payment", "deposit", "checkout", "支付", "付款", "定金", "订金", "在线付")


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    kind = find_kind(ctx)
    facts = {"town": find_town(ctx), "date": find_date(ctx), "venue": find_venue(ctx)}
    name = find_name(ctx, kind)
    sections = _sections(ctx, kind, facts)
    offer = next((s for s in sections if s.id == "offer"), None)
    pick = kind.pick if kind else None
    form = form_entity(ctx, find_form(ctx, kind), offer.items if offer else [], pick, deposit=_takes_deposit(ctx))
    tagline_parts = [facts["date"], facts["venue"]] if (facts["date"] or facts["venue"]) else []
    site = SiteComponent(
        id="site",
        tagline=" · ".join(p for p in tagline_parts if p)[:300],
        town=facts["town"],
        sections=sections,
        contact=form.title,
    )
    entity = form.entity
    metrics = [
        Metric(name="total", label=form.count_label, entity=entity.name, agg="count"),
        Metric(name="today", label=t("Today", "今天"), entity=entity.name, agg="count", period="today"),
    ]
    if form.sum_field:
        people = Metric(name="people", label=t("People", "总人数"), entity=entity.name, field=form.sum_field)
        metrics.append(people)
    chart = form.chart_field
    charts = (
        [ChartComponent(id="bycat", entity=entity.name, chart="pie", group_by="category", x=chart, agg="count")]
        if chart
        else []
    )
    public: list[Component] = []
    if ctx.has(*_PUBLIC_LIST):  # the sentence wants visitors to see who is coming
        shown = [f.name for f in entity.fields if f.type != "long_text" and f.name not in ("email", "phone")]
        public = [
            MetricComponent(id="home_count", metric="people" if form.sum_field else "total"),
            TableComponent(id="replies", entity=entity.name, columns=shown[:6], editable=False, deletable=False),
        ]
    form_component = FormComponent(id="add", entity=entity.name, submit_label=form.submit)
    page = Screen(name="home", title=t("Home", "首页"), icon=kind.icon if kind else "🏠",
                  components=[site, form_component, *public])  # fmt: skip
    owner = Screen(
        name="inbox",
        title=form.inbox,
        icon="📬",
        components=[
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            TableComponent(id="log", entity=entity.name),
            *charts,
            CsvComponent(id="csv", entity=entity.name, allow_import=False),
        ],
    )
    titles = [s.title for s in sections] + [form.title]
    priced = sum(1 for s in sections if s.kind in ("menu", "pricing") for i in s.items if i.value)
    checks = [("total.value", 1), ("log.rows", 1)] + ([("bycat.points", 1)] if charts else [])
    checks += [("people.value", form.sum_value)] if form.sum_field else []
    checks += [("replies.rows", 1), ("home_count.value", form.sum_value or 1)] if public else []
    paths = [
        path(
            "visitor_reads_site",
            t("A visitor opens the site and sees every section.", "访客打开网站，看到每个板块。"),
            [],
            [expect("site.sections", titles), expect("site.items", priced)],
        ),
        save_path("visitor_sends_form", form.story, form.values, checks),
    ]
    own = kind_phrase(ctx, kind)
    mine = kind is not None and kind.personal
    title = name or (
        t(f"{'My' if mine else 'Our'} {own}", f"{'我' if mine else '我们'}的{own}")
        if own
        else t("Our website", "我们的网站")
    )
    audience = t(f"Visitors to {title}, and its owner", f"{title}的访客和主人")
    if ctx.has("students", "parents", "学生", "家长"):
        audience = t("Students, parents and the organisers", "学生、家长和组织者")
    action = form.value
    if kind and not kind.place:  # an event, a card, a portfolio: what it is, and what a visitor does
        when = " · ".join(p for p in (facts["date"], facts["venue"]) if p)
        value = t(f"{title}{f' ({when})' if when else ''}: everything to know, and {action}.",
                  f"{title}{f'（{when}）' if when else ''}：全部信息，还能{action}。")  # fmt: skip
    else:
        value = t(f"The website of {title}: what it offers, when and where, and {action}.",
                  f"{title}的网站：介绍、时间地点，还能{action}。")  # fmt: skip
    brief = Brief(
        title=title[:80],
        value=value[:300],
        audience=audience[:300],
        language=ctx.language,
        icon=kind.icon if kind else "🌐",
        category="other",
        metrics=metrics,
        inputs=[form.inputs],
        feedback=[t("submissions listed for the owner, exportable to CSV", "主人可查看并导出提交的信息")],
        theme=THEMES[_theme_name(ctx, kind)],
    )  # fmt: skip
    return AppSpec(brief=brief, entities=[entity], screens=[page, owner], key_paths=paths)


_PUBLIC_LIST = ("who's coming", "who is coming", "guest list", "list of replies", "list of sign", "names so far",
                "已报名名单", "报名名单", "名单", "出席名单", "谁会来")  # fmt: skip
_SITE_WORDS = ("website", "web site", "webpage", "web page", "homepage", "home page", "landing page", "site for",
               "page for", "网站", "网页", "主页", "官网", "介绍页", "邀请页", "落地页")  # fmt: skip


def score(ctx: Context) -> Match:
    """The site words; a site for a kind of business or event ("a page for my band") is surely one."""
    found = ctx.match(KEYWORDS)
    if ctx.has(*_SITE_WORDS) and find_kind(ctx):
        found = found + Match(24.0)
    return found


PATTERN = Pattern(
    name="website",
    label_en="website",
    label_zh="网站",
    score=score,
    build=build,
    hint_en="website for a business or event",
    hint_zh="店铺或活动的网站",
)
