"""A case made by schema v1 (tests/fixtures/schema/v1.sql, a saved copy) opens, upgraded, with its rows."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pytest

from index.store import SCHEMA_VERSION, Store, StoreError, migrations
from tests.conftest import FIXTURES

T1 = datetime(2018, 3, 6, 14, 0, tzinfo=timezone.utc)


@pytest.fixture
def v1_case(tmp_path: Path) -> Path:
    path = tmp_path / "casefile.duckdb"
    con = duckdb.connect(str(path))
    con.execute((FIXTURES / "schema" / "v1.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO fetches (fetch_id, url, final_url, source, fetched_at, status, sha256, size) "
                "VALUES ('f1', 'http://x/m.pdf', 'http://x/m.pdf', 'board', ?, 200, ?, 10)", [T1, "a" * 64])
    con.execute("INSERT INTO documents (doc_id, kind, source, url, title, first_seen, last_seen, status, meta) "
                "VALUES (?, 'minutes', 'board', 'http://x/m.pdf', 'Minutes', ?, ?, 'done', '{\"listing_url\": \"http://x/\"}')",
                ["a" * 64, T1, T1])
    con.execute("INSERT INTO pages VALUES (?, 1, 'Ann Lee resigned on March 5, 2018.', 'text')", ["a" * 64])
    con.execute("INSERT INTO events (event_id, doc_id, page, char_start, char_end, text, date_start, date_end, "
                "date_precision, date_source) VALUES ('e1', ?, 1, 0, 33, 'Ann Lee resigned on March 5, 2018.', "
                "'2018-03-05', '2018-03-05', 'day', 'explicit')", ["a" * 64])
    con.close()
    return path


def test_there_is_a_migration_for_every_version_above_1() -> None:
    assert [v for v, _ in migrations()] == list(range(2, SCHEMA_VERSION + 1))


def test_a_v1_case_is_upgraded_with_its_rows(v1_case: Path) -> None:
    with Store(v1_case) as s:
        assert s.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)
        assert {"supersedes", "removed_at"} <= set(s.columns("documents"))
        [doc] = s.query("SELECT * FROM documents")
        assert (doc["doc_id"], doc["title"], doc["status"], doc["first_seen"]) == ("a" * 64, "Minutes", "done", T1)
        assert doc["supersedes"] is None and doc["removed_at"] is None
        c = s.counts()
        assert (c["fetches"], c["documents"], c["pages"], c["events"]) == (1, 1, 1, 1)
        assert s.query("SELECT text FROM timeline") == [{"text": "Ann Lee resigned on March 5, 2018."}]


def test_an_upgraded_case_has_exactly_the_tables_of_a_new_one(v1_case: Path, tmp_path: Path) -> None:
    def shape(path: Path) -> list[tuple]:
        with Store(path) as s:
            return s.query("SELECT table_name, column_name, data_type, column_default, is_nullable "
                           "FROM information_schema.columns ORDER BY table_name, ordinal_position")
    assert shape(v1_case) == shape(tmp_path / "new.duckdb")


def test_the_upgraded_case_takes_versions_and_removals(v1_case: Path) -> None:
    with Store(v1_case) as s:
        assert s.sight_document({"doc_id": "b" * 64, "kind": "minutes", "source": "board",
                                 "url": "http://x/m.pdf", "last_seen": datetime.now(timezone.utc)}) == "changed"
        assert s.scalar("SELECT supersedes FROM documents WHERE doc_id = ?", ["b" * 64]) == "a" * 64
    with Store(v1_case) as s:  # opening again migrates nothing twice
        assert s.counts()["documents"] == 2


def test_a_v1_case_opened_read_only_asks_for_an_upgrade_in_one_line(v1_case: Path) -> None:
    with pytest.raises(StoreError, match=r"schema version 1; open it once with a writing command") as err:
        Store(v1_case, read_only=True)
    assert "\n" not in str(err.value)
