"""The child process that serves a local model: llama.cpp's OpenAI-compatible server, embedded.

    python -m generator.localmodel.llama_main --model PATH --port N [--ctx N] [--threads N]

Started by ``generator.localmodel.LocalServer``, never by hand in normal use. It binds to
127.0.0.1 only, serves ``/v1/chat/completions`` (json_schema structured outputs), ``/v1/models``,
``/health`` and ``/tokenize`` until it gets SIGTERM or SIGINT, and exits on its own when the
process that started it is gone (no orphaned server keeps a model in memory).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import threading
from pathlib import Path

__all__ = ["main"]

HOST = "127.0.0.1"
READY = "FLASHAPPS-LOCALMODEL-LISTENING"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator.localmodel.llama_main", description=__doc__)
    parser.add_argument("--model", type=Path, required=True, help="the .gguf file")
    parser.add_argument("--port", type=int, required=True, help="TCP port on 127.0.0.1 (0: any free one)")
    parser.add_argument("--ctx", type=int, default=4096, help="context window in tokens, per slot")
    parser.add_argument("--slots", type=int, default=1, help="requests kept apart, each with its own prompt cache")
    parser.add_argument("--threads", type=int, default=2, help="CPU threads for generation and prompt reading")
    parser.add_argument("--poll", type=int, default=0, help="busy-wait level 0-100 of idle threads (0: sleep)")
    parser.add_argument("--parent", type=int, default=0, help="exit when this process id is gone (0: no watch)")
    return parser


def _watch_parent(parent: int, stop: threading.Event) -> None:
    """Sets ``stop`` once the parent process is gone (checked every second)."""
    while not stop.wait(1.0):
        if os.getppid() != parent:
            stop.set()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if not args.model.is_file():
        print(f"no model file at {args.model}", file=sys.stderr)
        return 2
    import xllamacpp as xlc

    params = xlc.CommonParams()
    params.model.path = str(args.model)
    # One slot per kind of request (the provider sends each stage to its own): a slot keeps the
    # prompt it last read, so the next idea's same stage reads only what differs (the idea on).
    params.n_parallel = args.slots
    params.n_ctx = args.ctx * args.slots
    params.cpuparams.n_threads = args.threads
    params.cpuparams_batch.n_threads = args.threads
    # Threads that spin while waiting for each other collapse when other programs want the CPU
    # too (measured: 1.6 instead of 7 tokens/s on two busy cores); sleeping ones do not.
    params.cpuparams.poll = args.poll
    params.cpuparams_batch.poll = args.poll
    params.hostnames = [HOST]
    params.port = args.port
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    server = xlc.Server(params)  # returns once the model is loaded and the port is open
    print(f"{READY} {server.listening_address}", flush=True)
    if args.parent:
        threading.Thread(target=_watch_parent, args=(args.parent, stop), daemon=True).start()
    while not stop.wait(0.5):
        pass
    del server  # stops the HTTP loop and frees the model
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
