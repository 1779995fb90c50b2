"""The real-model tier: Qwen2.5-Coder-0.5B (``local-small``) assembled once into the model cache
and served on 127.0.0.1 for the whole session, stopped at the end in every path.

Without the model (no cache and no network) these tests are skipped with the reason; under
``CI=true`` that is a failure instead, with the same message.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import unavailable

from flashapps.errors import UserError
from generator.localmodel import MODELS, LocalModelSettings, LocalServer, install
from generator.localmodel.installs import _sha256_file
from generator.providers.local_provider import LocalProvider

MODEL = "local-small"


def _unavailable(why: str) -> None:
    unavailable(
        f"the {MODEL} model is not available: {why}", f"run `make models` or `flashapps models install {MODEL}`"
    )


@pytest.fixture(scope="session")
def model_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("realmodel-home")


@pytest.fixture(scope="session")
def local_model(model_home: Path) -> Path:
    """The checked model file: reused from the cache when its sha256 matches, assembled from the
    checked chunks when it is not there; a cached file that does not match is a failure."""
    info = MODELS[MODEL]
    cached = LocalModelSettings(_env_file=None).models_dir / info.file_name
    began = time.perf_counter()
    if cached.is_file():
        size, digest = cached.stat().st_size, _sha256_file(cached)
        if (size, digest) != (info.size, info.sha256):
            pytest.fail(
                f"the cached model {cached} does not match: {size:,} bytes with sha256 {digest}, expected "
                f"{info.size:,} bytes with sha256 {info.sha256}. `flashapps models install {MODEL}` rebuilds it "
                "from its checked chunks.",
                pytrace=False,
            )
    try:
        path = install(MODEL, home=model_home, full_check=True)
    except UserError as exc:
        _unavailable(exc.message("en"))
    print(f"\n{MODEL} checked in {time.perf_counter() - began:.1f} s: {path}")
    return path


@pytest.fixture(scope="session")
def local_server(local_model: Path, model_home: Path) -> Iterator[LocalServer]:
    """One server for the session: one thread (deterministic, and fast on a busy machine)."""
    server = LocalServer(local_model, ctx=4096, threads=1, idle_minutes=None, log_dir=model_home / "logs")
    try:
        server.start()
        print(f"\nmodel server up in {server.started_s:.1f} s at {server.url}")
        yield server
    except UserError as exc:
        _unavailable(exc.message("en"))
    finally:
        server.stop()


@pytest.fixture
def local_provider(local_server: LocalServer) -> Iterator[LocalProvider]:
    provider = LocalProvider(LocalModelSettings(_env_file=None, local_max_attempts=2), server=local_server)
    try:
        yield provider
    finally:
        provider.close()
