"""Runs inside the sandbox: ruff (check, format) then pytest on a bundle; prints one JSON report.

Standard library only, and nothing from the bundle is imported here: the bundle's code runs
only in the pytest child process. Usage (arguments are JSON, written by the host):

    python check.py BUNDLE INI RUFF_CHECK_ARGS RUFF_FORMAT_ARGS TIMEOUT_S
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path

TRIM = 1500
MARK = "FLASHAPPS-REPORT:"


def trim(text):
    text = (text or "").strip()
    return text if len(text) <= TRIM else "…" + text[-TRIM:]


def tool(name):
    here = Path(sys.executable).with_name(name)
    return str(here) if here.exists() else (shutil.which(name) or name)


def ruff(bundle, check_args, format_args):
    findings = []
    check = subprocess.run([tool("ruff"), *check_args, "."], cwd=bundle, capture_output=True, text=True)
    for raw in check.stdout.splitlines():
        parts = raw.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit():
            code, _, message = parts[3].strip().partition(" ")
            findings.append({"tool": "ruff", "file": parts[0], "line": int(parts[1]), "code": code, "message": message})
    if check.returncode not in (0, 1):
        findings.append({"tool": "ruff", "file": ".", "message": trim(check.stderr or check.stdout)})
    fmt = subprocess.run([tool("ruff"), *format_args, "."], cwd=bundle, capture_output=True, text=True)
    if fmt.returncode != 0:
        files = [line[4:] for line in fmt.stdout.splitlines() if line.startswith("--- ")] or ["."]
        for name in files:
            findings.append({"tool": "format", "file": name, "message": "not formatted as ruff format would"})
    return findings


def junit(path):
    if not Path(path).exists():
        return []
    results = []
    for case in ElementTree.parse(path).getroot().iter("testcase"):
        name = (case.get("classname", "") + "::" + case.get("name", "")).removeprefix("tests.")
        outcome, output = "passed", ""
        for tag, label in (("failure", "failed"), ("error", "error"), ("skipped", "skipped")):
            node = case.find(tag)
            if node is not None:
                outcome, output = label, trim((node.get("message") or "") + "\n" + (node.text or ""))
        results.append({"name": name, "outcome": outcome, "duration_s": float(case.get("time") or 0), "output": output})
    return results


def main(argv):
    bundle, ini = argv[0], argv[1]
    check_args, format_args, timeout = json.loads(argv[2]), json.loads(argv[3]), float(argv[4])
    began = time.perf_counter()
    findings = ruff(bundle, check_args, format_args)
    linted = time.perf_counter()
    scratch = tempfile.mkdtemp(prefix="verify-")
    report = str(Path(scratch) / "junit.xml")
    command = [sys.executable, "-m", "pytest", "-c", ini, "--rootdir", bundle, "-q", "-o", "junit_family=xunit1"]
    command += ["--junitxml", report, "-p", "no:cacheprovider", "tests"]
    env = dict(os.environ, PYTHONDONTWRITEBYTECODE="1", HOME=scratch)
    timed_out, tail = False, ""
    try:
        done = subprocess.run(command, cwd=bundle, capture_output=True, text=True, timeout=timeout, env=env)
        tail = trim(done.stdout + done.stderr)
    except subprocess.TimeoutExpired:
        timed_out = True
    finished = time.perf_counter()
    result = {
        "findings": findings,
        "tests": junit(report),
        "timed_out": timed_out,
        "tail": tail,
        "timings_s": {"ruff": linted - began, "pytest": finished - linted},
    }
    shutil.rmtree(scratch, ignore_errors=True)
    sys.stdout.write(MARK + json.dumps(result) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
