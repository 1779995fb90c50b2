"""End to end: a rendered bundle really verified in the Docker sandbox, published, downloaded."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ready_docker

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, UserView
from sandbox.backends.docker_backend import DockerBackend, remove_leftovers
from sandbox.verify import verify


@pytest.fixture(scope="module")
def docker() -> Iterator[DockerBackend]:
    backend = ready_docker()
    yield backend
    remove_leftovers(backend.client)


@pytest.fixture(scope="module")
def verified(docker: DockerBackend, water_bundle: AppBundle) -> VerifyReport:
    """The water tracker's real verify report (once for both databases)."""
    return verify(water_bundle.path, backend=docker)


@pytest.mark.docker
def test_a_really_verified_bundle_publishes_and_downloads(
    gallery: Gallery, maker: UserView, water_bundle: AppBundle, verified: VerifyReport, tmp_path: Path
) -> None:
    assert verified.passed, verified.note or [t.output for t in verified.failed_tests]
    assert verified.isolated and verified.backend == "docker"
    app = gallery.apps.publish(maker, water_bundle, verified)
    version = gallery.apps.get_version(app.slug, 1)
    assert version.verify_report == verified
    with zipfile.ZipFile(io.BytesIO(gallery.apps.download_zip(app.slug, 1))) as archive:
        archive.extractall(tmp_path)
    root = tmp_path / f"{app.slug}-v1"
    for name in water_bundle.files:
        if name == "README.md":  # the zip's README ends with where the app is shared
            assert (root / name).read_bytes().startswith((water_bundle.path / name).read_bytes().rstrip(b"\n"))
            continue
        assert (root / name).read_bytes() == (water_bundle.path / name).read_bytes()
