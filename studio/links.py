"""Links that reach the room: the public address, this host's LAN address, and loopback warnings.

Every share link, QR code and printed address starts from ``public_base``: ``FLASHAPPS_PUBLIC_URL`` when
set (behind a proxy, or a name on the school network), else the address the request came to. When that
is a loopback address and the studio listens on every interface, this host's LAN address takes its place,
so a phone in the room can open the link. The LAN address is read from this host's own interfaces
(``ip -j addr``); nothing is contacted to find it.
"""

from __future__ import annotations

import ipaddress
import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from urllib.parse import urlsplit

from flashapps.settings import Settings

__all__ = [
    "app_address",
    "apps_base",
    "apps_frame_source",
    "apps_port",
    "is_loopback",
    "lan_addresses",
    "lan_url",
    "listening",
    "loopback_warning",
    "public_base",
    "request_base",
    "start_lines",
    "studio_origins",
    "visit_path",
]

_VIRTUAL = ("docker", "br-", "veth", "virbr", "cni", "flannel", "podman", "lo")
_LISTEN: dict[str, object] = {}


KEY_FIELD = "{key}"
"""In ``FLASHAPPS_APPS_URL``: where each app's key goes (``https://{key}.apps.example.org``), one origin per app."""


def listening(host: str, port: int, apps: int | None = None) -> None:
    """What the server listens on (studio/server.py sets it), so pages know whether the LAN can reach it,
    and on which port the apps' origin is (``apps``, default the next port)."""
    _LISTEN.update(host=host, port=port, apps_port=apps or port + 1)


def apps_port(studio_port: int | None = None) -> int:
    """The port the apps' origin listens on: the one the server was given, else the studio's port + 1."""
    known = _LISTEN.get("apps_port")
    if known is not None and (studio_port is None or studio_port == _LISTEN.get("port")):
        return int(str(known))
    return int(studio_port or int(str(_LISTEN.get("port") or 8501))) + 1


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _on_port(url: str, port: int) -> str:
    parts = urlsplit(url)
    host = parts.hostname or "localhost"
    host = f"[{host}]" if ":" in host else host
    return f"{parts.scheme}://{host}:{port}"


def _default_port(url: str) -> int:
    parts = urlsplit(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


def request_base(headers: Mapping[str, str] | None = None) -> str:
    """The studio's address as this browser reaches it: ``FLASHAPPS_PUBLIC_URL``, else the request's scheme and
    host (never the LAN address in place of a loopback one: the browser's own origin is what counts here)."""
    configured = Settings().public_url.strip()
    if configured:
        return configured.rstrip("/")
    headers = headers or {}
    host = (headers.get("X-Forwarded-Host") or headers.get("Host") or "localhost:8501").split(",")[0].strip()
    scheme = (headers.get("X-Forwarded-Proto") or "http").split(",")[0].strip()
    return f"{scheme if scheme in ('http', 'https') else 'http'}://{host}"


def apps_base(headers: Mapping[str, str] | None = None) -> str:
    """The apps' own origin for a page of the studio reached with ``headers``: ``FLASHAPPS_APPS_URL`` (which may
    hold ``{key}``), else the studio's host on the apps' port (the studio's port + 1)."""
    configured = Settings().apps_url.strip().rstrip("/")
    if configured:
        return configured
    base = request_base(headers)
    port = _default_port(base)
    listening_port = _LISTEN.get("port")
    wanted = apps_port() if listening_port is not None and port == listening_port else port + 1
    return _on_port(base, wanted)


def app_address(key: str, headers: Mapping[str, str] | None = None, rest: str = "") -> str:
    """The absolute address of the app at ``key`` on the apps' origin (``rest``: a path and query after it)."""
    return f"{apps_base(headers).replace(KEY_FIELD, key)}/apps/{key}/{rest.lstrip('/')}"


def apps_frame_source(headers: Mapping[str, str] | None = None) -> str:
    """The apps' origin as a CSP source (``https://*.apps.example.org`` for one origin per app)."""
    return _origin(apps_base(headers).replace(KEY_FIELD, "wildcard")).replace("://wildcard.", "://*.")


def studio_origins(apps_headers: Mapping[str, str] | None = None) -> list[str]:
    """The studio's origins an app may be framed by, seen from a request that came to the apps' origin."""
    found = []
    public = Settings().public_url.strip()
    if public:
        found.append(_origin(public))
    headers = apps_headers or {}
    host = (headers.get("X-Forwarded-Host") or headers.get("Host") or "").split(",")[0].strip()
    if host:  # the same host on the studio's port (the second-port layout, whatever the public address says)
        scheme = (headers.get("X-Forwarded-Proto") or "http").split(",")[0].strip()
        base = f"{scheme if scheme in ('http', 'https') else 'http'}://{host}"
        port = _default_port(base)
        studio = _LISTEN.get("port") if port == _LISTEN.get("apps_port") and _LISTEN.get("port") else port - 1
        derived = _on_port(base, int(str(studio)))
        if derived not in found:
            found.append(derived)
    return found


def visit_path(slug: str) -> str:
    """The visitor's page of a published app: the app full-screen with a slim bar."""
    return f"/s/{slug}"


def _host_of(url: str) -> str:
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").strip("[]").lower()


def is_loopback(url: str) -> bool:
    """Whether a link would reach only the machine it is opened on (127.x, ::1, localhost)."""
    host = _host_of(url)
    if host in ("localhost", "") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def lan_addresses() -> list[str]:
    """This host's IPv4 addresses on real interfaces (no loopback, link-local or container bridges)."""
    ip = shutil.which("ip")
    if ip is None:
        return []
    try:
        done = subprocess.run([ip, "-j", "-4", "addr"], capture_output=True, text=True, timeout=5, check=False)
        interfaces = json.loads(done.stdout or "[]")
    except (OSError, subprocess.SubprocessError, ValueError):
        return []
    found = []
    for interface in interfaces:
        name = str(interface.get("ifname", ""))
        if name.startswith(_VIRTUAL) or "UP" not in interface.get("flags", []):
            continue
        for info in interface.get("addr_info", []):
            try:
                address = ipaddress.ip_address(str(info.get("local", "")))
            except ValueError:
                continue
            if not (address.is_loopback or address.is_link_local or address.is_multicast):
                found.append(str(address))
    return found


def lan_url(port: int, addresses: Sequence[str] | None = None) -> str | None:
    """``http://<LAN address>:<port>`` for this host, or None when it has no LAN address."""
    found = lan_addresses() if addresses is None else list(addresses)
    return f"http://{found[0]}:{port}" if found else None


def _listens_everywhere() -> bool:
    return _LISTEN.get("host") in ("0.0.0.0", "::", "")


def public_base(headers: Mapping[str, str] | None = None, addresses: Sequence[str] | None = None) -> str:
    """``FLASHAPPS_PUBLIC_URL``, else the scheme and host the request came to (the LAN address instead of a
    loopback one when the studio listens on every interface)."""
    base = request_base(headers)
    if Settings().public_url.strip():
        return base
    if is_loopback(base) and _listens_everywhere():
        port = urlsplit(base).port or int(str(_LISTEN.get("port") or 80))
        return lan_url(port, addresses) or base
    return base


def loopback_warning(url: str) -> tuple[str, str] | None:
    """(en, zh) when ``url`` reaches only this computer: what to set so phones in the room can open it."""
    if not is_loopback(url):
        return None
    host = _host_of(url) or "localhost"
    return (
        f"Links point at {host}, which only this computer can open: phones cannot. To serve a class, start with "
        "make run HOST=0.0.0.0 (the studio shows this computer's address on the network), or set "
        "FLASHAPPS_PUBLIC_URL to the address students will open.",
        f"链接指向 {host}，只有这台电脑能打开，手机打不开。要给全班使用，请用 make run HOST=0.0.0.0 启动"
        "（工作室会显示这台电脑在局域网中的地址），或把 FLASHAPPS_PUBLIC_URL 设为学生要打开的地址。",
    )


def start_lines(
    host: str, port: int, addresses: Sequence[str] | None = None
) -> tuple[list[str], tuple[str, str] | None]:
    """What the command line prints at start: lines for stdout, and the loopback warning (en, zh) or None."""
    shown = "127.0.0.1" if host in ("0.0.0.0", "::", "") else host
    lines = [
        f"Flash Apps is running at http://{shown}:{port}/ — the studio (Ctrl+C stops it)",
        f"Apps are served apart, at {apps_base({'Host': f'{shown}:{port}'}).replace(KEY_FIELD, '<app>')}/apps/<app>/",
    ]
    configured = Settings().public_url.strip().rstrip("/")
    everywhere = host in ("0.0.0.0", "::", "")
    lan = lan_url(port, addresses) if everywhere else None
    if configured:
        lines.append(f"Share links use FLASHAPPS_PUBLIC_URL: {configured}/")
    elif lan:
        lines.append(f"Students on this network open {lan}/ (share links and QR codes use it)")
    if not configured and not everywhere:
        lines.append(
            "To serve a class: make run HOST=0.0.0.0 (listens on the network and prints the address to share), "
            "or set FLASHAPPS_PUBLIC_URL behind a proxy (docs/deploy/README.md)."
        )
    link = configured or lan or f"http://{shown}:{port}"
    return lines, loopback_warning(link)
