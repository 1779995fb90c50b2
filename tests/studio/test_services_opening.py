"""The first requests of a fresh replica arrive together: the gallery is opened (and migrated) by one thread,
never by several at once (Alembic's upgrade is not thread-safe; several at once answered 500s)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from studio import services


def test_the_gallery_is_opened_once_when_many_ask_at_once(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    closed: list[bool] = []

    class Opened:
        def close(self) -> None:
            closed.append(True)

    monkeypatch.setenv("FLASHAPPS_HOME", str(tmp_path))
    services._gallery.cache_clear()
    inside, most, opened = 0, 0, []
    count = threading.Lock()

    def slow_open(settings: Any) -> object:
        nonlocal inside, most
        with count:
            inside += 1
            most = max(most, inside)
        time.sleep(0.2)  # a migration takes a while
        with count:
            inside -= 1
        opened.append(settings)
        return Opened()

    monkeypatch.setattr(services, "open_gallery", slow_open)
    threads = [threading.Thread(target=services.gallery) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    services.close_opened()
    assert len(opened) == 1 and most == 1 and closed == [True]
