"""Runner fixtures: the three serving backends, a rendered bundle, a runner and a proxy server.

Docker and bubblewrap are skipped where missing (a failure under CI=true); the local backend
is built directly (it is what ``FLASHAPPS_SANDBOX_ALLOW_LOCAL=1`` selects). Every runner made
here is stopped at the end, and no app container or process may be left behind.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from sample_specs import water_tracker
from starlette.applications import Starlette
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from gallery.proxy import proxy_routes
from gallery.runner import AppRunner, RunnerSettings, Target
from generator.render import AppBundle, render
from sandbox.backends.bubblewrap import BubblewrapBackend
from sandbox.backends.docker_backend import SERVE_LABEL, DockerBackend
from sandbox.backends.local import LocalBackend
from sandbox.image import ensure_image
from sandbox.limits import OWNER

CI = os.environ.get("CI") == "true"
BACKENDS = ["docker", "bubblewrap", "local"]


def _missing(what: str) -> None:
    if CI:
        pytest.fail(f"{what} is required under CI=true (make test starts it)")
    pytest.skip(f"{what} is not available here")


@pytest.fixture(scope="session")
def docker_serve() -> Iterator[DockerBackend]:
    backend = DockerBackend()
    if not backend.available():
        _missing("a Docker engine")
    backend = DockerBackend(image=ensure_image(backend.client, log=lambda _: None), client=backend.client)
    yield backend
    mine = {"label": [SERVE_LABEL, f"{OWNER}={os.getpid()}"]}
    left = backend.client.containers.list(all=True, filters=mine)
    for container in left:
        container.remove(force=True)
    assert not left, f"app containers left behind: {[c.name for c in left]}"


@pytest.fixture(scope="session")
def bwrap_serve() -> BubblewrapBackend:
    backend = BubblewrapBackend()
    if not backend.available():
        _missing("bubblewrap, setpriv and prlimit")
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
def broken_app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An app whose script raises on every run (Streamlit itself keeps serving)."""
    folder = tmp_path_factory.mktemp("broken") / "app"
    folder.mkdir()
    (folder / "app.py").write_text("raise RuntimeError('this app is broken on purpose')\n")
    return folder


class Apps(dict[str, Target]):
    """A resolver over a fixed table: ``apps["a"] = path`` serves ``path`` at /apps/a/."""

    def add(self, key: str, code: Path, fingerprint: str = "v1", data_key: str | None = None) -> None:
        self[key] = Target(key=key, code=Path(code), fingerprint=fingerprint, data_key=data_key or key)

    def __call__(self, key: str) -> Target:
        if key not in self:
            raise LookupError(key)
        return self[key]


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


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class ProxyServer:
    """The proxy routes on a real uvicorn server (a thread), as the studio serves them."""

    def __init__(self, runner: AppRunner) -> None:
        routes, self.proxy = proxy_routes(runner)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        proxy = self.proxy

        @contextlib.asynccontextmanager
        async def lifespan(_app: Starlette) -> AsyncIterator[None]:
            yield
            await proxy.aclose()

        config = uvicorn.Config(
            Starlette(routes=routes, lifespan=lifespan), host="127.0.0.1", port=self.port, log_level="warning",
            ws="websockets-sansio", lifespan="on",
        )  # fmt: skip
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> ProxyServer:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        assert self.server.started
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


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


async def _session(url: str, hold_s: float = 0.0) -> bytes:
    """Opens the app's WebSocket through the proxy, runs the script once, returns what came back."""
    ws_url = url.replace("http://", "ws://") + "_stcore/stream"
    received = b""
    async with connect(ws_url, subprotocols=["streamlit"], open_timeout=30, max_size=None) as ws:  # type: ignore[list-item]
        assert ws.subprotocol == "streamlit"
        rerun = BackMsg()
        rerun.rerun_script.query_string = ""
        await ws.send(rerun.SerializeToString())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            data = await asyncio.wait_for(ws.recv(), timeout=30)
            assert isinstance(data, bytes)
            received += data
            message = ForwardMsg()
            message.ParseFromString(data)
            if message.WhichOneof("type") == "script_finished":
                break
        else:
            raise AssertionError("the script never finished")
        await asyncio.sleep(hold_s)
    return received
