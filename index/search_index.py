"""casefile's own search index, kept in step with `chunks` a batch at a time.

Why not DuckDB's fts extension: its index cannot be updated, only rebuilt (59 s at 1M passages,
bench/RESULTS.md "Scale"); these tables take a batch of new passages in well under a second.

- `search_chunks`: every indexed passage with its BM25 length; what is indexed is exactly what is
  listed here, so `refresh` can tell what changed by comparing it with `chunks`.
- `search_postings`: one row per (term, passage) with term frequency and positions. Compaction
  keeps it sorted by term, so DuckDB's min/max zone maps read only the row groups of a query's
  terms; rows added since the last compaction sit unsorted at the end, and are read in full.
- `search_vectors` / `search_cells`: index/search_vectors.py.

Keys are the first 60 bits of the md5 of the ids, so re-running builds identical rows.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

import duckdb

from index import fts, search_vectors
from index.search_text import KEEP_SQL, STOPWORDS_SQL, TERM_ID_SQL, TOKENS_SQL
from index.search_vectors import KEY_SQL, get_meta, set_meta

COMPACT_MIN_ROWS = 200_000      # postings added since the last compaction before it is worth one
COMPACT_FRACTION = 0.10         # ... and at least this share of the table
COMPACT_STEPS = 16              # term-id ranges rewritten one transaction each (readers get in between)
REFRESH_SLICE = 2_000           # documents tokenized per statement when many are stale
MAX_POSITION = 16_383           # words past this in one passage are not indexed (SMALLINT positions)
TITLE_POSITION = 16_384         # a document's title is indexed with its first passage, from here on:
                                # separate rows (its own length), never part of a phrase with the text
TERM_SPACE = 1 << 60


def key(identifier: str) -> int:
    """The BIGINT key of a chunk or document id (the same as KEY_SQL)."""
    import hashlib

    return int(hashlib.md5(identifier.encode("utf-8")).hexdigest()[:15], 16)


def refresh(con: duckdb.DuckDBPyConnection, doc_ids: Iterable[str] | None = None,
            encode: search_vectors.Encode | None = None) -> dict[str, Any]:
    """Re-index the given documents (or every document whose passages changed) in the caller's
    transaction: their old rows go, their current passages and embeddings (and, with `encode`,
    the embeddings of their titles) come in."""
    started = time.perf_counter()
    docs = sorted(set(doc_ids)) if doc_ids is not None else stale_documents(con)
    for i in range(0, len(docs), REFRESH_SLICE):
        _reindex(con, docs[i:i + REFRESH_SLICE], encode)
    return {"documents": len(docs), "seconds": round(time.perf_counter() - started, 3)}


def stale_documents(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Documents whose passages in `chunks` differ from those in `search_chunks`."""
    return [r[0] for r in con.execute("""
        SELECT DISTINCT doc_id FROM (
            SELECT c.doc_id FROM chunks c ANTI JOIN search_chunks s ON s.chunk_id = c.chunk_id
            UNION ALL
            SELECT s.doc_id FROM search_chunks s ANTI JOIN chunks c ON c.chunk_id = s.chunk_id)
        ORDER BY doc_id""").fetchall()]


def _reindex(con: duckdb.DuckDBPyConnection, docs: list[str], encode: search_vectors.Encode | None) -> None:
    fts.load(con)
    doc_keys = [key(d) for d in docs]
    indexed = con.execute("SELECT count(*) FROM search_chunks WHERE doc_key IN (SELECT unnest(?))",
                          [doc_keys]).fetchone()[0]
    if indexed:  # a re-processed document: its old passages leave first
        for table in ("search_postings", "search_chunks", "search_vectors"):
            con.execute(f"DELETE FROM {table} WHERE doc_key IN (SELECT unnest(?))", [doc_keys])
    _passages(con, docs)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE _search_tokens AS
        WITH c AS (SELECT chunk_id, doc_id, {TOKENS_SQL.format(text='text')} AS toks, 0 AS base
                   FROM _search_passages
                   UNION ALL
                   SELECT arg_min(c.chunk_id, (c.page, c.char_start)), d.doc_id,
                          {TOKENS_SQL.format(text='any_value(d.title)')}, {TITLE_POSITION}
                   FROM _search_passages c JOIN documents d USING (doc_id)
                   WHERE d.title IS NOT NULL GROUP BY d.doc_id),
             w AS (SELECT chunk_id, doc_id, base, unnest(toks) AS word, unnest(range(len(toks))) AS pos FROM c)
        SELECT {KEY_SQL.format(id='chunk_id')} AS chunk_key, {KEY_SQL.format(id='doc_id')} AS doc_key,
               word, (base + pos)::SMALLINT AS pos, base > 0 AS title
        FROM w WHERE {KEEP_SQL.format(word='word')} AND pos <= {MAX_POSITION}
          AND NOT list_contains({STOPWORDS_SQL}, word)""")
    try:
        con.execute(f"""
            INSERT INTO search_chunks
            SELECT {KEY_SQL.format(id='c.chunk_id')}, c.chunk_id, {KEY_SQL.format(id='c.doc_id')}, c.doc_id,
                   coalesce(n.len, 0)
            FROM _search_passages c LEFT JOIN (SELECT chunk_key, count(*) AS len FROM _search_tokens
                                               WHERE NOT title GROUP BY ALL) n
              ON n.chunk_key = {KEY_SQL.format(id='c.chunk_id')}""")
        con.execute(f"""
            INSERT INTO search_postings
            WITH terms AS (SELECT word, {TERM_ID_SQL.format(word='word')} AS term_id
                           FROM (SELECT DISTINCT word FROM _search_tokens)),
                 lens AS (SELECT chunk_key, title, count(*)::SMALLINT AS len FROM _search_tokens GROUP BY ALL)
            SELECT t.term_id, k.chunk_key, k.doc_key, count(*)::SMALLINT, l.len, list(k.pos ORDER BY k.pos)
            FROM _search_tokens k JOIN terms t USING (word) JOIN lens l USING (chunk_key, title)
            GROUP BY t.term_id, k.chunk_key, k.doc_key, k.title, l.len
            ORDER BY t.term_id, k.chunk_key""")
        search_vectors.add(con, "_search_passages", encode)
    finally:
        con.execute("DROP TABLE IF EXISTS _search_tokens")
        con.execute("DROP TABLE IF EXISTS _search_passages")


def _passages(con: duckdb.DuckDBPyConnection, docs: list[str]) -> None:
    """The documents' passages in a temp table, read once. A batch's passages were just appended
    together, so their rowids are a narrow range that lets DuckDB skip the rest of `chunks` (a plain
    doc_id filter reads every passage's embedding: 4 s instead of 0.1 s at 1M passages)."""
    con.execute("CREATE OR REPLACE TEMP TABLE _search_docs AS SELECT unnest(?::VARCHAR[]) AS doc_id", [docs])
    low, high = con.execute("SELECT min(rowid), max(rowid) FROM chunks "
                            "WHERE doc_id IN (SELECT doc_id FROM _search_docs)").fetchone()
    rows = f"rowid BETWEEN {int(low)} AND {int(high)}" if low is not None else "false"  # integers from the table
    con.execute(f"""CREATE OR REPLACE TEMP TABLE _search_passages AS
                    SELECT chunk_id, doc_id, page, char_start, text, embedding FROM chunks
                    WHERE {rows} AND doc_id IN (SELECT doc_id FROM _search_docs)""")
    con.execute("DROP TABLE _search_docs")


# -- compaction ------------------------------------------------------------------------------

def unsorted_postings(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    """(postings added since the last compaction, all postings)."""
    total = con.execute("SELECT count(*) FROM search_postings").fetchone()[0]
    sorted_rows = int(get_meta(con, "search_postings_sorted") or 0)
    return max(total - sorted_rows, 0), total


def compaction_due(con: duckdb.DuckDBPyConnection) -> bool:
    tail, total = unsorted_postings(con)
    return tail >= COMPACT_MIN_ROWS and tail >= COMPACT_FRACTION * total


def compact_postings(store: Any, steps: int = COMPACT_STEPS) -> dict[str, Any]:
    """Rewrite the postings sorted by term, one term range per transaction (the store is released
    between steps, so readers are answered meanwhile; a crash leaves a valid, partly sorted index)."""
    started = time.perf_counter()
    width = TERM_SPACE // steps
    for step in range(steps):
        low, high = step * width, (TERM_SPACE if step == steps - 1 else (step + 1) * width)
        with store.transaction():
            con = store.con
            con.execute("""CREATE OR REPLACE TEMP TABLE _search_sorted AS
                           SELECT * FROM search_postings WHERE term_id >= ? AND term_id < ?
                           ORDER BY term_id, chunk_key""", [low, high])
            con.execute("DELETE FROM search_postings WHERE term_id >= ? AND term_id < ?", [low, high])
            con.execute("INSERT INTO search_postings SELECT * FROM _search_sorted")
            con.execute("DROP TABLE _search_sorted")
    with store.transaction():
        total = store.con.execute("SELECT count(*) FROM search_postings").fetchone()[0]
        set_meta(store.con, "search_postings_sorted", total)
    return {"postings": total, "seconds": round(time.perf_counter() - started, 2)}


def maintain(store: Any, encode: search_vectors.Encode | None = None) -> dict[str, Any]:
    """After a run: index whatever is stale, then compact postings and vectors when due."""
    report: dict[str, Any] = {}
    with store.transaction():
        report["refresh"] = refresh(store.con, encode=encode)
    if compaction_due(store.con):
        report["postings"] = compact_postings(store)
    report["vectors"] = search_vectors.maintain(store)
    return report


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    n, avgdl = con.execute("SELECT count(*), coalesce(avg(len), 0) FROM search_chunks").fetchone()
    return {"passages": n, "avgdl": float(avgdl)}
