"""The ruff settings every bundle is checked with: ours only, whatever the bundle carries."""

from __future__ import annotations

__all__ = ["FIRST_PARTY", "LINE_LENGTH", "RULES", "ruff_check_args", "ruff_format_args"]

LINE_LENGTH = 120
RULES = "E,F,W,I,B,UP,SIM"
FIRST_PARTY = ("app", "components", "games", "logic", "storage", "tests")


def _common() -> list[str]:
    return [
        "--isolated",
        "--line-length",
        str(LINE_LENGTH),
        "--target-version",
        "py311",
    ]


def ruff_check_args() -> list[str]:
    """``ruff check`` arguments: no config files, ``noqa`` comments ignored."""
    known = ",".join(f'"{name}"' for name in FIRST_PARTY)
    return [
        "check",
        *_common(),
        "--select",
        RULES,
        "--ignore",
        "E501",
        "--ignore-noqa",
        "--config",
        f"lint.isort.known-first-party = [{known}]",
        "--output-format",
        "concise",
        "--no-cache",
    ]


def ruff_format_args() -> list[str]:
    return ["format", *_common(), "--check", "--diff", "--no-cache"]
