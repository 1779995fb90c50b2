"""The bench tests use the scripted OpenAI-compatible server of the model-provider tests."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "llm"))


@pytest.fixture(autouse=True)
def no_model_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """No model setting of the machine running the tests leaks into them."""
    for name in list(os.environ):
        if name.startswith(("FLASHAPPS_LLM_", "OPENAI_")):
            monkeypatch.delenv(name)
