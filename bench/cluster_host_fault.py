"""The fault "stop a sandbox host: its apps come back on the other" (bench/cluster.py), under a burst of its own.

Visitors open published apps through nginx on the apps' origin as a browser does: the page load (which sets the
visitor cookie), then Streamlit's WebSocket, where each script run sends the widget values a person typed. A
visitor writes markers into an app's first form that has a text box (one record each, every second), the host
running that app is killed (SIGKILL, its agent and its apps; with Docker its engine stopped too) right after the
last write, and the app is visited again with the same cookie: it comes back on the other host, and the markers
it shows are compared with those written. Writes older than the hosts' save interval (``SYNC_S``) must come back;
newer ones may be lost: that is the stated bound (studio/hostagent.py).
"""

from __future__ import annotations

import http.client
import secrets
import time
from collections import Counter
from typing import Any

from bench.cluster_burst import Burst, Tracked, burst, until
from bench.cluster_hosts import DEAD_AFTER_S, SYNC_S, placements, start_engine
from bench.cluster_services import Cluster

__all__ = ["LOADED_S", "Visitor", "fault_host", "restart_host"]

LOADED_S = 5.0
"""What a busy machine may add to a save round: a lost write older than ``SYNC_S + LOADED_S`` breaks the bound."""
APPS = 3
"""Published apps visited before the fault (the first of the burst); markers go into those with a text box."""


class Visitor:
    """One visitor of a published app through nginx (see the module); keeps its cookies between sessions."""

    def __init__(self, cluster: Cluster, slug: str) -> None:
        self.cluster, self.slug = cluster, slug
        self.host, _, port = cluster.apps.removeprefix("https://").partition(":")
        self.port = int(port)
        self.cookies: dict[str, str] = {}
        self.form: tuple[str, str] | None = None  # (its first text box, its submit button): widget ids

    def page(self) -> tuple[int, str | None]:
        """The page load; its status and the replica that answered."""
        connection = http.client.HTTPSConnection(self.host, self.port, context=self.cluster.context, timeout=120)
        try:
            cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            connection.request("GET", f"/apps/{self.slug}/", headers={"Cookie": cookie} if cookie else {})
            response = connection.getresponse()
            response.read()
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, response.getheader("X-Flash-Replica")

    def session(self, text: str | None = None) -> bytes:
        """One WebSocket session: a first script run (the app as shown; its form found), then with ``text`` the
        form filled in (its first text box) and sent; everything the app sent, as bytes."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from websockets.sync.client import connect
        from websockets.typing import Origin, Subprotocol

        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        with connect(f"wss://{self.host}:{self.port}/apps/{self.slug}/_stcore/stream", ssl=self.cluster.context,
                     subprotocols=[Subprotocol("streamlit")], origin=Origin(self.cluster.apps), max_size=None,
                     additional_headers={"Cookie": cookie}, open_timeout=120) as socket:  # fmt: skip
            shown = self._run(socket, BackMsg())
            if text is None or self.form is None:
                return shown
            message = BackMsg()
            states = message.rerun_script.widget_states.widgets
            box, submit = states.add(), states.add()
            box.id, box.string_value = self.form[0], text
            submit.id, submit.trigger_value = self.form[1], True
            return self._run(socket, message)

    def _run(self, socket: Any, message: Any) -> bytes:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message.rerun_script.query_string = ""
        socket.send(message.SerializeToString())
        shown = b""
        boxes: dict[str, str] = {}
        submits: dict[str, str] = {}
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            data = socket.recv(timeout=120)
            raw = data if isinstance(data, bytes) else data.encode()
            shown += raw
            received = ForwardMsg()
            received.ParseFromString(raw)
            kind = received.WhichOneof("type")
            if kind == "delta" and received.delta.WhichOneof("type") == "new_element":
                element = received.delta.new_element
                which = element.WhichOneof("type")
                if which == "text_input" and element.text_input.form_id:
                    boxes.setdefault(element.text_input.form_id, element.text_input.id)
                elif which == "button" and element.button.is_form_submitter:
                    submits.setdefault(element.button.form_id, element.button.id)
            elif kind == "script_finished":
                if self.form is None:
                    self.form = next(((boxes[f], submits[f]) for f in boxes if f in submits), None)
                return shown
        raise TimeoutError(f"the app {self.slug} did not finish its script run")


def restart_host(cluster: Cluster, name: str) -> None:
    """A killed host started again (with Docker, on a new engine of its own), waited for until it is live."""
    from bench.cluster_services import wait_for

    host = cluster.hosts[name]
    if host.alive():
        return
    if host.engine is not None:
        from sandbox.image import ensure_image

        host.engine = start_engine(host.engine.root, cluster._spawn, ensure_image(log=lambda _: None))
    host.start(cluster._spawn)
    wait_for(f"sandbox host {name}", lambda: name in cluster.live_hosts(), host.process, host.log, 120)


def _lose_a_host(cluster: Cluster, tracked: list[Tracked], started: float) -> dict[str, Any]:
    until(lambda: sum(1 for t in tracked if t.slug) >= min(APPS, len(tracked)), 900, "apps published to visit")
    visitors = [Visitor(cluster, t.slug) for t in tracked if t.slug][:APPS]
    for visitor in visitors:  # each placed on a host by its first visit, its form found
        status, _replica = visitor.page()
        if status != 200:
            raise RuntimeError(f"the published app {visitor.slug} answered {status} before the fault")
        visitor.session()
    placed = placements(cluster.url).placed()
    writable = [v for v in visitors if v.form is not None and v.slug in placed]
    if not writable:
        raise RuntimeError("none of the published apps visited has a form with a text box to write into")
    victim = placed[writable[0].slug]
    other = next(name for name in cluster.hosts if name != victim)
    on_victim = [v for v in writable if placed[v.slug] == victim]
    written: list[tuple[str, str, float]] = []  # (app, marker, when)
    tag = secrets.token_hex(3)
    first = time.time()
    while time.time() - first < SYNC_S + LOADED_S + 2:  # the first writes are older than the bound at the kill
        for visitor in on_victim:
            marker = f"HOSTMARK{tag}{len(written):03d}"
            visitor.session(marker)
            written.append((visitor.slug, marker, time.time()))
        time.sleep(1)
    cluster.hosts[victim].kill()
    killed = time.time()
    at = round(time.monotonic() - started, 1)
    pages: Counter[str] = Counter()
    back_s: list[float] = []
    shown: dict[str, bytes] = {}
    for visitor in on_victim:  # the next visits: "please wait" until the host is taken for lost, then the app
        deadline = time.monotonic() + DEAD_AFTER_S + 180
        while True:
            status, _replica = visitor.page()
            pages[str(status)] += 1
            if status == 200 or time.monotonic() > deadline:
                break
            time.sleep(0.5)
        back_s.append(round(time.time() - killed, 1))
        shown[visitor.slug] = visitor.session() if status == 200 else b""
    now = placements(cluster.url).placed()
    lost = [(slug, marker, at_) for slug, marker, at_ in written if marker.encode() not in shown[slug]]
    ages = [round(killed - at_, 1) for _slug, _marker, at_ in lost]
    return {
        "fault": f"sandbox host {victim} killed (SIGKILL, its apps too"
        + ("; its Docker engine stopped)" if cluster.hosts[victim].engine is not None else ")"),
        "at_s": at, "apps_on_it": len(on_victim), "apps_moved": sum(1 for v in on_victim if now.get(v.slug) == other),
        "back_after_s": back_s, "pages_while_moving": dict(pages), "writes": len(written),
        "came_back": len(written) - len(lost), "lost": len(lost), "lost_newest_s": ages, "bound_s": SYNC_S,
        "lost_older_than_bound": sum(1 for age in ages if age > SYNC_S + LOADED_S),
    }  # fmt: skip


def fault_host(cluster: Cluster, ideas: list[str], **options: Any) -> Burst:
    """A sandbox host lost while a burst runs and visitors write into its apps (see the module); the host is
    started again when the burst ends."""
    started = time.monotonic()

    def lose(tracked: list[Tracked]) -> list[dict[str, Any]]:
        return [_lose_a_host(cluster, tracked, started)]

    try:
        return burst(cluster, ideas, workers=2, during=lose, **options)
    finally:
        for name in cluster.hosts:
            restart_host(cluster, name)
