"""The sandbox image: built from the recipe in ``sandbox/recipe/``, tagged by its content hash.

``python -m sandbox.image build`` (what ``make sandbox-image`` runs) builds it only when no image
with the recipe's hash exists. The base is ``python:3.11-slim`` when a registry answers; else a
Debian bookworm base made with debootstrap from the machine's own apt mirror and ``docker import``.
Wheels are built on the host and copied in, so the image build itself needs no package index.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

import docker
import docker.errors
from packaging.requirements import Requirement

__all__ = ["IMAGE_REPO", "ensure_image", "image_tag", "lock", "recipe_hash", "wheels"]

HERE = Path(__file__).resolve().parent
IMAGE_REPO = "flashapps-sandbox"
REGISTRY_BASE = "python:3.11-slim"
LOCAL_BASE = "flashapps-base:bookworm"
_RECIPE = ("recipe/Dockerfile", "recipe/requirements.txt", "inside/check.py", "bundle_pytest.ini")
_ROOTS = ("streamlit", "pandas", "altair", "pytest", "ruff")

Log = Callable[[str], None]


def recipe_hash() -> str:
    digest = hashlib.sha256()
    for name in _RECIPE:
        digest.update(name.encode() + b"\0" + (HERE / name).read_bytes() + b"\0")
    return digest.hexdigest()[:12]


def image_tag() -> str:
    return f"{IMAGE_REPO}:{recipe_hash()}"


def _has_image(client: docker.DockerClient, name: str) -> bool:
    try:
        client.images.get(name)
    except docker.errors.ImageNotFound:
        return False
    return True


def _apt_mirror() -> str:
    """The Debian mirror this machine's apt already uses (never a name written here)."""
    sources = sorted(Path("/etc/apt/sources.list.d").glob("*.sources")) + [Path("/etc/apt/sources.list")]
    for path in sources:
        if path.is_file():
            for match in re.finditer(r"(?:URIs:|deb)\s+(\S+/debian)\s", path.read_text() + "\n"):
                return match.group(1)
    raise RuntimeError("no Debian mirror found in /etc/apt; install debootstrap and configure apt first")


def _debootstrap_base(client: docker.DockerClient, log: Log) -> str:
    if _has_image(client, LOCAL_BASE):
        return LOCAL_BASE
    if not shutil.which("debootstrap"):
        raise RuntimeError("no registry and no debootstrap: run `apt-get install -y debootstrap`")
    with tempfile.TemporaryDirectory(prefix="flashapps-base-") as scratch:
        root = Path(scratch) / "root"
        log(f"building {LOCAL_BASE} with debootstrap (about a minute)")
        subprocess.run(
            [
                "debootstrap",
                "--variant=minbase",
                "--include=python3,python3-venv",
                "bookworm",
                str(root),
                _apt_mirror(),
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        tar = subprocess.Popen(["tar", "-C", str(root), "-c", "."], stdout=subprocess.PIPE)
        subprocess.run(["docker", "import", "-", LOCAL_BASE], stdin=tar.stdout, check=True, stdout=subprocess.DEVNULL)
        if tar.wait() != 0:
            raise RuntimeError("tar of the debootstrap folder failed")
    return LOCAL_BASE


def _base(client: docker.DockerClient, log: Log) -> str:
    if _has_image(client, REGISTRY_BASE):
        return REGISTRY_BASE
    try:
        log(f"pulling {REGISTRY_BASE}")
        client.images.pull(REGISTRY_BASE)
        return REGISTRY_BASE
    except docker.errors.APIError as exc:
        log(f"no registry ({str(exc)[:80]}…); using a Debian base")
    return _debootstrap_base(client, log)


def wheels(cache: Path | None = None) -> Path:
    """Wheels of the pinned runtime, built once on the host (both sandboxes install from them)."""
    from sandbox.limits import SandboxSettings

    requirements = HERE / "recipe" / "requirements.txt"
    digest = hashlib.sha256(requirements.read_bytes()).hexdigest()[:12]
    folder = (cache or Path(SandboxSettings().runtime_dir)) / f"wheels-{digest}"
    if (folder / ".complete").exists():
        return folder
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(partial), "-r", str(requirements)],
        check=True,
        capture_output=True,
    )
    (partial / ".complete").write_text("ok\n")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
    return folder


def ensure_image(client: docker.DockerClient | None = None, log: Log = print) -> str:
    """The tag of the sandbox image for the current recipe, building it first when missing."""
    client = client or docker.from_env()
    tag = image_tag()
    if _has_image(client, tag):
        return tag
    base = _base(client, log)
    with tempfile.TemporaryDirectory(prefix="flashapps-image-") as scratch:
        context = Path(scratch)
        for name in _RECIPE:
            shutil.copy(HERE / name, context / Path(name).name)
        log("building wheels for the sandbox runtime")
        shutil.copytree(wheels(), context / "wheels", ignore=shutil.ignore_patterns(".complete"))
        log(f"building {tag} from {base}")
        command = ["docker", "build", "--network", "host", "--build-arg", f"BASE={base}", "-t", tag]
        command += ["--label", "flashapps.recipe=" + recipe_hash(), str(context)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return tag


def lock() -> Path:
    """Rewrites the image's requirements from the versions this studio runs with."""
    seen: dict[str, str] = {}
    stack = list(_ROOTS)
    while stack:
        name = stack.pop()
        dist = metadata.distribution(name)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = dist.version
        for raw in dist.requires or []:
            requirement = Requirement(raw)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                stack.append(requirement.name)
    target = HERE / "recipe" / "requirements.txt"
    header = "# The sandbox runtime: what bundles run with, pinned to the studio's versions.\n"
    header += "# Regenerate with: python -m sandbox.image lock\n"
    target.write_text(header + "".join(f"{k}=={v}\n" for k, v in sorted(seen.items())))
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sandbox.image")
    parser.add_argument("command", choices=["build", "tag", "lock"])
    args = parser.parse_args(argv)
    if args.command == "tag":
        print(image_tag())
    elif args.command == "lock":
        print(lock())
    else:
        print(ensure_image())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
