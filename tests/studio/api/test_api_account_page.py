"""API tokens on the studio's account page (issue 18): a signed-in maker makes one (shown once, in that run only),
it works with the API as that maker, the list shows its hint and when it was last used, and revoking it refuses it
from then on; in English and in Chinese."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from api_support import Api
from starlette.testclient import TestClient
from streamlit.testing.v1 import AppTest

from gallery import Gallery, UserView
from studio import services

ACCOUNT = "web/account.py"


@pytest.fixture(autouse=True)
def no_banner(monkeypatch: pytest.MonkeyPatch) -> None:
    """The studio's banner probes the sandbox backends, which leave sockets open when a Docker socket is there but
    cannot be used (a leak of their own, outside this section); this page's tests do not need it."""
    monkeypatch.setattr(services, "banner", lambda runner=None: None)


def test_a_maker_makes_uses_and_revokes_a_token(
    studio: Callable[..., AppTest], users: dict[str, tuple[UserView, str]], gallery: Gallery, client: TestClient
) -> None:
    at = studio(ACCOUNT, token=users["maker"][1])
    assert any("API" in h.value for h in at.subheader) and any("/api/v1/openapi.json" in c.value for c in at.caption)
    at.text_input(key="api_token_name").set_value("our *timetable* system")
    at.button(key="api_token_make").click().run()
    assert not at.exception and not at.error
    [shown] = [code.value for code in at.code]
    assert shown.startswith("fa_") and at.warning and "shown only this once" in at.warning[0].value
    assert shown not in str(dict(at.query_params))
    found = gallery.api_tokens.user_for_token(shown)
    assert found is not None and found[0].username == "maker"

    api = Api(client, shown, set())
    assert api("GET", "/api/v1/apps").status_code == 200
    at.run()  # the token is not shown again
    assert not at.code
    line = next(m.value for m in at.markdown if "timetable" in m.value)
    assert r"\*timetable\*" in line and shown[:7] in line and "last used" in line and shown not in line

    at.button(key=f"api_token_revoke_{found[1]}").click().run()
    assert not at.exception and gallery.api_tokens.list(users["maker"][0]) == []
    assert api("GET", "/api/v1/apps").status_code == 401


def test_the_section_speaks_chinese(studio: Callable[..., AppTest], users: dict[str, tuple[UserView, str]]) -> None:
    at = studio(ACCOUNT, token=users["maker"][1])
    at.selectbox(key="lang").set_value("zh").run()
    assert any("密钥" in h.value for h in at.subheader) and any("你还没有密钥" in c.value for c in at.caption)
    at.button(key="api_token_make").click().run()
    assert at.code and "只显示这一次" in at.warning[0].value
    assert any("从未使用" in m.value for m in at.markdown)
