"""Publishing, versions, sharing, likes, reports and remixes: the gallery as makers use it.

``publish`` is all or nothing: files go to a staging folder, rows go in one transaction,
then the folder is renamed into the content-addressed store (see ``store.py``).
"""

from __future__ import annotations

import base64
import datetime as dt
import io
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import qrcode
from pydantic import ValidationError
from sqlalchemy import exists, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from flashapps.spec import AppSpec
from gallery.context import GalleryContext, app_views, can_see, find_version, load_actor, record, version_view
from gallery.errors import Forbidden, NotFound, Unavailable, UserError
from gallery.files import Staged, crash_point
from gallery.models import App, AppVersion, Like, Report, User, utcnow
from gallery.privacy import PrivacyFinding, describe_findings, scan_spec
from gallery.tokens import search_text
from gallery.views import AppView, RemixDraft, UserView, VersionView

__all__ = ["Apps", "new_slug", "normalise_tags"]

_REQUIRED_FILES = ("app.py", "requirements.txt", "spec.json")


def new_slug() -> str:
    """8 characters of base32 (40 random bits), lower case: short enough to type from a slide."""
    return base64.b32encode(secrets.token_bytes(5)).decode().lower()


def normalise_tags(tags: Iterable[str]) -> list[str]:
    cleaned = (" ".join(str(tag).split())[:30] for tag in tags)
    return list(dict.fromkeys(tag for tag in cleaned if tag))[:10]


def _need_user(actor: UserView | None, action: str) -> UserView:
    if actor is None:
        raise UserError(f"Sign in to {action}.", "请先登录。")
    return actor


def _refuse_unverified(report: VerifyReport) -> None:
    if not report.passed:
        raise UserError(
            f"Only an app whose latest check passed can be published ({report.summary('en')}). "
            "Fix what the check found, verify again, then publish.",
            f"只有最近一次检查通过的应用才能发布（{report.summary('zh')}）。请修复问题、重新检查后再发布。",
        )


def _read_bundle(files: dict[str, bytes]) -> AppSpec:
    missing = [name for name in _REQUIRED_FILES if name not in files]
    if missing:
        raise UserError(f"This is not a complete app bundle (missing {missing}).", f"应用包不完整（缺少 {missing}）。")
    try:
        return AppSpec.from_json(files["spec.json"].decode("utf-8"))
    except (ValidationError, UnicodeDecodeError) as error:
        raise UserError(f"The bundle's spec.json is not valid: {error}", "应用包中的 spec.json 无效。") from None


def _refuse_private(findings: list[PrivacyFinding], confirmed: bool) -> None:
    if findings and not confirmed:
        raise UserError(
            "This app would collect personal data:\n" + describe_findings(findings, "en") +
            "\nMake sure that is needed and that its users agree, then publish again confirming it.",
            "这个应用会收集个人信息：\n" + describe_findings(findings, "zh") +
            "\n请确认确有必要且使用者知情同意，然后确认后再发布。",
        )  # fmt: skip


class Apps:
    """The maker's side of the gallery; every method takes the acting user (None: anonymous)."""

    def __init__(self, ctx: GalleryContext) -> None:
        self.ctx = ctx

    # -- publish ---------------------------------------------------------------------------
    def publish(
        self,
        actor: UserView | None,
        bundle: AppBundle | Path,
        report: VerifyReport,
        *,
        app: str | None = None,
        title: str | None = None,
        description: str | None = None,
        tags: Sequence[str] | None = None,
        confirm_privacy: bool = False,
        remix_of: tuple[str, int] | None = None,
        now: dt.datetime | None = None,
    ) -> AppView:
        """Publishes a verified bundle as a new app, or as the next version of ``app`` (a slug).

        The title follows the spec unless given; a new version keeps the app's description and
        tags unless new ones are given.
        """
        author = _need_user(actor, "publish")
        _refuse_unverified(report)
        files = self.ctx.files.collect(bundle.path if isinstance(bundle, AppBundle) else Path(bundle))
        if isinstance(bundle, AppBundle) and bundle.digest and self.ctx.files.digest(files) != bundle.digest:
            raise UserError(
                "The app's files changed after they were checked. Check it again, then publish.",
                "应用的文件在检查之后被改动过。请重新检查后再发布。",
            )
        spec = _read_bundle(files)
        findings = scan_spec(spec)
        _refuse_private(findings, confirm_privacy)
        meta = {
            "title": (title or spec.brief.title).strip()[:200],
            "description": None if description is None else description[:4000],
            "tags": None if tags is None else normalise_tags(tags),
            "category": spec.brief.category,
            "language": spec.brief.language,
            "kind": spec.brief.kind,
        }
        now = now or utcnow()
        with self.ctx.files.stage(files) as staged:
            crash_point("staged")
            for attempt in range(5):
                try:
                    with self.ctx.tx() as session:
                        slug = self._rows(session, author, staged, spec, report, findings, meta, app, remix_of, now)
                        crash_point("rows")
                    break
                except IntegrityError:
                    if app is not None or attempt == 4:
                        raise
            crash_point("committed")
            self.ctx.files.finish(staged)
            crash_point("renamed")
        return self.get_by_slug(slug, author)

    def _rows(
        self, session: Session, actor: UserView, staged: Staged, spec: AppSpec, report: VerifyReport,
        findings: list[PrivacyFinding], meta: dict[str, Any], slug: str | None, remix_of: tuple[str, int] | None,
        now: dt.datetime,
    ) -> str:  # fmt: skip
        user = load_actor(session, actor)
        assert user is not None
        maintainer = user.role == "maintainer"
        review = self.ctx.settings.review_first and not maintainer
        if slug is None:
            row = App(slug=new_slug(), state="pending" if review else "published", author_id=user.id,
                      created_at=now, reject_reason="", like_count=0, remix_count=0, latest_version=0)  # fmt: skip
            if remix_of is not None:
                source = self._visible(session, remix_of[0], user)
                if not session.scalar(select(exists().where(AppVersion.app_id == source.id,
                                                            AppVersion.number == remix_of[1]))):  # fmt: skip
                    raise NotFound("version", f"{remix_of[0]} v{remix_of[1]}")
                row.remixed_from_app_id, row.remixed_from_version = source.id, remix_of[1]
                session.execute(update(App).where(App.id == source.id).values(remix_count=App.remix_count + 1))
            session.add(row)
            action = "app.publish"
        else:
            row = self._visible(session, slug, user)
            if row.author_id != user.id and not maintainer:
                raise Forbidden("add a version to someone else's app", needs="author")
            if row.state in ("rejected", "hidden") or (review and row.state in ("published", "featured")):
                row.state = "pending"
            if row.state != "featured":
                row.featured_at = None
            action = "app.new_version"
        defaults = {"description": spec.brief.value, "tags": []} if slug is None else {}
        for key, value in meta.items():
            if value is not None or key in defaults:
                setattr(row, key, defaults.get(key) if value is None else value)
        row.search_text = search_text(row.title, row.description, row.tags)
        row.latest_version += 1
        row.updated_at = now
        session.flush()
        session.add(
            AppVersion(app_id=row.id, number=row.latest_version, spec=spec.model_dump(mode="json"),
                       digest=staged.digest, files=staged.files, verify_report=report.model_dump(mode="json"),
                       privacy_findings=[f.model_dump() for f in findings], created_by=user.id, created_at=now)
        )  # fmt: skip
        details = {"version": row.latest_version, "digest": staged.digest, "privacy_findings": len(findings)}
        if remix_of is not None and slug is None:
            details["remixed_from"] = f"{remix_of[0]} v{remix_of[1]}"
        record(session, user, action, "app", row.slug, details, now=now)
        session.flush()
        return row.slug

    # -- reading ---------------------------------------------------------------------------
    def _visible(self, session: Session, slug: str, viewer: User | None) -> App:
        row = session.scalar(select(App).where(App.slug == slug))
        if row is None:
            raise NotFound("app", slug)
        if not can_see(row, viewer):
            raise Unavailable(slug, row.state)
        return row

    def get_by_slug(self, slug: str, viewer: UserView | None = None) -> AppView:
        """The app behind a share link; hidden, pending and rejected apps only for author and maintainers."""
        with self.ctx.sessions() as session:
            row = self._visible(session, slug, load_actor(session, viewer))
            return app_views(session, [row], self.ctx.settings.share_base_url)[0]

    def get_version(self, slug: str, number: int | None = None, viewer: UserView | None = None) -> VersionView:
        """One version (the latest when ``number`` is None); every version stays reachable."""
        with self.ctx.sessions() as session:
            row = self._visible(session, slug, load_actor(session, viewer))
            return version_view(session, row, find_version(session, row, number))

    def versions(self, slug: str, viewer: UserView | None = None) -> list[VersionView]:
        with self.ctx.sessions() as session:
            row = self._visible(session, slug, load_actor(session, viewer))
            found = session.scalars(select(AppVersion).where(AppVersion.app_id == row.id).order_by(AppVersion.number))
            return [version_view(session, row, version) for version in found]

    def download_zip(self, slug: str, number: int | None = None, viewer: UserView | None = None) -> bytes:
        """A version as a zip that runs on its own (``pip install -r requirements.txt``, ``streamlit run``)."""
        version = self.get_version(slug, number, viewer)
        link = self.ctx.share_url(slug)
        zh = version.spec.brief.language.startswith("zh")
        note = f"## 分享\n\n在手机上打开：{link}" if zh else f"## Share\n\nOpen it on a phone: {link}"
        return self.ctx.files.zip(version.digest, version.files, f"{slug}-v{version.number}", note)

    def share_url(self, slug: str) -> str:
        return self.ctx.share_url(slug)

    def qr_png(self, slug: str, viewer: UserView | None = None) -> bytes:
        """A QR code (PNG) of the app's share link."""
        self.get_by_slug(slug, viewer)
        image = qrcode.make(self.ctx.share_url(slug), box_size=8, border=2)
        buffer = io.BytesIO()
        image.save(buffer)
        return buffer.getvalue()

    def my_apps(self, actor: UserView) -> list[AppView]:
        """Everything the actor published, in any state, newest first."""
        with self.ctx.sessions() as session:
            rows = session.scalars(select(App).where(App.author_id == actor.id).order_by(App.created_at.desc()))
            return app_views(session, rows, self.ctx.settings.share_base_url)

    # -- remix, likes, reports -------------------------------------------------------------
    def remix(self, slug: str, version: int | None = None, viewer: UserView | None = None) -> RemixDraft:
        """A copy of a version's spec to start a new app from; its lineage is kept when it is published."""
        found = self.get_version(slug, version, viewer)
        return RemixDraft(spec=found.spec, source_slug=slug, source_version=found.number)

    def like(self, actor: UserView | None, slug: str, *, now: dt.datetime | None = None) -> int:
        """Likes an app once per user (liking again changes nothing); returns the like count."""
        user_view = _need_user(actor, "like apps")
        try:
            with self.ctx.tx() as session:
                row = self._visible(session, slug, load_actor(session, user_view))
                if not session.scalar(select(exists().where(Like.app_id == row.id, Like.user_id == user_view.id))):
                    session.add(Like(app_id=row.id, user_id=user_view.id, created_at=now or utcnow()))
                    session.execute(update(App).where(App.id == row.id).values(like_count=App.like_count + 1))
        except IntegrityError:
            pass  # a concurrent like by the same user won
        return self.get_by_slug(slug, user_view).like_count

    def unlike(self, actor: UserView | None, slug: str) -> int:
        user_view = _need_user(actor, "like apps")
        with self.ctx.tx() as session:
            row = self._visible(session, slug, load_actor(session, user_view))
            like = session.scalar(select(Like).where(Like.app_id == row.id, Like.user_id == user_view.id))
            if like is not None:
                session.delete(like)
                session.execute(update(App).where(App.id == row.id).values(like_count=App.like_count - 1))
        return self.get_by_slug(slug, user_view).like_count

    def report(self, actor: UserView | None, slug: str, reason: str, *, now: dt.datetime | None = None) -> int:
        """Reports an app to the maintainers (no account needed); returns the report's number."""
        reason = reason.strip()
        if not 1 <= len(reason) <= 2000:
            raise UserError("Say in a few words what is wrong (at most 2000 characters).",
                            "请简单说明问题（最多 2000 个字符）。")  # fmt: skip
        with self.ctx.tx() as session:
            reporter = load_actor(session, actor)
            row = self._visible(session, slug, reporter)
            found = Report(app_id=row.id, reporter_id=reporter.id if reporter else None, reason=reason,
                           state="open", resolution="", created_at=now or utcnow())  # fmt: skip
            session.add(found)
            session.flush()
            return found.id
