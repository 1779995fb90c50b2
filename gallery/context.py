"""What every gallery service shares: settings, the engine, transactions, the file store, audit."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

from sqlalchemy import Engine, exists, select
from sqlalchemy.orm import Session, sessionmaker

from flashapps.report import VerifyReport
from flashapps.settings import Settings
from flashapps.spec import AppSpec
from gallery.db import make_engine, migrate
from gallery.errors import Forbidden, NotFound
from gallery.files import FileStore, Recovery
from gallery.models import LISTED_STATES, App, AppVersion, AuditEntry, User, utcnow
from gallery.objects import file_store
from gallery.privacy import PrivacyFinding
from gallery.settings import GallerySettings
from gallery.views import AppView, UserView, VersionView, split_reason

__all__ = [
    "GalleryContext",
    "app_views",
    "can_see",
    "find_version",
    "load_actor",
    "public_share_base",
    "record",
    "require_maintainer",
    "version_view",
]


class GalleryContext:
    """Settings, engine, sessions and file store; ``open`` migrates and recovers first."""

    def __init__(self, settings: GallerySettings | None = None, *, engine: Engine | None = None) -> None:
        self.settings = settings or GallerySettings()
        self.engine = engine or make_engine(self.settings.database_url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.files: FileStore = file_store(self.settings)
        self.last_recovery: Recovery | None = None

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def start(self, *, upgrade: bool = True, recover: bool = True) -> None:
        """Brings the schema to the newest revision and sweeps what a killed process left."""
        if upgrade:
            migrate(self.engine)
            self.optimize()
        if recover:
            self.last_recovery = self.recover()

    def optimize(self) -> None:
        """Refreshes the query planner's statistics (a sampled, quick ANALYZE on SQLite)."""
        with self.engine.begin() as connection:
            if self.dialect == "sqlite":
                connection.exec_driver_sql("PRAGMA analysis_limit=1000")
            connection.exec_driver_sql("ANALYZE")

    @contextlib.contextmanager
    def tx(self) -> Iterator[Session]:
        """One transaction: committed when the block ends, rolled back when it raises."""
        with self.sessions.begin() as session:
            yield session

    def recover(self) -> Recovery:
        def referenced(digest: str) -> bool:
            with self.sessions() as session:
                return bool(session.scalar(select(exists().where(AppVersion.digest == digest))))

        return self.files.recover(referenced)

    def share_url(self, slug: str) -> str:
        return f"{public_share_base(self.settings.share_base_url)}{slug}"

    def close(self) -> None:
        self.engine.dispose()


def load_actor(session: Session, actor: UserView | None) -> User | None:
    """The acting user's row, read again so a changed role counts at once."""
    if actor is None:
        return None
    user = session.get(User, actor.id)
    if user is None:
        raise NotFound("user", actor.username)
    return user


def require_maintainer(session: Session, actor: UserView | None, action: str) -> User:
    user = load_actor(session, actor)
    if user is None or user.role != "maintainer":
        raise Forbidden(action)
    return user


def can_see(app: App, viewer: User | None) -> bool:
    """Listed apps are public; the others only their author and maintainers see."""
    if app.state in LISTED_STATES:
        return True
    return viewer is not None and (viewer.role == "maintainer" or viewer.id == app.author_id)


def record(
    session: Session,
    actor: User | None,
    action: str,
    target_type: str,
    target: str,
    details: dict[str, Any] | None = None,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Adds one audit entry in the caller's transaction (so it exists exactly when the action does)."""
    session.add(
        AuditEntry(
            actor_id=actor.id if actor else None,
            actor_name=actor.username if actor else "",
            action=action,
            target_type=target_type,
            target=target[:80],
            details=details or {},
            created_at=now or utcnow(),
        )
    )


def public_share_base(share_base_url: str) -> str:
    """Where share links start: ``FLASHAPPS_PUBLIC_URL``'s visitor page (``<public>/s/``) when it is set."""
    public = Settings().public_url.strip().rstrip("/")
    return f"{public}/s/" if public else share_base_url


def app_views(session: Session, apps: Iterable[App], share_base_url: str) -> list[AppView]:
    """Views of ``apps`` with author names and remix sources, in two queries for the lot."""
    apps = list(apps)
    user_ids = {a.author_id for a in apps if a.author_id is not None}
    parent_ids = {a.remixed_from_app_id for a in apps if a.remixed_from_app_id is not None}
    names = dict(session.execute(select(User.id, User.username).where(User.id.in_(user_ids))).all())
    slugs = dict(session.execute(select(App.id, App.slug).where(App.id.in_(parent_ids))).all())
    return [
        AppView(
            slug=a.slug,
            title=a.title,
            description=a.description,
            tags=list(a.tags or []),
            category=a.category,
            language=a.language,
            kind=a.kind,
            state=a.state,
            **split_reason(a.reject_reason),
            author=names.get(a.author_id) if a.author_id is not None else None,
            remixed_from=slugs.get(a.remixed_from_app_id) if a.remixed_from_app_id is not None else None,
            remixed_from_version=a.remixed_from_version,
            like_count=a.like_count,
            remix_count=a.remix_count,
            latest_version=a.latest_version,
            created_at=a.created_at,
            updated_at=a.updated_at,
            share_url=f"{public_share_base(share_base_url)}{a.slug}",
        )
        for a in apps
    ]


def find_version(session: Session, app: App, number: int | None) -> AppVersion:
    """Version ``number`` of ``app`` (the latest when None)."""
    wanted = number or app.latest_version
    found = session.scalar(select(AppVersion).where(AppVersion.app_id == app.id, AppVersion.number == wanted))
    if found is None:
        raise NotFound("version", f"{app.slug} v{wanted}")
    return found


def version_view(session: Session, app: App, version: AppVersion) -> VersionView:
    author = session.get(User, version.created_by) if version.created_by is not None else None
    return VersionView(
        slug=app.slug,
        number=version.number,
        spec=AppSpec.model_validate(version.spec),
        files=list(version.files),
        digest=version.digest,
        verify_report=VerifyReport.model_validate(version.verify_report),
        privacy_findings=[PrivacyFinding.model_validate(f) for f in version.privacy_findings],
        created_by=author.username if author else None,
        created_at=version.created_at,
    )
