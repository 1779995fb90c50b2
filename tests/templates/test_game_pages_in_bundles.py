"""A bundle carries each game's page exactly as the browser tests played it: the runtime and the game's
rules inlined, CONFIG left for the app to fill."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from flashapps.spec import CANVAS_GAMES
from generator.render import game_page

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "games"))
from game_support import config, config_json, page_html


@pytest.mark.parametrize("name", CANVAS_GAMES)
def test_a_bundles_page_is_the_page_the_browser_tests_play(name: str) -> None:
    page = game_page(name)
    assert "/*__FLASH_RUNTIME__*/" not in page and "/*__FLASH_RULES__*/" not in page
    assert page.count("__FLASH_CONFIG__") == 1
    assert "var FG" in page or "const FG" in page or "window.FG" in page
    assert '"""' not in page and "\\\n" not in page  # embedded in a Python raw string
    played = config(lang="zh-Hant", seed=3, items=["</script>", "🍎"])
    assert page.replace("__FLASH_CONFIG__", config_json(played), 1) == page_html(name, played)
