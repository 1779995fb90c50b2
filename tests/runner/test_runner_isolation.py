"""What one served app cannot do to the studio or to other apps, on every backend where it applies:
fill the disk past its data quota, read another app's data, or see a secret of the studio's environment.

Each app here is a bundle written by the test (an ``app.py`` that probes and writes what it found into its
own data folder or onto its page); the studio's side looks at what came back.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import sqlite3
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from runner_support import Apps, ProxyServer, app_session

from sandbox.backends.quota import MB, QuotaFull, can_mount, image_of, usage
from studio.serving.runner import AppRunner

pytestmark = [pytest.mark.slow, pytest.mark.docker, pytest.mark.timeout(240)]

QUOTA_MB = 8


def session(url: str) -> bytes:
    return asyncio.run(app_session(url))


def bundle(folder: Path, body: str) -> Path:
    """An app whose script is ``body`` (run on each visit, with ``data`` its data folder)."""
    folder.mkdir(parents=True)
    head = "import os\nfrom pathlib import Path\n\nimport streamlit as st\n\ndata = Path(os.environ['FLASHAPP_DATA_DIR'])\n"
    (folder / "app.py").write_text(head + textwrap.dedent(body))
    return folder


def filler(folder: Path, most_mb: int) -> Path:
    """Writes ``before.txt``, then 1 MB files until a write fails (or ``most_mb`` of them); the page says how it ended."""
    return bundle(
        folder,
        f"""
        (data / "before.txt").write_text("written before the quota ran out")
        outcome = "no error"
        chunk = os.urandom(1 << 20)
        try:
            for n in range({most_mb}):
                with open(data / f"fill-{{os.getpid()}}-{{n}}.bin", "wb") as handle:
                    handle.write(chunk)
        except OSError as error:
            outcome = "error " + (os.strerror(error.errno) if error.errno else str(error))
        st.write("OUTCOME: " + outcome)
        """,
    )


def test_an_app_cannot_write_past_its_data_quota(
    make_runner: Callable[..., AppRunner], apps: Apps, flashapps_home: Path, tmp_path: Path,
    proxy_server: Callable[[AppRunner], ProxyServer], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.setenv("FLASHAPPS_DATA_QUOTA_MB", str(QUOTA_MB))
    apps.add("greedy", filler(tmp_path / "greedy", most_mb=40))
    apps.add("modest", filler(tmp_path / "modest", most_mb=3))
    runner = make_runner(max_running=2)
    if runner.backend_name == "local":
        pytest.skip("the local backend isolates nothing: its quota is the watcher's (the next test)")
    if not can_mount():
        pytest.skip("no filesystem per app without root and loop devices: the watcher's test covers this machine")
    server = proxy_server(runner)
    greedy = flashapps_home / "appdata" / "greedy"

    page = session(f"{server.url}/apps/greedy/")
    assert b"OUTCOME: error No space left on device" in page, "a write past the quota did not fail"
    assert os.path.ismount(greedy) and image_of(greedy).is_file(), "the data folder is not a filesystem of its own"
    assert usage(greedy) <= QUOTA_MB * MB
    assert (greedy / "before.txt").read_text() == "written before the quota ran out"

    # another app is untouched: it writes what it likes, in a folder of its own
    assert b"OUTCOME: no error" in session(f"{server.url}/apps/modest/")
    assert len(list((flashapps_home / "appdata" / "modest").glob("fill-*.bin"))) == 3

    # stopped and started again: still bounded, the data written before still there and readable
    runner.stop("greedy")
    assert (greedy / "before.txt").read_text() == "written before the quota ran out"
    assert b"OUTCOME: error No space left on device" in session(f"{server.url}/apps/greedy/")
    assert usage(greedy) <= QUOTA_MB * MB
    print(f"{runner.backend_name}: {usage(greedy) / MB:.1f} MB held of a {QUOTA_MB} MB quota")


def test_the_watcher_stops_an_app_over_its_quota_and_refuses_it_while_over(
    make_runner: Callable[..., AppRunner], apps: Apps, flashapps_home: Path, tmp_path: Path,
    proxy_server: Callable[[AppRunner], ProxyServer], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """Where no filesystem can be mounted (the local backend, no root): stopped, then refused while over."""
    monkeypatch.setenv("FLASHAPPS_DATA_QUOTA_MB", "4")
    monkeypatch.setattr("sandbox.backends.quota.can_mount", lambda: False)
    apps.add("greedy", filler(tmp_path / "greedy", most_mb=6))
    runner = make_runner()
    server = proxy_server(runner)
    assert b"OUTCOME: no error" in session(f"{server.url}/apps/greedy/")
    served = runner.served("greedy")
    assert served is not None
    deadline = time.monotonic() + 15
    while served.alive() and time.monotonic() < deadline:  # looked at every two seconds at most
        time.sleep(0.2)
    assert not served.alive(), "an app over its quota kept running"
    runner.forget_dead("greedy")
    with pytest.raises(QuotaFull):
        runner.ensure("greedy")
    data = flashapps_home / "appdata" / "greedy"
    assert (data / "before.txt").is_file() and not os.path.ismount(data)
    for extra in data.glob("fill-*.bin"):  # the maker clears some: it starts again
        extra.unlink()
    assert b"OUTCOME: no error" in session(f"{server.url}/apps/greedy/")


def test_an_app_cannot_read_another_apps_data(
    make_runner: Callable[..., AppRunner], apps: Apps, flashapps_home: Path, tmp_path: Path,
    proxy_server: Callable[[AppRunner], ProxyServer],
) -> None:  # fmt: skip
    secret = "OTHER-APPS-RECORD-5521"
    apps.add("victim", bundle(tmp_path / "victim", "st.write('victim up')\n"))
    appdata = flashapps_home / "appdata"
    tries = [
        str(appdata / "victim" / "app.sqlite3"),  # by the host's absolute path
        str(appdata / "victim"),
        "../victim/app.sqlite3",  # beside its own data folder, relative to it
        "../appdata/victim/app.sqlite3",
        "/data/../victim/app.sqlite3",
        "/proc/1/root" + str(appdata / "victim" / "app.sqlite3"),
    ]
    apps.add(
        "snoop",
        bundle(
            tmp_path / "snoop",
            f"""
            import json
            found = {{}}
            for path in {tries!r}:
                where = path if path.startswith("/") else os.path.join(data, path)
                try:
                    if os.path.isdir(where):
                        found[path] = "LISTED " + " ".join(os.listdir(where))
                    else:
                        found[path] = "READ " + Path(where).read_bytes().decode("latin-1")
                except OSError as error:
                    found[path] = type(error).__name__
            for top, folders, files in os.walk("/"):
                folders[:] = [f for f in folders if os.path.join(top, f) not in ("/proc", "/sys", "/dev")]
                if "app.sqlite3" in files and os.path.join(top, "app.sqlite3") != str(data / "app.sqlite3"):
                    found["walk " + top] = "FOUND"
            (data / "probe.json").write_text(json.dumps(found))
            st.write("probed")
            """,
        ),
    )
    runner = make_runner(max_running=2)
    if runner.backend_name == "local":
        pytest.skip("the local backend isolates nothing (development only)")
    server = proxy_server(runner)
    assert b"victim up" in session(f"{server.url}/apps/victim/")
    with contextlib.closing(sqlite3.connect(appdata / "victim" / "app.sqlite3")) as db, db:
        db.execute("CREATE TABLE note (text TEXT)")
        db.execute("INSERT INTO note VALUES (?)", (secret,))
    assert b"probed" in session(f"{server.url}/apps/snoop/")
    found = json.loads((appdata / "snoop" / "probe.json").read_text())
    assert set(tries) <= set(found)
    leaked = {
        path: what for path, what in found.items() if secret in what or what.startswith(("READ", "LISTED", "FOUND"))
    }
    assert not leaked, f"{runner.backend_name}: another app's data was reachable: {leaked}"


SECRETS = {
    "DASHSCOPE_API_KEY": "sk-fake-dashscope-7731",
    "OPENAI_API_KEY": "sk-fake-openai-7731",
    "FLASHAPPS_LLM_API_KEY": "sk-fake-flashapps-7731",
    "FLASHAPPS_SESSION_SECRET": "fake-session-secret-7731",
    "AWS_SECRET_ACCESS_KEY": "fake-aws-7731",
    "SOME_TOKEN_NOBODY_LISTED": "fake-token-7731",
}


def test_no_secret_of_the_studios_environment_reaches_an_app(
    make_runner: Callable[..., AppRunner], apps: Apps, flashapps_home: Path, tmp_path: Path,
    proxy_server: Callable[[AppRunner], ProxyServer], monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    apps.add(
        "nosy",
        bundle(
            tmp_path / "nosy",
            """
            import json
            (data / "env.json").write_text(json.dumps(dict(os.environ)))
            st.write("ENV " + json.dumps(dict(os.environ)))
            """,
        ),
    )
    runner = make_runner()
    server = proxy_server(runner)
    page = session(f"{server.url}/apps/nosy/")
    seen = json.loads((flashapps_home / "appdata" / "nosy" / "env.json").read_text())
    assert "FLASHAPP_DATA_DIR" in seen and "PATH" in seen, "the probe did not run as an app"
    assert not set(SECRETS) & set(seen), f"{runner.backend_name} passed {set(SECRETS) & set(seen)}"
    assert not [k for k in seen if k.startswith("FLASHAPPS_")]
    text = json.dumps(seen).encode() + page
    assert not [value for value in SECRETS.values() if value.encode() in text]


class _Named:
    """A runner as the studio's banner sees it: the name of its backend."""

    def __init__(self, backend_name: str) -> None:
        self.backend_name = backend_name


def test_the_banner_says_when_the_quota_is_only_watched(monkeypatch: pytest.MonkeyPatch) -> None:
    from studio import services

    monkeypatch.setattr(services, "backend_banner", lambda: None)
    monkeypatch.setattr("sandbox.backends.quota.can_mount", lambda: False)
    warned = services.banner(_Named("docker"))
    assert warned is not None and "only watched" in warned[0] and "巡查" in warned[1]
    monkeypatch.setattr("sandbox.backends.quota.can_mount", lambda: True)
    assert services.banner(_Named("docker")) is None
