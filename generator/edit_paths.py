"""Key paths told again for a quiz, deck, picker, list or counter after a follow-up changed what it holds, so
that the app's own tests check the new contents (the planner's own paths where it has them)."""

from __future__ import annotations

from flashapps.spec import (
    AppSpec,
    ChecklistComponent,
    Component,
    CounterComponent,
    FlashcardsComponent,
    KeyPath,
    PickerComponent,
    QuizComponent,
)
from generator.planner.lang import Tr
from generator.planner.patterns.base import Context, expect, path, step
from generator.planner.patterns.flashcards import deck_paths
from generator.planner.patterns.picker import picker_paths
from generator.planner.patterns.spelling import quiz_paths

__all__ = ["told_again"]


def _checklist(c: ChecklistComponent, t: Tr) -> list[KeyPath]:
    n = len(c.items)
    paths = [
        path(
            "tick",
            t("I tick the first item and the progress grows.", "我勾选第一项，进度随之增加。"),
            [step("check", c.key("item0"))],
            [expect(f"{c.id}.done", 1), expect(f"{c.id}.total", n)],
        )
    ]
    if c.editable:
        paths.append(path("add_item", t("I add my own item to the list.", "我向清单添加自己的项目。"),
                          [step("set", c.key("new"), t("Umbrella", "雨伞")), step("click", c.key("add"))],
                          [expect(f"{c.id}.total", n + 1)]))  # fmt: skip
    if n <= 20:
        paths.append(
            path(
                "all_done",
                t("Ticking everything completes the list.", "全部勾选后清单完成。"),
                [step("check", c.key(f"item{i}")) for i in range(n)],
                [expect(f"{c.id}.progress", 1.0)],
            )
        )
    return paths


def _counter(c: CounterComponent, t: Tr) -> list[KeyPath]:
    paths = [
        path("count_up", t("I count up three times and down once.", "我加三次、减一次。"),
             [*(step("click", c.key("plus")) for _ in range(3)), step("click", c.key("minus"))],
             [expect(f"{c.id}.value", 2 * c.step)]),
        path("reset", t("Reset brings the count back to zero.", "重置后归零。"),
             [step("click", c.key("plus")), step("click", c.key("reset"))], [expect(f"{c.id}.value", 0)]),
    ]  # fmt: skip
    if not c.allow_negative:
        paths.append(path("never_negative", t("The count never goes below zero.", "计数不会小于零。"),
                          [step("click", c.key("minus"))], [expect(f"{c.id}.value", 0)]))  # fmt: skip
    return paths


def told_again(spec: AppSpec, component: Component, t: Tr) -> list[KeyPath]:
    """The component's key paths for what it holds now (a game's own paths are kept as they are)."""
    ctx = Context("", t.language)
    if isinstance(component, QuizComponent):
        return quiz_paths(ctx, component)
    if isinstance(component, FlashcardsComponent):
        return deck_paths(ctx, component)
    if isinstance(component, PickerComponent):
        return picker_paths(ctx, component)
    if isinstance(component, ChecklistComponent):
        return _checklist(component, t)
    if isinstance(component, CounterComponent):
        return _counter(component, t)
    cid = component.id
    return [p for p in spec.key_paths if any(s.key.startswith(f"{cid}__") for s in p.steps)
            or any(e.output.startswith(f"{cid}.") for e in p.expect)]  # fmt: skip
