"""Assembles a game page the way the app does (templates/games/README.md): the runtime and the game's rules inlined
at their placeholder comments, CONFIG as JSON that cannot close the script tag."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["GAMES_DIR", "RULES_DIR", "RUNTIME", "config", "config_json", "page_html"]

GAMES_DIR = Path(__file__).resolve().parents[2] / "templates" / "games"
RULES_DIR = GAMES_DIR / "rules"
RUNTIME = GAMES_DIR / "runtime.js"
CONFIG_PLACEHOLDER = "__FLASH_CONFIG__"
RUNTIME_PLACEHOLDER = "/*__FLASH_RUNTIME__*/"
RULES_PLACEHOLDER = "/*__FLASH_RULES__*/"
ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))
THEME = {"primary": "#6d28d9", "background": "#f5f3ff", "surface": "#ffffff", "text": "#1f1235"}


def config_json(config: dict) -> str:
    """JSON for a script tag: no raw <, >, & or line/paragraph separators (they would end the tag or the line)."""
    text = json.dumps(config, ensure_ascii=False)
    for raw, escaped in ESCAPES:
        text = text.replace(raw, escaped)
    return text


def page_html(name: str, config: dict) -> str:
    """templates/games/<name>.html with the runtime, its rules (when rules/<name>.js exists) and CONFIG filled in."""
    page = (GAMES_DIR / f"{name}.html").read_text(encoding="utf-8")
    assert page.count(CONFIG_PLACEHOLDER) == 1, f"{name}: needs exactly one {CONFIG_PLACEHOLDER}"
    assert page.count(RUNTIME_PLACEHOLDER) == 1, f"{name}: needs exactly one {RUNTIME_PLACEHOLDER}"
    # Runtime and rules first, CONFIG last: a title holding a placeholder's text then changes nothing.
    page = page.replace(RUNTIME_PLACEHOLDER, RUNTIME.read_text(encoding="utf-8"), 1)
    rules = RULES_DIR / f"{name}.js"
    if rules.is_file():
        assert page.count(RULES_PLACEHOLDER) == 1, f"{name}: has rules/{name}.js but no single {RULES_PLACEHOLDER}"
        page = page.replace(RULES_PLACEHOLDER, rules.read_text(encoding="utf-8"), 1)
    return page.replace(CONFIG_PLACEHOLDER, config_json(config), 1)


def config(lang: str = "en", seed: int | None = 7, **params: object) -> dict:
    """A CONFIG as the app fills it: a title, a theme, the given params; no string overrides (the runtime's own)."""
    found: dict = {
        "lang": lang,
        "title": {"en": "Game time", "zh-Hans": "游戏时间", "zh-Hant": "遊戲時間"}.get(lang, "Game"),
    }
    found["theme"] = dict(THEME)
    found["params"] = dict(params)
    found["strings"] = {}
    if seed is not None:
        found["seed"] = seed
    return found
