"""What this app keeps: its definitions (spec.json) and its records (an SQLite file).

The records live in FLASHAPP_DATA_DIR (default: the data folder beside this file), one
table per kind of record, so they survive restarts. Every write runs in one transaction:
all of it or none.

Each record notes who made it (its visitor). A kind of record's scope says who sees it:
"personal" and "submissions" records are seen and changed by their own visitor only,
"shared" ones by everyone. Records with no visitor (examples, or made before visitors
were known) are seen by everyone. The app's other values (counters, progress) are kept
per visitor when the app's own scope is "personal". The app's maker (``owner``) sees every
visitor's "submissions", and may delete them.
"""

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

HERE = Path(__file__).resolve().parent


def read_spec() -> dict:
    """spec.json: the records and fields, the metrics, the components' settings."""
    return json.loads((HERE / "spec.json").read_text(encoding="utf-8"))


def data_dir() -> Path:
    """Where the records live: FLASHAPP_DATA_DIR, else the data folder here."""
    return Path(os.environ.get("FLASHAPP_DATA_DIR") or HERE / "data")


_SQL_TYPES = {"int": "INTEGER", "rating": "INTEGER", "bool": "INTEGER", "float": "REAL"}
# the most characters a text keeps: longer ones are cut, when written and when read
LONG_TEXT_CHARS, TEXT_CHARS = 5000, 500


def clip(value: object, limit: int = LONG_TEXT_CHARS) -> object:
    """``value`` with every text in it cut to ``limit`` characters."""
    if isinstance(value, str):
        return value[:limit]
    if isinstance(value, list | tuple):
        return [clip(item, limit) for item in value]
    if isinstance(value, dict):
        return {key: clip(item, limit) for key, item in value.items()}
    return value


def field_limit(field: dict) -> int:
    return LONG_TEXT_CHARS if field["type"] == "long_text" else TEXT_CHARS


class Store:
    """Records by entity, plus a key-value table for counters, checklists and scores."""

    def __init__(
        self,
        entities: list[dict],
        path: Path | None = None,
        visitor: str = "local",
        scope: str = "shared",
        owner: bool = False,
    ) -> None:
        self.entities = {entity["name"]: entity for entity in entities}
        self.path = path or data_dir() / "app.sqlite3"
        self.visitor = visitor
        self.scope = scope
        self.owner = owner
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._tx() as db:
            db.execute(
                "CREATE TABLE IF NOT EXISTS _kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
            )
            for name, entity in self.entities.items():
                self._ensure(db, name, entity)

    @contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with closing(sqlite3.connect(self.path, timeout=10)) as db:
            db.row_factory = sqlite3.Row
            with db:
                yield db

    def _ensure(self, db: sqlite3.Connection, name: str, entity: dict) -> None:
        find = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?"
        if not db.execute(find, (name,)).fetchone():
            fields = entity["fields"]
            types = [(f["name"], _SQL_TYPES.get(f["type"], "TEXT")) for f in fields]
            columns = "".join(f', "{column}" {kind}' for column, kind in types)
            key = "id INTEGER PRIMARY KEY AUTOINCREMENT, created_at TEXT, _visitor TEXT"
            db.execute(f'CREATE TABLE "{name}" ({key}{columns})')
            for row in entity.get("seed", []):
                self._insert(db, name, row)
            # the examples are everyone's
            db.execute(f'UPDATE "{name}" SET _visitor = NULL')
            return
        present = {r["name"] for r in db.execute(f'PRAGMA table_info("{name}")')}
        # a table kept by a version from before visitors were known
        if "_visitor" not in present:
            db.execute(f'ALTER TABLE "{name}" ADD COLUMN _visitor TEXT')
        for field in entity["fields"]:
            if field["name"] not in present:
                sql_type = _SQL_TYPES.get(field["type"], "TEXT")
                column = field["name"]
                db.execute(f'ALTER TABLE "{name}" ADD COLUMN "{column}" {sql_type}')

    def _encode(self, name: str, row: dict) -> dict:
        encoded = {}
        for field in self.entities[name]["fields"]:
            value = clip(row.get(field["name"]), field_limit(field))
            if isinstance(value, dt.date):
                value = value.isoformat()
            elif isinstance(value, list | tuple):
                value = json.dumps(list(value), ensure_ascii=False)
            elif isinstance(value, bool):
                value = int(value)
            encoded[field["name"]] = value
        return encoded

    def _decode(self, name: str, row: sqlite3.Row) -> dict:
        decoded = {"id": row["id"], "created_at": row["created_at"]}
        for field in self.entities[name]["fields"]:
            value = row[field["name"]]
            if value is not None and field["type"] == "bool":
                value = bool(value)
            elif value is not None and field["type"] == "multi_choice":
                value = json.loads(value)
            decoded[field["name"]] = clip(value, field_limit(field))
        return decoded

    def _private(self, name: str) -> bool:
        scope = self.entities[name].get("scope", "shared")
        return scope == "personal" or (scope == "submissions" and not self.owner)

    def _mine(self, name: str) -> tuple[str, tuple]:
        """The SQL condition for the records this visitor may see, and its values."""
        if not self._private(name):
            return "1 = 1", ()
        return "(_visitor = ? OR _visitor IS NULL)", (self.visitor,)

    def _insert(self, db: sqlite3.Connection, name: str, row: dict) -> int:
        values = self._encode(name, row)
        values["created_at"] = dt.datetime.now().isoformat(timespec="seconds")
        values["_visitor"] = self.visitor
        columns = ", ".join(f'"{c}"' for c in values)
        marks = ", ".join("?" for _ in values)
        insert = f'INSERT INTO "{name}" ({columns}) VALUES ({marks})'
        cursor = db.execute(insert, tuple(values.values()))
        return int(cursor.lastrowid or 0)

    def add(self, name: str, row: dict) -> int:
        with self._tx() as db:
            return self._insert(db, name, row)

    def add_many(self, name: str, rows: list[dict]) -> int:
        """Adds every row or, when one fails, none of them."""
        with self._tx() as db:
            for row in rows:
                self._insert(db, name, row)
        return len(rows)

    def _owned(self, name: str) -> tuple[str, tuple]:
        """The condition for the records this visitor may change: their own when private."""
        if not self._private(name):
            return "1 = 1", ()
        return "_visitor = ?", (self.visitor,)

    def update(self, name: str, row_id: int, row: dict) -> None:
        values = self._encode(name, row)
        assignments = ", ".join(f'"{c}" = ?' for c in values)
        owned, who = self._owned(name)
        with self._tx() as db:
            db.execute(
                f'UPDATE "{name}" SET {assignments} WHERE id = ? AND {owned}',
                (*values.values(), row_id, *who),
            )

    def delete(self, name: str, row_id: int) -> None:
        owned, who = self._owned(name)
        with self._tx() as db:
            db.execute(f'DELETE FROM "{name}" WHERE id = ? AND {owned}', (row_id, *who))

    def rows(self, name: str) -> list[dict]:
        """The records of an entity this visitor may see, newest first."""
        mine, who = self._mine(name)
        select = f'SELECT * FROM "{name}" WHERE {mine} ORDER BY id DESC'
        with self._tx() as db:
            found = db.execute(select, who).fetchall()
        return [self._decode(name, r) for r in found]

    def own_rows(self, name: str) -> list[dict]:
        """The records this visitor made themselves, newest first (to export or forget)."""
        select = f'SELECT * FROM "{name}" WHERE _visitor = ? ORDER BY id DESC'
        with self._tx() as db:
            found = db.execute(select, (self.visitor,)).fetchall()
        return [self._decode(name, r) for r in found]

    def forget_me(self) -> int:
        """Deletes every record and value this visitor made; how many records went."""
        gone = 0
        with self._tx() as db:
            for name in self.entities:
                where = f'DELETE FROM "{name}" WHERE _visitor = ?'
                gone += db.execute(where, (self.visitor,)).rowcount
            db.execute("DELETE FROM _kv WHERE key LIKE ?", (f"%@{self.visitor}",))
        return gone

    def _key(self, key: str, everyone: bool) -> str:
        return key if everyone or self.scope != "personal" else f"{key}@{self.visitor}"

    def get(self, key: str, default: object = None, everyone: bool = False) -> object:
        """A value; kept per visitor in a personal app unless ``everyone`` shares it."""
        with self._tx() as db:
            find = "SELECT value FROM _kv WHERE key = ?"
            row = db.execute(find, (self._key(key, everyone),)).fetchone()
        return default if row is None else clip(json.loads(row["value"]))

    def put(self, key: str, value: object, everyone: bool = False) -> None:
        with self._tx() as db:
            db.execute(
                "INSERT INTO _kv (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (self._key(key, everyone), json.dumps(clip(value), ensure_ascii=False)),
            )
