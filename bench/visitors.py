"""A class at once: ``visitors`` visitors on 1 app, and spread across 10 apps, all arriving together.

    python -m bench.visitors [--visitors 40] [--backend NAME]

The runner (its default capacity: what the machine's memory holds) and the proxy run here under
uvicorn on 127.0.0.1; the apps are offline-planned bundles of varied ideas. Each visitor loads the
page (a browser's page load, so a full runner would queue it), then opens the app's WebSocket with
the visitor cookie the page set and runs the script to its end, as a browser tab does: that is its
time to a usable page. Each scenario runs twice: cold (the apps start on the first visits), then
warm. Memory: the RSS of each app's process tree (a container's memory use under Docker), taken
while every visitor still holds its tab open. Refusals (a page other than 200, a
WebSocket closed before the script finished) are counted, never retried. Traffic goes only to
127.0.0.1; the whole run is bounded in time and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import statistics
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import uvicorn
from starlette.applications import Starlette
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

from bench.shots import free_port
from bench.stats import stats
from flashapps.files import folder_digest
from generator.generate import generate
from generator.providers.offline import OfflineProvider
from generator.render import render
from sandbox.backends.quota import unmount_under
from studio.serving.proxy import proxy_routes
from studio.serving.runner import AppRunner, RunnerSettings, Target

__all__ = ["IDEAS", "bench_visitors", "visit_once", "visitors_markdown"]

_MB = 2**20
_LIMIT_S = 600
"""The most one scenario may take, from its first visitor to the last."""
IDEAS = [
    "a spelling quiz with my 10 words: because, friend, school, people, beautiful, different, answer, "
    "favourite, question, believe",
    "track my daily water",
    "给全班做一个随机点名的工具",
    "班級積分榜，每組可以加分",
    "flashcards for French animals",
    "a reading log where students write the book and minutes read",
    "每日饮食记录，统计卡路里",
    "a pomodoro timer with a daily count",
    "a sign-up sheet for the class trip with name and lunch choice",
    "記錄每天的心情和一句話",
]


@contextlib.contextmanager
def _proxy(runner: AppRunner) -> Iterator[str]:
    routes, proxy = proxy_routes(runner)
    port = free_port()

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> Any:
        yield
        await proxy.aclose()

    config = uvicorn.Config(
        Starlette(routes=routes, lifespan=lifespan), host="127.0.0.1", port=port, log_level="warning",
        ws="websockets-sansio", lifespan="on",
    )  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


async def _visit(
    client: httpx2.AsyncClient, url: str, hold: asyncio.Event, settled: list[str]
) -> tuple[float | None, str]:
    """One visitor: page load, then the WebSocket session to the script's end; held open until ``hold``."""
    began = time.perf_counter()
    try:
        usable, why = await _session(client, url, hold, settled, began)
    except httpx2.HTTPError as error:
        usable, why = None, f"page {type(error).__name__}"
    if usable is None:
        settled.append(url)  # refused: no longer on its way
    return usable, why


async def _session(
    client: httpx2.AsyncClient, url: str, hold: asyncio.Event, settled: list[str], began: float
) -> tuple[float | None, str]:
    page = await client.get(url)
    if page.status_code != 200:
        return None, f"page {page.status_code}"
    cookie = "; ".join(f"{k}={v}" for k, v in page.cookies.items())
    rerun = BackMsg()
    rerun.rerun_script.query_string = ""
    try:
        async with connect(
            url.replace("http://", "ws://") + "_stcore/stream", subprotocols=["streamlit"],  # type: ignore[list-item]
            max_size=None, open_timeout=120, additional_headers={"Cookie": cookie} if cookie else None,
        ) as ws:  # fmt: skip
            await ws.send(rerun.SerializeToString())
            while True:
                message = ForwardMsg()
                message.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=120))
                if message.WhichOneof("type") == "script_finished":
                    break
            usable = time.perf_counter() - began
            settled.append(url)
            await hold.wait()
            return usable, "ok"
    except Exception as error:  # a closed or refused WebSocket: counted, never retried
        return None, f"websocket {type(error).__name__}"


async def visit_once(url: str) -> bool:
    """One visitor who loads the page, runs the script to its end and leaves: whether the script finished."""
    done = asyncio.Event()
    done.set()
    async with httpx2.AsyncClient(timeout=120, headers={"Accept": "text/html,*/*;q=0.8"}) as client:
        usable, _why = await _visit(client, url, done, [])
    return usable is not None


async def _crowd(base: str, keys: list[str], visitors: int, runner: AppRunner) -> dict[str, Any]:
    hold = asyncio.Event()
    limits = httpx2.Limits(max_connections=visitors + 4)
    headers = {"Accept": "text/html,*/*;q=0.8"}
    async with httpx2.AsyncClient(timeout=120, limits=limits, headers=headers) as client:
        settled: list[str] = []
        tasks = [asyncio.ensure_future(_visit(client, f"{base}/apps/{keys[i % len(keys)]}/", hold, settled))
                 for i in range(visitors)]  # fmt: skip
        began = time.monotonic()
        while len(settled) < visitors and time.monotonic() - began < _LIMIT_S:  # each usable or refused once
            await asyncio.sleep(0.2)
        stats_now = runner.stats()  # every tab still open
        hold.set()
        results = await asyncio.wait_for(asyncio.gather(*tasks), timeout=60)
    times = [t for t, _ in results if t is not None]
    refusals = [why for t, why in results if t is None]
    memory = sorted(int(s["memory"] or 0) for s in stats_now.values()) or [0]  # type: ignore[call-overload]
    return {
        "visitors": visitors,
        "apps": len(keys),
        "usable_page_s": stats(times),
        "refusals": len(refusals),
        "refused_how": sorted(set(refusals)),
        "processes": len(stats_now),
        "memory": {
            "apps_total_mb": round(sum(memory) / _MB, 1),
            "app_median_mb": round(statistics.median(memory) / _MB, 1),
            "app_max_mb": round(memory[-1] / _MB, 1),
        },
    }


def _bundles(scratch: Path, count: int) -> list[Path]:
    folders = []
    for n, idea in enumerate(IDEAS[:count]):
        spec = generate(idea, provider=OfflineProvider()).spec
        folders.append(render(spec, scratch / f"app{n}").path)
    return folders


def bench_visitors(visitors: int = 40, backend_name: str | None = None) -> dict[str, Any]:
    """``visitors`` on 1 app and across 10 apps (see the module)."""
    from sandbox.verify import SandboxUnavailable, get_backend

    try:
        backend = get_backend(backend_name)
    except SandboxUnavailable as exc:
        return {"unavailable": str(exc)}
    out: dict[str, Any] = {"backend": backend.name}
    with tempfile.TemporaryDirectory(prefix="bench-visitors-") as scratch:
        folders = _bundles(Path(scratch), 10)
        table = {f"app{n}": Target(f"app{n}", f, folder_digest(f), f"app{n}") for n, f in enumerate(folders)}

        def resolve(key: str) -> Target:
            if key not in table:
                raise LookupError(key)
            return table[key]

        for name, keys in (("one_app", ["app0"]), ("ten_apps", sorted(table))):
            runner = AppRunner(resolve, settings=RunnerSettings(), backend=backend, home=Path(scratch) / "home")
            out["capacity"] = runner.capacity
            try:
                with _proxy(runner) as base:
                    out[name] = asyncio.run(asyncio.wait_for(_crowd(base, keys, visitors, runner), _LIMIT_S + 90))
                    warm = asyncio.run(asyncio.wait_for(_crowd(base, keys, visitors, runner), _LIMIT_S + 90))
                    out[name]["warm"] = {k: warm[k] for k in ("usable_page_s", "refusals", "processes")}
            finally:
                runner.stop_all()
                unmount_under(Path(scratch))  # apps' data folders stay mounted (root): the scratch folder goes next
    return out


def visitors_markdown(result: dict[str, Any]) -> list[str]:
    if "unavailable" in result:
        return ["", f"## A class at once: not measured ({result['unavailable']})"]
    lines = ["", f"## A class at once ({result['backend']} sandbox; runner capacity {result['capacity']} apps)", "",
             "| scenario | usable page p50 | p95 | refusals | app processes | apps' memory (total / median / max) |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for name, label in (("one_app", "on 1 app"), ("ten_apps", "across 10 apps")):
        row = result[name]
        page, mem = row["usable_page_s"], row["memory"]
        lines.append(
            f"| {row['visitors']} visitors {label} | {page['median']:.2f} s | {page['p95']:.2f} s | {row['refusals']} "
            f"| {row['processes']} | {mem['apps_total_mb']} / {mem['app_median_mb']} / {mem['app_max_mb']} MB |"
        )
        warm = row.get("warm")
        if warm:
            page = warm["usable_page_s"]
            lines.append(
                f"| the same again, apps already up | {page['median']:.2f} s | {page['p95']:.2f} s "
                f"| {warm['refusals']} | {warm['processes']} | |"
            )
    lines += ["", "Usable page: the page load plus the app's WebSocket session until its script finished, all "
              "visitors arriving at once (cold starts included; then a second class once the apps are up). "
              "Memory: RSS of each app's process tree (Docker: "
              "the container's use), every tab still open."]  # fmt: skip
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.visitors", description=__doc__)
    parser.add_argument("--visitors", type=int, default=40)
    parser.add_argument("--backend", default=None)
    args = parser.parse_args(argv)
    result = bench_visitors(min(args.visitors, 200), args.backend)
    print(json.dumps(result, indent=1, ensure_ascii=False))
    print("\n".join(visitors_markdown(result)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
