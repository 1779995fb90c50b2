"""The anonymous maker's browser secret in an HttpOnly cookie, so a reload keeps one's own drafts editable.

A draft made without an account belongs to the browser that made it (workshop/makers.py): the studio
holds a random secret for that browser, in the session and, to survive reloads, in the cookie
``flashapps_maker``. Streamlit cannot set cookies, so, as for signing in (studio/auth.py), the page
asks for a one-time ticket and sends the browser to ``/drafts/keep?ticket=...&next=/page``, which swaps
it for the cookie and redirects back. The secret never appears in a URL, page JavaScript cannot read
it, and another site cannot plant its own secret in a visitor's browser (Fetch Metadata, as sign-in).

No Streamlit here: the route runs in the server, ``issue`` in the studio's script thread (one process).
Under AppTest or a bare ``streamlit run`` the route does not exist (``enabled()`` is false) and the
secret stays in session state only.
"""

from __future__ import annotations

import re
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from studio import auth

__all__ = ["COOKIE", "KEEP_DAYS", "drafts_routes", "enabled", "issue", "keep_url", "valid_secret"]

COOKIE = "flashapps_maker"
KEEP_DAYS = 90
_SECRET = re.compile(r"[A-Za-z0-9_-]{32,128}")
_TICKETS = auth._Tickets(kind="drafts")  # the sign-in's one-time tickets (single use, 60 s), a store of their own
_STATE = {"enabled": False}


def valid_secret(value: object) -> bool:
    """Whether ``value`` looks like a secret the studio made (workshop.makers.new_secret)."""
    return isinstance(value, str) and _SECRET.fullmatch(value) is not None


def enabled() -> bool:
    return _STATE["enabled"]


def issue(secret: str) -> str:
    """A one-time ticket for this browser secret (for ``keep_url``)."""
    return _TICKETS.issue(secret)


def keep_url(ticket: str, next_path: str) -> str:
    return "/drafts/keep?" + urlencode({"ticket": ticket, "next": auth.safe_next(next_path)})


def drafts_routes() -> list[BaseRoute]:
    """``GET /drafts/keep``: a ticket swapped for the cookie, then back to ``next`` (a path on this site)."""
    _STATE["enabled"] = True

    def keep(request: Request) -> Response:
        back = RedirectResponse(auth.safe_next(request.query_params.get("next")), status_code=303)
        if request.method != "GET" or auth._from_elsewhere(request):  # a HEAD, or a link on another site
            return auth._no_store(back)
        secret = _TICKETS.take(request.query_params.get("ticket", ""))
        if secret is not None and valid_secret(secret):
            back.set_cookie(
                COOKIE, secret, max_age=KEEP_DAYS * 86400, path="/", secure=auth._secure(request),
                httponly=True, samesite="lax",
            )  # fmt: skip
        return auth._no_store(back)

    return [Route("/drafts/keep", keep, methods=["GET"])]
