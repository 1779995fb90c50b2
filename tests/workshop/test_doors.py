"""Both front doors through the same story record the same thing: versions, changes, provider,
checks, costs and the content hash of exactly the files that were checked."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from sample_specs import water_tracker

from flashapps.errors import UserError
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import open_gallery
from studio import services
from workshop.actions import Workshop
from workshop.makers import Maker, new_secret
from workshop.projects import ProjectStore

FLASHAPPS = Path(sys.executable).with_name("flashapps")
IDEA = "an app to track my daily water intake"
EDIT = "make the goal 3 litres"


def _recorded(home: Path) -> list[dict[str, Any]]:
    projects = ProjectStore(home)
    [project] = [projects.get(p.parent.name) for p in projects.root.glob("*/project.json")]
    rows = []
    for version in projects.versions(project.id):
        assert version.verify is not None, f"version {version.number} was not checked"
        assert projects.bundle(project.id, version.number).unchanged()
        rows.append({
            "number": version.number, "change": version.change, "changes": version.changes,
            "provider": version.provider, "calls": version.calls, "digest": version.digest,
            "checked": (version.verify.backend, version.verify.passed, len(version.verify.tests)),
        })  # fmt: skip
    return rows


def _cli(home: Path, *args: str) -> None:
    env = {**os.environ, "FLASHAPPS_HOME": str(home), "FLASHAPPS_SANDBOX_ALLOW_LOCAL": "1"}
    done = subprocess.run([str(FLASHAPPS), *args], capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


def _studio(kind: str, *args: Any) -> dict[str, Any]:
    job = getattr(services, f"start_{kind}")(*args)
    deadline = time.monotonic() + 300
    while (found := services.jobs().store.get(job.id)).status in ("queued", "running"):
        assert time.monotonic() < deadline, "the job did not finish"
        time.sleep(0.2)
    assert found.status == "done", found.error
    assert found.result is not None
    return found.result


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_command_line_and_the_studio_record_the_same_story(
    tmp_path: Path, flashapps_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "cli-home"
    _cli(folder, "new", IDEA, "--out", str(tmp_path / "water"), "--backend", "local")
    _cli(folder, "edit", str(tmp_path / "water"), EDIT, "--backend", "local")
    _cli(folder, "undo", str(tmp_path / "water"), "--backend", "local")

    monkeypatch.setenv("FLASHAPPS_SANDBOX_BACKEND", "local")
    monkeypatch.setenv("FLASHAPPS_SANDBOX_ALLOW_LOCAL", "1")
    monkeypatch.delenv("FLASHAPPS_PROVIDER", raising=False)
    browser = Maker(secret=new_secret())  # made without an account: changed from the same browser
    project = _studio("create", IDEA, None, browser.secret)["project"]
    assert _studio("edit", project, EDIT, browser)["changes"]
    _studio("undo", project, 1, browser)

    by_cli, by_studio = _recorded(folder), _recorded(flashapps_home)
    assert [row["number"] for row in by_cli] == [1, 2, 3]
    assert by_cli == by_studio
    assert by_cli[0]["checked"][0] == "local" and all(row["checked"][1] for row in by_cli)
    assert by_cli[2]["digest"] == by_cli[0]["digest"] != by_cli[1]["digest"]  # undo: the same bytes again
    copy = ProjectStore(folder).bundle(ProjectStore(folder).find_bundle(tmp_path / "water").id)  # type: ignore[union-attr]
    assert (tmp_path / "water" / "app.py").read_bytes() == (copy.path / "app.py").read_bytes()


def _passing(folder: Path) -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


def test_only_the_checked_bytes_are_published(flashapps_home: Path) -> None:
    shop = Workshop(Settings(), verify=_passing)
    gallery = open_gallery()
    try:
        maker = gallery.accounts.register("maker", "maker-password-1")
        project = shop.projects.create("water", water_tracker(), owner="maker")
        kept = shop.projects.bundle(project.id)
        shop.projects.record_verify(project.id, 1, _passing(kept.path))
        (kept.path / "app.py").write_text((kept.path / "app.py").read_text() + "\n# changed after the check\n")
        with pytest.raises(UserError) as refused:
            shop.publish(gallery, project.id, maker)
        assert "changed after they were checked" in refused.value.message("en")
        assert "重新检查" in refused.value.message("zh")
        assert gallery.browse().total == 0

        again = shop.undo(project.id, 1, actor=Maker(username="maker"))  # a new version: rendered and checked again
        view = shop.publish(gallery, project.id, maker)
        assert view.slug and gallery.browse().total == 1
        published = gallery.apps.get_version(view.slug, None)
        assert published.digest == again.bundle.digest == shop.projects.version(project.id).digest
    finally:
        gallery.close()
