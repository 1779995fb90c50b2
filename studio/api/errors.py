"""The API's refusals: a status, a message in English and Chinese, and headers (``Retry-After``).

Errors the use cases raise (``UserError`` and its kinds) keep their own words; only the status is chosen here.
"""

from __future__ import annotations

from flashapps.errors import IdeaError, UserError
from gallery.errors import Conflict, Forbidden, NotFound
from studio.limits import TooSoon
from workshop.jobs import Busy
from workshop.makers import NotYourDraft

__all__ = ["ApiError", "from_user_error"]

BUSY_RETRY_S = 10
"""When a maker already has as many jobs queued or running as allowed, when to ask again."""


class ApiError(Exception):
    """A refusal with its status; ``messages`` in en and zh."""

    def __init__(self, status: int, en: str, zh: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(en)
        self.status = status
        self.messages = {"en": en, "zh": zh}
        self.headers = headers or {}

    @classmethod
    def unauthorized(cls) -> ApiError:
        return cls(
            401,
            "Send an API token as 'Authorization: Bearer <token>'. Make one on your account page in the studio; "
            "a revoked or mistyped token does not work.",
            "请以 'Authorization: Bearer <令牌>' 发送 API 令牌。可以在工作室的账户页面创建；已撤销或写错的令牌无效。",
            {"WWW-Authenticate": 'Bearer realm="flashapps"'},
        )

    @classmethod
    def bad_json(cls, detail: str) -> ApiError:
        return cls(400, f"The request body is not the JSON this address takes: {detail}",
                   f"请求正文不是这个地址接受的 JSON：{detail}")  # fmt: skip

    @classmethod
    def not_found(cls, what: str, key: str) -> ApiError:
        zh = {"job": "任务", "draft": "草稿", "app": "应用"}.get(what, what)
        return cls(404, f"There is no {what} {key!r} here.", f"这里没有{zh} {key!r}。")

    @classmethod
    def too_many(cls, limit: int, retry_after: int) -> ApiError:
        return cls(
            429,
            f"This token has made {limit} requests in the last minute, the most allowed. "
            f"Please wait {retry_after} seconds.",
            f"这个令牌在过去一分钟里已经发出 {limit} 个请求，达到上限。请等 {retry_after} 秒。",
            {"Retry-After": str(retry_after)},
        )


def from_user_error(error: UserError) -> ApiError:
    """The status for a use case's refusal; its words stay as they are."""
    headers: dict[str, str] = {}
    if isinstance(error, TooSoon):
        status, headers = 429, {"Retry-After": str(error.retry_after)}
    elif isinstance(error, Busy):  # the maker's own jobs at once: one ends within seconds
        status, headers = 429, {"Retry-After": str(BUSY_RETRY_S)}
    elif isinstance(error, IdeaError):
        status = 422
    elif isinstance(error, NotFound):
        status = 404
    elif isinstance(error, (NotYourDraft, Forbidden)):
        status = 403
    elif isinstance(error, Conflict):
        status = 409
    else:
        status = 409  # the rest say what to do first (wait for the check, confirm privacy, sign in)
    return ApiError(status, error.messages["en"], error.messages["zh"], headers)
