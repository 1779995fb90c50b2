"""The join page: a student joins a class with its short code (typed, or in the QR code's link) and a
nickname. No password, no e-mail address: the browser keeps a member token in the HttpOnly cookie
``flash_class`` that this route sets (the way studio/auth.py sets the session cookie), and the class's
apps open for it. Plain HTML routes (they work on any phone, scripts or not), served by studio/server.py.

``GET /join?code=…&next=…`` the form; ``POST /join`` joins; ``GET /join/apps`` the apps of the classes
this browser joined.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from flashapps.errors import UserError
from studio.auth import safe_next
from studio.serving.class_gate import MAX_MEMBERSHIPS, MEMBER_COOKIE, Sweeper, member_tokens, page_language
from studio.strings import text

__all__ = ["MEMBER_DAYS", "join_routes"]

MEMBER_DAYS = 400
"""How long a browser keeps its memberships (the class's retention removes the member sooner)."""


def _page(lang: str, body: str, status: int = 200) -> HTMLResponse:
    page = (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(text('cls_join_title', lang))} · Flash Apps</title>"
        "<style>body{font-family:sans-serif;max-width:30em;margin:1.5em auto;padding:0 1em}"
        "label{display:block;margin:1em 0 .3em}input{font-size:1.2em;width:100%;box-sizing:border-box;padding:.4em}"
        "button{font-size:1.2em;margin-top:1em;padding:.5em 1.2em}.error{color:#b00020}"
        "li{margin:.6em 0;font-size:1.1em}</style></head>"
        f"<body><h1>⚡ Flash Apps</h1>{body}</body></html>"
    )
    return HTMLResponse(
        page, status_code=status, headers={"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}
    )


def _form(lang: str, code: str, nickname: str, next_path: str, error: str = "") -> str:
    e = html.escape
    said = f'<p class="error" role="alert">{e(error)}</p>' if error else ""
    return (
        f"<h2>{e(text('cls_join_title', lang))}</h2><p>{e(text('cls_join_intro', lang))}</p>{said}"
        '<form method="post" action="/join">'
        f'<label for="code">{e(text("cls_join_code", lang))}</label>'
        f'<input id="code" name="code" value="{e(code)}" autocomplete="off" autocapitalize="characters" required>'
        f'<label for="nickname">{e(text("cls_join_nickname", lang))}</label>'
        f'<input id="nickname" name="nickname" value="{e(nickname)}" maxlength="30" autocomplete="nickname" required>'
        f'<input type="hidden" name="next" value="{e(next_path)}"><input type="hidden" name="lang" value="{lang}">'
        f'<button id="join" type="submit">{e(text("cls_join_button", lang))}</button></form>'
        f"<p><small>{e(text('cls_join_privacy', lang))}</small></p>"
    )


def _next(value: str | None) -> str:
    """Where to go after joining: an app's page on this site, else the list of the class's apps."""
    path = safe_next(value)
    return path if path.startswith("/apps/") else "/join/apps"


def join_routes(gallery: Callable[[], Any], sweeper: Sweeper | None = None) -> list[BaseRoute]:
    """The routes; ``gallery()`` is the gallery (opened on first use)."""

    def form(request: Request) -> Response:
        lang = page_language(request.headers, request.query_params)
        query = request.query_params
        return _page(lang, _form(lang, query.get("code", ""), "", query.get("next", "")))

    async def join(request: Request) -> Response:
        fields = {k: v[0] for k, v in parse_qs((await request.body()).decode("utf-8", "replace")).items()}
        lang = page_language(request.headers, fields)
        code, nickname, next_path = fields.get("code", ""), fields.get("nickname", ""), fields.get("next", "")
        if request.headers.get("sec-fetch-site", "same-origin") in ("cross-site", "same-site"):
            return _page(lang, _form(lang, code, nickname, next_path), 403)  # another site cannot join anyone
        if sweeper is not None:
            sweeper.maybe()
        try:
            token, _member = gallery().classes.join(code, nickname)
        except UserError as error:
            return _page(lang, _form(lang, code, nickname, next_path, error.message(lang)), 400)
        response = RedirectResponse(_next(next_path), status_code=303)
        held = [token, *member_tokens(request.cookies)][:MAX_MEMBERSHIPS]
        secure = request.url.scheme == "https" or request.headers.get("x-forwarded-proto", "").startswith("https")
        response.set_cookie(MEMBER_COOKIE, ".".join(held), max_age=MEMBER_DAYS * 86400, path="/", secure=secure,
                            httponly=True, samesite="lax")  # fmt: skip
        response.headers["Cache-Control"] = "no-store"
        return response

    def apps(request: Request) -> Response:
        lang = page_language(request.headers, request.query_params)
        classes = gallery().classes
        parts = []
        for token in member_tokens(request.cookies):
            member = classes.member(token)
            if member is None:
                continue
            links = (
                "".join(
                    f'<li><a href="/apps/{html.escape(app.slug)}/">{html.escape(app.title)}</a></li>'
                    for app in classes.class_apps(member.class_code)
                )
                or f"<li>{html.escape(text('cls_no_apps_yet', lang))}</li>"
            )
            you = text("cls_you_are", lang, name=member.nickname, klass=member.class_name)
            parts.append(f"<h2>{html.escape(member.class_name)}</h2><p>{html.escape(you)}</p><ul>{links}</ul>")
        if not parts:
            return _page(lang, _form(lang, "", "", ""))
        more = f'<p><a href="/join?lang={lang}">{html.escape(text("cls_join_another", lang))}</a></p>'
        return _page(lang, "".join(parts) + more)

    return [
        Route("/join", form, methods=["GET"]),
        Route("/join", join, methods=["POST"]),
        Route("/join/apps", apps, methods=["GET"]),
    ]
