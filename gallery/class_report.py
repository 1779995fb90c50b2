"""What a class did in a class app, for its teacher: who opened it, quiz scores, and what each student
submitted (votes, sign-ups, any record), named by nickname; as rows to show and as a CSV file.

The app's data folder is read, never written: records carry their visitor (``_visitor``), a personal
app's own values end in ``@<visitor>`` (a quiz's best score is ``quiz:<id>:best@<visitor>``), and the
class's notes say which visitor is which member.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flashapps.spec import AppSpec
from gallery.classes import Classes
from gallery.views import UserView

__all__ = ["CSV_HEADERS", "ClassUsage", "Submission", "usage", "usage_csv"]

CSV_HEADERS = {
    "en": ("Student", "Part", "Answer", "When"),
    "zh": ("学生", "项目", "提交内容", "时间"),
}
_QUIZ = {"en": "Quiz", "zh": "测验"}


@dataclass(frozen=True)
class Submission:
    student: str
    part: str
    answer: str
    when: str = ""


@dataclass
class ClassUsage:
    """``students``: nickname → quiz id → (best score, questions); ``rows``: one per submission."""

    title: str
    students: dict[str, dict[str, tuple[int, int]]] = field(default_factory=dict)
    quizzes: dict[str, str] = field(default_factory=dict)
    rows: list[Submission] = field(default_factory=list)


def _quizzes(spec: AppSpec) -> list[Any]:
    return [c for screen in spec.screens for c in screen.components if getattr(c, "kind", "") == "quiz"]


def _read(path: Path) -> sqlite3.Connection | None:
    if not path.is_file():
        return None
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)
    db.row_factory = sqlite3.Row
    return db


def _tables(db: sqlite3.Connection) -> set[str]:
    return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _value(value: object) -> str:
    if value is None:
        return ""
    with contextlib.suppress(TypeError, ValueError):
        decoded = json.loads(value) if isinstance(value, str) and value[:1] in "[{" else value
        if isinstance(decoded, list):
            return ", ".join(map(str, decoded))
    return str(value)


def usage(classes: Classes, actor: UserView | None, slug: str, lang: str = "en") -> ClassUsage:
    """What each student of the actor's class app ``slug`` did (NotFound for anyone else's app)."""
    names = classes.visitors(actor, slug)
    version = classes.served_version(slug)
    spec = version.spec
    quizzes = _quizzes(spec)
    found = ClassUsage(title=spec.brief.title, quizzes={q.id: q.title or _QUIZ.get(lang, "Quiz") for q in quizzes})
    for name in sorted(set(names.values()), key=str.casefold):
        found.students[name] = {}
    db = _read(classes.data_root / slug / "app.sqlite3")
    if db is None or not names:
        return found
    with contextlib.closing(db):
        tables = _tables(db)
        if "_kv" in tables:
            for quiz in quizzes:
                for visitor, name in names.items():
                    key = f"quiz:{quiz.id}:best@{visitor}"
                    row = db.execute("SELECT value FROM _kv WHERE key = ?", (key,)).fetchone()
                    if row is not None:
                        score, total = int(json.loads(row[0])), len(quiz.questions)
                        best = max(score, found.students[name].get(quiz.id, (0, total))[0])
                        found.students[name][quiz.id] = (best, total)
                        found.rows.append(Submission(name, found.quizzes[quiz.id], f"{score} / {total}"))
        for entity in spec.entities:
            if entity.name not in tables:
                continue
            marks = ",".join("?" for _ in names)
            query = f'SELECT * FROM "{entity.name}" WHERE _visitor IN ({marks}) ORDER BY id'
            for row in db.execute(query, list(names)):
                keys = row.keys()
                answer = "; ".join(f"{f.label}: {_value(row[f.name])}" for f in entity.fields
                                   if f.name in keys and _value(row[f.name]))  # fmt: skip
                when = str(row["created_at"] or "") if "created_at" in keys else ""
                found.rows.append(Submission(names[row["_visitor"]], entity.label, answer, when))
    found.rows.sort(key=lambda s: (s.student.casefold(), s.part, s.when))
    return found


def usage_csv(found: ClassUsage, lang: str = "en") -> bytes:
    """The submissions as CSV (UTF-8 with a byte-order mark, so spreadsheets read Chinese right)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS["zh" if lang.startswith("zh") else "en"])
    for row in found.rows:
        writer.writerow([_safe(row.student), _safe(row.part), _safe(row.answer), row.when])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _safe(text: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
