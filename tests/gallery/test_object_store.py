"""Bundle files in S3-compatible object storage, against a real S3 server these tests start on 127.0.0.1 (moto's
standalone server): publish and download, two replicas with their own local folders, restarts, backups, and the
clear message when the bucket is missing or the store cannot be reached. The local folder stays the default."""

from __future__ import annotations

import io
import secrets
import shutil
import socket
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto.server import ThreadedMotoServer

from flashapps.bundle import AppBundle
from flashapps.files import bundle_files
from flashapps.report import VerifyReport
from gallery import Gallery, GallerySettings, open_gallery
from gallery.files import FileStore
from gallery.objects import ObjectFileStore, ObjectStoreError, explain_error, parse_location


@pytest.fixture(scope="module")
def s3_endpoint() -> Iterator[str]:
    """A real S3-compatible server on a free 127.0.0.1 port, for this module."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture(autouse=True)
def _credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "flashapps-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "flashapps-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_PROFILE", "FLASHAPPS_OBJECT_STORE"):
        monkeypatch.delenv(name, raising=False)


def _client(endpoint: str) -> Any:
    return boto3.session.Session().client("s3", endpoint_url=endpoint, region_name="us-east-1")


@pytest.fixture
def bucket(s3_endpoint: str) -> str:
    name = f"gallery-{secrets.token_hex(4)}"
    _client(s3_endpoint).create_bucket(Bucket=name)
    return name


def _keys(endpoint: str, bucket: str) -> dict[str, bytes]:
    client = _client(endpoint)
    listed = client.list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: client.get_object(Bucket=bucket, Key=item["Key"])["Body"].read() for item in listed}


def _settings(tmp_path: Path, store: str, url: str, endpoint: str, database: str = "shared") -> GallerySettings:
    return GallerySettings(
        database_url=f"sqlite:///{tmp_path / database}.sqlite3",
        store_dir=tmp_path / store,
        object_store=url,
        object_store_endpoint=endpoint,
    )


def _entries(archive: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return {name.split("/", 1)[1]: opened.read(name) for name in opened.namelist()}


@pytest.fixture
def opened() -> Iterator[Callable[[GallerySettings], Gallery]]:
    galleries: list[Gallery] = []

    def _open(settings: GallerySettings) -> Gallery:
        galleries.append(open_gallery(settings))
        return galleries[-1]

    yield _open
    for each in galleries:
        each.close()


def test_publish_then_download_gives_the_same_bytes_from_the_object_store(
    gallery_settings: GallerySettings, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    settings = gallery_settings.model_copy(
        update={"object_store": f"s3://{bucket}/schools/one", "object_store_endpoint": s3_endpoint}
    )
    gallery = opened(settings)
    assert isinstance(gallery.files, ObjectFileStore)
    maker = gallery.accounts.register("maker", "maker-password")
    app = gallery.apps.publish(maker, water_bundle, passed)
    version = gallery.apps.get_version(app.slug)
    expected = bundle_files(water_bundle.path)

    stored = _keys(s3_endpoint, bucket)
    prefix = f"schools/one/bundles/{version.digest}"
    assert {f"{prefix}/{name}": content for name, content in expected.items()} == {
        key: value for key, value in stored.items() if key.startswith(prefix + "/")
    }
    assert f"{prefix}.json" in stored
    first = gallery.apps.download_zip(app.slug)
    entries = _entries(first)
    assert {name: content for name, content in entries.items() if name != "README.md"} == {
        name: content for name, content in expected.items() if name != "README.md"
    }
    assert entries["README.md"].startswith(expected["README.md"].rstrip(b"\n"))

    shutil.rmtree(gallery.files.folder(version.digest))  # this process's local copy is gone
    assert gallery.apps.download_zip(app.slug) == first  # fetched again from the object store, byte for byte


def test_two_replicas_with_their_own_folders_share_bundles_and_keep_them_across_restarts(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, variant: Callable[..., AppBundle],
    passed: VerifyReport, opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    url = f"s3://{bucket}"
    a = opened(_settings(tmp_path, "replica-a", url, s3_endpoint))
    b = opened(_settings(tmp_path, "replica-b", url, s3_endpoint))
    maker = a.accounts.register("maker", "maker-password")
    water = a.apps.publish(maker, water_bundle, passed)
    digest = a.apps.get_version(water.slug).digest
    assert list(b.files.files_dir.iterdir()) == []
    assert b.apps.download_zip(water.slug) == a.apps.download_zip(water.slug)
    served = b.files.path(digest)  # what the serving side mounts: a full local copy on replica b
    assert (served / "app.py").read_bytes() == (water_bundle.path / "app.py").read_bytes()

    zh = b.apps.publish(maker, variant(title="喝水记录", language="zh-Hans"), passed, app=water.slug)
    assert zh.latest_version == 2
    assert a.apps.download_zip(water.slug, 2) == b.apps.download_zip(water.slug, 2)
    assert a.curation.inspect(a.accounts.create_maintainer("boss", "boss-password"), water.slug, 2).code

    keys = _keys(s3_endpoint, bucket)
    for each in (a, b):
        each.close()
    again = opened(_settings(tmp_path, "replica-a", url, s3_endpoint))  # a restart: the recovery sweep runs
    fresh = opened(_settings(tmp_path, "new-machine", url, s3_endpoint))  # a replica on a new, empty disk
    assert _keys(s3_endpoint, bucket) == keys  # recovery never removes objects
    for number in (1, 2):
        assert fresh.apps.download_zip(water.slug, number) == again.apps.download_zip(water.slug, number)


def test_a_missing_bucket_leaves_the_app_unpublished_with_a_clear_message_and_publishing_again_works(
    tmp_path: Path, s3_endpoint: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    name = f"not-made-yet-{secrets.token_hex(4)}"
    gallery = opened(_settings(tmp_path, "store", f"s3://{name}/apps", s3_endpoint))
    maker = gallery.accounts.register("maker", "maker-password")
    with pytest.raises(ObjectStoreError) as caught:
        gallery.apps.publish(maker, water_bundle, passed)
    error = caught.value
    assert error.code == "missing-bucket"
    assert name in error.message("en") and "does not exist" in error.message("en")
    assert name in error.message("zh") and "存储桶" in error.message("zh")
    assert error.__cause__ is None and "Traceback" not in error.message("en")
    assert gallery.browse().total == 0 and gallery.apps.my_apps(maker) == []
    assert list(gallery.files.files_dir.iterdir()) == [] and list(gallery.files.staging_dir.iterdir()) == []

    _client(s3_endpoint).create_bucket(Bucket=name)  # a maintainer makes the bucket; the maker publishes again
    app = gallery.apps.publish(maker, water_bundle, passed)
    assert gallery.browse().total == 1
    assert any(key.startswith("apps/bundles/") for key in _keys(s3_endpoint, name))
    assert _entries(gallery.apps.download_zip(app.slug))["app.py"] == (water_bundle.path / "app.py").read_bytes()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_an_unreachable_store_gives_a_clear_message_on_publish_and_on_read(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    nowhere = f"http://127.0.0.1:{_closed_port()}"
    down = opened(_settings(tmp_path, "down", f"s3://{bucket}", nowhere))
    maker = down.accounts.register("maker", "maker-password")
    with pytest.raises(ObjectStoreError) as caught:
        down.apps.publish(maker, water_bundle, passed)
    assert caught.value.code == "unreachable"
    assert nowhere in caught.value.message("en") and "FLASHAPPS_OBJECT_STORE_ENDPOINT" in caught.value.message("en")
    assert "无法连接" in caught.value.message("zh")
    assert down.browse().total == 0

    up = opened(_settings(tmp_path, "up", f"s3://{bucket}", s3_endpoint))
    app = up.apps.publish(maker, water_bundle, passed)
    with pytest.raises(ObjectStoreError) as read:  # the same row, read by a replica that cannot reach the store
        down.apps.download_zip(app.slug)
    assert read.value.code == "unreachable"
    assert list(down.files.files_dir.iterdir()) == []  # nothing half-fetched is left as if it were whole


def test_a_changed_object_is_refused_and_a_deleted_app_takes_its_objects_along(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    a = opened(_settings(tmp_path, "a", f"s3://{bucket}", s3_endpoint))
    maker = a.accounts.register("maker", "maker-password")
    boss = a.accounts.create_maintainer("boss", "boss-password")
    app = a.apps.publish(maker, water_bundle, passed)
    digest = a.apps.get_version(app.slug).digest
    _client(s3_endpoint).put_object(Bucket=bucket, Key=f"bundles/{digest}/app.py", Body=b"print('changed')\n")
    b = opened(_settings(tmp_path, "b", f"s3://{bucket}", s3_endpoint))
    with pytest.raises(ObjectStoreError) as caught:
        b.apps.download_zip(app.slug)
    assert caught.value.code == "changed" and "不一致" in caught.value.message("zh")
    assert list(b.files.files_dir.iterdir()) == []

    a.curation.delete(boss, app.slug, "spam")
    assert _keys(s3_endpoint, bucket) == {}
    assert list(a.files.files_dir.iterdir()) == []


def test_a_backup_restores_into_another_bucket_that_a_new_replica_then_reads(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    source = opened(_settings(tmp_path, "source", f"s3://{bucket}", s3_endpoint, database="source"))
    maker = source.accounts.register("maker", "maker-password")
    app = source.apps.publish(maker, water_bundle, passed)
    shutil.rmtree(source.files.folder(source.apps.get_version(app.slug).digest))  # the backup fetches it
    archive = source.backup(tmp_path / "gallery.tar.gz")

    other = f"restored-{secrets.token_hex(4)}"
    _client(s3_endpoint).create_bucket(Bucket=other)
    target = opened(_settings(tmp_path, "target", f"s3://{other}/kept", s3_endpoint, database="target"))
    target.restore(archive)
    assert any(key.startswith("kept/bundles/") for key in _keys(s3_endpoint, other))
    reader = opened(_settings(tmp_path, "reader", f"s3://{other}/kept", s3_endpoint, database="target"))
    assert reader.apps.download_zip(app.slug) == source.apps.download_zip(app.slug)


def test_a_restore_whose_upload_fails_changes_nothing(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    source = opened(_settings(tmp_path, "source", f"s3://{bucket}", s3_endpoint, database="source"))
    maker = source.accounts.register("maker", "maker-password")
    source.apps.publish(maker, water_bundle, passed)
    archive = source.backup(tmp_path / "gallery.tar.gz")
    target = opened(_settings(tmp_path, "target", "s3://never-made-bucket", s3_endpoint, database="target"))
    target.accounts.register("someone", "someone-password")
    with pytest.raises(ObjectStoreError) as caught:
        target.restore(archive)
    assert caught.value.code == "missing-bucket"
    assert target.accounts.login("someone", "someone-password") is not None  # the target's rows are untouched
    assert target.browse().total == 0


def test_the_setting_is_read_from_the_environment_and_a_wrong_one_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, s3_endpoint: str, bucket: str
) -> None:
    assert type(open_gallery(GallerySettings(store_dir=tmp_path / "plain")).files) is FileStore  # the default
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE", f"s3://{bucket}/p")
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE_ENDPOINT", s3_endpoint)
    settings = GallerySettings(store_dir=tmp_path / "cache")
    assert (settings.object_store, settings.object_store_endpoint) == (f"s3://{bucket}/p", s3_endpoint)
    assert parse_location(settings.object_store) == (bucket, "p/")
    assert parse_location("s3://b") == ("b", "")
    for wrong in ("gs://b/p", "s3://", "bucket/p", "s3://b/../p"):
        with pytest.raises(ObjectStoreError) as caught:
            parse_location(wrong)
        assert caught.value.code == "bad-setting" and "s3://" in caught.value.message("zh")


def test_refusals_and_missing_keys_are_named_for_what_they_are() -> None:
    """The mapping of the store's refusals (moto's server does not check keys, so they are built here)."""
    from botocore.exceptions import ClientError, NoCredentialsError

    def refused(code: str, status: int) -> ClientError:
        return ClientError({"Error": {"Code": code}, "ResponseMetadata": {"HTTPStatusCode": status}}, "PutObject")

    assert explain_error(refused("AccessDenied", 403), "http://s3.school", "apps").code == "access-denied"
    assert explain_error(refused("InvalidAccessKeyId", 403), "http://s3.school", "apps").code == "access-denied"
    assert explain_error(refused("NoSuchKey", 404), "http://s3.school", "apps").code == "missing-object"
    assert explain_error(refused("SlowDown", 503), "http://s3.school", "apps").code == "error"
    denied = explain_error(refused("AccessDenied", 403), "http://s3.school", "apps")
    assert "AWS_SECRET_ACCESS_KEY" in denied.message("en") and "拒绝访问" in denied.message("zh")
    assert explain_error(NoCredentialsError(), "s3", "apps").code == "no-credentials"
