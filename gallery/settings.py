"""Gallery settings: ``FLASHAPPS_GALLERY_*`` variables; state lives under ``$FLASHAPPS_HOME``.

The database is ``FLASHAPPS_GALLERY_DATABASE_URL``, else ``FLASHAPPS_DATABASE_URL`` (the one database a scaled
deployment shares: gallery, jobs, sign-ins), else SQLite in the home folder.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from flashapps.settings import home_folder

__all__ = ["GallerySettings", "sqlalchemy_url"]


def sqlalchemy_url(url: str) -> str:
    """``url`` with the driver SQLAlchemy needs for PostgreSQL (psycopg 3): a plain ``postgresql://`` or
    ``postgres://`` URL, as other tools write it, names no driver."""
    for plain in ("postgresql://", "postgres://"):
        if url.startswith(plain):
            return "postgresql+psycopg://" + url[len(plain) :]
    return url


class GallerySettings(BaseSettings):
    """Where the gallery keeps its rows and files, and how publishing behaves."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_GALLERY_", extra="ignore")

    database_url: str = Field(
        default="", description="SQLAlchemy URL; empty: SQLite at $FLASHAPPS_HOME/gallery.sqlite3"
    )
    store_dir: Path | None = Field(default=None, description="bundle files; empty: $FLASHAPPS_HOME/gallery-store")
    object_store: str = Field(
        default="", description="s3://bucket/prefix: bundle files in S3-compatible storage; else FLASHAPPS_OBJECT_STORE"
    )
    object_store_endpoint: str = Field(
        default="", description="the object store's URL (MinIO, Ceph...); else FLASHAPPS_OBJECT_STORE_ENDPOINT"
    )
    review_first: bool = Field(default=False, description="new apps wait for a maintainer before they are listed")
    session_hours: float = Field(default=24 * 14, gt=0, description="how long a login lasts")
    share_base_url: str = Field(default="http://localhost:8501/?app=", description="share links: this + slug")

    @model_validator(mode="after")
    def _defaults_under_home(self) -> GallerySettings:
        home = home_folder()
        if not self.database_url:
            self.database_url = sqlalchemy_url(os.environ.get("FLASHAPPS_DATABASE_URL", ""))
        if not self.database_url:
            self.database_url = f"sqlite:///{home / 'gallery.sqlite3'}"
        self.object_store = (self.object_store or os.environ.get("FLASHAPPS_OBJECT_STORE", "")).strip()
        if not self.object_store_endpoint:
            self.object_store_endpoint = os.environ.get("FLASHAPPS_OBJECT_STORE_ENDPOINT", "").strip()
        if self.store_dir is None:
            self.store_dir = home / "gallery-store"
        return self

    @property
    def store(self) -> Path:
        """The bundle file store (always set after validation)."""
        assert self.store_dir is not None
        return self.store_dir

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")
