"""Key paths told again for a quiz, deck, picker, list or counter after a follow-up changed what it holds, so
that the app's own tests check the new contents (the planner's paths, in the same words)."""

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
from generator.planner.patterns.base import expect, path, step

__all__ = ["told_again"]


def _quiz(q: QuizComponent, t: Tr) -> list[KeyPath]:
    k, n = q.key, len(q.questions)
    right = [x.choices[x.answer] for x in q.questions][:19]
    first = q.questions[0]
    wrong = first.choices[(first.answer + 1) % len(first.choices)]
    full = [expect(f"{q.id}.score", len(right)), expect(f"{q.id}.total", n)]
    paths = [
        path("all_right", t("I answer every question right and score full marks.", "我全部答对，拿到满分。"),
             [*(step("set", k(f"q{i}"), a) for i, a in enumerate(right)), step("click", k("submit"))],
             full + ([expect(f"{q.id}.passed", True)] if len(right) == n else [])),
        path("retry", t("After checking, Retry clears the answers.", "检查之后点“重来”会清空答案。"),
             [step("set", k("q0"), right[0]), step("click", k("submit")), step("click", k("retry"))],
             [expect(f"{q.id}.finished", False), expect(f"{q.id}.answered", 0)]),
    ]  # fmt: skip
    if n >= 2:
        paths.insert(1, path(
            "one_wrong", t("One wrong answer costs one point and the score says so.", "答错一题就少一分。"),
            [step("set", k("q0"), wrong), *(step("set", k(f"q{i}"), a) for i, a in enumerate(right) if i),
             step("click", k("submit"))],
            [expect(f"{q.id}.score", len(right) - 1), expect(f"{q.id}.finished", True)]))  # fmt: skip
    return paths


def _deck(d: FlashcardsComponent, t: Tr) -> list[KeyPath]:
    n = len(d.cards)
    paths = [
        path(
            "flip",
            t("I flip the first card and see its answer.", "我翻开第一张卡片，看到答案。"),
            [step("click", d.key("flip"))],
            [expect(f"{d.id}.side", "back"), expect(f"{d.id}.total", n)],
        )
    ]
    if n >= 3:
        story = t("I mark one card as known and one as still learning.", "我把一张标为认识，一张标为还不熟。")
        paths.append(path("sort", story,
                          [step("click", d.key("known")), step("click", d.key("unknown"))],
                          [expect(f"{d.id}.known", 1), expect(f"{d.id}.unknown", 1),
                           expect(f"{d.id}.remaining", n - 2), expect(f"{d.id}.index", 2)]))  # fmt: skip
    return paths


def _picker(p: PickerComponent, t: Tr) -> list[KeyPath]:
    n, count = len(p.items), min(p.count, len(p.items))
    twice = [expect(f"{p.id}.history", 2)]
    if p.no_repeat and n >= 2 * count:
        twice.append(expect(f"{p.id}.remaining", n - 2 * count))
    return [
        path("pick_one", t("I pick and get one of the items.", "我抽一次，得到列表中的一项。"),
             [step("click", p.key("pick"))],
             [expect(f"{p.id}.history", 1), expect(f"{p.id}.picked", count, "len_eq")]),
        path("no_repeats", t("Two picks in a row never give the same item.", "连续抽两次不会重复。"),
             [step("click", p.key("pick")), step("click", p.key("pick"))], twice),
        path("reset", t("Reset puts every item back.", "重置后所有项目回到池中。"),
             [step("click", p.key("pick")), step("click", p.key("reset"))],
             [expect(f"{p.id}.remaining", n), expect(f"{p.id}.picked", [])]),
    ]  # fmt: skip


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
    if isinstance(component, QuizComponent):
        return _quiz(component, t)
    if isinstance(component, FlashcardsComponent):
        return _deck(component, t)
    if isinstance(component, PickerComponent):
        return _picker(component, t)
    if isinstance(component, ChecklistComponent):
        return _checklist(component, t)
    if isinstance(component, CounterComponent):
        return _counter(component, t)
    cid = component.id
    return [p for p in spec.key_paths if any(s.key.startswith(f"{cid}__") for s in p.steps)
            or any(e.output.startswith(f"{cid}.") for e in p.expect)]  # fmt: skip
