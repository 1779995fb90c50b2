"""Who may call the API and how often (issue 18): API tokens belong to a gallery user, are stored only as hashes,
made and revoked by the user (the account page, the command line); a missing, wrong or revoked token is a 401
with a message in English and Chinese; requests a minute per token and the studio's hourly limits per maker are
429 with Retry-After; bad JSON is 400, an idea over the length limit 422 with the studio's own message."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from api_support import Api, Gate
from starlette.applications import Starlette
from starlette.testclient import TestClient

from flashapps.settings import Settings
from gallery import Gallery, GallerySettings
from gallery.cli import main as gallery_cli
from generator.generate import clean_idea
from studio.api.guard import RequestLimits
from studio.api.routes import api_routes

Apis = dict[str, Api]


def _refused_401(reply: object) -> None:
    assert reply.status_code == 401  # type: ignore[attr-defined]
    error = reply.json()["error"]  # type: ignore[attr-defined]
    assert "Authorization: Bearer" in error["en"] and "令牌" in error["zh"]
    assert reply.headers["www-authenticate"].startswith("Bearer")  # type: ignore[attr-defined]


def test_no_token_a_wrong_one_or_a_revoked_one_is_401(api: Apis, gallery: Gallery, tokens: dict[str, str]) -> None:
    _refused_401(api["nobody"]("POST", "/api/v1/apps", json={"idea": "a water tracker"}))
    _refused_401(api["nobody"]("GET", "/api/v1/apps", headers={"Authorization": "Basic YWxpY2U6eA=="}))
    _refused_401(api["nobody"]("GET", "/api/v1/apps", headers={"Authorization": "Bearer fa_made-up"}))
    _refused_401(api["nobody"]("GET", "/api/v1/apps", headers={"Authorization": f"Bearer {tokens['alice']}x"}))
    assert api["alice"]("GET", "/api/v1/apps").status_code == 200
    alice = gallery.accounts.get("alice")
    [kept] = gallery.api_tokens.list(alice)
    assert kept.last_used_at is not None and tokens["alice"].startswith(kept.hint.rstrip("…"))
    gallery.api_tokens.revoke(alice, kept.id)
    _refused_401(api["alice"]("GET", "/api/v1/apps"))
    assert not list((Settings().home / "jobs").glob("*.json"))  # nothing refused was started


def test_tokens_are_kept_only_as_hashes_and_revoked_only_by_their_user(gallery: Gallery) -> None:
    alice = gallery.accounts.register("alice", "alice-password")
    bob = gallery.accounts.register("bob", "bob-password")
    token, view = gallery.api_tokens.create(alice, "  the school's   timetable system ")
    assert view.name == "the school's timetable system" and token.startswith("fa_") and len(token) > 40
    assert gallery.api_tokens.user_for_token(token) == (alice, view.id)
    database = Path(GallerySettings().database_url.removeprefix("sqlite:///"))
    with sqlite3.connect(database) as connection:
        rows = connection.execute("SELECT token_hash, hint FROM api_tokens").fetchall()
    assert len(rows) == 1 and token not in rows[0] and len(rows[0][0]) == 64
    assert token.encode() not in b"".join(p.read_bytes() for p in database.parent.glob(database.name + "*"))
    with pytest.raises(LookupError):
        gallery.api_tokens.revoke(bob, view.id)  # bob cannot revoke alice's token
    assert gallery.api_tokens.user_for_token(token) is not None
    gallery.api_tokens.revoke(alice, view.id)
    assert gallery.api_tokens.user_for_token(token) is None and gallery.api_tokens.list(alice) == []


def test_the_command_line_makes_lists_and_revokes_tokens(gallery: Gallery, capsys: pytest.CaptureFixture[str]) -> None:
    gallery.accounts.register("teacher", "teacher-password")
    assert gallery_cli(["token", "create", "--username", "teacher", "--name", "grades export"]) == 0
    out = capsys.readouterr().out.splitlines()
    token = out[-1]
    assert "shown only now" in out[0] and token.startswith("fa_")
    user, token_id = gallery.api_tokens.user_for_token(token) or (None, 0)
    assert user is not None and user.username == "teacher"
    assert gallery_cli(["token", "list", "--username", "teacher"]) == 0
    listed = capsys.readouterr().out
    assert "grades export" in listed and token not in listed and listed.startswith(f"{token_id}\t")
    assert gallery_cli(["token", "revoke", "--username", "teacher", str(token_id)]) == 0
    assert gallery.api_tokens.user_for_token(token) is None
    assert gallery_cli(["--lang", "zh", "token", "revoke", "--username", "teacher", str(token_id)]) == 1
    assert "API 令牌" in capsys.readouterr().err
    assert gallery_cli(["token", "list", "--username", "nobody"]) == 1


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_requests_a_minute_per_token(gallery: Gallery, tokens: dict[str, str], seen: set[tuple[str, str, int]]) -> None:
    clock = Clock()
    client = TestClient(Starlette(routes=api_routes(RequestLimits(3, clock=clock))))
    alice, bob = Api(client, tokens["alice"], seen), Api(client, tokens["bob"], seen)
    for _ in range(3):
        assert alice("GET", "/api/v1/apps").status_code == 200
        clock.now += 10
    refused = alice("GET", "/api/v1/apps")
    assert refused.status_code == 429 and refused.headers["retry-after"] == "30"
    assert "3 requests in the last minute" in refused.json()["error"]["en"] and "30 秒" in refused.json()["error"]["zh"]
    assert bob("GET", "/api/v1/apps").status_code == 200  # another token is not held up
    clock.now += 30
    assert alice("GET", "/api/v1/apps").status_code == 200


def test_the_studios_hourly_limits_hold_for_the_tokens_user(
    gallery: Gallery, tokens: dict[str, str], seen: set[tuple[str, str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHAPPS_DRAFTS_PER_HOUR", "2")
    client = TestClient(Starlette(routes=api_routes(RequestLimits(0))))
    alice, bob = Api(client, tokens["alice"], seen), Api(client, tokens["bob"], seen)
    for idea in ("a log of my guitar practice", "a counter of cups of tea"):
        alice.wait(alice("POST", "/api/v1/apps", json={"idea": idea}).json()["id"])
    refused = alice("POST", "/api/v1/apps", json={"idea": "a list of birthdays in my class"})
    assert refused.status_code == 429 and 3000 < int(refused.headers["retry-after"]) <= 3600
    assert "2 new apps in the last hour" in refused.json()["error"]["en"]
    assert "新建了 2 个应用" in refused.json()["error"]["zh"]
    other = bob("POST", "/api/v1/apps", json={"idea": "a list of birthdays in my class"})
    assert other.status_code == 202 and bob.wait(other.json()["id"])["status"] == "done"  # per maker, not per studio


def test_a_maker_with_jobs_running_waits_for_one(api: Apis, gate: Gate) -> None:
    alice = api["alice"]
    running = [
        alice("POST", "/api/v1/apps", json={"idea": f"a log of {what}"}).json()["id"] for what in ("naps", "runs")
    ]
    refused = alice("POST", "/api/v1/apps", json={"idea": "a log of swims"})
    assert refused.status_code == 429 and refused.headers["retry-after"] == "10"
    assert "Please wait for one to finish" in refused.json()["error"]["en"] and "请等" in refused.json()["error"]["zh"]
    assert gate.finish(running) == ["done", "done"]
    assert alice("POST", "/api/v1/apps", json={"idea": "a log of swims"}).status_code == 202


def test_bad_bodies_and_long_ideas(api: Apis, flashapps_home: Path) -> None:
    alice = api["alice"]
    bad = alice(
        "POST", "/api/v1/apps", content=b'{"idea": "a water tracker"', headers={"Content-Type": "application/json"}
    )
    assert bad.status_code == 400 and "not the JSON" in bad.json()["error"]["en"]
    for body in ({}, {"idea": 7}, {"idea": "a water tracker", "colour": "blue"}, ["a water tracker"]):
        assert alice("POST", "/api/v1/apps", json=body).status_code == 400, body
    long_idea = "an app to track my water " * 200
    refused = alice("POST", "/api/v1/apps", json={"idea": long_idea})
    assert refused.status_code == 422
    with pytest.raises(Exception) as studio_said:
        clean_idea(long_idea)
    assert refused.json()["error"] == studio_said.value.messages  # type: ignore[attr-defined]
    empty = alice("POST", "/api/v1/apps", json={"idea": "   "})
    assert empty.status_code == 422 and "Type an idea first" in empty.json()["error"]["en"]
    assert not list((flashapps_home / "jobs").glob("*.json"))  # nothing refused was stored
    other = alice.client.put("/api/v1/apps", headers={"Authorization": f"Bearer {alice.token}"})
    assert (
        other.status_code == 405
        and other.headers["allow"] == "POST, GET"
        and set(other.json()["error"]) == {"en", "zh"}
    )
    assert alice("GET", "/api/v1/apps", params={"page": "two"}).status_code == 400


def test_an_unknown_api_address_answers_in_json(client: TestClient) -> None:
    for path in ("/api/v1/nothing/here", "/api/v1/jobs/0123456789abcdef/events", "/api/v1/"):
        reply = client.get(path)
        assert reply.status_code == 404 and "openapi.json" in reply.json()["error"]["en"], path
