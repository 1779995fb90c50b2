"""Pruning: old jobs and abandoned anonymous drafts are removed by the studio's sweep and by ``flashapps prune``;
a signed-in maker's drafts, a published app's source and a command-line project are never removed (issue 17:
jobs and projects were never pruned). Ages are made by setting the files' times back."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sample_specs import water_tracker

from flashapps.settings import Settings
from workshop.jobs import InProcessQueue, Job, JobStore, prune
from workshop.projects import ProjectStore

DAY = 86400.0
FLASHAPPS = Path(sys.executable).with_name("flashapps")


def _age(days: float, *paths: Path) -> None:
    """Sets every file and folder under ``paths`` back ``days`` days."""
    when = time.time() - days * DAY
    for path in paths:
        for entry in [path, *path.rglob("*")] if path.is_dir() else [path] if path.exists() else []:
            os.utime(entry, (when, when), follow_symlinks=False)


def _home(home: Path) -> dict[str, str]:
    projects, spec = ProjectStore(home), water_tracker()
    made = {
        "old anonymous": projects.create("a water log", spec).id,
        "new anonymous": projects.create("a reading log", spec).id,
        "old signed-in": projects.create("a chores list", spec, owner="maker").id,
        "old published": projects.create("a quiz", spec).id,
        "old command line": projects.create("a timer", spec, bundle=home / "timer").id,
        "old, data in use": projects.create("a budget", spec).id,
    }
    projects.save_meta(made["old published"], {"slug": "a-quiz", "published_version": 1})
    (home / "appdata" / f"draft-{made['old anonymous']}").mkdir(parents=True)
    (home / "appdata" / f"draft-{made['old anonymous']}" / "records.json").write_text("[]")
    (home / "appdata" / f"draft-{made['old, data in use']}").mkdir(parents=True)
    for name, project_id in made.items():
        if name.startswith("old"):
            _age(40, projects.root / project_id, home / "appdata" / f"draft-{project_id}")
    (home / "appdata" / f"draft-{made['old, data in use']}" / "records.json").write_text("[]")  # a visit today
    store = JobStore(home)
    for n, days in enumerate((45, 31, 29, 0)):
        store.save(Job(id=f"job{n}", kind="create", input={"idea": "water"}))
        _age(days, store.root / f"job{n}.json")
    return made


def test_a_sweep_removes_only_old_jobs_and_abandoned_anonymous_drafts(tmp_path: Path) -> None:
    made = _home(tmp_path)
    removed = prune(Settings(home=tmp_path, prune_jobs_days=30, prune_drafts_days=30))
    assert sorted(removed["jobs"]) == ["job0", "job1"]
    assert removed["drafts"] == [made["old anonymous"]]
    assert not (tmp_path / "projects" / made["old anonymous"]).exists()
    assert not (tmp_path / "appdata" / f"draft-{made['old anonymous']}").exists()
    left = {p.parent.name for p in (tmp_path / "projects").glob("*/project.json")}
    assert left == {project_id for name, project_id in made.items() if name != "old anonymous"}
    assert sorted(p.stem for p in (tmp_path / "jobs").glob("*.json")) == ["job2", "job3"]


def test_the_days_are_settings_and_a_later_clock_prunes_more(tmp_path: Path) -> None:
    made = _home(tmp_path)
    settings = Settings(home=tmp_path, prune_jobs_days=50, prune_drafts_days=50)
    assert prune(settings) == {"jobs": [], "drafts": []}
    later = prune(settings, now=time.time() + 20 * DAY)  # twenty days on, nobody touched anything
    assert later["jobs"] == ["job0", "job1"] and later["drafts"] == [made["old anonymous"]]
    much_later = prune(settings, now=time.time() + 60 * DAY)
    assert sorted(much_later["drafts"]) == sorted([made["new anonymous"], made["old, data in use"]])
    kept = {p.parent.name for p in (tmp_path / "projects").glob("*/project.json")}
    assert kept == {made["old signed-in"], made["old published"], made["old command line"]}


def test_the_queue_sweeps_when_jobs_are_made(tmp_path: Path) -> None:
    _home(tmp_path)
    queue = InProcessQueue(JobStore(tmp_path), sweep_every=3600)
    queue.submit("create", {"idea": "a tea timer"}, lambda emit: {})
    deadline = time.monotonic() + 30
    while (tmp_path / "jobs" / "job0.json").exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not (tmp_path / "jobs" / "job0.json").exists() and (tmp_path / "jobs" / "job2.json").exists()
    _age(45, tmp_path / "jobs" / "job2.json")
    queue.submit("create", {"idea": "a tea timer"}, lambda emit: {})  # within the hour: no second sweep
    time.sleep(0.5)
    queue.shutdown()
    assert (tmp_path / "jobs" / "job2.json").exists()


def test_flashapps_prune(tmp_path: Path) -> None:
    made = _home(tmp_path)
    env = {**os.environ, "FLASHAPPS_HOME": str(tmp_path), "LANG": "en_US.UTF-8"}
    done = subprocess.run([str(FLASHAPPS), "prune", "--drafts-days", "35"], env=env, capture_output=True, text=True,
                          timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Removed 2 jobs older than 30 days and 1 anonymous drafts" in done.stdout
    assert not (tmp_path / "projects" / made["old anonymous"]).exists()
    env["LANG"] = "zh_CN.UTF-8"
    again = subprocess.run([str(FLASHAPPS), "prune"], env=env, capture_output=True, text=True, timeout=120,
                           check=False)  # fmt: skip
    assert again.returncode == 0 and "已删除 0 个" in again.stdout
