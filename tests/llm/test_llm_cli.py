"""``flashapps new --provider openai`` as a user runs it, against the scripted server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sample_specs import water_tracker
from scripted_server import TEST_KEY, ScriptedServer, ok

from flashapps.events import STAGES
from generator.stages import split

FLASHAPPS = Path(sys.executable).with_name("flashapps")


def _run(server: ScriptedServer, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASHAPPS_", "OPENAI_"))}
    env.update(
        FLASHAPPS_HOME=str(home),
        FLASHAPPS_LLM_BASE_URL=server.url,
        FLASHAPPS_LLM_API_KEY=TEST_KEY,
        FLASHAPPS_LLM_MODEL="test-model",
        FLASHAPPS_LLM_MAX_RETRIES="0",
    )
    return subprocess.run(
        [str(FLASHAPPS), "new", *args, "--provider", "openai"], capture_output=True, text=True, env=env, timeout=120
    )


def test_new_with_a_model_writes_a_verified_bundle(scripted_server: ScriptedServer, tmp_path: Path) -> None:
    parts = split(water_tracker())
    scripted_server.script(*(ok(parts[stage]) for stage in STAGES))
    done = _run(scripted_server, tmp_path, "an app to track my daily water intake", "--out", str(tmp_path / "app"))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "✓ verify" in done.stdout and "all" in done.stdout
    assert (tmp_path / "app" / "spec.json").read_text().count("Water Tracker") >= 1
    assert TEST_KEY not in done.stdout + done.stderr


def test_a_model_failure_is_one_line_and_leaves_no_bundle(scripted_server: ScriptedServer, tmp_path: Path) -> None:
    scripted_server.script(*(ok("this is not json at all") for _ in range(3)))
    done = _run(scripted_server, tmp_path, "an app to track my daily water intake", "--out", str(tmp_path / "app"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "value" in done.stderr and "3" in done.stderr  # the stage and the attempts
    assert not (tmp_path / "app").exists()
    assert TEST_KEY not in done.stdout + done.stderr


def test_an_unreachable_endpoint_says_what_to_check(tmp_path: Path) -> None:
    server = ScriptedServer().start()
    server.stop()  # nothing listens on its port any more
    done = _run(server, tmp_path, "a pomodoro timer", "--out", str(tmp_path / "app"))
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert server.url.split("//")[1].split("/")[0] in done.stderr
    assert not (tmp_path / "app").exists()
