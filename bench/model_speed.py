"""The model path at a stated speed: the scripted OpenAI-compatible server answering at
``tokens_per_s`` after ``ttft_s``, through the real openai client.

Figures: time to the first visible stage, total time to a verified app and to an app published
in a temporary gallery, the pipeline's own overhead beyond the model's time (the baseline: the
model alone at that speed), and six stage calls against one merged call for the same spec (same
tokens; the merged call shows nothing until it is complete).
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

__all__ = ["bench_model"]


def bench_model(repeat: int = 3, tokens_per_s: float = 60, ttft_s: float = 0.4) -> dict[str, Any]:
    sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "llm")]
    from sample_specs import water_tracker
    from scripted_server import ScriptedServer, ok

    from bench.e2e import temp_gallery
    from flashapps.events import STAGES
    from generator.build import build
    from generator.llm_settings import LLMSettings
    from generator.providers.openai_provider import OpenAIProvider
    from generator.stages import split
    from sandbox.verify import verify

    spec = water_tracker()
    parts = split(spec)
    first, totals, overheads, model_times, verify_times, merged, published = [], [], [], [], [], [], []
    with ScriptedServer(ttft_s=ttft_s, tokens_per_s=tokens_per_s) as server, tempfile.TemporaryDirectory() as scratch:
        gallery, user = temp_gallery(Path(scratch))
        settings = LLMSettings(_env_file=None, base_url=server.url, api_key="bench", model="bench", max_retries=0)
        for n in range(repeat):
            server.script(*(ok(parts[stage]) for stage in STAGES))
            provider = OpenAIProvider(settings)
            began = time.perf_counter()
            seen: list[float] = []

            def on_event(event: object, seen: list[float] = seen, began: float = began) -> None:
                seen.append(time.perf_counter() - began)

            result = build("an app to track my daily water intake", Path(scratch) / f"app{n}", verify=verify,
                           provider=provider, on_event=on_event)  # fmt: skip
            total = time.perf_counter() - began
            if not result.passed or result.report is None:
                raise RuntimeError("the benchmark app did not verify")
            gallery.apps.publish(user, result.bundle, result.report, confirm_privacy=True)
            published.append(time.perf_counter() - began)
            model_s = sum(call.duration_ms for call in provider.calls) / 1000
            verify_s = result.report.timings_s.get("total", 0.0)
            first.append(seen[0])
            totals.append(total)
            model_times.append(model_s)
            verify_times.append(verify_s)
            overheads.append(total - model_s - verify_s)
            provider.close()
            server.script(ok(spec))  # the same spec as one merged reply
            client = OpenAIProvider(settings)._client  # the bare client, for one call
            began = time.perf_counter()
            client.chat.completions.create(model="bench", messages=[{"role": "user", "content": "all stages"}])
            merged.append(time.perf_counter() - began)
        gallery.close()
    tokens = sum(len(json.dumps(parts[s].model_dump(mode="json"), ensure_ascii=False)) // 4 for s in STAGES)

    def med(values: list[float]) -> float:
        return round(statistics.median(values), 3)

    return {
        "tokens_per_s": tokens_per_s,
        "ttft_s": ttft_s,
        "spec_tokens_estimate": tokens,
        "first_visible_stage_s": med(first),
        "total_to_verified_s": med(totals),
        "model_s": med(model_times),
        "verify_s": med(verify_times),
        "pipeline_overhead_s": med(overheads),
        "six_calls_model_s": med(model_times),
        "one_merged_call_s": med(merged),
        "total_to_published_s": med(published),
        "published_p95_s": round(sorted(published)[min(len(published) - 1, round(0.95 * (len(published) - 1)))], 3),
        "ratio_published_to_model_s": round(med(published) / med(model_times), 2),
        "repeat": repeat,
    }
