"""Studio fixtures: the studio under AppTest, a fast verify (unless a test asks for the sandbox), users, apps."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from support import water_variants

from flashapps.bundle import AppBundle
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import AppView, Gallery, UserView
from studio import services
from workshop.actions import Workshop

STUDIO = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")


def passing_report() -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


@pytest.fixture(autouse=True)
def fast_verify(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every bundle passes a made-up check at once, except in tests marked slow (the real sandbox)."""
    if "slow" not in request.keywords:
        monkeypatch.setattr(services, "workshop", lambda: Workshop(Settings(), verify=lambda folder: passing_report()))


@pytest.fixture(autouse=True)
def no_model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("FLASHAPPS_PROVIDER", "FLASHAPPS_PUBLIC_URL", "OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def passed() -> VerifyReport:
    return passing_report()


@pytest.fixture
def gallery(flashapps_home: Path) -> Gallery:
    return services.gallery()


@pytest.fixture
def studio() -> Callable[..., AppTest]:
    """A fresh browser session on a page (the create page by default), signed in with ``token``."""

    def _open(page: str = "", token: str | None = None, **query: str) -> AppTest:
        at = AppTest.from_file(STUDIO, default_timeout=60)
        if token:
            at.session_state["token"] = token
        for key, value in query.items():
            at.query_params[key] = value
        at.run()
        if page:
            at.switch_page(page).run()
            # AppTest would otherwise go back to this page on every later run; a browser stays where
            # the app's own st.switch_page sent it (a remix opens the create page, a card the app page).
            at._page_hash = ""
        assert not at.exception, at.exception
        return at

    return _open


def _wait_for_job(at: AppTest) -> AppTest:
    job_id = at.query_params["job"]
    job_id = job_id[0] if isinstance(job_id, list) else job_id
    deadline = time.monotonic() + 120
    while services.jobs().store.get(job_id).status in ("queued", "running"):
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.1)
    at.run()
    assert not at.exception, at.exception
    return at


@pytest.fixture
def wait() -> Callable[[AppTest], AppTest]:
    """Waits (bounded) for the job in the page's address to finish, then reruns the page."""
    return _wait_for_job


@pytest.fixture
def users(gallery: Gallery) -> dict[str, tuple[UserView, str]]:
    """A maker and a maintainer with their session tokens."""
    maker = gallery.accounts.register("maker", "maker-password")
    boss = gallery.accounts.create_maintainer("boss", "boss-password")
    return {
        "maker": (maker, gallery.accounts.login("maker", "maker-password")),
        "boss": (boss, gallery.accounts.login("boss", "boss-password")),
    }


@pytest.fixture(scope="session")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., AppBundle]:
    """The water tracker rendered with other brief values (title, language, kind, category), once each."""
    return water_variants(tmp_path_factory)


@pytest.fixture
def publish(gallery: Gallery, users: dict[str, tuple[UserView, str]], bundles: Callable[..., AppBundle]
            ) -> Iterator[Callable[..., AppView]]:  # fmt: skip
    """Publishes a water-tracker variant as the maker."""

    def _publish(title: str, **brief: object) -> AppView:
        return gallery.apps.publish(users["maker"][0], bundles(title=title, **brief), passing_report())

    yield _publish
