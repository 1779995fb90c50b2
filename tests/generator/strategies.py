"""Hypothesis strategies for valid AppSpecs across the whole component vocabulary.

Specs are valid by construction (every reference resolves) and carry key paths whose
expectations follow from the component contracts, so a bundle that fails them is a bug.
Text is drawn from a hostile alphabet: quotes, backslashes, braces, CJK, emoji.
"""

from __future__ import annotations

import string
import subprocess
import sys
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from flashapps.spec import CANVAS_GAMES, AppSpec

HOSTILE = string.ascii_letters + string.digits + " '\"\\{}%#<>&*_`|-" + "中文字漢體😀💧"
KINDS = ["chart", "filter", "calculator", "converter", "timer", "quiz", "flashcards", "checklist", "picker"]
KINDS += ["counter", "game", "text", "csv"]
NAMES = [f"{w}{i}" for i in range(4) for w in ("amount", "kind", "note", "day", "score", "level", "tag", "done")]
RUFF = Path(sys.executable).with_name("ruff")


def default_ruff_problems(bundle: Path) -> list[str]:
    """What ruff finds in a bundle with its own defaults (rules and line length), no settings of ours."""
    problems = []
    for args in (["check", "--isolated", "--no-cache"], ["format", "--isolated", "--check", "--diff", "--no-cache"]):
        done = subprocess.run([str(RUFF), *args, "."], cwd=bundle, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            problems.append(done.stdout + done.stderr)
    return problems


def text(max_size: int = 60) -> st.SearchStrategy[str]:
    return st.text(alphabet=HOSTILE, min_size=1, max_size=max_size).map(str.strip).filter(bool)


def line(max_size: int = 40) -> st.SearchStrategy[str]:
    return text(max_size).map(lambda s: " ".join(s.split())).filter(bool)


@st.composite
def fields(draw: st.DrawFn) -> list[dict[str, Any]]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=5, unique=True))
    out = []
    for name in names:
        kind = draw(
            st.sampled_from(["text", "long_text", "int", "float", "bool", "date", "choice", "multi_choice", "rating"])
        )
        field: dict[str, Any] = {"name": name, "label": draw(line()), "type": kind, "required": draw(st.booleans())}
        if kind in ("choice", "multi_choice"):
            field["options"] = draw(st.lists(line(20), min_size=1, max_size=4, unique=True))
        if kind in ("int", "float"):
            field["min"], field["max"] = 0, 1000
            field["unit"] = draw(st.sampled_from(["", "ml", "kg", "分钟"]))
        out.append(field)
    return out


def _value_for(field: dict[str, Any], draw: st.DrawFn) -> Any:
    kind = field["type"]
    if kind == "int":
        return draw(st.integers(1, 1000))
    if kind == "float":
        return draw(st.integers(1, 1000)) / 4
    if kind == "rating":
        return draw(st.integers(1, 5))
    if kind == "bool":
        return True
    if kind == "date":
        return "2024-05-17"
    if kind == "choice":
        return field["options"][0]
    if kind == "multi_choice":
        return [field["options"][0]]
    return draw(line(30) | line(100))


@st.composite
def app_specs(draw: st.DrawFn) -> AppSpec:
    entity_fields = draw(fields())
    entity = {"name": "item", "label": draw(line()), "fields": entity_fields}
    numeric = [f["name"] for f in entity_fields if f["type"] in ("int", "float", "rating")]
    dates = [f["name"] for f in entity_fields if f["type"] == "date"]
    cats = [f["name"] for f in entity_fields if f["type"] in ("choice", "text", "rating", "bool")]
    metrics = [{"name": "total", "label": draw(line()), "entity": "item", "agg": "count"}]
    if numeric:
        metrics.append(
            {"name": "sum", "label": draw(line()), "entity": "item", "field": numeric[0], "agg": "sum", "goal": 50.0}
        )
    kinds = draw(
        st.lists(
            st.sampled_from(KINDS),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    components: list[dict[str, Any]] = [
        {"kind": "form", "id": "add", "entity": "item"},
        {"kind": "metric", "id": "m_total", "metric": "total"},
        {"kind": "table", "id": "list", "entity": "item"},
    ]
    logic: list[dict[str, Any]] = []
    paths: list[dict[str, Any]] = []
    steps = [
        {"action": "set", "key": f"add__{f['name']}", "value": _value_for(f, draw)}
        for f in entity_fields
        if f["type"] != "bool"
    ]
    steps.append({"action": "click", "key": "add__submit"})
    paths.append(
        {
            "name": "add_one",
            "story": draw(text()),
            "steps": steps,
            "expect": [
                {"output": "m_total.value", "value": 1},
                {"output": "list.rows", "value": 1},
                {"output": "add.saved", "value": 1},
            ],
        }
    )
    long_ids = draw(st.booleans())
    for kind in kinds:
        cid = f"c_{kind}" if not long_ids else f"c_{kind}_{'x' * 30}"[:32]
        if kind == "chart" and (dates or cats):
            by_date = bool(dates) and (not cats or draw(st.booleans()))
            components.append(
                {
                    "kind": "chart",
                    "id": cid,
                    "entity": "item",
                    "chart": draw(st.sampled_from(["line", "bar", "pie"])),
                    "group_by": draw(st.sampled_from(["day", "week", "month"])) if by_date else "category",
                    "x": dates[0] if by_date else cats[0],
                    "y": numeric[0] if numeric else None,
                    "agg": draw(st.sampled_from(["sum", "avg", "max"])) if numeric else "count",
                }
            )
        elif kind == "filter" and (dates or cats):
            components.insert(
                2,
                {
                    "kind": "filter",
                    "id": cid,
                    "entity": "item",
                    "date_field": dates[0] if dates else None,
                    "category_field": cats[0] if cats else None,
                    "search": True,
                },
            )
        elif kind == "calculator":
            logic.append(
                {
                    "name": "combine",
                    "doc": draw(text()),
                    "params": [{"name": "a", "type": "float"}, {"name": "b", "type": "float"}],
                    "returns": "float",
                    "body": 'if b == 0:\n    raise ValueError("b must not be zero")\nreturn a / b',
                    "examples": [
                        {"args": {"a": 6, "b": 3}, "expected": 2.0},
                        {"args": {"a": 1, "b": 4}, "expected": 0.25},
                    ],
                }
            )
            components.append(
                {
                    "kind": "calculator",
                    "id": cid,
                    "inputs": [{"name": "a", "label": draw(line())}, {"name": "b", "label": draw(line())}],
                    "results": [{"function": "combine", "label": draw(line()), "decimals": 3}],
                }
            )
            paths.append(
                {
                    "name": "calculate",
                    "story": draw(text()),
                    "steps": [
                        {"action": "set", "key": f"{cid}__a", "value": 9},
                        {"action": "set", "key": f"{cid}__b", "value": 4},
                    ],
                    "expect": [{"output": f"{cid}.combine", "value": 2.25}, {"output": f"{cid}.error", "value": ""}],
                }
            )
            paths.append(
                {
                    "name": "calculate_refuses",
                    "story": draw(text()),
                    "steps": [
                        {"action": "set", "key": f"{cid}__a", "value": 1},
                        {"action": "set", "key": f"{cid}__b", "value": 0},
                    ],
                    "expect": [{"output": f"{cid}.error", "op": "truthy", "value": True}],
                }
            )
        elif kind == "converter":
            components.append(
                {
                    "kind": "converter",
                    "id": cid,
                    "units": [
                        {"name": "c", "label": draw(line()), "factor": 1.0},
                        {"name": "f", "label": draw(line()), "factor": 5 / 9, "offset": -32.0},
                    ],
                }
            )
            paths.append(
                {
                    "name": "convert",
                    "story": draw(text()),
                    "steps": [{"action": "set", "key": f"{cid}__value", "value": 100}],
                    "expect": [{"output": f"{cid}.result", "op": "approx", "value": 212.0}],
                }
            )
        elif kind == "timer":
            mode = draw(st.sampled_from(["countdown", "pomodoro", "stopwatch"]))
            components.append({"kind": "timer", "id": cid, "mode": mode})
            paths.append(
                {
                    "name": "timer_starts",
                    "story": draw(text()),
                    "steps": [{"action": "click", "key": f"{cid}__start"}],
                    "expect": [{"output": f"{cid}.state", "value": "running"}],
                }
            )
        elif kind == "quiz":
            questions = draw(
                st.lists(
                    st.fixed_dictionaries(
                        {
                            "prompt": text(),
                            "choices": st.lists(line(20), min_size=2, max_size=4, unique=True),
                            "explanation": text(),
                        }
                    ),
                    min_size=1,
                    max_size=3,
                )
            )
            for q in questions:
                q["answer"] = len(q["choices"]) - 1
            components.append({"kind": "quiz", "id": cid, "questions": questions})
            paths.append(
                {
                    "name": "quiz_all_right",
                    "story": draw(text()),
                    "steps": [
                        *(
                            {"action": "set", "key": f"{cid}__q{i}", "value": q["choices"][-1]}
                            for i, q in enumerate(questions)
                        ),
                        {"action": "click", "key": f"{cid}__submit"},
                    ],
                    "expect": [
                        {"output": f"{cid}.score", "value": len(questions)},
                        {"output": f"{cid}.passed", "value": True},
                    ],
                }
            )
        elif kind == "flashcards":
            cards = draw(st.lists(st.fixed_dictionaries({"front": line(), "back": text()}), min_size=2, max_size=5))
            components.append({"kind": "flashcards", "id": cid, "cards": cards})
            paths.append(
                {
                    "name": "flashcard_known",
                    "story": draw(text()),
                    "steps": [{"action": "click", "key": f"{cid}__flip"}, {"action": "click", "key": f"{cid}__known"}],
                    "expect": [{"output": f"{cid}.known", "value": 1}, {"output": f"{cid}.index", "value": 1}],
                }
            )
        elif kind == "checklist":
            items = draw(st.lists(line(), min_size=2, max_size=5, unique=True))
            components.append({"kind": "checklist", "id": cid, "items": items})
            paths.append(
                {
                    "name": "tick_one",
                    "story": draw(text()),
                    "steps": [{"action": "check", "key": f"{cid}__item0"}],
                    "expect": [{"output": f"{cid}.done", "value": 1}, {"output": f"{cid}.total", "value": len(items)}],
                }
            )
        elif kind == "picker":
            items = draw(st.lists(line(), min_size=2, max_size=5, unique=True))
            components.append({"kind": "picker", "id": cid, "items": items})
            paths.append(
                {
                    "name": "pick_one",
                    "story": draw(text()),
                    "steps": [{"action": "click", "key": f"{cid}__pick"}],
                    "expect": [
                        {"output": f"{cid}.remaining", "value": len(items) - 1},
                        {"output": f"{cid}.history", "value": 1},
                    ],
                }
            )
        elif kind == "counter":
            components.append({"kind": "counter", "id": cid, "label": draw(line()), "step": 2})
            paths.append(
                {
                    "name": "count_up",
                    "story": draw(text()),
                    "steps": [{"action": "click", "key": f"{cid}__plus"}, {"action": "click", "key": f"{cid}__plus"}],
                    "expect": [{"output": f"{cid}.value", "value": 4}],
                }
            )
        elif kind == "game":
            game = draw(st.sampled_from(["guess_number", "tic_tac_toe", *CANVAS_GAMES]))
            components.append(
                {"kind": "game", "id": cid, "game": game, "params": {"items": draw(st.lists(line(8), max_size=4))}}
            )
            if game == "tic_tac_toe":
                steps_ = [{"action": "click", "key": f"{cid}__cell4"}]
                expect = [{"output": f"{cid}.moves", "value": 2}]
            elif game == "guess_number":
                steps_ = [
                    {"action": "set", "key": f"{cid}__guess", "value": 1},
                    {"action": "click", "key": f"{cid}__try"},
                ]
                expect = [{"output": f"{cid}.attempts", "value": 1}]
            else:
                name = draw(line(12))
                steps_ = [{"action": "set", "key": f"{cid}__player", "value": name}]
                expect = [{"output": f"{cid}.best", "value": 0}]
            paths.append({"name": "play", "story": draw(text()), "steps": steps_, "expect": expect})
        elif kind == "text":
            components.append({"kind": "text", "id": cid, "body": draw(text(200))})
        elif kind == "csv":
            components.append({"kind": "csv", "id": cid, "entity": "item"})
    split = draw(st.integers(1, max(1, len(components) - 1)))
    screens = [{"name": "main", "title": draw(line(80)), "icon": "🏠", "components": components[:split]}]
    if components[split:]:
        screens.append({"name": "more", "title": draw(line(80)), "components": components[split:]})
    # a filter narrows only what follows it on its own screen; keep it on the first screen
    data = {
        "brief": {
            "title": draw(line(80)),
            "value": draw(text(300)),
            "language": draw(st.sampled_from(["en", "zh-Hans", "zh-Hant"])),
            "metrics": metrics,
            "left_out": draw(st.lists(st.fixed_dictionaries({"part": line(80), "reason": text(200)}), max_size=3)),
        },
        "entities": [entity],
        "screens": screens,
        "logic": logic,
        "key_paths": paths,
    }
    return AppSpec.model_validate(data)
