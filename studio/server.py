"""One server, two origins: the studio at ``/`` on its port, every app at ``/apps/<name>/`` on the apps' origin.

``st.App`` serves the studio page (studio/app.py) and takes our own Starlette routes, which
come before Streamlit's and do not clash with its reserved prefixes (``/_stcore/`` and the
like), so the proxy to the apps' sandboxes lives on the same uvicorn server. The server listens
twice: the studio's port and the apps' port (the next one by default), and ``Origins``
(studio/serving/origins.py) keeps each origin to its own routes, so no app's script ever runs on
the studio's origin. Apps start on first visit and stop when idle (see studio/serving/runner.py);
they never run in this process. ``python -m studio.server --port 8501`` or ``flashapps studio``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import socket
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import uvicorn

from sandbox.backends.serve import prepare
from studio import links
from studio.api import api_routes
from studio.drafts_auth import drafts_routes
from studio.services import banner, serving
from studio.services import gallery as studio_gallery
from studio.serving.class_gate import ClassGate
from studio.serving.hosts import hosted_runner
from studio.serving.origins import Origins
from studio.serving.proxy import proxy_routes
from studio.serving.replica import with_replica_header
from studio.serving.runner import AppRunner, RunnerUnavailable
from studio.serving.targets import Targets, draft_key
from studio.web.join import join_routes
from studio.web.visit import visit_routes

__all__ = ["app_url", "auth_routes", "banner", "create_app", "draft_url", "serve"]

STUDIO = Path(__file__).resolve().parent / "app.py"
log = logging.getLogger(__name__)


STUDIO_FRAME_BYTES = 16 * 2**20
"""The largest WebSocket message a browser may send (the studio's and, through the proxy, an app's): Streamlit's
messages from the browser are widget values (uploads go by HTTP PUT, checked against ``server.maxUploadSize``);
``server.maxMessageSize`` bounds what Streamlit sends, not what it accepts."""


def app_url(key: str, headers: Any = None) -> str:
    """A link to a gallery app (``slug``, or ``slug--v3`` for one version) on the apps' origin."""
    return links.app_address(key, headers)


def draft_url(project_id: str, headers: Any = None) -> str:
    """A link to a studio project's live preview (its current version), on the apps' origin."""
    return links.app_address(draft_key(project_id), headers)


_DEFAULTS = {
    "browser.gatherUsageStats": False,
    "server.headless": True,
    "server.fileWatcherType": "none",
    "client.toolbarMode": "minimal",  # no "Deploy" or developer menu for makers
}


def _streamlit_defaults() -> None:
    """Ours unless the operator set one (STREAMLIT_* variables or a config file win)."""
    from streamlit import config

    config.get_config_options()  # parsed once, so what the operator set is known
    for name, value in _DEFAULTS.items():
        if config.get_where_defined(name) == config.ConfigOption.DEFAULT_DEFINITION:
            config.set_option(name, value, where_defined="flashapps studio")


def create_app(runner: AppRunner | None = None, apps_port: int | None = None) -> Any:
    """The ASGI app: the studio, and ``/apps/...`` on ``apps_port`` alone (``Origins``); the lifespan starts the
    reaper and stops every app."""
    import streamlit as st

    _streamlit_defaults()
    is_owner = None
    if runner is None:
        targets = Targets()
        # FLASHAPPS_HOSTS_SECRET set: apps run on the sandbox hosts (studio/serving/hosts.py), not here
        runner = hosted_runner(targets, lambda: studio_gallery().engine)
        runner = runner or AppRunner(targets, still_served=targets.still_served)
        is_owner = targets.is_owner
    gate = ClassGate(studio_gallery)  # class-only apps; the class data's retention sweep runs from it
    routes, proxy = proxy_routes(runner, is_owner, gate)
    routes = [*auth_routes(), *visit_routes(), *join_routes(studio_gallery, gate.sweeper), *routes]
    routes = [*drafts_routes(), *routes]  # /drafts/keep: an anonymous maker's browser secret (studio/drafts_auth.py)
    routes = [*api_routes(), *routes]  # /api/v1: the JSON API and its OpenAPI description (studio/api)
    owned = runner
    serving(owned)  # the studio's pages show what this runner isolates apps with (services.banner)

    @contextlib.asynccontextmanager
    async def lifespan(_app: Any) -> AsyncIterator[dict[str, Any]]:
        for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):  # Streamlit set them to its own level
            logging.getLogger(name).setLevel(logging.WARNING)
        await anyio.to_thread.run_sync(_prepare, owned)
        owned.start_reaper()
        try:
            yield {"runner": owned}
        finally:
            await proxy.aclose()
            await anyio.to_thread.run_sync(owned.stop_all)

    studio = st.App(str(STUDIO), routes=routes, lifespan=lifespan)
    app = Origins(studio, apps_port)
    app.runner = owned  # type: ignore[attr-defined]
    return with_replica_header(app)  # X-Flash-Replica when FLASHAPPS_REPLICA names this replica


def auth_routes() -> list[Any]:
    """``/auth/claim`` and ``/auth/sign-out`` (studio/auth.py): the session token in an HttpOnly cookie."""
    from studio import auth, services

    def accounts() -> Any:
        return services.gallery().accounts  # opened on first use, for this process's FLASHAPPS_HOME

    auth.enable()
    return auth.auth_routes(
        lambda: float(accounts().ctx.settings.session_hours),
        lambda token: accounts().user_for_token(token),
        lambda token: accounts().logout(token),
    )


def _prepare(runner: AppRunner) -> None:
    """Readies the backend before the first visit (see sandbox.backends.serve.prepare)."""
    try:
        backend: Any = runner.backend
    except RunnerUnavailable:
        return
    prepare(backend)


class _Server(uvicorn.Server):
    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready

    async def startup(self, sockets: Any = None) -> None:
        await super().startup(sockets)
        if self.started:
            self._on_ready()


def _console_banner(lines: tuple[str, str]) -> str:
    width = max(len(line) for line in lines) + 4
    rule = "!" * min(width, 100)
    return "\n".join([rule, *(f"! {line}" for line in lines), rule])


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if family == socket.AF_INET6:
        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def serve(
    host: str = "127.0.0.1", port: int = 8501, *, runner: AppRunner | None = None, apps_port: int | None = None
) -> int:
    """Runs the studio on ``port`` and the apps' origin on ``apps_port`` (default ``port + 1``) until interrupted;
    prints both addresses once."""
    apps_port = apps_port or port + 1
    try:
        sockets = [_listen(host, port), _listen(host, apps_port)]
    except OSError as error:
        print(f"Flash Apps cannot listen on {host} ports {port} and {apps_port}: {error}", file=sys.stderr)
        return 1
    app = create_app(runner, apps_port)
    links.listening(host, port, apps_port)  # share links use the LAN address when the studio listens everywhere

    def ready() -> None:
        lines, loopback = links.start_lines(host, port)
        print("\n".join(lines), flush=True)
        if loopback is not None:  # links would reach only this computer: say what to set instead
            print(_console_banner(loopback), file=sys.stderr, flush=True)
        warning = banner(app.runner)
        if warning is not None:
            print(_console_banner(warning), file=sys.stderr, flush=True)

    config = uvicorn.Config(
        app, host=host, port=port, lifespan="on", ws="websockets-sansio", ws_per_message_deflate=False,
        ws_max_size=STUDIO_FRAME_BYTES, access_log=False, log_level="warning", timeout_graceful_shutdown=5,
    )  # fmt: skip
    server = _Server(config, ready)
    server.run(sockets=sockets)
    return 0 if server.started else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studio.server", description=__doc__)
    parser.add_argument("--host", default=os.environ.get("FLASHAPPS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("FLASHAPPS_PORT", "8501")))
    parser.add_argument("--apps-port", type=int, default=int(os.environ.get("FLASHAPPS_APPS_PORT", "0")) or None,
                        help="the apps' own origin (default: the studio's port + 1)")  # fmt: skip
    args = parser.parse_args(argv)
    return serve(args.host, args.port, apps_port=args.apps_port)


if __name__ == "__main__":
    sys.exit(main())
