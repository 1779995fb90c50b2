"""The object store sweep (``flashapps gallery sweep-objects``, gallery/sweep.py) against a real S3 server these
tests start on 127.0.0.1 (moto's standalone server, the fixture of test_object_store.py).

Checked: a bundle no version refers to, older than the grace period, is deleted (its list first) and counted
with its bytes; a young one (an upload in flight), every referenced one and objects that are not the gallery's
stay; a dry run deletes nothing; a version written between the listing and the delete keeps its bundle; a
publisher that finds its bundle already stored makes it young again, and one whose bundle was swept before its
row was written uploads it again; a store that fails is told plainly, in English and Chinese, by the command too.
"""

from __future__ import annotations

import secrets
import shutil
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import test_object_store as shared
from test_object_store import _client, _keys, _settings

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Gallery, GallerySettings
from gallery.cli import main
from gallery.errors import UserError
from gallery.objects import ObjectFileStore
from gallery.sweep import SweepStopped, report, sweep_objects

DAY_S = 24 * 3600.0
s3_endpoint, bucket, opened = shared.s3_endpoint, shared.bucket, shared.opened  # that module's fixtures: its S3 server
_credentials = shared._credentials  # its test keys, for every test here too


def _orphan(gallery: Gallery, files: dict[str, bytes]) -> str:
    """A bundle uploaded by a publish that died before its row was written (staged, never finished)."""
    with gallery.files.stage(files) as staged:
        pass
    return staged.digest


def _times(endpoint: str, bucket: str) -> dict[str, tuple[int, float]]:
    listed = _client(endpoint).list_objects_v2(Bucket=bucket).get("Contents", [])
    return {item["Key"]: (item["Size"], item["LastModified"].timestamp()) for item in listed}


def _of(times: dict[str, tuple[int, float]], prefix: str, digest: str) -> dict[str, tuple[int, float]]:
    return {key: value for key, value in times.items() if key.startswith(f"{prefix}bundles/{digest}")}


def _files(bundle: AppBundle, extra: str) -> dict[str, bytes]:
    files = dict(ObjectFileStore.collect(bundle.path))
    files["notes.txt"] = extra.encode()
    return files


def test_an_old_orphan_goes_and_young_referenced_and_foreign_objects_stay(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, passed: VerifyReport,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    gallery = opened(_settings(tmp_path, "store", f"s3://{bucket}/school", s3_endpoint))
    maker = gallery.accounts.register("maker", "maker-password")
    app = gallery.apps.publish(maker, water_bundle, passed)
    live = gallery.apps.get_version(app.slug).digest
    old = _orphan(gallery, _files(water_bundle, "crashed before its row"))
    time.sleep(1.2)  # the store keeps times to the second
    young = _orphan(gallery, _files(water_bundle, "still being published"))
    client = _client(s3_endpoint)
    for foreign in ("school/drafts/bundles/" + old + ".json", "school/bundles/not-a-bundle.txt", "elsewhere/x"):
        client.put_object(Bucket=bucket, Key=foreign, Body=b"not the gallery's")
    times = _times(s3_endpoint, bucket)
    swept_old = _of(times, "school/", old)
    assert len(swept_old) == len(_files(water_bundle, "")) + 1  # every file and the list
    now = min(t for _, t in _of(times, "school/", young).values()) + DAY_S - 0.5  # old is past the grace, young not
    assert max(t for _, t in swept_old.values()) < now - DAY_S

    done = sweep_objects(gallery, 24, now=now)
    assert done.orphans == [old] and not done.dry_run
    assert done.deleted == len(swept_old) and done.freed_bytes == sum(size for size, _ in swept_old.values())
    assert done.young == len(_of(times, "school/", young)) and done.kept == len(_of(times, "school/", live))
    assert done.other == 1 and done.objects == len(times) - 2  # only bundles/ is looked at
    left = set(_times(s3_endpoint, bucket))
    assert left == set(times) - set(swept_old)
    shutil.rmtree(gallery.files.folder(live))  # the referenced bundle is whole: fetched again from the store
    assert gallery.apps.download_zip(app.slug)
    said = report(done, "en")
    assert "Deleted 1 bundles" in said and f"{done.deleted} objects" in said and "younger than 24 hours" in said
    assert "已删除 1 个" in report(done, "zh") and "释放" in report(done, "zh")

    again = sweep_objects(gallery, 24, now=now + 10 * DAY_S)  # much later: the young orphan is old now
    assert again.orphans == [young] and set(_times(s3_endpoint, bucket)) == left - set(_of(times, "school/", young))
    assert again.kept == len(_of(times, "school/", live))  # never a referenced object, however old


def test_a_dry_run_deletes_nothing_and_says_what_it_would(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    settings = _settings(tmp_path, "store", f"s3://{bucket}", s3_endpoint)
    gallery = opened(settings)
    orphan = _orphan(gallery, _files(water_bundle, "dry"))
    before = _keys(s3_endpoint, bucket)
    done = sweep_objects(gallery, 24, dry_run=True, now=time.time() + 2 * DAY_S)
    assert done.dry_run and done.orphans == [orphan] and done.deleted == len(before) and done.freed_bytes > 0
    assert _keys(s3_endpoint, bucket) == before
    assert "nothing was deleted" in report(done, "en") and "未删除任何对象" in report(done, "zh")

    monkeypatch.setenv("FLASHAPPS_GALLERY_DATABASE_URL", settings.database_url)
    monkeypatch.setenv("FLASHAPPS_GALLERY_STORE_DIR", str(settings.store_dir))
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE", f"s3://{bucket}")
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE_ENDPOINT", s3_endpoint)
    assert main(["--lang", "zh", "sweep-objects", "--dry-run"]) == 0
    said = capsys.readouterr().out
    assert f"检查了 {len(before)} 个对象" in said and f"{len(before)} 个不到 24 小时" in said and "试运行" in said
    assert main(["--lang", "en", "sweep-objects", "--older-than-hours", "1"]) == 0  # young: nothing goes
    assert "Deleted 0 bundles" in capsys.readouterr().out and _keys(s3_endpoint, bucket) == before
    assert main(["sweep-objects", "--older-than-hours", "0.1"]) == 1
    assert "at least 1 hour" in capsys.readouterr().err


def test_a_bundle_taken_up_again_is_never_swept(
    tmp_path: Path, s3_endpoint: str, bucket: str, water_bundle: AppBundle,
    opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    gallery = opened(_settings(tmp_path, "store", f"s3://{bucket}", s3_endpoint))
    store = gallery.files
    assert isinstance(store, ObjectFileStore)
    files = _files(water_bundle, "taken up again")
    digest = _orphan(gallery, files)
    later = time.time() + 2 * DAY_S
    asked: list[set[str]] = []

    def row_written_meanwhile(digests: set[str]) -> set[str]:  # none at the listing, one by the delete
        asked.append(digests)
        return set() if len(asked) == 1 else digests & {digest}

    done = store.sweep(row_written_meanwhile, DAY_S, now=later)
    assert done.orphans == [] and done.deleted == 0 and len(_keys(s3_endpoint, bucket)) == len(files) + 1

    time.sleep(1.2)
    first = _times(s3_endpoint, bucket)
    _orphan(gallery, files)  # a publisher finds the bundle stored: it writes its list again
    refreshed = _times(s3_endpoint, bucket)
    manifest = f"bundles/{digest}.json"
    assert refreshed[manifest][1] > first[manifest][1]
    done = store.sweep(lambda digests: set(), DAY_S, now=refreshed[manifest][1] + DAY_S - 0.5)
    assert done.orphans == [] and done.young == len(files) + 1  # its older files are kept with it

    with store.stage(files) as staged:  # a sweep takes the bundle after its upload, before its row
        store.objects.delete([manifest, *(f"bundles/{digest}/{name}" for name in staged.files)])
        assert _keys(s3_endpoint, bucket) == {}
        store.finish(staged)  # the row is written: the bundle is checked and uploaded again
    assert set(_keys(s3_endpoint, bucket)) == set(first)
    shutil.rmtree(store.folder(digest))
    assert store.read(digest, sorted(files)) == files  # whole again, fetched from the store


def test_a_failing_store_is_told_plainly(
    tmp_path: Path, s3_endpoint: str, bucket: str, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str], opened: Callable[[GallerySettings], Gallery],
) -> None:  # fmt: skip
    with __import__("socket").socket() as probe:
        probe.bind(("127.0.0.1", 0))
        nowhere = f"http://127.0.0.1:{probe.getsockname()[1]}"
    down = opened(_settings(tmp_path, "down", f"s3://{bucket}", nowhere))
    with pytest.raises(SweepStopped) as caught:
        sweep_objects(down)
    error = caught.value
    assert error.code == "unreachable" and "Traceback" not in error.message("en")
    assert error.message("en").startswith("The sweep of the file storage stopped: ")
    assert nowhere in error.message("en") and "0 objects" in error.message("en")
    assert "清理中断" in error.message("zh") and "无法连接" in error.message("zh")

    missing = f"never-made-{secrets.token_hex(4)}"
    gone = opened(_settings(tmp_path, "gone", f"s3://{missing}", s3_endpoint))
    with pytest.raises(SweepStopped) as caught:
        sweep_objects(gone)
    assert caught.value.code == "missing-bucket" and missing in caught.value.message("zh")

    monkeypatch.setenv("FLASHAPPS_GALLERY_DATABASE_URL", f"sqlite:///{tmp_path / 'cli.sqlite3'}")
    monkeypatch.setenv("FLASHAPPS_GALLERY_STORE_DIR", str(tmp_path / "cli"))
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE", f"s3://{bucket}")
    monkeypatch.setenv("FLASHAPPS_OBJECT_STORE_ENDPOINT", nowhere)
    assert main(["--lang", "en", "sweep-objects"]) == 1
    said = capsys.readouterr().err
    assert said.startswith("The sweep of the file storage stopped") and "Traceback" not in said
    monkeypatch.delenv("FLASHAPPS_OBJECT_STORE")
    assert main(["--lang", "zh", "sweep-objects"]) == 1
    assert "没有设置对象存储" in capsys.readouterr().err
    with pytest.raises(UserError):
        sweep_objects(opened(_settings(tmp_path, "plain", "", "")))
