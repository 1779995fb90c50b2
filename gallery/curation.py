"""Curation: what maintainers do, with the role check here (not only in the UI) and an audit entry each."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import exists, func, literal_column, or_, select
from sqlalchemy.orm import Session

from gallery.context import GalleryContext, app_views, find_version, record, require_maintainer, version_view
from gallery.errors import NotFound, UserError
from gallery.models import LISTED_STATES, App, AppVersion, AuditEntry, Report, User, utcnow
from gallery.privacy import PrivacyFinding
from gallery.tokens import query_terms
from gallery.views import (
    REASONS,
    AppView,
    AuditView,
    Inspection,
    Page,
    QueueItem,
    ReportView,
    UserView,
    join_reason,
)

__all__ = ["Curation", "need_reason"]


class Curation:
    """Approve, feature, hide, unhide, reject, delete (each with a reason); the list of all apps, the review
    queue, reports, inspection and audit log."""

    def __init__(self, ctx: GalleryContext) -> None:
        self.ctx = ctx

    def _app(self, session: Session, slug: str) -> App:
        row = session.scalar(select(App).where(App.slug == slug))
        if row is None:
            raise NotFound("app", slug)
        return row

    def _move(
        self, actor: UserView, slug: str, state: str, action: str, reason: str, note: str, now: dt.datetime | None
    ) -> AppView:
        now = now or utcnow()
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, action.replace("app.", ""))
            code, note = need_reason(reason, note)
            row = self._app(session, slug)
            before = row.state
            row.state, row.updated_at = state, now
            listed = state in LISTED_STATES
            row.reject_reason = "" if listed else join_reason(code, note)
            row.featured_at = now if state == "featured" else None
            details = {"from": before, "to": state, "reason": code, "note": note, "title": row.title}
            record(session, acting, action, "app", slug, details, now=now)
            return app_views(session, [row], self.ctx.settings.share_base_url)[0]

    def approve(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        return self._move(actor, slug, "published", "app.approve", reason, note, now)

    def feature(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        return self._move(actor, slug, "featured", "app.feature", reason, note, now)

    def unfeature(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        return self._move(actor, slug, "published", "app.unfeature", reason, note, now)

    def hide(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        """Hides an app from everyone but its author (who sees the reason) and maintainers."""
        return self._move(actor, slug, "hidden", "app.hide", reason, note, now)

    def unhide(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        return self._move(actor, slug, "published", "app.unhide", reason, note, now)

    def reject(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> AppView:
        """Rejects with a reason the author sees (required)."""
        return self._move(actor, slug, "rejected", "app.reject", reason, note, now)

    def delete(
        self, actor: UserView, slug: str, reason: str = "", note: str = "", *, now: dt.datetime | None = None
    ) -> None:
        """Deletes an app with its versions, likes and reports; files no other version uses go too."""
        with self.ctx.tx() as session:
            acting = require_maintainer(session, actor, "delete apps")
            code, note = need_reason(reason, note)
            row = self._app(session, slug)
            digests = set(session.scalars(select(AppVersion.digest).where(AppVersion.app_id == row.id)))
            details = {"title": row.title, "versions": row.latest_version, "author_id": row.author_id,
                       "reason": code, "note": note}  # fmt: skip
            session.delete(row)
            record(session, acting, "app.delete", "app", slug, details, now=now)
        with self.ctx.sessions() as session:
            for digest in digests:
                if not session.scalar(select(exists().where(AppVersion.digest == digest))):
                    self.ctx.files.remove(digest)

    def apps(
        self,
        actor: UserView,
        query: str = "",
        *,
        state: str | None = None,
        reported: bool | None = None,
        language: str | None = None,
        kind: str | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> Page:
        """Every app in any state, newest change first: ``query`` matches title, tags, description and author."""
        page, page_size = max(1, int(page)), min(100, max(1, int(page_size)))
        statement = select(App).outerjoin(User, User.id == App.author_id)
        for column, value in ((App.state, state), (App.language, language), (App.kind, kind)):
            if value:
                statement = statement.where(column == value)
        if reported is not None:
            is_reported = exists().where(Report.app_id == App.id, Report.state == "open")
            statement = statement.where(is_reported if reported else ~is_reported)
        if query.strip():
            terms = query_terms(query)
            if not terms:
                return Page(items=[], total=0, page=page, page_size=page_size)
            for term in terms:
                statement = statement.where(
                    or_(App.search_text.like(f"%{term.text}%"), func.lower(User.username).like(f"%{term.text}%"))
                )
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "list apps")
            total = session.scalar(statement.with_only_columns(func.count(App.id)).order_by(None)) or 0
            rows = list(
                session.scalars(
                    statement.order_by(App.updated_at.desc(), App.id.desc())
                    .limit(page_size)
                    .offset((page - 1) * page_size)
                )
            )
            return Page(items=app_views(session, rows, self._base), total=total, page=page, page_size=page_size)

    def open_reports(self, actor: UserView, slugs: list[str]) -> dict[str, int]:
        """How many open reports each of ``slugs`` has (those with none are left out)."""
        with self.ctx.sessions() as session:
            require_maintainer(session, actor, "see reports")
            rows = session.execute(
                select(App.slug, func.count(Report.id))
                .join(Report, Report.app_id == App.id)
                .where(App.slug.in_(slugs), Report.state == "open")
                .group_by(App.slug)
            ).all()
            return {slug: int(count) for slug, count in rows}

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
            entries = list(session.scalars(statement))
            slugs = {e.target for e in entries if e.target_type == "app"}
            titles = dict(session.execute(select(App.slug, App.title).where(App.slug.in_(slugs))).all())
            return [_audit_view(e, titles) for e in entries]


def need_reason(reason: str, note: str = "") -> tuple[str, str]:
    """(code, words) of a curation reason: a code of ``REASONS`` (free text alone counts as "other");
    refused when there is none, or "other" comes without words."""
    reason, note = (reason or "").strip(), " ".join((note or "").split())[:1000]
    if reason in REASONS:
        code = reason
    elif reason:
        code, note = "other", " ".join(f"{reason} {note}".split())[:1000]
    else:
        raise UserError(
            "Choose a reason (personal data, inappropriate, broken, spam, copyright, other…) and add a few words: "
            "the author sees it, and it goes into the audit log.",
            "请选择理由（个人信息、内容不适当、无法使用、垃圾信息、版权、其他……）并简单说明：作者会看到，也会记入操作记录。",
        )
    if code == "other" and not note:
        raise UserError("With “Other”, say in a few words why.", "选择“其他”时，请简单写明原因。")
    return code, note


def _audit_view(entry: AuditEntry, titles: dict[str, str]) -> AuditView:
    details = dict(entry.details or {})
    said = str(details.get("reason") or "")
    code = said if said in REASONS else ""
    note = str(details.get("note") or ("" if code else said) or details.get("resolution") or "")
    title = titles.get(entry.target) or str(details.get("title") or "") if entry.target_type == "app" else ""
    return AuditView(
        actor=entry.actor_name,
        action=entry.action,
        target_type=entry.target_type,
        target=entry.target,
        details=details,
        created_at=entry.created_at,
        title=title,
        reason_code=code,
        note=note,
    )  # fmt: skip
