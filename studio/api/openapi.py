"""The API's OpenAPI 3.1 description, built from the route table and the models its handlers use
(studio/api/routes.py), served at ``/api/v1/openapi.json``."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from studio.api.models import ErrorResponse

__all__ = ["REF", "describe", "openapi_route"]

REF = "#/components/schemas/{model}"
_REASONS = {
    200: "OK", 202: "Accepted: the job is queued or running", 400: "The request body or query is not usable",
    401: "No valid API token", 403: "Only the draft's maker may do this", 404: "No such job, draft or app",
    405: "Not a method this address takes", 409: "Not possible in the draft's present state (the message says why)",
    422: "The idea or sentence cannot be used as it is (the message says how to fix it)",
    429: "Too many requests: wait Retry-After seconds", 500: "Something went wrong on our side",
}  # fmt: skip


def _ref(model: type[BaseModel]) -> dict[str, str]:
    return {"$ref": REF.format(model=model.__name__)}


def _json(model: type[BaseModel]) -> dict[str, Any]:
    return {"application/json": {"schema": _ref(model)}}


@lru_cache(maxsize=1)
def describe() -> dict[str, Any]:
    """The OpenAPI document (3.1: the models' JSON Schema 2020-12 as they are)."""
    from studio.api.routes import ENDPOINTS, PREFIX

    replies: set[type[BaseModel]] = {ErrorResponse}
    bodies: set[type[BaseModel]] = set()
    for endpoint in ENDPOINTS:
        replies.update(endpoint.responses.values())
        if endpoint.body is not None:
            bodies.add(endpoint.body)
    modes = [(m, "validation") for m in bodies] + [(m, "serialization") for m in replies]
    _, schemas = models_json_schema(sorted(modes, key=lambda pair: pair[0].__name__), ref_template=REF)  # type: ignore[arg-type]
    paths: dict[str, dict[str, Any]] = {}
    for endpoint in ENDPOINTS:
        names = re.findall(r"{(\w+)}", endpoint.path)
        parameters: list[dict[str, Any]] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}} for name in names
        ]
        parameters += [
            {"name": q.name, "in": "query", "required": False, "description": q.description,
             "schema": {"type": q.kind, "default": q.default}}
            for q in endpoint.query
        ]  # fmt: skip
        if endpoint.idempotent:
            parameters.append({
                "name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"},
                "description": "the same key from the same token answers with the same job while it is kept",
            })  # fmt: skip
        responses: dict[str, Any] = {
            str(status): {"description": _REASONS[status], "content": _json(model)}
            for status, model in endpoint.responses.items()
        }
        for status in (*endpoint.refusals, 405, 500):
            responses[str(status)] = {"description": _REASONS[status], "content": _json(ErrorResponse)}
            if status == 429:
                responses["429"]["headers"] = {"Retry-After": {"schema": {"type": "integer"},
                                                               "description": "seconds to wait"}}  # fmt: skip
        operation: dict[str, Any] = {
            "operationId": endpoint.name, "summary": endpoint.summary, "parameters": parameters,
            "responses": responses, "security": [{"token": []}],
        }  # fmt: skip
        if endpoint.description:
            operation["description"] = endpoint.description
        if endpoint.body is not None:
            operation["requestBody"] = {"required": True, "content": _json(endpoint.body)}
        paths.setdefault(PREFIX + endpoint.path, {})[endpoint.method.lower()] = operation
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Flash Apps API",
            "version": "1",
            "description": "Make apps from ideas, follow the jobs, change, publish and look up apps. Every "
            "request sends an API token (made on the studio's account page, or with `flashapps gallery token "
            'create`) as `Authorization: Bearer <token>`. Errors are `{"error": {"en": ..., "zh": ...}}`.',
        },
        "paths": paths,
        "components": {
            "schemas": schemas.get("$defs", {}),
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}},
        },
    }


def openapi_route() -> Route:
    from studio.api.routes import PREFIX

    async def openapi(_request: Request) -> Response:
        return JSONResponse(describe())

    return Route(f"{PREFIX}/openapi.json", openapi, methods=["GET"])
