"""Links that reach the room: FLASHAPPS_PUBLIC_URL everywhere, the LAN address, loopback warnings, the visitor page.

Addresses in these tests come from the documentation ranges (192.0.2.0/24, 198.51.100.0/24) and are only
ever strings: nothing is contacted.
"""

from __future__ import annotations

import asyncio
import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gallery import AppView, Gallery
from studio import links, services
from studio.web import visit

Open = Callable[..., AppTest]

_FAKE_IP = """#!/bin/sh
cat <<'EOF'
[{"ifname": "lo", "flags": ["LOOPBACK", "UP"], "addr_info": [{"family": "inet", "local": "127.0.0.1"}]},
 {"ifname": "docker0", "flags": ["UP"], "addr_info": [{"family": "inet", "local": "198.51.100.99"}]},
 {"ifname": "wlan1", "flags": ["BROADCAST", "UP"], "addr_info": [{"family": "inet", "local": "169.254.3.4"},
  {"family": "inet", "local": "198.51.100.7"}]},
 {"ifname": "eth9", "flags": ["BROADCAST"], "addr_info": [{"family": "inet", "local": "192.0.2.50"}]}]
EOF
"""


@pytest.fixture
def fake_ip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An ``ip`` command on PATH that lists made-up interfaces (documentation addresses)."""
    tool = tmp_path / "bin" / "ip"
    tool.parent.mkdir()
    tool.write_text(_FAKE_IP)
    tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{tool.parent}{os.pathsep}{os.environ['PATH']}")


@pytest.fixture(autouse=True)
def listening_reset() -> Iterator[None]:
    """The studio as tests see it listens on 127.0.0.1, before and after each test here."""
    links.listening("127.0.0.1", 8501)
    yield
    links.listening("127.0.0.1", 8501)


@pytest.mark.parametrize(
    ("url", "loopback"),
    [
        ("http://127.0.0.1:8501", True),
        ("http://127.8.9.1/", True),
        ("http://localhost:8501/s/x", True),
        ("http://[::1]:8501/", True),
        ("http://app.localhost/", True),
        ("https://apps.example.org/", False),
        ("http://192.0.2.10:8501", False),
        ("http://[2001:db8::5]/", False),
    ],
)
def test_loopback_links_are_recognised(url: str, loopback: bool) -> None:
    assert links.is_loopback(url) is loopback
    warning = links.loopback_warning(url)
    assert (warning is not None) is loopback
    if warning is not None:
        assert "FLASHAPPS_PUBLIC_URL" in warning[0] and "HOST=0.0.0.0" in warning[0]
        assert "FLASHAPPS_PUBLIC_URL" in warning[1] and "局域网" in warning[1]


def test_the_lan_address_comes_from_this_hosts_interfaces(fake_ip: None) -> None:
    assert links.lan_addresses() == ["198.51.100.7"]  # no loopback, bridge, link-local or down interface
    assert links.lan_url(8501) == "http://198.51.100.7:8501"
    assert links.lan_url(8501, []) is None


def test_public_url_is_used_by_every_link(
    monkeypatch: pytest.MonkeyPatch, gallery: Gallery, publish: Callable[..., AppView]
) -> None:
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://quiz.example.org/")
    app = publish("Spelling quiz")
    headers = {"Host": "127.0.0.1:8501"}
    assert services.share_url(app.slug, headers) == f"https://quiz.example.org/s/{app.slug}"
    assert gallery.apps.share_url(app.slug) == f"https://quiz.example.org/s/{app.slug}"
    assert gallery.apps.get_by_slug(app.slug).share_url == f"https://quiz.example.org/s/{app.slug}"
    assert links.start_lines("127.0.0.1", 8501)[1] is None  # no warning: the links reach the room
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "http://localhost:9000")
    assert links.start_lines("0.0.0.0", 8501, ["192.0.2.10"])[1] is not None  # a loopback public URL warns


def test_a_loopback_request_shares_the_lan_address_when_listening_on_the_network(fake_ip: None) -> None:
    headers = {"Host": "127.0.0.1:8600"}
    assert services.share_url("quiz", headers) == "http://127.0.0.1:8600/s/quiz"  # listening on 127.0.0.1 only
    links.listening("0.0.0.0", 8600)
    assert services.share_url("quiz", headers) == "http://198.51.100.7:8600/s/quiz"
    assert services.share_url("quiz", {"Host": "192.0.2.10:8600"}) == "http://192.0.2.10:8600/s/quiz"
    forwarded = {"Host": "127.0.0.1:8600", "X-Forwarded-Host": "class.example.org", "X-Forwarded-Proto": "https"}
    assert services.share_url("quiz", forwarded) == "https://class.example.org/s/quiz"


def test_the_start_message_says_how_to_serve_a_class() -> None:
    lines, warning = links.start_lines("127.0.0.1", 8501, ["192.0.2.10"])
    assert lines[0].startswith("Flash Apps is running at http://127.0.0.1:8501/")
    assert any("HOST=0.0.0.0" in line and "FLASHAPPS_PUBLIC_URL" in line for line in lines)
    assert warning is not None and "127.0.0.1" in warning[0] and "http://" not in warning[0]  # one address printed
    lines, warning = links.start_lines("0.0.0.0", 8501, ["192.0.2.10"])
    assert "Students on this network open http://192.0.2.10:8501/" in "\n".join(lines)
    assert warning is None
    lines, warning = links.start_lines("0.0.0.0", 8501, [])  # on the network, but no LAN address found
    assert warning is not None


def _call(endpoint: Callable[..., object], path: str, headers: dict[str, str]) -> tuple[int, str]:
    from starlette.requests import Request

    slug_and_rest = path.removeprefix("/s/")
    scope = {
        "type": "http", "method": "GET", "path": path, "query_string": b"",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "path_params": {"slug": slug_and_rest.split("/")[0]},
    }  # fmt: skip
    response = endpoint(Request(scope))
    body = getattr(response, "body", b"")
    assert asyncio.iscoroutine(response) is False
    return int(getattr(response, "status_code", 0)), bytes(body).decode()


def test_the_visitor_page_is_the_app_with_a_slim_bar(
    monkeypatch: pytest.MonkeyPatch, gallery: Gallery, publish: Callable[..., AppView]
) -> None:
    app = publish("Fractions <quiz>")
    status, page = _call(visit.visit, f"/s/{app.slug}", {"Host": "192.0.2.10:8501"})
    assert status == 200
    assert f'<iframe id="visit-app" src="http://192.0.2.10:8502/apps/{app.slug}/"' in page  # the apps' own origin
    assert 'sandbox="allow-scripts allow-same-origin allow-forms allow-popups allow-downloads"' in page
    assert "allow-top-navigation" not in page and "flash_owner" not in page  # no session: no owner ticket
    assert "Fractions &lt;quiz&gt;" in page and "<quiz>" not in page  # escaped
    assert "by maker" in page and 'id="visit-remix"' in page and 'id="visit-report"' in page
    assert "<img" not in page and "/board" not in page  # a visitor never sees the QR of its own page
    assert 'name="viewport"' in page
    status, page = _call(visit.visit, f"/s/{app.slug}", {"Accept-Language": "zh-CN,zh;q=0.9"})
    assert "作者 maker" in page and "改编" in page and "举报" in page
    assert _call(visit.visit, "/s/no-such-app", {})[0] == 404
    gallery.curation.hide(gallery.accounts.create_maintainer("mod", "mod-password-1"), app.slug, "spam")
    assert _call(visit.visit, f"/s/{app.slug}", {})[0] == 404  # a hidden app is not served to visitors


def test_projector_mode_shows_a_large_qr_of_the_short_link(
    monkeypatch: pytest.MonkeyPatch, publish: Callable[..., AppView]
) -> None:
    app = publish("Class picker")
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://class.example.org")
    status, page = _call(visit.board, f"/s/{app.slug}/board", {"Host": "127.0.0.1:8501"})
    link = f"https://class.example.org/s/{app.slug}"
    assert status == 200 and f'<p class="link" id="board-link">{link}</p>' in page
    assert visit.qr_data_uri(link) in page and "board-warning" not in page
    monkeypatch.delenv("FLASHAPPS_PUBLIC_URL")
    status, page = _call(visit.board, f"/s/{app.slug}/board", {"Host": "localhost:8501"})
    assert f"http://localhost:8501/s/{app.slug}" in page and "board-warning" in page


def test_the_app_page_warns_about_loopback_links_and_opens_projector_mode(
    studio: Open, publish: Callable[..., AppView], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = publish("Water tracker")
    at = studio(app=app.slug)
    assert any("FLASHAPPS_PUBLIC_URL" in w.value for w in at.warning)  # AppTest's request has no Host: localhost
    buttons = {b.proto.label: b.proto.url for b in at.get("link_button")}
    assert f"/s/{app.slug}/board" in buttons.values() and f"/s/{app.slug}" in buttons.values()
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://class.example.org")
    at = studio(app=app.slug)
    assert not any("FLASHAPPS_PUBLIC_URL" in w.value for w in at.warning)
    assert f"https://class.example.org/s/{app.slug}" in [c.value for c in at.code]


def test_the_first_screen_says_how_to_serve_a_class(studio: Open, monkeypatch: pytest.MonkeyPatch) -> None:
    at = studio()
    text = "\n".join(m.value for m in at.markdown)
    assert "make run HOST=0.0.0.0" in text
    monkeypatch.setenv("FLASHAPPS_PUBLIC_URL", "https://class.example.org")
    at = studio()
    text = "\n".join(m.value for m in at.markdown)
    assert "https://class.example.org/" in text and "make run HOST=0.0.0.0" not in text


def test_the_first_screen_shows_the_lan_address_and_its_qr_when_listening_on_the_network(
    studio: Open, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(links, "lan_addresses", lambda: ["192.0.2.10"])
    links.listening("0.0.0.0", 8501)
    at = studio()  # AppTest's request comes to localhost:8501: phones get the LAN address instead
    text = "\n".join(m.value for m in at.markdown)
    assert "http://192.0.2.10:8501/" in text and "make run HOST=0.0.0.0" not in text
    assert at.image, "the LAN address's QR code"
    assert not any("FLASHAPPS_PUBLIC_URL" in w.value for w in at.warning)
