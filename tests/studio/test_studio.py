"""The create page, driven headlessly: an idea, the stages as they finish, the live app, change, undo, publish."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from streamlit.testing.v1 import AppTest

from flashapps.errors import UserError
from gallery import Gallery, UserView
from studio import services

Open = Callable[..., AppTest]
Wait = Callable[[AppTest], AppTest]

STAGE_NAMES = ("Value", "Data", "Feedback", "Screens", "Logic", "Key paths", "Verify")


def _markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def _create(at: AppTest, wait: Wait, idea: str = "an app to track my daily water intake") -> AppTest:
    at.text_area(key="idea").set_value(idea)
    at.button(key="create").click().run()
    return wait(at)


def test_the_studio_opens_in_english_and_switches_to_chinese(studio: Open) -> None:
    at = studio()
    assert at.title[0].value == "⚡ Flash Apps"
    assert at.button(key="create").label == "Create app"
    at.selectbox(key="lang").set_value("zh").run()
    assert not at.exception
    assert at.button(key="create").label == "生成应用"
    assert at.button(key="example_0").label == "帮我做一个背单词的小游戏"


def test_an_example_fills_the_idea_box(studio: Open) -> None:
    at = studio()
    at.button(key="example_2").click().run()
    assert at.text_area(key="idea").value == "a quiz on photosynthesis for my class"


def test_an_empty_idea_is_one_plain_sentence(studio: Open, wait: Wait) -> None:
    at = _create(studio(), wait, idea="")
    assert len(at.error) == 1
    assert "idea" in at.error[0].value
    assert "Traceback" not in at.error[0].value
    assert at.text_area(key="idea")  # the box is back to try again


def test_create_shows_every_stage_the_live_app_the_card_and_the_check(studio: Open, wait: Wait) -> None:
    at = _create(studio(), wait)
    lines = _markdown(at)
    for name in STAGE_NAMES:
        assert any(line.startswith(f"✅ **{name}** · ") and " ms — " in line for line in lines), name
    project_id = services.jobs().store.get(at.query_params["job"]).result["project"]  # type: ignore[index]
    assert at.get("iframe")[0].proto.src == f"http://localhost:8502/apps/draft-{project_id}/?v=1"
    assert any("Water Tracker" in line for line in lines)
    assert any(line.startswith("**Core metrics** — Today") for line in lines)
    assert any(line.startswith("**What it keeps** — ") for line in lines)
    assert any(line.startswith("**What it shows you** — ") for line in lines)
    assert at.success and "Verified" in at.success[0].value
    assert at.text_input(key="sentence")
    assert at.info and "Sign in to publish" in at.info[0].value  # anonymous: publishing needs an account


def test_a_follow_up_change_then_undo(studio: Open, wait: Wait) -> None:
    at = _create(studio(), wait)
    at.text_input(key="sentence").set_value("call it Hydro")
    at.button(key="apply").click().run()
    wait(at)
    assert any("#### 💧 Hydro" in line for line in _markdown(at))
    assert any(line.startswith("✅ **Verify**") for line in _markdown(at))  # the change was checked again
    assert at.get("iframe")[0].proto.src.endswith("/?v=2")  # the browser reloads the live app
    at.button(key="undo").click().run()
    wait(at)
    assert not any("Hydro" in line and line.startswith("####") for line in _markdown(at))
    assert any("#### 💧 Water Tracker" in line for line in _markdown(at))
    at.button(key="undo_2").click().run()  # any version can come back
    wait(at)
    assert any("#### 💧 Hydro" in line for line in _markdown(at))


def test_a_change_it_cannot_understand_is_one_sentence_and_keeps_the_app(studio: Open, wait: Wait) -> None:
    at = _create(studio(), wait)
    at.text_input(key="sentence").set_value("qwxz blorp")
    at.button(key="apply").click().run()
    wait(at)
    assert len(at.error) == 1 and "Rephrase" in at.error[0].value
    assert any("#### 💧 Water Tracker" in line for line in _markdown(at))


def test_publish_needs_a_user_then_gives_an_absolute_share_link(
    studio: Open, wait: Wait, users: dict[str, tuple[UserView, str]], gallery: Gallery,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://apps.example.org/")
    at = _create(studio(token=users["maker"][1]), wait)
    at.text_input(key="publish_title").set_value("My water")
    at.button(key="publish").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    link = at.code[-1].value
    assert link.startswith("https://apps.example.org/s/")  # the visitor's page
    slug = link.rsplit("/", 1)[1]
    found = gallery.apps.get_by_slug(slug)
    assert found.title == "My water" and found.author == "maker"
    project_id = services.jobs().store.get(at.query_params["job"]).result["project"]  # type: ignore[index]
    assert [p.id for p in services.projects().owned_by("maker")] == [project_id]
    at.text_input(key="sentence").set_value("call it Hydro")  # a change, published again: a new version
    at.button(key="apply").click().run()
    wait(at)
    at.button(key="publish").click().run()
    assert gallery.apps.get_by_slug(slug).latest_version == 2
    someone = studio(token=users["boss"][1], project=project_id)  # a draft is published by its owner only
    assert not [b for b in someone.button if b.key in ("publish", "undo")] and not someone.text_input
    with pytest.raises(UserError, match="Only the person who made this draft"):
        services.publish(project_id, users["boss"][0])


@pytest.mark.slow
def test_create_in_the_real_sandbox(studio: Open, wait: Wait) -> None:
    at = _create(studio(), wait)
    assert at.success, [w.value for w in at.warning]
    verify = next(line for line in _markdown(at) if line.startswith("✅ **Verify**"))
    assert "fake" not in verify and "passed" in verify


def test_a_local_runner_backend_is_a_warning_in_both_languages(studio: Open, monkeypatch: pytest.MonkeyPatch) -> None:
    """The banner knows how the runner serves apps (not only how they are verified)."""
    monkeypatch.setenv("FLASHAPPS_RUNNER_BACKEND", "local")
    monkeypatch.setenv("FLASHAPPS_SANDBOX_ALLOW_LOCAL", "1")
    monkeypatch.setattr(services, "backend_banner", lambda: None)  # verification itself is not what warns here
    at = studio()
    assert any("NOT ISOLATED" in w.value for w in at.warning), [w.value for w in at.warning]
    at.selectbox(key="lang").set_value("zh").run()
    assert any("未隔离" in w.value for w in at.warning), [w.value for w in at.warning]
    monkeypatch.setattr(services, "_SERVING", {"runner": _Named("docker")})  # the server's own runner wins
    assert not studio().warning


class _Named:
    """A runner as the banner sees it: only the name of its backend."""

    def __init__(self, backend_name: str) -> None:
        self.backend_name = backend_name
