"""A real HTTP server on 127.0.0.1 speaking the OpenAI chat-completions protocol, from a script.

Each POST /v1/chat/completions takes the next scripted ``Reply`` (or calls ``responder``
with the request body): content (valid, malformed, truncated with finish_reason "length",
a refusal), an HTTP error (429 with Retry-After, 500, 400…), a delay before answering (to
trigger client timeouts), and optionally a simulated speed (time to first token, tokens/s).
Streaming (``stream: true``) answers as server-sent events. GET /v1/models lists one model.
Every request is recorded (path, headers, JSON body) for tests to assert on.

Bounded: a delayed reply waits on an event that ``stop`` sets, so teardown never hangs;
an exhausted script answers 400 "no reply left" with ``x-should-retry: false``.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["TEST_KEY", "Recorded", "Reply", "ScriptedServer", "error", "ok", "refusal", "slow", "truncated"]

TEST_KEY = "sk-test-SECRET123"
"""The API key tests use; it must appear in no error, log or repr."""


@dataclass
class Reply:
    """One scripted answer."""

    content: str | None = ""
    finish_reason: str = "stop"
    refusal: str | None = None
    status: int = 200
    message: str = ""  # the error message when status is not 200
    headers: dict[str, str] = field(default_factory=dict)
    delay_s: float = 0.0  # before anything is sent
    usage: tuple[int, int] | None = None  # (prompt, completion); None: estimated; (-1, -1): omitted


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any]


def ok(value: Any, **kwargs: Any) -> Reply:
    """A successful reply: a string as is, anything else (a pydantic model, a dict) as JSON."""
    if hasattr(value, "model_dump_json"):
        value = value.model_dump_json()
    elif not isinstance(value, str):
        value = json.dumps(value, ensure_ascii=False)
    return Reply(content=value, **kwargs)


def truncated(text: str) -> Reply:
    """A reply cut off by max_tokens."""
    return Reply(content=text, finish_reason="length")


def refusal(text: str = "I'm sorry, I can't help with that.") -> Reply:
    """A structured-outputs refusal (``message.refusal`` set, no content)."""
    return Reply(content=None, refusal=text)


def error(status: int, message: str = "", *, retry_after: str | None = None, **headers: str) -> Reply:
    """An HTTP error answer in the OpenAI error shape."""
    all_headers = dict(headers)
    if retry_after is not None:
        all_headers["Retry-After"] = retry_after
    return Reply(status=status, message=message or f"scripted error {status}", headers=all_headers)


def slow(seconds: float, then: Reply | None = None) -> Reply:
    """``then`` (default: an empty JSON object) after ``seconds``."""
    reply = then or ok("{}")
    reply.delay_s = seconds
    return reply


class ScriptedServer:
    """Start, ``script(...)`` replies, point a client at ``url``, read ``requests``, stop."""

    def __init__(self, *, ttft_s: float = 0.0, tokens_per_s: float | None = None, model: str = "scripted") -> None:
        self.replies: list[Reply] = []
        self.responder: Callable[[dict[str, Any]], Reply] | None = None
        self.requests: list[Recorded] = []
        self.ttft_s, self.tokens_per_s, self.model = ttft_s, tokens_per_s, model
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> ScriptedServer:
        handler = type("Handler", (_Handler,), {"scripted": self})
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> ScriptedServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        assert self._httpd is not None, "start the server first"
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL a client uses (``…/v1``)."""
        return f"http://127.0.0.1:{self.port}/v1"

    # -- script and record ---------------------------------------------------------------
    def script(self, *replies: Reply) -> None:
        with self._lock:
            self.replies.extend(replies)

    @property
    def bodies(self) -> list[dict[str, Any]]:
        """The JSON bodies of the chat-completion requests, in order."""
        return [r.body for r in self.requests if r.path.endswith("/chat/completions")]

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if self.responder is not None:
                return self.responder(body)
            if self.replies:
                return self.replies.pop(0)
        return Reply(status=400, message="scripted server: no reply left", headers={"x-should-retry": "false"})

    def wait(self, seconds: float) -> bool:
        """Sleeps ``seconds`` unless the server stops first (then False)."""
        return not self._stopping.wait(seconds) if seconds > 0 else not self._stopping.is_set()


def _tokens(text: str) -> int:
    return max(1, len(text) // 4) if text else 0


class _Handler(BaseHTTPRequestHandler):
    scripted: ScriptedServer  # HTTP/1.0: one request a connection, so no thread outlives its client

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def _record(self, body: dict[str, Any]) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        with self.scripted._lock:
            self.scripted.requests.append(Recorded(self.command, self.path, headers, body))

    def _send_json(self, status: int, payload: Any, headers: dict[str, str] | None = None) -> None:
        data = json.dumps(payload, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        try:
            self._record({})
            if self.path.rstrip("/").endswith("/models"):
                model = {"id": self.scripted.model, "object": "model", "created": 0, "owned_by": "scripted"}
                self._send_json(200, {"object": "list", "data": [model]})
            else:
                self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
        except OSError:  # the client went away
            pass

    def do_POST(self) -> None:
        try:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b"{}"
            body = json.loads(raw or b"{}")
            self._record(body)
            if not self.path.rstrip("/").endswith("/chat/completions"):
                self._send_json(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                return
            reply = self.scripted._next(body)
            if not self.scripted.wait(reply.delay_s):
                return
            if reply.status != 200:
                kind = "rate_limit_error" if reply.status == 429 else "invalid_request_error"
                error = {"message": reply.message, "type": kind, "param": None, "code": None}
                self._send_json(reply.status, {"error": error}, reply.headers)
            elif body.get("stream"):
                self._stream(body, reply)
            else:
                self._complete(body, reply)
        except OSError:  # the client timed out and closed the connection
            pass

    def _usage(self, body: dict[str, Any], reply: Reply) -> dict[str, int] | None:
        if reply.usage == (-1, -1):
            return None
        prompt, completion = reply.usage or (
            _tokens(json.dumps(body.get("messages", []), ensure_ascii=False)),
            _tokens(reply.content or ""),
        )
        return {"prompt_tokens": prompt, "completion_tokens": completion, "total_tokens": prompt + completion}

    def _pace(self, text: str) -> bool:
        """Waits as a model of the configured speed would; False when the server is stopping."""
        seconds = self.scripted.ttft_s
        if self.scripted.tokens_per_s:
            seconds += _tokens(text) / self.scripted.tokens_per_s
        return self.scripted.wait(seconds)

    def _complete(self, body: dict[str, Any], reply: Reply) -> None:
        if not self._pace(reply.content or ""):
            return
        message = {"role": "assistant", "content": reply.content, "refusal": reply.refusal}
        payload: dict[str, Any] = {
            "id": f"chatcmpl-{len(self.scripted.requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", self.scripted.model),
            "choices": [{"index": 0, "message": message, "finish_reason": reply.finish_reason, "logprobs": None}],
        }
        usage = self._usage(body, reply)
        if usage is not None:
            payload["usage"] = usage
        self._send_json(200, payload)

    def _stream(self, body: dict[str, Any], reply: Reply) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        base = {"id": "chatcmpl-stream", "object": "chat.completion.chunk", "created": int(time.time())}
        base["model"] = body.get("model", self.scripted.model)

        def send(delta: dict[str, Any], finish: str | None = None, **extra: Any) -> None:
            choice = {"index": 0, "delta": delta, "finish_reason": finish, "logprobs": None}
            chunk = {**base, "choices": [choice], **extra}
            self.wfile.write(f"data: {json.dumps(chunk, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()

        text = reply.content or ""
        if not self.scripted.wait(self.scripted.ttft_s):
            return
        send({"role": "assistant", "content": ""})
        pieces = [text[i : i + 16] for i in range(0, len(text), 16)]
        for piece in pieces:
            if self.scripted.tokens_per_s and not self.scripted.wait(_tokens(piece) / self.scripted.tokens_per_s):
                return
            send({"content": piece})
        send({}, reply.finish_reason)
        usage = self._usage(body, reply)
        if usage is not None and (body.get("stream_options") or {}).get("include_usage"):
            chunk = {**base, "choices": [], "usage": usage}
            self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
        self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
