"""``flashapps gallery sweep-objects``: removes the bundles in the object store that no app version refers to.

An upload just before a crash, or a delete that failed, leaves objects no row refers to (gallery/objects.py
explains the layout). The sweep lists every object under the store's ``bundles/``, keeps each bundle an app version
refers to and each one with an object younger than the grace period (24 hours by default: an upload in flight
is never touched), deletes the rest and tells how many objects and bytes went. ``--dry-run`` only tells.
"""

from __future__ import annotations

import logging

from sqlalchemy import select

from gallery.context import GalleryContext
from gallery.errors import UserError
from gallery.models import AppVersion
from gallery.objects import ObjectFileStore, ObjectStoreError, Swept

__all__ = ["SweepStopped", "report", "sweep_objects"]

log = logging.getLogger(__name__)


class SweepStopped(UserError):
    """The store failed during a sweep: what it said, and what had been deleted by then."""

    def __init__(self, error: ObjectStoreError, done: Swept) -> None:
        super().__init__(
            f"The sweep of the file storage stopped: {error.message('en')} {done.deleted} objects "
            f"({_size(done.freed_bytes)}) had been deleted before it stopped; running it again carries on.",
            f"文件存储清理中断：{error.message('zh')} 中断前已删除 {done.deleted} 个对象"
            f"（{_size(done.freed_bytes)}）；再次运行会接着清理。",
        )
        self.code = error.code


def sweep_objects(
    ctx: GalleryContext, older_than_hours: float = 24, dry_run: bool = False, now: float | None = None
) -> Swept:
    """Sweeps the gallery's object store (see the module); raises ``UserError`` when there is none, and
    ``SweepStopped`` when the store fails."""
    store = ctx.files
    if not isinstance(store, ObjectFileStore):
        raise UserError(
            "No object storage is set (FLASHAPPS_OBJECT_STORE), so there is nothing to sweep: the local folder is "
            "swept each time the gallery starts.",
            "没有设置对象存储（FLASHAPPS_OBJECT_STORE），因此无需清理：本地文件夹在作品库每次启动时都会清理。",
        )
    if older_than_hours < 1:
        raise UserError(
            "The grace period must be at least 1 hour, so that an upload still in progress is never deleted.",
            "保留期至少为 1 小时，以免删除仍在上传中的文件。",
        )

    def referenced(digests: set[str]) -> set[str]:
        with ctx.sessions() as session:
            return set(session.scalars(select(AppVersion.digest).where(AppVersion.digest.in_(digests)).distinct()))

    done = Swept(older_than_hours * 3600, dry_run)
    try:
        return store.sweep(referenced, older_than_hours * 3600, dry_run, now, into=done)
    except ObjectStoreError as error:
        log.warning("the object store sweep stopped after deleting %d objects: %s", done.deleted, error)
        raise SweepStopped(error, done) from None


def _size(count: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if count >= scale:
            return f"{count / scale:.1f} {unit}"
    return f"{count} B"


def report(done: Swept, language: str) -> str:
    """What the sweep did, in ``language`` (en or zh)."""
    hours = f"{done.older_than_s / 3600:g}"
    size = _size(done.freed_bytes)
    if language.startswith("zh"):
        found = (
            f"检查了 {done.objects} 个对象：{done.kept} 个属于作品库中的版本，已保留；{done.young} 个不到 {hours} "
            f"小时，已保留；{done.other} 个不属于作品库，未改动。"
        )
        if done.dry_run:
            return found + (
                f"试运行，未删除任何对象：{len(done.orphans)} 个无人引用的应用文件包将被删除，"
                f"共 {done.deleted} 个对象，可释放 {size}。"
            )
        return found + f"已删除 {len(done.orphans)} 个无人引用的应用文件包，共 {done.deleted} 个对象，释放 {size}。"
    found = (
        f"Checked {done.objects} objects: {done.kept} belong to versions in the gallery and were kept; "
        f"{done.young} are younger than {hours} hours and were kept; {done.other} are not the gallery's and were "
        "left alone. "
    )
    if done.dry_run:
        return found + (
            f"A dry run, nothing was deleted: {len(done.orphans)} bundles no version refers to would be deleted, "
            f"{done.deleted} objects, freeing {size}."
        )
    return found + (f"Deleted {len(done.orphans)} bundles no version refers to: {done.deleted} objects, {size} freed.")
