"""``/drafts/keep``: the anonymous maker's browser secret goes into an HttpOnly cookie through a one-time
ticket, so a reload keeps one's own drafts editable; another site cannot plant its own secret."""

from __future__ import annotations

from starlette.applications import Starlette
from starlette.testclient import TestClient

from studio import drafts_auth
from workshop.makers import new_secret


def _client() -> TestClient:
    """A browser on the studio's page (its Fetch Metadata says the navigation started on this site)."""
    client = TestClient(Starlette(routes=drafts_auth.drafts_routes()), follow_redirects=False)
    client.headers["Sec-Fetch-Site"] = "same-origin"
    return client


def test_a_ticket_becomes_the_cookie_once_and_the_secret_never_travels_in_the_url() -> None:
    client = _client()
    secret = new_secret()
    url = drafts_auth.keep_url(drafts_auth.issue(secret), "/?job=abc123")
    assert secret not in url and drafts_auth.enabled()
    answer = client.get(url)
    assert answer.status_code == 303 and answer.headers["location"] == "/?job=abc123"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith(f"{drafts_auth.COOKIE}={secret};") and "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert answer.headers["cache-control"] == "no-store"
    again = _client().get(url)  # single use
    assert again.status_code == 303 and "set-cookie" not in again.headers


def test_another_site_cannot_plant_a_secret_nor_redirect_elsewhere() -> None:
    client = _client()
    url = drafts_auth.keep_url(drafts_auth.issue(new_secret()), "/")
    planted = client.get(url, headers={"Sec-Fetch-Site": "cross-site"})
    assert planted.status_code == 303 and "set-cookie" not in planted.headers
    del client.headers["Sec-Fetch-Site"]  # no browser, or one too old to tell where it came from
    assert "set-cookie" not in client.get(drafts_auth.keep_url(drafts_auth.issue(new_secret()), "/")).headers
    client.headers["Sec-Fetch-Site"] = "same-origin"
    assert "set-cookie" not in client.head(drafts_auth.keep_url(drafts_auth.issue(new_secret()), "/")).headers
    ticket = drafts_auth.issue(new_secret())
    away = client.get(f"/drafts/keep?ticket={ticket}&next=//evil.example/")
    assert away.headers["location"] == "/" and "set-cookie" in away.headers
    assert "set-cookie" not in client.get("/drafts/keep?ticket=made-up&next=/").headers


def test_only_a_secret_the_studio_made_is_kept() -> None:
    assert drafts_auth.valid_secret(new_secret())
    for bad in ("", "short", "x" * 200, "a;b=c" * 10, None, 42):
        assert not drafts_auth.valid_secret(bad)
    answer = _client().get(drafts_auth.keep_url(drafts_auth.issue("not a secret; Path=/"), "/"))
    assert "set-cookie" not in answer.headers
