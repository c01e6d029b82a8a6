"""The DuckDB store: opens a case's database, applies schema.sql, and writes rows as upserts.

Every write is keyed by a content-derived id, so running a command twice changes nothing.
Column lists are read from the database (which schema.sql defined), never repeated here.
"""
from __future__ import annotations

import functools
import json
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import duckdb
import pyarrow as pa

from index import timeline

SCHEMA_SQL = resources.files("index").joinpath("schema.sql").read_text(encoding="utf-8")
SCHEMA_VERSION = int(re.search(r"schema_version:\s*(\d+)", SCHEMA_SQL).group(1))

# Rows that belong to one document and are rebuilt together when it is (re)processed.
DOC_TABLES = ("pages", "chunks", "mentions", "events")
EVENT_CHILD_TABLES = ("event_people", "event_issues")


# DuckDB lets one process write a database file, and a writer's lock keeps readers out too. So a
# process that waits for the file leaves a marker (`casefile.duckdb.reader-waiting` or
# `.writer-waiting`, holding its pid) and retries; a writer lets go of the file after its next
# transaction (or write outside one) when it sees a marker, and keeps it otherwise (closing costs
# a checkpoint, 100+ ms a batch). Readers let a waiting writer in first.
READ_WAIT = 60.0     # seconds a reader retries while a writer holds the file (a batch on a busy machine can take 15+ s)
WRITE_WAIT = 300.0   # seconds a writer retries while readers (or another writer) hold it
_F = TypeVar("_F", bound=Callable[..., Any])


class StoreError(Exception):
    """A problem with the case database, worded for the user."""


def _releases(method: _F) -> _F:
    """A write: outside a transaction, the writer lets go of the file when it is done."""
    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        with self._using():
            return method(self, *args, **kwargs)
    return wrapper  # type: ignore[return-value]


def now() -> datetime:
    return datetime.now(timezone.utc)


class Store:
    def __init__(self, path: Path, *, read_only: bool = False, wait: float | None = None) -> None:
        self.path = Path(path)
        self.read_only = read_only
        self.wait = (READ_WAIT if read_only else WRITE_WAIT) if wait is None else wait
        if read_only and not self.path.exists():
            raise StoreError(f"no database at {self.path}: run `casefile process` first")
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0  # open transactions and writes; the file is released when it drops to 0
        self._connect()
        self._columns: dict[str, list[str]] = {}
        self._json: dict[str, set[str]] = {}
        found = self._check_version()
        if not read_only:
            self._migrate(found)  # idempotent: also refreshes views changed within a version
        elif read_only and found is not None and found < SCHEMA_VERSION:
            raise StoreError(f"this case uses schema version {found}; open it once with a writing "
                             f"command (e.g. `casefile process`) to upgrade it to {SCHEMA_VERSION}")

    # -- lifecycle -----------------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The connection, reopened (waiting for the lock) if the store let go of the file."""
        if self._con is None:
            self._connect()
        return self._con  # type: ignore[return-value]

    def _marker(self, who: str) -> Path:
        return self.path.with_name(f"{self.path.name}.{who}-waiting")

    def _connect(self) -> None:
        deadline = time.monotonic() + self.wait
        writer_marker = self._marker("writer")
        marker = self._marker("reader" if self.read_only else "writer")
        delay, marked = 0.005, False
        try:
            while True:
                if self.read_only and _other_waiting(writer_marker) and time.monotonic() < deadline:
                    time.sleep(delay)
                    continue
                try:
                    self._con = duckdb.connect(str(self.path), read_only=self.read_only)
                    self._con.execute("SET enable_progress_bar = false")  # casefile shows its own progress
                    return
                except duckdb.IOException as exc:
                    first = str(exc).splitlines()[0]
                    if "lock" not in first.lower() or time.monotonic() >= deadline:
                        busy = " (another casefile command is writing to it; try again when it is done)" \
                            if "lock" in first.lower() else ""
                        raise StoreError(f"cannot open {self.path}{busy}: {first}") from None
                if self.read_only or not marked:   # readers say so at every try: several may wait
                    marker.write_text(str(os.getpid()))
                    marked = True
                time.sleep(delay)
                delay = min(delay * 2, 0.05)
        finally:
            if marked and _marker_pid(marker) == os.getpid():
                marker.unlink(missing_ok=True)

    def release(self, force: bool = False) -> None:
        """Let other processes open the case when one waits for it (`force`: whether or not); the
        next use reopens it."""
        if self._con is not None and self._depth == 0 and (
                force or _other_waiting(self._marker("reader")) or _other_waiting(self._marker("writer"))):
            self._con.close()
            self._con = None

    @contextmanager
    def _using(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if self._depth == 0 and not self.read_only:
                self.release()

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

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
            if found is not None and found < SCHEMA_VERSION:
                timeline.refresh(self.con)   # derived tables are rebuilt under the new definitions
            self.con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)",
                             [str(SCHEMA_VERSION)])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction (a nested call joins the outer one); a writer lets go of the file after it."""
        with self._using():
            if self._depth > 1:
                yield
                return
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

    @_releases
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
    @_releases
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
        """Record a document seen by a crawl or an import. Returns True when it is new."""
        return self.sight_document(row) != "seen"

    @_releases
    def sight_document(self, row: dict[str, Any]) -> str:
        """Record a document sighting: "new", "changed" (new bytes at a known URL) or "seen".

        A new doc_id at a URL that had another one is a new version: it `supersedes` the
        version last seen there, and both stay. A document already known keeps its processing
        state and first_seen; fields the new sighting knows and the old one did not are filled
        in, last_seen moves forward, and a removal mark is lifted when it is back at its URL.
        """
        existing = self.query("SELECT * FROM documents WHERE doc_id = ?", [row["doc_id"]])
        seen = row.get("last_seen") or now()
        if not existing:
            previous = self.current_at(row["url"], not_id=row["doc_id"]) if row.get("url") else None
            new = {"status": "pending", "first_seen": seen, "last_seen": seen,
                   "supersedes": previous["doc_id"] if previous else None, **row}
            self.upsert("documents", [new])
            return "changed" if new["supersedes"] else "new"
        old = existing[0]
        merged = dict(old)
        for key, value in row.items():
            if value not in (None, "", {}) and old.get(key) in (None, "", {}):
                merged[key] = value
        merged["last_seen"] = max(_aware(old.get("last_seen")) or seen, _aware(seen))
        if row.get("url") and row["url"] == old.get("url"):
            merged["removed_at"] = None  # back at its address; a copy found elsewhere lifts nothing
        if merged != old:
            self.upsert("documents", [merged])
        return "seen"

    def current_at(self, url: str, *, not_id: str | None = None) -> dict[str, Any] | None:
        """The version of a URL seen last (doc_id, source, removed_at), or None."""
        rows = self.query(
            "SELECT doc_id, source, removed_at FROM documents WHERE url = ? AND doc_id IS DISTINCT FROM ? "
            "ORDER BY last_seen DESC, first_seen DESC, doc_id LIMIT 1", [url, not_id])
        return rows[0] if rows else None

    @_releases
    def mark_removed(self, doc_ids: Iterable[str], when: datetime) -> int:
        """Mark documents removed at `when`, unless already marked: the first time seen missing stands."""
        ids = sorted(set(doc_ids))
        if not ids:
            return 0
        marked = self.scalar("SELECT count(*) FROM documents WHERE doc_id IN (SELECT unnest(?)) "
                             "AND removed_at IS NULL", [ids])
        self.con.execute("UPDATE documents SET removed_at = ? WHERE doc_id IN (SELECT unnest(?)) "
                         "AND removed_at IS NULL", [when, ids])
        return int(marked or 0)

    # -- processing ----------------------------------------------------------------------
    @_releases
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

    @_releases
    def set_document(self, doc_id: str, **fields: Any) -> None:
        self.columns("documents")
        as_json = self._json["documents"]
        sets = ", ".join(f"{k} = ?" for k in fields)
        self.con.execute(f"UPDATE documents SET {sets} WHERE doc_id = ?",
                         [_plain(v, k in as_json) for k, v in fields.items()] + [doc_id])


def _marker_pid(marker: Path) -> int | None:
    try:
        return int(marker.read_text() or 0)
    except (OSError, ValueError):
        return None


def _other_waiting(marker: Path) -> bool:
    """Another process (still alive) waits for the file."""
    pid = _marker_pid(marker)
    if not pid or pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    return True


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
