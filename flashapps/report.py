"""VerifyReport: what a bundle did wrong, as data (exceptions are for broken infrastructure)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Finding", "TestResult", "VerifyReport"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Finding(_Model):
    """One lint, format or policy finding."""

    tool: Literal["ruff", "format", "policy"]
    file: str
    line: int = 0
    code: str = ""
    message: str


class TestResult(_Model):
    __test__ = False  # not a pytest test class

    name: str
    outcome: Literal["passed", "failed", "error", "skipped"]
    duration_s: float = 0.0
    output: str = Field(default="", description="the failure, trimmed to what is needed to fix it")


class VerifyReport(_Model):
    backend: str
    isolated: bool
    passed: bool
    findings: list[Finding] = Field(default_factory=list)
    tests: list[TestResult] = Field(default_factory=list)
    timings_s: dict[str, float] = Field(default_factory=dict, description="start, ruff, pytest, total")
    timed_out: bool = False
    note: str = ""

    @property
    def failed_tests(self) -> list[TestResult]:
        return [t for t in self.tests if t.outcome in ("failed", "error")]

    def summary(self, language: str = "en") -> str:
        """One line in the user's language."""
        zh = language.startswith("zh")
        passed = sum(t.outcome == "passed" for t in self.tests)
        if self.passed:
            return f"{passed} 项测试全部通过，代码检查无问题" if zh else f"all {passed} tests passed, lint clean"
        if self.timed_out:
            return "验证超时" if zh else "verification timed out"
        failed = len(self.failed_tests)
        return (
            f"{failed} 项测试失败，{len(self.findings)} 个代码问题"
            if zh
            else f"{failed} test(s) failed, {len(self.findings)} lint finding(s)"
        )
