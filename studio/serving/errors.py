"""What the runner says when an app cannot be served: each a UserError in English and Chinese, and the proxy's
status code follows from its class."""

from __future__ import annotations

from gallery.errors import UserError

__all__ = ["AppNotServed", "AppStartFailed", "RunnerBusy", "RunnerUnavailable", "WaitingForRoom"]


class AppNotServed(UserError, LookupError):
    def __init__(self, key: str) -> None:
        super().__init__(
            f"There is no app {key!r} to open here (it may be hidden or removed). Check the link.",
            f"这里没有可打开的应用 {key!r}（可能已隐藏或删除）。请检查链接。",
        )


class RunnerBusy(UserError):
    def __init__(self, running: int) -> None:
        super().__init__(
            f"Too many apps are running right now ({running}). Try again in a minute.",
            f"当前运行的应用太多（{running} 个）。请一分钟后再试。",
        )


class WaitingForRoom(UserError):
    """Not a refusal: what the short queue's page says while it waits for a place (it tries again by itself)."""

    def __init__(self, running: int, every_s: float) -> None:
        super().__init__(
            f"Every place for apps is taken right now ({running} apps are running). Please wait: this page "
            f"tries again by itself every {every_s:.0f} seconds and opens the app as soon as a place is free.",
            f"当前所有应用位置都已占用（{running} 个应用正在运行）。请稍候：本页面每 {every_s:.0f} 秒自动重试，"
            "一有空位就会打开应用。",
        )


class AppStartFailed(UserError):
    def __init__(self, key: str, why: str) -> None:
        super().__init__(
            f"The app {key!r} could not start ({why}). Try again; if it keeps failing, report the app.",
            f"应用 {key!r} 无法启动（{why}）。请重试；如果一直失败，请举报这个应用。",
        )


class RunnerUnavailable(UserError):
    def __init__(self, why: str) -> None:
        super().__init__(
            f"Apps cannot run on this machine: {why}. Start a Docker engine (make engine) or install bubblewrap.",
            "这台机器无法运行应用（没有可用的沙箱）。请启动 Docker（make engine）或安装 bubblewrap。",
        )
