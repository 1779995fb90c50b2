"""One exception base, one user-facing subclass shown at the edge (CLI or studio page).

httpx-style tree:
    FlashAppsError            broken infrastructure or a bug: shown as a short line plus a log
    └── UserError             something the user can fix: carries the message in en and zh
        ├── IdeaError         the sentence itself (empty, too long)
        └── GenerationError   a stage could not produce a valid result (names stage and attempts)
"""

from __future__ import annotations

__all__ = ["FlashAppsError", "GenerationError", "IdeaError", "UserError", "pick_language"]


def pick_language(language: str | None) -> str:
    """``en`` or ``zh``: the language a message to this user is written in."""
    return "zh" if (language or "").startswith("zh") else "en"


class FlashAppsError(Exception):
    """Base of every error this project raises on purpose."""


class UserError(FlashAppsError):
    """An error the user can act on; ``message(lang)`` says what happened and what to do next."""

    def __init__(self, en: str, zh: str) -> None:
        super().__init__(en)
        self.messages = {"en": en, "zh": zh}

    def message(self, language: str | None = None) -> str:
        return self.messages[pick_language(language)]


class IdeaError(UserError):
    """The idea cannot be used as it is (empty, too long)."""


class GenerationError(UserError):
    """A stage gave no valid result within its attempts."""

    def __init__(self, en: str, zh: str, *, stage: str, attempts: int, last_output: str = "") -> None:
        super().__init__(en, zh)
        self.stage = stage
        self.attempts = attempts
        self.last_output = last_output
