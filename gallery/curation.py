"""Curation: what maintainers do, with the role check here (not only in the UI) and an audit entry each."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, literal_column, select
from sqlalchemy.orm import Session

from gallery.context import GalleryContext, app_views, find_version, record, require_maintainer, version_view
from gallery.errors import NotFound, UserError
from gallery.models import App, AppVersion, AuditEntry, Report, User, utcnow
from gallery.privacy import PrivacyFinding
from gallery.views import AppView, AuditView, Inspection, QueueItem, ReportView, UserView

__all__ = ["Curation"]


class Curation:
    """Approve, feature, hide, reject, delete; the review queue, reports, inspection and audit log."""

    def __init__(self, ctx: GalleryContext) -> None:
        self.ctx = ctx

    def _app(self, session: Session, slug: str) -> App:
        row = session.scalar(select(App).where(App.slug == slug))
        if row is None:
            raise NotFound("app", slug)
        return row

    def _move(
        self, actor: UserView, slug: str, state: str, action: str, reason: str = "", now: dt.datetime | None = None
    ) -> AppView:
        now = now or utcnow()
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, action.replace("app.", ""))
            row = self._app(session, slug)
            before = row.state
            row.state, row.updated_at = state, now
            row.reject_reason = reason if state == "rejected" else ""
            row.featured_at = now if state == "featured" else None
            details = {"from": before, "to": state} | ({"reason": reason} if reason else {})
            record(session, acting, action, "app", slug, details, now=now)
            return app_views(session, [row], self.ctx.settings.share_base_url)[0]

    def approve(self, actor: UserView, slug: str, *, now: dt.datetime | None = None) -> AppView:
        return self._move(actor, slug, "published", "app.approve", now=now)

    def feature(self, actor: UserView, slug: str, *, now: dt.datetime | None = None) -> AppView:
        return self._move(actor, slug, "featured", "app.feature", now=now)

    def unfeature(self, actor: UserView, slug: str, *, now: dt.datetime | None = None) -> AppView:
        return self._move(actor, slug, "published", "app.unfeature", now=now)

    def hide(self, actor: UserView, slug: str, reason: str = "", *, now: dt.datetime | None = None) -> AppView:
        return self._move(actor, slug, "hidden", "app.hide", reason.strip(), now=now)

    def reject(self, actor: UserView, slug: str, reason: str, *, now: dt.datetime | None = None) -> AppView:
        """Rejects with a reason the author sees (required)."""
        if not reason.strip():
            raise UserError("Say why the app is rejected; its author will see it.", "请填写拒绝理由，作者会看到。")
        return self._move(actor, slug, "rejected", "app.reject", reason.strip(), now=now)

    def delete(self, actor: UserView, slug: str, *, now: dt.datetime | None = None) -> None:
        """Deletes an app with its versions, likes and reports; files no other version uses go too."""
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, "delete apps")
            row = self._app(session, slug)
            digests = set(session.scalars(select(AppVersion.digest).where(AppVersion.app_id == row.id)))
            details = {"title": row.title, "versions": row.latest_version, "author_id": row.author_id}
            session.delete(row)
            record(session, acting, "app.delete", "app", slug, details, now=now)
        with self.ctx.sessions() as session:
            for digest in digests:
                if not session.scalar(select(exists().where(AppVersion.digest == digest))):
                    self.ctx.files.remove(digest)

    def queue(self, actor: UserView) -> list[QueueItem]:
        """Apps waiting for review, oldest first, with their privacy findings and open reports."""
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "see the review queue")
            rows = list(
                session.scalars(
                    select(App).where(App.state == literal_column("'pending'")).order_by(App.updated_at, App.id)
                )
            )
            views = app_views(session, rows, self._base)
            return [self._item(session, row, view) for row, view in zip(rows, views, strict=True)]

    @property
    def _base(self) -> str:
        return self.ctx.settings.share_base_url

    def _item(self, session: Session, row: App, view: AppView) -> QueueItem:
        findings = session.scalar(
            select(AppVersion.privacy_findings).where(
                AppVersion.app_id == row.id, AppVersion.number == row.latest_version
            )
        )
        reports = session.scalar(select(func.count(Report.id)).where(Report.app_id == row.id, Report.state == "open"))
        return QueueItem(
            app=view,
            privacy_findings=[PrivacyFinding.model_validate(f) for f in findings or []],
            open_reports=reports or 0,
        )

    def reports(self, actor: UserView, state: str = "open") -> list[ReportView]:
        """Reports with their reasons, newest first."""
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "see reports")
            rows = session.execute(
                select(Report, App.slug, App.title, User.username)
                .join(App, App.id == Report.app_id)
                .outerjoin(User, User.id == Report.reporter_id)
                .where(Report.state == state)
                .order_by(Report.created_at.desc(), Report.id.desc())
            ).all()
            return [
                ReportView(
                    id=r.id,
                    slug=slug,
                    title=title,
                    reason=r.reason,
                    reporter=name,
                    state=r.state,
                    resolution=r.resolution,
                    created_at=r.created_at,
                )  # fmt: skip
                for r, slug, title, name in rows
            ]

    def close_report(
        self, actor: UserView, report_id: int, resolution: str = "", *, now: dt.datetime | None = None
    ) -> None:
        now = now or utcnow()
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, "close reports")
            found = session.get(Report, report_id)
            if found is None:
                raise NotFound("report", str(report_id))
            found.state, found.resolution, found.closed_at = "closed", resolution.strip(), now
            record(session, acting, "report.close", "report", str(report_id), {"resolution": found.resolution}, now=now)

    def inspect(self, actor: UserView, slug: str, version: int | None = None) -> Inspection:
        """Spec, code (bundle files), verify report and privacy findings of a version, in any state."""
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "inspect apps")
            row = self._app(session, slug)
            view = version_view(session, row, find_version(session, row, version))
            app = app_views(session, [row], self._base)[0]
        files = self.ctx.files.read(view.digest, view.files)
        code = {name: content.decode("utf-8", errors="replace") for name, content in files.items()}
        return Inspection(app=app, version=view, code=code)

    def audit_log(self, actor: UserView, *, target: str | None = None, limit: int = 200) -> list[AuditView]:
        """Who did what to which target, newest first."""
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "read the audit log")
            statement = select(AuditEntry).order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(limit)
            if target is not None:
                statement = statement.where(AuditEntry.target == target)
            return [
                AuditView(
                    actor=e.actor_name,
                    action=e.action,
                    target_type=e.target_type,
                    target=e.target,
                    details=dict(e.details or {}),
                    created_at=e.created_at,
                )  # fmt: skip
                for e in session.scalars(statement)
            ]
