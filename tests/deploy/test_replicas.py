"""Two studio replicas behind a real nginx (docs/deploy/nginx-replicas.conf), sharing one PostgreSQL gallery.

Started here, all on 127.0.0.1 and stopped at the end: a throwaway PostgreSQL (tests/gallery/pg.py), two
``flashapps studio`` processes (replicas "a" and "b": the same FLASHAPPS_HOME and database, each on a studio
port and its apps' port, telling themselves apart by ``X-Flash-Replica``), and nginx with the committed
configuration (only its ports and certificate paths replaced; a self-signed certificate made with openssl).

Checked: pages come from both replicas, a browser keeps to one, and a published app's page is the same on each;
the app itself is served through the apps' upstream by both; an owner ticket is swapped once on either replica
for a grant every replica reads;
a sign-in ticket issued by one replica's code is claimed on the other exactly once; the shared CSRF key lets a
page from one replica sign out on the other; wrong passwords typed on one replica's sign-in page (driven over
Streamlit's WebSocket) keep the same sign-in waiting on the other; Streamlit's WebSocket opens through nginx; after replica "a" is
killed (SIGKILL) every request is answered by "b" at the first try, WebSockets included.
"""

from __future__ import annotations

import contextlib
import functools
import http.client
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import pytest
from sample_specs import water_tracker
from support import ROOT, unavailable
from test_reverse_proxy import _certificate, _listening, _need, _stop, _stream, _wait_for

from bench.cluster_services import nginx_main, nginx_site
from flashapps.report import TestResult, VerifyReport
from gallery import GallerySettings, open_gallery
from generator.render import render
from tests.gallery.pg import PgServer

pytestmark = [pytest.mark.slow, pytest.mark.timeout(600)]

PASSWORD = "replica-password-1"


def _port_pair() -> int:
    """A free port whose next one is free too (a replica's studio and apps' origin)."""
    for _ in range(200):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = int(probe.getsockname()[1])
        if port < 65535 and not _listening(port + 1):
            with socket.socket() as second:
                try:
                    second.bind(("127.0.0.1", port + 1))
                except OSError:
                    continue
            return port
    raise RuntimeError("no two free ports in a row on 127.0.0.1")


def _says(log: Path, words: str) -> bool:
    return words in log.read_text(errors="replace")


@dataclass
class Cluster:
    base: str  # the studio through nginx (https)
    apps: str  # the apps' origin through nginx (https)
    context: ssl.SSLContext
    ports: dict[str, int]  # replica name -> its studio port (the apps' origin: the next one)
    processes: dict[str, subprocess.Popen[bytes]]
    database_url: str
    home: Path
    slug: str


def _publish(settings: GallerySettings, folder: Path) -> str:
    gallery = open_gallery(settings)
    try:
        maker = gallery.accounts.register("ms_lindqvist", PASSWORD)
        report = VerifyReport(backend="none", isolated=False, passed=True,
                              tests=[TestResult(name="built here", outcome="passed")])  # fmt: skip
        bundle = render(water_tracker(), folder)
        return gallery.apps.publish(maker, bundle, report, title="Water for the class").slug
    finally:
        gallery.close()


@pytest.fixture
def cluster(tmp_path: Path) -> Iterator[Cluster]:
    nginx = _need("nginx", "/usr/sbin/nginx")
    server = PgServer()
    try:
        server.start()
    except Exception as error:  # any reason at all: the skip (or, under CI, the failure) says it
        server.stop()
        unavailable(f"PostgreSQL could not start: {type(error).__name__}: {error}", "make test installs PostgreSQL")
    processes: dict[str, subprocess.Popen[bytes]] = {}
    proxy: subprocess.Popen[bytes] | None = None
    try:
        home = tmp_path / "home"
        home.mkdir()
        url = server.url("replicas")
        slug = _publish(GallerySettings(database_url=url, store_dir=home / "gallery-store"), tmp_path / "bundle")
        https, apps_https, http = (_port_pair() for _ in range(3))
        ports = {"a": _port_pair(), "b": _port_pair()}
        while len({*ports.values(), *(p + 1 for p in ports.values()), https, apps_https, http}) < 7:
            ports["b"] = _port_pair()
        common = {
            **os.environ, "FLASHAPPS_HOME": str(home), "FLASHAPPS_DATABASE_URL": url,
            "FLASHAPPS_PUBLIC_URL": f"https://127.0.0.1:{https}", "FLASHAPPS_APPS_URL": f"https://127.0.0.1:{apps_https}",
            "FLASHAPPS_RUNNER_BACKEND": "local", "FLASHAPPS_SANDBOX_ALLOW_LOCAL": "1", "PYTHONUNBUFFERED": "1",
            "STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(16),
        }  # fmt: skip
        for unset in ("FLASHAPP_DATA_DIR", "FLASHAPPS_GALLERY_DATABASE_URL", "FLASHAPPS_QUEUE_URL"):
            common.pop(unset, None)
        for name, port in ports.items():
            log = tmp_path / f"replica-{name}.log"
            with log.open("wb") as out:
                processes[name] = subprocess.Popen(
                    [sys.executable, "-m", "studio.cli", "studio", "--host", "127.0.0.1", "--port", str(port)],
                    env={**common, "FLASHAPPS_REPLICA": name}, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
        cert, key = _certificate(tmp_path)
        prefix = tmp_path / "nginx"
        (prefix / "logs").mkdir(parents=True)
        (prefix / "site.conf").write_text(nginx_site(cert, key, https, apps_https, http, [ports["a"], ports["b"]]))
        (prefix / "nginx.conf").write_text(nginx_main(prefix))
        proxy = subprocess.Popen(
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off; master_process off;"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip
        for name, process in processes.items():
            log = tmp_path / f"replica-{name}.log"
            _wait_for(f"replica {name}", functools.partial(_says, log, "running at"), process, log)
        _wait_for("nginx", lambda: _listening(https), proxy, prefix / "logs" / "error.log", 30)
        context = ssl.create_default_context(cafile=str(cert))
        yield Cluster(f"https://127.0.0.1:{https}", f"https://127.0.0.1:{apps_https}", context, ports, processes,
                      url, home, slug)  # fmt: skip
    finally:
        if proxy is not None:
            _stop(proxy, signal.SIGQUIT)
        for process in processes.values():
            _stop(process, signal.SIGINT)
        from studio import services

        services.close_opened()  # the gallery this process opened on the cluster's database (_issue_ticket)
        server.stop()


@dataclass
class Answer:
    status: int
    headers: http.client.HTTPMessage
    body: str

    @property
    def replica(self) -> str | None:
        return self.headers.get("X-Flash-Replica")

    def cookies(self) -> dict[str, str]:
        found = {}
        for line in self.headers.get_all("Set-Cookie") or []:
            name, _, rest = line.partition("=")
            found[name.strip()] = rest.split(";", 1)[0]
        return found


def _request(address: str, path: str, context: ssl.SSLContext | None = None, method: str = "GET",
             headers: dict[str, str] | None = None, body: str | None = None, timeout: float = 60) -> Answer:  # fmt: skip
    """One request, no redirect followed (the claim answers 303 with its cookie)."""
    host, _, port = address.split("://", 1)[1].partition(":")
    connection = (
        http.client.HTTPSConnection(host, int(port), context=context, timeout=timeout)
        if address.startswith("https")
        else http.client.HTTPConnection(host, int(port), timeout=timeout)
    )
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, response.headers, response.read().decode(errors="replace"))
    finally:
        connection.close()


def _direct(cluster: Cluster, name: str) -> str:
    return f"http://127.0.0.1:{cluster.ports[name]}"


def _issue_ticket(cluster: Cluster, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """(a session token, a one-time ticket for it), made by the code a replica runs (studio/auth.py) on the
    cluster's database: this process stands in for the replica a visitor signed in on."""
    monkeypatch.setenv("FLASHAPPS_HOME", str(cluster.home))
    monkeypatch.setenv("FLASHAPPS_DATABASE_URL", cluster.database_url)
    monkeypatch.delenv("FLASHAPPS_GALLERY_DATABASE_URL", raising=False)
    from studio import auth, services

    token = services.gallery().accounts.login("ms_lindqvist", PASSWORD, client="198.51.100.20")
    assert auth.shared_engine() is not None  # shared: the ticket is a row in PostgreSQL, not in this process
    return token, auth.issue(token)


class SignInPage:
    """The studio's sign-in page driven over Streamlit's WebSocket through nginx, kept on one replica by its
    ``flash_lb`` cookie: the same messages a browser sends when someone types a name and password and presses
    "Sign in". ``try_password`` answers what the page then says."""

    def __init__(self, stack: contextlib.ExitStack, cluster: Cluster, lb_key: str) -> None:
        from websockets.sync.client import connect
        from websockets.typing import Origin, Subprotocol

        host = cluster.base.removeprefix("https://")
        self.socket = stack.enter_context(connect(
            f"wss://{host}/_stcore/stream", ssl=cluster.context, subprotocols=[Subprotocol("streamlit")],
            origin=Origin(cluster.base), additional_headers={"Cookie": f"flash_lb={lb_key}"}, open_timeout=120,
        ))  # fmt: skip
        assert self.socket.response is not None
        self.replica = self.socket.response.headers.get("X-Flash-Replica")
        self.ids: dict[str, str] = {}
        self._run([])

    def _run(self, widgets: list[tuple[str, str | None]]) -> str:
        """One run of the page with these widget values (None: the button pressed); the text it showed."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        message.rerun_script.page_name = "account"
        for key, value in widgets:
            state = message.rerun_script.widget_states.widgets.add()
            state.id = self.ids[key]
            if value is None:
                state.trigger_value = True
            else:
                state.string_value = value
        self.socket.send(message.SerializeToString())
        shown: list[str] = []
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            received = ForwardMsg()
            data = self.socket.recv(timeout=120)
            received.ParseFromString(data if isinstance(data, bytes) else data.encode())
            kind = received.WhichOneof("type")
            if kind == "delta" and received.delta.WhichOneof("type") == "new_element":
                element = received.delta.new_element
                which = element.WhichOneof("type")
                if which in ("text_input", "button"):
                    widget_id = getattr(element, which).id
                    self.ids.setdefault(widget_id.rsplit("-", 1)[-1], widget_id)
                elif which == "alert":
                    shown.append(element.alert.body)
                elif which == "exception":
                    shown.append(element.exception.message)
            elif kind == "script_finished":
                return "\n".join(shown)
        raise AssertionError("the sign-in page did not finish its run")

    def try_password(self, username: str, password: str) -> str:
        return self._run([("signin_username", username), ("signin_password", password), ("signin", None)])


NAVIGATION = {"Sec-Fetch-Site": "none"}  # the address bar, as a browser says it


def test_two_replicas_behind_nginx_share_pages_sign_ins_and_survive_one_being_killed(
    cluster: Cluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    base, context = cluster.base, cluster.context
    # Pages from both replicas: a new browser (no cookie) is placed at random, and then keeps to its replica.
    seen: dict[str, str] = {}
    for _ in range(40):
        answer = _request(base, "/", context)
        assert answer.status == 200 and "<noscript>" in answer.body.lower()
        assert answer.replica in ("a", "b")
        seen.setdefault(answer.replica, answer.cookies()["flash_lb"])
        if len(seen) == 2:
            break
    assert set(seen) == {"a", "b"}, seen
    for name, key in seen.items():
        for _ in range(3):
            kept = _request(base, "/", context, headers={"Cookie": f"flash_lb={key}"})
            assert kept.replica == name and "flash_lb" not in kept.cookies()  # kept, and not set again

    # Any replica serves any page: the published app's visitor page, with links to nginx's https addresses.
    for name, key in seen.items():
        page = _request(base, f"/s/{cluster.slug}/board", context, headers={"Cookie": f"flash_lb={key}"})
        assert page.replica == name and page.status == 200
        assert "Water for the class" in page.body and f"{base}/s/{cluster.slug}" in page.body

    # ... and any replica serves the app itself on the apps' origin (an upstream of its own, where a browser's key
    # may fall on another replica than for the studio's), WebSocket included.
    served = set()
    for _ in range(40):
        app = _request(cluster.apps, f"/apps/{cluster.slug}/", context, timeout=240)
        assert app.status == 200 and "<noscript>" in app.body.lower()
        served.add(app.replica)
        if len(served) == 2:
            break
    assert served == {"a", "b"}
    apps_host = cluster.apps.removeprefix("https://")
    assert _stream(f"wss://{apps_host}/apps/{cluster.slug}/_stcore/stream", context) == "new_session"

    # A sign-in ticket from one replica is claimed on the other, once.
    token, ticket = _issue_ticket(cluster, monkeypatch)
    claim = "/auth/claim?" + urlencode({"ticket": ticket, "next": "/mine"})
    claimed = _request(_direct(cluster, "b"), claim, headers=NAVIGATION)
    assert claimed.status == 303 and claimed.headers["Location"] == "/mine"
    assert claimed.cookies()["flashapps_session"] == token and claimed.replica == "b"
    again = _request(_direct(cluster, "a"), claim, headers=NAVIGATION)
    assert again.status == 400 and "flashapps_session" not in again.cookies()  # used up, on every replica
    for name, key in seen.items():  # through nginx, to either replica
        other_token, fresh = _issue_ticket(cluster, monkeypatch)  # another sign-in
        through = _request(base, "/auth/claim?" + urlencode({"ticket": fresh, "next": "/"}), context,
                           headers={**NAVIGATION, "Cookie": f"flash_lb={key}"})  # fmt: skip
        assert through.status == 303 and through.replica == name
        assert through.cookies()["flashapps_session"] == other_token
        assert "Secure" in (through.headers.get("Set-Cookie") or "")  # nginx said https (X-Forwarded-Proto)

    # The owner ticket a studio page adds to its app's frame is swapped on any replica's apps' origin, once, for
    # a grant every replica knows (the app's WebSocket checks it wherever it lands).
    from studio.serving import owner

    frame_ticket = owner.issue_ticket(cluster.slug, token)
    swap = f"/apps/{cluster.slug}/?" + urlencode({owner.TICKET_PARAM: frame_ticket})
    swapped = _request(cluster.apps, swap, context)
    assert swapped.status == 303 and owner.OWNER_COOKIE in swapped.cookies()
    assert owner.GRANTS.take(swapped.cookies()[owner.OWNER_COOKIE], cluster.slug) == token
    assert owner.OWNER_COOKIE not in _request(cluster.apps, swap, context).cookies()  # used up

    # The sign-out form a page of one replica shows (its CSRF token) works on the other.
    from studio import auth

    form = auth.sign_out_form(token, "Sign out")
    field = re.search(r'name="csrf" value="([0-9a-f]+)"', form)
    assert field is not None
    out = _request(_direct(cluster, "a"), auth.sign_out_url("/"), method="POST", body=f"csrf={field.group(1)}",
                   headers={"Sec-Fetch-Site": "same-origin", "Cookie": f"flashapps_session={token}",
                            "Content-Type": "application/x-www-form-urlencoded"})  # fmt: skip
    assert out.status == 303 and "flashapps_session" in out.cookies()  # the cookie is cleared ...
    from studio import services

    assert services.gallery().accounts.user_for_token(token) is None  # ... and the session ended, for everyone

    # The sign-in throttle holds across replicas: wrong passwords typed on "a" keep the same sign-in waiting on
    # "b", even with the right password (which is not checked while it waits).
    with contextlib.ExitStack() as stack:
        pages = {name: SignInPage(stack, cluster, key) for name, key in seen.items()}
        assert {name: page.replica for name, page in pages.items()} == {"a": "a", "b": "b"}
        for wait in (0, 0, 0, 0, 0, 1.2, 2.2, 4.2):  # five free failures, then each backoff waited out
            time.sleep(wait)
            said = pages["a"].try_password("ms_lindqvist", "not-her-password")
            assert "Wrong username or password" in said or "用户名或密码错误" in said, said
        said = pages["b"].try_password("ms_lindqvist", PASSWORD)
        assert "Too many wrong sign-ins" in said or "登录失败次数过多" in said, said

    # Streamlit's WebSocket through nginx.
    host = base.removeprefix("https://")
    assert _stream(f"wss://{host}/_stcore/stream", context) == "new_session"

    # Replica "a" is killed: every request goes to "b", at the first try, the WebSocket too.
    os.killpg(cluster.processes["a"].pid, signal.SIGKILL)
    cluster.processes["a"].wait(timeout=30)
    started = time.monotonic()
    for _ in range(5):
        for key in seen.values():
            answer = _request(base, "/", context, headers={"Cookie": f"flash_lb={key}"}, timeout=30)
            assert answer.status == 200 and answer.replica == "b"
        fresh_browser = _request(base, "/", context, timeout=30)
        assert fresh_browser.status == 200 and fresh_browser.replica == "b"
    assert time.monotonic() - started < 30  # no request waited on the dead replica
    assert _stream(f"wss://{host}/_stcore/stream", context) == "new_session"
    page = _request(base, f"/s/{cluster.slug}", context, headers={"Cookie": f"flash_lb={seen['a']}"})
    assert page.status == 200 and page.replica == "b" and "Water for the class" in page.body
    for _ in range(3):
        app = _request(cluster.apps, f"/apps/{cluster.slug}/", context, timeout=60)
        assert app.status == 200 and app.replica == "b"
