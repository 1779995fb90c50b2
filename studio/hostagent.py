"""``flashapps host``: a sandbox host, serving apps next to its own Docker engine for the studio replicas.

Each host runs the serving part (the runner of studio/serving/runner.py) with the engine its environment names
(``DOCKER_HOST``, or bubblewrap where ``FLASHAPPS_RUNNER_BACKEND`` says so), on its own address, and answers
only signed requests (studio/serving/host_auth.py: 401 without a valid ``X-Flash-Host-Auth`` covering the time, a
nonce used once, the method, path and query, the body and every header it passes on):

- ``POST /_host/ensure/<key>``: start the app (or find it running) and record that it runs here;
- ``/apps/<key>/...``: the app itself, HTTP and WebSocket, relayed to its sandbox's socket (the replica in front
  has already dealt with cookies, visitors and owners, and passes the visitor and owner headers on);
- ``GET /_host/health``: its name and running apps.

It says it is alive every ``heartbeat_s`` in the database (gallery/placement.py), with how many apps it runs.

**Data.** An app's data folder lives on the host running it (``<home>/appdata/<name>``). Every ``sync_s``
seconds the host packs each running app's data folder and, when it changed, saves it to the database; it does
so again when an app stops cleanly (idle, evicted, the host stopped). A host starting an app first unpacks the
newest saved copy into the folder. So when a host is lost (its process or machine gone without a clean stop),
its apps start on another host at their next visit with their data as of the last save: **at most ``sync_s``
seconds of their newest writes are lost** (plus the time one save takes). A copy is taken only when no SQLite
write is in progress and nothing changed while it was read, so it is never torn; a folder busy for a whole
round is saved on the next.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import httpx2
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket
from websockets.exceptions import InvalidHandshake

from gallery.errors import UserError
from gallery.placement import Placements
from sandbox.backends.serve import prepare
from studio.serving.errors import AppNotServed, RunnerBusy
from studio.serving.host_auth import TRANSPORT, Signed
from studio.serving.host_data import DataKeeper, pack, unpack
from studio.serving.hosts import HostSettings, keeps_no_cookies
from studio.serving.proxy import FRAME_BYTES, HOP_BY_HOP, OWNER_HEADER, VISITOR_HEADER, connect_app, relay, streamed
from studio.serving.runner import AppRunner, RunnerSettings, valid_key

__all__ = ["DataKeeper", "HostAgent", "Signed", "pack", "passes_headers_on", "unpack"]

log = logging.getLogger(__name__)
_DROP = HOP_BY_HOP | TRANSPORT  # every header passed on to an app was signed


# -- the agent ----------------------------------------------------------------------------
def passes_headers_on(scope: dict[str, Any]) -> bool:
    """Whether a route passes the request's headers on to an app (so every one of them must be signed)."""
    return str(scope["path"]).startswith("/apps/")


def _error_body(error: UserError) -> dict[str, str]:
    return {"en": error.message("en"), "zh": error.message("zh")}


class HostAgent:
    """One sandbox host: its runner, data keeper, heartbeat and routes (``app``)."""

    def __init__(
        self,
        name: str,
        address: str,
        placements: Placements,
        runner_factory: Callable[[DataKeeper], AppRunner],
        backend: Any,
        settings: HostSettings | None = None,
        limit_bytes: int = 64 * 2**20,
    ) -> None:
        self.name, self.address, self.placements = name, address, placements
        self.settings = settings or HostSettings()
        self.keeper = DataKeeper(backend, placements, name, limit_bytes)
        self.runner = runner_factory(self.keeper)
        self._clients: dict[str, httpx2.AsyncClient] = {}
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        routes = [
            Route("/_host/ensure/{key}", self.ensure, methods=["POST"]),
            Route("/_host/health", self.health, methods=["GET"]),
            Route(
                "/apps/{key}/{path:path}",
                self.http,
                methods=["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"],
            ),
            WebSocketRoute("/apps/{key}/{path:path}", self.websocket),
        ]
        app = Starlette(routes=routes, lifespan=self._lifespan)
        self.app = Signed(app, self.settings.key, self.settings.skew_s, passes_headers_on)

    # -- background ---------------------------------------------------------------------------
    def beat(self) -> None:
        self.placements.beat(self.name, self.address, self.keeper.name, len(self.runner.running()))

    def _every(self, seconds: float, action: Callable[[], object], what: str) -> None:
        def loop() -> None:
            while not self._stop.wait(seconds):
                try:
                    action()
                except Exception:
                    log.exception("%s failed once", what)

        thread = threading.Thread(target=loop, name=f"flashapps-host-{what}", daemon=True)
        thread.start()
        self._threads.append(thread)

    def start(self) -> None:
        with contextlib.suppress(Exception):
            prepare(self.keeper)
        self.beat()
        self._every(self.settings.heartbeat_s, self.beat, "heartbeat")
        self._every(self.settings.sync_s, self.sync, "data-sync")
        self.runner.start_reaper()

    def sync(self) -> int:
        """One round of saving. An app placed on another host meanwhile (this host was taken for lost: its
        heartbeat could not reach the database) is stopped here without saving, so that its copy here never
        overwrites what the other host saves; returns how many apps' data were saved."""
        placed = self.placements.placed()
        for kept in self.keeper.running():
            if placed.get(kept.key) not in (None, self.name):
                log.warning(
                    "%s was placed on %s while this host looked lost: stopping it here", kept.key, placed[kept.key]
                )
                kept.moved = True
                self.runner.stop(kept.key)
        return self.keeper.save_all()

    def stop(self) -> None:
        """A clean stop: every app stopped (its data saved), then the host leaves (its apps go elsewhere)."""
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=10)
        self.runner.stop_all()
        self.placements.leave(self.name)

    @contextlib.asynccontextmanager
    async def _lifespan(self, _app: Any) -> AsyncIterator[None]:
        await anyio.to_thread.run_sync(self.start)
        try:
            yield
        finally:
            clients, self._clients = list(self._clients.values()), {}
            for client in clients:
                await client.aclose()
            await anyio.to_thread.run_sync(self.stop)

    # -- routes ---------------------------------------------------------------------------------
    async def health(self, request: Request) -> Response:
        return JSONResponse({"name": self.name, "running": sorted(self.runner.running())})

    async def ensure(self, request: Request) -> Response:
        key = request.path_params["key"]
        evict_open = request.query_params.get("evict_open", "1") != "0"
        before = key in self.runner.running()
        try:
            await anyio.to_thread.run_sync(self.runner.ensure, key, evict_open)
        except AppNotServed as error:
            return JSONResponse(_error_body(error), status_code=404)
        except RunnerBusy as error:
            return JSONResponse({**_error_body(error), "running": len(self.runner.running())}, status_code=503)
        except UserError as error:
            return JSONResponse(_error_body(error), status_code=409)
        await anyio.to_thread.run_sync(self.placements.claim, key, self.name)
        return JSONResponse({"started": not before})

    async def _socket(self, key: str) -> Path:
        found = self.runner.current(key)
        if found is not None:
            return found
        socket = await anyio.to_thread.run_sync(self.runner.ensure, key)
        await anyio.to_thread.run_sync(self.placements.claim, key, self.name)
        return socket

    def _client(self, socket: Path) -> httpx2.AsyncClient:
        client = self._clients.get(str(socket))
        if client is None:
            live = set(self.runner.running().values())
            for path in [p for p in self._clients if p not in live]:
                stale = self._clients.pop(path)
                asyncio.get_running_loop().create_task(stale.aclose())
            transport = httpx2.AsyncHTTPTransport(uds=str(socket))
            client = httpx2.AsyncClient(
                transport=transport, timeout=httpx2.Timeout(60, connect=5), cookies=keeps_no_cookies()
            )  # an app's cookie never goes to its next visitor
            self._clients[str(socket)] = client
        return client

    async def http(self, request: Request) -> Response:
        key = request.path_params["key"]
        if not valid_key(key):
            return JSONResponse(_error_body(AppNotServed(key)), status_code=404)
        replayable = request.method in ("GET", "HEAD")
        body: bytes | AsyncIterator[bytes] = b"" if replayable else request.stream()
        headers = [(k, v) for k, v in request.headers.items() if k.lower() not in _DROP]
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        for attempt in range(2):
            try:
                socket = await self._socket(key)
                client = self._client(socket)
                upstream = await client.send(
                    client.build_request(request.method, f"http://app{target}", headers=headers, content=body),
                    stream=True,
                )
                break
            except AppNotServed as error:
                return JSONResponse(_error_body(error), status_code=404)
            except RunnerBusy as error:
                return JSONResponse(_error_body(error), status_code=503, headers={"Retry-After": "5"})
            except UserError as error:
                return JSONResponse(_error_body(error), status_code=502)
            except httpx2.TransportError:
                if not await anyio.to_thread.run_sync(self.runner.forget_dead, key):
                    await anyio.to_thread.run_sync(self.runner.stop, key)
                if attempt or not replayable:
                    return JSONResponse({"en": "the app stopped answering", "zh": "应用没有响应"}, status_code=502)
        self.runner.touch(key)
        return streamed(upstream, HOP_BY_HOP)

    async def websocket(self, websocket: WebSocket) -> None:
        key, path = websocket.path_params["key"], websocket.path_params["path"]
        if not valid_key(key):
            await websocket.close(code=1008)
            return
        try:
            socket = await self._socket(key)
        except UserError as error:
            await websocket.close(code=1013 if isinstance(error, RunnerBusy) else 1008)
            return
        query = websocket.url.query
        uri = f"ws://app/apps/{key}/{path}" + (f"?{query}" if query else "")
        headers = {VISITOR_HEADER: websocket.headers.get(VISITOR_HEADER, "")}  # set by the replica alone
        if websocket.headers.get(OWNER_HEADER) == "1":
            headers[OWNER_HEADER] = "1"
        offered = list(websocket.scope.get("subprotocols") or [])
        try:
            upstream = await connect_app(socket, uri, headers, offered)
        except (OSError, InvalidHandshake, TimeoutError):
            await anyio.to_thread.run_sync(self.runner.forget_dead, key)
            await websocket.close(code=1011)
            return
        with self.runner.socket_open(key):
            await websocket.accept(subprotocol=upstream.subprotocol)
            await relay(websocket, upstream, lambda: self.runner.used(key))


def build_agent(name: str, address: str, home: Path, settings: HostSettings | None = None) -> HostAgent:
    """The agent for this machine: the gallery's database (``FLASHAPPS_DATABASE_URL``) for placements, code and
    data, the sandbox the runner's settings choose, data folders under ``home``."""
    from flashapps.settings import Settings
    from gallery.core import open_gallery
    from sandbox.verify import get_backend
    from studio.serving.targets import Targets

    settings = settings or HostSettings()
    gallery = open_gallery()
    quota_mb = Settings().data_quota_mb
    placements = Placements(gallery.engine, settings.dead_after_s)
    targets = Targets(gallery_factory=lambda: gallery)
    runner_settings = RunnerSettings()
    backend = get_backend(runner_settings.backend)

    def runner(keeper: DataKeeper) -> AppRunner:
        return AppRunner(
            targets, settings=runner_settings, backend=keeper, still_served=targets.still_served, home=home
        )

    return HostAgent(name, address, placements, runner, backend, settings, limit_bytes=2 * quota_mb * 2**20)


def run_host(name: str, listen: str, port: int, address: str | None, home: Path) -> int:
    """Serves until SIGTERM or Ctrl-C (a clean stop: every app's data saved, the host's placements released)."""
    agent = build_agent(name, address or f"http://{listen}:{port}", home)
    config = uvicorn.Config(
        agent.app, host=listen, port=port, lifespan="on", ws="websockets-sansio", ws_per_message_deflate=False,
        ws_max_size=FRAME_BYTES, access_log=False, log_level="warning", timeout_graceful_shutdown=5,
    )  # fmt: skip
    server = uvicorn.Server(config)
    server.run()
    return 0 if server.started else 1
