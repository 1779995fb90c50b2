"""Golden files: representative bundles rendered byte for byte as reviewed.

After an intended template change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/generator/test_golden.py``
and review the diff like any other code change.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from sample_specs import water_tracker

from flashapps.spec import AppSpec
from generator.render import render_files

GOLDEN = Path(__file__).resolve().parents[1] / "golden"


def _planned(idea: str) -> Callable[[], AppSpec]:
    def build() -> AppSpec:
        from generator.planner import plan

        return plan(idea).spec

    return build


CASES: dict[str, Callable[[], AppSpec]] = {
    "water_tracker": water_tracker,
    "diet_zh_hant": _planned("幫我設計一個日常監督飲食攝入的應用"),
    "vocab_game_zh": _planned("帮我做一个背单词的小游戏"),
    "photosynthesis_quiz": _planned("a quiz on photosynthesis for my class"),
}


def _cache(path: Path, folder: Path) -> bool:
    """Caches tools leave beside the files (ruff, pytest, Python) are not part of a bundle."""
    return any(part in (".ruff_cache", "__pycache__", ".pytest_cache") for part in path.relative_to(folder).parts)


@pytest.mark.parametrize("name", sorted(CASES))
def test_rendered_bundle_matches_golden_files(name: str) -> None:
    files = render_files(CASES[name]())
    folder = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for relative, content in files.items():
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
        for stale in {
            p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not _cache(p, folder)
        } - set(files):
            (folder / stale).unlink()
    on_disk = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file() and not _cache(p, folder)}
    assert on_disk == set(files), "files added or removed; run with UPDATE_GOLDEN=1 and review"
    for relative, content in files.items():
        assert (folder / relative).read_text(encoding="utf-8") == content, f"{name}/{relative} differs"
