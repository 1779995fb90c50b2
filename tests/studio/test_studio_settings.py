"""Settings (the key never shown back, test connection against a scripted server), sign-in, language."""

from __future__ import annotations

import stat
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gallery import Gallery, UserView
from generator.llm_settings import LLMSettings, load_saved, saved_path
from studio import connection, services

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))
from scripted_server import ScriptedServer

Open = Callable[..., AppTest]
Users = dict[str, tuple[UserView, str]]
SETTINGS, ACCOUNT = "web/settings.py", "web/account.py"
STUDIO = str(Path(__file__).resolve().parents[2] / "studio" / "app.py")
KEY = "sk-studio-SECRET-4242"


@pytest.fixture
def server() -> Iterator[ScriptedServer]:
    with ScriptedServer(model="test-model") as running:
        yield running


def _everything(at: AppTest) -> str:
    """All text on the page, and every widget's value."""
    parts = [str(e.value) for kind in ("markdown", "caption", "info", "success", "error", "warning", "code")
             for e in getattr(at, kind)]  # fmt: skip
    parts += [str(w.value) for w in at.text_input]
    return "\n".join(parts)


def test_settings_save_the_key_never_show_it_and_test_the_connection(
    studio: Open, users: Users, server: ScriptedServer
) -> None:
    at = studio(SETTINGS, token=users["boss"][1])
    at.radio(key="set_provider").set_value("openai").run()
    at.text_input(key="set_base_url").set_value(server.url)
    at.text_input(key="set_model").set_value("test-model")
    at.text_input(key="set_api_key").set_value(KEY)
    at.button(key="test_connection").click().run()
    assert at.success and "Connected" in at.success[0].value, [e.value for e in at.error]
    assert server.requests[-1].headers["authorization"] == f"Bearer {KEY}"
    at.button(key="save_settings").click().run()
    assert load_saved().api_key is not None and load_saved().api_key.get_secret_value() == KEY  # type: ignore[union-attr]
    assert stat.S_IMODE(saved_path().stat().st_mode) == 0o600
    assert LLMSettings(_env_file=None).base_url == server.url  # the provider reads what was saved
    assert services.provider_name() == "openai"
    again = studio(SETTINGS, token=users["boss"][1])
    assert KEY not in _everything(again)
    assert any("A key is set" in c.value for c in again.caption)
    assert again.text_input(key="set_api_key").value == ""
    again.button(key="test_connection").click().run()  # the saved key is used without being shown
    assert again.success and KEY not in _everything(again)


def test_test_connection_says_what_is_wrong(studio: Open, users: Users, server: ScriptedServer) -> None:
    at = studio(SETTINGS, token=users["boss"][1])
    at.radio(key="set_provider").set_value("openai").run()
    at.text_input(key="set_base_url").set_value("http://127.0.0.1:1/v1")  # nothing listens
    at.button(key="test_connection").click().run()
    assert at.error and "/v1" in at.error[0].value
    at.radio(key="set_provider").set_value("offline").run()
    at.button(key="test_connection").click().run()
    assert at.success


def test_only_maintainers_change_settings(studio: Open, users: Users) -> None:
    at = studio(SETTINGS, token=users["maker"][1])
    assert at.button(key="save_settings").disabled and at.button(key="test_connection").disabled
    assert any("Only a maintainer" in i.value for i in at.info)


def test_sign_up_sign_in_and_out(studio: Open, gallery: Gallery) -> None:
    at = studio(ACCOUNT)
    at.text_input(key="signup_username").set_value("teacher")
    at.text_input(key="signup_password").set_value("short")
    at.button(key="signup").click().run()
    assert at.error and "8 characters" in at.error[0].value
    at.text_input(key="signup_password").set_value("a long password")
    at.button(key="signup").click().run()
    assert any("teacher" in m.value for m in at.sidebar.markdown)
    at.button(key="sign_out").click().run()
    assert "token" not in at.session_state
    at = studio(ACCOUNT)
    at.text_input(key="signin_username").set_value("teacher")
    at.text_input(key="signin_password").set_value("wrong password")
    at.button(key="signin").click().run()
    assert at.error and "Wrong username or password" in at.error[0].value
    at.text_input(key="signin_password").set_value("a long password")
    at.button(key="signin").click().run()
    assert at.session_state["token"] and gallery.accounts.user_for_token(at.session_state["token"])


def test_every_page_speaks_chinese(studio: Open, users: Users) -> None:
    for page, marker in (("web/gallery.py", "搜索"), (SETTINGS, "由谁生成应用"), ("web/mine.py", "我的应用"),
                         ("web/curate.py", "审核"), (ACCOUNT, "注册账号")):  # fmt: skip
        at = studio(page, token=users["boss"][1] if page != ACCOUNT else None)
        at.selectbox(key="lang").set_value("zh").run()
        assert not at.exception
        shown = _everything(at) + "".join(w.label for w in [*at.text_input, *at.radio, *at.button])
        shown += "".join(h.value for h in at.header) + "".join(h.value for h in at.subheader)
        assert marker in shown, page


def test_the_local_model_is_checked_and_its_install_command_shown(
    studio: Open, users: Users, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHAPPS_MODELS_DIR", str(tmp_path / "models"))  # empty: nothing is installed
    monkeypatch.delenv("FLASHAPPS_LOCAL_MODEL", raising=False)
    at = studio(SETTINGS, token=users["boss"][1])
    at.radio(key="set_provider").set_value("local").run()
    choice = at.selectbox(key="set_local_model")
    names = [row["name"] for row in connection.local_models()]
    assert {"local", "local-small"} <= set(names) and choice.value in names
    assert [f"flashapps models install {name}" for name in names] == [c.value for c in at.code]  # none installed
    assert any("not installed" in m.value and " MB" in m.value for m in at.markdown)
    at.selectbox(key="set_local_model").set_value("local-small").run()
    at.button(key="test_connection").click().run()
    assert not at.success and at.error, [s.value for s in at.success]
    assert "flashapps models install local-small" in at.error[0].value  # readiness: what to install
    at.button(key="save_settings").click().run()
    assert load_saved().provider == "local" and load_saved().model == "local-small"
    zh = AppTest.from_file(STUDIO, default_timeout=60)  # Chinese from the first run (as Accept-Language does)
    zh.session_state["token"], zh.session_state["lang"] = users["boss"][1], "zh"
    zh.run().switch_page(SETTINGS).run()
    assert zh.selectbox(key="set_local_model").value == "local-small"  # what was saved
    assert any("未安装" in m.value for m in zh.markdown)
    zh.button(key="test_connection").click().run()
    assert zh.error and "尚未安装" in zh.error[0].value and "flashapps models install local-small" in zh.error[0].value


def test_every_step_a_maker_sees_has_a_label_in_both_languages() -> None:
    from flashapps.events import STEPS
    from studio.strings import STEP_LABELS

    assert tuple(STEP_LABELS) == STEPS
    assert all(label["en"] and label["zh"] for label in STEP_LABELS.values())
