"""The studio behind a real nginx with TLS (docs/deploy/nginx.conf): pages, an app and its WebSocket over https.

nginx runs on 127.0.0.1 with a self-signed certificate made here (openssl), in front of a real studio
(``python -m studio.server``) with a published app; both are stopped at the end. The example configuration
is used as committed: only its server name, ports and certificate paths are replaced.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ROOT, unavailable
from websockets.sync.client import connect

from flashapps.report import TestResult, VerifyReport
from gallery import GallerySettings, open_gallery

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

CONFIG = ROOT / "docs" / "deploy" / "nginx.conf"
IDEA = "a pomodoro timer with a daily count"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _need(tool: str, fallback: str) -> str:
    found = shutil.which(tool) or (fallback if Path(fallback).exists() else None)
    if found is None:
        unavailable(f"the reverse-proxy test needs {tool} (Debian: apt-get install -y {tool})", f"install {tool}")
    return found


def _certificate(folder: Path) -> tuple[Path, Path]:
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [_need("openssl", "/usr/bin/openssl"), "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return cert, key


def _site(cert: Path, key: Path, https: int, http: int, upstream: int) -> str:
    """The committed example with this test's ports and certificate (each line replaced must be there once)."""
    text = CONFIG.read_text()
    for old, new in (
        ("server 127.0.0.1:8501;", f"server 127.0.0.1:{upstream};"),
        ("listen 443 ssl;", f"listen 127.0.0.1:{https} ssl;"),
        ("listen 80;", f"listen 127.0.0.1:{http};"),
        ("/etc/ssl/flashapps/fullchain.pem", str(cert)),
        ("/etc/ssl/flashapps/privkey.pem", str(key)),
    ):
        assert text.count(old) == 1, f"docs/deploy/nginx.conf no longer has {old!r}"
        text = text.replace(old, new)
    return text


def _wait_for(
    what: str, ready: Callable[[], bool], process: subprocess.Popen[bytes], log: Path, seconds: float = 90
) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"{what} did not start:\n{log.read_text(errors='replace')[-3000:]}")
        time.sleep(0.2)


def _stop(process: subprocess.Popen[bytes], sig: int) -> None:
    if process.poll() is None:
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


def _publish(home: Path) -> str:
    env = {**os.environ, "FLASHAPPS_HOME": str(home)}
    made = subprocess.run(
        [sys.executable, "-m", "studio.cli", "new", IDEA, "--no-verify", "--json", "--out", str(home / "timer")],
        env=env, cwd=ROOT, capture_output=True, text=True, timeout=300, check=True,
    )  # fmt: skip
    folder = Path(json.loads(made.stdout)["bundle"])
    gallery = open_gallery(GallerySettings(database_url=f"sqlite:///{home / 'gallery.sqlite3'}",
                                           store_dir=home / "gallery-store"))  # fmt: skip
    try:
        maker = gallery.accounts.register("mr_okafor", "okafor-password")
        report = VerifyReport(backend="none", isolated=False, passed=True,
                              tests=[TestResult(name="made with --no-verify", outcome="passed")])  # fmt: skip
        return gallery.apps.publish(maker, folder, report, title="Focus timer").slug
    finally:
        gallery.close()


@pytest.fixture
def behind_nginx(tmp_path: Path) -> Iterator[tuple[str, ssl.SSLContext, str]]:
    """(https base address, a TLS context trusting the test's certificate, a published app's slug)."""
    nginx = _need("nginx", "/usr/sbin/nginx")
    home = tmp_path / "home"
    home.mkdir()
    slug = _publish(home)
    studio_port, https, http = _free_port(), _free_port(), _free_port()
    env = {**os.environ, "FLASHAPPS_HOME": str(home), "PYTHONUNBUFFERED": "1"}
    for name in ("FLASHAPPS_PUBLIC_URL", "FLASHAPP_DATA_DIR"):
        env.pop(name, None)  # the links must come from what nginx forwards (X-Forwarded-Proto, Host)
    studio_log = tmp_path / "studio.log"
    with studio_log.open("wb") as out:
        studio = subprocess.Popen(
            [sys.executable, "-m", "studio.server", "--host", "127.0.0.1", "--port", str(studio_port)],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    cert, key = _certificate(tmp_path)
    prefix = tmp_path / "nginx"
    (prefix / "logs").mkdir(parents=True)
    (prefix / "site.conf").write_text(_site(cert, key, https, http, studio_port))
    (prefix / "nginx.conf").write_text(
        f"pid {prefix}/nginx.pid;\nerror_log {prefix}/logs/error.log;\nevents {{}}\n"
        f"http {{\n access_log off;\n client_body_temp_path {prefix}/body;\n proxy_temp_path {prefix}/proxy;\n"
        f" include {prefix}/site.conf;\n}}\n"
    )
    nginx_log = prefix / "logs" / "error.log"
    proxy = subprocess.Popen(
        [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off; master_process off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        _wait_for("the studio", lambda: "running at" in studio_log.read_text(errors="replace"), studio, studio_log)
        _wait_for("nginx", lambda: _listening(https), proxy, nginx_log, 30)
        context = ssl.create_default_context(cafile=str(cert))
        yield f"https://127.0.0.1:{https}", context, slug
    finally:
        _stop(proxy, signal.SIGQUIT)
        _stop(studio, signal.SIGINT)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _get(url: str, context: ssl.SSLContext, timeout: float = 120) -> tuple[int, str]:
    with urllib.request.urlopen(url, context=context, timeout=timeout) as response:
        return int(response.status), response.read().decode(errors="replace")


def _stream(url: str, context: ssl.SSLContext) -> str:
    """Opens a Streamlit session over the WebSocket, asks for a run and reads the first message's kind."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    origin = url.replace("wss://", "https://").split("/", 3)
    with connect(url, ssl=context, subprotocols=["streamlit"], origin=f"{origin[0]}//{origin[2]}",
                 open_timeout=120) as socket_:  # type: ignore[arg-type]  # fmt: skip
        message = BackMsg()
        message.rerun_script.query_string = ""
        socket_.send(message.SerializeToString())
        received = ForwardMsg()
        received.ParseFromString(socket_.recv(timeout=120))  # type: ignore[arg-type]
        return str(received.WhichOneof("type"))


def test_the_studio_an_app_and_its_websocket_work_through_nginx_over_https(
    behind_nginx: tuple[str, ssl.SSLContext, str],
) -> None:
    base, context, slug = behind_nginx
    status, page = _get(f"{base}/", context)
    assert status == 200 and "<noscript>" in page.lower()  # the studio's page
    status, page = _get(f"{base}/s/{slug}", context)
    assert status == 200 and "Focus timer" in page and f'src="/apps/{slug}/"' in page  # the visitor's page
    status, page = _get(f"{base}/s/{slug}/board", context)
    assert f"{base}/s/{slug}" in page  # share links follow the https address nginx forwards
    status, page = _get(f"{base}/apps/{slug}/", context, timeout=240)
    assert status == 200 and "<noscript>" in page.lower()  # the app's own page, from its sandbox
    host = base.removeprefix("https://")
    assert _stream(f"wss://{host}/_stcore/stream", context) == "new_session"  # the studio's WebSocket
    assert _stream(f"wss://{host}/apps/{slug}/_stcore/stream", context) == "new_session"  # the app's WebSocket
