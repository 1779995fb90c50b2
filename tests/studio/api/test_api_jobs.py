"""The API's endpoints end to end (issue 18): make an app from an idea and follow its job, change the draft with a
sentence, publish it, look it up and search for it, as the token's user; the same Idempotency-Key is the same job;
when the workers are busy a job waits with its place in line and a please-wait message; a waiting job can be
cancelled by whoever asked for it. Every answer is checked against the OpenAPI description (conftest.Api)."""

from __future__ import annotations

from pathlib import Path

import pytest
from api_support import Api, Gate

from studio import services

Apis = dict[str, Api]


@pytest.mark.parametrize(
    ("idea", "language"),
    [
        ("an app to log my piano practice minutes each day", "en"),
        ("帮我做一个记录每天读书页数的应用", "zh-Hans"),
        ("幫我做一個記錄每週跑步距離的應用", "zh-Hant"),
    ],
)
def test_an_idea_becomes_a_draft_of_the_tokens_user(api: Apis, idea: str, language: str) -> None:
    reply = api["alice"]("POST", "/api/v1/apps", json={"idea": idea})
    assert reply.status_code == 202
    accepted = reply.json()
    assert accepted["kind"] == "create" and accepted["status"] in ("queued", "running", "done")
    assert accepted["url"].endswith(f"/api/v1/jobs/{accepted['id']}")
    job = api["alice"].wait(accepted["id"])
    assert job["status"] == "done" and job["error"] is None
    stages = [stage["stage"] for stage in job["stages"]]
    assert stages == ["value", "data", "feedback", "screens", "logic", "key_paths", "render", "verify"]
    assert all(stage["summary"] and stage["elapsed_ms"] >= 0 for stage in job["stages"])
    result = job["result"]
    draft = services.projects().get(result["draft_id"])
    assert draft.owner == "alice"  # the token's user made it: the studio shows it as theirs
    spec = services.projects().version(result["draft_id"]).spec
    assert (result["title"], result["language"]) == (spec.brief.title, spec.brief.language)
    assert result["language"] == language and result["passed"] is True and result["version"] == 1
    assert result["draft_url"].endswith(f"/apps/draft-{result['draft_id']}/")
    assert result["studio_url"].endswith(f"/?project={result['draft_id']}")


def test_parts_that_cannot_be_built_are_listed(api: Apis) -> None:
    job = api["alice"].make("an app to track my daily water and send me an SMS reminder every hour")
    spec = services.projects().version(job["result"]["draft_id"]).spec
    assert job["result"]["left_out"] == [{"part": i.part, "reason": i.reason} for i in spec.brief.left_out]
    assert job["result"]["left_out"], "an SMS is not something an app here can send"


def test_edit_publish_look_up_and_search(api: Apis) -> None:
    alice = api["alice"]
    draft = alice.make("an app to count the glasses of water I drink each day")["result"]["draft_id"]
    reply = alice("POST", f"/api/v1/drafts/{draft}/edits", json={"sentence": "set the daily goal to 10 glasses"})
    assert reply.status_code == 202 and reply.json()["kind"] == "edit"
    edited = alice.wait(reply.json()["id"])
    assert edited["status"] == "done" and edited["result"]["version"] == 2 and edited["result"]["draft_id"] == draft
    assert edited["result"]["changes"], edited

    published = alice("POST", f"/api/v1/drafts/{draft}/publish", json={"title": "Water glasses"})
    assert published.status_code == 200, published.text
    app = published.json()
    assert app["version"] == 1 and app["state"] == "published" and app["app"]["author"] == "alice"
    assert app["share_url"].endswith(f"/s/{app['slug']}") and app["app"]["title"] == "Water glasses"

    found = api["bob"]("GET", f"/api/v1/apps/{app['slug']}").json()
    assert (found["slug"], found["title"], found["latest_version"]) == (app["slug"], "Water glasses", 1)
    listed = api["bob"]("GET", "/api/v1/apps", params={"q": "glasses"}).json()
    assert [item["slug"] for item in listed["items"]] == [app["slug"]] and listed["total"] == 1
    assert api["bob"]("GET", "/api/v1/apps", params={"q": "piano"}).json()["total"] == 0

    again = alice("POST", f"/api/v1/drafts/{draft}/publish", json={})  # the same version once more: a new version?
    assert again.status_code in (200, 409), again.text


def test_only_the_drafts_maker_changes_or_publishes_it(api: Apis) -> None:
    draft = api["alice"].make("a timer for my 25 minute study sessions")["result"]["draft_id"]
    before = services.projects().versions(draft)
    for path, body in ((f"/api/v1/drafts/{draft}/edits", {"sentence": "make it 50 minutes"}),
                       (f"/api/v1/drafts/{draft}/publish", {})):  # fmt: skip
        refused = api["bob"]("POST", path, json=body)
        assert refused.status_code == 403
        assert "Only the person who made this draft" in refused.json()["error"]["en"]
        assert "只有做这个草稿的人" in refused.json()["error"]["zh"]
    assert services.projects().versions(draft) == before and services.project_meta(draft).get("slug") is None


def test_unknown_ids_are_404(api: Apis) -> None:
    alice = api["alice"]
    for method, path, body in (
        ("GET", "/api/v1/jobs/0123456789abcdef", None),
        ("DELETE", "/api/v1/jobs/0123456789abcdef", None),
        ("GET", "/api/v1/jobs/not-a-job", None),
        ("POST", "/api/v1/drafts/abcdef123456/edits", {"sentence": "add a note"}),
        ("POST", "/api/v1/drafts/abcdef123456/publish", {}),
        ("GET", "/api/v1/apps/nosuchapp", None),
    ):
        reply = alice(method, path, json=body)
        assert reply.status_code == 404, (path, reply.text)
        assert set(reply.json()["error"]) == {"en", "zh"}


def test_the_same_idempotency_key_is_the_same_job(api: Apis, flashapps_home: Path) -> None:
    alice, bob = api["alice"], api["bob"]
    idea = {"idea": "a tracker for the books I read this year"}
    first = alice("POST", "/api/v1/apps", json=idea, headers={"Idempotency-Key": "order-17"}).json()
    second = alice("POST", "/api/v1/apps", json=idea, headers={"Idempotency-Key": "order-17"}).json()
    assert first["id"] == second["id"]
    alice.wait(first["id"])
    other = bob("POST", "/api/v1/apps", json=idea, headers={"Idempotency-Key": "order-17"}).json()
    assert other["id"] != first["id"]  # keys are per token
    bob.wait(other["id"])
    after = alice("POST", "/api/v1/apps", json=idea, headers={"Idempotency-Key": "order-17"}).json()
    assert after["id"] == first["id"] and after["status"] == "done"  # a retry after it ended: still the same job
    assert len(list((flashapps_home / "projects").glob("*/project.json"))) == 2


def test_a_full_queue_says_please_wait_with_a_place_in_line(api: Apis, gate: Gate) -> None:
    makers = [api["alice"], api["bob"]]
    ideas = ["a log of my daily steps", "a tracker for my sleep hours", "a quiz of French verbs", "a tip calculator"]
    jobs = [makers[i % 2]("POST", "/api/v1/apps", json={"idea": idea}).json() for i, idea in enumerate(ideas)]
    assert all(job["status"] in ("queued", "running") for job in jobs)
    waiting = [makers[i % 2]("GET", f"/api/v1/jobs/{job['id']}").json() for i, job in enumerate(jobs)]
    queued = [job for job in waiting if job["status"] == "queued"]
    assert len(queued) == 2, waiting  # two workers run; the others wait their turn, none refused
    assert [job["position"] for job in queued] == [1, 2]
    assert "next in the queue" in queued[0]["message"]["en"] and "下一个" in queued[0]["message"]["zh"]
    assert "1 ahead of yours" in queued[1]["message"]["en"] and "还有 1 个" in queued[1]["message"]["zh"]
    assert all(job["message"] is None for job in waiting if job["status"] == "running")
    assert gate.finish([job["id"] for job in jobs]) == ["done"] * 4


def test_a_waiting_job_is_cancelled_by_whoever_asked_for_it(api: Apis, gate: Gate, flashapps_home: Path) -> None:
    alice, bob = api["alice"], api["bob"]
    running = [alice("POST", "/api/v1/apps", json={"idea": f"a counter for {what}"}).json()["id"]
               for what in ("push-ups", "sit-ups")]  # fmt: skip
    waiting = bob("POST", "/api/v1/apps", json={"idea": "a packing list for a school trip"}).json()["id"]
    assert bob("GET", f"/api/v1/jobs/{waiting}").json()["status"] == "queued"
    assert alice("DELETE", f"/api/v1/jobs/{waiting}").status_code == 404  # not alice's
    assert alice("GET", f"/api/v1/jobs/{waiting}").status_code == 404  # nor is following it
    reply = bob("DELETE", f"/api/v1/jobs/{waiting}")
    assert reply.status_code == 200 and reply.json() == {"id": waiting, "cancelled": True, "status": "cancelled"}
    assert gate.finish([*running, waiting]) == ["done", "done", "cancelled"]
    over = bob("DELETE", f"/api/v1/jobs/{waiting}").json()
    assert over["cancelled"] is False and over["status"] == "cancelled"
    assert len(list((flashapps_home / "projects").glob("*/project.json"))) == 2  # nothing made for the cancelled
