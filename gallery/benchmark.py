"""How fast browsing is: a temporary SQLite gallery with ``n`` synthetic apps (mixed English and
Chinese titles), timed for full-text searches and for list pages.

    python -m gallery.benchmark 1000 10000 100000
"""

from __future__ import annotations

import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from gallery.core import Gallery, open_gallery
from gallery.models import App, User
from gallery.search import Sort
from gallery.settings import GallerySettings
from gallery.tokens import search_text

__all__ = ["QUERIES", "fill", "search_latency"]

_EN_SUBJECTS = ["Vocabulary", "Spelling", "Photosynthesis", "Fractions", "Multiplication", "World capitals",
                "Periodic table", "French verbs", "Water", "Sleep", "Reading", "Habit", "Budget", "Pomodoro",
                "Workout", "Mood", "Times tables", "Planets", "Grammar", "Typing"]  # fmt: skip
_EN_KINDS = ["quiz", "flashcards", "tracker", "timer", "game", "calculator", "picker", "checklist", "log"]
_EN_FOR = ["for grade 3", "for beginners", "for my class", "daily", "for kids", "", "", "pro"]
_ZH_SUBJECTS = ["背单词", "古诗", "数学", "英语", "乘法口诀", "化学元素", "饮水", "睡眠", "阅读", "记账", "番茄钟",
                "健身", "心情", "成语", "汉字", "地理", "物理公式", "历史年代"]  # fmt: skip
_ZH_KINDS = ["小游戏", "练习", "测验", "记录", "计时器", "抽签", "打卡", "闪卡", "计算器"]
_ZH_FOR = ["三年级", "初中", "每日", "", "", "入门"]
_CATEGORIES = ["tracker", "calculator", "converter", "learning", "timer", "planner", "picker", "finance", "game"]
QUERIES = [
    "单词",
    "背单词",
    "数学 练习",
    "water",
    "timer",
    "quiz grade",
    "flashcards",
    "饮水记录",
    "typing game",
    "成语",
]


def _app(rng: random.Random, i: int, start: dt.datetime, users: int) -> dict[str, Any]:
    zh = rng.random() < 0.45
    if zh:
        subject, kind = rng.choice(_ZH_SUBJECTS), rng.choice(_ZH_KINDS)
        title = f"{rng.choice(_ZH_FOR)}{subject}{kind}"
        description = f"帮助学生每天{subject}的{kind}，简单好用"
        tags = [subject, kind]
    else:
        subject, kind = rng.choice(_EN_SUBJECTS), rng.choice(_EN_KINDS)
        title = f"{subject} {kind} {rng.choice(_EN_FOR)}".strip()
        description = f"A small {kind} that helps with {subject.lower()} every day."
        tags = [subject.lower(), kind]
    roll = rng.random()
    state = "featured" if roll < 0.02 else "pending" if roll < 0.05 else "hidden" if roll < 0.07 else "published"
    created = start + dt.timedelta(minutes=i * 5 + rng.randint(0, 4))
    return {
        "slug": f"b{i:07d}",
        "title": title,
        "description": description,
        "tags": tags,
        "category": "game" if kind in ("game", "小游戏") else rng.choice(_CATEGORIES),
        "language": "zh-Hans" if zh else "en",
        "kind": "game" if kind in ("game", "小游戏") else "app",
        "state": state,
        "reject_reason": "",
        "author_id": rng.randint(1, users),
        "like_count": int(rng.paretovariate(1.5)) - 1,
        "remix_count": 0,
        "latest_version": 1,
        "search_text": search_text(title, description, tags),
        "created_at": created,
        "updated_at": created,
        "featured_at": created if state == "featured" else None,
    }


def fill(gallery: Gallery, n_apps: int, *, seed: int = 7, users: int = 200) -> None:
    """Bulk-inserts ``users`` accounts and ``n_apps`` apps (no versions or files: listing needs none)."""
    rng = random.Random(seed)
    start = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with gallery.tx() as session:
        session.execute(insert(User), [{"username": f"user{i}", "password_hash": "-", "role": "maker",
                                        "created_at": start} for i in range(users)])  # fmt: skip
    for offset in range(0, n_apps, 5000):
        rows = [_app(rng, i, start, users) for i in range(offset, min(n_apps, offset + 5000))]
        with gallery.tx() as session:
            session.execute(insert(App), rows)


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def search_latency(n_apps: int, repeat: int = 20) -> dict[str, float]:
    """p50/p95 milliseconds of a search and of a list page over ``n_apps`` apps in SQLite."""
    with tempfile.TemporaryDirectory(prefix="gallery-bench-") as work:
        folder = Path(work)
        settings = GallerySettings(database_url=f"sqlite:///{folder / 'bench.sqlite3'}", store_dir=folder / "store")
        gallery = open_gallery(settings)
        began = time.perf_counter()
        fill(gallery, n_apps)
        gallery.optimize()  # as the next start would
        filled = time.perf_counter() - began
        gallery.browse("warm up")
        searches: list[float] = []
        lists: list[float] = []
        sorts: list[Sort] = ["new", "popular", "featured"]
        for round_ in range(repeat):
            for query in QUERIES:
                began = time.perf_counter()
                gallery.browse(query)
                searches.append((time.perf_counter() - began) * 1000)
            for i, sort in enumerate(sorts):
                filters = {"category": "learning"} if (round_ + i) % 2 else {}
                began = time.perf_counter()
                gallery.browse(sort=sort, page=1 + round_ % 3, **filters)  # type: ignore[arg-type]
                lists.append((time.perf_counter() - began) * 1000)
        size = sum(path.stat().st_size for path in folder.glob("bench.sqlite3*")) / 2**20
        gallery.close()
    search_p50, search_p95 = _percentiles(searches)
    list_p50, list_p95 = _percentiles(lists)
    return {
        "n_apps": n_apps,
        "fill_s": round(filled, 2),
        "db_mb": round(size, 1),
        "search_p50_ms": round(search_p50, 2),
        "search_p95_ms": round(search_p95, 2),
        "list_p50_ms": round(list_p50, 2),
        "list_p95_ms": round(list_p95, 2),
    }


if __name__ == "__main__":
    for count in [int(arg) for arg in sys.argv[1:]] or [1000, 10_000, 100_000]:
        print(json.dumps(search_latency(count)), flush=True)
