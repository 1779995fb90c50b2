"""What the studio's pages show about links: where a class can reach them, and a warning when they cannot."""

from __future__ import annotations

import streamlit as st

from flashapps.settings import Settings
from studio import links, services
from studio.web.ui import lang, t

__all__ = ["loopback_note", "serve_note"]


def loopback_note(link: str) -> None:
    """A warning under a link or QR code that only this computer could open."""
    warning = links.loopback_warning(link)
    if warning is not None:
        st.warning(warning[1] if lang() == "zh" else warning[0], icon="📵")


def serve_note() -> None:
    """The first screen: how to serve a class, with the address to share and its QR code when there is one."""
    base = services.public_base(st.context.headers)
    reachable = not links.is_loopback(base)
    with st.expander(f"📣 {t('serve_class')}", expanded=False):
        if Settings().public_url.strip():
            st.markdown(t("serve_public", url=f"`{base}/`"))
        elif reachable:
            st.markdown(t("serve_lan", url=f"`{base}/`"))
        else:  # no link to show yet: how to get one the room can open (the warning is for shown links)
            st.markdown(t("serve_how"))
        if reachable:
            st.image(services.qr_png(f"{base}/"), width=160)
