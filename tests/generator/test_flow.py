"""The flow's repair loop: findings go to the owning stage, bounded, stopping on a repeat."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel
from sample_specs import water_tracker

from flashapps.report import VerifyReport
from generator.build import build, owner_of
from generator.providers import StageRequest
from generator.stages import split

T = TypeVar("T", bound=BaseModel)


class SpecProvider:
    """Serves a fixed spec stage by stage; on repair, serves the next fix it was given."""

    name = "scripted"

    def __init__(self, spec, fixes: list[Any] | None = None) -> None:  # type: ignore[no-untyped-def]
        self.parts = split(spec)
        self.fixes = list(fixes or [])
        self.requests: list[StageRequest] = []

    def produce(self, request: StageRequest, output: type[T]) -> T:
        self.requests.append(request)
        if request.feedback and self.fixes:
            return output.model_validate(self.fixes.pop(0))
        return output.model_validate(self.parts[request.stage].model_dump())

    def note(self, idea: str, language: Any) -> str:
        return "scripted"


def FakeReport(passed: bool, tests: list[dict] | None = None, findings: list[dict] | None = None) -> VerifyReport:
    return VerifyReport.model_validate(
        {"backend": "scripted", "isolated": True, "passed": passed, "tests": tests or [], "findings": findings or []}
    )


def _failing_logic() -> VerifyReport:
    return FakeReport(
        passed=False,
        tests=[{"name": "test_logic::test_daily_need[0]", "outcome": "failed", "output": "assert 2100 == 2000"}],
    )


def test_findings_go_to_the_stage_that_owns_them() -> None:
    assert owner_of(_failing_logic())[0] == "logic"
    app = FakeReport(False, tests=[{"name": "test_app::test_log_a_glass", "outcome": "failed", "output": "x"}])
    assert owner_of(app)[0] == "key_paths"
    lint = FakeReport(
        False, findings=[{"tool": "ruff", "file": "logic.py", "line": 3, "code": "F821", "message": "undefined"}]
    )
    assert owner_of(lint) == ("logic", ["ruff logic.py:3 F821 undefined"])


def test_a_repaired_stage_is_verified_again(tmp_path: Path) -> None:
    spec = water_tracker()
    fixed_logic = split(spec)["logic"].model_dump()
    fixed_logic["logic"][0]["doc"] = "Water a person needs per day (repaired)."
    provider = SpecProvider(spec, fixes=[fixed_logic])
    reports = [_failing_logic(), FakeReport(passed=True)]
    result = build("water", tmp_path / "app", verify=lambda _: reports.pop(0), provider=provider, rounds=2)
    assert result.passed
    assert [r.stage for r in result.rounds] == ["logic"]
    repair = [r for r in provider.requests if r.feedback]
    assert repair and repair[0].stage == "logic" and "assert 2100 == 2000" in repair[0].feedback[0]
    assert repair[0].previous is not None


def test_the_same_error_twice_stops_the_loop(tmp_path: Path) -> None:
    provider = SpecProvider(water_tracker())  # a provider that cannot fix anything
    calls = []

    def verify(_: Path) -> VerifyReport:
        calls.append(1)
        return _failing_logic()

    result = build("water", tmp_path / "app", verify=verify, provider=provider, rounds=5)
    assert not result.passed
    assert len(calls) == 1  # the repair returned the same spec: no point verifying it again
    assert len(result.rounds) == 1


def test_rounds_are_bounded(tmp_path: Path) -> None:
    spec = water_tracker()
    logic = split(spec)["logic"].model_dump()
    variants = []
    for n in range(5):
        variant = {"logic": [dict(logic["logic"][0], doc=f"variant {n}")]}
        variants.append(variant)
    provider = SpecProvider(spec, fixes=variants)
    counter = iter(range(100))

    def verify(_: Path) -> VerifyReport:
        n = next(counter)
        return FakeReport(passed=False, tests=[{"name": f"test_logic::t{n}", "outcome": "failed", "output": f"e{n}"}])

    result = build("water", tmp_path / "app", verify=verify, provider=provider, rounds=2)
    assert not result.passed and len(result.rounds) == 2
