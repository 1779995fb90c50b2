"""API fixtures: the API's routes (studio/api, as studio/server.py mounts them) served by Starlette's TestClient
over a temporary FLASHAPPS_HOME, two users with API tokens, and a client that checks every answer against the
OpenAPI description (the schema described for its path, method and status).

The routes are served by a plain Starlette app: building ``st.App`` starts Streamlit's runtime, one per process,
which the AppTest tests in this process must not meet (see tests/studio/test_studio_auth.py);
test_api_server.py goes through the real server in a process of its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Api, Gate
from starlette.applications import Starlette
from starlette.testclient import TestClient

from gallery import Gallery
from studio import services
from studio.api.guard import RequestLimits
from studio.api.routes import api_routes


@pytest.fixture(scope="session")
def seen() -> set[tuple[str, str, int]]:
    """Every (method, path, status) the API answered in this session's tests."""
    return set()


@pytest.fixture
def client(gallery: Gallery) -> Iterator[TestClient]:
    with TestClient(Starlette(routes=api_routes(RequestLimits(per_minute=1000)))) as client:
        yield client


@pytest.fixture
def tokens(gallery: Gallery) -> dict[str, str]:
    """API tokens of two makers, alice and bob."""
    made = {}
    for name in ("alice", "bob"):
        user = gallery.accounts.register(name, f"{name}-password")
        made[name], _ = gallery.api_tokens.create(user, "tests")
    return made


@pytest.fixture
def api(client: TestClient, tokens: dict[str, str], seen: set[tuple[str, str, int]]) -> dict[str, Api]:
    """Clients as alice, as bob, and with no token (``None``)."""
    return {"alice": Api(client, tokens["alice"], seen), "bob": Api(client, tokens["bob"], seen),
            "nobody": Api(client, None, seen)}  # fmt: skip


@pytest.fixture(autouse=True)
def _queue_stops(flashapps_home: Path) -> Iterator[None]:
    """Each test's job queue (one per home) finishes its jobs before the home folder goes."""
    yield
    queue = services.jobs()
    shutdown = getattr(queue, "shutdown", None)
    if shutdown is not None:
        shutdown()


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> Iterator[Gate]:
    held = Gate()
    monkeypatch.setattr(services, "workshop", held.workshop)
    yield held
    for _ in range(8):  # whatever a failed test left waiting goes on, so the queue can stop
        held.permits.release()
