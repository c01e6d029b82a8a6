"""SQL for one search, over casefile's own index tables (index/search_index.py).

The query's structure (how many words, phrases, clauses) shapes the SQL text; every value —
term ids, filter values, positions, the query vector — is a named, bound parameter.

Matching is per document: a document matches when each clause has an item somewhere in it
(all words; any of an OR), it has every "phrase", and none of the excluded items. Ranking is per
passage: BM25 over the query's words, in the matching documents, a passage with a phrase first.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from index.search_text import Token

K1, B = 1.2, 0.75          # the usual BM25 constants (Robertson & Zaragoza 2009)
DOC_KEY = "('0x' || md5(d.doc_id)[1:15])::BIGINT"


@dataclass
class AItem:
    """A query item after analysis: its indexed tokens (a phrase when more than one)."""
    text: str
    tokens: list[Token]
    quoted: bool = False

    @property
    def phrase(self) -> bool:
        return len(self.tokens) > 1


@dataclass
class DocFilter:
    kinds: set[str] | None = None          # None: any kind
    sources: set[str] | None = None
    people: list[list[str]] = field(default_factory=list)   # per person, their ids; every person
    issues: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None

    @property
    def active(self) -> bool:
        return any(v not in (None, []) for v in self.__dict__.values())


class Builder:
    """Collects CTEs, named parameters and Arrow tables for one statement. Lists go in as Arrow
    tables: duckdb's Python binding converts a list parameter value by value (~0.1 ms each)."""

    def __init__(self) -> None:
        self.params: dict[str, Any] = {}
        self.ctes: list[str] = []
        self.tables: dict[str, pa.Table] = {}

    def table(self, columns: dict[str, pa.Array | list]) -> str:
        name = f"_search_t{len(self.tables)}_{id(self)}"
        self.tables[name] = pa.table(columns)
        return name

    def param(self, value: Any) -> str:
        name = f"p{len(self.params)}"
        self.params[name] = value
        return "$" + name

    def cte(self, name: str, sql: str, *, materialized: bool = False) -> str:
        """Materialize what several parts read (the postings of the query's terms); inline the rest."""
        self.ctes.append(f"{name} AS {'MATERIALIZED ' if materialized else ''}({sql})")
        return name

    def statement(self, select: str) -> str:
        return ("WITH " + ",\n".join(self.ctes) + "\n" if self.ctes else "") + select

    def run(self, con: duckdb.DuckDBPyConnection, select: str, params: dict[str, Any] | None = None) -> list[tuple]:
        for name, table in self.tables.items():
            con.register(name, table)
        try:
            return con.execute(self.statement(select), params or self.params).fetchall()
        finally:
            for name in self.tables:
                con.unregister(name)


def constraints(b: Builder, clauses: list[list[AItem]], excluded: list[AItem], docs: DocFilter,
                *, words_required: bool, scoring: bool = False) -> tuple[str | None, dict[str, str]]:
    """CTEs for the documents a query allows; returns (name of the doc-key CTE or None, phrase
    CTEs by item text). Without `words_required`, only clauses made of phrases must match (the
    semantic side, and BM25's second try: words are meaning there, quotes and minus signs are
    still rules). With `scoring`, the postings CTE `p` holds every word of the query."""
    required = [c for c in clauses if words_required or all(i.quoted for i in c)]
    terms = sorted({t.term_id for c in required for i in c for t in i.tokens} |
                   {t.term_id for i in excluded for t in i.tokens} |
                   ({t.term_id for c in clauses for i in c for t in i.tokens} if scoring else set()))
    phrases: dict[str, str] = {}
    sets: list[str] = []
    if terms:  # positions only when a phrase needs them: they are most of the bytes
        pos = ", pos" if any(i.phrase for c in required for i in c) or any(i.phrase for i in excluded) else ""
        b.cte("p", f"SELECT term_id, chunk_key, doc_key, tf, len{pos} FROM search_postings WHERE term_id IN ("
              + ", ".join(b.param(t) for t in terms) + ")", materialized=True)
    for n, clause in enumerate(required):
        parts = [_item_docs(b, item, phrases) for item in clause]
        sets.append(b.cte(f"c{n}", " UNION ".join(parts)))
    if docs.active:
        sets.append(b.cte("f", doc_filter_sql(b, docs)))
    if not sets and not excluded:
        return None, phrases
    if not sets:
        sets.append(b.cte("everything", "SELECT DISTINCT doc_key FROM search_chunks"))
    allowed = " INTERSECT ".join(f"SELECT doc_key FROM {s}" for s in sets)
    if excluded:
        allowed += " EXCEPT (" + " UNION ".join(_item_docs(b, item, phrases) for item in excluded) + ")"
    return b.cte("allowed", allowed), phrases


def _item_docs(b: Builder, item: AItem, phrases: dict[str, str]) -> str:
    if not item.tokens:
        return "SELECT NULL::BIGINT AS doc_key WHERE false"
    if not item.phrase:
        return f"SELECT doc_key FROM p WHERE term_id = {b.param(item.tokens[0].term_id)}"
    if item.text not in phrases:
        phrases[item.text] = _phrase_cte(b, item, len(phrases))
    return f"SELECT doc_key FROM {phrases[item.text]}"


def _phrase_cte(b: Builder, item: AItem, n: int) -> str:
    """Passages holding the phrase: the positions of its words, at the gaps the phrase has."""
    ids = [b.param(t.term_id) for t in item.tokens]
    cols = ", ".join(f"flatten(list(pos) FILTER (WHERE term_id = {tid})) AS w{i}" for i, tid in enumerate(ids))
    rest = " AND ".join(f"list_contains(w{i}, x + {b.param(t.offset)})" for i, t in enumerate(item.tokens) if i)
    sql = (f"SELECT chunk_key, doc_key FROM (SELECT chunk_key, doc_key, {cols} FROM p "
           f"WHERE term_id IN ({', '.join(ids)}) GROUP BY chunk_key, doc_key) "
           f"WHERE {' AND '.join(f'len(w{i}) > 0' for i in range(len(ids)))} "
           f"AND len(list_filter(w0, x -> {rest})) > 0")
    return b.cte(f"phrase{n}", sql, materialized=True)


def doc_filter_sql(b: Builder, f: DocFilter) -> str:
    where = []
    if f.kinds is not None:
        where.append(f"d.kind IN (SELECT unnest({b.param(sorted(f.kinds))}::VARCHAR[]))")
    if f.sources is not None:
        where.append(f"d.source IN (SELECT unnest({b.param(sorted(f.sources))}::VARCHAR[]))")
    if f.date_from:
        where.append(f"d.doc_date >= {b.param(f.date_from)}")
    if f.date_to:
        where.append(f"d.doc_date <= {b.param(f.date_to)}")
    for ids in f.people:
        where.append("d.doc_id IN (SELECT doc_id FROM mentions WHERE person_id IN "
                     f"(SELECT unnest({b.param(ids)}::VARCHAR[])))")
    for issue in f.issues:
        where.append("d.doc_id IN (SELECT e.doc_id FROM events e JOIN event_issues i USING (event_id) "
                     f"WHERE i.issue = {b.param(issue)} OR i.issue ILIKE {b.param(issue.replace(' ', '_'))})")
    return f"SELECT {DOC_KEY} AS doc_key FROM documents d WHERE " + " AND ".join(where or ["true"])


def bm25(con: duckdb.DuckDBPyConnection, clauses: list[list[AItem]], excluded: list[AItem], docs: DocFilter,
         *, limit: int, also: list[tuple[int, int]] = ()) -> tuple[list[tuple[int, int, float]], Counts, Counts, bool]:
    """The best passages [(chunk_key, doc_key, score)]; how many passages and documents match, and
    how many with `also` (the semantic side's (chunk_key, doc_key)) counted in, once each; and
    whether the words had to be relaxed: when no document has all of them, documents with some of
    them are ranked."""
    found = _bm25(con, clauses, excluded, docs, limit, also, words_required=True)
    if found[0] or sum(1 for c in clauses if not all(i.quoted for i in c)) < 2:
        return (*found, False)
    return (*_bm25(con, clauses, excluded, docs, limit, also, words_required=False), True)


Counts = tuple[int, int]   # passages, documents


def _bm25(con: duckdb.DuckDBPyConnection, clauses: list[list[AItem]], excluded: list[AItem], docs: DocFilter,
          limit: int, also: list[tuple[int, int]], *, words_required: bool
          ) -> tuple[list[tuple[int, int, float]], Counts, Counts]:
    b = Builder()
    allowed, phrases = constraints(b, clauses, excluded, docs, words_required=words_required, scoring=True)
    positive = sorted({t.term_id for c in clauses for i in c for t in i.tokens})
    n_also = (len({c for c, _ in also}), len({d for _, d in also}))
    if not positive:
        return [], (0, 0), n_also
    if allowed is None:
        allowed = b.cte("allowed", "SELECT DISTINCT doc_key FROM p")
    b.cte("st", "SELECT count(*)::DOUBLE AS n, coalesce(avg(len), 1)::DOUBLE AS avgdl FROM search_chunks")
    b.cte("w", "SELECT term_id, ln(1 + (st.n - count(*) + 0.5) / (count(*) + 0.5)) AS idf, any_value(st.avgdl) AS avgdl "
               "FROM p, st GROUP BY term_id, st.n")
    boost = "".join(f" + (s.chunk_key IN (SELECT chunk_key FROM {cte}))::INT" for cte in phrases.values())
    b.cte("s", f"""
        SELECT s.chunk_key, s.doc_key, s.score * (1{boost}) AS score FROM (
            SELECT p.chunk_key, p.doc_key,
                   sum(w.idf * p.tf * {K1 + 1}::DOUBLE
                       / (p.tf + {K1}::DOUBLE * ({1 - B}::DOUBLE + {B}::DOUBLE * p.len / w.avgdl))) AS score
            FROM p JOIN w USING (term_id)
            WHERE p.term_id IN ({', '.join(b.param(t) for t in positive)})
              AND p.doc_key IN (SELECT doc_key FROM {allowed})
            GROUP BY p.chunk_key, p.doc_key) s""", materialized=True)
    extra = b.table({"chunk_key": pa.array([c for c, _ in also], pa.int64()),
                     "doc_key": pa.array([d for _, d in also], pa.int64())})
    rows = b.run(con, f"""
        SELECT chunk_key, doc_key, score,
               (SELECT count(*) FROM s), (SELECT count(DISTINCT doc_key) FROM s),
               (SELECT count(*) FROM (SELECT chunk_key FROM s UNION SELECT chunk_key FROM {extra})),
               (SELECT count(*) FROM (SELECT doc_key FROM s UNION SELECT doc_key FROM {extra}))
        FROM s ORDER BY score DESC, chunk_key LIMIT {b.param(limit)}""")
    if not rows:
        return [], (0, 0), n_also
    return [(r[0], r[1], r[2]) for r in rows], (rows[0][3], rows[0][4]), (rows[0][5], rows[0][6])
