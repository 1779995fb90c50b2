"""One address for everything: the studio at ``/`` and every app at ``/apps/<name>/``.

``st.App`` serves the studio page (studio/app.py) and takes our own Starlette routes, which
come before Streamlit's and do not clash with its reserved prefixes (``/_stcore/`` and the
like), so the proxy to the apps' sandboxes lives on the same uvicorn server: one port, one
URL. Apps start on first visit and stop when idle (see studio/serving/runner.py); they never run
in this process. ``python -m studio.server --port 8501`` or ``flashapps studio``.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import uvicorn

from sandbox.backends.serve import prepare
from studio import links
from studio.services import banner, serving
from studio.services import gallery as studio_gallery
from studio.serving.class_gate import ClassGate
from studio.serving.proxy import proxy_routes
from studio.serving.runner import AppRunner, RunnerUnavailable, app_path
from studio.serving.targets import Targets, draft_key
from studio.web.join import join_routes
from studio.web.visit import visit_routes

__all__ = ["app_url", "auth_routes", "banner", "create_app", "draft_url", "serve"]

STUDIO = Path(__file__).resolve().parent / "app.py"
log = logging.getLogger(__name__)


def app_url(key: str) -> str:
    """A link to a gallery app (``slug``, or ``slug--v3`` for one version) on the studio's own address."""
    return app_path(key)


def draft_url(project_id: str) -> str:
    """A link to a studio project's live preview (its current version)."""
    return app_path(draft_key(project_id))


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


def create_app(runner: AppRunner | None = None) -> Any:
    """The ASGI app: the studio plus ``/apps/...``; the lifespan starts the reaper and stops every app."""
    import streamlit as st

    _streamlit_defaults()
    is_owner = None
    if runner is None:
        targets = Targets()
        runner = AppRunner(targets, still_served=targets.still_served)
        is_owner = targets.is_owner
    gate = ClassGate(studio_gallery)  # class-only apps; the class data's retention sweep runs from it
    routes, proxy = proxy_routes(runner, is_owner, gate)
    routes = [*auth_routes(), *visit_routes(), *join_routes(studio_gallery, gate.sweeper), *routes]
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

    app = st.App(str(STUDIO), routes=routes, lifespan=lifespan)
    app.runner = owned  # type: ignore[attr-defined]
    return app


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


def serve(host: str = "127.0.0.1", port: int = 8501, *, runner: AppRunner | None = None) -> int:
    """Runs the studio and the apps on one address until interrupted; prints that address once."""
    app = create_app(runner)
    links.listening(host, port)  # share links use the LAN address when the studio listens on every interface

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
        ws_max_size=200 * 2**20, access_log=False, log_level="warning", timeout_graceful_shutdown=5,
    )  # fmt: skip
    server = _Server(config, ready)
    server.run()
    return 0 if server.started else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m studio.server", description=__doc__)
    parser.add_argument("--host", default=os.environ.get("FLASHAPPS_HOST", "127.0.0.1"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("FLASHAPPS_PORT", "8501")))
    args = parser.parse_args(argv)
    return serve(args.host, args.port)


if __name__ == "__main__":
    sys.exit(main())
