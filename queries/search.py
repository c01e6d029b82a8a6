"""Search over passages: BM25 (DuckDB fts), semantic (cosine over MiniLM embeddings), and hybrid
(reciprocal rank fusion, the default). Results are grouped by document, each hit with its page
and a snippet with the matched words marked."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from index import fts
from index.store import Store
from queries.filters import Filters, QueryError, person_ids

RRF_K = 60            # the constant from Cormack et al. 2009, the usual default
CANDIDATES = 200      # hits taken from each ranker before fusing
SNIPPET_CHARS = 240
MODES = ("hybrid", "bm25", "semantic")


def search(store: Store, query: str, f: Filters | None = None, *, mode: str = "hybrid",
           encode: Callable[[list[str]], list[list[float]]] | None = None) -> dict[str, Any]:
    f = f or Filters()
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    words = terms(query)
    if not words:
        raise QueryError("empty query: give at least one word")
    allowed_sql, allowed_params = _filter_docs(store, f)
    ranked: list[list[str]] = []
    if mode in ("hybrid", "bm25"):
        ranked.append(_bm25(store, " ".join(words), allowed_sql, allowed_params))
    if mode in ("hybrid", "semantic"):
        if encode is None:
            raise QueryError("semantic search needs the embedding model")
        ranked.append(_semantic(store, encode([query])[0], allowed_sql, allowed_params))
    scores: dict[str, float] = {}
    for ranking in ranked:
        for rank, chunk_id in enumerate(ranking):
            scores[chunk_id] = scores.get(chunk_id, 0.0) + 1.0 / (RRF_K + rank + 1)
    order = sorted(scores, key=lambda c: -scores[c])
    return _group(store, order, scores, words, f.limit or 20)


def terms(query: str) -> list[str]:
    return [w for w in re.findall(r"[\w'-]+", query.lower()) if len(w) > 1 or w.isdigit()]


def _filter_docs(store: Store, f: Filters) -> tuple[str, list[Any]]:
    where, params = [], []
    if f.kind:
        where.append("d.kind = ?")
        params.append(f.kind)
    if f.source:
        where.append("d.source = ?")
        params.append(f.source)
    if f.date_from:
        where.append("d.doc_date >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append("d.doc_date <= ?")
        params.append(f.date_to)
    if f.person:
        where.append("d.doc_id IN (SELECT doc_id FROM mentions WHERE person_id IN (SELECT unnest(?)))")
        params.append(person_ids(store, f.person))
    if f.issue:
        where.append("d.doc_id IN (SELECT e.doc_id FROM events e JOIN event_issues i USING (event_id) "
                     "WHERE i.issue = ?)")
        params.append(f.issue)
    if not where:
        return "", []
    return "AND c.doc_id IN (SELECT d.doc_id FROM documents d WHERE " + " AND ".join(where) + ")", params


def _bm25(store: Store, text: str, allowed: str, params: list[Any]) -> list[str]:
    if not fts.available(store.con):
        raise QueryError("the full-text index is not built yet: run `casefile process`")
    fts.load(store.con)
    rows = store.con.execute(f"""
        SELECT chunk_id FROM (
            SELECT c.chunk_id, fts_main_chunks.match_bm25(c.chunk_id, ?) AS score FROM chunks c
            WHERE true {allowed}) WHERE score IS NOT NULL
        ORDER BY score DESC LIMIT {CANDIDATES}""", [text, *params]).fetchall()
    return [r[0] for r in rows]


def _semantic(store: Store, vector: list[float], allowed: str, params: list[Any]) -> list[str]:
    rows = store.con.execute(f"""
        SELECT c.chunk_id FROM chunks c WHERE c.embedding IS NOT NULL {allowed}
        ORDER BY array_cosine_similarity(c.embedding, ?::FLOAT[384]) DESC LIMIT {CANDIDATES}""",
        [*params, vector]).fetchall()
    return [r[0] for r in rows]


def _group(store: Store, order: list[str], scores: dict[str, float], words: list[str],
           limit: int) -> dict[str, Any]:
    if not order:
        return {"total": 0, "documents": 0, "results": []}
    rows = {r["chunk_id"]: r for r in store.query("""
        SELECT c.chunk_id, c.doc_id, c.page, c.char_start, c.char_end, c.text, d.title, d.url, d.kind,
               d.source, d.doc_date FROM chunks c JOIN documents d USING (doc_id)
        WHERE c.chunk_id IN (SELECT unnest(?))""", [order])}
    groups: dict[str, dict[str, Any]] = {}
    for chunk_id in order:
        r = rows[chunk_id]
        g = groups.get(r["doc_id"])
        if g is None:
            if len(groups) >= limit:
                continue
            g = groups[r["doc_id"]] = {
                "doc_id": r["doc_id"], "title": r["title"], "url": r["url"], "kind": r["kind"],
                "source": r["source"], "doc_date": r["doc_date"].isoformat() if r["doc_date"] else None,
                "score": round(scores[chunk_id], 6), "hits": []}
        snippet, marks = snippet_for(r["text"], words)
        g["hits"].append({"chunk_id": chunk_id, "page": r["page"], "char_start": r["char_start"],
                          "char_end": r["char_end"], "score": round(scores[chunk_id], 6),
                          "snippet": snippet, "marks": marks})
    return {"total": len(order), "documents": len({rows[c]["doc_id"] for c in order}),
            "results": list(groups.values())}


def snippet_for(text: str, words: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A window around the first matched word, with the spans of every matched word in it."""
    flat = " ".join(text.split())
    pattern = re.compile(r"\b(%s)\w*" % "|".join(re.escape(w) for w in words), re.IGNORECASE)
    first = pattern.search(flat)
    start = max(0, (first.start() if first else 0) - SNIPPET_CHARS // 3)
    if start:
        start = flat.find(" ", start) + 1 or start
    window = flat[start:start + SNIPPET_CHARS]
    marks = [(m.start(), m.end()) for m in pattern.finditer(window)]
    prefix = "…" if start else ""
    suffix = "…" if start + SNIPPET_CHARS < len(flat) else ""
    shift = len(prefix)
    return prefix + window + suffix, [(a + shift, b + shift) for a, b in marks]
