"""Website ideas become a site for the named business or event: its name, kind, town, colours and
language come from the sentence; the sections it names, in its order; the items and prices it gives
(else examples marked as such); opening hours; the form it asks for, whose submissions are kept."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import pytest
from support import ruff_problems, run_bundle_tests

from flashapps.spec import AppSpec, SiteComponent, SiteSection, TableComponent
from generator.planner import plan
from generator.render import render


def _site(spec: AppSpec) -> SiteComponent:
    found = [c for c in spec.components() if isinstance(c, SiteComponent)]
    assert found, spec.kinds()
    return found[0]


def _section(spec: AppSpec, sid: str) -> SiteSection:
    return next(s for s in _site(spec).sections if s.id == sid)


def _ids(spec: AppSpec) -> list[str]:
    return [s.id for s in _site(spec).sections]


def _fields(spec: AppSpec) -> dict[str, str]:
    return {f.name: f.type for f in spec.entities[0].fields}


Check = Callable[[AppSpec], bool]
CASES: list[tuple[str, str, str, Check]] = [
    (
        "A website for Rosa's taqueria in Austin with tacos $3, burritos $9 and horchata $4, open 11am-10pm",
        "en",
        "Rosa's Taqueria",
        lambda s: (
            [(i.label, i.value) for i in _section(s, "offer").items]
            == [("Tacos", "$3"), ("Burritos", "$9"), ("Horchata", "$4")]
            and not _section(s, "offer").sample
            and _section(s, "hours").items[0].value == "11:00–22:00"
            and _site(s).town == "Austin"
            and "guests" in _fields(s)
        ),
    ),
    (
        'Site for my barber shop "Sharp Lines" in Glasgow, black and gold, with a booking form',
        "en",
        "Sharp Lines",
        lambda s: (
            s.brief.theme.background == "#0f172a"
            and _fields(s).get("service") == "choice"
            and _section(s, "offer").sample
            and _site(s).town == "Glasgow"
        ),
    ),
    (
        "A page for my band The Rusty Nails with upcoming gigs, our song list and a mailing list signup",
        "en",
        "The Rusty Nails",
        lambda s: _ids(s)[:3] == ["about", "schedule", "songs"] and "email" in _fields(s),
    ),
    (
        "Homepage for the Green Valley yoga studio: class schedule, prices and a booking form",
        "en",
        "Green Valley",
        lambda s: (
            _ids(s)[:3] == ["about", "schedule", "offer"] and s.entities[0].field("service").label == "Class"  # type: ignore[union-attr]
        ),
    ),
    (
        "A one-page site for our school's autumn bake sale on October 12 at Hillside Primary, with a volunteer sign-up",
        "en",
        "Our school's autumn bake sale",
        lambda s: (
            [(i.label, i.value) for i in _section(s, "details").items]
            == [("When", "October 12"), ("Where", "Hillside Primary")]
            and "location" not in _ids(s)
        ),
    ),
    (
        "Engagement party invitation page for Mia & Leo, May 3 at the Old Mill. Guests reply with their name, "
        "how many people and a dish (salad, pasta or cake).",
        "en",
        "Mia & Leo",
        lambda s: (
            s.entities[0].field("choice").options == ["Salad", "Pasta", "Cake"]  # type: ignore[union-attr]
            and _fields(s)["guests"] == "int"
            and any(m.field == "guests" for m in s.brief.metrics)
        ),
    ),
    (
        "a pricing page for my SaaS with three plans and a waitlist",
        "en",
        "Our SaaS",
        lambda s: "pricing" in _ids(s) and "hours" not in _ids(s) and "location" not in _ids(s),
    ),
    (
        "Website for my hair salon where customers pick a service and pay a deposit online",
        "en",
        "Our hair salon",
        lambda s: (
            bool(s.brief.left_out)
            and s.entities[0].field("deposit").default == "Deposit due"  # type: ignore[union-attr]
            and _fields(s)["service"] == "choice"
        ),
    ),
    (
        "a website for my café",
        "en",
        "Our café",
        lambda s: "pricing" not in _ids(s) and {"offer", "hours", "location", "gallery"} <= set(_ids(s)),
    ),
    (
        "我想给我们在成都的小面馆做个网站，有菜单、营业时间和地址",
        "zh-Hans",
        "我们的面馆",
        lambda s: _ids(s) == ["about", "offer", "hours", "location"] and _site(s).town == "成都",
    ),
    (
        "为我的民宿“山间小屋”做个介绍页：房型和价格、周边景点、入住须知",
        "zh-Hans",
        "山间小屋",
        lambda s: _ids(s) == ["about", "offer", "nearby", "faq"] and s.entities[0].field("service").label == "房型",  # type: ignore[union-attr]
    ),
    (
        "同事聚餐邀请页：时间地点（11月8日晚7点，湖边餐厅），报名表要有姓名、人数、是否开车",
        "zh-Hans",
        "同事聚餐",
        lambda s: (
            [i.value for i in _section(s, "details").items] == ["11月8日晚7点", "湖边餐厅"]
            and any(f.type == "bool" and f.label == "是否开车" for f in s.entities[0].fields)
            and _fields(s)["guests"] == "int"
        ),
    ),
    (
        "幫我的咖啡廳做一個網站，要有菜單和價格、營業時間、相簿，還可以線上訂位",
        "zh-Hant",
        "我們的咖啡廳",
        lambda s: (
            _ids(s) == ["about", "offer", "hours", "gallery"]
            and _section(s, "hours").title == "營業時間"
            and "guests" in _fields(s)
        ),
    ),
]


@pytest.mark.parametrize(("idea", "language", "title", "check"), CASES, ids=[c[0][:40] for c in CASES])
def test_a_website_idea_becomes_the_named_site(idea: str, language: str, title: str, check: Check) -> None:
    result = plan(idea)
    assert (result.pattern, result.language) == ("website", language), result.reason
    assert result.spec.brief.title == title
    assert check(result.spec), result.spec.to_json()[:4000]


def test_the_site_tests_what_it_shows_and_what_the_form_keeps() -> None:
    spec = plan("Website for Luigi's pizzeria: margherita $9 and pepperoni $11, with table reservations").spec
    reads, sends = spec.key_paths
    titles = [s.title for s in _site(spec).sections] + [_site(spec).contact]
    assert [(e.output, e.value) for e in reads.expect] == [("site.sections", titles), ("site.items", 2)]
    assert [st.key for st in sends.steps][-1] == "add__submit"
    assert {e.output for e in sends.expect} >= {"total.value", "log.rows"}
    assert [sc.name for sc in spec.screens] == ["home", "inbox"]
    assert [c.kind for c in spec.screens[0].components] == ["site", "form"]


def test_examples_are_marked_and_the_sentence_is_not() -> None:
    spec = plan("a website for my bakery with the menu, opening hours 7:30-15:00 and where to find us").spec
    assert _section(spec, "offer").sample and _section(spec, "location").sample
    assert not _section(spec, "hours").sample
    assert [i.value for i in _section(spec, "hours").items[:2]] == ["7:30–15:00", "7:30–15:00"]
    assert [i.days for i in _section(spec, "hours").items] == [[0, 1, 2, 3, 4], [5], [6]]


@pytest.mark.parametrize(
    "idea",
    [
        "a todo list app",
        "track my water intake",
        "an app for my bakery to track flour stock",
        "pomodoro timer",
        "a one-page team chat app with a few channels",
        "a one-page stopwatch with laps",
    ],
)
def test_apps_that_are_not_websites_stay_what_they_are(idea: str) -> None:
    assert plan(idea).pattern != "website"


def test_planning_a_site_stays_fast() -> None:
    plan("a website for my florist shop")  # warm up
    start = time.perf_counter()
    for _ in range(5):
        plan("A website for Rosa's taqueria in Austin with tacos $3 and burritos $9, open 11am-10pm")
    assert (time.perf_counter() - start) / 5 < 0.2


def test_every_kind_and_section_word_builds_a_valid_site() -> None:
    from generator.planner.patterns.website_kinds import KINDS, SECTIONS

    known = {s.name for s in SECTIONS} | {"details"}
    assert {name for kind in KINDS for name in kind.extra} <= known
    for kind in KINDS:  # each kind's own word, in a sentence that names every section
        words = ", ".join(s.words[0] for s in SECTIONS)
        idea = f"a website for my {next(w for w in kind.words if w.isascii()).rstrip('$')} with {words}"
        spec = plan(idea).spec
        assert plan(idea).pattern == "website", idea
        assert len(_site(spec).sections) >= 3, idea


def test_parts_the_sentence_names_in_its_own_words_become_sections() -> None:
    spec = plan(
        "One-page site for our town's summer fete: schedule, food stalls, pony rides and a volunteer sign-up"
    ).spec
    parts = [s for s in _site(spec).sections if s.id.startswith("part_")]
    assert [p.title for p in parts] == ["Food stalls", "Pony rides"]
    assert all(p.sample and len(p.items) == 3 for p in parts)
    zh = plan("给我们小区的跳蚤市场做个网页：时间地点、摊位介绍、志愿者报名").spec
    assert [s.title for s in _site(zh).sections if s.id.startswith("part_")] == ["摊位介绍"]


def test_a_personal_site_speaks_for_one_person() -> None:
    spec = plan("做一个我的个人简历网页，要有教育经历和技能").spec
    assert spec.brief.title == "我的简历" and _section(spec, "about").title == "关于我"
    assert [s.id for s in _site(spec).sections][:3] == ["about", "education", "skills"]


def test_visitors_see_who_is_coming_only_when_asked() -> None:
    asked = plan("Birthday party invitation page for Sam, June 2 at the park, with an RSVP form and a guest list").spec
    home = [c.id for c in asked.screens[0].components]
    assert home == ["site", "add", "home_count", "replies"]
    assert ("replies.rows", 1) in [(e.output, e.value) for e in asked.key_paths[1].expect]
    columns = next(c.columns for c in asked.components() if isinstance(c, TableComponent) and c.id == "replies")
    assert "email" not in columns and "name" in columns
    quiet = plan("Birthday party invitation page for Sam, June 2 at the park, with an RSVP form").spec
    assert [c.id for c in quiet.screens[0].components] == ["site", "add"]


FORM_IDEAS = {
    "reservation": "a website for my tapas bar with table reservations",
    "booking": "website for my nail salon with online booking",
    "order": "a site for my cake shop where people order birthday cakes",
    "rsvp": "RSVP page for our wedding, August 9 at Rose Hall, guests choose (fish, beef or veg)",
    "signup": "homepage for our running club with a join form",
    "contact": "portfolio website for my illustration work with a contact form",
    "wish": "a digital birthday card page for my sister with a photo gallery",
}


CONTACT = {
    "reservation": "📅 Book a table",
    "booking": "📅 Book an appointment",
    "order": "🛒 Order ahead",
    "rsvp": "💌 RSVP",
    "signup": "✍️ Sign up",
    "contact": "✉️ Get in touch",
    "wish": "💖 Leave a wish",
}


@pytest.mark.slow
@pytest.mark.parametrize("form", sorted(FORM_IDEAS))
def test_each_kind_of_form_makes_a_bundle_that_passes_its_tests(form: str, tmp_path: Path) -> None:
    result = plan(FORM_IDEAS[form])
    assert result.pattern == "website"
    assert _site(result.spec).contact == CONTACT[form]
    bundle = render(result.spec, tmp_path / form)
    assert ruff_problems(bundle.path) == []
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1500:]


def test_a_chinese_kind_word_keeps_the_rest_of_its_name() -> None:
    assert plan("給我的手作飾品店做個網站，要有商品和價格").spec.brief.title == "我們的手作飾品店"
    assert plan("給我的手工皂小店做個網站").spec.brief.title == "手工皂小店"  # a name of its own
    assert plan("给我的花店做个网站").spec.brief.title == "我们的花店"
