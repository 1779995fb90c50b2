"""Drafts shared through the database end to end (issue 18): with ``FLASHAPPS_DATABASE_URL`` set, the API (this
process, one FLASHAPPS_HOME) queues a new app and a change; a procrastinate worker in another process with a home
of its own makes them; the API publishes the draft from its own home (the bundle fetched from the database and
checked); a third process with a third home reads the same draft and bundle. No folder is shared."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from api_support import Api

from flashapps.files import bundle_files
from gallery import Gallery
from tests.gallery.pg import PgServer
from tests.workshop.pg_database import pg_server, shared_database

ROOT = Path(__file__).resolve().parents[3]
WORKER = ROOT / "tests" / "workshop" / "queue_worker.py"
READ = """
import json, sys
from workshop.projects import open_projects
store = open_projects()
bundle = store.bundle(sys.argv[1])
print(json.dumps({"kind": type(store).__name__, "idea": store.get(sys.argv[1]).idea, "digest": bundle.digest,
                  "versions": [v.number for v in store.versions(sys.argv[1])], "path": str(bundle.path)}))
"""


pg = pytest.fixture(scope="module")(pg_server)


@pytest.fixture(autouse=True)
def database(pg: PgServer | str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Set before the gallery and the queue open: everything shared goes to this database."""
    with shared_database(pg, monkeypatch, "api") as url:
        yield url


def _env(home: Path, url: str) -> dict[str, str]:
    return {**os.environ, "FLASHAPPS_HOME": str(home), "FLASHAPPS_DATABASE_URL": url, "FLASHAPPS_PROVIDER": "offline",
            "PYTHONPATH": f"{ROOT / 'tests'}:{ROOT}"}  # fmt: skip


@pytest.fixture
def worker(database: str, tmp_path: Path) -> Iterator[Path]:
    """A worker process with a home of its own; its home folder."""
    home = tmp_path / "worker-home"
    process = subprocess.Popen([sys.executable, str(WORKER), database], env=_env(home, database), cwd=ROOT)
    yield home
    process.kill()
    process.wait(timeout=30)


def test_a_draft_made_by_a_worker_elsewhere_is_published_here_and_read_by_a_third_home(
    api: dict[str, Api], gallery: Gallery, worker: Path, flashapps_home: Path, database: str, tmp_path: Path
) -> None:
    alice = api["alice"]
    draft = alice.make("一个记录每天喝水杯数的小应用")["result"]["draft_id"]
    reply = alice("POST", f"/api/v1/drafts/{draft}/edits", json={"sentence": "call it Hydro"})
    assert reply.status_code == 202, reply.text
    edited = alice.wait(reply.json()["id"])
    assert edited["status"] == "done" and edited["result"]["version"] == 2, edited
    made_there = worker / "projects" / draft / "bundles" / "v0002"
    assert (made_there / "app.py").is_file() and not (flashapps_home / "projects" / draft / "project.json").exists()

    published = alice("POST", f"/api/v1/drafts/{draft}/publish", json={"title": "Hydro"})
    assert published.status_code == 200, published.text
    slug = published.json()["slug"]
    here = flashapps_home / "projects" / draft / "bundles" / "v0002"  # fetched from the database to publish
    assert bundle_files(here) == bundle_files(made_there)
    version = gallery.apps.get_version(slug, None)
    assert bundle_files(gallery.files.path(version.digest)) == bundle_files(made_there)

    third = tmp_path / "third-home"
    read = subprocess.run([sys.executable, "-c", READ, draft], env=_env(third, database), cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert read.returncode == 0, read.stderr[-2000:]
    seen = json.loads(read.stdout.strip().splitlines()[-1])
    assert seen["kind"] == "SqlProjectStore" and seen["idea"] == "一个记录每天喝水杯数的小应用"
    assert seen["versions"] == [1, 2] and seen["digest"] == version.digest
    assert Path(seen["path"]).is_relative_to(third) and bundle_files(Path(seen["path"])) == bundle_files(made_there)
