"""Gallery errors: all ``UserError`` (en + zh), some also standard exceptions for callers that test for them."""

from __future__ import annotations

from flashapps.errors import UserError

__all__ = ["Conflict", "Forbidden", "NotFound", "Unavailable", "UserError"]


class NotFound(UserError, LookupError):
    """No such app, version, user or report, or the viewer may not see it (the same answer)."""

    def __init__(self, what: str = "app", key: str = "") -> None:
        zh = {"app": "应用", "version": "版本", "user": "用户", "report": "举报"}.get(what, what)
        super().__init__(
            f"There is no {what} {key!r} here (or it is not public). Check the link.",
            f"找不到{zh} {key!r}（或它未公开）。请检查链接。",
        )


class Unavailable(NotFound):
    """The app exists but is not public now (hidden, waiting for review, rejected): its link says so."""

    _WHY = {
        "hidden": ("a maintainer has hidden it", "维护者已将其隐藏"),
        "pending": ("it is waiting for a maintainer's review", "它正在等待维护者审核"),
        "rejected": ("a maintainer did not accept it", "维护者未通过它"),
        "class": ("it is shared with one class only", "它只对一个班级开放"),
    }

    def __init__(self, key: str, state: str) -> None:
        en, zh = self._WHY.get(state, ("it is not public", "它未公开"))
        told = state in ("hidden", "rejected")
        UserError.__init__(
            self,
            f"This app ({key}) is not available right now: {en}." + (" Its author can see why." if told else ""),
            f"这个应用（{key}）暂时无法使用：{zh}。" + ("作者可以看到原因。" if told else ""),
        )
        self.state = state


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
