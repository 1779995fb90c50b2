"""Every rules engine's node tests (tests/games/js/*.test.js), one pytest case per file, run with `node --test`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from support import unavailable

JS_TESTS = sorted((Path(__file__).resolve().parent / "js").glob("*.test.js"))


@pytest.mark.parametrize("script", JS_TESTS, ids=[path.name.removesuffix(".test.js") for path in JS_TESTS])
def test_rules_engine(script: Path) -> None:
    node = shutil.which("node")
    if node is None:
        unavailable("node is not installed (it runs the games' rules tests)", "apt-get install -y nodejs")
    done = subprocess.run(
        [node, "--test", str(script)], capture_output=True, text=True, timeout=120, check=False, cwd=script.parent
    )
    assert done.returncode == 0, f"node --test {script.name} failed:\n{done.stdout[-6000:]}\n{done.stderr[-3000:]}"
