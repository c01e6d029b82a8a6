from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from index import store as store_mod
from index.store import SCHEMA_VERSION, Store, StoreError


def test_schema_version_comes_from_schema_sql():
    sql = (store_mod.resources.files("index") / "schema.sql").read_text()
    assert int(re.search(r"schema_version:\s*(\d+)", sql).group(1)) == SCHEMA_VERSION


def test_upsert_twice_changes_nothing(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    row = {"chunk_id": "c1", "doc_id": "d", "page": 1, "char_start": 0, "char_end": 5, "text": "hello",
           "embedding": [0.5] * 384}
    s.upsert("chunks", [row])
    s.upsert("chunks", [row])
    assert s.counts()["chunks"] == 1
    s.upsert("chunks", [{**row, "text": "hullo"}])
    assert s.query("SELECT text FROM chunks")[0]["text"] == "hullo"


def test_add_document_keeps_state_and_first_seen(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    t1 = datetime(2024, 1, 1, tzinfo=timezone.utc)
    t2 = datetime(2024, 2, 1, tzinfo=timezone.utc)
    assert s.add_document({"doc_id": "a" * 64, "kind": "minutes", "source": "s", "url": "http://x/a.pdf",
                           "last_seen": t1}) is True
    s.set_document("a" * 64, status="done")
    assert s.add_document({"doc_id": "a" * 64, "kind": "minutes", "source": "s", "title": "Minutes",
                           "last_seen": t2}) is False
    doc = s.query("SELECT * FROM documents")[0]
    assert doc["status"] == "done"
    assert doc["first_seen"] == t1 and doc["last_seen"] == t2
    assert doc["title"] == "Minutes" and doc["url"] == "http://x/a.pdf"


def test_fetch_log_is_append_only(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    row = {"fetch_id": "f1", "url": "http://x", "source": "s", "fetched_at": datetime.now(timezone.utc), "status": 200}
    s.add_fetch(row)
    s.add_fetch({**row, "status": 500})  # same id: the first record stands
    assert s.query("SELECT status FROM fetches") == [{"status": 200}]


def test_replace_document_rows_is_idempotent(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    rows = {"pages": [{"doc_id": "d", "page": 1, "text": "Ann resigned.", "method": "text"}],
            "events": [{"event_id": "e1", "doc_id": "d", "page": 1, "char_start": 0, "char_end": 13,
                        "text": "Ann resigned."}],
            "event_issues": [{"event_id": "e1", "issue": "staff_turnover", "score": 1.0, "method": "keyword"}]}
    for _ in range(2):
        with s.transaction():
            s.replace_document_rows("d", rows)
    c = s.counts()
    assert (c["pages"], c["events"], c["event_issues"]) == (1, 1, 1)


def test_newer_schema_is_refused_in_one_line(tmp_path):
    path = tmp_path / "c.duckdb"
    s = Store(path)
    s.con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    s.close()
    with pytest.raises(StoreError, match="newer than this casefile") as err:
        Store(path)
    assert "\n" not in str(err.value)


def test_transaction_rolls_back(tmp_path):
    s = Store(tmp_path / "c.duckdb")
    with pytest.raises(RuntimeError):
        with s.transaction():
            s.upsert("people", [{"person_id": "p", "name": "Ann Lee"}])
            raise RuntimeError("crash")
    assert s.counts()["people"] == 0
