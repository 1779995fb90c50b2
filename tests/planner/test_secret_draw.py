"""Generated passwords and passphrases come from a secret draw the app makes for each visitor, never from the
settings: two visitors with the same settings get different ones, the New button makes another, and none is
kept in a history."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from generator.generate import generate
from generator.providers.offline import OfflineProvider
from generator.render import render

BUNDLE_MODULES = ("components", "games", "logic", "storage")


@pytest.fixture(autouse=True)
def fresh_modules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Each test's bundle is imported anew (AppTest keeps a bundle's modules in this process)."""
    monkeypatch.setenv("FLASHAPP_DATA_DIR", str(tmp_path / "data"))
    for name in BUNDLE_MODULES:
        monkeypatch.delitem(sys.modules, name, raising=False)
    yield
    for name in BUNDLE_MODULES:
        sys.modules.pop(name, None)


def _shown(at: AppTest) -> str:
    codes = at.get("code")
    assert codes, "the generator shows its result"
    return str(codes[0].proto.code_text)


@pytest.mark.parametrize(
    ("idea", "button"),
    [
        ("a password generator with symbols", "New password"),
        ("a passphrase generator: 5 words joined by dashes with a number", "New passphrase"),
        ("帮我做一个随机密码生成器", "换一个密码"),
    ],
)
def test_two_visitors_never_share_a_draw(tmp_path: Path, idea: str, button: str) -> None:
    spec = generate(idea, provider=OfflineProvider()).spec
    assert all(i.type == "draw" for c in spec.components() for i in getattr(c, "inputs", []) if i.name == "draw")
    bundle = render(spec, tmp_path / "app").path
    first, second = (AppTest.from_file(str(bundle / "app.py"), default_timeout=60) for _ in range(2))
    first.run()
    second.run()
    assert not first.exception and not second.exception
    one, two = _shown(first), _shown(second)
    assert one and two and one != two, "the same settings must not give the same secret"
    assert "calc__go" not in [b.key for b in first.button], "a generated secret is never kept in a history"
    again = next(b for b in first.button if b.label == button)
    again.click().run()
    assert _shown(first) not in (one, "")
