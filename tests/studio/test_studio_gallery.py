"""Gallery, app page, my apps and curate, driven headlessly with apps published through the gallery service."""

from __future__ import annotations

from collections.abc import Callable

from streamlit.testing.v1 import AppTest

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import AppView, Gallery, UserView
from studio import services

Open = Callable[..., AppTest]
Wait = Callable[[AppTest], AppTest]
Users = dict[str, tuple[UserView, str]]
GALLERY, APP, MINE, CURATE = "web/gallery.py", "web/app_page.py", "web/mine.py", "web/curate.py"


def _cards(at: AppTest) -> list[str]:
    return sorted(b.key.removeprefix("open_") for b in at.button if b.key and b.key.startswith("open_"))


def _seed(publish: Callable[..., AppView], gallery: Gallery, users: Users) -> list[AppView]:
    apps = [publish(f"Water tracker {n:02d}") for n in range(20)]
    apps += [publish(f"单词游戏 {n}", language="zh-Hans", kind="game", category="game") for n in range(5)]
    gallery.apps.like(users["boss"][0], apps[3].slug)
    gallery.curation.feature(users["boss"][0], apps[7].slug, "good_example")
    return apps


def test_gallery_search_filters_sorting_and_pages(
    studio: Open, publish: Callable[..., AppView], gallery: Gallery, users: Users
) -> None:
    apps = _seed(publish, gallery, users)
    at = studio(GALLERY)
    assert len(_cards(at)) == 12
    assert any("25 apps · page 1 of 3" in c.value for c in at.caption)
    at.button(key="page_next").click().run()
    at.button(key="page_next").click().run()
    assert len(_cards(at)) == 1 and at.button(key="page_next").disabled
    at.button(key="page_prev").click().run()
    assert len(_cards(at)) == 12
    at.text_input(key="q").set_value("单词").run()  # a new search starts at page 1
    assert _cards(at) == sorted(a.slug for a in apps[20:])
    at.text_input(key="q").set_value("").run()
    at.selectbox(key="f_kind").set_value("game").run()
    assert len(_cards(at)) == 5
    at.selectbox(key="f_kind").set_value("").run()
    at.selectbox(key="f_language").set_value("en").run()
    assert any("20 apps" in c.value for c in at.caption)
    at.selectbox(key="sort").set_value("popular").run()
    assert _first_card(at) == f"open_{apps[3].slug}"
    at.selectbox(key="sort").set_value("featured").run()
    assert _first_card(at) == f"open_{apps[7].slug}"
    assert any("★ Featured" in m.value for m in at.markdown)
    at.text_input(key="q").set_value("nothing like this").run()
    assert at.info and "No app matches" in at.info[0].value


def _first_card(at: AppTest) -> str:
    return next(b.key for b in at.button if b.key and b.key.startswith("open_"))


def test_a_card_opens_the_app_page(studio: Open, publish: Callable[..., AppView]) -> None:
    app = publish("Water tracker")
    at = studio(GALLERY)
    at.button(key=f"open_{app.slug}").click().run()
    assert not at.exception
    assert at.header[0].value == "Water tracker"
    assert at.get("iframe")[0].proto.src == f"http://localhost:8502/apps/{app.slug}/"


def test_a_share_link_opens_with_no_account(studio: Open, publish: Callable[..., AppView]) -> None:
    app = publish("Water tracker")
    at = studio(app=app.slug)  # the root address with ?app=: the app page
    assert at.header[0].value == "Water tracker"
    link = next(c.value for c in at.code if "/s/" in c.value)
    assert link == f"http://localhost:8501/s/{app.slug}"  # the visitor's page
    assert at.image  # the QR code
    assert at.download_button(key="download_zip")
    at.button(key="like").click().run()
    assert at.info and "Sign in" in at.info[0].value  # liking needs an account


def test_app_page_like_report_versions_and_remix(
    studio: Open, wait: Wait, publish: Callable[..., AppView], gallery: Gallery, users: Users,
    bundles: Callable[..., AppBundle], passed: VerifyReport,
) -> None:  # fmt: skip
    app = publish("Water tracker")
    gallery.apps.publish(users["maker"][0], bundles(title="Water tracker 2"), passed, app=app.slug)
    at = studio(APP, token=users["boss"][1], app=app.slug)
    at.button(key="like").click().run()
    assert gallery.apps.get_by_slug(app.slug).like_count == 1
    assert at.button(key="like").label.endswith("(1)")
    at.text_area(key="report_reason").set_value("It <script>shows</script> a rude word")
    at.button(key="report").click().run()
    assert at.success and "maintainers" in at.success[-1].value
    assert gallery.curation.reports(users["boss"][0])[0].reason.startswith("It <script>")
    assert at.selectbox(key="version").options == ["v2 (current)", "v1"]
    at.selectbox(key="version").set_value(1).run()
    assert at.get("iframe")[0].proto.src == f"http://localhost:8502/apps/{app.slug}--v1/"
    at.button(key="remix").click().run()
    wait(at)
    project_id = services.jobs().store.get(at.query_params["job"]).result["project"]  # type: ignore[index]
    assert services.project_meta(project_id)["remix_of"] == [app.slug, 1]
    assert at.get("iframe")[0].proto.src == f"http://localhost:8502/apps/draft-{project_id}/?v=1"
    at.button(key="publish").click().run()
    remix = gallery.apps.get_by_slug(services.project_meta(project_id)["slug"])
    assert remix.remixed_from == app.slug and remix.author == "boss"
    assert gallery.apps.get_by_slug(app.slug).remix_count == 1


def test_a_hidden_app_is_one_sentence_for_others(
    studio: Open, publish: Callable[..., AppView], gallery: Gallery, users: Users
) -> None:
    app = publish("Water tracker")
    gallery.curation.hide(users["boss"][0], app.slug, "spam")
    at = studio(APP, app=app.slug)
    assert len(at.error) == 1 and "not available" in at.error[0].value
    assert not at.get("iframe")
    at = studio(APP, token=users["maker"][1], app=app.slug)  # its author still sees it, with the state
    assert at.warning and "hidden" in at.warning[0].value


def test_my_apps_lists_published_apps_and_drafts(
    studio: Open, wait: Wait, publish: Callable[..., AppView], users: Users
) -> None:
    publish("Water tracker")
    at = studio(token=users["maker"][1])
    at.text_area(key="idea").set_value("a pomodoro timer with a daily count")
    at.button(key="create").click().run()
    wait(at)
    project_id = services.jobs().store.get(at.query_params["job"]).result["project"]  # type: ignore[index]
    at = studio(MINE, token=users["maker"][1])
    assert any("Water tracker" in m.value for m in at.markdown)
    at.button(key=f"draft_{project_id}").click().run()
    assert at.get("iframe")[0].proto.src == f"http://localhost:8502/apps/draft-{project_id}/?v=1"
    assert at.text_input(key="sentence")
    anonymous = studio(MINE)
    assert anonymous.info and "Sign in" in anonymous.info[0].value


def test_curate_refuses_makers_and_hides_an_app_with_a_reason(
    studio: Open, publish: Callable[..., AppView], gallery: Gallery, users: Users
) -> None:
    app = publish("Water tracker")
    gallery.apps.report(None, app.slug, "copied from my class")
    maker = studio(CURATE, token=users["maker"][1])
    assert maker.error and "Only maintainers" in maker.error[0].value
    assert "curate_open" not in [b.key for b in maker.button]
    at = studio(CURATE, token=users["boss"][1])
    assert any("copied from my class" in m.value for m in at.markdown)
    report_id = gallery.curation.reports(users["boss"][0])[0].id
    at.button(key=f"review_report_{report_id}").click().run()
    assert at.json and any("app.py" in c.value for c in at.caption)
    assert any("import streamlit" in c.value for c in at.code)
    at.selectbox(key="curate_reason_code").set_value("copyright")
    at.text_input(key="curate_reason").set_value("copied without permission")
    at.button(key="act_hide").click().run()
    assert at.success and "hidden" in at.success[0].value
    assert gallery.apps.get_by_slug(app.slug, users["boss"][0]).state == "hidden"
    entry = gallery.curation.audit_log(users["boss"][0], target=app.slug)[0]
    assert entry.action == "app.hide" and entry.note == "copied without permission"
    at.selectbox(key="curate_reason_code").set_value("")  # a rejection needs a reason
    at.button(key="act_reject").click().run()
    assert at.error and "Choose a reason" in at.error[0].value
    assert gallery.apps.get_by_slug(app.slug, users["boss"][0]).state == "hidden"
