"""The OpenAPI description (issue 18) is built from the same route table and models the handlers use: every route
is described, every schema is valid JSON Schema 2020-12 with every reference resolving, and real answers of every
endpoint (their success and their refusals) validate against the schema described for their status."""

from __future__ import annotations

import json
import re
from typing import Any

from api_support import Api
from jsonschema import Draft202012Validator
from starlette.routing import Route
from starlette.testclient import TestClient

from studio.api.openapi import describe
from studio.api.routes import ENDPOINTS, PREFIX, api_routes

Apis = dict[str, Api]


def _refs(node: Any) -> list[str]:
    if isinstance(node, dict):
        own = [node["$ref"]] if "$ref" in node else []
        return own + [ref for value in node.values() for ref in _refs(value)]
    if isinstance(node, list):
        return [ref for value in node for ref in _refs(value)]
    return []


def test_every_route_is_described_and_every_schema_is_sound(client: TestClient) -> None:
    doc = client.get(f"{PREFIX}/openapi.json").json()  # no token needed to read it
    assert doc == json.loads(json.dumps(describe())) and doc["openapi"] == "3.1.0"
    routes = [r for r in api_routes() if isinstance(r, Route) and "{rest:path}" not in r.path]
    assert {r.path for r in routes} == {*doc["paths"], f"{PREFIX}/openapi.json"}
    described = {(path, method.upper()) for path, operations in doc["paths"].items() for method in operations}
    assert described == {(PREFIX + e.path, e.method) for e in ENDPOINTS}
    ids = [op["operationId"] for operations in doc["paths"].values() for op in operations.values()]
    assert len(ids) == len(set(ids)) == len(ENDPOINTS)
    for name, schema in doc["components"]["schemas"].items():
        Draft202012Validator.check_schema(schema)
        assert schema.get("type") == "object", name
    for ref in _refs(doc):
        assert re.fullmatch(r"#/components/schemas/\w+", ref) and ref.split("/")[-1] in doc["components"]["schemas"]
    for path, operations in doc["paths"].items():
        for method, operation in operations.items():
            assert set(re.findall(r"{(\w+)}", path)) == {
                p["name"] for p in operation["parameters"] if p["in"] == "path"
            }
            assert operation["security"] == [{"token": []}] and "401" in operation["responses"], (method, path)
            for status, answer in operation["responses"].items():
                assert int(status) in (200, 202) or answer["content"]["application/json"]["schema"]["$ref"].endswith(
                    "/ErrorResponse"
                )


def test_real_answers_of_every_endpoint_match_the_description(api: Apis) -> None:
    seen: set[tuple[str, str, int]] = set()
    alice, bob, nobody = (Api(api[name].client, api[name].token, seen) for name in ("alice", "bob", "nobody"))
    job = alice("POST", f"{PREFIX}/apps", json={"idea": "a tracker for my weekly spelling test scores"}).json()
    alice("POST", f"{PREFIX}/apps", json={"idea": "x" * 5000})
    draft = alice.wait(job["id"])["result"]["draft_id"]
    edit = alice("POST", f"{PREFIX}/drafts/{draft}/edits", json={"sentence": "add a note to each score"}).json()
    bob("POST", f"{PREFIX}/drafts/{draft}/edits", json={"sentence": "add a note"})
    alice("POST", f"{PREFIX}/drafts/{draft}/edits", json={"sentence": "  "})
    alice.wait(edit["id"])
    bob("POST", f"{PREFIX}/drafts/{draft}/publish", json={})
    slug = alice("POST", f"{PREFIX}/drafts/{draft}/publish", json={"title": "Spelling scores"}).json()["slug"]
    alice("POST", f"{PREFIX}/drafts/{draft}/publish", json={"title": 5})
    bob("GET", f"{PREFIX}/apps/{slug}")
    bob("GET", f"{PREFIX}/apps/nosuchapp")
    bob("GET", f"{PREFIX}/apps", params={"q": "spelling"})
    bob("GET", f"{PREFIX}/apps", params={"page": "x"})
    alice("DELETE", f"{PREFIX}/jobs/{job['id']}")
    bob("DELETE", f"{PREFIX}/jobs/{job['id']}")
    for endpoint in ENDPOINTS:
        nobody(endpoint.method, PREFIX + endpoint.path.replace("{", "").replace("}", ""), json={})
        for status in endpoint.responses:
            assert (endpoint.method.lower(), PREFIX + endpoint.path, status) in seen, endpoint.name
    refusals = {status for _, _, status in seen if status >= 400}
    assert refusals == {400, 401, 403, 404, 422}
