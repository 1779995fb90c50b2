"""Sign in, or create an account (the session token stays in this browser session, never in the URL)."""

from __future__ import annotations

import streamlit as st

from studio import services
from studio.views._ui import go, guard, t, user

__all__ = ["page"]


def _back() -> None:
    """Back to the page that asked for signing in, with its address, else here."""
    back = st.session_state.pop("return_to", None)
    if back:
        go(back[0], **back[1])
    st.rerun()


def page() -> None:
    found = user()
    if found is not None:
        st.success(t("welcome", name=found.username))
        return
    accounts = services.gallery().accounts
    left, right = st.columns(2)
    with left, st.form("sign_in_form"):
        st.subheader(t("sign_in"), anchor=False)
        username = st.text_input(t("username"), key="signin_username")
        password = st.text_input(t("password"), type="password", key="signin_password")
        if st.form_submit_button(t("sign_in"), type="primary", key="signin"):
            with guard():
                st.session_state["token"] = accounts.login(username.strip(), password)
                _back()
    with right, st.form("sign_up_form"):
        st.subheader(t("sign_up"), anchor=False)
        new_name = st.text_input(t("username"), key="signup_username")
        new_password = st.text_input(t("password"), type="password", key="signup_password")
        if st.form_submit_button(t("sign_up"), key="signup"):
            with guard():
                accounts.register(new_name.strip(), new_password)
                st.session_state["token"] = accounts.login(new_name.strip(), new_password)
                _back()


if __name__ == "__main__":
    page()
