"""Drafts belong to their maker: anyone with a draft's link may look at it, but changing it (a follow-up,
undo, the records switch, a content upload) and publishing it need the signed-in account that made it, or
the browser that made it without an account. The use cases check this, whichever front door calls them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flashapps.report import TestResult, VerifyReport
from flashapps.settings import Settings
from gallery import Gallery, UserView, open_gallery
from generator.providers import get_provider
from workshop.actions import Workshop
from workshop.makers import Maker, NotYourDraft, creator_hash, may_change, new_secret

WATER = "an app to track my daily water intake"
SPELLING = "一个给班上学生用的拼写小测验"
CSV = b"word\nisland\nknight\n"


def _passing(folder: Path) -> VerifyReport:
    return VerifyReport(backend="fake", isolated=False, passed=True, tests=[TestResult(name="t", outcome="passed")])


@pytest.fixture
def shop(flashapps_home: Path) -> Workshop:
    return Workshop(Settings(), verify=_passing)


@pytest.fixture
def gallery(flashapps_home: Path) -> Iterator[Gallery]:
    found = open_gallery()
    yield found
    found.close()


@pytest.fixture
def accounts(gallery: Gallery) -> dict[str, UserView]:
    return {name: gallery.accounts.register(name, f"{name}-password-1") for name in ("ana", "ben")}


def _changes(shop: Workshop, project: str) -> dict[str, Callable[[Maker], object]]:
    """Every use case that changes a draft, as ``actor -> outcome``."""
    offline = get_provider("offline")
    return {
        "edit": lambda actor: shop.edit(project, "call it Hydro", offline, actor=actor),
        "undo": lambda actor: shop.undo(project, 1, actor=actor),
        "set_scope": lambda actor: shop.set_scope(project, "shared", actor=actor),
        "fill_content": lambda actor: shop.fill_content(project, "words.csv", CSV, actor=actor),
    }


def _refused_everywhere(shop: Workshop, project: str, actor: Maker) -> None:
    before = [v.number for v in shop.projects.versions(project)]
    for name, change in _changes(shop, project).items():
        with pytest.raises(NotYourDraft):
            change(actor)
        assert [v.number for v in shop.projects.versions(project)] == before, f"{name} made a version"


def test_a_signed_in_makers_draft_is_changed_by_them_alone(shop: Workshop) -> None:
    project = shop.create(WATER, get_provider("offline"), owner="ana").project
    for stranger in (Maker(username="ben"), Maker(), Maker(secret=new_secret()), Maker.command_line()):
        _refused_everywhere(shop, project, stranger)
    ana = Maker(username="ana")
    assert shop.edit(project, "call it Hydro", get_provider("offline"), actor=ana).version == 2
    assert shop.undo(project, 1, actor=ana).version == 3
    assert shop.set_scope(project, "shared", actor=ana).version == 4
    assert shop.projects.version(project).spec.brief.title != "Hydro"


def test_an_anonymous_draft_is_changed_from_the_browser_that_made_it(shop: Workshop) -> None:
    secret = new_secret()
    project = shop.create(SPELLING, get_provider("offline"), secret=secret).project
    kept = (shop.projects.root / project / "project.json").read_text(encoding="utf-8")
    assert secret not in kept and creator_hash(secret) in kept  # only a hash of the secret is stored
    for stranger in (Maker(secret=new_secret()), Maker(username="ben"), Maker(), Maker.command_line()):
        _refused_everywhere(shop, project, stranger)
    assert shop.fill_content(project, "words.csv", CSV, actor=Maker(secret=secret)).version == 2
    signed_in_here = Maker(username="ana", secret=secret)  # signed in later, in the same browser
    assert shop.undo(project, 1, actor=signed_in_here).version == 3


def test_the_refusal_says_what_to_do_in_english_and_chinese(shop: Workshop) -> None:
    project = shop.create(WATER, get_provider("offline"), owner="ana").project
    with pytest.raises(NotYourDraft) as refused:
        shop.undo(project, 1, actor=Maker(username="ben"))
    assert refused.value.message("en") == "Only the person who made this draft can change it. You can remix it instead."
    assert "只有做这个草稿的人才能修改它" in refused.value.message("zh-Hant") and "改编" in refused.value.message("zh")


def test_publishing_needs_the_maker(shop: Workshop, gallery: Gallery, accounts: dict[str, UserView]) -> None:
    project = shop.create(WATER, get_provider("offline"), owner="ana").project
    with pytest.raises(NotYourDraft):
        shop.publish(gallery, project, accounts["ben"])
    assert gallery.browse().total == 0
    view = shop.publish(gallery, project, accounts["ana"])
    assert view.author == "ana" and gallery.browse().total == 1


def test_claiming_an_anonymous_draft_needs_the_browser_that_made_it(
    shop: Workshop, gallery: Gallery, accounts: dict[str, UserView]
) -> None:
    secret = new_secret()
    project = shop.create("帮我做一个记录每天喝水量的应用", get_provider("offline"), secret=secret).project
    for other in (None, new_secret()):  # another browser (no secret, or its own) cannot claim it
        with pytest.raises(NotYourDraft):
            shop.publish(gallery, project, accounts["ben"], secret=other)
    assert shop.projects.get(project).owner is None and gallery.browse().total == 0
    view = shop.publish(gallery, project, accounts["ana"], secret=secret)  # signed in, in the browser that made it
    assert view.author == "ana" and shop.projects.get(project).owner == "ana"
    with pytest.raises(NotYourDraft):  # now the account's: another account with the old secret cannot publish it
        shop.publish(gallery, project, accounts["ben"], secret=secret)
    _refused_everywhere(shop, project, Maker(username="ben", secret=secret))
    assert shop.undo(project, 1, actor=Maker(username="ana")).version == 2


def test_a_draft_nobody_in_a_browser_made_is_the_command_lines(
    shop: Workshop, gallery: Gallery, accounts: dict[str, UserView]
) -> None:
    """Made on the command line (or in a browser before drafts kept their maker): no studio user may change or
    claim it; the command line on this machine still can."""
    project = shop.create(WATER, get_provider("offline")).project
    for stranger in (Maker(username="ana"), Maker(secret=new_secret()), Maker()):
        _refused_everywhere(shop, project, stranger)
    with pytest.raises(NotYourDraft):
        shop.publish(gallery, project, accounts["ana"], secret=new_secret())
    assert shop.edit(project, "call it Hydro", get_provider("offline"), actor=Maker.command_line()).version == 2


def test_anyone_may_remix_a_draft_into_one_of_their_own(shop: Workshop) -> None:
    project = shop.create(WATER, get_provider("offline"), owner="ana").project
    ben = shop.remix_draft(project, owner="ben")
    browser = new_secret()
    anonymous = shop.remix_draft(project, secret=browser)
    assert shop.projects.get(ben.project).owner == "ben" and ben.passed
    assert shop.may_change(ben.project, Maker(username="ben")) and not shop.may_change(
        ben.project, Maker(username="ana")
    )
    assert shop.may_change(anonymous.project, Maker(secret=browser))
    assert not shop.may_change(anonymous.project, Maker(secret=new_secret()))
    assert shop.projects.version(ben.project).spec == shop.projects.version(project).spec
    assert [v.number for v in shop.projects.versions(project)] == [1]  # the original is untouched
    assert shop.undo(ben.project, 1, actor=Maker(username="ben")).version == 2


def test_may_change_rules() -> None:
    secret = new_secret()
    assert may_change("ana", None, Maker(username="ana"))
    assert not may_change("ana", creator_hash(secret), Maker(secret=secret))  # an owner's draft: the account
    assert may_change(None, creator_hash(secret), Maker(secret=secret))
    assert not may_change(None, creator_hash(secret), Maker(secret=secret[:-1] + ("A" if secret[-1] != "A" else "B")))
    assert not may_change(None, None, Maker(username="ana", secret=secret))
    assert may_change(None, None, Maker.command_line())
    assert secret not in repr(Maker(secret=secret))  # the secret stays out of logs and tracebacks
