"""The gallery: publish verified apps, browse and search them, remix, like, report and curate.

Storage is SQLAlchemy (SQLite by default, PostgreSQL by URL) with Alembic migrations run on
start; bundle files live in a content-addressed store. Nothing here imports Streamlit.
"""

from gallery.core import Gallery, open_gallery
from gallery.errors import Conflict, Forbidden, NotFound
from gallery.privacy import PrivacyFinding, scan_spec
from gallery.settings import GallerySettings
from gallery.views import AppView, AuditView, Inspection, Page, QueueItem, RemixDraft, ReportView, UserView, VersionView

__all__ = [
    "AppView",
    "AuditView",
    "Conflict",
    "Forbidden",
    "Gallery",
    "GallerySettings",
    "Inspection",
    "NotFound",
    "Page",
    "PrivacyFinding",
    "QueueItem",
    "RemixDraft",
    "ReportView",
    "UserView",
    "VersionView",
    "open_gallery",
    "scan_spec",
]
