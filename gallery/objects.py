"""Where the gallery's bundle files live: the local folder (the default) or S3-compatible object storage.

``file_store(settings)`` picks one by one setting, ``FLASHAPPS_OBJECT_STORE`` (``s3://bucket/prefix``; the
endpoint of a store other than Amazon's by ``FLASHAPPS_OBJECT_STORE_ENDPOINT``, credentials and region by the
usual ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` / ``AWS_DEFAULT_REGION``). Both answer as ``FileStore``.

With an object store every replica keeps its own local folder as a cache of the shared objects:

- publishing stages the files locally as before, then uploads ``<prefix>bundles/<digest>/<name>`` for each file
  and, last, ``<prefix>bundles/<digest>.json`` (the list of names) before any row is written. Readers go by that
  list, so a bundle whose upload broke off is never seen, and a failed upload leaves the app unpublished (the
  maker is told why and publishes again). An object PUT is atomic; keys are content addressed, so a bundle
  already there is not sent again;
- reading a bundle the local folder lacks streams its objects into a temporary folder, checks that they hash to
  their digest (a changed object is refused), then renames the folder into place;
- deleting removes the local copy and the objects (the list first).
- ``sweep`` (``flashapps gallery sweep-objects``, gallery/sweep.py) removes what no row refers to: a bundle
  uploaded just before a crash, or one whose delete failed. Only bundles whose every object is older than a
  grace period (24 hours by default) go, so an upload in flight is never touched; a publisher that finds its
  bundle already stored writes its list again (so it is young again), and checks once its row is written that
  the list is still there, uploading the bundle again if a sweep took it meanwhile. Only ``bundles/`` is
  swept: the drafts' objects (``drafts/``, workshop/projects_sql.py) and anything else are left alone.

Errors from the store (unreachable, refused, no such bucket) become ``ObjectStoreError``: what happened and
what to do, in English and Chinese.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashapps.files import bundle_files, digest, private_folder, private_tree
from gallery.errors import UserError
from gallery.files import FileStore, MisplacedFiles, Recovery, Staged, safe_digest, safe_name
from gallery.settings import GallerySettings

__all__ = [
    "ObjectFileStore",
    "ObjectStore",
    "ObjectStoreError",
    "Swept",
    "explain_error",
    "file_store",
    "parse_location",
]

log = logging.getLogger(__name__)

_FETCH_LEFTOVER_S = 3600
"""A fetch folder this old was left by a process that died mid-download: removed on recovery."""


class ObjectStoreError(UserError):
    """The object store could not do what was asked; nothing was published or changed because of it."""

    def __init__(self, en: str, zh: str, *, code: str = "") -> None:
        super().__init__(en, zh)
        self.code = code


_NOTHING_LOST = ("Nothing was published or lost: try again", "没有发布任何内容，也没有丢失任何内容：请稍后再试")


def explain_error(error: BaseException, where: str, bucket: str) -> ObjectStoreError:
    """A clear message for an error of boto3 / botocore (or of the connection below them)."""
    from botocore import exceptions as bx

    again_en, again_zh = _NOTHING_LOST
    if isinstance(error, bx.ClientError):
        code = str(error.response.get("Error", {}).get("Code", ""))
        status = int(error.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0) or 0)
        if code == "NoSuchBucket":
            return ObjectStoreError(
                f"The file storage bucket {bucket!r} does not exist at {where}. {again_en} once a maintainer has "
                f"created it, or set FLASHAPPS_OBJECT_STORE to a bucket that exists.",
                f"文件存储桶 {bucket!r} 在 {where} 不存在。{again_zh}；请维护者先创建这个存储桶，"
                f"或把 FLASHAPPS_OBJECT_STORE 设为已存在的存储桶。",
                code="missing-bucket",
            )
        if code in ("AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "AllAccessDisabled") or status in (
            401,
            403,
        ):
            return ObjectStoreError(
                f"The file storage at {where} refused access to bucket {bucket!r} ({code or status}). {again_en} "
                f"once a maintainer has checked the access key (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY) and that "
                f"it may read and write the bucket.",
                f"{where} 的文件存储拒绝访问存储桶 {bucket!r}（{code or status}）。{again_zh}；请维护者检查访问密钥"
                f"（AWS_ACCESS_KEY_ID、AWS_SECRET_ACCESS_KEY）以及它能否读写这个存储桶。",
                code="access-denied",
            )
        if code in ("NoSuchKey", "404", "NotFound") or status == 404:
            return ObjectStoreError(
                f"This app's files are missing from the file storage at {where} (bucket {bucket!r}). "
                f"A maintainer can restore the gallery from a backup.",
                f"文件存储（{where}，存储桶 {bucket!r}）中缺少这个应用的文件。维护者可以用备份恢复作品库。",
                code="missing-object",
            )
        return ObjectStoreError(
            f"The file storage at {where} answered with an error ({code or status}). {again_en} in a few minutes; "
            f"if it keeps failing, a maintainer should check the storage service.",
            f"{where} 的文件存储返回了错误（{code or status}）。{again_zh}（几分钟后）；"
            "如果一直失败，请维护者检查存储服务。",
            code="error",
        )
    if isinstance(error, bx.NoCredentialsError | bx.PartialCredentialsError):
        return ObjectStoreError(
            f"No access key is set for the file storage at {where}. {again_en} once a maintainer has set "
            f"AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY for the studio.",
            f"没有为 {where} 的文件存储设置访问密钥。{again_zh}；请维护者先为工作室设置 AWS_ACCESS_KEY_ID 和 "
            f"AWS_SECRET_ACCESS_KEY。",
            code="no-credentials",
        )
    return ObjectStoreError(
        f"The file storage at {where} cannot be reached. {again_en} in a few minutes; if it keeps failing, a "
        f"maintainer should check that the storage service is running and that FLASHAPPS_OBJECT_STORE_ENDPOINT "
        f"points at it.",
        f"无法连接 {where} 的文件存储。{again_zh}（几分钟后）；如果一直失败，请维护者检查存储服务是否在运行，"
        f"以及 FLASHAPPS_OBJECT_STORE_ENDPOINT 是否指向它。",
        code="unreachable",
    )


def parse_location(url: str) -> tuple[str, str]:
    """``s3://bucket/some/prefix`` as ``("bucket", "some/prefix/")`` (an empty prefix: the bucket's top)."""
    scheme, sep, rest = url.strip().partition("://")
    bucket, _, prefix = rest.partition("/")
    folders = prefix.strip("/").split("/") if prefix.strip("/") else []
    if scheme.lower() != "s3" or not sep or not bucket or any(part in ("", ".", "..") for part in folders):
        raise ObjectStoreError(
            f"FLASHAPPS_OBJECT_STORE must look like s3://bucket or s3://bucket/folder, not {url!r}. Fix the "
            "setting, or leave it empty to keep the files in the local folder.",
            f"FLASHAPPS_OBJECT_STORE 应写成 s3://存储桶 或 s3://存储桶/文件夹，而不是 {url!r}。请改正这个设置，"
            "或留空以把文件保存在本地文件夹。",
            code="bad-setting",
        )
    prefix = prefix.strip("/")
    return bucket, f"{prefix}/" if prefix else ""


@dataclass
class ObjectStore:
    """One bucket (and prefix) of an S3-compatible store, through boto3; every failure is an ObjectStoreError."""

    bucket: str
    prefix: str = ""
    endpoint: str = ""

    def __post_init__(self) -> None:
        self._client: Any = None

    @classmethod
    def from_url(cls, url: str, endpoint: str = "") -> ObjectStore:
        bucket, prefix = parse_location(url)
        return cls(bucket, prefix, endpoint.strip())

    @property
    def where(self) -> str:
        return self.endpoint or "s3"

    @property
    def client(self) -> Any:
        if self._client is None:
            import boto3
            from botocore.config import Config

            config = Config(
                connect_timeout=5,
                read_timeout=30,
                retries={"max_attempts": 3, "mode": "standard"},
                s3={"addressing_style": "path" if self.endpoint else "auto"},
            )
            region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1"
            self._client = boto3.session.Session().client(
                "s3", endpoint_url=self.endpoint or None, region_name=region, config=config
            )
        return self._client

    def key(self, name: str) -> str:
        return self.prefix + name

    @contextlib.contextmanager
    def _calls(self) -> Iterator[None]:
        from botocore.exceptions import BotoCoreError, ClientError

        try:
            yield
        except (BotoCoreError, ClientError) as error:
            raise explain_error(error, self.where, self.bucket) from None

    def put_file(self, name: str, source: Path) -> None:
        """Uploads a file (streamed from disk); the object appears whole or not at all."""
        with self._calls(), source.open("rb") as body:
            self.client.put_object(Bucket=self.bucket, Key=self.key(name), Body=body)

    def put_bytes(self, name: str, content: bytes) -> None:
        with self._calls():
            self.client.put_object(Bucket=self.bucket, Key=self.key(name), Body=content)

    def get_bytes(self, name: str) -> bytes:
        with self._calls():
            return bytes(self.client.get_object(Bucket=self.bucket, Key=self.key(name))["Body"].read())

    def get_file(self, name: str, target: Path) -> None:
        """Streams an object into ``target`` (written 0600, chunk by chunk)."""
        with self._calls():
            body = self.client.get_object(Bucket=self.bucket, Key=self.key(name))["Body"]
            handle = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(handle, "wb") as out, contextlib.closing(body):
                for chunk in body.iter_chunks(1 << 16):
                    out.write(chunk)

    def exists(self, name: str) -> bool:
        from botocore.exceptions import ClientError

        with self._calls():
            try:
                self.client.head_object(Bucket=self.bucket, Key=self.key(name))
            except ClientError as error:
                if str(error.response.get("Error", {}).get("Code", "")) in ("404", "NoSuchKey", "NotFound"):
                    return False
                raise
            return True

    def delete(self, names: list[str]) -> None:
        """Deletes objects in the order given (one request each, so an order is kept)."""
        with self._calls():
            for name in names:
                self.client.delete_object(Bucket=self.bucket, Key=self.key(name))

    def listing(self, under: str = "") -> Iterator[tuple[str, int, float]]:
        """(name under the prefix, size in bytes, modified at as a Unix time) of every object under ``under``, in
        key order, page by page."""
        with self._calls():
            pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=self.key(under))
            for page in pages:
                for item in page.get("Contents", []):
                    yield str(item["Key"])[len(self.prefix) :], int(item["Size"]), item["LastModified"].timestamp()

    def modified(self, name: str) -> float | None:
        """When an object was last written (a Unix time), None when there is none."""
        from botocore.exceptions import ClientError

        with self._calls():
            try:
                found = self.client.head_object(Bucket=self.bucket, Key=self.key(name))
            except ClientError as error:
                if str(error.response.get("Error", {}).get("Code", "")) in ("404", "NoSuchKey", "NotFound"):
                    return None
                raise
            return float(found["LastModified"].timestamp())


def _manifest(digest_: str) -> str:
    return f"bundles/{digest_}.json"


def _object(digest_: str, name: str) -> str:
    return f"bundles/{digest_}/{name}"


def _bundle_of(name: str) -> str | None:
    """The digest of the bundle an object belongs to (its list or one of its files), None for another object."""
    rest = name.removeprefix("bundles/")
    if rest == name:
        return None
    head, slash, tail = rest.partition("/")
    if slash:
        return head if safe_digest(head) and tail else None
    found = rest.removesuffix(".json")
    return found if found != rest and safe_digest(found) else None


@dataclass
class Swept:
    """What a sweep of the object store found and did (``dry_run``: what it would delete)."""

    older_than_s: float
    dry_run: bool
    objects: int = 0
    kept: int = 0
    young: int = 0
    other: int = 0
    orphans: list[str] = field(default_factory=list)
    deleted: int = 0
    freed_bytes: int = 0


@dataclass
class _Group:
    digest: str
    objects: list[tuple[str, int, float]] = field(default_factory=list)


class ObjectFileStore(FileStore):
    """``FileStore`` whose bundles live in an object store; the local folder is this process's cache of them."""

    def __init__(self, root: Path, objects: ObjectStore) -> None:
        super().__init__(root)
        self.objects = objects
        self.fetch_dir = self.root / "fetching"
        private_folder(self.fetch_dir)

    # -- publishing ------------------------------------------------------------------------
    @contextlib.contextmanager
    def stage(self, files: dict[str, bytes]) -> Iterator[Staged]:
        """Stages locally, then uploads before the caller writes any row (an upload that fails stops it)."""
        with super().stage(files) as staged:
            self.upload(staged.digest, staged.path, staged.files)
            yield staged

    def upload(self, digest_: str, folder: Path, names: list[str]) -> None:
        """Each file, then the list of names that makes the bundle visible; nothing when it is there already."""
        if self.objects.exists(_manifest(digest_)):
            self._put_list(digest_, names)  # written again: young, a sweep leaves it
            return
        self._put_all(digest_, folder, names)

    def _put_list(self, digest_: str, names: list[str]) -> None:
        self.objects.put_bytes(_manifest(digest_), json.dumps({"files": sorted(names)}).encode("utf-8"))

    def _put_all(self, digest_: str, folder: Path, names: list[str]) -> None:
        """Each file, then the list of names that makes the bundle visible."""
        for name in names:
            self.objects.put_file(_object(digest_, name), folder / name)
        self._put_list(digest_, names)

    def finish(self, staged: Staged) -> None:
        """Its row is written: the bundle is checked to be still stored (a sweep that found it unreferenced a
        moment before may have taken it: it is uploaded again, and each file checked), then moved into the local
        folder."""
        digest_, names = staged.digest, staged.files
        try:
            whole, tries = self.objects.exists(_manifest(digest_)), 0
            while not whole and tries < 3:
                tries += 1
                log.warning("bundle %s was swept while it was published: uploading it again", digest_)
                self._put_all(digest_, staged.path, names)
                whole = all(self.objects.exists(_object(digest_, n)) for n in names) and self.objects.exists(
                    _manifest(digest_)
                )
        except ObjectStoreError as error:
            log.error("bundle %s may be missing from the object store: %s", digest_, error)
        super().finish(staged)

    def adopt(self, files: Path) -> None:
        """Uploads every bundle folder of a restored backup (already checked against its digest)."""
        if not files.is_dir():
            return
        for folder in sorted(files.iterdir()):
            if safe_digest(folder.name) and folder.is_dir() and not folder.is_symlink():
                self.upload(folder.name, folder, sorted(bundle_files(folder)))

    # -- reading ---------------------------------------------------------------------------
    def path(self, digest_: str) -> Path:
        """The local folder of a bundle, fetched from the object store first when this process lacks it."""
        final = self.folder(digest_)
        if not final.exists() and not final.is_symlink():
            self._fetch(digest_, final)
        return final

    def _fetch(self, digest_: str, final: Path) -> None:
        try:
            listing = json.loads(self.objects.get_bytes(_manifest(digest_)))
        except ValueError:
            raise MisplacedFiles() from None
        names = listing.get("files") if isinstance(listing, dict) else None
        if not isinstance(names, list) or not all(safe_name(name) for name in names):
            raise MisplacedFiles()
        with tempfile.TemporaryDirectory(dir=self.fetch_dir, prefix=f"{digest_[:12]}.") as work:
            folder = Path(work) / "bundle"
            for name in names:
                target = folder / name
                private_folder(target.parent)
                self.objects.get_file(_object(digest_, name), target)
            if digest(bundle_files(folder)) != digest_:
                raise ObjectStoreError(
                    "This app's files in the file storage do not match what was published (changed or damaged), "
                    "so they are not opened. A maintainer can restore the gallery from a good backup.",
                    "文件存储中这个应用的文件与发布时不一致（被改动或已损坏），因此不会被打开。维护者可以用一份完好的备份恢复作品库。",
                    code="changed",
                )
            private_tree(folder)
            with contextlib.suppress(OSError):  # another fetch of the same bundle won: its copy is the same
                folder.rename(final)
        if not final.is_dir():
            raise MisplacedFiles()

    # -- removing and recovery -------------------------------------------------------------
    def remove(self, digest_: str) -> None:
        """Removes the local copy and the objects; objects that cannot be removed now are logged (nothing reads
        them once no row points at them)."""
        super().remove(digest_)
        if not safe_digest(digest_):
            return
        try:
            listing = json.loads(self.objects.get_bytes(_manifest(digest_)))
            names = [n for n in listing.get("files", []) if safe_name(n)] if isinstance(listing, dict) else []
            self.objects.delete([_manifest(digest_), *(_object(digest_, n) for n in names)])
        except ObjectStoreError as error:
            if error.code != "missing-object":
                log.warning("bundle %s left in the object store: %s", digest_, error)

    def sweep(
        self,
        referenced: Callable[[set[str]], set[str]],
        older_than_s: float = 24 * 3600,
        dry_run: bool = False,
        now: float | None = None,
        into: Swept | None = None,
    ) -> Swept:
        """Deletes the bundles no row refers to (``referenced(digests)`` says which of them a row refers to) whose
        every object is older than ``older_than_s``; the list of names first, so a reader never sees half a
        bundle. Only objects under ``bundles/`` are looked at; those that are not a bundle's are left. Raises
        ``ObjectStoreError`` (what was done so far is counted in ``into`` as it goes)."""
        done = into or Swept(older_than_s, dry_run)
        cutoff = (time.time() if now is None else now) - older_than_s
        batch: list[_Group] = []
        for name, size, modified in self.objects.listing("bundles/"):  # not drafts/ (the workshop's own)
            done.objects += 1
            digest_ = _bundle_of(name)
            if digest_ is None:
                done.other += 1
                continue
            if not batch or batch[-1].digest != digest_:  # a bundle's objects are listed together (key order)
                if len(batch) >= 500:
                    self._sweep_batch(batch, referenced, cutoff, done)
                    batch = []
                batch.append(_Group(digest_))
            batch[-1].objects.append((name, size, modified))
        self._sweep_batch(batch, referenced, cutoff, done)
        return done

    def _sweep_batch(
        self, batch: list[_Group], referenced: Callable[[set[str]], set[str]], cutoff: float, done: Swept
    ) -> None:
        live = referenced({group.digest for group in batch}) if batch else set()
        for group in batch:
            count, size = len(group.objects), sum(item[1] for item in group.objects)
            if group.digest in live:
                done.kept += count
                continue
            if max(item[2] for item in group.objects) > cutoff:
                done.young += count  # an upload in flight, or a bundle just published again
                continue
            if not done.dry_run and not self._drop(group, referenced, cutoff):
                done.kept += count
                continue
            done.orphans.append(group.digest)
            done.deleted += count
            done.freed_bytes += size
            log.info("bundle %s: %d objects, %d bytes, no row refers to it: %s", group.digest, count, size,
                     "would be deleted" if done.dry_run else "deleted")  # fmt: skip

    def _drop(self, group: _Group, referenced: Callable[[set[str]], set[str]], cutoff: float) -> bool:
        """Deletes one orphaned bundle, asking again first (a publisher may have taken it up since it was
        listed); False when it was left."""
        manifest = _manifest(group.digest)
        names = [item[0] for item in group.objects]
        if manifest in names:
            written = self.objects.modified(manifest)
            if written is not None and written > cutoff:
                return False
        if referenced({group.digest}):
            return False
        first = [manifest] if manifest in names else []
        self.objects.delete(first + [name for name in names if name != manifest])
        return True

    def recover(self, referenced: Callable[[str], bool]) -> Recovery:
        """The local sweep (the cache only: objects are never removed here), and fetches that died midway."""
        done = super().recover(referenced)
        for entry in sorted(self.fetch_dir.iterdir()):
            with contextlib.suppress(OSError):
                if time.time() - entry.lstat().st_mtime > _FETCH_LEFTOVER_S:
                    shutil.rmtree(entry) if entry.is_dir() and not entry.is_symlink() else entry.unlink()
        return done


def file_store(settings: GallerySettings) -> FileStore:
    """The local folder, or an object store with the local folder as its cache (``settings.object_store``)."""
    if not settings.object_store:
        return FileStore(settings.store)
    return ObjectFileStore(settings.store, ObjectStore.from_url(settings.object_store, settings.object_store_endpoint))
