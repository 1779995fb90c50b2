"""The studio behind a real nginx with TLS (docs/deploy/nginx.conf): pages, an app and its WebSocket over https,
the studio and the apps on origins of their own.

nginx runs on 127.0.0.1 with a self-signed certificate made here (openssl), in front of a real studio
(``python -m studio.server``) with a published app; both are stopped at the end. The example configuration
is used as committed: only its ports and certificate paths are replaced (the apps' server block listens on
a port of its own here, standing in for the wildcard domain, which needs DNS).
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
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from support import ROOT, unavailable
from websockets.exceptions import InvalidStatus
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


def _site(cert: Path, key: Path, https: tuple[int, int], http: int, upstream: tuple[int, int]) -> str:
    """The committed example with this test's ports and certificate (each line replaced must be there once)."""
    text = CONFIG.read_text()
    for old, new in (
        ("server 127.0.0.1:8501;", f"server 127.0.0.1:{upstream[0]};"),
        ("server 127.0.0.1:8502;", f"server 127.0.0.1:{upstream[1]};"),
        ("listen 443 ssl;  # the studio", f"listen 127.0.0.1:{https[0]} ssl;"),
        ("listen 443 ssl;  # the apps, one origin each", f"listen 127.0.0.1:{https[1]} ssl;"),
        ("listen 80;", f"listen 127.0.0.1:{http};"),
        ("/etc/ssl/flashapps/studio/fullchain.pem", str(cert)),
        ("/etc/ssl/flashapps/studio/privkey.pem", str(key)),
        ("/etc/ssl/flashapps/apps/fullchain.pem", str(cert)),
        ("/etc/ssl/flashapps/apps/privkey.pem", str(key)),
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
def behind_nginx(tmp_path: Path) -> Iterator[tuple[str, str, ssl.SSLContext, str]]:
    """(the studio's https address, the apps', a TLS context trusting the test's certificate, a published app)."""
    nginx = _need("nginx", "/usr/sbin/nginx")
    home = tmp_path / "home"
    home.mkdir()
    slug = _publish(home)
    studio_port, apps_port, https, apps_https, http = (_free_port() for _ in range(5))
    env = {
        **os.environ,
        "FLASHAPPS_HOME": str(home),
        "PYTHONUNBUFFERED": "1",
        "FLASHAPPS_PUBLIC_URL": f"https://127.0.0.1:{https}",
        "FLASHAPPS_APPS_URL": f"https://127.0.0.1:{apps_https}",
    }
    env.pop("FLASHAPP_DATA_DIR", None)
    studio_log = tmp_path / "studio.log"
    with studio_log.open("wb") as out:
        studio = subprocess.Popen(
            [sys.executable, "-m", "studio.server", "--host", "127.0.0.1", "--port", str(studio_port),
             "--apps-port", str(apps_port)],
            env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
    cert, key = _certificate(tmp_path)
    prefix = tmp_path / "nginx"
    (prefix / "logs").mkdir(parents=True)
    (prefix / "site.conf").write_text(_site(cert, key, (https, apps_https), http, (studio_port, apps_port)))
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
        yield f"https://127.0.0.1:{https}", f"https://127.0.0.1:{apps_https}", context, slug
    finally:
        _stop(proxy, signal.SIGQUIT)
        _stop(studio, signal.SIGINT)


def _listening(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def _get(url: str, context: ssl.SSLContext, timeout: float = 120) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, context=context, timeout=timeout) as response:
            return int(response.status), response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode(errors="replace")


def _stream(url: str, context: ssl.SSLContext, origin: str | None = None) -> str:
    """Opens a Streamlit session over the WebSocket (from a page of ``origin``, default the socket's own), asks
    for a run and reads the first message's kind."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    own = url.replace("wss://", "https://").split("/", 3)
    with connect(url, ssl=context, subprotocols=["streamlit"], origin=origin or f"{own[0]}//{own[2]}",
                 open_timeout=120) as socket_:  # type: ignore[arg-type]  # fmt: skip
        message = BackMsg()
        message.rerun_script.query_string = ""
        socket_.send(message.SerializeToString())
        received = ForwardMsg()
        received.ParseFromString(socket_.recv(timeout=120))  # type: ignore[arg-type]
        return str(received.WhichOneof("type"))


def test_the_studio_an_app_and_its_websocket_work_through_nginx_over_https(
    behind_nginx: tuple[str, str, ssl.SSLContext, str],
) -> None:
    base, apps, context, slug = behind_nginx
    status, page = _get(f"{base}/", context)
    assert status == 200 and "<noscript>" in page.lower()  # the studio's page
    status, page = _get(f"{base}/s/{slug}", context)
    assert status == 200 and "Focus timer" in page and f'src="{apps}/apps/{slug}/"' in page  # the visitor's page
    status, page = _get(f"{base}/s/{slug}/board", context)
    assert f"{base}/s/{slug}" in page  # share links follow the https address nginx forwards
    status, page = _get(f"{base}/apps/{slug}/", context, timeout=240)  # sent on to the apps' origin
    assert status == 200 and "<noscript>" in page.lower()  # the app's own page, from its sandbox
    with urllib.request.urlopen(f"{apps}/apps/{slug}/", context=context, timeout=240) as response:
        assert f"frame-ancestors 'self' {base}" in response.headers["Content-Security-Policy"]
    assert _get(f"{apps}/", context)[0] == 404  # no studio on the apps' origin
    host, apps_host = base.removeprefix("https://"), apps.removeprefix("https://")
    assert _stream(f"wss://{host}/_stcore/stream", context) == "new_session"  # the studio's WebSocket
    assert _stream(f"wss://{apps_host}/apps/{slug}/_stcore/stream", context) == "new_session"  # the app's WebSocket
    with pytest.raises(InvalidStatus):  # an app's page cannot open the studio's session
        _stream(f"wss://{host}/_stcore/stream", context, origin=apps)
