"""The curate page as a maintainer uses it (headless): every app with search, filters and pages; an action needs a
reason; the author then sees why on "my apps" and the app page, in their language, with no share link while hidden;
the audit log reads as sentences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from streamlit.testing.v1 import AppTest

from gallery import AppView, Gallery, UserView

Open = Callable[..., AppTest]
Users = dict[str, tuple[UserView, str]]
APP, MINE, CURATE = "web/app_page.py", "web/mine.py", "web/curate.py"
STUDIO = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")


def _rows(at: AppTest) -> list[str]:
    return sorted(b.key.removeprefix("review_all_") for b in at.button if b.key and b.key.startswith("review_all_"))


def _zh(page: str, token: str, **query: str) -> AppTest:
    """A session whose browser asks for Chinese from its first run (switching later confuses AppTest's widgets)."""
    at = AppTest.from_file(STUDIO, default_timeout=60)
    at.session_state["token"], at.session_state["lang"] = token, "zh"
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(page).run()
    at._page_hash = ""
    assert not at.exception, at.exception
    return at


def test_the_list_searches_filters_and_pages_every_app(
    studio: Open, publish: Callable[..., AppView], gallery: Gallery, users: Users
) -> None:
    apps = [publish(f"Water tracker {n:02d}") for n in range(12)]
    words = publish("背单词小游戏", language="zh-Hans", kind="game", category="game")
    boss = users["boss"][0]
    gallery.curation.hide(boss, apps[0].slug, "broken", "does not save")
    gallery.apps.report(None, apps[1].slug, "rude words")
    at = studio(CURATE, token=users["boss"][1])
    assert len(_rows(at)) == 10 and any("1 of 2" in c.value and "13" in c.value for c in at.caption)
    at.button(key="cur_next").click().run()
    assert len(_rows(at)) == 3 and any("2 of 2" in c.value for c in at.caption)
    at.selectbox(key="cur_state").set_value("hidden").run()
    assert _rows(at) == [apps[0].slug]  # a filter goes back to page 1
    assert any("hidden" in m.value and "Water tracker 00" in m.value for m in at.markdown)
    at.selectbox(key="cur_state").set_value("").run()
    at.selectbox(key="cur_reported").set_value("yes").run()
    assert _rows(at) == [apps[1].slug] and any("⚑ 1" in m.value for m in at.markdown)
    at.selectbox(key="cur_reported").set_value("").run()
    at.selectbox(key="cur_kind").set_value("game").run()
    assert _rows(at) == [words.slug]
    at.selectbox(key="cur_kind").set_value("").run()
    at.text_input(key="cur_query").set_value("单词").run()
    assert _rows(at) == [words.slug]
    at.text_input(key="cur_query").set_value("maker").run()  # the author
    assert len(_rows(at)) == 10
    at.selectbox(key="cur_language").set_value("zh-Hans").run()
    assert _rows(at) == [words.slug]
    at.text_input(key="cur_query").set_value("nothing like this").run()
    assert _rows(at) == [] and any("No app matches" in c.value for c in at.caption)
    at.text_input(key="cur_query").set_value("").run()
    at.selectbox(key="cur_language").set_value("").run()
    at.button(key=f"review_all_{words.slug}").click().run()
    assert any("背单词小游戏" in m.value for m in at.markdown) and not at.exception


def test_an_action_needs_a_reason_and_the_author_sees_it(
    studio: Open, publish: Callable[..., AppView], gallery: Gallery, users: Users
) -> None:
    app = publish("Class roster")
    at = studio(CURATE, token=users["boss"][1])
    at.button(key=f"review_all_{app.slug}").click().run()
    at.text_input(key="curate_reason").set_value("asks for home addresses")
    at.button(key="act_hide").click().run()  # words alone: no reason chosen
    assert at.error and "Choose a reason" in at.error[0].value
    assert gallery.apps.get_by_slug(app.slug).state == "published"
    zh = _zh(CURATE, users["boss"][1])
    zh.button(key=f"review_all_{app.slug}").click().run()
    zh.button(key="act_hide").click().run()
    assert zh.error and "请选择理由" in zh.error[0].value
    at.selectbox(key="curate_reason_code").set_value("other").run()
    at.text_input(key="curate_reason").set_value("").run()
    at.button(key="act_hide").click().run()
    assert at.error and "Other" in at.error[0].value
    at.selectbox(key="curate_reason_code").set_value("personal_data").run()
    at.text_input(key="curate_reason").set_value("asks for home addresses").run()
    at.button(key="act_hide").click().run()
    assert at.success and "hidden" in at.success[0].value
    audit = " ".join(m.value for m in at.markdown)
    assert "boss hid “Class roster”" in audit and "Collects or shows personal data — asks for home addresses" in audit
    assert f"([{app.slug}](app?app={app.slug}))" in audit and "app.hide" not in audit and "{" not in audit
    zh_audit = " ".join(m.value for m in _zh(CURATE, users["boss"][1]).markdown)
    assert "boss 隐藏了“Class roster”" in zh_audit and "理由：收集或展示个人信息 — asks for home addresses" in zh_audit
    assert "boss 登录了boss" in zh_audit and "创建了维护者账号boss" in zh_audit  # accounts read as words too

    mine = studio(MINE, token=users["maker"][1])
    why = " ".join(w.value for w in mine.warning)
    assert "Collects or shows personal data — asks for home addresses" in why
    assert any("no link to share" in c.value for c in mine.caption)
    mine = _zh(MINE, users["maker"][1])
    assert any("收集或展示个人信息 — asks for home addresses" in w.value for w in mine.warning)
    assert any("已隐藏" in m.value for m in mine.markdown)

    page = studio(APP, token=users["maker"][1], app=app.slug)
    assert any("Collects or shows personal data" in w.value for w in page.warning)
    assert not any("/s/" in c.value or app.slug in c.value for c in page.code)  # no share link while hidden
    stranger = studio(APP, app=app.slug)
    assert stranger.error and "not available" in stranger.error[0].value
    assert "home addresses" not in stranger.error[0].value

    gallery.curation.unhide(users["boss"][0], app.slug, "checked", "fixed in v2")
    page = studio(APP, token=users["maker"][1], app=app.slug)
    assert not any("personal data" in w.value for w in page.warning)
    assert any(app.slug in c.value for c in page.code)  # the share link is back
