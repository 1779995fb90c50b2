"""The proxy's pooled client to an app keeps no cookies: what an app sets for one visitor never reaches the next."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn

from studio.serving.proxy import AppProxy


async def _echo_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Sets a cookie on every answer and says which cookie header it was sent."""
    if scope["type"] != "http":
        return
    sent = dict(scope["headers"]).get(b"cookie", b"")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"set-cookie", b"app_cookie=first-visitor; Path=/"), (b"content-type", b"text/plain")]})  # fmt: skip
    await send({"type": "http.response.body", "body": sent})


class _NoRunner:
    def running(self) -> dict[str, Path]:
        return {}


def test_a_cookie_an_app_sets_is_not_sent_with_the_next_visitors_request(tmp_path: Path) -> None:
    socket = tmp_path / "app.sock"
    server = uvicorn.Server(uvicorn.Config(_echo_app, uds=str(socket), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started

    async def two_visitors() -> list[str]:
        proxy = AppProxy(_NoRunner())  # type: ignore[arg-type]
        client = proxy._client(socket)
        try:
            return [(await client.get("http://app/")).text for _ in range(2)]
        finally:
            await proxy.aclose()

    try:
        first, second = asyncio.run(two_visitors())
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    assert (first, second) == ("", "")  # the first answer's cookie was not kept for the second request
