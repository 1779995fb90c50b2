"""The API through the real server (``python -m studio.server``, what ``make run`` starts): mounted under
``/api/v1`` on the studio's origin only (never on the apps' origin), with a token made on the command line;
the slow test follows a job checked in the real sandbox to a published app and its share link."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from studio.api.openapi import describe

ROOT = Path(__file__).resolve().parents[3]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    home = tmp_path_factory.mktemp("api-server-home")
    env = {**os.environ, "FLASHAPPS_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    for name in ("FLASHAPP_DATA_DIR", "FLASHAPPS_PROVIDER", "FLASHAPPS_DATABASE_URL", "FLASHAPPS_QUEUE_URL"):
        env.pop(name, None)

    def gallery(*args: str, stdin: str = "") -> str:
        done = subprocess.run([sys.executable, "-m", "gallery.cli", *args], input=stdin.encode(), env=env, cwd=ROOT,
                              capture_output=True, timeout=120, check=True)  # fmt: skip
        return done.stdout.decode()

    gallery("create-maintainer", "--username", "teacher", "--password-stdin", stdin="teacher-password\n")
    token = gallery("token", "create", "--username", "teacher", "--name", "server test").splitlines()[-1]
    port, apps_port = _free_port(), _free_port()
    log = home / "studio.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "studio.server", "--port", str(port), "--apps-port", str(apps_port)],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while "running at" not in log.read_text(errors="replace"):
            assert process.poll() is None and time.monotonic() < deadline, log.read_text(errors="replace")[-3000:]
            time.sleep(0.2)
        yield {"studio": f"http://127.0.0.1:{port}", "apps": f"http://127.0.0.1:{apps_port}", "token": token}
    finally:
        os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def test_mounted_on_the_studios_origin_only(server: dict[str, Any]) -> None:
    with httpx2.Client(base_url=server["studio"], timeout=30) as studio:
        doc = studio.get("/api/v1/openapi.json")
        assert doc.status_code == 200 and doc.json()["paths"].keys() == describe()["paths"].keys()
        refused = studio.post("/api/v1/apps", json={"idea": "a water tracker"})
        assert refused.status_code == 401 and set(refused.json()["error"]) == {"en", "zh"}
        found = studio.get("/api/v1/apps", headers={"Authorization": f"Bearer {server['token']}"})
        assert found.status_code == 200 and found.json()["total"] == 0
        assert studio.get("/api/v1/nothing").status_code == 404
    with httpx2.Client(base_url=server["apps"], timeout=30) as apps:
        assert apps.get("/api/v1/openapi.json").status_code == 404  # an app's origin never answers for the studio


@pytest.mark.slow
def test_an_idea_checked_in_the_sandbox_becomes_a_published_app(server: dict[str, Any]) -> None:
    headers = {"Authorization": f"Bearer {server['token']}"}
    with httpx2.Client(base_url=server["studio"], timeout=30, headers=headers) as studio:
        accepted = studio.post("/api/v1/apps", json={"idea": "帮我做一个记录每天喝水量的应用"})
        assert accepted.status_code == 202
        deadline = time.monotonic() + 240
        while (job := studio.get(f"/api/v1/jobs/{accepted.json()['id']}").json())["status"] in ("queued", "running"):
            assert time.monotonic() < deadline, job
            time.sleep(0.5)
        assert job["status"] == "done" and job["result"]["passed"] is True, job
        assert job["result"]["language"] == "zh-Hans" and job["stages"][-1]["stage"] == "verify"
        assert job["result"]["draft_url"].startswith(server["apps"])
        published = studio.post(f"/api/v1/drafts/{job['result']['draft_id']}/publish", json={}).json()
        assert published["share_url"] == f"{server['studio']}/s/{published['slug']}"
        assert studio.get(f"/api/v1/apps/{published['slug']}").json()["title"] == job["result"]["title"]
