"""One database for a scaled deployment: the gallery follows ``FLASHAPPS_DATABASE_URL`` unless its own
setting says otherwise, and a plain PostgreSQL URL gets the driver SQLAlchemy needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from gallery.settings import GallerySettings, sqlalchemy_url


def test_the_shared_database_url_is_the_gallerys_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FLASHAPPS_HOME", str(tmp_path))
    monkeypatch.delenv("FLASHAPPS_GALLERY_DATABASE_URL", raising=False)
    monkeypatch.delenv("FLASHAPPS_DATABASE_URL", raising=False)
    assert GallerySettings().database_url == f"sqlite:///{tmp_path / 'gallery.sqlite3'}"
    monkeypatch.setenv("FLASHAPPS_DATABASE_URL", "postgresql://flash@127.0.0.1:5433/flash")
    assert GallerySettings().database_url == "postgresql+psycopg://flash@127.0.0.1:5433/flash"
    monkeypatch.setenv("FLASHAPPS_GALLERY_DATABASE_URL", f"sqlite:///{tmp_path / 'own.sqlite3'}")
    assert GallerySettings().database_url.endswith("own.sqlite3")


@pytest.mark.parametrize(
    ("given", "used"),
    [
        ("postgres://a@h/db", "postgresql+psycopg://a@h/db"),
        ("postgresql://a@h/db", "postgresql+psycopg://a@h/db"),
        ("postgresql+psycopg://a@h/db", "postgresql+psycopg://a@h/db"),
        ("sqlite:///x.db", "sqlite:///x.db"),
        ("", ""),
    ],
)
def test_sqlalchemy_url_names_the_driver(given: str, used: str) -> None:
    assert sqlalchemy_url(given) == used
