"""The adversarial suite: hostile code run directly in each isolating backend must be contained.

Each case runs ``python -c CODE`` in the sandbox with small limits and checks the run ended the
way the limit says, and that the host did not change. Traffic goes only to 127.0.0.1.
"""

from __future__ import annotations

import os
import socket
import subprocess
import textwrap
import threading
import time
from pathlib import Path

import pytest

from sandbox.backends.base import Backend, RunResult, staged_copy
from sandbox.limits import Limits

SMALL = Limits(timeout_s=15, memory_mb=256, address_space_mb=1024, pids=64, tmpfs_mb=16, fsize_mb=8, output_cap_kb=64)
"""Bubblewrap has no cgroup: its memory bound is the address space, kept small so that a memory bomb meets it in
a second or two even on a loaded machine (at 4 GB it could take longer than the 15 s wall clock)."""


def _processes_of(uid: int) -> int:
    return sum(1 for p in Path("/proc").iterdir() if p.name.isdigit() and _owner(p) == uid)


def _owner(proc: Path) -> int | None:
    try:
        return proc.stat().st_uid
    except FileNotFoundError:
        return None


def _run(backend: Backend, bundle: Path, code: str, limits: Limits = SMALL) -> RunResult:
    with staged_copy(bundle) as copy:
        return backend.run(copy, [backend.python, "-c", textwrap.dedent(code)], limits)


def test_fork_bomb_is_contained(backend: Backend, empty_bundle: Path) -> None:
    code = """
        import os
        n = 0
        try:
            while True:
                if os.fork() == 0:
                    import time; time.sleep(30); os._exit(0)
                n += 1
        except OSError as exc:
            print("stopped after", n, type(exc).__name__)
    """
    before = _processes_of(10001) + _processes_of(65534)
    result = _run(backend, empty_bundle, code, SMALL.model_copy(update={"timeout_s": 20}))
    # contained: the sandbox refused more processes, or was ended (gVisor ends the whole sandbox)
    assert "stopped after" in result.stdout or result.timed_out or result.exit_code not in (0, None), result
    if "stopped after" in result.stdout:
        assert int(result.stdout.split()[2]) <= SMALL.pids
    assert subprocess.run(["true"], check=False).returncode == 0  # the host still starts processes
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return  # other workers' sandboxes run as the same users: the count below means something only alone
    for _ in range(50):  # the kernel reaps a finished sandbox's processes within moments
        if _processes_of(10001) + _processes_of(65534) <= before:
            break
        time.sleep(0.1)
    assert _processes_of(10001) + _processes_of(65534) <= before, "sandboxed processes outlived the run"


def test_memory_bomb_is_contained(backend: Backend, empty_bundle: Path) -> None:
    code = """
        blocks = []
        try:
            while True:
                blocks.append(bytearray(32 * 2**20))
        except MemoryError:
            print("MemoryError at", len(blocks) * 32, "MB")
    """
    result = _run(backend, empty_bundle, code)
    assert result.oom_killed or "MemoryError" in result.stdout or result.exit_code not in (0, None)
    if "MemoryError at" in result.stdout:
        reached = int(result.stdout.split("at")[1].split()[0])
        assert reached <= SMALL.address_space_mb


def test_filling_the_disk_stops_at_the_tmpfs_size(backend: Backend, empty_bundle: Path) -> None:
    code = """
        written = 0
        for i in range(1000):
            try:
                with open(f"/tmp/fill{i}", "wb") as f:
                    for _ in range(64):
                        f.write(b"x" * 2**20)
                        written += 1
            except OSError as exc:
                print("stopped at", written, "MB:", exc.strerror)
                break
    """
    result = _run(backend, empty_bundle, code)
    assert "stopped at" in result.stdout, result
    assert int(result.stdout.split("at")[1].split()[0]) <= 16


def test_endless_output_is_capped(backend: Backend, empty_bundle: Path) -> None:
    result = _run(
        backend, empty_bundle, "while True:\n    print('x' * 1000)", SMALL.model_copy(update={"timeout_s": 5})
    )
    assert result.timed_out and result.truncated
    assert len(result.stdout.encode()) <= SMALL.output_cap_kb * 1024


def test_output_past_the_engines_log_size_keeps_its_head(backend: Backend, empty_bundle: Path) -> None:
    # ~1.2 MB, past Docker's 1 MB json log: a log that rotated would hand back only its newest lines
    code = "for i in range(1200):\n    print(f'line {i:05d} ' + 'x' * 1000)"
    result = _run(backend, empty_bundle, code, SMALL.model_copy(update={"timeout_s": 30}))
    assert result.exit_code == 0 and not result.timed_out, result
    assert result.truncated
    assert result.stdout.startswith("line 00000 ")
    assert len(result.stdout.encode()) <= SMALL.output_cap_kb * 1024


def test_cpu_spin_past_the_timeout_is_killed(backend: Backend, empty_bundle: Path) -> None:
    result = _run(backend, empty_bundle, "while True:\n    pass", SMALL.model_copy(update={"timeout_s": 3}))
    assert result.timed_out and result.exit_code is None


def test_sleeping_forever_is_killed(backend: Backend, empty_bundle: Path) -> None:
    result = _run(backend, empty_bundle, "import time\ntime.sleep(10**6)", SMALL.model_copy(update={"timeout_s": 3}))
    assert result.timed_out


@pytest.fixture
def host_service() -> tuple[int, list[bytes]]:
    """A TCP service on the host's loopback that records anything that reaches it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    server.settimeout(0.2)
    received: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            received.append(conn.recv(100))
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], received
    stop.set()
    thread.join()
    server.close()


def test_no_dns_no_tcp_not_even_to_the_hosts_loopback(backend: Backend, empty_bundle: Path, host_service) -> None:  # type: ignore[no-untyped-def]
    port, received = host_service
    code = f"""
        import socket
        try:
            socket.getaddrinfo("example.com", 80)
            print("DNS worked")
        except OSError as exc:
            print("DNS failed:", type(exc).__name__)
        try:
            s = socket.create_connection(("127.0.0.1", {port}), timeout=2)
            s.sendall(b"escaped")
            print("TCP worked")
        except OSError as exc:
            print("TCP failed:", type(exc).__name__)
    """
    result = _run(backend, empty_bundle, code)
    assert "DNS failed" in result.stdout and "TCP failed" in result.stdout, result
    assert received == []


def test_raw_sockets_are_refused(backend: Backend, empty_bundle: Path) -> None:
    code = """
        import socket
        try:
            socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
            print("raw socket opened")
        except OSError as exc:
            print("refused:", type(exc).__name__)
    """
    assert "refused:" in _run(backend, empty_bundle, code).stdout


def test_the_hosts_environment_is_not_visible(
    backend: Backend, empty_bundle: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLASHAPPS_TEST_SECRET", "s3cret-value")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-never-leak")
    code = "import os\nprint(sorted(os.environ.items()))\nprint(open('/proc/1/environ', 'rb').read()[:2000])"
    result = _run(backend, empty_bundle, code)
    assert "s3cret-value" not in result.stdout + result.stderr
    assert "sk-should-never-leak" not in result.stdout + result.stderr


def test_nothing_outside_tmp_is_writable_and_the_user_is_not_root(backend: Backend, empty_bundle: Path) -> None:
    code = """
        import os
        print("uid", os.getuid())
        for target in ["/app/x", "/etc/x", "/opt/x", "/usr/x", "/x", "/tmp/ok"]:
            try:
                with open(target, "w") as f:
                    f.write("x")
                print("wrote", target)
            except OSError as exc:
                print("refused", target, type(exc).__name__)
    """
    out = _run(backend, empty_bundle, code).stdout
    assert "uid 0" not in out and "uid " in out
    assert out.count("refused") == 5 and "wrote /tmp/ok" in out
    assert not (empty_bundle / "x").exists()


def test_a_symlink_in_the_bundle_does_not_reach_the_host(backend: Backend, empty_bundle: Path, tmp_path: Path) -> None:
    secret = tmp_path / "host-secret.txt"
    secret.write_text("host secret")
    (empty_bundle / "leak.txt").symlink_to(secret)
    with staged_copy(empty_bundle) as copy:
        code = "import os\nprint(os.path.exists('leak.txt'), os.listdir('.'))"
        result = backend.run(copy, [backend.python, "-c", code], SMALL)
    assert "host secret" not in result.stdout
    assert result.stdout.startswith("False"), result
