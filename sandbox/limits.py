"""Limits every sandboxed run gets, explicit and documented; and the sandbox's own settings."""

from __future__ import annotations

import os
import secrets
import time
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["INSTANCE", "LABEL", "OWNER", "SERVE_LIMITS", "Limits", "SandboxSettings", "instance_id"]

LABEL = "flashapps.sandbox"
"""Every container the sandbox starts carries this label (cleanup finds leftovers by it)."""

OWNER = "flashapps.owner"
"""The id of the process that started a container: cleanup removes only its own, or orphans."""

INSTANCE = "flashapps.instance"
"""The id of the studio (its home) that started a container: studios sharing one engine sweep only their own."""


def instance_id(home: Path | None = None) -> str:
    """This home's random id, made once and kept in ``<home>/instance-id`` (``FLASHAPPS_HOME`` by default)."""
    if home is None:
        from flashapps.settings import home_folder

        home = home_folder()
    path = Path(home) / "instance-id"
    for _ in range(100):
        try:
            found = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            except FileExistsError:
                continue  # another process made it first: read theirs
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(secrets.token_hex(8) + "\n")
            continue
        if found:
            return found
        time.sleep(0.01)  # being written by the process that made it
    raise RuntimeError(f"no instance id in {path}")


class Limits(BaseModel):
    """What a bundle may use. Docker enforces all of these; bubblewrap those marked (bwrap)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    network: Literal["none"] = Field(default="none", description="no network at all (bwrap: own empty netns)")
    read_only_root: bool = Field(default=True, description="the image and the bundle are read-only (bwrap)")
    tmpfs_mb: int = Field(default=128, ge=8, description="size of the only writable place, /tmp (bwrap)")
    memory_mb: int = Field(default=1024, ge=64, description="memory; memory+swap is the same: no swap")
    cpus: float = Field(default=1.0, gt=0, description="CPU quota in cores")
    pids: int = Field(default=256, ge=16, description="processes and threads (bwrap: RLIMIT_NPROC)")
    nofile: int = Field(default=1024, ge=64, description="open files (bwrap)")
    fsize_mb: int = Field(default=64, ge=1, description="largest file a process may write (bwrap)")
    cpu_seconds: int = Field(default=300, ge=1, description="CPU time per process (bwrap: RLIMIT_CPU)")
    address_space_mb: int = Field(default=4096, ge=256, description="virtual memory per process (bwrap only)")
    user: str = Field(default="10001:10001", description="uid:gid inside (bwrap: 65534, nobody)")
    timeout_s: float = Field(default=120, gt=0, description="wall clock, enforced from outside by killing")
    output_cap_kb: int = Field(default=512, ge=16, description="captured stdout/stderr kept, each")
    log_max_size: str = Field(default="1m", description="the engine's own log file for the container")
    no_new_privileges: bool = True
    cap_drop: tuple[str, ...] = ("ALL",)


SERVE_LIMITS = Limits(memory_mb=512, cpus=1.0, pids=256, cpu_seconds=3600, timeout_s=24 * 3600, tmpfs_mb=64)
"""A long-running app's limits: no wall clock (the runner stops idle apps), an hour of CPU time.
The runner's settings (``FLASHAPPS_RUNNER_MEMORY_MB``, ``_CPUS``, ``_PIDS``) start from these."""


class SandboxSettings(BaseSettings):
    """``FLASHAPPS_SANDBOX_*`` variables."""

    model_config = SettingsConfigDict(env_prefix="FLASHAPPS_SANDBOX_", extra="ignore")

    backend: Literal["auto", "docker", "bubblewrap", "local"] = Field(
        default="auto", description="auto: docker when an engine answers, else bubblewrap"
    )
    allow_local: bool = Field(default=False, description="the local backend runs only when this is set")
    runtime: Literal["runc", "runsc"] = Field(default="runc", description="runsc runs containers under gVisor")
    max_parallel: int = Field(default=2, ge=1, description="verifications running at once")
    timeout_s: float = Field(default=120, gt=0)
    runtime_dir: str = Field(
        default="/var/cache/flashapps", description="bubblewrap's runtime (world-readable, outside /root)"
    )
