"""Gallery errors: all ``UserError`` (en + zh), some also standard exceptions for callers that test for them."""

from __future__ import annotations

from flashapps.errors import UserError

__all__ = ["Conflict", "Forbidden", "NotFound", "UserError"]


class NotFound(UserError, LookupError):
    """No such app, version, user or report, or the viewer may not see it (the same answer)."""

    def __init__(self, what: str = "app", key: str = "") -> None:
        zh = {"app": "应用", "version": "版本", "user": "用户", "report": "举报"}.get(what, what)
        super().__init__(
            f"There is no {what} {key!r} here (or it is not public). Check the link.",
            f"找不到{zh} {key!r}（或它未公开）。请检查链接。",
        )


class Forbidden(UserError, PermissionError):
    """The acting user may not do this (a role check in the service layer)."""

    def __init__(self, action: str, needs: str = "maintainer") -> None:
        who_en, who_zh = (
            ("a maintainer", "维护者") if needs == "maintainer" else ("its author or a maintainer", "作者或维护者")
        )
        super().__init__(
            f"Only {who_en} may {action}. Ask a maintainer if you think this is wrong.",
            f"只有{who_zh}可以执行此操作（{action}）。如有疑问请联系维护者。",
        )
        self.action = action


class Conflict(UserError):
    """The request clashes with what is stored (a taken username, a duplicate version)."""
