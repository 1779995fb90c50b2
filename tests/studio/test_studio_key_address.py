"""A saved API key never goes to a newly typed base URL: neither "Test connection" nor Save sends or keeps it
until the key is typed again (the attack: point the settings at your own server and press the button)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from gallery import UserView
from generator.llm_settings import SavedModel, load_saved, save_settings
from studio import connection
from studio.strings import text

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))
from scripted_server import ScriptedServer

Open = Callable[..., AppTest]
Users = dict[str, tuple[UserView, str]]
SETTINGS = "web/settings.py"
KEY = "sk-saved-SECRET-7313"


@pytest.fixture
def servers() -> Iterator[tuple[ScriptedServer, ScriptedServer]]:
    """The endpoint the key was saved for, and someone else's server."""
    with ScriptedServer(model="test-model") as trusted, ScriptedServer(model="test-model") as other:
        yield trusted, other


def _saved_for(url: str) -> None:
    from pydantic import SecretStr

    save_settings(SavedModel(provider="openai", base_url=url, model="test-model", api_key=SecretStr(KEY)))


def _authorizations(server: ScriptedServer) -> list[str]:
    return [r.headers.get("authorization", "") for r in server.requests]


def test_test_connection_sends_no_saved_key_to_a_new_address(
    studio: Open, users: Users, servers: tuple[ScriptedServer, ScriptedServer]
) -> None:
    trusted, other = servers
    _saved_for(trusted.url)
    at = studio(SETTINGS, token=users["boss"][1])
    at.button(key="test_connection").click().run()  # the saved address still gets the saved key
    assert _authorizations(trusted) == [f"Bearer {KEY}"]
    at.text_input(key="set_base_url").set_value(other.url).run()
    assert any(text("key_new_address", "en") == w.value for w in at.warning), [w.value for w in at.warning]
    at.button(key="test_connection").click().run()
    assert other.requests, "the new address was asked"
    assert not any(KEY in value for value in _authorizations(other)), _authorizations(other)
    assert all(KEY not in str(r.headers) for r in other.requests)
    at.button(key="save_settings").click().run()
    saved = load_saved()
    assert saved.base_url == other.url and saved.api_key is None  # saving forgets the key, never moves it
    again = studio(SETTINGS, token=users["boss"][1])
    again.button(key="test_connection").click().run()
    assert not any(KEY in value for value in _authorizations(other))


def test_a_key_typed_again_goes_to_the_new_address(
    studio: Open, users: Users, servers: tuple[ScriptedServer, ScriptedServer]
) -> None:
    trusted, other = servers
    _saved_for(trusted.url)
    at = studio(SETTINGS, token=users["boss"][1])
    at.text_input(key="set_base_url").set_value(other.url)
    at.text_input(key="set_api_key").set_value("sk-typed-again-99").run()
    assert not at.warning
    at.button(key="test_connection").click().run()
    assert _authorizations(other) == ["Bearer sk-typed-again-99"]
    at.button(key="save_settings").click().run()
    saved = load_saved()
    assert saved.api_key is not None and saved.api_key.get_secret_value() == "sk-typed-again-99"


def test_a_preset_is_a_new_address_too(
    studio: Open, users: Users, servers: tuple[ScriptedServer, ScriptedServer]
) -> None:
    trusted, _ = servers
    _saved_for(trusted.url)
    at = studio(SETTINGS, token=users["boss"][1])
    at.session_state["lang"] = "zh"
    at.selectbox(key="set_preset").set_value("ollama").run()
    assert at.text_input(key="set_base_url").value == "http://localhost:11434/v1"
    assert [w.value for w in at.warning] == [text("key_new_address", "zh")]
    at.button(key="save_settings").click().run()
    assert load_saved().api_key is None


@pytest.mark.parametrize(
    ("saved", "typed", "same"),
    [
        ("http://127.0.0.1:9/v1", "http://127.0.0.1:9/v1/", True),
        ("http://127.0.0.1:9/v1", " http://127.0.0.1:9/v1 ", True),
        (None, "", True),
        ("http://127.0.0.1:9/v1", "http://127.0.0.1:10/v1", False),
        ("https://api.example.org/v1", "https://api.example.org.evil.test/v1", False),
        (None, "http://127.0.0.1:9/v1", False),
        ("http://127.0.0.1:9/v1", "", False),
    ],
)
def test_key_for_keeps_the_saved_key_only_for_its_own_address(saved: str | None, typed: str, same: bool) -> None:
    assert connection.key_for(saved, "sk-1", typed, None) == ("sk-1" if same else None)
    assert connection.key_for(saved, "sk-1", typed, "sk-new") == "sk-new"
    assert connection.key_for(saved, None, typed, None) is None
