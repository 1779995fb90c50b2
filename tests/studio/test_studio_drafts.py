"""A draft's link shows the draft to anyone; only its maker's session gets the boxes that change or publish it.

Each ``studio()`` is a browser session of its own: the anonymous maker's secret lives in its session (the
cookie that keeps it across reloads is tested with the route, in test_drafts_cookie.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from gallery import AppView, Gallery, UserView
from studio import services
from workshop.makers import Maker, NotYourDraft

Open = Callable[..., AppTest]
Wait = Callable[[AppTest], AppTest]

EDITING = ("apply", "undo", "publish", "upload_apply")


def _made(at: AppTest) -> str:
    """The project the job in the page's address made."""
    job = at.query_params["job"]
    return str(services.jobs().store.get(job[0] if isinstance(job, list) else job).result["project"])  # type: ignore[index]


def _create(at: AppTest, wait: Wait, idea: str = "an app to track my daily water intake") -> str:
    at.text_area(key="idea").set_value(idea)
    at.button(key="create").click().run()
    wait(at)
    return _made(at)


def _keys(at: AppTest) -> set[str]:
    return {str(b.key) for b in at.button} | {str(t.key) for t in at.text_input}


def _read_only(at: AppTest) -> None:
    assert not at.exception, at.exception
    assert at.get("iframe"), "the draft itself is shown"
    keys = _keys(at)
    assert not keys & {*EDITING, "sentence", "publish_title"}, keys
    assert not [k for k in keys if k.startswith("undo_")], keys
    assert not at.get("segmented_control"), "the records switch is the maker's"
    assert any("someone else's draft" in i.value for i in at.info), [i.value for i in at.info]
    assert at.button(key="remix_draft")


def test_a_second_session_with_the_link_sees_the_draft_but_cannot_change_it(studio: Open, wait: Wait) -> None:
    maker = studio()
    project = _create(maker, wait)
    assert maker.text_input(key="sentence") and maker.get("segmented_control")  # the maker's own session
    stranger = studio(project=project)
    _read_only(stranger)
    stranger.selectbox(key="lang").set_value("zh").run()
    assert any("别人的草稿" in i.value for i in stranger.info)
    assert stranger.button(key="remix_draft").label == "改编这个草稿"
    maker.text_input(key="sentence").set_value("call it Hydro")  # the maker still changes it
    maker.button(key="apply").click().run()
    wait(maker)
    assert services.projects().get(project).current == 2


def test_a_signed_in_stranger_cannot_publish_or_claim_an_anonymous_draft(
    studio: Open, wait: Wait, users: dict[str, tuple[UserView, str]], gallery: Gallery
) -> None:
    project = _create(studio(), wait)
    boss = studio(token=users["boss"][1], project=project)
    _read_only(boss)
    with pytest.raises(NotYourDraft):
        services.publish(project, users["boss"][0])
    with pytest.raises(NotYourDraft):  # a job started anyway fails the same way: the use case checks
        services.workshop().undo(project, 1, actor=Maker(username="boss"))
    assert services.projects().get(project).owner is None and gallery.browse().total == 0


def test_the_anonymous_maker_signs_in_and_publishes_from_the_same_browser(
    studio: Open, wait: Wait, users: dict[str, tuple[UserView, str]], gallery: Gallery
) -> None:
    at = studio()
    project = _create(at, wait)
    at.session_state["token"] = users["maker"][1]  # signed in, in this browser
    at.run()
    at.button(key="publish").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert services.projects().get(project).owner == "maker"
    assert gallery.browse().total == 1


def test_a_remix_of_someone_elses_draft_is_ones_own(studio: Open, wait: Wait) -> None:
    project = _create(studio(), wait)
    stranger = studio(project=project)
    stranger.button(key="remix_draft").click().run()
    wait(stranger)
    mine = _made(stranger)
    assert mine != project
    stranger.text_input(key="sentence").set_value("call it Hydro")
    stranger.button(key="apply").click().run()
    wait(stranger)
    assert services.projects().get(mine).current == 2 and services.projects().get(project).current == 1


def test_my_apps_lists_the_drafts_made_in_this_browser(studio: Open, wait: Wait) -> None:
    at = studio()
    project = _create(at, wait)
    at.switch_page("web/mine.py").run()
    assert at.button(key=f"draft_{project}")
    assert not studio("web/mine.py").button, "another browser sees none of them"


def test_a_remix_of_a_published_app_without_an_account_is_this_browsers(
    studio: Open, wait: Wait, publish: Callable[..., AppView]
) -> None:
    app = publish("Water tracker")
    at = studio("web/app_page.py", app=app.slug)
    at.button(key="remix").click().run()
    wait(at)
    project = _made(at)
    assert at.text_input(key="sentence"), "the remixer changes their remix"
    assert services.projects().get(project).creator is not None
    _read_only(studio(project=project))  # another browser only looks at it
