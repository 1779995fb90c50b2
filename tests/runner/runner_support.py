"""Helpers the runner tests import by name (a conftest is no module to import from: several share that name).

``BACKENDS`` the serving backends tested, ``Apps`` a fixed resolver, ``ProxyServer`` the proxy routes on a
real uvicorn server, ``app_session`` one Streamlit script run over the app's WebSocket, ``free_port``.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import threading
import time
from collections.abc import AsyncIterator
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from flashapps.files import folder_digest
from studio.serving.proxy import proxy_routes
from studio.serving.runner import AppRunner, Target

__all__ = ["BACKENDS", "Apps", "ProxyServer", "app_session", "free_port"]

BACKENDS = ["docker", "bubblewrap", "local"]


class Apps(dict[str, Target]):
    """A resolver over a fixed table: ``apps["a"] = path`` serves ``path`` at /apps/a/."""

    def add(self, key: str, code: Path, data_key: str | None = None) -> None:
        self[key] = Target(key=key, code=Path(code), fingerprint=folder_digest(Path(code)), data_key=data_key or key)

    def __call__(self, key: str) -> Target:
        if key not in self:
            raise LookupError(key)
        return self[key]


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


async def app_session(url: str, hold_s: float = 0.0, headers: dict[str, str] | None = None) -> bytes:
    """Opens the app's WebSocket through the proxy (with ``headers``: a cookie), runs the script once,
    returns what came back."""
    ws_url = url.replace("http://", "ws://") + "_stcore/stream"
    received = b""
    async with connect(
        ws_url,
        subprotocols=["streamlit"],
        open_timeout=30,
        max_size=None,
        additional_headers=headers,  # type: ignore[list-item]
    ) as ws:
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
