"""Search over passages: BM25 (casefile's own index), semantic (nearest embeddings), and hybrid
(the two fused, the default). The query language is queries/query_language.py.
Results are grouped by document, best first, each hit with its page and a snippet with the
matched words marked, and the total number of matching passages and documents. In hybrid search,
when documents have all the words, documents found by meaning only come apart, as `related`."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any


from index.search_text import analyze, stems
from index.store import Store
from queries.filters import Filters, QueryError, parse_date, person_ids
from queries.query_language import Item, Query, parse
from queries.search_semantic import nearest
from queries.search_sql import AItem, Builder, DocFilter, bm25, constraints
from queries.snippets import snippet_for, words_of

RRF_K = 60            # the constant from Cormack et al. 2009, the usual default
CANDIDATES = 200      # passages taken from each ranker before fusing
RELATED_FLOOR = 0.45  # cosine a document found by meaning only needs to be listed as related (README, "Searching")
RELATED_LIMIT = 5     # related documents listed
RELATED_HITS = 2      # passages shown per related document
MODES = ("hybrid", "bm25", "semantic")
FUSIONS = ("scores", "rrf")


def search(store: Store, query: str, f: Filters | None = None, *, mode: str = "hybrid",
           encode: Callable[[list[str]], list[list[float]]] | None = None,
           fusion: str = "scores") -> dict[str, Any]:
    f = f or Filters()
    if mode not in MODES:
        raise QueryError(f"unknown search mode {mode!r}: use one of {', '.join(MODES)}")
    if fusion not in FUSIONS:
        raise QueryError(f"unknown fusion {fusion!r}: use one of {', '.join(FUSIONS)}")
    parsed = parse(query)
    docs = doc_filter(store, f, parsed.filters)
    con = store.con
    _check_index(store)
    clauses, excluded = _analyse(store, parsed)
    if mode != "bm25" and encode is None:
        raise QueryError("semantic search needs the embedding model")
    semantic: list[tuple[int, int, float]] = []
    if mode != "bm25":
        b = Builder()
        allowed, _ = constraints(b, clauses, excluded, docs, words_required=False)
        keys = [r[0] for r in b.run(con, f"SELECT doc_key FROM {allowed}")] if allowed else None
        semantic = nearest(con, keys, encode([parsed.text])[0], limit=CANDIDATES)
    lexical: list[tuple[int, int, float]] = []
    counts = union = (len(semantic), len({d for _, d, _ in semantic}))
    relaxed = False
    if mode != "semantic":
        also = [(c, d) for c, d, _ in semantic]
        lexical, counts, union, relaxed = bm25(con, clauses, excluded, docs, limit=CANDIDATES, also=also)
    # When documents have all the words, they are the results (words and meaning ranking them
    # together); a document found by meaning alone is only "related", and only when close in meaning.
    # (Scores are fused over both whole rankings, as without the split: it only takes documents out.)
    split = mode == "hybrid" and bool(lexical) and not relaxed
    matched = {d for _, d, _ in lexical}
    meaning_only = [r for r in semantic if r[1] not in matched] if split else []
    total, documents = union if mode == "hybrid" and not split else counts
    rankings = {"bm25": lexical, "cosine": semantic}
    fuse = fuse_rrf if fusion == "rrf" else fuse_scores
    doc_scores, passage_scores = fuse([r for r in rankings.values() if r] or [[]])
    doc_of = {c: d for ranking in rankings.values() for c, d, _ in ranking}
    raw: dict[int, dict[str, float]] = {}
    for name, ranking in rankings.items():
        for chunk_key, _, score in ranking:
            raw.setdefault(chunk_key, {})[name] = round(score, 4)
    shown = {c for c, _, _ in lexical} if split else passage_scores   # a result's passages have the words
    order = sorted((c for c in passage_scores if c in shown),
                   key=lambda c: (-doc_scores[doc_of[c]], -passage_scores[c], c))
    wanted = {t.stem for clause in clauses for item in clause for t in item.tokens}
    result = _group(store, order, passage_scores, doc_scores, doc_of, raw, wanted, f.limit or 20)
    related = _related(store, meaning_only, doc_of, raw, wanted)
    return {"total": total, "documents": documents, "results": result, "related": related,
            "query": {"mode": mode, "text": parsed.text, "filters": docs_summary(parsed),
                      "all_words": not relaxed}}


def _related(store: Store, ranking: Ranking, doc_of: dict[int, int], raw: dict[int, dict[str, float]],
             wanted: set[str]) -> list[dict[str, Any]]:
    """Documents found by meaning only, at RELATED_FLOOR or closer, nearest first, each with its
    nearest passages."""
    cosine = {c: score for c, _, score in ranking if score >= RELATED_FLOOR}
    best: dict[int, float] = {}
    for chunk_key, score in cosine.items():
        best[doc_of[chunk_key]] = max(best.get(doc_of[chunk_key], score), score)
    order = sorted(cosine, key=lambda c: (-best[doc_of[c]], -cosine[c], c))
    kept: list[int] = []
    per_doc: dict[int, int] = {}
    for chunk_key in order:
        per_doc[doc_of[chunk_key]] = per_doc.get(doc_of[chunk_key], 0) + 1
        if per_doc[doc_of[chunk_key]] <= RELATED_HITS:
            kept.append(chunk_key)
    return _group(store, kept, cosine, best, doc_of, raw, wanted, RELATED_LIMIT)


Ranking = list[tuple[int, int, float]]   # (chunk_key, doc_key, score), best first


def fuse_scores(rankings: list[Ranking], weights: tuple[float, ...] = (0.5, 0.5)
                ) -> tuple[dict[int, float], dict[int, float]]:
    """Convex combination of min-max normalised scores (Bruch et al. 2023, "An Analysis of Fusion
    Functions for Hybrid Retrieval"): a document's score from its best passage in each ranking,
    a passage's from its own scores. Measured on the demo's relevance set against RRF in
    tests/test_relevance_demo.py: RRF keeps only ranks and lost to BM25 alone."""
    docs: dict[int, float] = {}
    passages: dict[int, float] = {}
    for weight, ranking in zip(weights if len(rankings) > 1 else (1.0,), rankings):
        best: dict[int, float] = {}
        for _, doc_key, score in ranking:
            best[doc_key] = max(best.get(doc_key, score), score)
        for level, values, out in (("doc", best, docs),
                                   ("passage", {c: v for c, _, v in ranking}, passages)):
            if not values:
                continue
            low, high = min(values.values()), max(values.values())
            for key, value in values.items():
                norm = (value - low) / (high - low) if high > low else 1.0
                out[key] = out.get(key, 0.0) + weight * norm
    for ranking in rankings:  # every ranked passage and document has a score, 0 at worst
        for chunk_key, doc_key, _ in ranking:
            passages.setdefault(chunk_key, 0.0)
            docs.setdefault(doc_key, 0.0)
    return docs, passages


def fuse_rrf(rankings: list[Ranking]) -> tuple[dict[int, float], dict[int, float]]:
    """Reciprocal rank fusion (Cormack et al. 2009) of passages; a document scores as its best passage."""
    passages: dict[int, float] = {}
    docs: dict[int, float] = {}
    for ranking in rankings:
        for rank, (chunk_key, _, _) in enumerate(ranking):
            passages[chunk_key] = passages.get(chunk_key, 0.0) + 1.0 / (RRF_K + rank + 1)
    for ranking in rankings:
        for chunk_key, doc_key, _ in ranking:
            docs[doc_key] = max(docs.get(doc_key, 0.0), passages[chunk_key])
    return docs, passages


def doc_filter(store: Store, f: Filters, extra: dict[str, list[str]]) -> DocFilter:
    """The command line's filters and the query's filters, all of which must hold."""
    def one_of(cli: str | None, typed: list[str]) -> set[str] | None:
        if cli is None and not typed:
            return None
        values = set(typed) if typed else {cli}
        return values & {cli} if cli is not None else values
    names = ([f.person] if f.person else []) + extra.get("person", [])
    froms = [d for d in [f.date_from, *(parse_date(v) for v in extra.get("from", []))] if d]
    tos = [d for d in [f.date_to, *(parse_date(v, end=True) for v in extra.get("to", []))] if d]
    return DocFilter(kinds=one_of(f.kind, extra.get("kind", [])), sources=one_of(f.source, extra.get("source", [])),
                     people=[person_ids(store, name) for name in names],
                     issues=([f.issue] if f.issue else []) + extra.get("issue", []),
                     date_from=max(froms) if froms else None, date_to=min(tos) if tos else None)


def docs_summary(parsed: Query) -> dict[str, list[str]]:
    return {k: list(v) for k, v in parsed.filters.items()}


def _check_index(store: Store) -> None:
    indexed = store.scalar("SELECT count(*) FROM search_chunks")
    if not indexed and store.scalar("SELECT count(*) FROM chunks"):
        raise QueryError("the search index is not built yet: run `casefile process`")


def _analyse(store: Store, parsed: Query) -> tuple[list[list[AItem]], list[AItem]]:
    """Each item's indexed tokens; items of only very common words ("the") drop out."""
    items: list[Item] = [i for c in parsed.clauses for i in c] + parsed.excluded
    tokens = iter(analyze(store.con, [i.text for i in items]))
    analysed = {id(i): AItem(i.text, next(tokens), quoted=i.phrase) for i in items}
    clauses = [kept for c in parsed.clauses if (kept := [analysed[id(i)] for i in c if analysed[id(i)].tokens])]
    excluded = [analysed[id(i)] for i in parsed.excluded if analysed[id(i)].tokens]
    if not clauses:
        if parsed.clauses:
            raise QueryError("the query has only very common words (like 'the' or 'of'): add a more specific one")
        if parsed.excluded:
            raise QueryError("the query only excludes words: add a word or a phrase to look for")
        raise QueryError("empty query: give at least one word to look for")
    return clauses, excluded


def _group(store: Store, order: list[int], scores: dict[int, float], doc_scores: dict[int, float],
           doc_of: dict[int, int], raw: dict[int, dict[str, float]], wanted: set[str],
           limit: int) -> list[dict[str, Any]]:
    """Hits grouped by document, documents in the order of their best hit, up to `limit` of them."""
    shown_docs: list[int] = []
    for chunk_key in order:
        if doc_of[chunk_key] not in shown_docs:
            if len(shown_docs) >= limit:
                continue
            shown_docs.append(doc_of[chunk_key])
    keys = [c for c in order if doc_of[c] in set(shown_docs)]
    if not keys:
        return []
    # Keys and ids come from the index, never from the user: as SQL literals they become a filter
    # inside the table scan (a join reads every passage's text: 0.2 s at 100k passages).
    ids = dict(store.con.execute("SELECT chunk_key, chunk_id FROM search_chunks WHERE chunk_key IN ("
                                 + ", ".join(str(int(k)) for k in keys) + ")").fetchall())
    chunks = {r[0]: r for r in store.con.execute(
        "SELECT chunk_id, doc_id, page, char_start, char_end, text FROM chunks WHERE chunk_id IN ("
        f"{_literals(ids.values())})").fetchall()}   # no join here: DuckDB would then read every passage
    doc_rows = {r[0]: r[1:] for r in store.con.execute(
        "SELECT doc_id, title, url, kind, source, doc_date FROM documents WHERE doc_id IN ("
        f"{_literals({c[1] for c in chunks.values()})})").fetchall()}
    rows = {k: chunks[i] + doc_rows[chunks[i][1]] for k, i in ids.items() if i in chunks}
    stem_of = stems(store.con, sorted(words_of([r[5] for r in rows.values()])))
    groups: dict[str, dict[str, Any]] = {}
    for chunk_key in keys:
        r = rows.get(chunk_key)
        if r is None:  # defensive: an index row whose passage is gone is not a hit
            continue
        chunk_id, doc_id, page, start, end, text, title, url, kind, source, doc_date = r
        g = groups.get(doc_id)
        if g is None:
            g = groups[doc_id] = {"doc_id": doc_id, "title": title, "url": url, "kind": kind, "source": source,
                                  "doc_date": doc_date.isoformat() if doc_date else None,
                                  "score": round(doc_scores[doc_of[chunk_key]], 6), "hits": []}
        snippet, spans = snippet_for(text, stem_of, wanted)
        g["hits"].append({"chunk_id": chunk_id, "page": page, "char_start": start, "char_end": end,
                          "score": round(scores[chunk_key], 6), **raw.get(chunk_key, {}),
                          "snippet": snippet, "marks": spans})
    return list(groups.values())


def _literals(values: Any) -> str:
    """SQL string literals for ids read from the index (never for anything a user typed)."""
    return ", ".join("'" + str(v).replace("'", "''") + "'" for v in values) or "NULL"
