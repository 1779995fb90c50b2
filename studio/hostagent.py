"""``flashapps host``: a sandbox host, serving apps next to its own Docker engine for the studio replicas.

Each host runs the serving part (the runner of studio/serving/runner.py) with the engine its environment names
(``DOCKER_HOST``, or bubblewrap where ``FLASHAPPS_RUNNER_BACKEND`` says so), on its own address, and answers
only signed requests (studio/serving/hosts.py: 401 without a valid ``X-Flash-Host-Auth``):

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
import gzip
import hashlib
import io
import logging
import shutil
import stat
import tarfile
import threading
import time
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
from sandbox.backends.quota import attach
from sandbox.backends.serve import ServeRequest, prepare
from studio.serving.errors import AppNotServed, RunnerBusy
from studio.serving.hosts import AUTH_HEADER, HostSettings, signed_ok
from studio.serving.proxy import FRAME_BYTES, HOP_BY_HOP, OWNER_HEADER, VISITOR_HEADER, connect_app, relay, streamed
from studio.serving.runner import AppRunner, RunnerSettings, valid_key

__all__ = ["DataKeeper", "HostAgent", "Signed", "pack", "unpack"]

log = logging.getLogger(__name__)
_SKIP = frozenset({"lost+found"})  # a mounted data filesystem's own folder
_DROP = HOP_BY_HOP | {"host", "content-length", AUTH_HEADER.lower()}


# -- data folders -------------------------------------------------------------------------
def _listing(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file (size, modification time) and folder under ``folder``; links and the rest are left out."""
    found: dict[str, tuple[int, int]] = {}
    for path in sorted(folder.rglob("*")):
        name = path.relative_to(folder).as_posix()
        if name.split("/", 1)[0] in _SKIP:
            continue
        info = path.lstat()
        if stat.S_ISREG(info.st_mode):
            found[name] = (info.st_size, info.st_mtime_ns)
        elif stat.S_ISDIR(info.st_mode):
            found[name + "/"] = (0, 0)
    return found


def pack(folder: Path, limit_bytes: int, tries: int = 5) -> tuple[str, bytes] | None:
    """(digest, gzip-compressed tar) of ``folder``'s files, read while no SQLite write is in progress (no
    ``-journal`` file) and checked unchanged after reading; None when it stayed busy or is over ``limit_bytes``."""
    for attempt in range(tries):
        if attempt:
            time.sleep(0.05 * attempt)
        try:
            before = _listing(folder)
            if any(name.endswith("-journal") for name in before):
                continue  # a write in progress: its database file may be half-written
            raw = io.BytesIO()
            with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for name in before:
                    path = folder / name
                    info = tar.gettarinfo(str(path), arcname=name.rstrip("/"))
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    if info.isfile():
                        with path.open("rb") as handle:
                            tar.addfile(info, handle)
                    else:
                        tar.addfile(info)
            if _listing(folder) != before:
                continue  # written to while it was read
        except (OSError, tarfile.TarError):
            continue  # a file went away while it was read
        data = raw.getvalue()
        if len(data) > limit_bytes:
            log.warning("the data of %s is over %d bytes: not saved", folder, limit_bytes)
            return None
        return hashlib.sha256(data).hexdigest(), gzip.compress(data, mtime=0)
    log.info("the data of %s stayed busy: saved on the next round", folder)
    return None


def unpack(folder: Path, archive: bytes) -> None:
    """Replaces what ``folder`` holds (the folder itself stays: it may be a mount point) with ``archive``."""
    folder.mkdir(parents=True, exist_ok=True)
    for child in folder.iterdir():
        if child.name in _SKIP:
            continue
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    with tarfile.open(fileobj=io.BytesIO(gzip.decompress(archive)), mode="r:") as tar:
        tar.extractall(folder, filter="data")


class _Kept:
    """A served app whose data is saved when it stops (``Served``'s interface)."""

    def __init__(self, served: Any, keeper: DataKeeper, key: str, data: Path) -> None:
        self.served, self.keeper, self.key, self.data = served, keeper, key, data
        self.socket, self.backend = served.socket, served.backend
        self.moved = False  # placed on another host meanwhile: its data here is not saved again

    def alive(self) -> bool:
        return bool(self.served.alive())

    def memory_bytes(self) -> int | None:
        found: int | None = self.served.memory_bytes()
        return found

    def logs(self) -> str:
        return str(self.served.logs())

    def stop(self) -> None:
        self.served.stop()
        self.keeper.stopped(self)


class DataKeeper:
    """A serving backend whose apps' data folders follow them from host to host (see the module)."""

    def __init__(self, inner: Any, placements: Placements, host: str, limit_bytes: int) -> None:
        self.inner, self.placements, self.host, self.limit_bytes = inner, placements, host, limit_bytes
        self.name, self.isolated = inner.name, getattr(inner, "isolated", False)
        self._lock = threading.Lock()
        self._running: dict[int, _Kept] = {}
        self._saved: dict[str, str] = {}  # data folder name -> digest of what the database holds
        self._folder_locks: dict[str, threading.Lock] = {}

    def __getattr__(self, attribute: str) -> Any:  # the engine's own (image, client, instance) for prepare()
        if attribute == "inner":
            raise AttributeError(attribute)
        return getattr(self.inner, attribute)

    def _folder_lock(self, name: str) -> threading.Lock:
        with self._lock:
            return self._folder_locks.setdefault(name, threading.Lock())

    def serve(self, request: ServeRequest) -> _Kept:
        attach(request.data, request.data_quota_mb, isolated=self.isolated)  # mounted first: restored inside it
        self.restore(request.data)
        kept = _Kept(self.inner.serve(request), self, request.key, request.data)
        with self._lock:
            self._running[id(kept)] = kept
        return kept

    def restore(self, folder: Path) -> bool:
        """Puts the newest saved copy of ``folder``'s data in it (when one was saved and differs); True if so."""
        found = self.placements.snapshot(folder.name)
        if found is None:
            return False
        digest, archive, _saved_ms = found
        with self._folder_lock(folder.name):
            here = pack(folder, self.limit_bytes) if folder.is_dir() else None
            if here is not None and here[0] == digest:
                self._saved[folder.name] = digest
                return False
            unpack(folder, archive)
            self._saved[folder.name] = digest
        log.info("restored the data of %s (saved by another host or an earlier run)", folder.name)
        return True

    def save(self, folder: Path) -> bool:
        """Saves ``folder``'s data when it changed since the last save; True when it was saved."""
        with self._folder_lock(folder.name):
            packed = pack(folder, self.limit_bytes)
            if packed is None or self._saved.get(folder.name) == packed[0]:
                return False
            self.placements.save(folder.name, self.host, *packed)
            self._saved[folder.name] = packed[0]
        return True

    def running(self) -> list[_Kept]:
        with self._lock:
            return list(self._running.values())

    def save_all(self) -> int:
        """One round: every running app's changed data saved (not an app that moved away); how many were."""
        saved = 0
        for kept in self.running():
            if kept.moved:
                continue
            try:
                saved += self.save(kept.data)
            except Exception:
                log.exception("saving the data of %s failed; tried again next round", kept.key)
        return saved

    def stopped(self, kept: _Kept) -> None:
        """An app stopped cleanly: its data saved, its placement here released."""
        with self._lock:
            self._running.pop(id(kept), None)
        try:
            if not kept.moved:
                self.save(kept.data)
            self.placements.release(kept.key, self.host)
        except Exception:
            log.exception("saving the data of %s as it stopped failed", kept.key)


# -- authentication -----------------------------------------------------------------------
class Signed:
    """ASGI middleware: requests and WebSocket handshakes without a valid ``X-Flash-Host-Auth`` get 401."""

    def __init__(self, app: Any, key: bytes, skew_s: float) -> None:
        self.app, self.key, self.skew_s = app, key, skew_s

    def _ok(self, scope: dict[str, Any]) -> bool:
        raw = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string") or b""
        target = raw.decode("latin-1") + (f"?{query.decode('latin-1')}" if query else "")
        header = next((v for k, v in scope.get("headers", []) if k == AUTH_HEADER.lower().encode()), b"")
        method = scope.get("method", "GET")
        return signed_ok(self.key, header.decode("latin-1"), method, target, self.skew_s)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket") or self._ok(scope):
            await self.app(scope, receive, send)
            return
        body = b"not signed by a studio replica of this cluster\n"
        start = {
            "status": 401,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())],
        }
        if scope["type"] == "http":
            await send({"type": "http.response.start", **start})
            await send({"type": "http.response.body", "body": body})
            return
        await receive()  # websocket.connect
        if "websocket.http.response" in scope.get("extensions", {}):
            await send({"type": "websocket.http.response.start", **start})
            await send({"type": "websocket.http.response.body", "body": body})
        else:
            await send({"type": "websocket.close", "code": 1008})


# -- the agent ----------------------------------------------------------------------------
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
        self.app = Signed(Starlette(routes=routes, lifespan=self._lifespan), self.settings.key, self.settings.skew_s)

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
            client = httpx2.AsyncClient(transport=transport, timeout=httpx2.Timeout(60, connect=5))
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
