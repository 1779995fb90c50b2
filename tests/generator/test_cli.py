"""The command line, run as a user runs it: a real process, real output, real exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from workshop.projects import ProjectStore

FLASHAPPS = Path(sys.executable).with_name("flashapps")


def _run(*args: str, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FLASHAPPS_HOME": str(home)}
    return subprocess.run([str(FLASHAPPS), *args], capture_output=True, text=True, env=env, timeout=120, check=False)


def test_new_writes_a_bundle_and_prints_each_stage(tmp_path: Path) -> None:
    done = _run("new", "an app to track my daily water intake", "--out", str(tmp_path / "water"), home=tmp_path)
    assert done.returncode == 0, done.stderr
    stages = [line.split()[1] for line in done.stdout.splitlines() if line.startswith("✓")]
    assert stages == ["value", "data", "feedback", "screens", "logic", "key_paths", "render", "verify"]
    assert (tmp_path / "water" / "app.py").is_file()
    assert (tmp_path / "water" / "spec.json").is_file()


def test_new_defaults_to_a_folder_under_flashapps_home(tmp_path: Path) -> None:
    done = _run("new", "a random student picker", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    bundle = Path(result["bundle"])
    assert bundle.parent == tmp_path / "bundles"
    assert (bundle / "app.py").is_file()
    stages = ["value", "data", "feedback", "screens", "logic", "key_paths", "render", "verify"]
    assert [e["stage"] for e in result["events"]] == stages
    assert result["verify"]["passed"] is True
    assert result["left_out"] == []  # a water tracker can be built here whole
    version = ProjectStore(tmp_path).version(result["project"])
    assert version.verify is not None and version.verify.passed and version.digest == result["digest"]


def test_lang_flag_sets_the_app_language(tmp_path: Path) -> None:
    done = _run("new", "a pomodoro timer", "--lang", "zh", "--json", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["language"] == "zh-Hans"


def test_empty_idea_is_one_clear_line_and_a_nonzero_exit(tmp_path: Path) -> None:
    done = _run("new", "   ", home=tmp_path)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert "idea" in done.stderr
    assert not (tmp_path / "bundles").exists()


def test_ten_thousand_character_idea_is_refused_with_the_limit(tmp_path: Path) -> None:
    done = _run("new", "track water " * 900, home=tmp_path)
    assert done.returncode == 2
    assert "characters" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "bundles").exists()


def test_chinese_idea_gets_a_chinese_error(tmp_path: Path) -> None:
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "x").write_text("keep me")
    done = _run("new", "记账本", "--out", str(tmp_path / "taken"), home=tmp_path)
    assert done.returncode == 2
    assert "已存在" in done.stderr
    assert (tmp_path / "taken" / "x").read_text() == "keep me"


def test_preview_refuses_a_folder_that_is_not_an_app(tmp_path: Path) -> None:
    done = _run("preview", str(tmp_path), home=tmp_path)
    assert done.returncode == 2
    assert "app.py" in done.stderr and "Traceback" not in done.stderr
