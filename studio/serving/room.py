"""Room for a class: which WebSocket messages are a visitor's use, and the short queue a page load waits in.

Use: an idle Streamlit tab still sends ``BackMsg``s of its own (``app_heartbeat`` every so often, and
``load_git_info`` when it connects); those say a tab is open, not that anyone uses it. Every other
message (a rerun when a widget changes, a stop, a file upload) is use. Read from the message's first
tag, without decoding it: a ``BackMsg`` holds exactly one field, its type.

The queue: when every place is taken by an app in use, a browser's page load gets a small page (English
and Chinese) that tries the same address again by itself every ``queue_retry_s``, counting its tries in
``?flash_wait=<n>``; once ``queue_wait_s`` has passed it is turned away with the runner's message. A
try that gets a place is sent back to the clean address.
"""

from __future__ import annotations

import html
from urllib.parse import urlencode

from starlette.requests import Request

from studio.serving.errors import WaitingForRoom

__all__ = ["WAIT_PARAM", "is_use", "wait_tries", "waiting_page", "wants_page"]

WAIT_PARAM = "flash_wait"
_NOT_USE = (b"\x88\x01", b"\x60")
"""The first tags of ``BackMsg.app_heartbeat`` (field 17) and ``BackMsg.load_git_info`` (field 12)."""


def is_use(message: bytes | str) -> bool:
    """Whether a message from the browser to the app is a visitor's use (see the module)."""
    if isinstance(message, str):
        return True
    return not message.startswith(_NOT_USE)


def wants_page(request: Request) -> bool:
    """Whether a browser asked for a page (it can show the waiting page and follow its refresh)."""
    return "text/html" in request.headers.get("accept", "")


def wait_tries(request: Request) -> int | None:
    """How many times this page load has waited already; None when it is not a waiting page's try."""
    value = request.query_params.get(WAIT_PARAM)
    if value is None:
        return None
    return int(value) if value.isdigit() and len(value) < 6 else 0


def clean_url(request: Request) -> str:
    """The address asked for, without the queue's counter."""
    query = [(k, v) for k, v in request.query_params.multi_items() if k != WAIT_PARAM]
    return request.url.path + (f"?{urlencode(query)}" if query else "")


def next_try_url(request: Request, tries: int) -> str:
    query = [(k, v) for k, v in request.query_params.multi_items() if k != WAIT_PARAM]
    return request.url.path + "?" + urlencode([*query, (WAIT_PARAM, str(tries))])


def waiting_page(request: Request, running: int, tries: int, every_s: float) -> tuple[str, dict[str, str]]:
    """The queue's page (HTML) and its headers: it loads ``next_try_url`` after ``every_s`` seconds."""
    notice = WaitingForRoom(running, every_s)
    again = html.escape(next_try_url(request, tries + 1), quote=True)
    seconds = max(1, round(every_s))
    body = (
        '<!doctype html><html><head><meta charset="utf-8"><title>Flash Apps</title>'
        f'<meta http-equiv="refresh" content="{seconds};url={again}"></head>'
        '<body style="font-family:sans-serif;max-width:40em;margin:4em auto">'
        f'<h1>⚡ Flash Apps</h1><p role="status">{html.escape(notice.message("en"))}</p>'
        f'<p lang="zh" role="status">{html.escape(notice.message("zh"))}</p>'
        '<p><progress aria-label="Waiting · 等待中"></progress> '
        f'<a href="{again}" title="Try again now · 现在重试">↻</a></p></body></html>'
    )
    return body, {"Retry-After": str(seconds), "Cache-Control": "no-store"}
