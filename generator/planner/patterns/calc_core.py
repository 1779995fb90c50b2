"""The calculator family's parts: a kind of calculation (inputs, logic, paths) and helpers to write one."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from flashapps.spec import CalcInput, CalcOutput, Example, KeyPath, LogicFunction, Param, Step
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context, expect, path, step
from generator.pysource import LINE_LENGTH, py_literal

__all__ = [
    "Calc",
    "CalcParts",
    "calc_path",
    "draw",
    "error_path",
    "choice",
    "fitting",
    "flag",
    "fn",
    "msg",
    "num",
    "out",
    "text",
]


@dataclass
class CalcParts:
    """One calculator app: what it is, its inputs and results, the logic behind them and the paths to test."""

    title: str
    value: str
    icon: str
    theme: str
    inputs: list[CalcInput]
    results: list[CalcOutput]
    logic: list[LogicFunction]
    paths: list[KeyPath]
    note: str = ""
    extra: list[object] = field(default_factory=list)


@dataclass(frozen=True)
class Calc:
    """A kind of calculation and the words that ask for it; ``fit`` (when set) reads the idea's own numbers,
    rates, presets and dates instead of ``make``'s defaults."""

    name: str
    keywords: Mapping[str, float]
    make: Callable[[Tr], CalcParts]
    fit: Callable[[Context], CalcParts] | None = None
    needs: Callable[[Context], bool] | None = None  # what the idea must hold for this kind to be picked

    def fits(self, ctx: Context) -> bool:
        return self.needs is None or self.needs(ctx)

    def parts(self, ctx: Context) -> CalcParts:
        return self.fit(ctx) if self.fit else self.make(ctx.t)

    @classmethod
    def reading(
        cls,
        name: str,
        keywords: Mapping[str, float],
        fit: Callable[[Context], CalcParts],
        needs: Callable[[Context], bool] | None = None,
    ) -> Calc:
        """A calculation built from the idea; without one (``make``) it takes its defaults."""

        def plain(t: Tr) -> CalcParts:
            return fit(Context("", t.language))

        return cls(name, keywords, plain, fit, needs)


def msg(t: Tr, en: str, zh: str) -> str:
    """A ValueError message as a Python string literal in the app's language."""
    return json.dumps(t(en, zh), ensure_ascii=False)


def fitting(examples: list[Example]) -> list[Example]:
    """The examples whose cases fit on one test line (at least one is kept)."""
    kept: list[Example] = []
    for example in examples:
        cases = [[e.args, e.expected] for e in [*kept, example]]
        if kept and len(py_literal(cases, 0, 4, 1)) > LINE_LENGTH - 6:
            break
        kept.append(example)
    return kept


def fn(
    name: str, doc: str, params: str, returns: str, body: str, cases: Sequence[tuple[Mapping[str, object], object]]
) -> LogicFunction:
    """A logic function from a compact description: ``params`` like ``"weight:float, height:float"``."""
    parsed = [p.split(":") for p in params.replace(" ", "").split(",") if p]
    examples = [Example.model_validate({"args": args, "expected": expected}) for args, expected in cases]
    return LogicFunction(
        name=name,
        doc=doc,
        params=[Param.model_validate({"name": n, "type": kind}) for n, kind in parsed],
        returns=returns,
        body=body.strip("\n"),
        examples=fitting(examples),
    )


def num(name: str, label: str, default: float | None, unit: str = "", step: float | None = None) -> CalcInput:
    """A number input; a step of exactly 1 makes it a whole number (an int reaches the function)."""
    kind = "int" if step == 1 and (default is None or float(default).is_integer()) else "number"
    value = int(default) if kind == "int" and default is not None else default
    return CalcInput(name=name, label=label, type=kind, default=value, unit=unit, step=step)


def choice(name: str, label: str, options: list[str], default: str | None = None) -> CalcInput:
    return CalcInput(name=name, label=label, type="choice", options=options, default=default or options[0])


def flag(name: str, label: str, default: bool) -> CalcInput:
    return CalcInput(name=name, label=label, type="bool", default=default)


def draw(name: str, label: str) -> CalcInput:
    """A secret random seed the app makes for each visitor (a button makes a new one): what a generator of
    passwords draws from, so nobody can repeat a draw by choosing the same settings."""
    return CalcInput(name=name, label=label, type="draw")


def text(name: str, label: str, default: str) -> CalcInput:
    return CalcInput(name=name, label=label, type="text", default=default)


def out(function: str, label: str, unit: str = "", decimals: int = 2) -> CalcOutput:
    return CalcOutput(function=function, label=label, unit=unit, decimals=decimals)


def _steps(inputs: Mapping[str, object]) -> list[Step]:
    """Set each input; a checkbox is ticked or unticked."""
    return [
        step("check" if value else "uncheck", f"calc__{key}")
        if isinstance(value, bool)
        else step("set", f"calc__{key}", value)
        for key, value in inputs.items()
    ]


def calc_path(name: str, story: str, inputs: Mapping[str, object], results: Mapping[str, object]) -> KeyPath:
    """Set the calculator's inputs, then check each result (floats approximately)."""
    return path(
        name,
        story,
        _steps(inputs),
        [
            expect(f"calc.{key}", value, "approx" if isinstance(value, float) else "eq")
            for key, value in results.items()
        ],
    )


def error_path(name: str, story: str, inputs: Mapping[str, object]) -> KeyPath:
    """Set an invalid input and check that the calculator says what is wrong."""
    return path(
        name,
        story,
        _steps(inputs),
        [expect("calc.error", None, "truthy")],
    )
