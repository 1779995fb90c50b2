"""Sandbox fixtures: the real Docker engine (a failure under CI=true, a skip elsewhere),
bubblewrap, and a session-end sweep of labelled leftovers."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import missing, ready_docker

from sandbox.backends.base import Backend
from sandbox.backends.bubblewrap import BubblewrapBackend
from sandbox.backends.docker_backend import DockerBackend, remove_leftovers
from sandbox.limits import LABEL, OWNER


@pytest.fixture(scope="session")
def docker_backend() -> Iterator[DockerBackend]:
    backend = ready_docker()
    yield backend
    mine = {"label": [LABEL, f"{OWNER}={os.getpid()}"]}
    left = backend.client.containers.list(all=True, filters=mine, ignore_removed=True)
    remove_leftovers(backend.client, backend.instance)
    assert not left, f"containers left behind: {[c.name for c in left]}"


@pytest.fixture(scope="session")
def gvisor_backend(docker_backend: DockerBackend) -> DockerBackend:
    backend = DockerBackend(image=docker_backend.image, runtime="runsc", client=docker_backend.client)
    if not backend.available():
        missing("gVisor (runsc registered as a Docker runtime)")
    return backend


@pytest.fixture(scope="session")
def bwrap_backend() -> BubblewrapBackend:
    backend = BubblewrapBackend()
    if not backend.available():
        missing("bubblewrap, setpriv and prlimit")
    assert backend.site.is_dir()
    return backend


@pytest.fixture(params=["docker", "bubblewrap", "gvisor"])
def backend(request: pytest.FixtureRequest) -> Backend:
    fixture = {"docker": "docker_backend", "bubblewrap": "bwrap_backend", "gvisor": "gvisor_backend"}[request.param]
    return request.getfixturevalue(fixture)


@pytest.fixture
def empty_bundle(tmp_path: Path) -> Path:
    folder = tmp_path / "bundle"
    folder.mkdir()
    (folder / "app.py").write_text("print('hi')\n")
    folder.chmod(0o755)
    return folder
