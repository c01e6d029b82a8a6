"""casefile's own search index: kept in step with `chunks` batch by batch, identical however it
was built (refresh, re-processing, compaction, a crash), and upgraded into from an older case."""
from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest

from index import search_index, search_vectors
from index.store import SCHEMA_VERSION, Store
from queries.filters import QueryError
from queries.search import search
from queries.search_semantic import nearest
from tests.conftest import FIXTURES
from tests.search_case import build, chunk_rows, encode

INDEX = ("search_chunks", "search_postings", "search_vectors")


def index_rows(store: Store) -> dict[str, list[tuple]]:
    return {t: store.con.execute(f"SELECT * EXCLUDE ({'q' if t == 'search_vectors' else 'doc_key'}) FROM {t} "
                                 "ORDER BY ALL").fetchall() for t in INDEX}


def test_refresh_indexes_passages_titles_and_embeddings(tmp_path: Path):
    store = build(tmp_path / "c.duckdb")
    c = store.counts()
    assert c["search_chunks"] == c["chunks"] == 11
    assert c["search_vectors"] == c["chunks"] + 5            # one per passage, one per title
    title_rows = store.scalar("SELECT count(*) FROM search_postings WHERE pos[1] >= 16384")
    assert title_rows > 0
    assert search_index.refresh(store.con)["documents"] == 0  # nothing stale


def test_the_index_is_the_same_however_it_was_built(tmp_path: Path):
    once = build(tmp_path / "a.duckdb")
    expected = index_rows(once)
    twice = build(tmp_path / "b.duckdb", index=False)
    with twice.transaction():  # batch by batch, then everything again
        for doc in ("d-jury", "d-suit"):
            search_index.refresh(twice.con, [doc], encode=encode)
        search_index.refresh(twice.con, encode=encode)
        search_index.refresh(twice.con, ["d-jury", "d-resign"], encode=encode)
    assert index_rows(twice) == expected
    search_index.compact_postings(twice, steps=3)
    assert index_rows(twice) == expected
    assert twice.scalar("SELECT value FROM meta WHERE key = 'search_postings_sorted'") == \
        str(twice.counts()["search_postings"])


def test_a_reprocessed_document_replaces_its_rows(tmp_path: Path):
    store = build(tmp_path / "c.duckdb")
    with store.transaction():
        store.replace_document_rows("d-settle", {"chunks": chunk_rows("d-settle", ["The county paid $1.2 million."])})
        assert search_index.stale_documents(store.con) == ["d-settle"]
        search_index.refresh(store.con, encode=encode)
    assert store.scalar("SELECT count(*) FROM search_chunks WHERE doc_id = 'd-settle'") == 1
    assert [r["doc_id"] for r in search(store, "million", mode="bm25")["results"]] == ["d-settle"]
    assert search(store, "settlement agreement", mode="bm25")["results"] == []


def test_compaction_is_due_only_when_enough_was_added(tmp_path: Path, monkeypatch):
    store = build(tmp_path / "c.duckdb")
    assert not search_index.compaction_due(store.con)
    monkeypatch.setattr(search_index, "COMPACT_MIN_ROWS", 10)
    assert search_index.compaction_due(store.con)
    report = search_index.maintain(store)
    assert report["postings"]["postings"] == store.counts()["search_postings"]
    assert not search_index.compaction_due(store.con)


def test_cells_find_what_an_exact_search_finds(tmp_path: Path, monkeypatch):
    store = Store(tmp_path / "c.duckdb")
    rng = np.random.default_rng(0)
    topics = rng.standard_normal((12, 384)).astype(np.float32)
    with store.transaction():
        for d in range(60):
            vecs = topics[d % 12] + rng.standard_normal((10, 384)).astype(np.float32) * 0.5
            store.upsert("documents", [{"doc_id": f"doc{d}", "kind": "news", "source": "s", "status": "done"}])
            store.upsert("chunks", [{"chunk_id": f"doc{d}-{i}", "doc_id": f"doc{d}", "page": 1, "char_start": 0,
                                     "char_end": 4, "text": "text", "embedding": (v / np.linalg.norm(v)).tolist()}
                                    for i, v in enumerate(vecs)])
        search_index.refresh(store.con)
    query = (topics[3] / np.linalg.norm(topics[3])).tolist()
    before = nearest(store.con, None, query, limit=10)
    monkeypatch.setattr(search_vectors, "IVF_MIN", 100)
    report = search_vectors.maintain(store)
    assert report["cells"] == 24 and store.counts()["search_cells"] == 24
    cells = store.con.execute("SELECT cell FROM search_vectors").fetchall()
    assert [c for (c,) in cells] == sorted(c for (c,) in cells)   # stored in cell order
    every_cell = nearest(store.con, None, query, limit=10, nprobe=24)
    assert every_cell == before                                   # all cells read: exact
    few = nearest(store.con, None, query, limit=10, nprobe=3)
    assert len({c for c, _, _ in few} & {c for c, _, _ in before}) >= 9
    with store.transaction():  # new vectors go into the nearest cell
        store.upsert("documents", [{"doc_id": "late", "kind": "news", "source": "s", "status": "done"}])
        store.upsert("chunks", [{"chunk_id": "late-0", "doc_id": "late", "page": 1, "char_start": 0, "char_end": 4,
                                 "text": "text", "embedding": query}])
        search_index.refresh(store.con, ["late"])
    assert nearest(store.con, None, query, limit=1, nprobe=1)[0][0] == search_index.key("late-0")


def test_a_case_from_schema_1_is_upgraded_and_indexed(tmp_path: Path):
    path = tmp_path / "casefile.duckdb"
    con = duckdb.connect(str(path))
    con.execute((FIXTURES / "schema" / "v1.sql").read_text(encoding="utf-8"))
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    con.execute("INSERT INTO documents (doc_id, kind, source, title, status) VALUES ('d1', 'news', 's', "
                "'Whitfield resigns', 'done')")
    con.execute("INSERT INTO chunks VALUES ('c1', 'd1', 1, 0, 30, 'Director Whitfield resigned.', NULL)")
    con.execute("CREATE SCHEMA fts_main_chunks")  # what the fts extension's index left in a v1 case
    con.close()
    with Store(path) as store:
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(SCHEMA_VERSION)
        assert not store.scalar("SELECT count(*) FROM duckdb_schemas() WHERE schema_name = 'fts_main_chunks'")
        with pytest.raises(QueryError, match="run `casefile process`"):
            search(store, "whitfield", mode="bm25")
        search_index.maintain(store)  # what the next `casefile process` does
        assert [r["doc_id"] for r in search(store, "whitfield resigned", mode="bm25")["results"]] == ["d1"]
