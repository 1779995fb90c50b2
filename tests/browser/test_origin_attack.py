"""The attack of issue 17, replayed in Chromium: a published app whose page runs a maker's script, opened by a
signed-in maintainer, tries to read and drive the studio as them. Nothing happens.

The app is written here (its ``app.py`` replaced after the command line made the bundle, then published
straight into the gallery, past the generator and its code policy: the container and the origins are the
boundary, not the policy). Its script reads the studio's page and health, opens the studio's Streamlit
WebSocket, registers a service worker with scope ``/``, reads ``document.cookie``, posts to sign-out and
navigates the top page. The same script run on the studio's own origin reads the page and opens the socket:
the test fails if the apps ever come back to the studio's origin.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from browser_support import page_text, publish_project, settled, type_into, wait, wait_text
from conftest import MAINTAINER
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from gallery import GallerySettings, open_gallery

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


ATTACK = """
async function attack(studio, options, done) {
  const out = {};
  const attempt = async (name, run) => {
    try { out[name] = await run(); } catch (error) { out[name] = "failed: " + error; }
  };
  const page = options.page || window;
  await attempt("read_page", async () => {
    const reply = await fetch(studio, {credentials: "include"});
    const text = await reply.text();
    return text.includes("<noscript>") ? "read" : "failed: nothing readable";
  });
  await attempt("read_health", async () => {
    const reply = await fetch(studio + "_stcore/health", {credentials: "include"});
    return (await reply.text()) === "ok" ? "read" : "failed: nothing readable";
  });
  await attempt("websocket", () => new Promise((resolve) => {
    const socket = new WebSocket(studio.replace(/^http/, "ws") + "_stcore/stream", ["streamlit"]);
    const timer = setTimeout(() => resolve("failed: no answer"), 15000);
    socket.onopen = () => { clearTimeout(timer); socket.close(); resolve("opened"); };
    socket.onerror = () => { clearTimeout(timer); resolve("failed: refused"); };
  }));
  await attempt("worker_here", async () => {
    if (!page.navigator.serviceWorker) { return "failed: no service workers"; }
    await page.navigator.serviceWorker.register("/sw.js", {scope: "/"});
    return "registered";
  });
  await attempt("worker_studio", async () => {
    if (!page.navigator.serviceWorker) { return "failed: no service workers"; }
    await page.navigator.serviceWorker.register(studio + "sw.js", {scope: studio});
    return "registered";
  });
  await attempt("cookie", async () => {
    const cookies = page.document.cookie;
    return cookies.includes("flashapps_session") ? "read" : "failed: no session cookie";
  });
  if (options.signOut) {
    await attempt("sign_out", async () => {
      await fetch(studio + "auth/sign-out", {method: "POST", credentials: "include", mode: "no-cors",
        body: new URLSearchParams({csrf: "guessed"})});
      await fetch(studio + "auth/sign-out?next=/", {credentials: "include", mode: "no-cors"});
      return "sent";
    });
  }
  if (options.top) {
    await attempt("top", async () => { window.top.location.href = studio + "?hijacked=1"; return "asked"; });
  }
  done(out);
}
"""

APP = '''"""A maker's app that attacks whoever looks at it (issue 17's browser test)."""

import streamlit as st
import streamlit.components.v1 as components

st.title("Harmless looking app")
components.html(
    """<pre id="attack">running</pre><script>""" + {attack!r} + """
attack({studio!r}, {{page: window.parent, signOut: true, top: true}}, (found) => {{
  document.getElementById("attack").textContent = JSON.stringify(found);
}});
</script>""",
    height=400,
)
'''


def publish_hostile(home: Path, out: Path, studio: str) -> str:
    """The app above, published by a maker straight into the studio's gallery (no generator, no policy)."""

    def hostile(folder: Path) -> None:
        (folder / "app.py").write_text(APP.format(attack=ATTACK, studio=studio), encoding="utf-8")

    return publish_project(
        home, "a tracker for my reading", out, ("mallory", "mallory-password"), "Harmless looking app", hostile
    )


def sign_in(driver: WebDriver, base: str) -> None:
    driver.get(base + "account")
    settled(driver)
    type_into(driver, "signin_username", MAINTAINER[0])
    type_into(driver, "signin_password", MAINTAINER[1])
    driver.find_element(By.CSS_SELECTOR, ".st-key-signin button").click()
    wait(driver, lambda d: d.get_cookie("flashapps_session") is not None, 60, "the session cookie")
    settled(driver)


def _report_in_frames(driver: WebDriver) -> dict[str, str] | None:
    """What the script reported in one of the frames of the current document, if it has yet."""
    for frame in driver.find_elements(By.CSS_SELECTOR, "iframe"):
        driver.switch_to.frame(frame)
        found = driver.find_elements(By.ID, "attack")
        text = str(found[0].text) if found else ""
        driver.switch_to.parent_frame()
        if text.startswith("{"):
            return dict(json.loads(text))
    return None


def _report(driver: WebDriver, framed: bool, timeout: float) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        driver.switch_to.default_content()
        outers = [
            f for f in driver.find_elements(By.CSS_SELECTOR, "iframe") if "/apps/" in (f.get_attribute("src") or "")
        ]
        for outer in outers if framed else [None]:
            if outer is not None:
                driver.switch_to.frame(outer)
            found = _report_in_frames(driver)
            driver.switch_to.default_content()
            if found is not None:
                return found
        time.sleep(1)
    raise AssertionError(f"the app's script never reported; the page says:\n{page_text(driver)[-1500:]}")


def attack_results(driver: WebDriver, timeout: float = 120) -> dict[str, str]:
    """Into the app's frame, then its component's frame: what the script reported."""
    return _report(driver, True, timeout)


def reported_on_the_app_page(driver: WebDriver, timeout: float = 120) -> dict[str, str]:
    """The app opened on its own origin, not framed: what its component's script reported."""
    return _report(driver, False, timeout)


def workers(driver: WebDriver) -> int:
    return int(
        driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "navigator.serviceWorker.getRegistrations().then((found) => done(found.length), () => done(-1));"
        )
    )


def audit(home: Path, slug: str) -> tuple[list[str], int, str]:
    """The audit log's actions, the app's likes and its state, read from the studio's gallery."""
    gallery = open_gallery(GallerySettings(database_url=f"sqlite:///{home / 'gallery.sqlite3'}",
                                           store_dir=home / "gallery-store"))  # fmt: skip
    try:
        curator = gallery.accounts.get(MAINTAINER[0])
        app = gallery.apps.get_by_slug(slug, curator)
        return [entry.action for entry in gallery.curation.audit_log(curator)], app.like_count, app.state
    finally:
        gallery.close()


def test_an_apps_script_cannot_read_or_drive_the_studio_as_its_viewer(
    studio: object, browser: Callable[..., WebDriver], shots: Callable[[WebDriver, str], Path], tmp_path: Path
) -> None:
    base: str = studio.url  # type: ignore[attr-defined]
    apps: str = studio.apps  # type: ignore[attr-defined]
    home: Path = studio.home  # type: ignore[attr-defined]
    slug = publish_hostile(home, tmp_path / "hostile", base)
    maintainer = browser()
    sign_in(maintainer, base)
    session = maintainer.get_cookie("flashapps_session")
    assert session is not None

    maintainer.get(f"{base}app?app={slug}")  # the maintainer opens the app's page once
    settled(maintainer, 120)
    found = attack_results(maintainer)
    print("on the apps' origin:", found)
    shots(maintainer, "hostile-app-on-its-own-origin")
    assert found["read_page"].startswith("failed") and found["read_health"].startswith("failed"), found
    assert found["websocket"].startswith("failed"), found
    assert found["worker_here"].startswith("failed") and found["worker_studio"].startswith("failed"), found
    assert found["cookie"].startswith("failed"), found
    assert maintainer.current_url == f"{base}app?app={slug}"  # the top page stayed where it was
    frame = maintainer.find_element(By.CSS_SELECTOR, f'iframe[src^="{apps}apps/{slug}/"]')
    assert "allow-top-navigation" not in (frame.get_attribute("sandbox") or "allow-top-navigation")

    # the visitor's page (/s/<slug>) frames the app the same way
    maintainer.get(f"{base}s/{slug}")
    again = attack_results(maintainer)
    assert again["read_page"].startswith("failed") and again["websocket"].startswith("failed"), again
    assert maintainer.current_url == f"{base}s/{slug}"

    # nothing happened: still signed in, no like or feature in anyone's name, no worker on either origin
    assert maintainer.get_cookie("flashapps_session") == session
    maintainer.get(base)
    settled(maintainer)
    wait_text(maintainer, MAINTAINER[0])
    assert workers(maintainer) == 0
    maintainer.get(f"{apps}apps/{slug}/")
    settled(maintainer, 120)
    alone = reported_on_the_app_page(maintainer)  # its worker attempt is over (a refused one is gone with it)
    assert alone["worker_here"].startswith("failed"), alone
    assert workers(maintainer) == 0
    actions, likes, state = audit(home, slug)
    assert likes == 0 and state == "published" and "app.feature" not in actions, (actions, likes, state)

    # the same script on the studio's own origin reads the page and opens the socket: what the origins prevent
    maintainer.get(f"{base}gallery")
    settled(maintainer)
    maintainer.set_script_timeout(60)
    control = maintainer.execute_async_script(
        ATTACK + "attack(arguments[0], {signOut: false, top: false}, arguments[arguments.length - 1]);", base
    )
    print("on the studio's origin:", control)
    assert control["read_page"] == "read" and control["read_health"] == "read", control
    assert control["websocket"] == "opened", control
    assert control["worker_here"].startswith("failed"), control  # refused on the studio's origin too
