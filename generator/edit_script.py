"""A follow-up on a traditional-Chinese app read in the app's script.

An app planned in zh-Hant holds only traditional characters (core.plan converts every string). A follow-up may be
typed in simplified characters (“加一个字段：备注”, “删除 小华”) or hold words that only simplified text writes;
each clause is read first with its text in traditional characters, so what it adds is written as the app writes it
and what it names (an item to remove, a field to rename) is found among what the app holds. A clause that reads as
nothing that way is read again as typed, and whatever an edit wrote is put into traditional characters at the end.
A zh-Hans or English app is never converted.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from flashapps.spec import AppSpec
from generator.edit_base import Clause
from generator.planner.hanzi import to_traditional, traditional_model

__all__ = ["in_app_script", "read_in_app_script"]


def read_in_app_script(spec: AppSpec, c: Clause, read: Callable[[AppSpec, Clause], list[str]]) -> list[str]:
    """``read`` of ``c`` on ``spec`` (changed in place): on a zh-Hant app, the clause in traditional characters
    first (a Refused then stands), else as typed."""
    shown = to_traditional(c.text) if spec.brief.language == "zh-Hant" else c.text
    if shown == c.text:
        return read(spec, c)
    trial = spec.model_copy(deep=True)
    said = read(trial, replace(c, text=shown))
    if not said:
        return read(spec, c)
    for name in type(spec).model_fields:
        setattr(spec, name, getattr(trial, name))
    return said


def in_app_script(spec: AppSpec) -> AppSpec:
    """``spec`` with every string in traditional characters when the app is zh-Hant; any other app as it is."""
    return traditional_model(spec) if spec.brief.language == "zh-Hant" else spec
