"""Sign-in throttling (issue 17: 240 guesses in 56 s were all checked, and the right password still worked).

Failed sign-ins slow down the address and the account with a backoff capped at five minutes; while a try must
wait it is refused without checking the password, the lockout ends by itself, and the owner signing in from a
place they signed in from before is not kept out by an attacker elsewhere. A fake clock stands in for time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import pytest
from argon2 import PasswordHasher

from gallery import GallerySettings, open_gallery
from gallery import accounts as accounts_module
from gallery.accounts import Accounts
from gallery.errors import UserError
from gallery.throttle import SignInThrottle, TooManyTries

PASSWORD = "correct horse battery"
HOME, ATTACKER = "198.51.100.7", "203.0.113.9"


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class CountingHasher(PasswordHasher):
    def __init__(self) -> None:
        super().__init__(time_cost=1, memory_cost=1024, parallelism=1)  # quick hashes: the counts are the point
        self.checks = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> Literal[True]:
        self.checks += 1
        return super().verify(hash, password)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def hasher(monkeypatch: pytest.MonkeyPatch) -> CountingHasher:
    counting = CountingHasher()
    monkeypatch.setattr(accounts_module, "_HASHER", counting)
    return counting


@pytest.fixture
def accounts(tmp_path: Path, flashapps_home: Path, clock: Clock, hasher: CountingHasher) -> Iterator[Accounts]:
    gallery = open_gallery(GallerySettings(store_dir=tmp_path / "store"))
    gallery.accounts.throttle = SignInThrottle(clock=clock)
    gallery.accounts.register("alice", PASSWORD)
    yield gallery.accounts
    gallery.close()


def _guesses(accounts: Accounts, clock: Clock, count: int, seconds: float, client: Any) -> list[str]:
    """``count`` wrong passwords spread over ``seconds``; what each got: checked (wrong) or refused (wait)."""
    answers = []
    for n in range(count):
        clock.now += seconds / count
        try:
            accounts.login("alice", f"guess number {n}", client=client(n) if callable(client) else client)
        except TooManyTries:
            answers.append("refused")
        except UserError:
            answers.append("checked")
    return answers


def test_240_guesses_in_56_seconds_are_mostly_refused_unchecked(
    accounts: Accounts, clock: Clock, hasher: CountingHasher
) -> None:
    answers = _guesses(accounts, clock, 240, 56, ATTACKER)
    assert answers.count("checked") <= 12 and answers.count("refused") >= 228
    assert hasher.checks == answers.count("checked")  # a refused try never reaches the password hash
    with pytest.raises(TooManyTries) as wait:  # even the right password waits its turn from there
        accounts.login("alice", PASSWORD, client=ATTACKER)
    assert 0 < wait.value.retry_after <= 300
    assert "try again" in wait.value.message("en") and "后再试" in wait.value.message("zh")
    clock.now += wait.value.retry_after  # the lockout ends by itself
    found = accounts.user_for_token(accounts.login("alice", PASSWORD, client=ATTACKER))
    assert found is not None and found.username == "alice"


def test_the_lockout_never_grows_past_five_minutes(accounts: Accounts, clock: Clock) -> None:
    _guesses(accounts, clock, 1000, 3600, ATTACKER)  # an hour of guessing, one address
    with pytest.raises(TooManyTries) as wait:
        accounts.login("alice", PASSWORD, client=ATTACKER)
    assert wait.value.retry_after <= 300
    clock.now += 300
    assert accounts.login("alice", PASSWORD, client=ATTACKER)


def test_an_attacker_elsewhere_cannot_keep_the_owner_out(accounts: Accounts, clock: Clock) -> None:
    accounts.login("alice", PASSWORD, client=HOME)  # the place alice signs in from
    answers = _guesses(accounts, clock, 600, 120, lambda n: f"192.0.2.{n % 200}")  # 200 addresses
    assert answers.count("checked") < 60
    assert accounts.login("alice", PASSWORD, client=HOME)  # at once, from home
    with pytest.raises(TooManyTries) as wait:  # a new place waits for the account, but not for long
        accounts.login("alice", PASSWORD, client="100.64.0.1")
    assert wait.value.retry_after <= 300
    clock.now += wait.value.retry_after
    assert accounts.login("alice", PASSWORD, client="100.64.0.1")


def test_a_few_typos_cost_nothing_and_a_success_clears_them(accounts: Accounts, clock: Clock) -> None:
    assert _guesses(accounts, clock, 4, 10, HOME) == ["checked"] * 4
    assert accounts.login("alice", PASSWORD, client=HOME)
    assert _guesses(accounts, clock, 5, 10, HOME) == ["checked"] * 5
    assert _guesses(accounts, clock, 1, 0.5, HOME) == ["refused"]
    clock.now += 16 * 60  # a quarter of an hour later the failures are forgotten
    assert _guesses(accounts, clock, 5, 10, HOME) == ["checked"] * 5


def test_guessing_many_accounts_from_one_address_is_slowed_too(accounts: Accounts, clock: Clock) -> None:
    for name in ("bob.one", "carol.two", "dave.three"):
        accounts.register(name, PASSWORD)
    refused = 0
    for n in range(60):
        clock.now += 0.5
        try:
            accounts.login(("bob.one", "carol.two", "dave.three")[n % 3], "wrong guess", client=ATTACKER)
        except TooManyTries:
            refused += 1
        except UserError:
            pass
    assert refused >= 50
