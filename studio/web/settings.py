"""Settings: who writes the apps (offline, an OpenAI-compatible endpoint, a local model), tested with one click.

The API key is written once and never shown back (only "a key is set"); it is saved with 0600
permissions under $FLASHAPPS_HOME (generator.llm_settings). Only maintainers change these.
"""

from __future__ import annotations

import os

import streamlit as st
from pydantic import SecretStr

from generator.llm_settings import PRESETS, SavedModel, load_saved, save_settings
from studio import connection, services
from studio.strings import text
from studio.web.ui import esc, lang, t, user

__all__ = ["page"]

_PROVIDERS = ["offline", "openai", "local"]


def _apply_preset() -> None:
    preset = st.session_state.get("set_preset")
    if preset in PRESETS:
        st.session_state["set_base_url"] = PRESETS[preset].base_url
        st.session_state["set_model"] = PRESETS[preset].model


def _local_models(editable: bool, saved: SavedModel) -> str:
    """The local models (installed or not, with the command that installs one); the chosen one's name."""
    rows = connection.local_models()
    by_name = {row["name"]: row for row in rows}
    default = saved.model if saved.provider == "local" and saved.model in by_name else None
    default = default or next((row["name"] for row in rows if row["default"]), rows[0]["name"])
    st.session_state.setdefault("set_local_model", default)
    if st.session_state["set_local_model"] not in by_name:
        st.session_state["set_local_model"] = default

    language = lang()  # labels keep this run's language wherever they are formatted (AppTest too)

    def label(name: str) -> str:
        row = by_name[name]
        state = text("local_installed" if row["installed"] else "local_not_installed", language)
        return f"{name} · {row['title']} · {row['size_mb']:,} MB · {state}"

    chosen = str(st.selectbox(t("local_model"), list(by_name), key="set_local_model", disabled=not editable,
                              format_func=label))  # fmt: skip
    for row in rows:
        mark = "✅" if row["installed"] else "⬜"
        state = t("local_installed") if row["installed"] else t("local_not_installed")
        st.markdown(f"{mark} **{esc(row['name'])}** — {esc(row['title'])} · {row['size_mb']:,} MB · {state}")
        if not row["installed"]:
            st.code(f"flashapps models install {row['name']}", language="bash")
    return chosen


def page() -> None:
    st.header(t("nav_settings"), anchor=False)
    language = lang()  # labels keep this run's language wherever they are formatted (AppTest too)
    saved = load_saved()
    st.caption(t("current_provider", name=t(f"provider_{services.provider_name()}")
                 if services.provider_name() in _PROVIDERS else services.provider_name()))  # fmt: skip
    if os.environ.get("FLASHAPPS_PROVIDER"):
        st.info(t("env_wins", name=esc(os.environ["FLASHAPPS_PROVIDER"])))
    actor = user()
    editable = actor is not None and actor.is_maintainer
    if not editable:
        st.info(t("settings_only"))
    st.session_state.setdefault("set_provider", saved.provider)
    st.session_state.setdefault("set_preset", saved.preset or "")
    st.session_state.setdefault("set_base_url", saved.base_url or "")
    st.session_state.setdefault("set_model", saved.model or "")
    provider = st.radio(t("provider"), _PROVIDERS, key="set_provider", disabled=not editable,
                        format_func=lambda v: text(f"provider_{v}", language))  # fmt: skip
    st.selectbox(t("preset"), ["", *PRESETS], key="set_preset", disabled=not editable or provider != "openai",
                 on_change=_apply_preset, format_func=lambda v: v or text("preset_none", language))  # fmt: skip
    base_url = st.text_input(t("base_url"), key="set_base_url", disabled=not editable or provider != "openai")
    if provider == "local":
        model = _local_models(editable, saved)
    else:
        model = st.text_input(t("model"), key="set_model", disabled=not editable or provider == "offline")
    st.caption(t("key_is_set") if saved.api_key else t("key_not_set"))
    new_key = st.text_input(t("api_key"), type="password", key="set_api_key", value="",
                            disabled=not editable or provider != "openai")  # fmt: skip
    forget = bool(saved.api_key) and st.checkbox(t("clear_key"), key="set_clear_key", disabled=not editable)
    held = saved.api_key.get_secret_value() if saved.api_key and not forget else None
    kept = connection.key_for(saved.base_url, held, base_url, new_key or None)
    key = SecretStr(kept) if kept else None
    if held and not new_key and kept is None:  # a new address: the saved key stays behind until typed again
        st.warning(t("key_new_address"))
    columns = st.columns(2)
    if columns[0].button(t("test_connection"), key="test_connection", disabled=not editable):
        ok, en, zh = connection.test_connection(provider, base_url, model, key.get_secret_value() if key else None)
        (st.success if ok else st.error)(zh if lang() == "zh" else en)
    if columns[1].button(t("save"), key="save_settings", type="primary", disabled=not editable):
        preset = st.session_state.get("set_preset") or None
        save_settings(SavedModel(provider=provider, preset=preset, base_url=base_url or None,
                                 model=model or None, api_key=key))  # fmt: skip
        st.session_state.pop("set_api_key", None)
        st.success(t("saved"))


if __name__ == "__main__":
    page()
