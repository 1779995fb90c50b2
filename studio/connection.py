"""The settings page's checks: one short call to a model endpoint, and the local models known (no Streamlit here)."""

from __future__ import annotations

import json
from typing import Any

from flashapps.errors import UserError

__all__ = ["key_for", "local_models", "same_endpoint", "test_connection"]


def same_endpoint(first: str | None, second: str | None) -> bool:
    """Whether two base URLs name the same endpoint (surrounding spaces and a trailing slash aside)."""
    return (first or "").strip().rstrip("/") == (second or "").strip().rstrip("/")


def key_for(saved_url: str | None, saved_key: str | None, base_url: str | None, typed: str | None) -> str | None:
    """The key a test or a save may use: the one just typed, else the saved one, but only while the base URL
    is still the one it was saved with. A newly typed address never receives the saved key (it could be
    anyone's server); the key has to be typed again for it."""
    if typed:
        return typed
    return saved_key if saved_key and same_endpoint(saved_url, base_url) else None


def test_connection(provider: str, base_url: str, model: str, api_key: str | None) -> tuple[bool, str, str]:
    """One short call to the endpoint (its model list): (ok, en, zh). Never echoes the key."""
    if provider == "offline":
        return True, "The offline planner needs no connection: ready.", "离线规划器不需要连接：已就绪。"
    if provider == "local":
        from generator.localmodel import readiness

        try:
            return readiness(model or None)  # the model server and the model file, checked without loading it
        except UserError as exc:  # an unknown model name
            return False, exc.message("en"), exc.message("zh")
    url = (base_url or "").rstrip("/")
    if not url.startswith(("http://", "https://")):
        return False, "The base URL must start with http:// or https://.", "接口地址必须以 http:// 或 https:// 开头。"
    status, names = _models(url, api_key)
    if status == 0:
        return (
            False,
            f"Cannot reach {url} (or it did not answer within 10 s). Check the address (with /v1) and that the "
            "server runs.",
            f"无法连接 {url}（或 10 秒内没有回应）。请检查地址（包括 /v1）以及服务是否在运行。",
        )
    if status in (401, 403):
        return False, f"{url} refused the API key (HTTP {status}).", f"{url} 拒绝了 API 密钥（HTTP {status}）。"
    if status >= 400:
        return (False, f"{url} answered HTTP {status}; check that the base URL ends in /v1.",
                f"{url} 返回 HTTP {status}；请检查接口地址是否以 /v1 结尾。")  # fmt: skip
    if model and names and model not in names:
        return (True, f"Connected to {url}, but it lists no model {model!r} (it has: {', '.join(names[:5])}).",
                f"已连接 {url}，但它没有列出模型 {model!r}（已有：{', '.join(names[:5])}）。")  # fmt: skip
    return True, f"Connected to {url}: model {model or '?'} is available.", f"已连接 {url}：模型 {model or '?'} 可用。"


def local_models() -> list[dict[str, Any]]:
    """The local models this studio knows (``generator.localmodel.catalogue``): name, title, size, installed."""
    from generator.localmodel import catalogue

    return catalogue()


def _models(url: str, api_key: str | None) -> tuple[int, list[str]]:
    """(HTTP status, model ids) of ``GET {url}/models``; status 0 when nothing answered."""
    import urllib.error
    import urllib.request

    headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
    request = urllib.request.Request(f"{url}/models", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            body = json.loads(response.read(1_000_000) or b"{}")
            return int(response.status), [str(item.get("id")) for item in body.get("data", [])]
    except urllib.error.HTTPError as exc:
        exc.close()
        return exc.code, []
    except (OSError, ValueError, AttributeError):
        return 0, []
