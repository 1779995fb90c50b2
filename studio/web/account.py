"""Sign in, or create an account (the session token goes into an HttpOnly cookie, never into the URL)."""

from __future__ import annotations

import streamlit as st

from studio import services
from studio.limits import current_address
from studio.web import api_tokens
from studio.web.ui import go, guard, page_path, signed_in, t, user

__all__ = ["page"]


def _back(token: str) -> None:
    """Signed in; back to the page that asked for signing in, with its address, else here."""
    back = st.session_state.pop("return_to", None)
    signed_in(token, page_path(back[0], back[1]) if back else page_path("account"))  # a reload, with the cookie
    if back:
        go(back[0], **back[1])
    st.rerun()


def page() -> None:
    found = user()
    if found is not None:
        st.success(t("welcome", name=found.username))
        api_tokens.section(found)  # keys for schools' systems (the JSON API, studio/api)
        return
    accounts = services.gallery().accounts
    left, right = st.columns(2)
    with left, st.form("sign_in_form"):
        st.subheader(t("sign_in"), anchor=False)
        username = st.text_input(t("username"), key="signin_username")
        password = st.text_input(t("password"), type="password", key="signin_password")
        if st.form_submit_button(t("sign_in"), type="primary", key="signin"):
            with guard():
                _back(accounts.login(username.strip(), password, client=current_address()))
    with right, st.form("sign_up_form"):
        st.subheader(t("sign_up"), anchor=False)
        new_name = st.text_input(t("username"), key="signup_username")
        new_password = st.text_input(t("password"), type="password", key="signup_password")
        if st.form_submit_button(t("sign_up"), key="signup"):
            with guard():
                accounts.register(new_name.strip(), new_password)
                _back(accounts.login(new_name.strip(), new_password, client=current_address()))


if __name__ == "__main__":
    page()
