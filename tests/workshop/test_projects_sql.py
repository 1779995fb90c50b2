"""Drafts in the shared database (issue 18): with ``FLASHAPPS_DATABASE_URL`` a PostgreSQL URL, two machines with
different home folders (here: two Workshops on two FLASHAPPS_HOME folders, one throwaway PostgreSQL) share every
draft, version, note and bundle; a machine's bundle folder is a cache checked against the version's digest.
Without the setting the file store stays (the embedded default)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from sample_specs import water_tracker

from flashapps.errors import UserError
from flashapps.files import bundle_files, folder_digest
from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import GallerySettings, open_gallery
from generator.providers import get_provider
from generator.render import render
from tests.gallery.pg import PgServer
from tests.workshop.pg_database import pg_server, shared_database
from workshop.actions import Workshop
from workshop.makers import Maker, creator_hash, new_secret
from workshop.pgqueue import MIGRATIONS_DIR
from workshop.projects import ProjectStore, open_projects
from workshop.projects_sql import SqlProjectStore

DAY = 86400.0
OFFLINE = get_provider("offline")


def _passing(folder: Path) -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


pg = pytest.fixture(scope="module")(pg_server)


@pytest.fixture
def url(pg: PgServer | str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with shared_database(pg, monkeypatch, "d") as found:
        yield found


def _shop(home: Path) -> Workshop:
    return Workshop(Settings(home=home), verify=_passing)


def _count(store: ProjectStore, table: str) -> int:
    assert isinstance(store, SqlProjectStore)
    with store.engine.connect() as db:
        return int(db.scalar(sa.text(f"SELECT count(*) FROM {table}")) or 0)


def test_without_the_setting_drafts_stay_in_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLASHAPPS_DATABASE_URL", raising=False)
    assert type(open_projects(Settings(home=tmp_path))) is ProjectStore
    monkeypatch.setenv("FLASHAPPS_DATABASE_URL", f"sqlite:///{tmp_path / 'gallery.sqlite3'}")  # the gallery's only
    assert type(_shop(tmp_path).projects) is ProjectStore


def test_a_draft_made_on_one_machine_is_seen_changed_verified_and_published_on_another(
    url: str, tmp_path: Path
) -> None:
    one, two = _shop(tmp_path / "one"), _shop(tmp_path / "two")
    assert isinstance(one.projects, SqlProjectStore) and isinstance(two.projects, SqlProjectStore)
    secret = new_secret()
    made = one.create("每天记录喝水的杯数", OFFLINE, secret=secret)
    pid = made.project
    assert not (tmp_path / "one" / "projects" / pid / "project.json").exists()  # rows, not files
    assert [p.id for p in two.projects.made_with(creator_hash(secret))] == [pid]
    assert two.projects.get(pid).idea == "每天记录喝水的杯数" and two.projects.version(pid).verify is not None

    seen = two.projects.bundle(pid)  # materialised on this machine from the database
    assert seen.path == tmp_path / "two" / "projects" / pid / "bundles" / "v0001"
    assert bundle_files(seen.path) == bundle_files(made.bundle.path) and folder_digest(seen.path) == made.bundle.digest

    changed = two.edit(pid, "call it Hydro", OFFLINE, actor=Maker(secret=secret))
    assert changed.version == 2 and changed.report is not None
    back = one.projects.bundle(pid)
    assert back.digest == changed.bundle.digest and bundle_files(back.path) == bundle_files(changed.bundle.path)
    assert [v.number for v in one.projects.versions(pid)] == [1, 2] and one.projects.version(pid).verify is not None
    one.projects.save_meta(pid, {"note": "kept"})

    gallery = open_gallery(GallerySettings(database_url=url, store_dir=tmp_path / "gallery-store"))
    try:
        ana = gallery.accounts.register("ana", "ana-password-1")
        view = two.publish(gallery, pid, ana, secret=secret)
        published = gallery.files.path(gallery.apps.get_version(view.slug, None).digest)
        assert bundle_files(published) == bundle_files(changed.bundle.path)
    finally:
        gallery.close()
    assert one.projects.get(pid).owner == "ana" and [p.id for p in one.projects.owned_by("ana")] == [pid]
    assert one.projects.meta(pid) == {"note": "kept", "slug": view.slug, "published_version": 2}


def test_a_changed_copy_is_fetched_again_and_damaged_rows_are_never_served(url: str, tmp_path: Path) -> None:
    one, two = _shop(tmp_path / "one"), _shop(tmp_path / "two")
    made = one.create("an app to track my daily water intake", OFFLINE)
    copy = two.projects.bundle(made.project)
    (copy.path / "app.py").write_text("print('changed')\n")
    (copy.path / "extra.py").write_text("x = 1\n")
    again = two.checked_bundle(made.project)  # what publishing and serving read
    assert bundle_files(again.path) == bundle_files(made.bundle.path) and again.unchanged()

    assert isinstance(two.projects, SqlProjectStore)
    with two.projects.engine.begin() as db:
        db.execute(sa.text("UPDATE flashapps_draft_files SET content = 'x' WHERE name = 'app.py'"))
    (copy.path / "app.py").write_text("print('changed again')\n")
    with pytest.raises(UserError, match="damaged"):
        two.projects.bundle(made.project)
    assert not copy.path.exists()  # the changed copy is gone, not left to be served


def test_replicas_adding_at_once_get_distinct_numbers(url: str, tmp_path: Path) -> None:
    stores = [open_projects(tmp_path / f"home{n % 2}") for n in range(8)]
    pid = stores[0].create("a reading log", water_tracker()).id
    start, numbers = threading.Barrier(len(stores)), []

    def add(n: int) -> None:
        start.wait()
        numbers.append(stores[n].add(pid, water_tracker(), f"change {n}", [f"change {n}"]).number)

    threads = [threading.Thread(target=add, args=(n,)) for n in range(len(stores))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(numbers) == list(range(2, 10))
    assert [v.number for v in stores[1].versions(pid)] == list(range(1, 10)) and stores[1].get(pid).current == 9


def test_a_version_rendered_under_a_number_taken_meanwhile_moves_to_its_own(url: str, tmp_path: Path) -> None:
    one, two = open_projects(tmp_path / "one"), open_projects(tmp_path / "two")
    pid = one.create("a water log", water_tracker()).id
    expected = one.next_number(pid)
    spec = water_tracker().model_copy(deep=True)
    spec.brief.title = "Hydro"
    mine = render(spec, one.bundle_dir(pid, expected))
    theirs = render(water_tracker(), two.bundle_dir(pid, expected))
    assert two.add(pid, water_tracker(), "theirs", [], digest=theirs.digest).number == expected
    added = one.add(pid, spec, "mine", [], digest=mine.digest)
    assert added.number == expected + 1
    assert one.bundle(pid, expected + 1).path == one.bundle_dir(pid, expected + 1)
    assert bundle_files(one.bundle(pid, expected + 1).path) == bundle_files(two.bundle(pid, expected + 1).path)
    assert one.bundle(pid, expected).digest == theirs.digest == folder_digest(one.bundle_dir(pid, expected))


def test_pruning_removes_old_anonymous_drafts_everywhere(url: str, tmp_path: Path) -> None:
    one, two = _shop(tmp_path / "one").projects, _shop(tmp_path / "two").projects
    spec = water_tracker()
    made = {
        "anonymous": one.create("a water log", spec).id,
        "signed-in": one.create("a chores list", spec, owner="maker").id,
        "published": one.create("a quiz", spec).id,
        "command line": one.create("a timer", spec, bundle=tmp_path / "timer").id,
    }
    one.save_meta(made["published"], {"slug": "a-quiz", "published_version": 1})
    for project_id in made.values():
        two.bundle(project_id)  # previewed on the other machine: its copies
    (tmp_path / "two" / "appdata" / f"draft-{made['anonymous']}").mkdir(parents=True)
    bytes_before = _count(one, "flashapps_draft_bundles")
    assert one.prune_drafts(30) == [] and bytes_before == 1  # four drafts of one spec: its bytes kept once

    assert one.prune_drafts(30, now=time.time() + 40 * DAY) == [made["anonymous"]]
    assert sorted(p.id for p in two._all()) == sorted(v for k, v in made.items() if k != "anonymous")
    assert _count(one, "flashapps_draft_bundles") == 1  # the others still use the same bytes
    assert two.prune_drafts(30, now=time.time() + 40 * DAY) == []  # gone already; its copy here is swept
    assert not (tmp_path / "two" / "projects" / made["anonymous"]).exists()
    assert not (tmp_path / "two" / "appdata" / f"draft-{made['anonymous']}").exists()
    assert (tmp_path / "two" / "projects" / made["published"]).is_dir()


def test_a_home_that_kept_drafts_in_files_is_imported_once(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("FLASHAPPS_DATABASE_URL")
    old = _shop(tmp_path / "old")
    secret = new_secret()
    made = old.create("一個記錄每週運動時間的應用", OFFLINE, secret=secret)
    old.edit(made.project, "call it Move", OFFLINE, actor=Maker(secret=secret))
    old.projects.save_meta(made.project, {"remix_of": ["a-quiz", 1]})
    files = {n: bundle_files(old.projects.bundle_dir(made.project, n)) for n in (1, 2)}
    monkeypatch.setenv("FLASHAPPS_DATABASE_URL", url)

    _shop(tmp_path / "old")  # the first open with the database imports
    assert (tmp_path / "old" / "projects" / made.project / "project.imported.json").is_file()
    elsewhere = _shop(tmp_path / "new").projects
    assert [v.number for v in elsewhere.versions(made.project)] == [1, 2]
    assert elsewhere.meta(made.project) == {"remix_of": ["a-quiz", 1]}
    assert elsewhere.version(made.project, 2).verify is not None
    for number, content in files.items():
        assert bundle_files(elsewhere.bundle(made.project, number).path) == content
    assert [p.id for p in elsewhere.made_with(creator_hash(secret))] == [made.project]


def test_the_migration_upgrades_and_downgrades(url: str, tmp_path: Path) -> None:
    store = open_projects(tmp_path)
    assert isinstance(store, SqlProjectStore)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    tables = {"flashapps_projects", "flashapps_versions", "flashapps_draft_bundles", "flashapps_draft_files"}

    def present() -> set[str]:
        with store.engine.connect() as db:
            return tables & set(sa.inspect(db).get_table_names())

    def to(revision: str, *, down: bool = False) -> None:
        with store.engine.begin() as db:
            config.attributes["connection"] = db
            (command.downgrade if down else command.upgrade)(config, revision)

    assert present() == tables
    to("w0001", down=True)
    assert present() == set() and "flashapps_jobs" in sa.inspect(store.engine).get_table_names()
    to("head")
    assert present() == tables
    assert store.create("a water log", water_tracker()).id in {p.id for p in store._all()}
