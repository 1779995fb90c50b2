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


def test_an_engine_that_fails_mid_check_is_a_plain_message_not_a_crash(tmp_path: Path) -> None:
    """A busy or failing engine (a call timing out, a server error) during a check: the check says the sandbox
    is unavailable, in words a maker can act on, and the backend drops its connection for a fresh one."""
    import docker.errors
    import requests

    from sandbox.limits import Limits
    from sandbox.verify import SandboxUnavailable

    closed: list[Exception] = []

    for failure in (requests.exceptions.ReadTimeout("Read timed out."), docker.errors.APIError("500 Server Error")):

        class Containers:
            @staticmethod
            def create(*args: object, failure: Exception = failure, **kwargs: object) -> None:
                raise failure

        class Engine:
            containers = Containers

            @staticmethod
            def close(failure: Exception = failure) -> None:
                closed.append(failure)

        backend = DockerBackend(image="flashapps-sandbox:test", client=Engine())
        with pytest.raises(SandboxUnavailable, match="did not answer in time; try again"):
            backend.run(tmp_path, ["python", "-V"], Limits())
        assert backend._client is None  # the next run connects afresh
    assert len(closed) == 2
