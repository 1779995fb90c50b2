"""What the JSON API takes and gives: the pydantic models the handlers use and the OpenAPI description is
built from (studio/api/openapi.py), so the two cannot drift apart."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AppInfo",
    "AppList",
    "Cancelled",
    "CreateRequest",
    "DraftResult",
    "EditRequest",
    "ErrorResponse",
    "JobView",
    "LeftOutPart",
    "Message",
    "PublishRequest",
    "Published",
    "Stage",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Message(_Model):
    """One message in English and in Chinese."""

    en: str
    zh: str


class ErrorResponse(_Model):
    """Every refusal: what went wrong and what to do, in English and Chinese."""

    error: Message


class CreateRequest(_Model):
    idea: str = Field(description="one or two sentences saying what the app is for (the studio's length limit holds)")


class EditRequest(_Model):
    sentence: str = Field(description="a follow-up sentence saying what to change")


class PublishRequest(_Model):
    title: str | None = Field(default=None, max_length=200, description="the gallery title; default: the app's")
    description: str | None = Field(default=None, max_length=2000)
    confirm_privacy: bool = Field(
        default=False, description="publish even though the app asks for personal details (the studio asks first)"
    )


class Stage(_Model):
    """One step of a job that has finished."""

    stage: str = Field(description="value, data, feedback, screens, logic, key_paths, render or verify")
    summary: str = Field(description="one line in the idea's language")
    elapsed_ms: float = Field(description="how long this step took")
    ok: bool = True


class LeftOutPart(_Model):
    """A part of the idea this app does not do, and why (in the app's language)."""

    part: str
    reason: str


class DraftResult(_Model):
    """The draft a finished job made or changed."""

    draft_id: str
    version: int
    title: str
    language: str
    left_out: list[LeftOutPart] = Field(default_factory=list)
    passed: bool | None = Field(description="whether the version passed its check in the sandbox; null: not checked")
    changes: list[str] = Field(default_factory=list, description="what a follow-up changed")
    not_done: list[str] = Field(default_factory=list, description="what a follow-up asked that was not made, and why")
    draft_url: str = Field(description="the draft's live preview")
    studio_url: str = Field(description="the draft's page in the studio")


class JobView(_Model):
    """A job (making or changing a draft) and how far it has got."""

    id: str
    kind: str = Field(description="create or edit")
    status: str = Field(description="queued, running, done, failed or cancelled")
    position: int | None = Field(default=None, description="its place in the queue while it waits: 1 is next to start")
    message: Message | None = Field(default=None, description="while it waits: please wait, and how many are ahead")
    stages: list[Stage] = Field(default_factory=list)
    elapsed_ms: float = Field(description="time since the job was asked for, or until it ended")
    result: DraftResult | None = None
    error: Message | None = None
    created_at: dt.datetime
    url: str = Field(description="where to follow this job")


class Cancelled(_Model):
    id: str
    cancelled: bool = Field(description="false when the job had already started or ended")
    status: str


class AppInfo(_Model):
    """A published app in the gallery."""

    slug: str
    title: str
    description: str
    language: str
    kind: str
    category: str
    tags: list[str]
    author: str | None
    latest_version: int
    like_count: int
    remix_count: int
    share_url: str = Field(description="the link a class opens: the app full-screen, no account needed")
    created_at: dt.datetime
    updated_at: dt.datetime


class Published(_Model):
    slug: str
    version: int
    state: str = Field(description="published, or pending when a maintainer reviews it first")
    share_url: str
    app: AppInfo


class AppList(_Model):
    items: list[AppInfo]
    total: int
    page: int
    page_size: int
