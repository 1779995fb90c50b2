"""``Gallery``: one object for the whole gallery (accounts, apps, curation, browse, backups)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine

from gallery.accounts import Accounts
from gallery.api_tokens import ApiTokens
from gallery.backup import backup, restore
from gallery.classes import Classes
from gallery.context import GalleryContext
from gallery.curation import Curation
from gallery.search import Sort, browse
from gallery.service import Apps
from gallery.settings import GallerySettings
from gallery.views import Page

__all__ = ["Gallery", "open_gallery"]


class Gallery(GalleryContext):
    """The gallery: ``accounts``, ``apps`` (publish, versions, remix, likes, reports), ``curation``."""

    def __init__(self, settings: GallerySettings | None = None, *, engine: Engine | None = None) -> None:
        super().__init__(settings, engine=engine)
        self.accounts = Accounts(self)
        self.apps = Apps(self)
        self.curation = Curation(self)
        self.classes = Classes(self)
        self.api_tokens = ApiTokens(self)

    def browse(
        self,
        query: str = "",
        *,
        category: str | None = None,
        language: str | None = None,
        kind: str | None = None,
        sort: Sort | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> Page:
        """Listed apps: full-text ``query`` (en and zh), filters, sort new/popular/featured, pages."""
        return browse(self, query, category=category, language=language, kind=kind, sort=sort, page=page,
                      page_size=page_size)  # fmt: skip

    def backup(self, target: Path) -> Path:
        return backup(self, target)

    def restore(self, archive: Path) -> dict[str, int]:
        return restore(self, archive)


def open_gallery(settings: GallerySettings | None = None, *, upgrade: bool = True, recover: bool = True) -> Gallery:
    """The gallery from settings (the environment by default), migrated and recovered."""
    gallery = Gallery(settings)
    gallery.start(upgrade=upgrade, recover=recover)
    return gallery
