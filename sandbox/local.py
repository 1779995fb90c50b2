"""The local backend: ruff and pytest in a child process, with no isolation at all.

For development only. Every report it makes says it was not isolated.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from sandbox.report import Finding, TestResult, VerifyReport
from sandbox.ruff import ruff_check_args, ruff_format_args

__all__ = ["verify_local"]

_INI = Path(__file__).resolve().with_name("bundle_pytest.ini")
_RUFF = Path(sys.executable).with_name("ruff")
_TRIM = 1500


def _trim(text: str) -> str:
    """The end of a failure (where the assertion is), capped."""
    text = text.strip()
    return text if len(text) <= _TRIM else "…" + text[-_TRIM:]


def _ruff(bundle: Path) -> list[Finding]:
    findings = []
    check = subprocess.run([str(_RUFF), *ruff_check_args(), "."], cwd=bundle, capture_output=True, text=True)
    for raw in check.stdout.splitlines():
        parts = raw.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit():
            code, _, message = parts[3].strip().partition(" ")
            findings.append(Finding(tool="ruff", file=parts[0], line=int(parts[1]), code=code, message=message))
    fmt = subprocess.run([str(_RUFF), *ruff_format_args(), "."], cwd=bundle, capture_output=True, text=True)
    if fmt.returncode != 0:
        files = [line.removeprefix("--- ") for line in fmt.stdout.splitlines() if line.startswith("--- ")]
        for name in files or ["?"]:
            findings.append(Finding(tool="format", file=name, message="not formatted as ruff format would"))
    return findings


def _junit(path: Path) -> list[TestResult]:
    if not path.exists():
        return []
    results = []
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}".removeprefix("tests.")
        outcome, output = "passed", ""
        for tag in ("failure", "error", "skipped"):
            node = case.find(tag)
            if node is not None:
                outcome = {"failure": "failed", "error": "error", "skipped": "skipped"}[tag]
                output = _trim((node.get("message") or "") + "\n" + (node.text or ""))
        results.append(TestResult(name=name, outcome=outcome, duration_s=float(case.get("time") or 0), output=output))
    return results


def verify_local(bundle: Path, timeout_s: float = 180) -> VerifyReport:
    """Lints and tests ``bundle`` in child processes of this one (not isolated)."""
    began = time.perf_counter()
    findings = _ruff(bundle)
    linted = time.perf_counter()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("FLASHAPP", "PYTEST"))}
    timed_out = False
    with tempfile.TemporaryDirectory() as scratch:
        junit = Path(scratch) / "junit.xml"
        command = [sys.executable, "-m", "pytest", "-c", str(_INI), "--rootdir", str(bundle), "-q"]
        command += [f"--junitxml={junit}", "-o", "junit_family=xunit1", "tests"]
        try:
            done = subprocess.run(command, cwd=bundle, capture_output=True, text=True, timeout=timeout_s, env=env)
            tail = done.stdout[-_TRIM:]
        except subprocess.TimeoutExpired:
            timed_out, tail = True, ""
        tests = _junit(junit)
    finished = time.perf_counter()
    ran = bool(tests) and not timed_out
    passed = ran and not findings and all(t.outcome in ("passed", "skipped") for t in tests)
    return VerifyReport(
        backend="local",
        isolated=False,
        passed=passed,
        findings=findings,
        tests=tests,
        timings_s={"start": 0.0, "ruff": linted - began, "pytest": finished - linted, "total": finished - began},
        timed_out=timed_out,
        note="NOT ISOLATED: the local backend runs the bundle on this machine, for development only."
        + ("" if tests or timed_out else f" pytest ran no test: {_trim(tail)}"),
    )
