"""Which studio replica answered: ``X-Flash-Replica: <name>`` on every HTTP response and WebSocket handshake,
when ``FLASHAPPS_REPLICA`` names this process (unset: no header).

Behind a load balancer with several replicas, an operator (or a test) reads it to see where a request went and
that a dead replica's share moved to the others. The name is the operator's choice; leave it unset where
visitors should not learn how many replicas there are.
"""

from __future__ import annotations

import os
from typing import Any

__all__ = ["HEADER", "ReplicaHeader", "with_replica_header"]

HEADER = b"x-flash-replica"
_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.")


class ReplicaHeader:
    """ASGI middleware adding ``X-Flash-Replica`` to what ``app`` sends."""

    def __init__(self, app: Any, name: str) -> None:
        if not name or len(name) > 64 or not set(name) <= _NAME_CHARS:
            raise ValueError("FLASHAPPS_REPLICA is 1 to 64 letters, digits, dots, dashes or underscores")
        self.app, self.name = app, name.encode()

    def __getattr__(self, attribute: str) -> Any:  # the wrapped app's own attributes (the server reads ``runner``)
        if attribute == "app":
            raise AttributeError(attribute)
        return getattr(self.app, attribute)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return

        async def tagged(message: dict[str, Any]) -> None:
            if message["type"] in ("http.response.start", "websocket.accept"):
                headers = [*message.get("headers", []), (HEADER, self.name)]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, tagged)


def with_replica_header(app: Any) -> Any:
    """``app`` tagged with ``FLASHAPPS_REPLICA`` when it is set, else ``app`` itself."""
    name = os.environ.get("FLASHAPPS_REPLICA", "").strip()
    return ReplicaHeader(app, name) if name else app
