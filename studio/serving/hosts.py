"""Apps served from several sandbox hosts: what a studio replica uses in place of its own runner.

With ``FLASHAPPS_HOSTS_SECRET`` set, a replica runs no app itself: each app is placed on a sandbox host
(``flashapps host``, studio/hostagent.py), recorded in the database (gallery/placement.py), and the replica's
proxy (studio/serving/proxy.py) forwards HTTP and WebSocket traffic to that host. ``HostRunner`` has the
runner's interface (``ensure``, ``current``, ...): ``ensure`` looks up the placement (or places the app on
the least-loaded live host), asks that host to start the app, and returns a ``HostEndpoint``.

Traffic between replicas and hosts is authenticated (studio/serving/host_auth.py): every request and WebSocket
handshake carries ``X-Flash-Host-Auth``, an HMAC under the shared secret of its time, a random nonce, the method,
the path with its query, the body's SHA-256 and every header passed on to the app; a host answers 401 to a
request without a valid one, one signed more than ``skew_s`` away from its own clock, an altered one and a
replayed one. The secret itself never travels.

A host whose heartbeat is older than ``dead_after_s`` is lost: nothing is placed on it or sent to it, and its
apps start on another live host at their next visit, with the data the lost host last saved (at most
``sync_s`` old; see studio/hostagent.py).
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from http.cookiejar import CookieJar, DefaultCookiePolicy
from typing import Any, cast

import httpx2
from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict
from websockets.asyncio.client import ClientConnection, connect

from gallery.errors import UserError
from gallery.placement import Placements
from studio.serving.errors import AppNotServed, AppStartFailed, RunnerBusy, RunnerUnavailable
from studio.serving.host_auth import AUTH_HEADER, SignedAuth, sign, signed_ok
from studio.serving.runner import AppRunner, RunnerSettings, valid_key

__all__ = [
    "AUTH_HEADER",
    "HostEndpoint",
    "HostRunner",
    "HostSettings",
    "hosted_runner",
    "keeps_no_cookies",
    "sign",
    "signed_ok",
]

log = logging.getLogger(__name__)


class HostSettings(BaseSettings):
    """``FLASHAPPS_HOSTS_*`` variables, the same on every replica and host."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_HOSTS_", extra="ignore")

    secret: SecretStr = Field(
        default=SecretStr(""),
        description="shared by replicas and sandbox hosts (at least 16 characters); set: replicas serve apps "
        "through the hosts",
    )
    dead_after_s: float = Field(default=10, gt=0, description="a host whose heartbeat is older is lost")
    heartbeat_s: float = Field(default=2, gt=0, description="how often a host says it is alive")
    sync_s: float = Field(default=10, gt=0, description="how often a host saves its running apps' changed data")
    skew_s: float = Field(default=30, gt=0, description="how far a signed request's clock may be from the host's")

    @property
    def key(self) -> bytes:
        value = self.secret.get_secret_value()
        if len(value) < 16:
            raise ValueError("FLASHAPPS_HOSTS_SECRET must be at least 16 characters")
        return value.encode()

    @property
    def enabled(self) -> bool:
        return bool(self.secret.get_secret_value())


def keeps_no_cookies() -> CookieJar:
    """A cookie jar that keeps nothing: for a client that relays many visitors' requests to apps."""
    return CookieJar(DefaultCookiePolicy(allowed_domains=[]))


class HostEndpoint:
    """Where an app runs: a sandbox host's address (``http://127.0.0.1:9101``); signs what is sent there."""

    def __init__(self, name: str, address: str, key: bytes) -> None:
        self.name, self.address, self.key = name, address.rstrip("/"), key

    def __str__(self) -> str:
        return self.address

    def __eq__(self, other: object) -> bool:
        return isinstance(other, HostEndpoint) and (other.name, other.address) == (self.name, self.address)

    def __hash__(self) -> int:
        return hash((self.name, self.address))

    def client(self) -> httpx2.AsyncClient:
        """A client for every visitor's requests to this host: signed, and keeping no cookie an app sets (it
        would go to the next visitor, and to the host's other apps)."""
        return httpx2.AsyncClient(auth=SignedAuth(self.key), timeout=httpx2.Timeout(60, connect=5), trust_env=False,
                                  cookies=keeps_no_cookies())  # fmt: skip

    def url(self, target: str) -> str:
        return f"{self.address}{target}"

    async def connect(self, target: str, headers: dict[str, str], **options: Any) -> ClientConnection:
        """A WebSocket to ``target`` (path and query) on the host, its handshake signed with ``headers`` and the
        subprotocols offered (no other header is sent: no user agent, no compression offer)."""
        ws = "ws" + self.address.removeprefix("http")  # http -> ws, https -> wss
        sent = list(headers.items())
        if options.get("subprotocols"):
            sent.append(("sec-websocket-protocol", ", ".join(options["subprotocols"])))
        signed = {**headers, AUTH_HEADER: sign(self.key, "GET", target, headers=sent)}
        options = {"user_agent_header": None, "compression": None, **options}
        return await connect(ws + target, additional_headers=signed, proxy=None, **options)  # never via a web proxy


class HostRunner:
    """The runner's interface over sandbox hosts (see the module). Thread-safe; blocking calls are short."""

    def __init__(
        self,
        resolve: Callable[[str], object],
        placements: Callable[[], Placements],
        hosts: HostSettings | None = None,
        settings: RunnerSettings | None = None,
    ) -> None:
        self.resolve = resolve  # the proxy asks it why an app is not served (hidden, pending)
        self.hosts = hosts or HostSettings()
        self.settings = settings or RunnerSettings()
        self.key = self.hosts.key
        self._placements_factory = placements
        self._placements: Placements | None = None
        self._lock = threading.Lock()
        self._known: dict[str, tuple[HostEndpoint, float]] = {}
        self._http = httpx2.Client(
            auth=SignedAuth(self.key), timeout=httpx2.Timeout(self.settings.start_timeout_s + 15), trust_env=False
        )
        self.cold_starts: list[tuple[str, float]] = []

    @property
    def placements(self) -> Placements:
        with self._lock:
            if self._placements is None:
                self._placements = self._placements_factory()
            return self._placements

    @property
    def backend(self) -> object:
        raise RunnerUnavailable("apps run on the sandbox hosts")  # nothing to prepare here

    @property
    def backend_name(self) -> str:
        """The weakest backend among the live hosts (what the studio's banner tells about)."""
        try:
            names = {h.backend for h in self.placements.live()}
        except Exception:
            log.exception("reading the sandbox hosts failed")
            return "docker"
        for weaker in ("local", "bubblewrap"):
            if weaker in names:
                return weaker
        return sorted(names)[0] if names else "docker"

    @property
    def capacity(self) -> int:
        return sum(max(h.running, 1) for h in self.placements.live())

    # -- visiting ---------------------------------------------------------------------------
    def running(self) -> dict[str, str]:
        with self._lock:
            return {k: str(e) for k, (e, _) in self._known.items()}

    def current(self, key: str) -> HostEndpoint | None:
        """The host ``key`` was last found on, while that is recent (half the heartbeat bound)."""
        with self._lock:
            found = self._known.get(key)
        if found is None or time.monotonic() - found[1] > self.hosts.dead_after_s / 2:
            return None
        return found[0]

    def touch(self, key: str) -> None:
        """The host's own runner sees each use in what it relays."""

    used = touch

    @contextlib.contextmanager
    def socket_open(self, key: str) -> Iterator[None]:
        yield

    def forget_dead(self, key: str) -> bool:
        """The host did not answer: forget it for ``key``; the next try looks the placement up again."""
        return self.stop(key)

    def stop(self, key: str) -> bool:
        with self._lock:
            return self._known.pop(key, None) is not None

    def stop_all(self) -> None:
        self._http.close()

    def start_reaper(self) -> None:
        """Each host stops its own idle apps."""

    def stats(self) -> dict[str, dict[str, object]]:
        return {}

    def ensure(self, key: str, evict_open: bool = True) -> HostEndpoint:
        """The host serving ``key``, which has started it. Raises ``AppNotServed``, ``RunnerBusy`` (no live host,
        or the host is full or does not answer: the page waits and tries again), ``AppStartFailed``."""
        if not valid_key(key):
            raise AppNotServed(key)
        host = self.placements.place(key)
        if host is None:
            log.warning("no sandbox host is live: %s waits", key)
            raise RunnerBusy(0)
        endpoint = HostEndpoint(host.name, host.address, self.key)
        began = time.perf_counter()
        try:
            answer = self._http.post(endpoint.url(f"/_host/ensure/{key}"), params={"evict_open": int(evict_open)})
        except httpx2.TransportError as error:
            log.warning("sandbox host %s did not answer for %s: %s", host.name, key, error)
            self.stop(key)
            raise RunnerBusy(host.running) from None
        if answer.status_code != 200:
            self.stop(key)
            raise _refusal(key, host.name, answer)
        with self._lock:
            self._known[key] = (endpoint, time.monotonic())
            if answer.json().get("started"):
                self.cold_starts.append((key, time.perf_counter() - began))
        return endpoint


def _refusal(key: str, host: str, answer: httpx2.Response) -> Exception:
    try:
        body = answer.json()
    except ValueError:
        body = {}
    if answer.status_code == 404:
        return AppNotServed(key)
    if answer.status_code == 503:
        return RunnerBusy(int(body.get("running", 0)))
    if answer.status_code == 401:
        log.error("sandbox host %s refused this replica's signature: is FLASHAPPS_HOSTS_SECRET the same?", host)
        return RunnerUnavailable("the sandbox host refused this studio")
    if "en" in body and "zh" in body:  # the host's own words (its data over the quota, a start that failed)
        return UserError(str(body["en"]), str(body["zh"]))
    return AppStartFailed(key, f"the sandbox host answered {answer.status_code}")


def hosted_runner(resolve: Callable[[str], object], engine: Callable[[], Any]) -> AppRunner | None:
    """A ``HostRunner`` when ``FLASHAPPS_HOSTS_SECRET`` is set (the gallery's database, ``engine()``, on first
    use), else None: the studio serves apps itself."""
    hosts = HostSettings()
    if not hosts.enabled:
        return None
    runner = HostRunner(resolve, lambda: Placements(engine(), hosts.dead_after_s), hosts)
    return cast("AppRunner", runner)  # the runner's interface; the proxy tells a HostEndpoint from a socket
