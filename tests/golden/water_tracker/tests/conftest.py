"""Every test gets an empty data folder, so tests never touch the app's real records."""

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from tests.helpers import APP


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.fixture
def at() -> AppTest:
    """The app after its first run."""
    app = AppTest.from_file(APP, default_timeout=30).run()
    assert not app.exception, app.exception
    return app
