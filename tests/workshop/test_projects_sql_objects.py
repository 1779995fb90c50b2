"""Drafts' bundle bytes in S3-compatible object storage (``FLASHAPPS_OBJECT_STORE``) while their rows are in the
shared database: a real S3-compatible server (moto's, on a free port) and a throwaway PostgreSQL. The objects go
under ``<prefix>drafts/`` once per digest, another home fetches and checks them, a changed object is refused,
and pruning the last draft that used them removes them."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import sqlalchemy as sa
from moto.server import ThreadedMotoServer
from sample_specs import water_tracker

from flashapps.files import bundle_files
from gallery.objects import ObjectStoreError
from generator.render import render
from tests.gallery.pg import PgServer
from tests.workshop.pg_database import pg_server, shared_database
from workshop.projects import open_projects
from workshop.projects_sql import SqlProjectStore

pg = pytest.fixture(scope="module")(pg_server)


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


def _client(endpoint: str) -> Any:
    return boto3.session.Session().client("s3", endpoint_url=endpoint, region_name="us-east-1")


@pytest.fixture
def bucket(pg: PgServer | str, s3_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    for name, value in (("AWS_ACCESS_KEY_ID", "flashapps-test"), ("AWS_SECRET_ACCESS_KEY", "flashapps-test-secret"),
                        ("AWS_DEFAULT_REGION", "us-east-1"), ("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config")),
                        ("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))):  # fmt: skip
        monkeypatch.setenv(name, value)
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_PROFILE", "FLASHAPPS_GALLERY_OBJECT_STORE"):
        monkeypatch.delenv(name, raising=False)
    name = f"drafts-{secrets.token_hex(4)}"
    _client(s3_endpoint).create_bucket(Bucket=name)
    with shared_database(pg, monkeypatch, "o"):
        monkeypatch.setenv("FLASHAPPS_OBJECT_STORE", f"s3://{name}/school")
        monkeypatch.setenv("FLASHAPPS_OBJECT_STORE_ENDPOINT", s3_endpoint)
        yield name


def _keys(endpoint: str, bucket: str) -> list[str]:
    listed = _client(endpoint).list_objects_v2(Bucket=bucket).get("Contents", [])
    return sorted(str(item["Key"]) for item in listed)


def test_bundle_bytes_live_in_the_object_store_and_are_checked(bucket: str, s3_endpoint: str, tmp_path: Path) -> None:
    one, two = open_projects(tmp_path / "one"), open_projects(tmp_path / "two")
    assert isinstance(one, SqlProjectStore)
    pid = one.create("a water log", water_tracker()).id
    made = render(water_tracker(), one.bundle_dir(pid, 2))
    one.add(pid, water_tracker(), "the same again", [], digest=made.digest)
    keys = _keys(s3_endpoint, bucket)
    assert f"school/drafts/bundles/{made.digest}.json" in keys  # one list and one copy of each file per digest
    assert len(keys) == 1 + len(made.files) and all(k.startswith("school/drafts/bundles/") for k in keys)
    with one.engine.connect() as db:
        assert db.scalar(sa.text("SELECT count(*) FROM flashapps_draft_files")) == 0
        assert db.scalar(sa.text("SELECT in_objects FROM flashapps_draft_bundles")) is True

    seen = two.bundle(pid, 2)
    assert seen.path.is_relative_to(tmp_path / "two") and bundle_files(seen.path) == bundle_files(made.path)

    _client(s3_endpoint).put_object(Bucket=bucket, Key=f"school/drafts/bundles/{made.digest}/app.py", Body=b"x = 1\n")
    (seen.path / "app.py").write_text("changed here too\n")
    with pytest.raises(ObjectStoreError, match="do not match"):
        two.bundle(pid, 2)
    assert not seen.path.exists()  # nothing changed is left to be served

    assert one.prune_drafts(30, now=time.time() + 40 * 86400) == [pid]
    assert _keys(s3_endpoint, bucket) == []
