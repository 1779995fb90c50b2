"""Signed traffic between studio replicas and sandbox hosts (studio/serving/hosts.py, studio/hostagent.py).

Every request and WebSocket handshake a replica sends to a host carries
``X-Flash-Host-Auth: <milliseconds>.<nonce>.<body SHA-256>.<mac>.<signed header names>``, where ``mac`` is the
HMAC-SHA256 under the cluster's shared secret (which never travels) of::

    flashapps-host-2 \\n milliseconds \\n nonce \\n METHOD \\n path?query \\n body SHA-256 \\n names \\n headers

``headers`` is the canonical form of the named headers: one ``name:value`` line each (names lower-cased and
sorted, a repeated header's values in the order sent, values trimmed). The replica names every header it sends
except the transport's own (``TRANSPORT``: the connection, host, length and framing, and the WebSocket
handshake's key and version): the cookie-less browser headers the proxy passes on (``X-Forwarded-For`` and the
rest of what the browser sent), the visitor and owner headers (``X-Flash-Visitor``, ``X-Flash-Owner``) and a
WebSocket's subprotocols.

A host (``Signed``, the middleware in front of its routes) answers 401, and logs why, to anything that is not
exactly so: no or a malformed signature, one made with another secret, a clock more than ``skew_s`` away from
its own, another method, path or query, an altered or added header (under ``/apps/`` every header that is not
the transport's must be named: the host passes them to the app), a body whose SHA-256 is not the one signed, or a
nonce it has already seen. Nonces are kept in memory per host (``Nonces``) for twice ``skew_s`` after they were
first seen: a stamp is accepted at most ``skew_s`` either side of the host's clock, so an older nonce could not
be replayed anyway; the set is bounded (``NONCE_LIMIT``, about 500,000 requests a minute per host), and when it
is full new requests wait (503) rather than a nonce being forgotten early. A host that restarts forgets its
nonces: a request captured in the 30 s before a restart could be replayed once after it.

Bodies: the replica streams a request body into a spooled file (memory up to 1 MiB, then a temporary file),
hashing as it reads, up to ``BODY_BYTES`` (an app's upload limit, Streamlit's ``server.maxUploadSize`` of 20 MB
in sandbox/inside/relay.py, and its envelope); a larger body is refused before anything is sent
(``BodyTooLarge``, 413). The host reads the body the same way, bounded the same, and passes it to the app only
once its SHA-256 matches the signed one.
"""

from __future__ import annotations

import collections
import hashlib
import hmac
import logging
import re
import secrets
import tempfile
import threading
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator, Sequence
from typing import IO, Any

import httpx2

from gallery.errors import UserError

__all__ = [
    "AUTH_HEADER",
    "BODY_BYTES",
    "EMPTY_BODY",
    "TRANSPORT",
    "BodyTooLarge",
    "Nonces",
    "Signed",
    "SignedAuth",
    "check",
    "sign",
    "signed_ok",
]

log = logging.getLogger(__name__)

AUTH_HEADER = "X-Flash-Host-Auth"
EMPTY_BODY = hashlib.sha256(b"").hexdigest()
BODY_BYTES = 21 * 2**20
"""The largest request body sent to a host: Streamlit's upload limit in an app (20 MB) and the form around it."""
NONCE_LIMIT = 500_000
SPOOL_BYTES = 2**20
"""A body up to this size is kept in memory on its way; a larger one in a temporary file."""
TRANSPORT = frozenset(
    {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "trailers",
     "transfer-encoding", "upgrade", "host", "content-length", AUTH_HEADER.lower(), "sec-websocket-key",
     "sec-websocket-version", "sec-websocket-extensions"}
)  # fmt: skip
"""Headers of the connection itself, never signed; a host passes none of them to an app."""
_VERSION = "flashapps-host-2"
_NAME = re.compile(r"^[a-z0-9!#$%&'*+.^_`|~-]+$")
_HEX = re.compile(r"^[0-9a-f]+$")
_CHUNK = 2**16


class BodyTooLarge(UserError):
    """A request body over ``BODY_BYTES``: not sent to (or not taken by) a sandbox host."""

    def __init__(self) -> None:
        mb = BODY_BYTES // 2**20
        super().__init__(
            f"What you sent is too large (more than {mb} MB). Send a smaller file.",
            f"发送的内容太大（超过 {mb} MB）。请换一个小一些的文件。",
        )


# -- the signature ------------------------------------------------------------------------
def _names(headers: Iterable[tuple[str, str]]) -> list[str]:
    return sorted({name.lower() for name, _ in headers if name.lower() not in TRANSPORT})


def _canonical(names: Sequence[str], headers: Iterable[tuple[str, str]]) -> str:
    wanted = set(names)
    pairs = sorted(((name.lower(), value.strip()) for name, value in headers), key=lambda pair: pair[0])
    return "\n".join(f"{name}:{value}" for name, value in pairs if name in wanted)


def _mac(key: bytes, stamp: str, nonce: str, method: str, target: str, body: str, names: Sequence[str],
         headers: Iterable[tuple[str, str]]) -> str:  # fmt: skip
    text = "\n".join(
        (_VERSION, stamp, nonce, method.upper(), target, body, ",".join(names), _canonical(names, headers))
    )
    return hmac.new(key, text.encode("utf-8", "surrogateescape"), hashlib.sha256).hexdigest()


def sign(
    key: bytes,
    method: str,
    target: str,
    now: float | None = None,
    *,
    body: str = EMPTY_BODY,
    headers: Iterable[tuple[str, str]] = (),
    nonce: str | None = None,
) -> str:
    """The ``X-Flash-Host-Auth`` value for ``METHOD target`` (the path and query as sent) at ``now``, whose body
    has the SHA-256 ``body`` (hex), naming every header of ``headers`` but the transport's."""
    listed = list(headers)
    names = _names(listed)
    stamp = str(int((time.time() if now is None else now) * 1000))
    nonce = nonce or secrets.token_hex(16)
    mac = _mac(key, stamp, nonce, method, target, body, names, listed)
    return f"{stamp}.{nonce}.{body}.{mac}.{','.join(names)}"


def check(
    key: bytes,
    value: str,
    method: str,
    target: str,
    skew_s: float,
    now: float | None = None,
    *,
    headers: Iterable[tuple[str, str]] = (),
    all_named: bool = False,
) -> str | None:
    """Why ``value`` does not sign this request (None when it does): the body's digest is the one it declares
    (checked by the caller once the body is read), and with ``all_named`` every header but the transport's must
    be named. Compared in constant time."""
    if not value:
        return "not signed"
    parts = value.split(".", 4)
    if len(parts) != 5:
        return "malformed signature"
    stamp, nonce, body, mac, listed = parts
    names = listed.split(",") if listed else []
    if (
        not stamp.isdigit() or len(stamp) > 16 or not 16 <= len(nonce) <= 64 or not _HEX.match(nonce)
        or len(body) != 64 or not _HEX.match(body) or len(mac) != 64 or not all(_NAME.match(n) for n in names)
        or names != sorted(set(names))
    ):  # fmt: skip
        return "malformed signature"
    off = (time.time() if now is None else now) - int(stamp) / 1000
    if abs(off) > skew_s:
        return f"signed {off:+.0f} s from this host's clock"
    present = list(headers)
    if all_named:
        unnamed = sorted(set(_names(present)) - set(names))
        if unnamed:
            return f"header {unnamed[0]!r} not signed"
    if not hmac.compare_digest(_mac(key, stamp, nonce, method, target, body, names, present), mac):
        return "wrong signature (another secret, or the method, path, query or a header changed)"
    return None


def signed_ok(key: bytes, value: str, method: str, target: str, skew_s: float, now: float | None = None,
              **options: Any) -> bool:  # fmt: skip
    """Whether ``value`` signs ``METHOD target`` under ``key`` within ``skew_s`` of ``now`` (``check``)."""
    return check(key, value, method, target, skew_s, now, **options) is None


def declared_body(value: str) -> str:
    """The body SHA-256 a (checked) signature declares."""
    return value.split(".", 4)[2]


def declared_nonce(value: str) -> str:
    return value.split(".", 4)[1]


class Nonces:
    """The nonces seen in the last ``keep_s`` seconds (see the module), at most ``limit``."""

    def __init__(self, keep_s: float, limit: int = NONCE_LIMIT, clock: Callable[[], float] = time.monotonic) -> None:
        self.keep_s, self.limit, self.clock = keep_s, limit, clock
        self._seen: set[str] = set()
        self._order: collections.deque[tuple[float, str]] = collections.deque()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._seen)

    def take(self, nonce: str) -> str | None:
        """Records ``nonce``; why it cannot be used (None when it is new)."""
        now = self.clock()
        with self._lock:
            while self._order and self._order[0][0] <= now:
                self._seen.discard(self._order.popleft()[1])
            if nonce in self._seen:
                return "nonce already used (a replayed request)"
            if len(self._seen) >= self.limit:
                return "too many requests in the replay window"
            self._seen.add(nonce)
            self._order.append((now + self.keep_s, nonce))
        return None


# -- bodies -------------------------------------------------------------------------------
class _Spooled(httpx2.SyncByteStream, httpx2.AsyncByteStream):
    """A body read once into a spooled file, sent from its start each time it is iterated."""

    def __init__(self, spool: IO[bytes]) -> None:
        self.spool = spool

    def __iter__(self) -> Iterator[bytes]:
        self.spool.seek(0)
        while chunk := self.spool.read(_CHUNK):
            yield chunk

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self:
            yield chunk


class _Digest:
    """A body being spooled and hashed, bounded by ``BODY_BYTES``."""

    def __init__(self) -> None:
        self.spool: IO[bytes] = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (handed on)
        self.hash = hashlib.sha256()
        self.size = 0

    def add(self, chunk: bytes) -> None:
        self.size += len(chunk)
        if self.size > BODY_BYTES:
            self.spool.close()
            raise BodyTooLarge()
        self.hash.update(chunk)
        self.spool.write(chunk)


class SignedAuth(httpx2.Auth):
    """Signs each request an httpx client sends to a host: its body spooled and hashed first (see the module)."""

    def __init__(self, key: bytes) -> None:
        self.key = key

    def _signed(self, request: httpx2.Request, body: _Digest) -> httpx2.Request:
        request.stream = _Spooled(body.spool)
        request.headers.pop("transfer-encoding", None)
        request.headers["content-length"] = str(body.size)
        target = request.url.raw_path.decode("ascii")
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in request.headers.raw]  # as the host reads
        request.headers[AUTH_HEADER] = sign(self.key, request.method, target, body=body.hash.hexdigest(),
                                            headers=headers)  # fmt: skip
        return request

    def sync_auth_flow(self, request: httpx2.Request) -> Generator[httpx2.Request, httpx2.Response, None]:
        body = _Digest()
        for chunk in request.stream:  # type: ignore[union-attr]
            body.add(chunk)
        try:
            yield self._signed(request, body)  # the body is sent whole before the answer comes back
        finally:
            body.spool.close()

    async def async_auth_flow(self, request: httpx2.Request) -> AsyncIterator[httpx2.Request]:  # type: ignore[override]
        body = _Digest()
        async for chunk in request.stream:  # type: ignore[union-attr]
            body.add(chunk)
        try:
            yield self._signed(request, body)
        finally:
            body.spool.close()


# -- the host's side ----------------------------------------------------------------------
def _target(scope: dict[str, Any]) -> str:
    raw = scope.get("raw_path") or scope["path"].encode()
    query = scope.get("query_string") or b""
    return raw.decode("latin-1") + (f"?{query.decode('latin-1')}" if query else "")


class Signed:
    """ASGI middleware in front of a host's routes: requests and WebSocket handshakes that are not signed as
    the module says get 401 (and a log line); ``all_named(scope)`` says whether every header must be signed
    there (the routes that pass headers on to an app)."""

    def __init__(self, app: Any, key: bytes, skew_s: float, all_named: Callable[[dict[str, Any]], bool]) -> None:
        self.app, self.key, self.skew_s, self.all_named = app, key, skew_s, all_named
        self.nonces = Nonces(2 * skew_s)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = [(k.decode("latin-1").lower(), v.decode("latin-1")) for k, v in scope.get("headers", [])]
        value = next((v for k, v in headers if k == AUTH_HEADER.lower()), "")
        method = scope.get("method", "GET")
        why = check(self.key, value, method, _target(scope), self.skew_s, headers=headers,
                    all_named=self.all_named(scope))  # fmt: skip
        if why is None and scope["type"] == "websocket" and declared_body(value) != EMPTY_BODY:
            why = "a WebSocket handshake signed with a body"
        if why is None:
            why = self.nonces.take(declared_nonce(value))
        if why is not None:
            await self._refuse(scope, receive, send, 503 if why.startswith("too many") else 401, why)
            return
        if scope["type"] == "websocket":
            await self.app(scope, receive, send)
            return
        length = next((v for k, v in headers if k == "content-length"), "0")
        if length.isdigit() and int(length) > BODY_BYTES:
            await self._refuse(scope, receive, send, 413, f"a body of {length} bytes")
            return
        body = _Digest()
        try:
            while True:
                message = await receive()
                if message["type"] == "http.disconnect":
                    body.spool.close()
                    return
                body.add(message.get("body", b""))
                if not message.get("more_body", False):
                    break
        except BodyTooLarge:
            await self._refuse(scope, receive, send, 413, f"a body over {BODY_BYTES} bytes")
            return
        if body.hash.hexdigest() != declared_body(value):
            body.spool.close()
            await self._refuse(scope, receive, send, 401, "the body is not the one signed")
            return
        try:
            await self.app(scope, _replay(body, receive), send)
        finally:
            body.spool.close()

    async def _refuse(self, scope: dict[str, Any], receive: Any, send: Any, status: int, why: str) -> None:
        client = scope.get("client") or ("?", 0)
        log.warning("refused %s %s from %s: %s", scope.get("method", "WEBSOCKET"), scope["path"], client[0], why)
        text = {401: "not signed by a studio replica of this cluster", 413: "request body too large"}
        body = (text.get(status, "busy: try again") + "\n").encode()
        start = {
            "status": status,
            "headers": [(b"content-type", b"text/plain"), (b"content-length", str(len(body)).encode())]
            + ([(b"retry-after", b"1")] if status == 503 else []),
        }
        if scope["type"] == "http":
            await send({"type": "http.response.start", **start})
            await send({"type": "http.response.body", "body": body})
            return
        await receive()  # websocket.connect
        if "websocket.http.response" in scope.get("extensions", {}):
            await send({"type": "websocket.http.response.start", **start})
            await send({"type": "websocket.http.response.body", "body": body})
        else:
            await send({"type": "websocket.close", "code": 1008})


def _replay(body: _Digest, receive: Any) -> Callable[[], Any]:
    """The ``receive`` an app behind the middleware gets: the checked body again, then the client's own."""
    body.spool.seek(0)
    done = False

    async def again() -> dict[str, Any]:
        nonlocal done
        if done:
            message: dict[str, Any] = await receive()
            return message
        chunk = body.spool.read(_CHUNK)
        more = body.spool.tell() < body.size
        done = not more
        return {"type": "http.request", "body": chunk, "more_body": more}

    return again
