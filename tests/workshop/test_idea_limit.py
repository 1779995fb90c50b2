"""An idea over the length limit is refused before anything is stored: no job file, no project folder.

(Before: the studio stored the whole idea in the job's input, and three 20 MB ideas grew ``jobs/`` by 61 MB.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from flashapps.errors import IdeaError
from flashapps.settings import Settings
from generator.providers import get_provider
from studio import services
from workshop.actions import Workshop
from workshop.jobs import InProcessQueue, JobStore

FLASHAPPS = Path(sys.executable).with_name("flashapps")
HUGE = "an app to track my daily water intake " * (20 * 1024 * 1024 // 38)  # about 20 MB
HUGE_ZH = "帮我做一个记录每天喝水量的应用，" * 700_000


def _files(home: Path) -> list[Path]:
    return [p for folder in ("jobs", "projects") for p in (home / folder).rglob("*") if p.is_file()]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHAPPS_HOME", str(tmp_path))
    return tmp_path


def test_the_queue_refuses_a_20_mb_idea_before_writing_the_job(home: Path) -> None:
    queue = InProcessQueue(JobStore(home))
    ran: list[str] = []

    def work(emit: object) -> dict[str, str]:
        ran.append("ran")
        return {}

    for kind, payload in (("create", {"idea": HUGE}), ("edit", {"project": "abc123", "sentence": HUGE_ZH})):
        with pytest.raises(IdeaError) as refused:
            queue.submit(kind, payload, work)
        assert f"{Settings().max_idea_chars:,}" in refused.value.message("en")
        assert "字符以内" in refused.value.message("zh")
    queue.shutdown()
    assert ran == [] and _files(home) == []


def test_the_studio_refuses_it_before_a_job_or_project_exists(home: Path) -> None:
    with pytest.raises(IdeaError):
        services.start_create(HUGE)
    assert _files(home) == []
    short = services.start_create("a habit tracker for reading every evening")  # a normal idea still goes through
    services.jobs().futures[short.id].result(timeout=60)
    assert len(list((home / "jobs").glob("*.json"))) == 1


def test_an_idea_long_only_in_spaces_is_stored_cleaned(home: Path) -> None:
    queue = InProcessQueue(JobStore(home))
    job = queue.submit("create", {"idea": "a reading log" + " " * 50_000}, lambda emit: {})
    queue.shutdown()
    assert job.input["idea"] == "a reading log"
    assert (home / "jobs" / f"{job.id}.json").stat().st_size < 2000


def test_the_workshop_and_the_command_line_store_nothing_either(home: Path) -> None:
    with pytest.raises(IdeaError):
        Workshop(Settings()).create(HUGE, get_provider("offline"))
    out = home / "out"  # one argument of a command line holds at most 128 KiB: over the limit is enough
    done = subprocess.run([str(FLASHAPPS), "new", HUGE_ZH[:30_000], "--no-verify", "--out", str(out)],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 2 and "字符以内" in done.stderr
    assert _files(home) == [] and not out.exists()
