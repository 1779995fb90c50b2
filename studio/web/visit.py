"""The visitor's page of a published app (``/s/<slug>``): the app itself, full-screen, with a slim bar.

What a share link and its QR code open, on a phone as on a computer: no studio navigation, one bar (title,
author, remix, report) and the app filling the rest of the screen, scrolling as its own page. The maker's
page (``/app?app=<slug>``: versions, QR, code) stays for makers and maintainers. ``/s/<slug>/board`` is the
projector view: a large QR code and the short link, for a teacher to put on the board. A visitor is never
shown the QR code of the page it is on. Plain HTML served by Starlette: nothing of Streamlit's to load.

The app comes from the apps' own origin (studio/serving/origins.py) in a sandboxed frame: its scripts run
on that origin (Streamlit needs ``allow-same-origin`` there), may open popups and downloads, and can never
navigate this page. A signed-in maker's frame carries a one-time owner ticket (studio/serving/owner.py).
"""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Mapping
from urllib.parse import quote, urlencode

import qrcode
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.routing import BaseRoute, Route

from gallery import AppView
from gallery.errors import NotFound, Unavailable
from studio import auth, links, services
from studio.serving.owner import TICKET_PARAM, issue_ticket
from studio.strings import text

__all__ = ["board_html", "visit_html", "visit_routes"]

_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "frame-src 'self'; frame-ancestors 'self'",
    "Cache-Control": "no-store",
    "Referrer-Policy": "same-origin",
}
SANDBOX = "allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"
"""What an app's frame may do: run its scripts on its own origin, send forms, open popups, download files;
never navigate the page around it (no ``allow-top-navigation``)."""


def _headers(request_headers: Mapping[str, str]) -> dict[str, str]:
    """The page's headers: it frames the apps' origin and nothing else; only this site may frame it."""
    apps = links.apps_frame_source(request_headers)
    policy = _HEADERS["Content-Security-Policy"].replace("frame-src 'self'", f"frame-src {apps}")
    return {**_HEADERS, "Content-Security-Policy": policy + "; worker-src 'none'"}


_STYLE = """
html,body{margin:0;padding:0;height:100%;background:#fff;color:#1f2430;
 font-family:system-ui,-apple-system,"Segoe UI","PingFang SC","Noto Sans CJK SC",sans-serif}
body{display:flex;flex-direction:column;height:100vh;height:100dvh}
.bar{flex:none;display:flex;align-items:center;gap:.5rem;padding:.35rem .75rem;min-height:2.2rem;
 border-bottom:1px solid #e4e6eb;font-size:.9rem;background:#fafbfc}
.who{flex:1;min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.who strong{margin-right:.4rem}.who span{color:#5b6170}
.bar a{flex:none;color:#3451b2;text-decoration:none;padding:.25rem .4rem;border-radius:.3rem}
.bar a:hover{background:#eef1fb}
iframe{flex:1;width:100%;border:0;display:block}
body:has(.board){height:auto;min-height:100vh;min-height:100dvh}
.board{display:flex;flex-direction:column;align-items:center;justify-content:safe center;gap:.8rem;
 min-height:100%;padding:2vmin;box-sizing:border-box;text-align:center}
.board h1{margin:0;font-size:clamp(1.5rem,4vmin,3rem)}
.board p{margin:0}
.board img{width:min(62vmin,90vw);height:auto;image-rendering:pixelated}
.board .link{font-size:clamp(1.2rem,3.5vmin,2.6rem);font-weight:600;word-break:break-all}
.warn{max-width:60rem;padding:.6rem 1rem;border-radius:.4rem;background:#fff4e5;color:#663c00}
"""


def _lang(request: Request) -> str:
    wanted = request.query_params.get("lang", "")
    if wanted in ("en", "zh"):
        return wanted
    return "zh" if (request.headers.get("accept-language") or "").lower().startswith("zh") else "en"


def _document(lang: str, title: str, body: str) -> str:
    return (
        f'<!doctype html><html lang="{"zh" if lang == "zh" else "en"}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>{body}</body></html>"
    )


def visit_html(app: AppView, lang: str, frame_src: str | None = None) -> str:
    """The app full-screen under a one-line bar: title, author, remix and report (on the maker's page);
    ``frame_src``: the app's address on the apps' origin."""
    slug = quote(app.slug, safe="")
    src = frame_src or services.app_url(slug)
    maker = f"/app?app={slug}"
    author = html.escape(app.author or "—")
    bar = (
        '<header class="bar" id="visit-bar">'
        f'<div class="who"><strong id="visit-title">{html.escape(app.title)}</strong>'
        f'<span id="visit-author">{html.escape(text("visit_by", lang, author=author))}</span></div>'
        f'<a id="visit-remix" href="{maker}" target="_top">{html.escape(text("visit_remix", lang))}</a>'
        f'<a id="visit-report" href="{maker}" target="_top">{html.escape(text("visit_report", lang))}</a>'
        "</header>"
    )
    frame = (
        f'<iframe id="visit-app" src="{html.escape(src)}" title="{html.escape(app.title)}" sandbox="{SANDBOX}" '
        'allow="clipboard-write; fullscreen; autoplay"></iframe>'
    )
    return _document(lang, app.title, bar + frame)


def qr_data_uri(link: str) -> str:
    image = qrcode.make(link, box_size=16, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def board_html(app: AppView, link: str, lang: str) -> str:
    """The projector view: the app's title, a large QR code of its share link and the link itself."""
    warning = links.loopback_warning(link)
    note = f'<p class="warn" id="board-warning">{html.escape(warning[1 if lang == "zh" else 0])}</p>' if warning else ""
    body = (
        '<main class="board">'
        f'<h1 id="board-title">{html.escape(app.title)}</h1>'
        f'<img id="board-qr" src="{qr_data_uri(link)}" alt="{html.escape(text("board_scan", lang))}">'
        f"<p>{html.escape(text('board_scan', lang))}</p>"
        f'<p class="link" id="board-link">{html.escape(link)}</p>{note}</main>'
    )
    return _document(lang, app.title, body)


def _missing(lang: str, why: Unavailable | None = None) -> HTMLResponse:
    """No such app, or (``why``) one that is not public now: hidden, waiting for review, rejected."""
    said = why.message(lang) if why is not None else text("visit_missing", lang)
    body = f'<main class="board"><h1>{html.escape(said)}</h1></main>'
    return HTMLResponse(_document(lang, "Flash Apps", body), status_code=404, headers=_HEADERS)


def _found(request: Request) -> AppView | Unavailable | None:
    try:
        return services.gallery().apps.get_by_slug(request.path_params["slug"], None)
    except Unavailable as unavailable:
        return unavailable
    except NotFound:
        return None


def visit(request: Request) -> HTMLResponse:
    lang = _lang(request)
    app = _found(request)
    if not isinstance(app, AppView):
        return _missing(lang, app)
    src = links.app_address(app.slug, request.headers)
    token = request.cookies.get(auth.COOKIE, "")
    if token:  # the maker sees every visitor's submissions: the apps' origin learns it from a one-time ticket
        src += "?" + urlencode({TICKET_PARAM: issue_ticket(app.slug, token)})
    return HTMLResponse(visit_html(app, lang, src), headers=_headers(request.headers))


def board(request: Request) -> HTMLResponse:
    lang = _lang(request)
    app = _found(request)
    if not isinstance(app, AppView):
        return _missing(lang, app)
    link = services.share_url(app.slug, request.headers)
    return HTMLResponse(board_html(app, link, lang), headers=_headers(request.headers))


def visit_routes() -> list[BaseRoute]:
    """``/s/<slug>`` (the visitor's page) and ``/s/<slug>/board`` (projector mode); sync: run in threads."""
    return [
        Route("/s/{slug}", visit, methods=["GET", "HEAD"]),
        Route("/s/{slug}/board", board, methods=["GET", "HEAD"]),
    ]
