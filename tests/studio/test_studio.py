"""The studio, driven headlessly: create an app, see the stages and the card, change it, undo."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from studio import services

STUDIO = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")


def _wait_for_job(at: AppTest) -> None:
    job_id = at.query_params["job"][0] if isinstance(at.query_params["job"], list) else at.query_params["job"]
    deadline = time.monotonic() + 120
    while services.runner().store.get(job_id).status in ("queued", "running"):
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.2)
    at.run()


def _studio() -> AppTest:
    at = AppTest.from_file(STUDIO, default_timeout=60).run()
    assert not at.exception, at.exception
    return at


def test_the_studio_opens_in_both_languages() -> None:
    at = _studio()
    assert at.title[0].value == "⚡ Flash Apps"
    at.selectbox(key="lang").set_value("zh").run()
    assert not at.exception
    assert at.button(key="create").label == "生成应用"


def test_an_empty_idea_is_one_plain_sentence() -> None:
    at = _studio()
    at.button(key="create").click().run()
    _wait_for_job(at)
    assert not at.exception
    assert any("idea" in e.value for e in at.error)


@pytest.mark.slow
def test_create_change_and_undo_an_app() -> None:
    at = _studio()
    at.text_area(key="idea").set_value("an app to track my daily water intake")
    at.button(key="create").click().run()
    _wait_for_job(at)
    assert not at.exception, at.exception
    assert at.subheader and "Water" in at.subheader[0].value
    assert at.success, [w.value for w in at.warning]  # verified in the sandbox
    at.text_input(key="sentence").set_value("call it Hydro")
    at.button(key="apply").click().run()
    _wait_for_job(at)
    assert "Hydro" in at.subheader[0].value
    at.button(key="undo_1").click().run()
    _wait_for_job(at)
    assert "Hydro" not in at.subheader[0].value
