"""The studio's JSON HTTP API under ``/api/v1`` (for schools' systems and load tests): make an app from an idea,
follow the job, change, publish and look up apps, with API tokens and per-token rate limits. Its OpenAPI
description is at ``/api/v1/openapi.json``. studio/server.py mounts ``api_routes()`` on the studio's origin."""

from studio.api.routes import api_routes

__all__ = ["api_routes"]
