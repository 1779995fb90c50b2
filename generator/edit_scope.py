"""The follow-up reader for whose records they are: "make it private", "each student keeps their own",
"share it with the class", "students hand it in and only I see them all", "改成每个人自己的"."""

from __future__ import annotations

from flashapps.spec import AppSpec
from generator.edit_base import Clause
from generator.planner.scope import SAID, read_scope, with_scope

__all__ = ["scope"]


def scope(spec: AppSpec, c: Clause) -> list[str]:
    """Whose records: every entity's scope and the app's own values follow the clause."""
    found = read_scope(c.text)
    if found is None:
        return []
    scoped = with_scope(spec, found)  # bookings and seats stay shared
    for entity, now in zip(spec.entities, scoped.entities, strict=True):
        entity.scope = now.scope
    spec.brief.scope = scoped.brief.scope
    en, zh = SAID[found]
    return [c.t(en, zh)]
