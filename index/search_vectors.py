"""The vector side of the search index: passage embeddings as int8, grouped into cells (IVF).

Exact cosine over `chunks.embedding` reads 1.5 GB at 1M passages (0.8-1.7 s a query here), and
the vss extension's HNSW index took 140 s to build for 100k rows and is not crash-safe in a file
(bench/RESULTS.md "Scale"). So: each vector is stored as 384 int8 with a scale (a quarter of
the bytes; rank order is kept), and once a case has IVF_MIN passages, k-means centroids split
them into cells; a query reads only the cells nearest to it. The table is kept sorted by cell so
DuckDB's zone maps skip the other cells' row groups.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa

DIM = 384
IVF_MIN = 50_000        # below this a query compares every vector (tens of ms)
RETRAIN_GROWTH = 2.0    # retrain the cells when the case has doubled since they were made
TRAIN_SAMPLE = 60_000
KMEANS_ROUNDS = 10
SORT_STEPS = 8
KEY_SQL = "('0x' || md5({id})[1:15])::BIGINT"
Encode = Callable[[list[str]], list[list[float]]]


def quantize(vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """int8 codes and per-vector scales: vector ≈ codes * scale."""
    scale = np.maximum(np.abs(vectors).max(axis=1), 1e-12) / 127.0
    codes = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
    return codes, scale.astype(np.float32)


def centroids(con: duckdb.DuckDBPyConnection) -> np.ndarray | None:
    rows = con.execute("SELECT centroid FROM search_cells ORDER BY cell").fetchnumpy()["centroid"]
    return np.stack(rows).astype(np.float32) if len(rows) else None


def assign(vectors: np.ndarray, cents: np.ndarray | None) -> np.ndarray:
    if cents is None or not len(vectors):
        return np.zeros(len(vectors), dtype=np.int16)
    cells = np.empty(len(vectors), dtype=np.int16)
    for i in range(0, len(vectors), 20_000):
        cells[i:i + 20_000] = np.argmax(vectors[i:i + 20_000] @ cents.T, axis=1)
    return cells


def add(con: duckdb.DuckDBPyConnection, passages: str, encode: Encode | None = None) -> int:
    """Vectors for the embedded passages in the table `passages` (documents whose old vectors are
    gone) and, given the embedding model, for their documents' titles: a title's vector stands for
    the first passage, as its words do in the postings (titles carry much of what a story is about)."""
    table = con.execute(f"""
        SELECT {KEY_SQL.format(id='chunk_id')} AS chunk_key, {KEY_SQL.format(id='doc_id')} AS doc_key, embedding
        FROM {passages} WHERE embedding IS NOT NULL""").to_arrow_table()
    keys, doc_keys = table.column("chunk_key").to_numpy(), table.column("doc_key").to_numpy()
    vectors = _matrix(table.column("embedding")) if table.num_rows else np.zeros((0, DIM), np.float32)
    if encode is not None:
        titles = con.execute(f"""
            SELECT {KEY_SQL.format(id='arg_min(c.chunk_id, (c.page, c.char_start))')}, {KEY_SQL.format(id='d.doc_id')},
                   any_value(d.title)
            FROM {passages} c JOIN documents d USING (doc_id)
            WHERE coalesce(trim(d.title), '') <> ''
            GROUP BY d.doc_id ORDER BY d.doc_id""").fetchall()
        if titles:
            keys = np.concatenate([keys, np.array([t[0] for t in titles], np.int64)])
            doc_keys = np.concatenate([doc_keys, np.array([t[1] for t in titles], np.int64)])
            vectors = np.concatenate([vectors, np.asarray(encode([t[2] for t in titles]), np.float32)])
    if not len(vectors):
        return 0
    _insert(con, keys, doc_keys, assign(vectors, centroids(con)), *quantize(vectors))
    return len(vectors)


def _matrix(column: pa.ChunkedArray | pa.Array) -> np.ndarray:
    flat = column.combine_chunks() if isinstance(column, pa.ChunkedArray) else column
    return np.asarray(flat.flatten().to_numpy(zero_copy_only=False), dtype=np.float32).reshape(-1, DIM)


def _insert(con: duckdb.DuckDBPyConnection, chunk_keys: np.ndarray, doc_keys: np.ndarray, cells: np.ndarray,
            codes: np.ndarray, scales: np.ndarray) -> None:
    order = np.argsort(cells, kind="stable")
    incoming = pa.table({
        "chunk_key": pa.array(chunk_keys[order], pa.int64()), "doc_key": pa.array(doc_keys[order], pa.int64()),
        "cell": pa.array(cells[order], pa.int16()), "scale": pa.array(scales[order], pa.float32()),
        "q": pa.FixedSizeListArray.from_arrays(pa.array(codes[order].reshape(-1), pa.int8()), DIM)})
    con.register("_search_incoming", incoming)
    try:
        con.execute("INSERT INTO search_vectors SELECT chunk_key, doc_key, cell, scale, q FROM _search_incoming")
    finally:
        con.unregister("_search_incoming")


# -- cells -----------------------------------------------------------------------------------

def maintain(store: Any) -> dict[str, Any]:
    """Train cells once the case is big enough (again each time it doubles); otherwise re-sort
    vectors by cell when enough were added since the last sort."""
    con = store.con
    n = con.execute("SELECT count(*) FROM search_vectors").fetchone()[0]
    trained = int(get_meta(con, "search_cells_trained") or 0)
    if n >= IVF_MIN and (not trained or n >= RETRAIN_GROWTH * trained):
        return train(store)
    tail = n - int(get_meta(con, "search_vectors_sorted") or 0)
    if trained and tail >= max(20_000, 0.1 * n):
        return sort_by_cell(store)
    return {"vectors": n}


def train(store: Any, cells: int | None = None, seed: int = 0) -> dict[str, Any]:
    """k-means over a sample, then every vector re-assigned and rewritten sorted by cell. One
    transaction: it happens when the case reaches IVF_MIN and each time it doubles."""
    started = time.perf_counter()
    with store.transaction():
        n, k = _train(store.con, cells, seed)
    return {"vectors": n, "cells": k, "trained_seconds": round(time.perf_counter() - started, 2)}


def _train(con: duckdb.DuckDBPyConnection, cells: int | None, seed: int) -> tuple[int, int]:
    n = con.execute("SELECT count(*) FROM search_vectors").fetchone()[0]
    k = cells or int(np.clip(round(np.sqrt(n)), 16, 4096))
    sample = con.execute(f"SELECT scale, q FROM search_vectors USING SAMPLE reservoir({TRAIN_SAMPLE} ROWS) "
                         f"REPEATABLE ({seed})").to_arrow_table()
    x = _matrix(sample.column("q")) * sample.column("scale").to_numpy()[:, None]
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    cents = kmeans(x, k, seed)
    parts = []
    reader = con.execute("SELECT chunk_key, doc_key, scale, q FROM search_vectors").to_arrow_reader(100_000)
    for batch in reader:
        codes = _matrix(batch.column("q")).astype(np.int8)
        parts.append((batch.column("chunk_key").to_numpy(), batch.column("doc_key").to_numpy(),
                      assign(codes.astype(np.float32), cents), codes, batch.column("scale").to_numpy()))
    con.execute("DELETE FROM search_cells")
    table = pa.table({"cell": pa.array(np.arange(len(cents)), pa.int16()),
                      "centroid": pa.FixedSizeListArray.from_arrays(pa.array(cents.reshape(-1)), DIM)})
    con.register("_search_cells", table)
    con.execute("INSERT INTO search_cells SELECT cell, centroid FROM _search_cells")
    con.unregister("_search_cells")
    con.execute("DELETE FROM search_vectors")
    if parts:
        _insert(con, *(np.concatenate(p) for p in zip(*parts)))
    set_meta(con, "search_cells_trained", n)
    set_meta(con, "search_vectors_sorted", n)
    return n, len(cents)


def kmeans(x: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """Spherical k-means (cosine): normalised centroids."""
    rng = np.random.default_rng(seed)
    k = min(k, len(x))
    cents = x[rng.choice(len(x), k, replace=False)].copy()
    for _ in range(KMEANS_ROUNDS):
        labels = assign(x, cents).astype(np.int64)
        sums = np.zeros_like(cents)
        np.add.at(sums, labels, x)
        empty = ~sums.any(axis=1)
        sums[empty] = x[rng.choice(len(x), int(empty.sum()), replace=False)]
        cents = sums / np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
    return cents.astype(np.float32)


def sort_by_cell(store: Any, steps: int = SORT_STEPS) -> dict[str, Any]:
    """Rewrite vectors sorted by cell, one cell range per transaction (readers get in between)."""
    started = time.perf_counter()
    k = store.con.execute("SELECT count(*) FROM search_cells").fetchone()[0] or 1
    width = -(-k // steps)
    for low in range(0, k, width):
        with store.transaction():
            con = store.con
            con.execute("CREATE OR REPLACE TEMP TABLE _search_sorted AS SELECT * FROM search_vectors "
                        "WHERE cell >= ? AND cell < ? ORDER BY cell, chunk_key", [low, low + width])
            con.execute("DELETE FROM search_vectors WHERE cell >= ? AND cell < ?", [low, low + width])
            con.execute("INSERT INTO search_vectors SELECT * FROM _search_sorted")
            con.execute("DROP TABLE _search_sorted")
    with store.transaction():
        n = store.con.execute("SELECT count(*) FROM search_vectors").fetchone()[0]
        set_meta(store.con, "search_vectors_sorted", n)
    return {"vectors": n, "sorted_seconds": round(time.perf_counter() - started, 2)}


def get_meta(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = con.execute("SELECT value FROM meta WHERE key = ?", [name]).fetchone()
    return row[0] if row else None


def set_meta(con: duckdb.DuckDBPyConnection, name: str, value: Any) -> None:
    con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [name, str(value)])
