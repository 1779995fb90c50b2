"""What the gallery hands out: plain pydantic values, never live database rows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from flashapps.report import VerifyReport
from flashapps.spec import AppSpec
from gallery.privacy import PrivacyFinding

__all__ = [
    "AppView",
    "AuditView",
    "Inspection",
    "Page",
    "QueueItem",
    "RemixDraft",
    "ReportView",
    "UserView",
    "VersionView",
]

Role = Literal["maker", "maintainer"]
State = Literal["pending", "published", "featured", "hidden", "rejected", "class"]


class _View(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UserView(_View):
    id: int
    username: str
    role: Role

    @property
    def is_maintainer(self) -> bool:
        return self.role == "maintainer"


class AppView(_View):
    slug: str
    title: str
    description: str
    tags: list[str]
    category: str
    language: str
    kind: Literal["app", "game"]
    state: State
    reject_reason: str = ""
    author: str | None
    remixed_from: str | None = Field(default=None, description="slug of the app this one remixes")
    remixed_from_version: int | None = None
    like_count: int = 0
    remix_count: int = 0
    latest_version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    share_url: str


class VersionView(_View):
    slug: str
    number: int
    spec: AppSpec
    files: list[str]
    digest: str
    verify_report: VerifyReport
    privacy_findings: list[PrivacyFinding]
    created_by: str | None
    created_at: dt.datetime


class Page(_View):
    items: list[AppView]
    total: int
    page: int
    page_size: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.page_size))


class RemixDraft(_View):
    """A published app's spec to start a new app from; publish it with ``remix_of=(slug, version)``."""

    spec: AppSpec
    source_slug: str
    source_version: int


class ReportView(_View):
    id: int
    slug: str
    title: str
    reason: str
    reporter: str | None
    state: Literal["open", "closed"]
    resolution: str
    created_at: dt.datetime


class QueueItem(_View):
    app: AppView
    privacy_findings: list[PrivacyFinding]
    open_reports: int


class Inspection(_View):
    """Everything a maintainer looks at: spec, code, verify report, privacy findings."""

    app: AppView
    version: VersionView
    code: dict[str, str]


class AuditView(_View):
    actor: str
    action: str
    target_type: str
    target: str
    details: dict[str, Any]
    created_at: dt.datetime
