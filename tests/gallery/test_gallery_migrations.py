"""Migrations: ordered, named revisions; an old database upgrades in place with its rows intact."""

from __future__ import annotations

import datetime as dt
import json

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from gallery import Gallery, GallerySettings, open_gallery
from gallery.db import MIGRATIONS_DIR, current_revision, head_revision, include_object, make_engine, migrate
from gallery.models import Base


def test_revisions_are_ordered_and_named() -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert chain == ["0001_initial", "0002_search", "0003_classes", "0004_api_tokens", "0005_shared_state",
                     "0006_sandbox_hosts"]  # fmt: skip
    assert head_revision() == "0006_sandbox_hosts"
    for number, revision in enumerate(chain, start=1):
        assert revision.startswith(f"{number:04d}_")
        assert (MIGRATIONS_DIR / "versions" / f"v{revision}.py").is_file()


def test_an_old_database_upgrades_in_place(gallery_settings: GallerySettings) -> None:
    engine = make_engine(gallery_settings.database_url)
    migrate(engine, "0001_initial")
    assert current_revision(engine) == "0001_initial"
    assert "search_text" not in {c["name"] for c in inspect(engine).get_columns("apps")}
    when = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO users (username, password_hash, role, created_at) "
                 "VALUES ('old', '$argon2id$x', 'maker', :when)"), {"when": when})  # fmt: skip
        author = connection.execute(text("SELECT id FROM users")).scalar_one()
        for i, (title, tags) in enumerate([("背单词小游戏", ["英语"]), ("Old water tracker", ["health"])], start=1):
            connection.execute(
                text("INSERT INTO apps (slug, title, description, tags, category, language, kind, state, "
                     "reject_reason, author_id, like_count, remix_count, latest_version, created_at, updated_at) "
                     "VALUES (:slug, :title, 'from an old release', :tags, 'learning', 'en', 'app', "
                     "'published', '', :author, 3, 0, 1, :when, :when)"),
                {"author": author, "slug": f"old0000{i}", "title": title, "tags": json.dumps(tags, ensure_ascii=False),
                 "when": when},
            )  # fmt: skip
    engine.dispose()
    assert author

    gallery = open_gallery(gallery_settings)
    try:
        assert current_revision(gallery.engine) == head_revision()
        old = gallery.apps.get_by_slug("old00001")
        assert (old.title, old.tags, old.like_count, old.author, old.created_at) == (
            "背单词小游戏",
            ["英语"],
            3,
            "old",
            when,
        )
        assert [a.slug for a in gallery.browse("单词").items] == ["old00001"]
        assert [a.slug for a in gallery.browse("water").items] == ["old00002"]
        assert [a.slug for a in gallery.browse("health").items] == ["old00002"]
        assert gallery.accounts.register("new", "new-password").id > author
    finally:
        gallery.close()


def test_starting_twice_changes_nothing(gallery: Gallery, gallery_settings: GallerySettings) -> None:
    again = open_gallery(gallery_settings)
    try:
        assert current_revision(again.engine) == head_revision()
    finally:
        again.close()


def test_the_migrations_build_what_the_models_describe(gallery: Gallery) -> None:
    with gallery.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "include_object": include_object})
        assert compare_metadata(context, Base.metadata) == []
