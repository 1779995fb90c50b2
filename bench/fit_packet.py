"""The review packet of ``python -m bench.fit packet``: per idea a folder holding only what a reviewer
needs to grade the app's fit: the idea, its acceptance criteria, what the idea set says cannot be
built here, the app's spec and a screenshot of its first screen. Nothing about how the app was made
(no pattern, provider, tokens, repair or test results) goes in.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from bench.fit import Grade, spec_hash, template_text
from bench.ideas import Idea

__all__ = ["write_packet"]

_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


def _folder_name(idea_id: str) -> str:
    return _SAFE.sub("_", idea_id).strip("._") or "idea"


def _idea_markdown(card: dict[str, Any]) -> str:
    lines = [f"# {card['id']}", "", f"**Idea** ({card['language']}): {card['idea']}", ""]
    if card.get("details"):
        lines += ["**More from the person asking:**", "", card["details"].strip(), ""]
    lines += ["**Acceptance criteria:**", ""]
    lines += [f"{n}. {text}" for n, text in enumerate(card["acceptance"], start=1)] or ["(none given)"]
    if card.get("feasible"):
        lines += ["", f"**Can be built here:** {card['feasible']}"]
    if card.get("note"):
        lines += ["", f"**What cannot be built here:** {card['note']}"]
    shot = f"![the app's first screen]({card['screenshot']})" if card["screenshot"] else "(no screenshot)"
    lines += ["", f"**Spec** (`{card['spec_hash']}`): [spec.json](spec.json)", "", f"**Screenshot:** {shot}", ""]
    return "\n".join(lines)


_PACKET_README = """\
# Fit review

Each folder is one app made from one idea: `idea.md` (the same in `idea.json`) holds the idea, its
acceptance criteria and what the set says cannot be built here; `spec.json` is what the app was built
from (its screens, components, data, logic and the user paths it was tested on); `screenshot.png` is its
first screen. Grade whether the app is the app that was asked for, from these alone.

Write one line per idea to a grades file of your own (start from `grades-template.jsonl`, which holds each
idea's id and spec hash), then give it back for `python -m bench.fit merge ... --grades FILE`.

## The grade line

```text
{template}```
"""


def write_packet(eval_json: Path, ideas: Sequence[Idea], out: Path, only: Iterable[str] = ()) -> list[str]:
    """Review folders under ``out`` for the apps of ``eval_json``; the ids written."""
    report = json.loads(eval_json.read_text(encoding="utf-8"))
    by_id, wanted = {i.id: i for i in ideas}, set(only)
    out.mkdir(parents=True, exist_ok=True)
    written, template = [], []
    for row in report["rows"]:
        if (wanted and row["id"] not in wanted) or not row.get("spec_file"):
            continue
        idea = by_id.get(row["id"])
        if idea is None:
            raise SystemExit(f"{row['id']}: not in the ideas file; pass the ideas the eval was run on")
        spec = json.loads((eval_json.parent / row["spec_file"]).read_text(encoding="utf-8"))
        digest = spec_hash(spec)
        if row.get("spec_hash") and digest != row["spec_hash"]:
            raise SystemExit(f"{row['id']}: {row['spec_file']} is not the spec the eval made; run the eval again")
        folder = out / _folder_name(row["id"])
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        (folder / "spec.json").write_text(json.dumps(spec, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        shot = eval_json.parent / row["shot"] if row.get("shot") else None
        if shot is not None and shot.is_file():
            shutil.copyfile(shot, folder / "screenshot.png")
        card = {"id": idea.id, "idea": idea.text, "details": idea.details or "", "language": idea.language,
                "acceptance": idea.acceptance, "feasible": idea.feasible or "", "note": idea.note or "",
                "spec_hash": digest, "spec": "spec.json",
                "screenshot": "screenshot.png" if (folder / "screenshot.png").is_file() else ""}  # fmt: skip
        (folder / "idea.json").write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        (folder / "idea.md").write_text(_idea_markdown(card), encoding="utf-8")
        template.append(Grade(id=idea.id, spec_hash=digest).model_dump_json())
        written.append(row["id"])
    (out / "README.md").write_text(_PACKET_README.format(template=template_text()), encoding="utf-8")
    (out / "grades-template.jsonl").write_text("".join(line + "\n" for line in template), encoding="utf-8")
    return written
