"""The benchmark helper runs and reports what it promises (the real figures come from bigger runs)."""

from __future__ import annotations

from gallery.benchmark import search_latency


def test_search_latency_reports_percentiles() -> None:
    result = search_latency(300, repeat=2)
    assert result["n_apps"] == 300
    for key in ("search_p50_ms", "search_p95_ms", "list_p50_ms", "list_p95_ms"):
        assert 0 < result[key] < 5000
    assert result["search_p50_ms"] <= result["search_p95_ms"]
