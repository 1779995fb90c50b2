"""An engine whose socket is there but nobody answers (dockerd stopped): the Docker backend says it is not
available and leaves no connection open (docker-py alone leaks the refused socket: a ResourceWarning, an error
under the test suite's warning filters, in every page that asks)."""

from __future__ import annotations

import gc
import socket
import warnings
from pathlib import Path

import pytest

from sandbox.backends.docker_backend import DockerBackend


def test_a_stopped_engine_is_unavailable_and_leaks_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    dead = tmp_path / "docker.sock"
    with socket.socket(socket.AF_UNIX) as gone:
        gone.bind(str(dead))  # the file stays; nobody listens
    monkeypatch.setenv("DOCKER_HOST", f"unix://{dead}")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        backend = DockerBackend()
        assert backend.available() is False
        del backend
        gc.collect()
    assert [str(w.message) for w in caught if issubclass(w.category, ResourceWarning)] == []
