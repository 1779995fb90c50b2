"""``python -m studio.server`` (what ``make run`` and ``flashapps studio`` start): the studio on its address
and an app on the apps' own origin (one server, two ports, both printed once), the studio's address sending
an app on to it, and nothing left running after it stops."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx2
import pytest
from runner_support import BACKENDS, app_session, free_port
from sample_specs import water_tracker

from studio.serving.targets import draft_key
from workshop.projects import ProjectStore

pytestmark = [pytest.mark.slow, pytest.mark.docker, pytest.mark.timeout(240)]
ROOT = Path(__file__).resolve().parents[2]


def _relays(base: str) -> list[int]:
    """Processes on this machine running the relay for ``base`` (any backend: all are our children)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if entry.name.isdigit() and base.encode() in command and any(b"relay.py" in part for part in command):
            found.append(int(entry.name))
    return found


@pytest.fixture(params=BACKENDS)
def backend_name(request: pytest.FixtureRequest) -> str:
    if request.param != "local":
        request.getfixturevalue({"docker": "docker_serve", "bubblewrap": "bwrap_serve"}[request.param])
    return str(request.param)


@pytest.fixture
def studio(backend_name: str, flashapps_home: Path) -> Iterator[tuple[subprocess.Popen[str], str, str]]:
    port, apps_port = free_port(), free_port()
    env = {**os.environ, "FLASHAPPS_HOME": str(flashapps_home), "FLASHAPPS_RUNNER_BACKEND": backend_name,
           "FLASHAPPS_SANDBOX_ALLOW_LOCAL": "1", "PYTHONUNBUFFERED": "1"}  # fmt: skip
    process = subprocess.Popen(
        [sys.executable, "-m", "studio.server", "--port", str(port), "--apps-port", str(apps_port)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith(f"Flash Apps is running at http://127.0.0.1:{port}/"), line + process.stderr.read()
        apps = process.stdout.readline()
        assert f"http://127.0.0.1:{apps_port}/apps/<app>/" in apps, apps
        yield process, f"http://127.0.0.1:{port}", f"http://127.0.0.1:{apps_port}"
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def test_studio_and_app_on_their_own_origins(studio: tuple[subprocess.Popen[str], str, str], backend_name: str,
                                             flashapps_home: Path) -> None:  # fmt: skip
    process, url, apps = studio
    project = ProjectStore(flashapps_home).create("track my water", water_tracker())
    key = draft_key(project.id)
    with httpx2.Client(timeout=60, follow_redirects=True) as client:
        home = client.get(f"{url}/")
        assert home.status_code == 200 and "<noscript>" in home.text
        assert client.get(f"{url}/_stcore/health").text == "ok"  # the studio's own Streamlit
        began = time.perf_counter()
        page = client.get(f"{url}/apps/{key}/")  # the studio's address sends it on to the apps' origin
        print(f"{backend_name}: first page of a stopped app in {time.perf_counter() - began:.2f} s")
        assert [r.status_code for r in page.history] == [307] and str(page.url) == f"{apps}/apps/{key}/"
        assert page.status_code == 200 and "<noscript>" in page.text
        assert "frame-ancestors 'self' " + url in page.headers["content-security-policy"]
        assert client.get(f"{apps}/apps/{key}/_stcore/health").text == "ok"
        assert client.get(f"{apps}/").status_code == 404  # the apps' origin has no studio
        assert client.get(f"{apps}/_stcore/health").status_code == 404
    assert b"Water Tracker" in asyncio.run(app_session(f"{apps}/apps/{key}/"))  # through the studio's middleware
    assert _relays(f"apps/{key}"), "the app runs in its own process tree, not in the studio"

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=60) in (0, -signal.SIGTERM)  # uvicorn re-raises the signal after a clean shutdown
    out, err = process.communicate()
    assert "http://" not in out + err, "each address is printed, once"
    warning = {"docker": None, "bubblewrap": "weaker than Docker", "local": "NOT ISOLATED"}[backend_name]
    if warning is None:  # no isolation warning (the console may still warn of a loopback-only address)
        assert "weaker than Docker" not in err and "NOT ISOLATED" not in err
    else:
        assert warning in err and "!!!" in err, err  # the console banner, in both languages
        assert any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert _relays(f"apps/{key}") == []
    if backend_name == "docker":
        import docker

        left = docker.from_env().containers.list(
            all=True, filters={"label": f"flashapps.owner={process.pid}"}, ignore_removed=True
        )
        assert left == []
