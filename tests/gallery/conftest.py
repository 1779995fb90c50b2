"""Gallery fixtures: every gallery test runs on SQLite and on a real, throwaway PostgreSQL."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg import PgServer
from sample_specs import water_tracker
from support import unavailable, water_variants

from flashapps.bundle import AppBundle
from flashapps.report import TestResult, VerifyReport
from gallery import Gallery, GallerySettings, UserView, open_gallery
from generator.render import render


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer | str]:
    """The session's PostgreSQL server, or why there is none."""
    server = PgServer()
    try:
        yield server.start()
    except Exception as error:  # any reason at all: reported as the skip (or, under CI, the failure)
        yield f"PostgreSQL could not start: {type(error).__name__}: {error}"
    finally:
        server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def gallery_settings(request: pytest.FixtureRequest, tmp_path: Path, flashapps_home: Path) -> Iterator[GallerySettings]:
    """Settings for a fresh, empty gallery on each database."""
    store = tmp_path / "store"
    if request.param == "sqlite":
        yield GallerySettings(store_dir=store)
        return
    server = request.getfixturevalue("pg_server")
    if isinstance(server, str):
        unavailable(server, "make test installs PostgreSQL")
    schema = f"t_{secrets.token_hex(6)}"
    yield GallerySettings(database_url=server.url(schema), store_dir=store)
    server.drop_schema(schema)


@pytest.fixture
def gallery(gallery_settings: GallerySettings) -> Iterator[Gallery]:
    opened = open_gallery(gallery_settings)
    yield opened
    opened.close()


@pytest.fixture
def reopen(gallery_settings: GallerySettings) -> Iterator[Callable[[], Gallery]]:
    """Opens the same gallery again, as a restarted process would (migrate + recovery sweep)."""
    opened: list[Gallery] = []

    def _open() -> Gallery:
        opened.append(open_gallery(gallery_settings))
        return opened[-1]

    yield _open
    for each in opened:
        each.close()


@pytest.fixture
def passed() -> VerifyReport:
    """A passing report, built directly (the sandbox itself is tested in tests/sandbox)."""
    return VerifyReport(backend="docker", isolated=True, passed=True, tests=[TestResult(name="t", outcome="passed")])


@pytest.fixture(scope="session")
def water_bundle(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    return render(water_tracker(), tmp_path_factory.mktemp("water") / "bundle")


@pytest.fixture(scope="session")
def variant(tmp_path_factory: pytest.TempPathFactory) -> Callable[..., AppBundle]:
    """Renders the water tracker with other brief values (title, language, kind, category), once each."""
    return water_variants(tmp_path_factory)


@pytest.fixture
def maker(gallery: Gallery) -> UserView:
    return gallery.accounts.register("maker", "maker-password")


@pytest.fixture
def maintainer(gallery: Gallery) -> UserView:
    return gallery.accounts.create_maintainer("boss", "boss-password")
