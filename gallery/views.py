"""What the gallery hands out: plain pydantic values, never live database rows."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from flashapps.report import VerifyReport
from flashapps.spec import AppSpec
from gallery.privacy import PrivacyFinding

__all__ = [
    "REASONS",
    "AppView",
    "AuditView",
    "Inspection",
    "Page",
    "QueueItem",
    "RemixDraft",
    "ReportView",
    "UserView",
    "VersionView",
    "join_reason",
    "reason_label",
    "split_reason",
]

Role = Literal["maker", "maintainer"]
State = Literal["pending", "published", "featured", "hidden", "rejected", "class"]

REASONS: dict[str, dict[str, str]] = {
    "personal_data": {"en": "Collects or shows personal data", "zh-Hans": "收集或展示个人信息",
                      "zh-Hant": "收集或展示個人資料"},
    "inappropriate": {"en": "Inappropriate content", "zh-Hans": "内容不适当", "zh-Hant": "內容不適當"},
    "broken": {"en": "Does not work", "zh-Hans": "无法正常使用", "zh-Hant": "無法正常使用"},
    "spam": {"en": "Spam or advertising", "zh-Hans": "垃圾信息或广告", "zh-Hant": "垃圾訊息或廣告"},
    "copyright": {"en": "Copies someone else's work", "zh-Hans": "侵犯他人版权", "zh-Hant": "侵犯他人版權"},
    "checked": {"en": "Checked: nothing wrong", "zh-Hans": "已检查，没有问题", "zh-Hant": "已檢查，沒有問題"},
    "good_example": {"en": "A good example for others", "zh-Hans": "值得推荐的好例子", "zh-Hant": "值得推薦的好例子"},
    "other": {"en": "Other", "zh-Hans": "其他", "zh-Hant": "其他"},
}  # fmt: skip
"""Why a maintainer acts on an app: the author and the audit log show the label in the reader's language."""


def reason_label(code: str, language: str = "en") -> str:
    """``code``'s label in ``language`` (en, zh, zh-Hans, zh-Hant); an unknown code as it is."""
    labels = REASONS.get(code)
    if labels is None:
        return code
    if language == "zh":
        language = "zh-Hans"
    return labels.get(language, labels["en"])


def join_reason(code: str, note: str) -> str:
    """How a reason is stored in ``apps.reject_reason``: ``[code] words``."""
    return f"[{code}] {note}".strip() if code else note


def split_reason(stored: str) -> dict[str, str]:
    """``reject_reason`` and ``reason_code`` of an AppView from the stored ``[code] words`` (or older plain words)."""
    stored = stored or ""
    if stored.startswith("["):
        code, _, note = stored[1:].partition("]")
        if code in REASONS:
            return {"reason_code": code, "reject_reason": note.strip()}
    return {"reason_code": "", "reject_reason": stored}


def _reason_text(code: str, note: str, language: str) -> str:
    label = reason_label(code, language) if code else ""
    return " — ".join(part for part in (label, note) if part)


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
    reason_code: str = Field(default="", description="why a maintainer last moved it: a key of REASONS")
    author: str | None
    remixed_from: str | None = Field(default=None, description="slug of the app this one remixes")
    remixed_from_version: int | None = None
    like_count: int = 0
    remix_count: int = 0
    latest_version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    share_url: str

    def reason(self, language: str = "en") -> str:
        """Why a maintainer hid, rejected or held it, for its author: the label in ``language``, then the words."""
        return _reason_text(self.reason_code, self.reject_reason, language)


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
    title: str = Field(default="", description="the app's title (now, or when it was deleted)")
    reason_code: str = ""
    note: str = ""

    def reason(self, language: str = "en") -> str:
        """The reason in ``language``: its label, then the maintainer's words."""
        return _reason_text(self.reason_code, self.note, language)
