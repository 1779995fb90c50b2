"""The site component: a bundle with it is ruff-clean and passes its own tests; the page shows every
section in the menu bar, escapes what the spec says, tells open from closed by the hours, marks
example content, and a wrong expectation fails."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import ruff_problems, run_bundle_tests

from flashapps.spec import (
    AppSpec,
    Brief,
    DataField,
    Entity,
    Expect,
    FormComponent,
    KeyPath,
    Screen,
    SiteComponent,
    SiteItem,
    SiteSection,
    SiteTile,
    Step,
)
from generator.render import render, render_files

BUNDLE_MODULES = ("components", "storage", "logic", "games")
Runner = Callable[[AppSpec], AppTest]


def _site_app(language: str = "en", hours: str = "0:00–23:59", name: str = "Sweet Crumbs") -> AppSpec:
    zh = language != "en"
    sections = [
        SiteSection(id="about", kind="about", title="关于我们" if zh else "About us", body="Line one\nLine two"),
        SiteSection(
            id="menu",
            kind="menu",
            title="菜单" if zh else "Menu",
            items=[
                SiteItem(label="Croissant <b>", value="$3", group="Pastry"),
                SiteItem(label="Loaf", value="$7", note="Sourdough", group="Bread"),
                SiteItem(label="Water", note="free"),
            ],
            sample=True,
        ),
        SiteSection(
            id="hours",
            kind="hours",
            title="营业时间" if zh else "Opening hours",
            items=[SiteItem(label="Every day", value=hours, days=[0, 1, 2, 3, 4, 5, 6])],
        ),
        SiteSection(id="pics", kind="gallery", title="Gallery", tiles=[SiteTile(emoji="🥐", caption="Warm")]),
        SiteSection(id="said", kind="reviews", title="Reviews", items=[SiteItem(label="Maya", value="Lovely")]),
    ]
    entity = Entity(
        name="order",
        label="Order",
        fields=[DataField(name="name", label="Name"), DataField(name="qty", label="Qty", type="int", default=1)],
    )
    site = SiteComponent(id="site", town="Leeds", tagline="Fresh bread", sections=sections, contact="Order ahead")
    form = FormComponent(id="add", entity="order")
    titles = [s.title for s in sections] + ["Order ahead"]
    paths = [
        KeyPath(
            name="reads",
            story="The visitor sees the sections.",
            expect=[
                Expect(output="site.sections", value=titles),
                Expect(output="site.items", value=2),
                Expect(output="site.open", value=True),
            ],
        ),
        KeyPath(
            name="orders",
            story="The visitor orders.",
            steps=[
                Step(action="set", key="add__name", value="Ana"),
                Step(action="set", key="add__qty", value=2),
                Step(action="click", key="add__submit"),
            ],
            expect=[Expect(output="add.saved", value=1)],
        ),
    ]
    brief = Brief(title=name, value="A bakery.", language=language)
    screen = Screen(name="home", title="Home", components=[site, form])
    return AppSpec(brief=brief, entities=[entity], screens=[screen], key_paths=paths)


@pytest.mark.parametrize("language", ["en", "zh-Hant"])
def test_site_bundle_is_ruff_clean_and_passes_its_own_tests(language: str, tmp_path: Path) -> None:
    bundle = render(_site_app(language), tmp_path / "site")
    assert ruff_problems(bundle.path) == []
    done = run_bundle_tests(bundle.path)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-1500:]


def test_a_wrong_expectation_fails(tmp_path: Path) -> None:
    spec = _site_app()
    wrong = spec.key_paths[0].model_copy(update={"expect": [Expect(output="site.items", value=3)]})
    bundle = render(spec.model_copy(update={"key_paths": [wrong]}), tmp_path / "wrong")
    assert run_bundle_tests(bundle.path).returncode != 0


@pytest.fixture
def run_app(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Callable[[AppSpec], AppTest]]:
    """Runs a bundle's app in this process with its own data folder, forgetting its modules after."""

    def run(spec: AppSpec) -> AppTest:
        bundle = render(spec, tmp_path / "app")
        monkeypatch.syspath_prepend(str(bundle.path))
        at = AppTest.from_file(str(Path(bundle.path) / "app.py"), default_timeout=30).run()
        assert not at.exception, at.exception
        return at

    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield run
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


def _html(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_page_has_a_menu_bar_escaped_text_groups_tiles_and_example_marks(run_app: Runner) -> None:
    at = run_app(_site_app())
    page = _html(at)
    assert '<nav class="site-nav" id="site-site-top">' in page
    assert page.count('<a class="site-top" href="#site-site-top">') == 5  # each section leads back to the menu bar
    for anchor in ("about", "menu", "hours", "pics", "said", "contact"):
        assert f'href="#site-site-{anchor}"' in page and f'id="site-site-{anchor}"' in page
    assert "Croissant &lt;b&gt;" in page and "Croissant <b>" not in page
    assert "<h4>Pastry</h4>" in page and "<h4>Bread</h4>" in page
    assert "<p>Line one</p><p>Line two</p>" in page
    assert 'style="background:#e0e7ff"' in page and "🥐" in page
    assert page.count("site-sample") == 2  # the one example section, and its style rule
    assert "Open now" in page and "📍 Leeds" in page


def test_open_now_follows_the_hours(run_app: Runner) -> None:
    now = dt.datetime.now()
    closed = f"{(now.hour + 2) % 24}:00–{(now.hour + 3) % 24}:00"
    if now.hour in (21, 22, 23):
        pytest.skip("the closed window would wrap past midnight into now")
    at = run_app(_site_app(hours=closed))
    assert at.session_state["_out"]["site.open"] is False
    assert "Closed now" in _html(at)


def test_chinese_page_speaks_chinese(run_app: Runner) -> None:
    at = run_app(_site_app("zh-Hans"))
    page = _html(at)
    assert "正在营业" in page and "示例内容" in page and "Open now" not in page


def test_site_components_code_carries_only_what_it_uses() -> None:
    source = render_files(_site_app())["components.py"]
    assert "\ndef site(app: App, cid: str) -> None:" in source
    assert "import re\n" in source
    assert "\ndef quiz(" not in source and "\ndef table(" not in source


def test_site_rejects_repeated_or_reserved_section_ids() -> None:
    about = SiteSection(id="about", title="About")
    with pytest.raises(ValueError, match="unique"):
        SiteComponent(id="site", sections=[about, about])
    with pytest.raises(ValueError, match="contact"):
        SiteComponent(id="site", sections=[SiteSection(id="contact", title="Contact")])
    with pytest.raises(ValueError, match="weekdays"):
        SiteItem(label="Mon", days=[7])
