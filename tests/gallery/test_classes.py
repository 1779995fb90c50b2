"""Classes without e-mail accounts: join by code and nickname, class-only apps, who used them, retention."""

from __future__ import annotations

import csv
import datetime as dt
import importlib.util
import io
import json
from pathlib import Path
from types import ModuleType

import pytest

from flashapps.bundle import AppBundle
from flashapps.report import VerifyReport
from gallery import Conflict, Forbidden, Gallery, NotFound, UserView
from gallery.class_report import usage, usage_csv
from gallery.errors import UserError
from generator.planner import plan
from generator.render import render

WORDS = "apple, banana, cherry, dragon, eagle, forest, garden, harbor, island, jungle"
T0 = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def quiz_bundle(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    return render(plan(f"a spelling quiz with these words: {WORDS}").spec, tmp_path_factory.mktemp("q") / "b")


@pytest.fixture(scope="module")
def vote_bundle(tmp_path_factory: pytest.TempPathFactory) -> AppBundle:
    return render(plan("班级投票：选出最喜欢的运动").spec, tmp_path_factory.mktemp("v") / "b")


def _storage(bundle: AppBundle) -> ModuleType:
    """The bundle's own storage module: records are written as the running app writes them."""
    spec = importlib.util.spec_from_file_location(f"storage_{bundle.digest[:8]}", bundle.path / "storage.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _store(gallery: Gallery, bundle: AppBundle, slug: str, visitor: str) -> object:
    spec = json.loads((bundle.path / "spec.json").read_text(encoding="utf-8"))
    path = gallery.classes.data_root / slug / "app.sqlite3"
    return _storage(bundle).Store(spec["entities"], path=path, visitor=visitor, scope=spec["brief"]["scope"])


def _class_app(gallery: Gallery, teacher: UserView, bundle: AppBundle, passed: VerifyReport, code: str) -> str:
    slug = gallery.apps.publish(teacher, bundle, passed, confirm_privacy=True).slug
    gallery.classes.share(teacher, code, slug, now=T0)
    return slug


def test_students_join_with_a_code_and_a_nickname(gallery: Gallery, maker: UserView) -> None:
    made = gallery.classes.create(maker, "  Class 3B ", retention_days=30, now=T0)
    assert (made.name, made.teacher, made.members, len(made.code)) == ("Class 3B", "maker", 0, 6)
    typed = f" {made.code[:3].lower()}-{made.code[3:].lower()} "
    token, member = gallery.classes.join(typed, "  Mia ", now=T0)
    assert (member.nickname, member.class_code, member.class_name) == ("Mia", made.code, "Class 3B")
    assert gallery.classes.member(token) == member
    assert gallery.classes.member("not-a-token") is None
    with pytest.raises(Conflict):
        gallery.classes.join(made.code, "MIA")
    with pytest.raises(UserError):
        gallery.classes.join("ZZZZZZ" if made.code != "ZZZZZZ" else "YYYYYY", "Leo")
    with pytest.raises(UserError):
        gallery.classes.join(made.code, "   ")
    _, zh = gallery.classes.join(made.code, "小明")
    assert [m.nickname for m in gallery.classes.members(maker, made.code)] == ["Mia", "小明"]
    assert gallery.classes.get(maker, made.code).members == 2
    other = gallery.accounts.register("other", "other-password")
    with pytest.raises(Forbidden):
        gallery.classes.members(other, made.code)
    with pytest.raises(UserError):
        gallery.classes.create(maker, "Too long kept", retention_days=10_000)
    assert zh.class_code == made.code


def test_a_class_app_is_for_its_members_and_its_author_only(
    gallery: Gallery, maker: UserView, quiz_bundle: AppBundle, passed: VerifyReport
) -> None:
    mine = gallery.classes.create(maker, "3B", now=T0)
    theirs = gallery.classes.create(maker, "4A", now=T0)
    slug = gallery.apps.publish(maker, quiz_bundle, passed).slug
    assert [a.slug for a in gallery.browse().items] == [slug]
    gallery.classes.share(maker, mine.code, slug, now=T0)
    assert gallery.browse().items == []
    with pytest.raises(NotFound):
        gallery.apps.get_by_slug(slug)
    assert gallery.apps.get_by_slug(slug, maker).state == "class"
    assert gallery.classes.served_version(slug).number == 1
    assert gallery.classes.class_of(slug) == gallery.classes.get(maker, mine.code)
    member, _ = gallery.classes.join(mine.code, "Mia")
    outsider, _ = gallery.classes.join(theirs.code, "Leo")
    assert gallery.classes.admits(slug, [member])
    assert gallery.classes.admits(slug, [outsider, member])
    assert not gallery.classes.admits(slug, [outsider])
    assert not gallery.classes.admits(slug, [])
    assert gallery.classes.admits(slug, [], maker)
    stranger = gallery.accounts.register("stranger", "stranger-password")
    assert not gallery.classes.admits(slug, [], stranger)
    assert [a.slug for a in gallery.classes.class_apps(mine.code)] == [slug]
    assert gallery.classes.class_apps(theirs.code) == []
    with pytest.raises(Forbidden):
        gallery.classes.share(stranger, mine.code, slug)
    teacher_of_other = gallery.classes.create(stranger, "5C")
    with pytest.raises(NotFound):  # not her app
        gallery.classes.share(stranger, teacher_of_other.code, slug)
    gallery.classes.unshare(maker, slug)
    assert gallery.classes.class_of(slug) is None
    assert gallery.classes.admits(slug, [])
    assert [a.slug for a in gallery.browse().items] == [slug]


def test_the_teacher_sees_each_students_score_and_exports_them(
    gallery: Gallery, maker: UserView, quiz_bundle: AppBundle, vote_bundle: AppBundle, passed: VerifyReport
) -> None:
    made = gallery.classes.create(maker, "3B", now=T0)
    quiz = _class_app(gallery, maker, quiz_bundle, passed, made.code)
    vote = _class_app(gallery, maker, vote_bundle, passed, made.code)
    scores = {"Mia": 9, "Leo": 6, "小明": 10}
    for n, (name, score) in enumerate(scores.items()):
        token, _ = gallery.classes.join(made.code, name, now=T0)
        visitor = f"{n:032x}"
        assert gallery.classes.note_visit(quiz, visitor, [token], now=T0)
        assert gallery.classes.note_visit(vote, visitor, [token], now=T0)
        store = _store(gallery, quiz_bundle, quiz, visitor)
        store.put("quiz:quiz:best", score)  # type: ignore[attr-defined]
        _store(gallery, vote_bundle, vote, visitor).add("vote", {"choice": f"sport {n}"})  # type: ignore[attr-defined]
    assert not gallery.classes.note_visit(quiz, "f" * 32, ["nobody"])
    _store(gallery, quiz_bundle, quiz, "e" * 32).put("quiz:quiz:best", 1)  # type: ignore[attr-defined]

    found = usage(gallery.classes, maker, quiz)
    assert {name: marks["quiz"] for name, marks in found.students.items()} == {
        name: (score, 10) for name, score in scores.items()
    }
    rows = list(csv.reader(io.StringIO(usage_csv(found, "en").decode("utf-8-sig"))))
    assert rows[0] == ["Student", "Part", "Answer", "When"]
    assert sorted((r[0], r[2]) for r in rows[1:]) == sorted((n, f"{s} / 10") for n, s in scores.items())
    zh_rows = list(csv.reader(io.StringIO(usage_csv(found, "zh").decode("utf-8-sig"))))
    assert zh_rows[0] == ["学生", "项目", "提交内容", "时间"]

    votes = usage(gallery.classes, maker, vote)
    assert sorted((r.student, r.answer.split(": ")[-1]) for r in votes.rows) == [
        ("Leo", "sport 1"), ("Mia", "sport 0"), ("小明", "sport 2")
    ]  # fmt: skip
    stranger = gallery.accounts.register("stranger", "stranger-password")
    with pytest.raises(NotFound):
        usage(gallery.classes, stranger, quiz)


def test_class_data_is_kept_no_longer_than_the_teacher_chose(
    gallery: Gallery, maker: UserView, vote_bundle: AppBundle, passed: VerifyReport
) -> None:
    week = gallery.classes.create(maker, "short", retention_days=7, now=T0)
    month = gallery.classes.create(maker, "long", retention_days=30, now=T0)
    slug = _class_app(gallery, maker, vote_bundle, passed, week.code)
    early, _ = gallery.classes.join(week.code, "Mia", now=T0)
    late, _ = gallery.classes.join(week.code, "Leo", now=T0 + dt.timedelta(days=5))
    kept, _ = gallery.classes.join(month.code, "Ann", now=T0)
    for n, token in enumerate((early, late)):
        gallery.classes.note_visit(slug, f"{n:032x}", [token], now=T0)
        _store(gallery, vote_bundle, slug, f"{n:032x}").add("vote", {"choice": f"c{n}"})  # type: ignore[attr-defined]

    assert gallery.classes.sweep(now=T0 + dt.timedelta(days=6)) == 0
    assert gallery.classes.sweep(now=T0 + dt.timedelta(days=7, seconds=1)) == 1
    assert gallery.classes.member(early) is None
    assert gallery.classes.member(late) is not None
    assert [r.student for r in usage(gallery.classes, maker, slug).rows] == ["Leo"]
    assert not gallery.classes.admits(slug, [early])
    assert gallery.classes.sweep(now=T0 + dt.timedelta(days=13)) == 1
    assert usage(gallery.classes, maker, slug).rows == []
    assert gallery.classes.member(kept) is not None  # another class keeps its data longer

    gallery.classes.set_retention(maker, month.code, 7)
    assert gallery.classes.sweep(now=T0 + dt.timedelta(days=8)) == 1
    assert gallery.classes.member(kept) is None


def test_the_teacher_deletes_all_of_a_class_data_at_once(
    gallery: Gallery, maker: UserView, vote_bundle: AppBundle, passed: VerifyReport
) -> None:
    made = gallery.classes.create(maker, "3B", now=T0)
    slug = _class_app(gallery, maker, vote_bundle, passed, made.code)
    tokens = [gallery.classes.join(made.code, name, now=T0)[0] for name in ("Mia", "Leo")]
    for n, token in enumerate(tokens):
        gallery.classes.note_visit(slug, f"{n:032x}", [token], now=T0)
        _store(gallery, vote_bundle, slug, f"{n:032x}").add("vote", {"choice": "c"})  # type: ignore[attr-defined]
    other = gallery.accounts.register("other", "other-password")
    with pytest.raises(Forbidden):
        gallery.classes.delete_data(other, made.code)
    assert gallery.classes.delete_data(maker, made.code) == 2
    assert gallery.classes.members(maker, made.code) == []
    assert all(gallery.classes.member(token) is None for token in tokens)
    assert gallery.classes.visitors(maker, slug) == {}
    path: Path = gallery.classes.data_root / slug / "app.sqlite3"
    import sqlite3

    with sqlite3.connect(path) as db:
        assert db.execute('SELECT COUNT(*) FROM "vote"').fetchone() == (0,)
    assert gallery.classes.get(maker, made.code).name == "3B"  # the class and its code stay
