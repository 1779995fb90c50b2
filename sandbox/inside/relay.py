"""Runs one Streamlit app and relays a unix socket to its loopback port. Standard library only.

It is mounted read-only into every sandbox that serves an app (Docker, bubblewrap, local),
so one process tree holds the app: this script, and Streamlit as its child. Streamlit 1.67
cannot listen on a unix socket, and a sandbox has no network, so the studio reaches the app
through ``--socket`` (in a folder mounted from the host) and this relay copies the bytes to
``127.0.0.1:<port>`` inside the sandbox. The relay ends when Streamlit ends, with its code.

    python relay.py --socket /run/flashapp/app.sock --app /app --base apps/<slug>
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import os
import signal
import socket
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

CHUNK = 65536


def free_port() -> int:
    """A loopback port nothing listens on now (the sandbox's own network namespace, or this machine)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def streamlit_argv(app_dir: str, port: int, base: str) -> list[str]:
    """Streamlit behind a same-origin proxy: loopback only, no watcher, no telemetry, no browser."""
    return [
        sys.executable, "-m", "streamlit", "run", str(Path(app_dir) / "app.py"),
        "--server.address", "127.0.0.1",
        "--server.port", str(port),
        "--server.headless", "true",
        "--server.baseUrlPath", base,
        "--server.fileWatcherType", "none",
        "--server.runOnSave", "false",
        "--server.enableCORS", "false",
        "--server.enableXsrfProtection", "false",
        "--server.maxUploadSize", "20",
        "--browser.gatherUsageStats", "false",
        "--global.developmentMode", "false",
        "--client.toolbarMode", "minimal",
    ]  # fmt: skip


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, quickack: Any = None) -> None:
    try:
        while data := await reader.read(CHUNK):
            if quickack is not None:
                # Streamlit's server writes a response's head and body apart without TCP_NODELAY: on a
                # kept-alive connection the body would wait for our delayed ACK (40 ms a request).
                quickack.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
            writer.write(data)
            await writer.drain()
        if writer.can_write_eof():
            writer.write_eof()
    except (ConnectionError, OSError):
        pass


async def _relay(port: int, client_reader: asyncio.StreamReader, client_writer: asyncio.StreamWriter) -> None:
    try:
        upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", port)
    except OSError:
        client_writer.close()  # not listening yet: the caller retries
        return
    upstream = upstream_writer.get_extra_info("socket")
    upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_QUICKACK, 1)
    try:
        await asyncio.gather(_pipe(client_reader, upstream_writer), _pipe(upstream_reader, client_writer, upstream))
    finally:
        for writer in (upstream_writer, client_writer):
            writer.close()
            with contextlib.suppress(ConnectionError, OSError):
                await writer.wait_closed()


async def _orphaned(stop: Callable[[], None]) -> None:
    """Stops the app when whoever started this relay is gone (the local backend has no sandbox that
    dies with its parent; in a container or bubblewrap the parent never changes)."""
    parent = os.getppid()
    while os.getppid() == parent:
        await asyncio.sleep(1)
    stop()


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--socket", required=True, help="the unix socket to listen on")
    parser.add_argument("--app", required=True, help="the folder with app.py")
    parser.add_argument("--base", required=True, help="server.baseUrlPath, e.g. apps/abc123")
    args = parser.parse_args(argv)
    port = free_port()
    child = await asyncio.create_subprocess_exec(*streamlit_argv(args.app, port, args.base), cwd=args.app)
    socket_path = Path(args.socket)
    socket_path.unlink(missing_ok=True)
    server = await asyncio.start_unix_server(lambda r, w: _relay(port, r, w), path=args.socket)
    socket_path.chmod(0o660)
    loop = asyncio.get_running_loop()

    def stop() -> None:
        with contextlib.suppress(ProcessLookupError):
            child.terminate()

    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop)
    watch = asyncio.ensure_future(_orphaned(stop))
    try:
        code = await child.wait()
    finally:
        watch.cancel()
        server.close()
        socket_path.unlink(missing_ok=True)
    return code if code >= 0 else 128 - code


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
