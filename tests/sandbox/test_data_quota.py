"""The data quota's filesystem on its own: made once, kept across unmounts (a reboot), grown, given back as a
plain folder; a folder with data already in it moves in; one already over the quota is refused."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from sandbox.backends.quota import MB, QuotaFull, attach, can_mount, detach, image_of, mount_all, release, usage

pytestmark = pytest.mark.skipif(not can_mount(), reason="mounting a filesystem per app needs root and loop devices")


def fill(folder: Path, most_mb: int) -> int:
    """Writes 1 MB files until the disk says no; how many were written whole."""
    chunk = os.urandom(MB)
    for n in range(most_mb):
        try:
            (folder / f"fill-{n}.bin").write_bytes(chunk)
        except OSError as error:
            assert error.errno == errno.ENOSPC
            return n
    return most_mb


def test_a_mounted_folder_is_bounded_and_its_data_outlives_the_mount(tmp_path: Path) -> None:
    folder = tmp_path / "appdata" / "app1"
    guard = attach(folder, 6, isolated=True)
    assert guard.mounted and os.path.ismount(folder) and not guard.over()
    assert not (folder / "lost+found").exists()
    (folder / "keep.txt").write_text("kept")
    assert fill(folder, 20) < 6
    assert usage(folder) <= 6 * MB
    os.system(f"umount {folder}")  # a reboot
    assert not os.path.ismount(folder) and not (folder / "keep.txt").exists()
    assert mount_all(folder.parent, 6) == ["app1"]
    assert (folder / "keep.txt").read_text() == "kept"
    assert attach(folder, 12, isolated=True).mounted  # a larger quota: grown in place
    assert fill(folder, 20) >= 3 and (folder / "keep.txt").read_text() == "kept"
    assert image_of(folder).stat().st_size == 12 * MB
    assert release(folder) and not os.path.ismount(folder) and not image_of(folder).exists()
    assert (folder / "keep.txt").read_text() == "kept"


def test_data_already_there_moves_in_and_too_much_is_refused(tmp_path: Path) -> None:
    small, large = tmp_path / "appdata" / "small", tmp_path / "appdata" / "large"
    for folder, mb in ((small, 2), (large, 9)):
        folder.mkdir(parents=True)
        (folder / "app.sqlite3").write_bytes(b"records")
        for n in range(mb):
            (folder / f"old-{n}.bin").write_bytes(os.urandom(MB))
    assert attach(small, 6, isolated=True).mounted
    assert (small / "app.sqlite3").read_bytes() == b"records" and len(list(small.glob("old-*"))) == 2
    assert not [p for p in small.parent.iterdir() if ".plain-" in p.name], "the plain copy was left beside it"
    with pytest.raises(QuotaFull):
        attach(large, 6, isolated=True)
    assert not os.path.ismount(large) and (large / "app.sqlite3").read_bytes() == b"records"
    assert QuotaFull(6).messages["zh"] and "6 MB" in QuotaFull(6).messages["en"]
    release(small)


def test_a_plain_folder_put_back_while_unmounted_wins_over_the_old_image(tmp_path: Path) -> None:
    """A restore writes a plain folder where an image's mount was: the restored records are the ones kept."""
    folder = tmp_path / "appdata" / "app2"
    attach(folder, 6, isolated=True)
    (folder / "app.sqlite3").write_text("before the restore")
    os.system(f"umount {folder}")
    (folder / "app.sqlite3").write_text("restored")
    assert attach(folder, 6, isolated=True).mounted
    assert (folder / "app.sqlite3").read_text() == "restored"
    release(folder)


def test_without_isolation_the_watcher_bounds_it(tmp_path: Path) -> None:
    folder = tmp_path / "appdata" / "local"
    guard = attach(folder, 2, isolated=False)
    assert not guard.mounted and not os.path.ismount(folder) and not guard.over()
    assert fill(folder, 3) == 3
    assert guard.over(now=True)
    with pytest.raises(QuotaFull):
        attach(folder, 2, isolated=False)


def test_backups_find_a_mounted_folders_data_and_a_restore_refills_it(tmp_path: Path) -> None:
    """The gallery's backup copies each app's folder in place (the image beside it is a file: skipped); its restore
    refills a mounted folder in place, which stays bounded; ``detach`` lets a folder be renamed instead."""
    from gallery.backup import _copy_app_data, _put_back_app_data

    root = tmp_path / "appdata"
    folder = root / "app3"
    attach(folder, 6, isolated=True)
    (folder / "notes.txt").write_text("in the image")
    copied = tmp_path / "copied"
    assert _copy_app_data(root, copied) == ["app3"]
    assert [p.name for p in (copied / "app3").iterdir()] == ["notes.txt"]
    (folder / "notes.txt").write_text("changed after the backup")
    _put_back_app_data(copied, root)
    assert (folder / "notes.txt").read_text() == "in the image" and os.path.ismount(folder)
    assert fill(folder, 20) < 6
    with pytest.raises(OSError):
        folder.rename(root / ".app3.old")  # a mount point cannot be renamed: hence detach
    assert detach(folder) and not detach(folder)
    folder.rename(root / ".app3.old")
    (root / "app3").mkdir()
    (root / "app3" / "notes.txt").write_text("put back as a plain folder")
    assert attach(folder, 6, isolated=True).mounted
    assert (folder / "notes.txt").read_text() == "put back as a plain folder"
    release(folder)
