"""Summaries of repeated measurements: median, p95 (nearest rank), min, max, count."""

from __future__ import annotations

import statistics

__all__ = ["stats"]


def stats(values: list[float]) -> dict[str, float]:
    """``median``, ``p95``, ``min``, ``max`` and ``n`` of ``values`` (all 0 when there are none)."""
    if not values:
        return {"median": 0.0, "p95": 0.0, "min": 0.0, "max": 0.0, "n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"median": statistics.median(ordered), "p95": p95, "min": ordered[0], "max": ordered[-1], "n": len(ordered)}
