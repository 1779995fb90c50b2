"""What studio replicas share through the gallery's database (gallery/shared_state.py), on SQLite and PostgreSQL.

Each "replica" is a gallery opened separately on the same database (its own engine and connections), as two
studio processes would: a ticket issued through one is taken through the other exactly once, stored hashed and
sealed; failed sign-ins counted by one slow down the other and survive a restart; a maker's hourly windows are
one across replicas, also when they admit at the same moment. A fake clock stands in for time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from sqlalchemy import select
from test_sign_in_throttle import Clock

from gallery import Gallery
from gallery.shared_state import MakerWindows, Ticket, TicketTable, shared_secret
from gallery.throttle import SignInThrottle, TooManyTries

HOME, ATTACKER = "198.51.100.7", "203.0.113.9"


def _race(count: int, attempt: Callable[[int], object]) -> list[object]:
    """``attempt(i)`` for i in range(count), all released at once; what each returned."""
    results: list[object] = [None] * count
    start = threading.Barrier(count)

    def run(index: int) -> None:
        start.wait()
        results[index] = attempt(index)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return results


def test_a_ticket_issued_on_one_replica_is_taken_once_on_another(gallery: Gallery, reopen: Callable[[], Gallery]):
    clock = Clock()
    other = reopen()
    issuer = TicketTable(gallery.engine, "sign-in", 60, once=True, clock=clock)
    taker = TicketTable(other.engine, "sign-in", 60, once=True, clock=clock)
    token = "session-token-Ωmega-1234"
    ticket = issuer.issue(token)
    assert TicketTable(other.engine, "drafts", 60, once=True, clock=clock).take(ticket) is None  # another kind
    assert taker.take(ticket) == token
    assert taker.take(ticket) is None and issuer.take(ticket) is None  # single use, on every replica
    assert taker.take("") is None and taker.take("made-up") is None

    late = issuer.issue(token)
    clock.now += 60.001
    assert taker.take(late) is None  # expired


def test_tickets_are_stored_hashed_and_sealed(gallery: Gallery) -> None:
    table = TicketTable(gallery.engine, "owner-ticket", 60, once=True)
    token = "the-session-token-nobody-may-read"
    ticket = table.issue(token, scope="water")
    with gallery.engine.connect() as connection:
        rows = connection.execute(select(Ticket)).all()
    assert len(rows) == 1
    stored = " ".join(str(value) for value in rows[0])
    assert ticket not in stored and token not in stored  # neither the ticket nor the token, in any column
    assert table.take(ticket, scope="diary") is None  # another app's ticket: nothing, and it is used up
    assert table.take(ticket, scope="water") is None


def test_a_grant_stays_valid_until_it_expires_and_only_for_its_app(gallery: Gallery, reopen: Callable[[], Gallery]):
    clock = Clock()
    grants = [TicketTable(g.engine, "owner-grant", 3600, once=False, clock=clock) for g in (gallery, reopen())]
    grant = grants[0].issue("token-7", scope="water")
    assert [each.take(grant, scope="water") for each in grants * 2] == ["token-7"] * 4
    assert grants[1].take(grant, scope="diary") is None
    clock.now += 3600
    assert grants[1].take(grant, scope="water") is None


def test_two_replicas_racing_for_one_ticket_give_it_to_exactly_one(gallery: Gallery, reopen: Callable[[], Gallery]):
    engines = [gallery.engine, reopen().engine]
    for _ in range(3):
        ticket = TicketTable(engines[0], "sign-in", 60, once=True).issue("token")

        def take(index: int, ticket: str = ticket) -> str | None:
            return TicketTable(engines[index % 2], "sign-in", 60, once=True).take(ticket)

        results = _race(8, take)
        assert sorted(map(str, results)) == ["None"] * 7 + ["token"]


def test_every_replica_reads_the_same_secret(gallery: Gallery, reopen: Callable[[], Gallery]) -> None:
    first = shared_secret(gallery.engine, "csrf")
    assert len(first) == 32
    assert shared_secret(reopen().engine, "csrf") == first
    assert shared_secret(gallery.engine, "another") != first


def _throttles(clock: Clock, *galleries: Gallery) -> list[SignInThrottle]:
    return [SignInThrottle(engine=each.engine, clock=clock, free=3, cap=60, forget=600) for each in galleries]


def test_failed_sign_ins_on_one_replica_slow_down_the_other(gallery: Gallery, reopen: Callable[[], Gallery]) -> None:
    clock = Clock()
    one, two = _throttles(clock, gallery, reopen())
    for throttle in (one, two, one):  # three free failures, spread over both replicas
        throttle.check("ana", ATTACKER)
        throttle.failed("ana", ATTACKER)
    for throttle in (one, two):  # now each try waits, on either replica
        with pytest.raises(TooManyTries) as refused:
            throttle.check("ana", ATTACKER)
        assert refused.value.retry_after == 1
        with pytest.raises(TooManyTries):
            throttle.check("bob", ATTACKER)  # the address waits for every account
    with pytest.raises(TooManyTries):
        two.check("ana", HOME)  # an unknown place waits for the account too
    clock.now += 1
    one.check("ana", ATTACKER)
    one.failed("ana", ATTACKER)
    with pytest.raises(TooManyTries) as refused:
        two.check("ana", ATTACKER)
    assert refused.value.retry_after == 2  # the backoff doubles, counted once across replicas

    (restarted,) = _throttles(clock, reopen())  # a restarted replica remembers
    with pytest.raises(TooManyTries):
        restarted.check("ana", ATTACKER)
    clock.now += 601
    restarted.check("ana", ATTACKER)  # forgotten after ``forget`` seconds
    restarted.failed("ana", ATTACKER)
    one.check("ana", ATTACKER)  # counting starts again from one


def test_the_owner_signing_in_from_a_known_place_is_not_kept_out(gallery: Gallery, reopen: Callable[[], Gallery]):
    clock = Clock()
    one, two = _throttles(clock, gallery, reopen())
    one.check("ana", HOME)
    one.succeeded("ana", HOME)  # ana signed in from home before (on replica one)
    for _ in range(6):
        two.failed("ana", ATTACKER)
    with pytest.raises(TooManyTries):
        one.check("ana", "192.0.2.44")  # a new place waits for the account
    two.check("ana", HOME)  # her known place does not
    for _ in range(4):
        one.failed("zoe", HOME)
    with pytest.raises(TooManyTries):
        two.check("bob", HOME)  # the address waits
    one.succeeded("ana", HOME)  # a success clears its address's counts, on every replica
    two.check("bob", HOME)
    with pytest.raises(TooManyTries):
        two.check("zoe", "192.0.2.44")  # zoe's account still waits for a place she never signed in from


def test_accounts_share_their_throttle_only_on_postgresql(gallery: Gallery) -> None:
    shared = gallery.accounts.throttle.engine is not None
    assert shared == (gallery.engine.dialect.name == "postgresql")


def test_a_maker_s_hour_is_one_across_replicas(gallery: Gallery, reopen: Callable[[], Gallery]) -> None:
    clock = Clock()
    one, two = MakerWindows(gallery.engine, 3600), MakerWindows(reopen().engine, 3600)
    limits = {"draft": 2, "run": 3}
    assert one.admit("account:ana", limits, clock()) is None
    clock.now += 10
    assert two.admit("account:ana", limits, clock()) is None
    clock.now += 10
    assert one.admit("account:ana", limits, clock()) == ("draft", 2, pytest.approx(3580))
    assert two.admit("account:ana", {"run": 3}, clock()) is None  # a change: a run, not a draft
    assert one.admit("account:ana", {"run": 3}, clock()) == ("run", 3, pytest.approx(3580))
    assert two.admit("address:198.51.100.7", limits, clock()) is None  # another maker has an hour of their own
    assert one.admit("account:ana", {"run": 0}, clock()) is None  # 0: no limit
    clock.now += 3581
    assert two.admit("account:ana", limits, clock()) is None  # the first draft left the hour


def test_replicas_admitting_one_maker_at_once_admit_no_more_than_the_limit(
    gallery: Gallery, reopen: Callable[[], Gallery]
) -> None:
    if gallery.engine.dialect.name != "postgresql":
        pytest.skip("one SQLite file serves one studio process: replicas share PostgreSQL")
    windows = [MakerWindows(gallery.engine, 3600), MakerWindows(reopen().engine, 3600)]
    clock = Clock()
    results = _race(10, lambda i: windows[i % 2].admit("account:ana", {"run": 4}, clock()))
    assert sum(result is None for result in results) == 4
