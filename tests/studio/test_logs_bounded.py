"""Logs stay bounded: the command line's flashapps.log rotates, and an app's app.log keeps only its newest bytes
however much the app prints (before: both grew without end)."""

from __future__ import annotations

import logging
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from flashapps.settings import Settings
from sandbox.backends.serve import APP_LOG_BYTES, ProcessServed, ServeDirs, drain_capped
from studio import cli


def test_the_command_lines_log_rotates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "LOG_BYTES", 64 * 1024)
    root = logging.getLogger()
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    try:
        cli._logging(Settings(home=tmp_path), verbose=False)
        [handler] = [h for h in root.handlers if h not in before]
        for n in range(20_000):
            logging.getLogger("studio").info("proxied request %d %s", n, "x" * 60)
        handler.close()
        root.removeHandler(handler)
    finally:
        for handler in before:
            root.addHandler(handler)
    logs = sorted((tmp_path / "logs").glob("flashapps.log*"))
    assert [p.name for p in logs] == ["flashapps.log", "flashapps.log.1", "flashapps.log.2", "flashapps.log.3"]
    assert all(p.stat().st_size <= 64 * 1024 for p in logs)
    assert "proxied request 19999" in (tmp_path / "logs" / "flashapps.log").read_text()


def test_an_apps_log_keeps_its_newest_bytes_under_the_cap(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys\nfor n in range(200_000): print('line', n, 'y' * 40)\nprint('the end')"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )  # fmt: skip
    log = tmp_path / "app.log"
    drain = threading.Thread(target=drain_capped, args=(child.stdout, log, 100_000))
    drain.start()
    assert child.wait(timeout=60) == 0
    drain.join(timeout=60)
    text = log.read_text()
    assert log.stat().st_size <= 100_000 and text.rstrip().endswith("the end")
    assert "line 199999" in text and "line 0 " not in text


def test_a_served_process_writes_its_log_through_the_cap(tmp_path: Path) -> None:
    (tmp_path / "code").mkdir()
    (tmp_path / "code" / "app.py").write_text("x = 1\n")
    dirs = ServeDirs(tmp_path / "code", None)
    script = f"import sys\nsys.stdout.write('z' * {3 * APP_LOG_BYTES})\nprint('done')"
    served = ProcessServed("local", [sys.executable, "-c", script], dirs)
    assert served.process.wait(timeout=60) == 0
    for _ in range(100):
        if served.logs().endswith("done\n"):
            break
        threading.Event().wait(0.05)
    try:
        assert served.logs().endswith("done\n") and (dirs.root / "app.log").stat().st_size <= APP_LOG_BYTES
    finally:
        served.stop()
