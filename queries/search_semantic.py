"""Nearest passages to a query vector, over the int8 vectors and their cells (index/search_vectors.py).

With cells, a query reads the NPROBE cells nearest to it (a few percent of the passages); when a
filter leaves too few passages there, it reads WIDEN times as many cells once, and stops there.
"""
from __future__ import annotations

import duckdb
import numpy as np
import pyarrow as pa

from index.search_vectors import DIM, centroids
from queries.search_sql import Builder

NPROBE = 48        # cells read per query (of ~sqrt(passages)); recall measured in bench/scale.py
WIDEN = 4          # a filtered query short of hits reads this many times more cells, once


def nearest(con: duckdb.DuckDBPyConnection, allowed: list[int] | None, vector: list[float], *,
            limit: int, nprobe: int = NPROBE) -> list[tuple[int, int, float]]:
    """[(chunk_key, doc_key, cosine)] best first, among the documents `allowed` (doc keys; None: all).
    A passage standing for its document's title too has two vectors: the nearer one counts."""
    if allowed is not None and not allowed:
        return []
    b = Builder()
    q = np.asarray(vector, dtype=np.float32)
    if q.shape != (DIM,):
        raise ValueError(f"a query vector has {DIM} numbers, not {q.shape}")
    q /= max(float(np.linalg.norm(q)), 1e-12)
    cents = centroids(con)
    order = np.argsort(-(cents @ q)).tolist() if cents is not None else None
    where = "true"
    if allowed is not None:
        where = f"doc_key IN (SELECT doc_key FROM {b.table({'doc_key': pa.array(allowed, pa.int64())})})"
    top = b.param(limit)
    probe = min(nprobe, len(order)) if order else 0
    # the vector goes in as an Arrow table: a 384-number list parameter costs milliseconds
    query = b.table({"v": pa.FixedSizeListArray.from_arrays(pa.array(q), DIM)})
    while True:
        source = "search_vectors"
        if order and probe < len(order):
            # One equality scan per cell: the table is sorted by cell, so each reads only that cell's
            # rows (an IN list is only a zone-map hint to DuckDB: it would read all the vectors).
            # Cell numbers come from the centroids, not from the user: plain integers in the SQL.
            source = "(" + " UNION ALL ".join(
                f"SELECT chunk_key, doc_key, scale, q FROM search_vectors WHERE cell = {int(c)}"
                for c in order[:probe]) + ")"
        rows = b.run(con, f"""
            SELECT chunk_key, any_value(doc_key), max(array_inner_product(q::FLOAT[{DIM}], v) * scale) AS sim
            FROM {source}, {query} WHERE {where}
            GROUP BY chunk_key ORDER BY sim DESC, chunk_key LIMIT {top}""")
        if not order or len(rows) >= limit or probe >= min(len(order), WIDEN * nprobe):
            return [(r[0], r[1], float(r[2])) for r in rows]
        probe = min(probe * WIDEN, len(order))  # once: a narrow filter gets fewer semantic hits, not a full scan
