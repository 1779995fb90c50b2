"""Apps served through the runner: cold start and the studio's memory with apps running."""

from __future__ import annotations

from typing import Any

from bench.ideas import Idea

__all__ = ["bench_runner"]


def bench_runner(apps: int, ideas: list[Idea]) -> dict[str, Any]:
    """Not measured yet: the runner (gallery/runner.py, studio/server.py) is not in the tree."""
    try:
        import studio.server  # noqa: F401
        from gallery.runner import AppRunner  # noqa: F401
    except ImportError as exc:
        return {"unavailable": f"no app runner in this checkout ({exc.name})"}
    return {"unavailable": "the runner benchmark is not written yet"}
