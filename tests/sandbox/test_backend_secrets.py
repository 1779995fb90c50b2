"""No backend hands a run the studio's secrets; studios sharing one Docker engine sweep only their own containers."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import docker.errors
import pytest

from sandbox.backends.base import Backend, app_environment, staged_copy
from sandbox.backends.docker_backend import DockerBackend, remove_leftovers
from sandbox.backends.local import LocalBackend
from sandbox.limits import INSTANCE, LABEL, Limits, instance_id

SECRETS = {
    "DASHSCOPE_API_KEY": "sk-fake-dashscope-4410",
    "OPENAI_API_KEY": "sk-fake-openai-4410",
    "FLASHAPPS_LLM_API_KEY": "sk-fake-flashapps-4410",
    "FLASHAPPS_ADMIN_PASSWORD": "fake-admin-4410",
    "GITHUB_TOKEN": "fake-github-4410",
    "A_NAME_NOBODY_LISTED": "fake-anything-4410",
}
PRINT_ENV = "import json, os; print(json.dumps(dict(os.environ)))"


def assert_no_secret(output: str, backend: str) -> None:
    seen = json.loads(output)
    assert "PATH" in seen, "the probe did not run"
    assert not set(SECRETS) & set(seen), f"{backend} passed {set(SECRETS) & set(seen)}"
    assert not [name for name in seen if name.startswith("FLASHAPPS")], f"{backend} passed the studio's settings"
    assert not [value for value in SECRETS.values() if value in output]


def test_an_isolated_run_sees_no_secret(
    backend: Backend, empty_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # fmt: skip
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    with staged_copy(empty_bundle) as copy:  # world-readable: bubblewrap runs it as nobody
        result = backend.run(copy, [backend.python, "-c", PRINT_ENV], Limits(timeout_s=60))
    assert result.exit_code == 0, result.stderr
    assert_no_secret(result.stdout, backend.name)


def test_a_local_run_sees_no_secret_either(empty_bundle: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    result = LocalBackend().run(empty_bundle, [sys.executable, "-c", PRINT_ENV], Limits(timeout_s=60))
    assert result.exit_code == 0, result.stderr
    assert_no_secret(result.stdout, "local")


def test_the_environment_is_an_allow_list() -> None:
    studio = {**SECRETS, "PATH": "/bin", "HOME": "/home/x", "LC_ALL": "C.UTF-8", "PYTHONPATH": "/evil"}
    env = app_environment({"FLASHAPP_DATA_DIR": "/data"}, source=studio)
    assert env["PATH"] == "/bin" and env["HOME"] == "/home/x" and env["LC_ALL"] == "C.UTF-8"
    assert env["FLASHAPP_DATA_DIR"] == "/data"
    assert not set(SECRETS) & set(env) and "PYTHONPATH" not in env


def test_each_home_keeps_one_instance_id(tmp_path: Path) -> None:
    first, second = instance_id(tmp_path / "a"), instance_id(tmp_path / "b")
    assert first != second and instance_id(tmp_path / "a") == first
    assert (tmp_path / "a" / "instance-id").stat().st_mode & 0o777 == 0o600


def test_a_studios_sweep_leaves_another_studios_containers_running(
    docker_backend: DockerBackend, tmp_path: Path
) -> None:  # fmt: skip
    """Two studios (two homes) on one engine. A container of the other's whose process id means nothing here
    (another machine's, or gone) is not ours to remove; our own orphan is."""
    ours = DockerBackend(image=docker_backend.image, client=docker_backend.client, home=tmp_path / "ours")
    theirs = DockerBackend(image=docker_backend.image, client=docker_backend.client, home=tmp_path / "theirs")
    assert ours.instance != theirs.instance
    client = docker_backend.client
    gone_pid = "999999999"  # no such process here
    made = []
    try:
        for backend in (ours, theirs):
            labels = {**backend.labels(), "flashapps.owner": gone_pid}
            container = client.containers.run(
                backend.image, command=["sleep", "300"], labels=labels, network_mode="none", detach=True,
                user="10001:10001", cap_drop=["ALL"],
            )  # fmt: skip
            made.append(container)
        assert remove_leftovers(client, ours.instance) == 1
        mine, other = made
        with pytest.raises(docker.errors.NotFound):
            mine.reload()
        other.reload()
        assert other.status == "running" and other.labels[INSTANCE] == theirs.instance
        assert other.labels[LABEL] == "1"
    finally:
        for container in made:
            with contextlib.suppress(docker.errors.NotFound):
                container.remove(force=True)
