"""Landing pages and one-page sites: hero, features, pricing and testimonials as text, plus a sign-up or
contact form whose leads the owner can see and export."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    Brief,
    ChartComponent,
    CsvComponent,
    DataField,
    Entity,
    FormComponent,
    Metric,
    MetricComponent,
    Screen,
    TableComponent,
    TextComponent,
)
from generator.planner.patterns.base import Context, Match, Pattern
from generator.planner.patterns.collection import main_noun
from generator.planner.patterns.records import save_path

__all__ = ["PATTERN"]

KEYWORDS = {
    "landing page": 12,
    "landing": 6,
    "website": 5,
    "one-page": 5,
    "one page": 5,
    "homepage": 4,
    "hero": 5,
    "testimonial": 6,
    "pricing": 5,
    "call-to-action": 6,
    "waitlist": 6,
    "lead generation": 8,
    "showcase": 5,
    "portfolio": 6,
    "site": 3,
    "birthday card": 8,
    "greeting card": 8,
    "落地页": 12,
    "官网": 10,
    "主页": 6,
    "网站": 5,
    "展示页": 8,
    "报名": 5,
    "贺卡": 8,
}


def _subject(ctx: Context) -> str:
    for words, label in (
        (("saas", "software"), ("your SaaS product", "你的 SaaS 产品")),
        (("ai startup", "ai "), ("an AI startup", "一家 AI 初创公司")),
        (("plumb",), ("a plumbing business", "一家水管维修公司")),
        (("bakery", "sourdough", "bread", "面包"), ("a neighbourhood bakery", "一家街角面包店")),
        (("sneaker", "shoe", "球鞋"), ("a limited sneaker drop", "一款限量球鞋")),
        (("birthday", "生日"), ("a birthday celebration", "一场生日庆祝")),
    ):
        if ctx.has(*words):
            return ctx.t(*label)
    return ctx.t(f"{main_noun(ctx)}", f"{main_noun(ctx)}")


def build(ctx: Context) -> AppSpec:
    t = ctx.t
    subject = _subject(ctx)
    birthday = ctx.has("birthday", "生日", "贺卡")
    hero = t(
        f"## ✨ Welcome — {subject}\n\nEverything you need, nothing you don't. Simple to start, friendly to use and "
        "ready today.\n\n**→ Leave your details below: the page's owner sees every sign-up.**",
        f"## ✨ 欢迎 —— {subject}\n\n你需要的都有，多余的都没有。上手简单、用起来顺手，今天就能开始。\n\n**→ "
        f"在下方留下信息，页面主人会看到每一条报名。**",
    )
    features = t(
        "### Why people choose us\n\n- ⚡ **Fast** — results in minutes, not weeks\n- 🛡️ **Reliable** — clear "
        "promises, kept\n"
        "- 💬 **Friendly** — real people who answer\n- 💸 **Fair prices** — no surprises on the bill",
        "### 为什么选择我们\n\n- ⚡ **快速** —— 几分钟见效，而不是几周\n- 🛡️ **可靠** —— 承诺清楚，说到做到\n"
        "- 💬 **贴心** —— 有真人及时回复\n- 💸 **价格公道** —— 账单没有意外",
    )
    pricing = t(
        "### Pricing\n\n| Plan | Price | Best for |\n|---|---|---|\n| Starter | Free | Trying it out |\n"
        "| Pro | $19 / month | Growing teams |\n| Business | $49 / month | Everything included |\n\n"
        "> “It just works — we were up and running the same afternoon.” — *Maya, customer*",
        "### 价格\n\n| 方案 | 价格 | 适合 |\n|---|---|---|\n| 入门版 | 免费 | 先试试 |\n| 专业版 | ¥129 / 月 | "
        "成长中的团队 |\n"
        "| 企业版 | ¥329 / 月 | 全部功能 |\n\n> “真的好用——当天下午就用起来了。” —— *客户 小林*",
    )
    if birthday:
        hero = t(
            "## 🎉 Happy Birthday!\n\nWishing you a year full of laughter, adventures and cake. 🎂\n\n"
            "**Leave a wish below — every message appears on the wall.**",
            "## 🎉 生日快乐！\n\n愿你新的一岁充满欢笑、冒险和蛋糕。🎂\n\n**在下方写下祝福——每条都会出现在祝福墙上。**",
        )
        features = t(
            "### 🎈 Memories\n\n- 📸 The trip to the sea\n- 🎶 Karaoke night\n- 🍰 The cake that fell over",
            "### 🎈 美好回忆\n\n- 📸 那次去海边\n- 🎶 K 歌之夜\n- 🍰 那个倒了的蛋糕",
        )
        pricing = t("> “The best is yet to come.”", "> “最好的还在后头。”")
    interests = (
        t.items(["Starter", "Pro", "Business", "Just curious"], ["入门版", "专业版", "企业版", "随便看看"])
        if not birthday
        else t.items(["Wish", "Memory", "Joke"], ["祝福", "回忆", "玩笑"])
    )
    entity = Entity(
        name="lead",
        label=t("Sign-up", "报名") if not birthday else t("Wish", "祝福"),
        fields=[
            DataField(name="name", label=t("Name", "姓名")),
            DataField(name="email", label=t("Email", "邮箱"), required=not birthday),
            DataField(
                name="interest",
                label=t("Interested in", "感兴趣的方案") if not birthday else t("Kind", "类型"),
                type="choice",
                options=interests,
                default=interests[0],
            ),
            DataField(name="message", label=t("Message", "留言"), type="long_text", required=False),
        ],
    )
    metrics = [
        Metric(
            name="signups",
            label=t("Sign-ups", "报名人数") if not birthday else t("Wishes", "祝福数"),
            entity="lead",
            agg="count",
        ),
        Metric(name="today", label=t("Today", "今天"), entity="lead", agg="count", period="today"),
    ]
    page = Screen(
        name="home",
        title=t("Home", "首页"),
        icon="🏠",
        components=[
            TextComponent(id="hero", body=hero),
            TextComponent(id="features", body=features),
            TextComponent(id="pricing", body=pricing),
            FormComponent(
                id="add",
                title=t("Get started", "立即开始") if not birthday else t("Leave a wish", "写下祝福"),
                entity="lead",
                submit_label=t("Sign me up", "提交") if not birthday else t("Send", "送出"),
            ),
        ],
    )
    owner = Screen(
        name="leads",
        title=t("Leads", "线索") if not birthday else t("Wall", "祝福墙"),
        icon="📬",
        components=[
            *(MetricComponent(id=m.name, metric=m.name) for m in metrics),
            TableComponent(id="log", entity="lead"),
            ChartComponent(id="bycat", entity="lead", chart="pie", group_by="category", x="interest", agg="count"),
            CsvComponent(id="csv", entity="lead", allow_import=False),
        ],
    )
    values = {"name": "Ana", "email": "ana@example.com", "interest": interests[1]}
    paths = [
        save_path(
            "sign_up",
            t("A visitor signs up and the owner sees the lead.", "访客提交信息，主人看到这条线索。"),
            values,
            [("signups.value", 1), ("today.value", 1), ("log.rows", 1), ("bycat.points", 1)],
        )
    ]
    title = t("Happy Birthday!", "生日快乐！") if birthday else t(f"{subject[:1].upper()}{subject[1:]}", subject)
    brief = Brief(
        title=title[:80],
        value=t(
            "A one-page site with a clear pitch and a form that collects sign-ups.",
            "一页式网站：清楚的介绍，外加收集报名的表单。",
        ),
        audience=t("Visitors and the page's owner", "访客和页面主人"),
        language=ctx.language,
        icon="🎉" if birthday else "🚀",
        category="other",
        metrics=metrics,
        inputs=[t("name, email and interest", "姓名、邮箱和意向")],
        feedback=[t("sign-ups for the owner, exportable to CSV", "主人可查看并导出报名")],
        theme=ctx.theme("pink" if birthday else "indigo"),
    )
    return AppSpec(brief=brief, entities=[entity], screens=[page, owner], key_paths=paths)


def score(ctx: Context) -> Match:
    return ctx.match(KEYWORDS)


PATTERN = Pattern(
    name="landing",
    label_en="landing page",
    label_zh="落地页",
    score=score,
    build=build,
    hint_en="landing page",
    hint_zh="落地页",
)
