"""The sign-in cookie routes the studio's server mounts (studio/server.auth_routes, used by create_app):
a one-time ticket becomes an HttpOnly cookie, once, within 60 s, redirecting only on this site; signing out
takes a POST with the session's CSRF token; both want a browser's Fetch Metadata saying this site sent them.

The routes are served by a plain Starlette app here: building ``st.App`` starts Streamlit's runtime,
one per process, which the AppTest tests in this process must not meet. The browser journey
(tests/browser) goes through the real server."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator

import httpx2
import pytest
from starlette.applications import Starlette

from gallery import Gallery
from studio import auth
from studio.server import auth_routes

Get = Callable[..., httpx2.Response]


@pytest.fixture
def get(gallery: Gallery, monkeypatch: pytest.MonkeyPatch) -> Iterator[Get]:
    """A request to the routes (GET unless ``method=``), with ``cookies`` set on the client, as a browser on
    this site sends it (``Sec-Fetch-Site: same-origin`` unless ``headers`` say otherwise)."""
    monkeypatch.setitem(auth._STATE, "enabled", False)  # mounting turns it on; AppTest runs after must not see it
    app = Starlette(routes=auth_routes())
    assert auth.enabled()

    def _get(
        path: str, method: str = "GET", cookies: dict[str, str] | None = None, **kwargs: object
    ) -> httpx2.Response:
        async def once() -> httpx2.Response:
            transport = httpx2.ASGITransport(app=app)
            async with httpx2.AsyncClient(
                transport=transport, base_url="http://studio.test", cookies=cookies,
                headers={"Sec-Fetch-Site": "same-origin"},
            ) as client:  # fmt: skip
                return await client.request(method, path, **kwargs)  # type: ignore[arg-type]

        return asyncio.run(once())

    yield _get


@pytest.fixture
def token(gallery: Gallery) -> str:
    gallery.accounts.register("teacher", "a long password")
    return gallery.accounts.login("teacher", "a long password")


def _cookie(response: httpx2.Response) -> str:
    (header,) = [v for k, v in response.headers.multi_items() if k.lower() == "set-cookie"]
    return header


def test_a_ticket_becomes_an_httponly_cookie_once(get: Get, token: str) -> None:
    ticket = auth.issue(token)
    assert token not in auth.claim_url(ticket, "/gallery")
    reply = get("/auth/claim", params={"ticket": ticket, "next": "/gallery?q=water"})
    assert reply.status_code == 303 and reply.headers["location"] == "/gallery?q=water"
    cookie = _cookie(reply)
    assert cookie.startswith(f"{auth.COOKIE}={token};")
    flags = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "path=/", "samesite=lax"} <= flags and "secure" not in flags
    assert reply.headers["cache-control"] == "no-store"
    again = get("/auth/claim", params={"ticket": ticket, "next": "/gallery"})
    assert again.status_code == 400 and "set-cookie" not in again.headers
    assert "expired" in again.text and "已过期" in again.text
    assert get("/auth/claim", params={"ticket": "made-up", "next": "/"}).status_code == 400


def test_a_ticket_is_not_used_up_by_a_head_request(get: Get, token: str) -> None:
    ticket = auth.issue(token)
    assert get("/auth/claim", method="HEAD", params={"ticket": ticket}).status_code == 405
    assert get("/auth/claim", params={"ticket": ticket}).status_code == 303


def test_secure_behind_https(get: Get, token: str) -> None:
    reply = get("/auth/claim", params={"ticket": auth.issue(token)}, headers={"X-Forwarded-Proto": "https"})
    assert "secure" in {part.strip().lower() for part in _cookie(reply).split(";")}


def test_a_ticket_expires_after_a_minute(get: Get, token: str, monkeypatch: pytest.MonkeyPatch) -> None:
    now = [1000.0]
    monkeypatch.setattr(auth.TICKETS, "clock", lambda: now[0])
    late = auth.issue(token)
    now[0] += auth.TICKET_SECONDS + 1
    assert get("/auth/claim", params={"ticket": late}).status_code == 400
    fresh = auth.issue(token)
    now[0] += auth.TICKET_SECONDS - 1
    assert get("/auth/claim", params={"ticket": fresh}).status_code == 303


def test_a_ticket_for_an_ended_session_sets_nothing(get: Get, token: str, gallery: Gallery) -> None:
    ticket = auth.issue(token)
    gallery.accounts.logout(token)
    reply = get("/auth/claim", params={"ticket": ticket})
    assert reply.status_code == 400 and "set-cookie" not in reply.headers


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example/", "/\\/evil.example", "evil.example",
     "javascript:alert(1)", "", "/ok\r\nSet-Cookie: x=1"],
)  # fmt: skip
def test_claim_and_sign_out_refuse_open_redirects(get: Get, token: str, target: str) -> None:
    reply = get("/auth/claim", params={"ticket": auth.issue(token), "next": target})
    assert reply.status_code == 303 and reply.headers["location"] == "/"
    out = get("/auth/sign-out", method="POST", params={"next": target}, cookies={auth.COOKIE: token},
              data={auth.CSRF_FIELD: auth.csrf_token(token)})  # fmt: skip
    assert out.status_code == 303 and out.headers["location"] == "/" and "set-cookie" in out.headers


def test_sign_out_ends_the_session_and_clears_the_cookie(get: Get, token: str, gallery: Gallery) -> None:
    assert gallery.accounts.user_for_token(token) is not None
    by_get = get("/auth/sign-out", params={"next": "/gallery"}, cookies={auth.COOKIE: token})
    assert by_get.status_code == 303 and "set-cookie" not in by_get.headers  # a link or an image does nothing
    for wrong in ("", "0" * 64, auth.csrf_token(token + "x")):
        refused = get("/auth/sign-out", method="POST", cookies={auth.COOKIE: token}, data={auth.CSRF_FIELD: wrong})
        assert refused.status_code == 303 and "set-cookie" not in refused.headers
    assert gallery.accounts.user_for_token(token) is not None
    reply = get("/auth/sign-out", method="POST", params={"next": "/gallery"}, cookies={auth.COOKIE: token},
                data={auth.CSRF_FIELD: auth.csrf_token(token)})  # fmt: skip
    assert reply.status_code == 303 and reply.headers["location"] == "/gallery"
    cookie = _cookie(reply)
    assert cookie.startswith(f'{auth.COOKIE}="";') and "max-age=0" in cookie.lower() and "path=/" in cookie.lower()
    assert gallery.accounts.user_for_token(token) is None
    assert get("/auth/sign-out", method="POST").status_code == 303  # no cookie: nothing to end, still a redirect


def test_another_site_can_neither_sign_a_visitor_in_nor_out(get: Get, token: str) -> None:
    ticket = auth.issue(token)
    refused = get("/auth/claim", params={"ticket": ticket}, headers={"Sec-Fetch-Site": "cross-site"})
    assert refused.status_code == 400
    assert "set-cookie" not in refused.headers
    assert get("/auth/claim", params={"ticket": ticket}, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 303
    csrf = {auth.CSRF_FIELD: auth.csrf_token(token)}
    for site in ("cross-site", "same-site", ""):  # another site, another port of this host, or no browser at all
        kept = get("/auth/sign-out", method="POST", cookies={auth.COOKIE: token}, data=csrf,
                   headers={"Sec-Fetch-Site": site})  # fmt: skip
        assert kept.status_code == 303 and "set-cookie" not in kept.headers
        assert (
            get("/auth/claim", params={"ticket": auth.issue(token)}, headers={"Sec-Fetch-Site": site}).status_code
            == 400
        )


def test_the_sign_out_form_posts_the_sessions_csrf_token(token: str) -> None:
    form = auth.sign_out_form(token, "Sign out <now>", "/gallery")
    assert 'method="post"' in form and 'action="/auth/sign-out?next=%2Fgallery"' in form
    assert f'name="csrf" value="{auth.csrf_token(token)}"' in form and token not in form
    assert "Sign out &lt;now&gt;" in form
    assert auth.csrf_token(token) != auth.csrf_token(token + "x")
