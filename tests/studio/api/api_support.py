"""The API test client: requests as one token's holder, each answer validated against the OpenAPI description."""

from __future__ import annotations

import re
import threading
import time
from typing import Any

import httpx2
from jsonschema import Draft202012Validator
from starlette.testclient import TestClient

from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from studio import services
from studio.api.openapi import describe
from workshop.actions import Workshop


def passing_report() -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


class Api:
    """Requests to the API as one token's holder; each answer is validated against the description."""

    def __init__(self, client: TestClient, token: str | None, seen: set[tuple[str, str, int]]) -> None:
        self.client, self.token, self.seen = client, token, seen
        self.doc = describe()

    def __call__(self, method: str, path: str, **kwargs: Any) -> httpx2.Response:
        headers = dict(kwargs.pop("headers", {}))
        if self.token is not None:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        reply = self.client.request(method, path, headers=headers, **kwargs)
        self.check(method, path, reply)
        return reply

    def check(self, method: str, path: str, reply: httpx2.Response) -> None:
        plain = path.split("?")[0]
        for template, operations in self.doc["paths"].items():
            if re.fullmatch(re.sub(r"{\w+}", "[^/]+", template), plain) and method.lower() in operations:
                described = operations[method.lower()]["responses"]
                assert str(reply.status_code) in described, (method, template, reply.status_code, reply.text)
                schema = described[str(reply.status_code)]["content"]["application/json"]["schema"]
                Draft202012Validator({**schema, "components": self.doc["components"]}).validate(reply.json())
                self.seen.add((method.lower(), template, reply.status_code))
                return
        raise AssertionError(f"{method} {path} is not described")

    def wait(self, job_id: str, timeout: float = 120) -> dict[str, Any]:
        """Follows a job until it ends (bounded); its last answer."""
        deadline = time.monotonic() + timeout
        while True:
            job = self("GET", f"/api/v1/jobs/{job_id}").json()
            if job["status"] not in ("queued", "running"):
                return job
            assert time.monotonic() < deadline, f"job {job_id} did not end"
            time.sleep(0.1)

    def make(self, idea: str) -> dict[str, Any]:
        """A draft made from ``idea``: the finished job."""
        reply = self("POST", "/api/v1/apps", json={"idea": idea})
        assert reply.status_code == 202, reply.text
        job = self.wait(reply.json()["id"])
        assert job["status"] == "done", job
        return job


class Gate:
    """Holds every job at its start (the queue's workers stay busy) until the test lets them go, one at a time.
    One at a time because two renders at once can fail in this Python (3.11.7: ``ast.parse`` on two threads,
    "AST constructor recursion depth mismatch"), which is the render's business, not the API's."""

    def __init__(self) -> None:
        self.permits = threading.Semaphore(0)

    def workshop(self) -> Workshop:
        assert self.permits.acquire(timeout=60), "the test never let this job go"
        return Workshop(Settings(), verify=lambda folder: passing_report())

    def finish(self, job_ids: list[str]) -> list[str]:
        """Lets the jobs go one at a time, each after the one before has ended; their final statuses, in order."""

        def ended() -> int:
            return sum(services.jobs().store.get(job_id).status not in ("queued", "running") for job_id in job_ids)

        while (before := ended()) < len(job_ids):
            self.permits.release()
            deadline = time.monotonic() + 60
            while ended() == before:
                assert time.monotonic() < deadline, "a job let go did not end"
                time.sleep(0.05)
        return [services.jobs().store.get(job_id).status for job_id in job_ids]
