"""The DuckDB store: opens a case's database, applies schema.sql, and writes rows as upserts.

Every write is keyed by a content-derived id, so running a command twice changes nothing.
Column lists are read from the database (which schema.sql defined), never repeated here.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

SCHEMA_SQL = resources.files("index").joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = int(re.search(r"schema_version:\s*(\d+)", SCHEMA_SQL).group(1))

# Rows that belong to one document and are rebuilt together when it is (re)processed.
DOC_TABLES = ("pages", "chunks", "mentions", "events")
EVENT_CHILD_TABLES = ("event_people", "event_issues")


class StoreError(Exception):
    """A problem with the case database, worded for the user."""


def now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    def __init__(self, path: Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `casefile process` first")
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.IOException as exc:
            first = str(exc).splitlines()[0]
            raise StoreError(f"cannot open {self.path}: {first}") from None
        self._columns: dict[str, list[str]] = {}
        self._json: dict[str, set[str]] = {}
        found = self._check_version()
        if not read_only:
            self._migrate(found)  # idempotent: also refreshes views changed within a version
        elif read_only and found is not None and found < SCHEMA_VERSION:
            raise StoreError(f"this case uses schema version {found}; open it once with a writing "
                             f"command (e.g. `casefile process`) to upgrade it to {SCHEMA_VERSION}")

    # -- lifecycle -----------------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_version(self) -> int | None:
        """The case's schema version (None for a new, empty database)."""
        has_meta = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'"
        ).fetchone()[0]
        if not has_meta:
            return None
        row = self.con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        version = int(row[0]) if row else None
        if version is not None and version > SCHEMA_VERSION:
            raise StoreError(
                f"this case uses schema version {version}, newer than this casefile's "
                f"{SCHEMA_VERSION}: upgrade casefile"
            )
        return version

    def _migrate(self, found: int | None) -> None:
        """Bring the case to SCHEMA_VERSION: migrations above its version, then schema.sql."""
        with self.transaction():
            if found is not None:
                for version, sql in migrations():
                    if found < version <= SCHEMA_VERSION:
                        self.con.execute(sql)
            self.con.execute(SCHEMA_SQL)
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                             [str(SCHEMA_VERSION)])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    # -- generic helpers -----------------------------------------------------------------
    def columns(self, table: str) -> list[str]:
        if table not in self._columns:
            rows = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position",
                [table],
            ).fetchall()
            if not rows:
                raise StoreError(f"unknown table {table}")
            self._columns[table] = [r[0] for r in rows]
            self._json[table] = {r[0] for r in rows if r[1] == "JSON"}
        return self._columns[table]

    def upsert(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert-or-replace rows by primary key, in bulk through Arrow (never row by row)."""
        rows = list(rows)
        if not rows:
            return 0
        cols = self.columns(table)
        as_json = self._json[table]
        data = {c: [_plain(r.get(c), c in as_json) for r in rows] for c in cols if any(c in r for r in rows)}
        arrow = pa.table(data)
        names = ", ".join(f'"{c}"' for c in data)
        self.con.register("_incoming", arrow)
        try:
            self.con.execute(f"INSERT OR REPLACE INTO {table} ({names}) SELECT {names} FROM _incoming")
        finally:
            self.con.unregister("_incoming")
        return len(rows)

    def query(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params or [])
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def scalar(self, sql: str, params: list[Any] | None = None) -> Any:
        row = self.con.execute(sql, params or []).fetchone()
        return row[0] if row else None

    def counts(self) -> dict[str, int]:
        tables = [r[0] for r in self.con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' "
            "AND table_schema = 'main' ORDER BY table_name").fetchall()]
        return {t: self.scalar(f"SELECT count(*) FROM {t}") for t in tables if t != "meta"}

    # -- chain of custody ----------------------------------------------------------------
    def add_fetch(self, row: dict[str, Any]) -> None:
        """Append one fetch; the fetch log is never updated (an identical row is a no-op)."""
        cols = self.columns("fetches")
        names = ", ".join(cols)
        marks = ", ".join("?" for _ in cols)
        self.con.execute(
            f"INSERT INTO fetches ({names}) VALUES ({marks}) ON CONFLICT DO NOTHING",
            [_plain(row.get(c), c in self._json["fetches"]) for c in cols],
        )

    def add_document(self, row: dict[str, Any]) -> bool:
        """Record a document seen by a crawl or an import. Returns True when it is new.

        A document already known keeps its processing state and first_seen; fields the new
        sighting knows and the old one did not are filled in, and last_seen moves forward.
        """
        existing = self.query("SELECT * FROM documents WHERE doc_id = ?", [row["doc_id"]])
        seen = row.get("last_seen") or now()
        if not existing:
            new = {"status": "pending", "first_seen": seen, "last_seen": seen, **row}
            self.upsert("documents", [new])
            return True
        old = existing[0]
        merged = dict(old)
        for key, value in row.items():
            if value not in (None, "", {}) and old.get(key) in (None, "", {}):
                merged[key] = value
        merged["last_seen"] = max(_aware(old.get("last_seen")) or seen, _aware(seen))
        if merged != old:
            self.upsert("documents", [merged])
        return False

    # -- processing ----------------------------------------------------------------------
    def replace_document_rows(self, doc_id: str, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Swap in one document's derived rows (pages, chunks, mentions, events and children)."""
        event_ids = [r[0] for r in self.con.execute(
            "SELECT event_id FROM events WHERE doc_id = ?", [doc_id]).fetchall()]
        for child in EVENT_CHILD_TABLES:
            if event_ids:
                self.con.execute(f"DELETE FROM {child} WHERE event_id IN (SELECT unnest(?))", [event_ids])
        for table in DOC_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE doc_id = ?", [doc_id])
        for table in DOC_TABLES + EVENT_CHILD_TABLES:
            self.upsert(table, rows.get(table, []))

    def set_document(self, doc_id: str, **fields: Any) -> None:
        self.columns("documents")
        as_json = self._json["documents"]
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.con.execute(f"UPDATE documents SET {sets} WHERE doc_id = ?",
                         [_plain(v, k in as_json) for k, v in fields.items()] + [doc_id])


def migrations() -> list[tuple[int, str]]:
    """(version, sql) for every file in index/migrations, in version order."""
    folder = resources.files("index").joinpath("migrations")
    found = []
    for entry in folder.iterdir():
        m = re.match(r"(\d{3})_.*\.sql$", entry.name)
        if m:
            found.append((int(m.group(1)), entry.read_text(encoding="utf-8")))
    return sorted(found)


def _aware(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _plain(value: Any, as_json: bool = False) -> Any:
    """Values for a JSON column become JSON text; everything else goes in as it is."""
    if as_json and value is not None and not isinstance(value, str):
        return json.dumps(value, sort_keys=True, default=str)
    return value
