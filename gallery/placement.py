"""Which app runs on which sandbox host, the hosts' heartbeats, and each app's data kept for a host's loss.

Past one machine, apps are served by sandbox hosts (``flashapps host``, studio/hostagent.py), each next to its
own Docker engine; studio replicas proxy to them. Migration 0006_sandbox_hosts creates the tables:

- ``sandbox_hosts``: one row per host: its address, its backend, how many apps it runs, and its last heartbeat.
  A host whose heartbeat is older than ``dead_after_s`` is lost: nothing is placed on it or proxied to it.
- ``app_placements``: which host an app (its address name) runs on. ``place`` keeps a placement on a live
  host and otherwise chooses the least-loaded live host (fewest apps placed on it, then fewest running), one
  placement at a time (PostgreSQL: an advisory lock), so two replicas never place one app twice.
- ``app_data_snapshots``: the newest copy of each app's data folder (a tar, gzip-compressed), written by the
  host that runs it at most every few seconds and when the app stops cleanly, and unpacked by the next host
  that starts the app.

Times are whole milliseconds since the epoch (``gallery.shared_state.ms``), comparable across machines.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Engine, Integer, LargeBinary, String, delete, func, select, text, update
from sqlalchemy.orm import Mapped, mapped_column

from gallery.models import Base
from gallery.shared_state import ms, upsert

__all__ = ["AppDataSnapshot", "AppPlacement", "HostRow", "Placements", "SandboxHost"]


class SandboxHost(Base):
    __tablename__ = "sandbox_hosts"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    address: Mapped[str] = mapped_column(String(200))
    backend: Mapped[str] = mapped_column(String(40))
    running: Mapped[int] = mapped_column(Integer)
    beat_ms: Mapped[int] = mapped_column(BigInteger, index=True)


class AppPlacement(Base):
    __tablename__ = "app_placements"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    host: Mapped[str] = mapped_column(String(64), index=True)
    placed_ms: Mapped[int] = mapped_column(BigInteger)


class AppDataSnapshot(Base):
    __tablename__ = "app_data_snapshots"

    data_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    digest: Mapped[str] = mapped_column(String(64))
    archive: Mapped[bytes] = mapped_column(LargeBinary)
    host: Mapped[str] = mapped_column(String(64))
    saved_ms: Mapped[int] = mapped_column(BigInteger)


@dataclass(frozen=True)
class HostRow:
    name: str
    address: str
    backend: str
    running: int
    beat_ms: int


def _row(found: Any) -> HostRow:
    return HostRow(found.name, found.address, found.backend, int(found.running), int(found.beat_ms))


class Placements:
    """The three tables on ``engine``; hosts are live while their heartbeat is under ``dead_after_s`` old."""

    def __init__(self, engine: Engine, dead_after_s: float, clock: Callable[[], float] = time.time) -> None:
        self.engine, self.dead_after_s, self.clock = engine, dead_after_s, clock

    def _since(self) -> int:
        return ms(self.clock() - self.dead_after_s)

    # -- hosts ------------------------------------------------------------------------------
    def beat(self, name: str, address: str, backend: str, running: int) -> None:
        """A host's heartbeat: it is alive, at ``address``, running ``running`` apps."""
        values = {"name": name, "address": address, "backend": backend, "running": running, "beat_ms": ms(self.clock())}
        changed = {k: v for k, v in values.items() if k != "name"}
        with self.engine.begin() as connection:
            connection.execute(upsert(self.engine, SandboxHost.__table__, values, ["name"], changed))

    def leave(self, name: str) -> None:
        """A host stopping cleanly: its row and its placements go (its apps start elsewhere on their next visit)."""
        with self.engine.begin() as connection:
            connection.execute(delete(AppPlacement).where(AppPlacement.host == name))
            connection.execute(delete(SandboxHost).where(SandboxHost.name == name))

    def live(self) -> list[HostRow]:
        """The hosts whose heartbeat is recent enough, by name."""
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(SandboxHost).where(SandboxHost.beat_ms > self._since()).order_by(SandboxHost.name)
            ).all()
        return [_row(r) for r in rows]

    # -- placements -------------------------------------------------------------------------
    def host_of(self, key: str) -> HostRow | None:
        """The live host ``key`` is placed on, if any."""
        with self.engine.connect() as connection:
            found = connection.execute(
                select(SandboxHost)
                .join(AppPlacement, AppPlacement.host == SandboxHost.name)
                .where(AppPlacement.key == key, SandboxHost.beat_ms > self._since())
            ).first()
        return None if found is None else _row(found)

    def place(self, key: str) -> HostRow | None:
        """The live host that serves ``key``: where it is placed, or else the least-loaded live host (recorded).
        None when no host is live."""
        found = self.host_of(key)  # the usual case, read without waiting for the placement lock
        if found is not None:
            return found
        since = self._since()
        with self.engine.begin() as connection:
            if self.engine.dialect.name == "postgresql":  # placements one at a time: loads are counted right
                connection.execute(text("SELECT pg_advisory_xact_lock(hashtextextended('flashapps-placement', 0))"))
            hosts = {
                r.name: _row(r) for r in connection.execute(select(SandboxHost).where(SandboxHost.beat_ms > since))
            }
            current = connection.scalar(select(AppPlacement.host).where(AppPlacement.key == key))
            if current in hosts:
                return hosts[current]
            if not hosts:
                return None
            placed = dict(
                connection.execute(
                    select(AppPlacement.host, func.count())
                    .where(AppPlacement.host.in_(hosts))
                    .group_by(AppPlacement.host)
                ).all()
            )
            chosen = min(hosts.values(), key=lambda h: (int(placed.get(h.name, 0)), h.running, h.name))
            values = {"key": key, "host": chosen.name, "placed_ms": ms(self.clock())}
            connection.execute(
                upsert(
                    self.engine,
                    AppPlacement.__table__,
                    values,
                    ["key"],
                    {"host": chosen.name, "placed_ms": values["placed_ms"]},
                )
            )
        return chosen

    def claim(self, key: str, host: str) -> None:
        """A host started ``key`` by itself (a visit after it had stopped it): placed there unless it is placed
        on another live host."""
        since = self._since()
        values = {"key": key, "host": host, "placed_ms": ms(self.clock())}
        with self.engine.begin() as connection:
            connection.execute(upsert(self.engine, AppPlacement.__table__, values, ["key"], None))
            live = select(SandboxHost.name).where(SandboxHost.beat_ms > since)
            connection.execute(
                update(AppPlacement)
                .where(AppPlacement.key == key, AppPlacement.host.not_in(live))
                .values(host=host, placed_ms=values["placed_ms"])
            )

    def release(self, key: str, host: str) -> None:
        """``host`` stopped ``key`` (idle, evicted, no longer public): it is placed anew on its next visit."""
        with self.engine.begin() as connection:
            connection.execute(delete(AppPlacement).where(AppPlacement.key == key, AppPlacement.host == host))

    def placed(self) -> dict[str, str]:
        """App address name -> host, every placement (live hosts or not)."""
        with self.engine.connect() as connection:
            return {k: h for k, h in connection.execute(select(AppPlacement.key, AppPlacement.host)).all()}

    # -- data -------------------------------------------------------------------------------
    def save(self, data_key: str, host: str, digest: str, archive: bytes) -> None:
        """The newest copy of the data folder ``data_key`` (what the host running it packed)."""
        values = {
            "data_key": data_key,
            "digest": digest,
            "archive": archive,
            "host": host,
            "saved_ms": ms(self.clock()),
        }
        changed = {k: v for k, v in values.items() if k != "data_key"}
        with self.engine.begin() as connection:
            connection.execute(upsert(self.engine, AppDataSnapshot.__table__, values, ["data_key"], changed))

    def snapshot(self, data_key: str) -> tuple[str, bytes, int] | None:
        """(digest, archive, saved_ms) of the newest copy of ``data_key``'s data folder, if any was saved."""
        with self.engine.connect() as connection:
            found = connection.execute(
                select(AppDataSnapshot.digest, AppDataSnapshot.archive, AppDataSnapshot.saved_ms).where(
                    AppDataSnapshot.data_key == data_key
                )
            ).first()
        return None if found is None else (str(found[0]), bytes(found[1]), int(found[2]))
