"""The account page's section for API tokens: a signed-in user makes a token (shown once), sees the ones they
have (a hint, when last used) and revokes them. Requests with a token act as this user (studio/api)."""

from __future__ import annotations

import streamlit as st

from gallery import UserView
from studio import services
from studio.web.ui import esc, guard, lang

__all__ = ["section"]

_S: dict[str, dict[str, str]] = {
    "title": {"en": "Keys for other systems (API tokens)", "zh": "给其他系统用的密钥（API 令牌）"},
    "intro": {
        "en": "A school's system can make, change and publish apps for you with a key, at {url}. Whoever holds a "
        "key acts as you: keep it secret, and revoke it when it is no longer needed.",
        "zh": "学校的系统可以用密钥替你生成、修改和发布应用，地址是 {url}。持有密钥的人就能以你的身份操作："
        "请妥善保管，不再需要时就撤销。",
    },
    "name": {"en": "What it is for", "zh": "用途"},
    "name_hint": {"en": "our timetable system", "zh": "学校的课表系统"},
    "make": {"en": "Make a key", "zh": "生成密钥"},
    "shown_once": {
        "en": "Copy this key now: it is shown only this once (only a fingerprint of it is kept).",
        "zh": "请现在复制这个密钥：它只显示这一次（我们只保存它的指纹）。",
    },
    "none": {"en": "You have no keys.", "zh": "你还没有密钥。"},
    "line": {
        "en": "**{name}** · `{hint}` · made {made} · {used}",
        "zh": "**{name}** · `{hint}` · 生成于 {made} · {used}",
    },
    "used": {"en": "last used {when}", "zh": "最近使用于 {when}"},
    "unused": {"en": "never used", "zh": "从未使用"},
    "revoke": {"en": "Revoke", "zh": "撤销"},
    "revoked": {
        "en": "The key was revoked; requests with it are refused.",
        "zh": "密钥已撤销，用它发出的请求会被拒绝。",
    },
}


def _t(key: str, **values: object) -> str:
    return _S[key][lang()].format(**values)


def _when(moment: object) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if hasattr(moment, "strftime") else str(moment)


def section(user: UserView) -> None:
    tokens = services.gallery().api_tokens
    st.subheader(_t("title"), anchor=False)
    st.caption(_t("intro", url=f"{services.public_base(dict(st.context.headers))}/api/v1/openapi.json"))
    with st.form("api_token_form", clear_on_submit=True):
        name = st.text_input(_t("name"), key="api_token_name", placeholder=_t("name_hint"), max_chars=60)
        if st.form_submit_button(_t("make"), key="api_token_make"):
            with guard():
                token, _ = tokens.create(user, name)
                st.warning(_t("shown_once"), icon="🔑")
                st.code(token, language=None)  # this run only: never kept in the session or the page's address
    held = tokens.list(user)
    if not held:
        st.caption(_t("none"))
    for each in held:
        line, button = st.columns([5, 1], vertical_alignment="center")
        used = _t("used", when=_when(each.last_used_at)) if each.last_used_at else _t("unused")
        line.markdown(_t("line", name=esc(each.name), hint=each.hint, made=_when(each.created_at),
                         used=used))  # fmt: skip
        if button.button(_t("revoke"), key=f"api_token_revoke_{each.id}"):
            with guard():
                tokens.revoke(user, each.id)
                st.toast(_t("revoked"))
                st.rerun()
