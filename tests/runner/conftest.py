"""Runner fixtures: the three serving backends, a rendered bundle, a runner and a proxy server.

Docker and bubblewrap are skipped where missing (a failure under CI=true); the local backend
is built directly (it is what ``FLASHAPPS_SANDBOX_ALLOW_LOCAL=1`` selects). Every runner made
here is stopped at the end, and no app container or process may be left behind.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from runner_support import BACKENDS, Apps, ProxyServer
from sample_specs import water_tracker
from support import missing, ready_docker

from flashapps.bundle import AppBundle
from generator.planner.scope import with_scope
from generator.render import render
from sandbox.backends.bubblewrap import BubblewrapBackend
from sandbox.backends.docker_backend import SERVE_LABEL, DockerBackend
from sandbox.backends.local import LocalBackend
from sandbox.limits import OWNER
from studio.serving.runner import AppRunner, RunnerSettings


@pytest.fixture(scope="session")
def docker_serve() -> Iterator[DockerBackend]:
    backend = ready_docker()
    yield backend
    mine = {"label": [SERVE_LABEL, f"{OWNER}={os.getpid()}"]}
    left = backend.client.containers.list(all=True, filters=mine, ignore_removed=True)
    for container in left:
        container.remove(force=True)
    assert not left, f"app containers left behind: {[c.name for c in left]}"


@pytest.fixture(scope="session")
def bwrap_serve() -> BubblewrapBackend:
    backend = BubblewrapBackend()
    if not backend.available():
        missing("bubblewrap, setpriv and prlimit")
    assert backend.site.is_dir()
    return backend


@pytest.fixture(params=BACKENDS)
def serve_backend(request: pytest.FixtureRequest) -> Any:
    if request.param == "local":
        return LocalBackend()
    return request.getfixturevalue({"docker": "docker_serve", "bubblewrap": "bwrap_serve"}[request.param])


@pytest.fixture(scope="session")
def water_app(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    return render(water_tracker(), tmp_path_factory.mktemp("served") / "water")


@pytest.fixture(scope="session")
def personal_app(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    """The water tracker whose records are each visitor's own."""
    return render(with_scope(water_tracker(), "personal"), tmp_path_factory.mktemp("personal") / "water")


@pytest.fixture(scope="session")
def broken_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An app whose script raises on every run (Streamlit itself keeps serving)."""
    folder = tmp_path_factory.mktemp("broken") / "app"
    folder.mkdir()
    (folder / "app.py").write_text("raise RuntimeError('this app is broken on purpose')\n")
    return folder


@pytest.fixture
def apps() -> Apps:
    return Apps()


@pytest.fixture
def make_runner(serve_backend: Any, apps: Apps, flashapps_home: Path) -> Iterator[Callable[..., AppRunner]]:
    made: list[AppRunner] = []

    def _make(**settings: Any) -> AppRunner:
        runner = AppRunner(apps, settings=RunnerSettings(**settings), backend=serve_backend, home=flashapps_home)
        made.append(runner)
        return runner

    yield _make
    for runner in made:
        served = [runner.served(key) for key in runner.running()]
        runner.stop_all()
        assert runner.running() == {}
        for each in served:
            assert each is not None and not each.alive(), "an app outlived stop_all"
            assert not each.socket.parent.parent.exists(), "its scratch folder outlived stop_all"


@pytest.fixture
def proxy_server() -> Iterator[Callable[[AppRunner], ProxyServer]]:
    started: list[ProxyServer] = []

    def _start(runner: AppRunner) -> ProxyServer:
        server = ProxyServer(runner).__enter__()
        started.append(server)
        return server

    yield _start
    for server in started:
        server.__exit__(None, None, None)
